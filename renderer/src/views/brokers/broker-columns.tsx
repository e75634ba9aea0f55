import { BROKER_ROLE_LABELS, brokerAddress, type BrokerRow } from '../../../../shared/broker-rows';
import { BrokerStatusBadge } from '../../components/broker-status-badge';
import { UnknownValue } from '../../components/unknown-value';
import { formatBytes, formatCount, formatPercent } from '../../format/units';
import type { ColumnSpec } from '../../table/column-spec';

const count = (value: (row: BrokerRow) => number, header: string, id: string, description: string, warnAbove0 = false): ColumnSpec<BrokerRow> => ({
  id,
  header,
  description,
  sortValue: value,
  csvValue: (row) => String(value(row)),
  cell: (row) => <span className={warnAbove0 && value(row) > 0 ? 'severity-warning' : undefined}>{formatCount(value(row))}</span>,
  width: 84,
  align: 'end',
});

const skew = (value: (row: BrokerRow) => number | null, header: string, id: string, description: string): ColumnSpec<BrokerRow> => ({
  id,
  header,
  description,
  sortValue: (row) => value(row) ?? undefined,
  csvValue: (row) => (value(row) === null ? '' : (value(row) as number).toFixed(1)),
  cell: (row) => formatPercent(value(row)),
  width: 96,
  align: 'end',
});

export const BROKER_COLUMNS: readonly ColumnSpec<BrokerRow>[] = [
  {
    id: 'id',
    header: 'id',
    sortValue: (row) => row.id,
    csvValue: (row) => String(row.id),
    searchable: true,
    width: 64,
    align: 'end',
  },
  {
    id: 'address',
    header: 'host:port',
    sortValue: (row) => brokerAddress(row) ?? undefined,
    csvValue: (row) => brokerAddress(row) ?? '',
    cell: (row) => <span className="mono">{brokerAddress(row) ?? <span className="muted">not registered</span>}</span>,
    searchable: true,
    width: 200,
    grow: 2,
  },
  {
    id: 'rack',
    header: 'rack',
    sortValue: (row) => row.rack ?? undefined,
    csvValue: (row) => row.rack ?? '',
    cell: (row) => <span data-testid="broker-rack">{row.rack ?? ''}</span>,
    searchable: true,
    width: 100,
    grow: 1,
  },
  {
    id: 'instance',
    header: 'instance id',
    description: 'Cloud instance id, from the instance resolver when one is configured',
    sortValue: (row) => row.instance?.instanceId ?? undefined,
    csvValue: (row) => row.instance?.instanceId ?? '',
    cell: (row) => <span className="mono" data-testid="broker-instance">{row.instance?.instanceId ?? ''}</span>,
    searchable: true,
    width: 100,
    grow: 1,
  },
  {
    id: 'zone',
    header: 'zone',
    sortValue: (row) => row.instance?.zone ?? undefined,
    csvValue: (row) => row.instance?.zone ?? '',
    searchable: true,
    width: 70,
    grow: 1,
  },
  {
    id: 'instanceType',
    header: 'instance type',
    description: 'Cloud instance type, when the mapping file or the host pattern names it',
    sortValue: (row) => row.instance?.instanceType ?? undefined,
    csvValue: (row) => row.instance?.instanceType ?? '',
    cell: (row) => <span className="mono">{row.instance?.instanceType ?? ''}</span>,
    searchable: true,
    width: 90,
    grow: 1,
  },
  {
    id: 'role',
    header: 'role',
    description: 'Active controller (leader of the KRaft metadata quorum) or quorum voter',
    sortValue: (row) => (row.role === null ? undefined : BROKER_ROLE_LABELS[row.role]),
    csvValue: (row) => (row.role === null ? '' : BROKER_ROLE_LABELS[row.role]),
    cell: (row) => (row.role === null ? '' : <span data-testid="broker-role" data-role={row.role}>{BROKER_ROLE_LABELS[row.role]}</span>),
    searchable: true,
    width: 130,
  },
  count((r) => r.leaders, 'leaders', 'leaders', 'Partitions this broker currently leads'),
  count((r) => r.replicas, 'replicas', 'replicas', 'Replicas assigned to this broker'),
  count((r) => r.followers, 'followers', 'followers', 'Replicas it hosts without leading them'),
  count((r) => r.outOfSyncReplicas, 'out of sync', 'outOfSync', 'Replicas hosted here that are not in their partition’s ISR', true),
  count((r) => r.offlineReplicas, 'offline', 'offline', 'Replicas hosted here that Kafka reports offline', true),
  skew((r) => r.leaderSkewPct, 'leader skew', 'leaderSkew', '(leaders − average) / average over unfenced brokers; blank below 50 partitions'),
  skew((r) => r.replicaSkewPct, 'replica skew', 'replicaSkew', '(replicas − average) / average over unfenced brokers; blank below 50 partitions'),
  {
    id: 'disk',
    header: 'disk used',
    description: 'Sum of the replica sizes in the broker’s log directories',
    sortValue: (row) => (row.diskUsed.status === 'ok' ? row.diskUsed.value : undefined),
    csvValue: (row) => (row.diskUsed.status === 'ok' ? String(row.diskUsed.value) : 'unknown'),
    cell: (row) =>
      row.diskUsed.status === 'ok' ? (
        <span className={row.logDirErrors > 0 ? 'severity-critical' : undefined} title={row.logDirErrors > 0 ? `${row.logDirErrors} log directories report an error` : undefined}>
          {formatBytes(row.diskUsed.value)}
          {row.logDirErrors > 0 ? ' !' : ''}
        </span>
      ) : (
        <UnknownValue error={row.diskUsed.error} />
      ),
    width: 90,
    align: 'end',
  },
  {
    id: 'status',
    header: 'status',
    sortValue: (row) => row.status,
    csvValue: (row) => row.status,
    cell: (row) => <BrokerStatusBadge status={row.status} />,
    searchable: true,
    width: 86,
  },
  {
    id: 'errors',
    header: 'poll errors',
    description: 'Requests this broker did not answer in the last poll',
    sortValue: (row) => row.errors.length,
    csvValue: (row) => row.errors.map((e) => `${e.operation}: ${e.error}`).join('; '),
    cell: (row) =>
      row.errors.length === 0 ? (
        ''
      ) : (
        <span className="severity-warning" data-testid="broker-error" data-broker-id={row.id} title={row.errors.map((e) => `${e.operation}: ${e.error}`).join('\n')}>
          ! {row.errors.map((e) => e.operation).join(', ')}
        </span>
      ),
    width: 100,
    grow: 1,
  },
];
