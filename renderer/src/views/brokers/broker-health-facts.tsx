import type { BrokerHealthRow } from '../../../../shared/broker-health';
import type { LatencySummary } from '../../../../shared/latency-stats';
import { LivenessBadge } from '../../components/liveness-badge';
import { OutlierFlags, outlierKinds } from '../../components/outlier-flags';
import { formatAvailability, formatClock, formatCount, formatMs } from '../../format/units';
import { navigate } from '../../navigation/route-store';

const nothing = (s: LatencySummary): boolean => s.samples === 0;
const ms = (s: LatencySummary, value: number | null): string => (value === null ? (nothing(s) ? '—' : 'unknown') : formatMs(value));
const summaryText = (s: LatencySummary): string =>
  `${ms(s, s.lastMs)} last · ${ms(s, s.p50Ms)} p50 · ${ms(s, s.p99Ms)} p99 · ${s.failures}/${s.samples} failed`;

/** The broker's liveness, latency and heartbeat figures from the latest health report. */
export function BrokerHealthFacts({ health }: { readonly health: BrokerHealthRow | null }) {
  if (health === null) return <p className="muted" data-testid="broker-health-facts">No broker health report yet.</p>;
  const hb = health.heartbeat;
  return (
    <dl className="card-facts" data-testid="broker-health-facts">
      <dt>liveness</dt>
      <dd>
        <LivenessBadge health={health} />
      </dd>
      {health.detail !== '' && (
        <>
          <dt>detail</dt>
          <dd>{health.detail}</dd>
        </>
      )}
      <dt>last seen</dt>
      <dd>{health.lastSeenAt === null ? 'never' : formatClock(health.lastSeenAt)}</dd>
      <dt>request RTT</dt>
      <dd>{summaryText(health.requestLatency)}</dd>
      <dt>heartbeat ack</dt>
      <dd>{hb === null ? <span className="muted">heartbeat off</span> : summaryText(hb.ackLatency)}</dd>
      {hb !== null && (
        <>
          <dt>heartbeat end-to-end</dt>
          <dd>{summaryText(hb.endToEndLatency)}</dd>
          <dt>availability</dt>
          <dd>
            {formatAvailability(hb.availability)}{' '}
            <span className="muted">
              (lost {formatCount(hb.window.lost)}, late {formatCount(hb.window.late)}, duplicated {formatCount(hb.window.duplicated)} in the window)
            </span>
          </dd>
        </>
      )}
      {outlierKinds(health.outlier).length > 0 && (
        <>
          <dt>outlier</dt>
          <dd>
            <OutlierFlags flags={health.outlier} />
          </dd>
        </>
      )}
      <dt />
      <dd>
        <button type="button" className="link" data-testid="open-latency" onClick={() => navigate({ tab: 'latency', selected: null })}>
          latency over time →
        </button>
      </dd>
    </dl>
  );
}
