import type { TopicRow } from '../../../../shared/topic-rows';
import { NoSnapshot } from '../../components/no-snapshot';
import { navigate, useRouteField } from '../../navigation/route-store';
import { useSelectedClusterKey } from '../../state/clusters-store';
import type { ClusterView } from '../../engine/cluster-view';
import { useSelectedView } from '../../state/selected-cluster';
import { useChangeDetector } from '../../state/use-change-detector';
import { topicChanges } from '../../state/view-models';
import { DataTable } from '../../table/data-table';
import { ClusterPartitions } from './cluster-partitions';
import { TopicCard } from './topic-card';
import { TOPIC_COLUMNS } from './topic-columns';
import { TopicDetail } from './topic-detail';

const rowKey = (row: TopicRow): string => row.name;
const rowAttributes = (row: TopicRow) => ({ 'data-topic': row.name, 'data-internal': row.internal });
const rowClass = (row: TopicRow): string | undefined =>
  row.offline + row.underMinIsr > 0 ? 'row-critical' : row.underReplicated > 0 ? 'row-warning' : undefined;
const openTopic = (row: TopicRow): void => navigate({ selected: row.name });
const renderCard = (row: TopicRow) => <TopicCard row={row} />;

export function TopicsTab() {
  const view = useSelectedView();
  const selected = useRouteField('selected');
  const partitions = useRouteField('partitions');
  const clusterKey = useSelectedClusterKey();
  if (view === null) {
    // A partition list opened by its URL asks for its rows already, so they come with the first view.
    if (partitions !== null && selected === null && clusterKey !== null) return <ClusterPartitions clusterKey={clusterKey} scope={partitions} notice={<NoSnapshot />} />;
    return <NoSnapshot />;
  }
  const { snapshot } = view;
  if (selected !== null) return <TopicDetail view={view} topicName={selected} />;
  if (partitions !== null) return <ClusterPartitions clusterKey={snapshot.clusterKey} scope={partitions} />;
  return <TopicsTable view={view} />;
}

/** The table of topics. Only it reads the views' topic rows: the page parses them when it shows them (engine-client.ts). */
function TopicsTable({ view }: { readonly view: ClusterView }) {
  const isChanged = useChangeDetector(topicChanges);
  const { snapshot } = view;
  return (
    <div className="page page-fill" data-testid="topics-tab">
      <DataTable
        tableId="topics"
        rows={view.topicRows}
        columns={TOPIC_COLUMNS}
        rowKey={rowKey}
        rowTestId="topic-row"
        rowAttributes={rowAttributes}
        rowClassName={rowClass}
        onRowClick={openTopic}
        isChanged={isChanged}
        flashToken={snapshot.takenAt}
        renderCard={renderCard}
        cardMinWidth={260}
        cardHeight={140}
        csvFileName={`${snapshot.clusterKey}-topics.csv`}
        emptyText="This cluster has no topics."
        filterPlaceholder="Filter topics (text or /regex/)"
        toolbarExtra={
          <button type="button" className="link" data-testid="all-partitions" onClick={() => navigate({ partitions: 'all' })}>
            all partitions
          </button>
        }
      />
    </div>
  );
}
