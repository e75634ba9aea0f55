import type { Fetched } from '../../../../shared/fetched';
import { knownUnderMinIsr, type TopicRow } from '../../../../shared/topic-rows';
import { UnknownValue } from '../../components/unknown-value';
import { formatBytes, formatCount, formatDurationMs, formatPercent, formatShare } from '../../format/units';
import type { ColumnSpec } from '../../table/column-spec';

const count = (id: string, header: string, pick: (row: TopicRow) => number, tone: 'severity-warning' | 'severity-critical', description: string): ColumnSpec<TopicRow> => ({
  id,
  header,
  description,
  sortValue: pick,
  csvValue: (row) => String(pick(row)),
  cell: (row) => <span className={pick(row) > 0 ? tone : 'muted'}>{formatCount(pick(row))}</span>,
  width: 116,
  align: 'end',
});

/**
 * A topic's partitions under min ISR; when its min.insync.replicas is unknown, "unknown", or "≥ n"
 * for its offline partitions (under min ISR whatever the setting), never a count that reads as none.
 */
export function UnderMinIsr({ row }: { readonly row: TopicRow }) {
  const known = knownUnderMinIsr(row);
  if (known !== null) return <span className={known > 0 ? 'severity-critical' : 'muted'}>{formatCount(known)}</span>;
  const error = row.minInsyncReplicas.status === 'missing' ? row.minInsyncReplicas.error : '';
  return (
    <span className={row.offline > 0 ? 'unknown severity-critical' : 'unknown'} title={`min.insync.replicas unknown: ${error}`} data-unknown="true">
      {row.offline > 0 ? `≥ ${formatCount(row.offline)}` : 'unknown'}
    </span>
  );
}

function fetchedNumber(value: Fetched<number | null>): number | undefined {
  return value.status === 'ok' && value.value !== null ? value.value : undefined;
}

function retentionText(row: TopicRow): string {
  if (row.retentionMs.status === 'missing') return 'unknown';
  const parts: string[] = [];
  if (row.retentionMs.value !== null) parts.push(formatDurationMs(row.retentionMs.value));
  if (row.retentionBytes.status === 'ok' && row.retentionBytes.value !== null && row.retentionBytes.value >= 0) {
    parts.push(formatBytes(row.retentionBytes.value));
  }
  return parts.join(' / ');
}

export const TOPIC_COLUMNS: readonly ColumnSpec<TopicRow>[] = [
  {
    id: 'name',
    header: 'name',
    sortValue: (row) => row.name,
    csvValue: (row) => row.name,
    cell: (row) => (
      <span>
        {row.name}
        {row.internal && <span className="pill"> internal</span>}
      </span>
    ),
    searchable: true,
    width: 220,
    grow: 3,
  },
  {
    id: 'partitions',
    header: 'partitions',
    sortValue: (row) => row.partitions,
    csvValue: (row) => String(row.partitions),
    cell: (row) => formatCount(row.partitions),
    width: 84,
    align: 'end',
  },
  {
    id: 'replicationFactor',
    header: 'RF',
    description: 'Replication factor; a range when partitions differ (for example mid-reassignment)',
    sortValue: (row) => row.replicationFactor,
    csvValue: (row) => (row.replicationFactorMin === row.replicationFactor ? String(row.replicationFactor) : `${row.replicationFactorMin}-${row.replicationFactor}`),
    cell: (row) =>
      row.replicationFactorMin === row.replicationFactor ? (
        String(row.replicationFactor)
      ) : (
        <span className="severity-warning">
          {row.replicationFactorMin}–{row.replicationFactor}
        </span>
      ),
    width: 56,
    align: 'end',
  },
  count('underReplicated', 'under-replicated', (r) => r.underReplicated, 'severity-warning', 'Partitions with fewer in-sync replicas than assigned'),
  {
    id: 'underMinIsr',
    header: 'under min ISR',
    description: 'Partitions with fewer in-sync replicas than min.insync.replicas, or no leader',
    sortValue: (row) => knownUnderMinIsr(row) ?? undefined,
    csvValue: (row) => String(knownUnderMinIsr(row) ?? 'unknown'),
    cell: (row) => <UnderMinIsr row={row} />,
    width: 116,
    align: 'end',
  },
  count('offline', 'offline', (r) => r.offline, 'severity-critical', 'Partitions with no leader'),
  {
    id: 'minIsr',
    header: 'min.insync',
    sortValue: (row) => fetchedNumber(row.minInsyncReplicas),
    csvValue: (row) => (row.minInsyncReplicas.status === 'ok' ? String(row.minInsyncReplicas.value ?? '') : 'unknown'),
    cell: (row) => (row.minInsyncReplicas.status === 'ok' ? String(row.minInsyncReplicas.value ?? '—') : <UnknownValue error={row.minInsyncReplicas.error} />),
    width: 80,
    align: 'end',
  },
  {
    id: 'size',
    header: 'size',
    description: 'Sum of the leader replicas’ sizes',
    sortValue: (row) => (row.sizeBytes.status === 'ok' ? row.sizeBytes.value : undefined),
    csvValue: (row) => (row.sizeBytes.status === 'ok' ? String(row.sizeBytes.value) : 'unknown'),
    cell: (row) => (row.sizeBytes.status === 'ok' ? formatBytes(row.sizeBytes.value) : <UnknownValue error={row.sizeBytes.error} />),
    width: 90,
    align: 'end',
  },
  {
    id: 'replicaSkew',
    header: 'replica skew',
    description: 'How far the busiest broker holds more of this topic’s replicas than the most even assignment would',
    sortValue: (row) => row.replicaSkewPct ?? undefined,
    csvValue: (row) => (row.replicaSkewPct === null ? '' : row.replicaSkewPct.toFixed(1)),
    cell: (row) => <span className={(row.replicaSkewPct ?? 0) > 0 ? 'severity-warning' : undefined}>{formatPercent(row.replicaSkewPct)}</span>,
    width: 96,
    align: 'end',
  },
  count('rackViolations', 'rack violations', (r) => r.rackViolations, 'severity-warning', 'Partitions with two replicas in one rack'),
  {
    id: 'preferredLeaderPct',
    header: 'preferred leader',
    description: 'Share of partitions led by their preferred (first assigned) replica',
    sortValue: (row) => row.preferredLeaderPct ?? undefined,
    csvValue: (row) => (row.preferredLeaderPct === null ? '' : row.preferredLeaderPct.toFixed(1)),
    cell: (row) => <span className={row.preferredLeaderPct !== null && row.preferredLeaderPct < 100 ? 'severity-warning' : undefined}>{formatShare(row.preferredLeaderPct)}</span>,
    width: 124,
    align: 'end',
  },
  {
    id: 'retention',
    header: 'retention',
    description: 'retention.ms / retention.bytes',
    sortValue: (row) => {
      const ms = fetchedNumber(row.retentionMs);
      return ms === undefined ? undefined : ms < 0 ? Number.POSITIVE_INFINITY : ms;
    },
    csvValue: retentionText,
    cell: (row) => (row.retentionMs.status === 'missing' ? <UnknownValue error={row.retentionMs.error} /> : retentionText(row)),
    width: 110,
    align: 'end',
  },
];
