import type { BrokerOutlierFlags } from '../../../shared/broker-health';

export type OutlierKind = 'slow-requests' | 'slow-heartbeat' | 'flapping-isr';

export const OUTLIER_LABELS: Record<OutlierKind, string> = {
  'slow-requests': 'slow requests',
  'slow-heartbeat': 'slow heartbeat',
  'flapping-isr': 'flapping ISR',
};

export function outlierKinds(flags: BrokerOutlierFlags): OutlierKind[] {
  const kinds: OutlierKind[] = [];
  if (flags.slowRequests) kinds.push('slow-requests');
  if (flags.slowHeartbeat) kinds.push('slow-heartbeat');
  if (flags.flappingIsr) kinds.push('flapping-isr');
  return kinds;
}

function titleOf(kind: OutlierKind, flags: BrokerOutlierFlags): string {
  if (kind === 'slow-requests') return `Request latency far above its peers (modified z-score ${flags.requestScore?.toFixed(1) ?? '?'})`;
  if (kind === 'slow-heartbeat') return `Heartbeat acknowledgement far above its peers (modified z-score ${flags.heartbeatScore?.toFixed(1) ?? '?'})`;
  return `Left an ISR ${flags.isrShrinks} times within the flapping window`;
}

/** The flags a broker raised, each its own chip; nothing when it raised none. */
export function OutlierFlags({ flags }: { readonly flags: BrokerOutlierFlags }) {
  return (
    <>
      {outlierKinds(flags).map((kind) => (
        <span key={kind} className="pill pill-warning" data-testid="broker-outlier" data-kind={kind} title={titleOf(kind, flags)}>
          <span aria-hidden="true">▲ </span>
          {OUTLIER_LABELS[kind]}
        </span>
      ))}
    </>
  );
}
