import { NoSnapshot } from '../../components/no-snapshot';
import { navigate, useRouteField } from '../../navigation/route-store';
import { useBrokerHealthReport } from '../../state/broker-health-store';
import { brokerTableRows, type BrokerTableRow } from '../../state/broker-table-rows';
import { useSelectedView } from '../../state/selected-cluster';
import { useChangeDetector } from '../../state/use-change-detector';
import { brokerChanges } from '../../state/view-models';
import type { ColumnSpec } from '../../table/column-spec';
import { DataTable } from '../../table/data-table';
import { BrokerCard } from './broker-card';
import { BROKER_COLUMNS } from './broker-columns';
import { BrokerDetail } from './broker-detail';
import { BROKER_HEALTH_COLUMNS } from './broker-health-columns';

// Liveness, request latency and outlier flags come right after who the broker is (they are what an
// on-call engineer looks for first); the heartbeat figures sit before the poll errors.
const UP_FRONT = new Set(['liveness', 'rttLast', 'rttP50', 'rttP99', 'outlier']);
const AFTER_ROLE = BROKER_COLUMNS.findIndex((c) => c.id === 'role') + 1;
const ERRORS_AT = BROKER_COLUMNS.findIndex((c) => c.id === 'errors');
const COLUMNS: readonly ColumnSpec<BrokerTableRow>[] = [
  ...BROKER_COLUMNS.slice(0, AFTER_ROLE),
  ...BROKER_HEALTH_COLUMNS.filter((c) => UP_FRONT.has(c.id)),
  ...BROKER_COLUMNS.slice(AFTER_ROLE, ERRORS_AT),
  ...BROKER_HEALTH_COLUMNS.filter((c) => !UP_FRONT.has(c.id)),
  ...BROKER_COLUMNS.slice(ERRORS_AT),
];

// Cards are virtualized at a fixed height: a card showing the instance and its type needs one more
// line, or with the heartbeat on and an outlier flagged its last facts would be cut off.
const CARD_HEIGHT = 210;
const INSTANCE_LINE = 18;

const rowKey = (row: BrokerTableRow): string => String(row.id);
const rowAttributes = (row: BrokerTableRow) => ({ 'data-broker-id': row.id, 'data-status': row.status, 'data-liveness': row.health?.status ?? 'unknown' });
const openBroker = (row: BrokerTableRow): void => navigate({ selected: String(row.id) });
const renderCard = (row: BrokerTableRow) => <BrokerCard row={row} />;
const rowClassName = (row: BrokerTableRow): string | undefined => {
  if (row.status !== 'ok' || row.health?.status === 'offline' || row.health?.status === 'fenced') return 'row-critical';
  return row.health?.status === 'recovering' ? 'row-warning' : undefined;
};

export function BrokersTab() {
  const view = useSelectedView();
  const snapshot = view?.snapshot ?? null;
  const selected = useRouteField('selected');
  /** Brokers the URL narrows the list to, null for all. */
  const only = useRouteField('brokers');
  const isChanged = useChangeDetector(brokerChanges);
  const report = useBrokerHealthReport(snapshot?.clusterKey ?? null);
  if (view === null || snapshot === null) return <NoSnapshot />;
  if (selected !== null) return <BrokerDetail view={view} brokerId={Number(selected)} />;

  const all = brokerTableRows(view.brokerRows, report);
  const cardHeight = view.brokerRows.some((r) => r.instance !== null) ? CARD_HEIGHT + INSTANCE_LINE : CARD_HEIGHT;
  const rows = only === null ? all : all.filter((r) => only.includes(r.id));
  return (
    <div className="page page-fill" data-testid="brokers-tab">
      <DataTable
        tableId="brokers"
        rows={rows}
        columns={COLUMNS}
        rowKey={rowKey}
        rowTestId="broker-row"
        rowAttributes={rowAttributes}
        rowClassName={rowClassName}
        onRowClick={openBroker}
        isChanged={isChanged}
        flashToken={snapshot.takenAt}
        renderCard={renderCard}
        cardMinWidth={280}
        cardHeight={cardHeight}
        csvFileName={`${snapshot.clusterKey}-brokers.csv`}
        filterPlaceholder="Filter brokers: id, host, rack, instance, zone, instance type, role, status, liveness (text or /regex/)"
        toolbarExtra={
          only !== null && (
            <span className="pill pill-warning" data-testid="scope-brokers">
              only brokers {only.join(', ')}{' '}
              <button type="button" className="link" data-testid="scope-clear" onClick={() => navigate({ brokers: null }, 'replace')}>
                show all
              </button>
            </span>
          )
        }
      />
    </div>
  );
}
