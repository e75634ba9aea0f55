import type { TopicRow } from '../../../../shared/topic-rows';
import { UnknownValue } from '../../components/unknown-value';
import { formatBytes, formatCount, formatShare } from '../../format/units';
import { UnderMinIsr } from './topic-columns';

export function TopicCard({ row }: { readonly row: TopicRow }) {
  const trouble = row.offline + row.underMinIsr > 0 ? 'severity-critical' : row.underReplicated > 0 ? 'severity-warning' : undefined;
  return (
    <>
      <div className="card-title" title={row.name}>
        <span>{row.name}</span>
        {row.internal && <span className="pill">internal</span>}
      </div>
      <dl className="card-facts">
        <dt>partitions × RF</dt>
        <dd>
          {formatCount(row.partitions)} × {row.replicationFactor}
        </dd>
        <dt title="under-replicated / under min ISR / offline partitions">under-replicated / &lt;min ISR / offline</dt>
        <dd className={trouble}>
          {row.underReplicated} / <UnderMinIsr row={row} /> / {row.offline}
        </dd>
        <dt>size</dt>
        <dd>{row.sizeBytes.status === 'ok' ? formatBytes(row.sizeBytes.value) : <UnknownValue error={row.sizeBytes.error} />}</dd>
        <dt>preferred leaders</dt>
        <dd>{formatShare(row.preferredLeaderPct)}</dd>
        <dt>rack violations</dt>
        <dd className={row.rackViolations > 0 ? 'severity-warning' : undefined}>{row.rackViolations}</dd>
      </dl>
    </>
  );
}
