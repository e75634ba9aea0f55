import type { ClusterSnapshot } from '../../../../shared/cluster-snapshot';
import { ReplicaLegend } from '../../components/replica-legend';
import { navigate } from '../../navigation/route-store';
import { useSelectedPreviousSnapshot } from '../../state/selected-cluster';
import { topicPartitionChanges, topicPartitionRowsOf, topicRowsOf } from '../../state/view-models';
import { DataTable } from '../../table/data-table';
import { partitionRowAttributes, partitionRowClass, partitionRowKey, TOPIC_PARTITION_COLUMNS } from './partition-columns';
import { TOPIC_COLUMNS } from './topic-columns';

const NOTHING_CHANGED = (): boolean => false;

export function TopicDetail({ snapshot, topicName }: { readonly snapshot: ClusterSnapshot; readonly topicName: string }) {
  const previous = useSelectedPreviousSnapshot();
  const row = topicRowsOf(snapshot).find((t) => t.name === topicName);
  const partitions = topicPartitionRowsOf(snapshot, topicName);
  const back = (
    <button type="button" className="link" data-testid="back-to-topics" onClick={() => navigate({ selected: null })}>
      ← all topics
    </button>
  );
  if (row === undefined || partitions === null) {
    return (
      <div className="page">
        {back}
        <p className="empty" data-testid="topic-not-found">
          Topic “{topicName}” is not in {snapshot.profileName} in the latest snapshot.
        </p>
      </div>
    );
  }
  const isChanged = previous === null ? NOTHING_CHANGED : topicPartitionChanges(previous, snapshot, topicName);
  // The facts strip reuses the topic columns, so the detail and the list can never disagree.
  const facts = TOPIC_COLUMNS.filter((c) => c.id !== 'name');
  return (
    <div className="page page-fill" data-testid="topic-detail" data-topic={topicName}>
      <div className="detail-header">
        {back}
        <h1 data-testid="topic-name">{topicName}</h1>
        {row.internal && <span className="pill">internal</span>}
      </div>
      <dl className="fact-strip">
        {facts.map((c) => (
          <div key={c.id} data-testid={`topic-fact-${c.id}`}>
            <dt title={c.description}>{c.header}</dt>
            <dd>{c.cell === undefined ? c.csvValue(row) : c.cell(row)}</dd>
          </div>
        ))}
      </dl>
      <ReplicaLegend />
      <DataTable
        tableId="partitions"
        rows={partitions}
        columns={TOPIC_PARTITION_COLUMNS}
        rowKey={partitionRowKey}
        rowTestId="partition-row"
        rowAttributes={partitionRowAttributes}
        rowClassName={partitionRowClass}
        isChanged={isChanged}
        flashToken={snapshot.takenAt}
        csvFileName={`${snapshot.clusterKey}-${topicName}-partitions.csv`}
        emptyText="This topic has no partitions."
        filterPlaceholder="Filter partitions: number or error (text or /regex/)"
      />
    </div>
  );
}
