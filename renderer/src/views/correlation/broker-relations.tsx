import type { Relation } from '../../../../shared/leader-follower-matrix';
import { navigate } from '../../navigation/route-store';

interface RelationsProps {
  readonly title: string;
  readonly relations: readonly Relation[];
  readonly testId: string;
  /** Which end of the relation the selected broker is, to build the cell a row opens. */
  readonly cellFor: (other: number) => { leader: number; follower: number };
}

export function BrokerRelations({ title, relations, testId, cellFor }: RelationsProps) {
  const max = Math.max(1, ...relations.map((r) => r.replicated));
  return (
    <div>
      <h3 className="subheading">{title}</h3>
      {relations.length === 0 ? (
        <p className="muted">none</p>
      ) : (
        <table className="simple-table">
          <thead>
            <tr>
              <th>broker</th>
              <th>partitions</th>
              <th>out of sync</th>
            </tr>
          </thead>
          <tbody>
            {relations.map((r) => (
              <tr key={r.brokerId} data-testid={testId} data-broker-id={r.brokerId} data-replicated={r.replicated} data-out-of-sync={r.outOfSync}>
                <td>
                  <button type="button" className="link" onClick={() => navigate({ selected: String(r.brokerId) }, 'replace')}>
                    {r.brokerId}
                  </button>
                </td>
                <td>
                  <button type="button" className="link" onClick={() => navigate({ cell: cellFor(r.brokerId) }, 'replace')} title="List these partitions">
                    <span className="relation-bar" style={{ width: `${Math.max(2, (r.replicated / max) * 80)}px` }} />
                    {r.replicated}
                  </button>
                </td>
                <td className={r.outOfSync > 0 ? 'severity-warning' : 'muted'}>{r.outOfSync > 0 ? `! ${r.outOfSync}` : '0'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
