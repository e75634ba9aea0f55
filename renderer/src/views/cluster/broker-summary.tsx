import { BROKER_ROLE_LABELS, BROKER_STATUS_LABELS, brokerAddress, type BrokerRow } from '../../../../shared/broker-rows';
import { navigate } from '../../navigation/route-store';

/** Above this many brokers the cluster tab lists only the ones worth a look; the brokers tab has all. */
const FULL_LIST_MAX = 24;

const noteworthy = (row: BrokerRow): boolean => row.status !== 'ok' || row.errors.length > 0 || row.role === 'active-controller';

/** The compact broker list of the cluster tab; the brokers tab has the full table. */
export function BrokerSummary({ rows: all }: { readonly rows: readonly BrokerRow[] }) {
  const rows = all.length <= FULL_LIST_MAX ? all : all.filter(noteworthy);
  return (
    <>
      {rows.length < all.length && (
        <p className="muted" data-testid="broker-summary-partial">
          Showing the {rows.length} of {all.length} brokers that are not ok, have errors or are the active controller.{' '}
          <button type="button" className="link" onClick={() => navigate({ tab: 'brokers', selected: null, brokers: null })}>
            all brokers
          </button>
        </p>
      )}
      <table className="simple-table" data-testid="broker-summary">
        <thead>
          <tr>
            <th>broker</th>
            <th>address</th>
            <th>rack</th>
            <th>role</th>
            <th>status</th>
            <th>errors</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="broker-row" data-broker-id={row.id} data-status={row.status}>
              <td>
                <button type="button" className="link" onClick={() => navigate({ tab: 'brokers', selected: String(row.id) })}>
                  {row.id}
                </button>
              </td>
              <td className="mono">{brokerAddress(row) ?? <span className="muted">not registered</span>}</td>
              <td data-testid="broker-rack">{row.rack ?? <span className="muted">none</span>}</td>
              <td>{row.role === null ? '' : BROKER_ROLE_LABELS[row.role]}</td>
              <td className={row.status === 'ok' ? undefined : 'severity-critical'} data-testid="broker-status">
                {BROKER_STATUS_LABELS[row.status]}
              </td>
              <td data-testid="broker-errors-cell">
                {row.errors.map((e) => (
                  <div key={`${e.operation}-${e.error}`} className="severity-warning" data-testid="broker-error" data-broker-id={row.id}>
                    {e.operation}: {e.error}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
