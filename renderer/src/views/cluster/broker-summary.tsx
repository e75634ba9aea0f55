import { useMemo } from 'react';
import type { BrokerRow } from '../../../../shared/broker-rows';
import { navigate } from '../../navigation/route-store';
import type { ColumnSpec } from '../../table/column-spec';
import { DataTable } from '../../table/data-table';
import { BROKER_COLUMNS } from '../brokers/broker-columns';

/** Above this many brokers the cluster tab lists only the ones worth a look; the brokers tab has all. */
const FULL_LIST_MAX = 24;

const noteworthy = (row: BrokerRow): boolean => row.status !== 'ok' || row.errors.length > 0 || row.role === 'active-controller';

/** The brokers table's own columns, so the two never disagree on what a value means or how it sorts. */
const SUMMARY_COLUMN_IDS = ['id', 'address', 'rack', 'role', 'status', 'errors'];
const SUMMARY_COLUMNS: readonly ColumnSpec<BrokerRow>[] = SUMMARY_COLUMN_IDS.map((id) => {
  const column = BROKER_COLUMNS.find((c) => c.id === id);
  if (column === undefined) throw new Error(`The brokers table has no column "${id}" for the cluster tab's summary`);
  return column;
});

const rowKey = (row: BrokerRow): string => String(row.id);
const rowAttributes = (row: BrokerRow) => ({ 'data-broker-id': row.id, 'data-status': row.status });
const openBroker = (row: BrokerRow): void => navigate({ tab: 'brokers', selected: String(row.id) });

/** The compact broker list of the cluster tab; the brokers tab has the full table. */
export function BrokerSummary({ rows: all, clusterKey }: { readonly rows: readonly BrokerRow[]; readonly clusterKey: string }) {
  const rows = useMemo(() => (all.length <= FULL_LIST_MAX ? all : all.filter(noteworthy)), [all]);
  return (
    <div data-testid="broker-summary">
      {rows.length < all.length && (
        <p className="muted" data-testid="broker-summary-partial">
          Showing the {rows.length} of {all.length} brokers that are not ok, have errors or are the active controller.{' '}
          <button type="button" className="link" onClick={() => navigate({ tab: 'brokers', selected: null, brokers: null })}>
            all brokers
          </button>
        </p>
      )}
      <DataTable
        tableId="broker-summary"
        rows={rows}
        columns={SUMMARY_COLUMNS}
        rowKey={rowKey}
        rowTestId="broker-row"
        rowAttributes={rowAttributes}
        onRowClick={openBroker}
        csvFileName={`${clusterKey}-brokers-summary.csv`}
        fitRows={12}
        emptyText="No broker is registered."
        filterPlaceholder="Filter brokers (text or /regex/)"
      />
    </div>
  );
}
