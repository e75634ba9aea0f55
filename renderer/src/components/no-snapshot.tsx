import { useClusterStatus, useClustersStore, useSelectedClusterKey } from '../state/clusters-store';

/** What a tab shows before the selected cluster has ever been polled successfully. */
export function NoSnapshot() {
  const clusterKey = useSelectedClusterKey();
  const status = useClusterStatus(clusterKey);
  const clusterCount = useClustersStore((s) => s.order.length);
  if (clusterCount === 0) {
    return (
      <div className="empty" data-testid="no-clusters">
        No clusters yet. Waiting for the app backend to list its configured clusters.
      </div>
    );
  }
  if (status === null) return <div className="empty">Waiting for the first status of {clusterKey}…</div>;
  return (
    <div className="empty" data-testid="no-snapshot">
      <p>
        No snapshot of <strong>{status.profileName}</strong> yet ({status.bootstrap.join(', ')}).
      </p>
      {status.lastError !== null ? (
        <p className="severity-critical" data-testid="no-snapshot-error">
          {status.state}: {status.lastError}
        </p>
      ) : (
        <p>Polling…</p>
      )}
    </div>
  );
}
