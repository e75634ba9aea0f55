import { useMemo } from 'react';
import type { Relation } from '../../../../shared/leader-follower-matrix';
import { navigate } from '../../navigation/route-store';
import type { MatrixCellRef } from '../../navigation/view-route';
import type { ColumnSpec } from '../../table/column-spec';
import { DataTable } from '../../table/data-table';

interface RelationsProps {
  readonly title: string;
  readonly relations: readonly Relation[];
  /** Names the table in the URL and its rows for tests. */
  readonly tableId: string;
  readonly testId: string;
  readonly selected: number;
  /** The selected broker's end of the relation: leader (the others follow it) or follower (it follows them). */
  readonly selectedIs: 'leader' | 'follower';
}

function relationColumns(max: number, cellFor: (other: number) => MatrixCellRef): ColumnSpec<Relation>[] {
  return [
    {
      id: 'broker',
      header: 'broker',
      sortValue: (r) => r.brokerId,
      csvValue: (r) => String(r.brokerId),
      cell: (r) => (
        <button type="button" className="link" onClick={() => navigate({ selected: String(r.brokerId), blast: null }, 'replace')}>
          {r.brokerId}
        </button>
      ),
      searchable: true,
      width: 70,
    },
    {
      id: 'replicated',
      header: 'partitions',
      sortValue: (r) => r.replicated,
      csvValue: (r) => String(r.replicated),
      cell: (r) => (
        <button type="button" className="link" onClick={() => navigate({ cell: cellFor(r.brokerId), blast: null }, 'replace')} title="List these partitions">
          <span className="relation-bar" style={{ width: `${Math.max(2, (r.replicated / max) * 80)}px` }} />
          {r.replicated}
        </button>
      ),
      width: 120,
      grow: 1,
    },
    {
      id: 'outOfSync',
      header: 'out of sync',
      sortValue: (r) => r.outOfSync,
      csvValue: (r) => String(r.outOfSync),
      cell: (r) => <span className={r.outOfSync > 0 ? 'severity-warning' : 'muted'}>{r.outOfSync > 0 ? `! ${r.outOfSync}` : '0'}</span>,
      width: 90,
      align: 'end',
    },
  ];
}

const rowKey = (r: Relation): string => String(r.brokerId);
const rowAttributes = (r: Relation) => ({ 'data-broker-id': r.brokerId, 'data-replicated': r.replicated, 'data-out-of-sync': r.outOfSync });

/** Who follows the selected broker, or whom it follows: a table like every other (sort, filter, export), up to 199 rows at 200 brokers. */
export function BrokerRelations({ title, relations, tableId, testId, selected, selectedIs }: RelationsProps) {
  const max = Math.max(1, ...relations.map((r) => r.replicated));
  const columns = useMemo(
    () => relationColumns(max, (other) => (selectedIs === 'leader' ? { leader: selected, follower: other } : { leader: other, follower: selected })),
    [max, selected, selectedIs],
  );
  return (
    <div className="relations">
      <h3 className="subheading">{title}</h3>
      <DataTable
        tableId={tableId}
        rows={relations}
        columns={columns}
        rowKey={rowKey}
        rowTestId={testId}
        rowAttributes={rowAttributes}
        csvFileName={`broker-${selected}-${tableId}.csv`}
        fitRows={12}
        emptyText="none"
        filterPlaceholder="Filter brokers (text or /regex/)"
      />
    </div>
  );
}
