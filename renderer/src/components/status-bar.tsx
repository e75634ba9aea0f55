import type { ConnectionState } from '../../../shared/cluster-status';
import { isStale } from '../../../shared/staleness';
import { formatAgo, formatClock } from '../format/units';
import { useClusterStatus, useSelectedClusterKey } from '../state/clusters-store';
import { useLatestView } from '../state/snapshot-store';
import { useNow } from '../state/use-now';

const STATE_LABELS: Record<ConnectionState, string> = {
  connecting: 'connecting',
  ok: 'connected',
  unreachable: 'unreachable',
  stopped: 'stopped',
};

const STATE_PILLS: Record<ConnectionState, string> = {
  connecting: 'pill',
  ok: 'pill pill-ok',
  unreachable: 'pill pill-critical',
  stopped: 'pill pill-warning',
};

/**
 * Always on screen, whatever the tab: how fresh the data is, whether the poller reaches the cluster,
 * and which brokers did not answer — the first things to doubt when a number looks wrong.
 */
export function StatusBar() {
  const clusterKey = useSelectedClusterKey();
  const status = useClusterStatus(clusterKey);
  const snapshot = useLatestView(clusterKey)?.snapshot ?? null;
  const now = useNow();

  if (clusterKey === null || status === null) {
    return (
      <div className="status-bar" data-testid="status-bar">
        <span className="muted" data-testid="cluster-state" data-state="none">
          No cluster status yet
        </span>
      </div>
    );
  }

  const stale = isStale(status, now);
  const errors = snapshot?.brokerErrors ?? [];
  return (
    <div className="status-bar" data-testid="status-bar">
      <span>
        <strong>{status.profileName}</strong> <span className="muted mono">{status.bootstrap.join(', ')}</span>
      </span>
      <span className={STATE_PILLS[status.state]} data-testid="cluster-state" data-state={status.state}>
        {STATE_LABELS[status.state]}
      </span>
      <span data-testid="last-poll" data-epoch-ms={status.lastSuccessAt ?? ''}>
        Last successful poll:{' '}
        {status.lastSuccessAt === null ? (
          <span className="muted">never</span>
        ) : (
          <>
            {formatClock(status.lastSuccessAt)} <span className="muted">({formatAgo(status.lastSuccessAt, now)})</span>
          </>
        )}
      </span>
      {stale && (
        <span className="pill pill-critical" data-testid="stale-marker" title={`No successful poll for more than 3 intervals of ${status.intervalMs} ms`}>
          stale
        </span>
      )}
      {snapshot !== null && (
        <span className="muted">
          poll took {snapshot.pollDurationMs} ms, {snapshot.requestCount} requests
        </span>
      )}
      {status.lastError !== null && (
        <span className="severity-critical" data-testid="last-error">
          {status.state}: {status.lastError}
          {status.consecutiveFailures > 1 ? ` (${status.consecutiveFailures} failures in a row)` : ''}
        </span>
      )}
      {errors.length > 0 && (
        // Open while short enough to read at a glance; a long list stays one click away.
        <details data-testid="broker-errors" open={errors.length <= 3}>
          <summary className="severity-warning">
            {errors.length} broker error{errors.length === 1 ? '' : 's'} in the last poll
          </summary>
          <ul className="broker-errors">
            {errors.map((e, i) => (
              <li key={`${e.brokerId}-${e.operation}-${i}`} data-testid="broker-error" data-broker-id={e.brokerId}>
                broker {e.brokerId}, {e.operation}: {e.error}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
