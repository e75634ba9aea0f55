import { selectCluster, useClustersStore } from '../state/clusters-store';

/** Shown only when more than one cluster is configured. */
export function ClusterPicker() {
  const order = useClustersStore((s) => s.order);
  const statuses = useClustersStore((s) => s.statuses);
  const selected = useClustersStore((s) => s.selectedClusterKey);
  if (order.length < 2) return null;
  return (
    <label>
      <span className="muted">Cluster </span>
      <select data-testid="cluster-picker" value={selected ?? ''} onChange={(e) => selectCluster(e.target.value)}>
        {order.map((key) => {
          const status = statuses[key];
          return (
            <option key={key} value={key}>
              {status?.profileName ?? key}
              {status !== undefined && status.state !== 'ok' ? ` (${status.state})` : ''}
            </option>
          );
        })}
      </select>
    </label>
  );
}
