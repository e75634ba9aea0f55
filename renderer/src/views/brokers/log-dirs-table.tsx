import type { BrokerInfo } from '../../../../shared/cluster-snapshot';
import { UnknownValue } from '../../components/unknown-value';
import { formatBytes, formatCount } from '../../format/units';

export function LogDirsTable({ broker }: { readonly broker: BrokerInfo | undefined }) {
  if (broker === undefined) return <p className="muted">Not registered: its log directories cannot be described.</p>;
  if (broker.logDirs.status === 'missing') {
    return (
      <p data-testid="log-dirs-unknown">
        Log directories: <UnknownValue error={broker.logDirs.error} />
      </p>
    );
  }
  return (
    <table className="simple-table" data-testid="log-dirs">
      <thead>
        <tr>
          <th>path</th>
          <th>state</th>
          <th>replicas</th>
          <th>replica bytes</th>
          <th>usable / total</th>
        </tr>
      </thead>
      <tbody>
        {broker.logDirs.value.map((dir) => (
          <tr key={dir.path} data-testid="log-dir" data-path={dir.path}>
            <td className="mono">{dir.path}</td>
            <td className={dir.error === null ? undefined : 'severity-critical'}>{dir.error ?? 'ok'}</td>
            <td>{formatCount(dir.replicaCount)}</td>
            <td>{formatBytes(dir.replicaBytes)}</td>
            <td>
              {dir.usableBytes === null || dir.totalBytes === null ? (
                <span className="muted" title="This broker's Kafka version does not report volume sizes">
                  not reported
                </span>
              ) : (
                `${formatBytes(dir.usableBytes)} / ${formatBytes(dir.totalBytes)}`
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
