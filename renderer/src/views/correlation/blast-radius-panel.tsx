import type { BlastRadius } from '../../../../shared/blast-radius';
import type { PartitionRef } from '../../../../shared/cluster-health';
import { navigate } from '../../navigation/route-store';

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
          onClick={() => navigate({ tab: 'topics', selected: ref.topic, partitions: null, cell: null })}
        >
          {ref.topic}/{ref.partition}
        </button>
      ))}
      {refs.length > SHOWN && <span className="muted">… +{refs.length - SHOWN} more</span>}
    </span>
  );
}

const ROWS: readonly { key: 'offline' | 'underMinIsr' | 'underReplicated' | 'leadershipMoves'; label: string; tone: string }[] = [
  { key: 'offline', label: 'would go offline (no in-sync replica left to lead)', tone: 'severity-critical' },
  { key: 'underMinIsr', label: 'would drop under min.insync.replicas (acks=all writes fail)', tone: 'severity-critical' },
  { key: 'underReplicated', label: 'would become under-replicated', tone: 'severity-warning' },
  { key: 'leadershipMoves', label: 'would move leadership to another in-sync replica', tone: '' },
];

/** What dies with the broker if it dies now: the question before a restart or a kill. */
export function BlastRadiusPanel({ radius }: { readonly radius: BlastRadius }) {
  return (
    <div
      data-testid="blast-radius"
      data-broker-id={radius.brokerId}
      data-offline={radius.offline.length}
      data-under-min-isr={radius.underMinIsr.length}
      data-under-replicated={radius.underReplicated.length}
    >
      <h3 className="subheading">Blast radius if broker {radius.brokerId} died now</h3>
      <p className="muted">
        Hosts replicas of {radius.hosted} partitions. Counts each partition under the worst thing that would newly happen to it.
      </p>
      <ul className="plain-list">
        {ROWS.map((row) => (
          <li key={row.key} data-testid={`blast-${row.key}`} data-count={radius[row.key].length}>
            <strong className={radius[row.key].length > 0 ? row.tone : 'muted'}>{radius[row.key].length}</strong> {row.label}
            {radius[row.key].length > 0 && (
              <div>
                <RefList refs={radius[row.key]} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
