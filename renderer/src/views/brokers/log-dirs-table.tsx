import type { BrokerInfo, LogDirInfo } from '../../../../shared/cluster-snapshot';
import { UnknownValue } from '../../components/unknown-value';
import { formatBytes, formatCount } from '../../format/units';
import type { ColumnSpec } from '../../table/column-spec';
import { DataTable } from '../../table/data-table';

/** Brokers before DescribeLogDirs v4 (Kafka 3.3) do not send volume sizes: that is not an empty disk. */
const sizesReported = (dir: LogDirInfo): dir is LogDirInfo & { usableBytes: number; totalBytes: number } =>
  dir.usableBytes !== null && dir.totalBytes !== null;

const LOG_DIR_COLUMNS: readonly ColumnSpec<LogDirInfo>[] = [
  {
    id: 'path',
    header: 'path',
    sortValue: (dir) => dir.path,
    csvValue: (dir) => dir.path,
    cell: (dir) => <span className="mono">{dir.path}</span>,
    searchable: true,
    width: 140,
    grow: 2,
  },
  {
    id: 'state',
    header: 'state',
    description: 'The error Kafka reports for this directory, ok when none',
    sortValue: (dir) => dir.error ?? 'ok',
    csvValue: (dir) => dir.error ?? 'ok',
    cell: (dir) => <span className={dir.error === null ? undefined : 'severity-critical'}>{dir.error ?? 'ok'}</span>,
    searchable: true,
    width: 80,
    grow: 1,
  },
  {
    id: 'replicas',
    header: 'replicas',
    sortValue: (dir) => dir.replicaCount,
    csvValue: (dir) => String(dir.replicaCount),
    cell: (dir) => formatCount(dir.replicaCount),
    width: 72,
    align: 'end',
  },
  {
    id: 'replicaBytes',
    header: 'replica bytes',
    description: 'Sum of the sizes of the replicas stored in this directory',
    sortValue: (dir) => dir.replicaBytes,
    csvValue: (dir) => String(dir.replicaBytes),
    cell: (dir) => formatBytes(dir.replicaBytes),
    width: 96,
    align: 'end',
  },
  {
    id: 'usable',
    header: 'usable / total',
    description: 'Free space on the volume the broker can write to, of its size; sorts by the free space',
    sortValue: (dir) => (sizesReported(dir) ? dir.usableBytes : undefined),
    csvValue: (dir) => (sizesReported(dir) ? `${dir.usableBytes} / ${dir.totalBytes}` : 'not reported'),
    cell: (dir) =>
      sizesReported(dir) ? (
        `${formatBytes(dir.usableBytes)} / ${formatBytes(dir.totalBytes)}`
      ) : (
        <span className="muted" title="This broker's Kafka version does not report volume sizes">
          not reported
        </span>
      ),
    width: 140,
    align: 'end',
  },
];

const rowKey = (dir: LogDirInfo): string => dir.path;
const rowAttributes = (dir: LogDirInfo) => ({ 'data-path': dir.path });

export function LogDirsTable({ broker, clusterKey }: { readonly broker: BrokerInfo | undefined; readonly clusterKey: string }) {
  if (broker === undefined) return <p className="muted">Not registered: its log directories cannot be described.</p>;
  if (broker.logDirs.status === 'missing') {
    return (
      <p data-testid="log-dirs-unknown">
        Log directories: <UnknownValue error={broker.logDirs.error} />
      </p>
    );
  }
  return (
    <div data-testid="log-dirs">
      <DataTable
        tableId="log-dirs"
        rows={broker.logDirs.value}
        columns={LOG_DIR_COLUMNS}
        rowKey={rowKey}
        rowTestId="log-dir"
        rowAttributes={rowAttributes}
        csvFileName={`${clusterKey}-broker-${broker.id}-log-dirs.csv`}
        fitRows={8}
        emptyText="This broker reports no log directories."
        filterPlaceholder="Filter directories (text or /regex/)"
      />
    </div>
  );
}
