import type { BrokerHealthRow } from '../../../shared/broker-health';
import { BROKER_LIVENESS_LABELS, type BrokerLiveness } from '../../../shared/broker-status-history';
import { formatClock } from '../format/units';

const GLYPHS: Record<BrokerLiveness, string> = { healthy: '✓', recovering: '↻', offline: '✕', fenced: '⊘' };
const PILLS: Record<BrokerLiveness, string> = {
  healthy: 'pill pill-ok',
  recovering: 'pill pill-warning',
  offline: 'pill pill-critical',
  fenced: 'pill pill-critical',
};

/** Liveness from the status history, with since-when; "unknown" before the first health report. */
export function LivenessBadge({ health }: { readonly health: BrokerHealthRow | null }) {
  if (health === null) {
    return (
      <span className="unknown" data-testid="broker-liveness" data-status="unknown" data-unknown="true" title="No broker health report yet">
        unknown
      </span>
    );
  }
  const since = health.status === 'healthy' ? null : (health.downSince ?? health.since);
  const title = [health.detail, health.lastSeenAt === null ? null : `last seen ${formatClock(health.lastSeenAt)}`].filter((s) => s !== null && s !== '').join('\n');
  return (
    <span className={PILLS[health.status]} data-testid="broker-liveness" data-status={health.status} title={title || undefined}>
      <span aria-hidden="true">{GLYPHS[health.status]} </span>
      {BROKER_LIVENESS_LABELS[health.status]}
      {since !== null && <span data-testid="broker-liveness-since"> since {formatClock(since)}</span>}
    </span>
  );
}
