import type { BrokerHealthRow, HeartbeatBrokerStats } from '../../../../shared/broker-health';
import type { BrokerLiveness } from '../../../../shared/broker-status-history';
import type { HeartbeatCounts } from '../../../../shared/heartbeat-ledger';
import type { LatencySummary } from '../../../../shared/latency-stats';
import { LivenessBadge } from '../../components/liveness-badge';
import { OutlierFlags, outlierKinds } from '../../components/outlier-flags';
import { UnknownValue } from '../../components/unknown-value';
import { formatAvailability, formatCount, formatMs } from '../../format/units';
import type { BrokerTableRow } from '../../state/broker-table-rows';
import type { ColumnSpec } from '../../table/column-spec';

/** Worse sorts higher, so a descending sort puts the brokers in trouble first. */
const LIVENESS_RANK: Record<BrokerLiveness, number> = { healthy: 0, recovering: 1, fenced: 2, offline: 3 };

const NO_REPORT = 'No broker health report for this cluster yet';
const HEARTBEAT_OFF = 'The heartbeat is off for this cluster';

type LatencyField = 'lastMs' | 'p50Ms' | 'p99Ms';

/** Null and undefined stay apart: no summary (nothing measured) is '—', a failed measurement is 'unknown'. */
function LatencyCell({ summary, field, testId, missing }: { readonly summary: LatencySummary | null; readonly field: LatencyField; readonly testId?: string; readonly missing: string }) {
  if (summary === null) return <span className="muted" data-testid={testId} title={missing}>—</span>;
  const value = summary[field];
  if (value !== null) return <span data-testid={testId} data-ms={value} title={`${summary.samples} samples, ${summary.failures} failed`}>{formatMs(value)}</span>;
  if (summary.samples === 0) return <span className="muted" data-testid={testId} title="No attempt in the window yet">—</span>;
  return (
    <span data-testid={testId}>
      <UnknownValue error={field === 'lastMs' ? 'The last attempt failed or timed out' : `All ${summary.samples} attempts in the window failed or timed out`} />
    </span>
  );
}

function latencyColumn(
  id: string,
  header: string,
  description: string,
  pick: (health: BrokerHealthRow) => LatencySummary | null,
  field: LatencyField,
  missing: string,
  testId?: string,
): ColumnSpec<BrokerTableRow> {
  const summaryOf = (row: BrokerTableRow): LatencySummary | null => (row.health === null ? null : pick(row.health));
  const valueOf = (row: BrokerTableRow): number | null => summaryOf(row)?.[field] ?? null;
  return {
    id,
    header,
    description,
    sortValue: (row) => valueOf(row) ?? undefined,
    csvValue: (row) => {
      const value = valueOf(row);
      if (value !== null) return String(value);
      return summaryOf(row) === null || summaryOf(row)?.samples === 0 ? '' : 'unknown';
    },
    cell: (row) => <LatencyCell summary={summaryOf(row)} field={field} testId={testId} missing={row.health === null ? NO_REPORT : missing} />,
    width: 84,
    align: 'end',
  };
}

function countColumn(id: string, header: string, description: string, pick: (counts: HeartbeatCounts) => number): ColumnSpec<BrokerTableRow> {
  const statsOf = (row: BrokerTableRow): HeartbeatBrokerStats | null => row.health?.heartbeat ?? null;
  const valueOf = (row: BrokerTableRow): number | null => {
    const stats = statsOf(row);
    return stats === null ? null : pick(stats.window);
  };
  return {
    id,
    header,
    description,
    sortValue: (row) => valueOf(row) ?? undefined,
    csvValue: (row) => String(valueOf(row) ?? ''),
    cell: (row) => {
      const stats = statsOf(row);
      if (stats === null) return <span className="muted" title={row.health === null ? NO_REPORT : HEARTBEAT_OFF}>—</span>;
      const value = pick(stats.window);
      return (
        <span className={value > 0 ? 'severity-warning' : undefined} data-testid={`broker-heartbeat-${id}`} title={`${formatCount(pick(stats.total))} since the heartbeat was turned on`}>
          {formatCount(value)}
        </span>
      );
    },
    width: 64,
    align: 'end',
  };
}

const heartbeatOf =
  (which: 'ackLatency' | 'endToEndLatency') =>
  (health: BrokerHealthRow): LatencySummary | null =>
    health.heartbeat === null ? null : health.heartbeat[which];

export const BROKER_HEALTH_COLUMNS: readonly ColumnSpec<BrokerTableRow>[] = [
  {
    id: 'liveness',
    header: 'liveness',
    description: 'Healthy, recovering, offline or fenced, from the poll history, with since when',
    sortValue: (row) => (row.health === null ? undefined : LIVENESS_RANK[row.health.status]),
    csvValue: (row) => {
      if (row.health === null) return 'unknown';
      const since = row.health.status === 'healthy' ? null : (row.health.downSince ?? row.health.since);
      return since === null ? row.health.status : `${row.health.status} since ${new Date(since).toISOString()}`;
    },
    cell: (row) => <LivenessBadge health={row.health} />,
    searchable: true,
    width: 196,
  },
  latencyColumn('rttLast', 'RTT last', 'Newest ApiVersions round trip on a dedicated connection', (h) => h.requestLatency, 'lastMs', '', 'broker-latency-last'),
  latencyColumn('rttP50', 'RTT p50', 'Median request round trip over the latency window', (h) => h.requestLatency, 'p50Ms', '', 'broker-latency-p50'),
  latencyColumn('rttP99', 'RTT p99', '99th percentile request round trip over the latency window', (h) => h.requestLatency, 'p99Ms', '', 'broker-latency-p99'),
  latencyColumn('ackP50', 'ack p50', 'Median heartbeat produce-to-acks=all latency, for partitions this broker led', heartbeatOf('ackLatency'), 'p50Ms', HEARTBEAT_OFF, 'broker-heartbeat-ack-p50'),
  latencyColumn('e2eP50', 'e2e p50', 'Median heartbeat send-to-read-back latency, for partitions this broker led', heartbeatOf('endToEndLatency'), 'p50Ms', HEARTBEAT_OFF, 'broker-heartbeat-e2e-p50'),
  {
    id: 'availability',
    header: 'avail.',
    description: 'Heartbeats acknowledged / (acknowledged + failed) over the heartbeat window',
    sortValue: (row) => row.health?.heartbeat?.availability ?? undefined,
    csvValue: (row) => {
      const share = row.health?.heartbeat?.availability ?? null;
      return share === null ? '' : String(share);
    },
    cell: (row) => {
      const share = row.health?.heartbeat?.availability ?? null;
      if (share === null) return <span className="muted" title={row.health === null ? NO_REPORT : row.health.heartbeat === null ? HEARTBEAT_OFF : 'No heartbeat ended in the window'}>—</span>;
      return (
        <span className={share < 1 ? 'severity-warning' : undefined} data-testid="broker-availability" data-share={share}>
          {formatAvailability(share)}
        </span>
      );
    },
    width: 76,
    align: 'end',
  },
  countColumn('lost', 'lost', 'Heartbeats not read back within the loss deadline, over the window', (c) => c.lost),
  countColumn('late', 'late', 'Heartbeats read back after the late threshold, over the window', (c) => c.late),
  countColumn('duplicated', 'dup.', 'Heartbeats read back more than once, over the window', (c) => c.duplicated),
  {
    id: 'outlier',
    header: 'outlier',
    description: 'Slow requests or heartbeat (far above the peers’ median), or ISR flapping',
    sortValue: (row) => (row.health === null ? undefined : outlierKinds(row.health.outlier).length),
    csvValue: (row) => (row.health === null ? '' : outlierKinds(row.health.outlier).join(' ')),
    cell: (row) => (row.health === null ? <span className="muted" title={NO_REPORT}>—</span> : <OutlierFlags flags={row.health.outlier} />),
    width: 130,
    grow: 1,
  },
];
