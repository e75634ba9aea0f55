import type { ReplicaState } from '../../../shared/partition-state';
import { REPLICA_STATE_GLYPHS, REPLICA_STATE_LABELS } from './replica-chip';

const ORDER: readonly ReplicaState[] = ['leader', 'in-sync', 'out-of-sync', 'offline'];

export function ReplicaLegend() {
  return (
    <div className="legend" data-testid="replica-legend" aria-label="Replica states">
      {ORDER.map((state) => (
        <span key={state} className="legend-item">
          <span className={`chip chip-${state}`} aria-hidden="true">
            <span className="chip-glyph">{REPLICA_STATE_GLYPHS[state]}</span>
          </span>
          {REPLICA_STATE_LABELS[state]}
        </span>
      ))}
      <span className="legend-item muted">first replica = preferred leader</span>
    </div>
  );
}
