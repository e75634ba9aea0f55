import type { BlastEffect } from '../../../../shared/blast-radius';
import type { PartitionRow } from '../../../../shared/partition-rows';
import { navigate } from '../../navigation/route-store';
import type { BlastRef } from '../../navigation/view-route';
import { CLUSTER_PARTITION_COLUMNS } from '../topics/partition-columns';
import { PartitionTable } from '../topics/partition-table';

const openTopic = (row: PartitionRow): void => navigate({ tab: 'topics', selected: row.topic, partitions: null, cell: null, blast: null });

/** What each list of a blast radius says about its partitions, after "Partitions that". */
export const BLAST_EFFECT_LABELS: Record<BlastEffect, string> = {
  offline: 'would go offline (no in-sync replica left to lead)',
  underMinIsr: 'would drop under min.insync.replicas (acks=all writes fail)',
  underReplicated: 'would become under-replicated',
  leadershipMoves: 'would move leadership to another in-sync replica',
};

/** Every partition of one list of a broker's blast radius, as of the latest poll, with the chips of everywhere else. */
export function BlastPartitions({ clusterKey, blast }: { readonly clusterKey: string; readonly blast: BlastRef }) {
  return (
    <section className="section page-fill cell-section" data-testid="blast-partitions" data-broker-id={blast.brokerId} data-effect={blast.effect}>
      <h2>
        If broker {blast.brokerId} died now, these {BLAST_EFFECT_LABELS[blast.effect]}{' '}
        <button type="button" className="link" onClick={() => navigate({ blast: null }, 'replace')}>
          close
        </button>
      </h2>
      <PartitionTable
        tableId="blast-partitions"
        clusterKey={clusterKey}
        source={{ kind: 'blast', brokerId: blast.brokerId, effect: blast.effect }}
        columns={CLUSTER_PARTITION_COLUMNS}
        onRowClick={openTopic}
        csvFileName={`${clusterKey}-broker-${blast.brokerId}-${blast.effect}.csv`}
        emptyText="None, as of the latest poll."
      />
    </section>
  );
}
