import { BLAST_EFFECTS, type BlastEffect, type BlastRadius } from '../../../../shared/blast-radius';
import type { PartitionRef } from '../../../../shared/cluster-health';
import { navigate } from '../../navigation/route-store';
import { BLAST_EFFECT_LABELS } from './blast-partitions';

const SHOWN = 24;

function RefList({ refs }: { readonly refs: readonly PartitionRef[] }) {
  return (
    <span className="ref-list">
      {refs.slice(0, SHOWN).map((ref) => (
        <button
          type="button"
          key={`${ref.topic}/${ref.partition}`}
          className="link"
          data-testid="blast-partition"
          onClick={() => navigate({ tab: 'topics', selected: ref.topic, partitions: null, cell: null, blast: null })}
        >
          {ref.topic}/{ref.partition}
        </button>
      ))}
      {refs.length > SHOWN && <span className="muted">… +{refs.length - SHOWN} more</span>}
    </span>
  );
}

const TONES: Record<BlastEffect, string> = { offline: 'severity-critical', underMinIsr: 'severity-critical', minIsrUnknown: 'severity-warning', underReplicated: 'severity-warning', leadershipMoves: '' };

/** What dies with the broker if it dies now: the question before a restart or a kill. */
export function BlastRadiusPanel({ radius }: { readonly radius: BlastRadius }) {
  return (
    <div
      data-testid="blast-radius"
      data-broker-id={radius.brokerId}
      data-offline={radius.offline.length}
      data-under-min-isr={radius.underMinIsr.length}
      data-min-isr-unknown={radius.minIsrUnknown.length}
      data-under-replicated={radius.underReplicated.length}
    >
      <h3 className="subheading">Blast radius if broker {radius.brokerId} died now</h3>
      <p className="muted">
        Hosts replicas of {radius.hosted} partitions. Counts each partition under the worst thing that would newly happen to it.
      </p>
      <ul className="plain-list">
        {BLAST_EFFECTS.map((effect) => {
          const refs = radius[effect];
          // Only a cluster with a topic whose configuration could not be read has this list at all.
          if (effect === 'minIsrUnknown' && refs.length === 0) return null;
          return (
            <li key={effect} data-testid={`blast-${effect}`} data-count={refs.length}>
              <strong className={refs.length > 0 ? TONES[effect] : 'muted'}>{refs.length}</strong> {BLAST_EFFECT_LABELS[effect]}
              {refs.length > 0 && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="link"
                    data-testid="blast-list-all"
                    onClick={() => navigate({ blast: { brokerId: radius.brokerId, effect }, cell: null }, 'replace')}
                  >
                    list {refs.length > SHOWN ? `all ${refs.length}` : 'them'}
                  </button>
                  <div>
                    <RefList refs={refs} />
                  </div>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
