import type { BrokerRow } from '../../../../shared/broker-rows';
import { NoSnapshot } from '../../components/no-snapshot';
import { navigate, useRoute } from '../../navigation/route-store';
import { useSelectedSnapshot } from '../../state/selected-cluster';
import { useChangeDetector } from '../../state/use-change-detector';
import { brokerRowsOf, brokerChanges } from '../../state/view-models';
import { DataTable } from '../../table/data-table';
import { BrokerCard } from './broker-card';
import { BROKER_COLUMNS } from './broker-columns';
import { BrokerDetail } from './broker-detail';

const rowKey = (row: BrokerRow): string => String(row.id);
const rowAttributes = (row: BrokerRow) => ({ 'data-broker-id': row.id, 'data-status': row.status });
const openBroker = (row: BrokerRow): void => navigate({ selected: String(row.id) });
const renderCard = (row: BrokerRow) => <BrokerCard row={row} />;

export function BrokersTab() {
  const snapshot = useSelectedSnapshot();
  const route = useRoute();
  const isChanged = useChangeDetector(brokerChanges);
  if (snapshot === null) return <NoSnapshot />;
  if (route.selected !== null) return <BrokerDetail snapshot={snapshot} brokerId={Number(route.selected)} />;

  const all = brokerRowsOf(snapshot);
  const only = route.brokers;
  const rows = only === null ? all : all.filter((r) => only.includes(r.id));
  return (
    <div className="page page-fill" data-testid="brokers-tab">
      <DataTable
        tableId="brokers"
        rows={rows}
        columns={BROKER_COLUMNS}
        rowKey={rowKey}
        rowTestId="broker-row"
        rowAttributes={rowAttributes}
        rowClassName={(row) => (row.status === 'ok' ? undefined : 'row-critical')}
        onRowClick={openBroker}
        isChanged={isChanged}
        flashToken={snapshot.takenAt}
        renderCard={renderCard}
        cardMinWidth={280}
        cardHeight={150}
        csvFileName={`${snapshot.clusterKey}-brokers.csv`}
        filterPlaceholder="Filter brokers: id, host, rack, role, status (text or /regex/)"
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
