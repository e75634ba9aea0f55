import type { BlastEffect } from '../../../../shared/blast-radius';
import { navigate } from '../../navigation/route-store';
import type { BlastRef } from '../../navigation/view-route';
import { PartitionListSection } from './partition-list-section';

/** What each list of a blast radius says about its partitions, after "Partitions that". */
export const BLAST_EFFECT_LABELS: Record<BlastEffect, string> = {
  offline: 'would go offline (no in-sync replica left to lead)',
  underMinIsr: 'would drop under min.insync.replicas (acks=all writes fail)',
  minIsrUnknown: 'would lose an in-sync replica and may drop under min.insync.replicas (unknown: their topic configuration could not be read)',
  underReplicated: 'would become under-replicated',
  leadershipMoves: 'would move leadership to another in-sync replica',
};

/** Every partition of one list of a broker's blast radius, as of the latest poll. */
export function BlastPartitions({ clusterKey, blast }: { readonly clusterKey: string; readonly blast: BlastRef }) {
  return (
    <PartitionListSection
      testId="blast-partitions"
      attributes={{ 'data-broker-id': blast.brokerId, 'data-effect': blast.effect }}
      title={`If broker ${blast.brokerId} died now, these ${BLAST_EFFECT_LABELS[blast.effect]}`}
      onClose={() => navigate({ blast: null }, 'replace')}
      tableId="blast-partitions"
      clusterKey={clusterKey}
      source={{ kind: 'blast', brokerId: blast.brokerId, effect: blast.effect }}
      csvFileName={`${clusterKey}-broker-${blast.brokerId}-${blast.effect}.csv`}
      emptyText="None, as of the latest poll."
    />
  );
}
