import type { BrokerTopicGroup } from '../../../../shared/broker-partitions';
import { shortPartitionList } from '../../format/partition-list';
import type { ColumnSpec } from '../../table/column-spec';

const partitionList = (
  id: string,
  header: string,
  pick: (g: BrokerTopicGroup) => readonly number[],
  tone?: 'severity-warning' | 'severity-critical',
): ColumnSpec<BrokerTopicGroup> => ({
  id,
  header,
  sortValue: (g) => pick(g).length,
  csvValue: (g) => pick(g).join(' '),
  cell: (g) =>
    pick(g).length === 0 ? (
      ''
    ) : (
      <span className={tone} title={pick(g).join(', ')}>
        <strong>{pick(g).length}</strong> <span className="muted">({shortPartitionList(pick(g))})</span>
      </span>
    ),
  width: 160,
  grow: 2,
});

export const BROKER_TOPIC_COLUMNS: readonly ColumnSpec<BrokerTopicGroup>[] = [
  {
    id: 'topic',
    header: 'topic',
    sortValue: (g) => g.topic,
    csvValue: (g) => g.topic,
    searchable: true,
    width: 200,
    grow: 2,
  },
  partitionList('led', 'leads', (g) => g.led),
  partitionList('followed', 'follows', (g) => g.followed),
  partitionList('outOfSync', 'out of sync here', (g) => g.outOfSync, 'severity-warning'),
  partitionList('offline', 'offline here', (g) => g.offline, 'severity-critical'),
];
