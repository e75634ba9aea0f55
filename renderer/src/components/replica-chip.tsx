import type { ReplicaState } from '../../../shared/partition-state';

/** The one mapping from replica state to what the eye sees: colour, and a glyph for when colour fails. */
export const REPLICA_STATE_GLYPHS: Record<ReplicaState, string> = {
  leader: '★',
  'in-sync': '✓',
  'out-of-sync': '!',
  offline: '✕',
};

export const REPLICA_STATE_LABELS: Record<ReplicaState, string> = {
  leader: 'leader (in sync)',
  'in-sync': 'follower in sync',
  'out-of-sync': 'follower out of sync',
  offline: 'replica on an offline or fenced broker',
};

export function ReplicaChip({ brokerId, state, preferred = false }: { readonly brokerId: number; readonly state: ReplicaState; readonly preferred?: boolean }) {
  return (
    <span
      className={`chip chip-${state}`}
      data-testid="replica-chip"
      data-state={state}
      data-broker-id={brokerId}
      title={`Broker ${brokerId}: ${REPLICA_STATE_LABELS[state]}${preferred ? ' — preferred leader' : ''}`}
    >
      <span className="chip-glyph" aria-hidden="true">
        {REPLICA_STATE_GLYPHS[state]}
      </span>
      {brokerId}
    </span>
  );
}
