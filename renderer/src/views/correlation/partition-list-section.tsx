import type { ReactNode } from 'react';
import type { PartitionRow } from '../../../../shared/partition-rows';
import type { PartitionSource } from '../../engine/engine-protocol';
import { navigate } from '../../navigation/route-store';
import type { DataAttributes } from '../../table/data-table';
import { CLUSTER_PARTITION_COLUMNS } from '../topics/partition-columns';
import { PartitionTable } from '../topics/partition-table';

const openTopic = (row: PartitionRow): void => navigate({ tab: 'topics', selected: row.topic, partitions: null, cell: null, blast: null });

interface PartitionListSectionProps {
  readonly testId: string;
  readonly attributes: DataAttributes;
  readonly title: ReactNode;
  readonly onClose: () => void;
  readonly tableId: string;
  readonly clusterKey: string;
  readonly source: PartitionSource;
  readonly csvFileName: string;
  readonly emptyText: string;
}

/** A list of partitions opened from the correlation tab (a heatmap cell, a blast radius), closable, with the chips of everywhere else. */
export function PartitionListSection(props: PartitionListSectionProps) {
  return (
    <section className="section page-fill cell-section" data-testid={props.testId} {...props.attributes}>
      <h2>
        {props.title}{' '}
        <button type="button" className="link" onClick={props.onClose}>
          close
        </button>
      </h2>
      <PartitionTable
        tableId={props.tableId}
        clusterKey={props.clusterKey}
        source={props.source}
        columns={CLUSTER_PARTITION_COLUMNS}
        onRowClick={openTopic}
        csvFileName={props.csvFileName}
        emptyText={props.emptyText}
      />
    </section>
  );
}
