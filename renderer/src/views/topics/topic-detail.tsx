import type { ClusterView } from '../../engine/cluster-view';
import { ReplicaLegend } from '../../components/replica-legend';
import { navigate } from '../../navigation/route-store';
import { TOPIC_PARTITION_COLUMNS } from './partition-columns';
import { PartitionTable } from './partition-table';
import { TOPIC_COLUMNS } from './topic-columns';

export function TopicDetail({ view, topicName }: { readonly view: ClusterView; readonly topicName: string }) {
  const { snapshot } = view;
  const row = view.topicRows.find((t) => t.name === topicName);
  const back = (
    <button type="button" className="link" data-testid="back-to-topics" onClick={() => navigate({ selected: null })}>
      ← all topics
    </button>
  );
  if (row === undefined) {
    return (
      <div className="page">
        {back}
        <p className="empty" data-testid="topic-not-found">
          Topic “{topicName}” is not in {snapshot.profileName} in the latest snapshot.
        </p>
      </div>
    );
  }
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
      <PartitionTable
        tableId="partitions"
        clusterKey={snapshot.clusterKey}
        source={{ kind: 'topic', topic: topicName }}
        columns={TOPIC_PARTITION_COLUMNS}
        csvFileName={`${snapshot.clusterKey}-${topicName}-partitions.csv`}
        emptyText="This topic has no partitions."
        filterPlaceholder="Filter partitions: number or error (text or /regex/)"
      />
    </div>
  );
}
