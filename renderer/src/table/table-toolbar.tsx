import { formatCount } from '../format/units';
import { memo, type ReactNode } from 'react';
import { updateTable } from '../navigation/route-store';
import type { SortState, ViewMode } from '../navigation/view-route';

interface TableToolbarProps {
  readonly tableId: string;
  readonly filter: string;
  readonly filterError: string | null;
  readonly shown: number;
  /** The filter that count is for: rows filtered elsewhere arrive after the typing. */
  readonly shownFilter: string;
  readonly total: number;
  readonly view: ViewMode;
  readonly canShowCards: boolean;
  readonly onExportCsv: () => void;
  /** In card view there are no column headers to click, so sorting moves here. */
  readonly sortOptions: readonly { id: string; label: string }[] | null;
  readonly sort: SortState | null;
  readonly extra?: ReactNode;
  readonly placeholder?: string | undefined;
}

/**
 * The filter box, rendered again only when what it shows changes: React rewrites a controlled
 * input's name and type attributes on every render, and that restyles it, so a toolbar rendered for
 * each window of rows or poll made every sort click and every poll need a frame for the input alone.
 */
const FilterInput = memo(function FilterInput(props: { tableId: string; filter: string; invalid: boolean; placeholder: string | undefined }) {
  const { tableId } = props;
  return (
    <input
      type="search"
      className={`dt-filter${props.invalid ? ' dt-filter-invalid' : ''}`}
      data-testid="table-filter"
      placeholder={props.placeholder ?? 'Filter (text, or /regex/)'}
      aria-label="Filter rows"
      aria-invalid={props.invalid}
      value={props.filter}
      onChange={(e) => updateTable(tableId, { filter: e.target.value })}
      spellCheck={false}
    />
  );
});

export function TableToolbar(props: TableToolbarProps) {
  const { tableId } = props;
  return (
    <div className="dt-toolbar">
      <FilterInput tableId={tableId} filter={props.filter} invalid={props.filterError !== null} placeholder={props.placeholder} />
      {props.filterError !== null && (
        <span className="severity-critical" role="alert" data-testid="table-filter-error">
          Invalid regular expression: {props.filterError}
        </span>
      )}
      <span className="muted" data-testid="row-count" data-shown={props.shown} data-total={props.total} data-filter={props.shownFilter}>
        {props.shown === props.total
          ? `${formatCount(props.total)} ${props.total === 1 ? 'row' : 'rows'}`
          : `${formatCount(props.shown)} of ${formatCount(props.total)} rows`}
      </span>
      {props.extra}
      <span className="header-spacer" />
      {props.sortOptions !== null && (
        <label>
          <span className="muted">Sort </span>
          <select
            data-testid="card-sort"
            value={props.sort === null ? '' : `${props.sort.desc ? '-' : ''}${props.sort.id}`}
            onChange={(e) => {
              const value = e.target.value;
              updateTable(tableId, { sort: value === '' ? null : value.startsWith('-') ? { id: value.slice(1), desc: true } : { id: value, desc: false } });
            }}
          >
            <option value="">default order</option>
            {props.sortOptions.flatMap((o) => [
              <option key={o.id} value={o.id}>
                {o.label} ▲
              </option>,
              <option key={`-${o.id}`} value={`-${o.id}`}>
                {o.label} ▼
              </option>,
            ])}
          </select>
        </label>
      )}
      {props.canShowCards && (
        <span className="dt-view-toggle" role="group" aria-label="View mode">
          <button type="button" data-testid="view-mode-table" aria-pressed={props.view === 'table'} onClick={() => updateTable(tableId, { view: 'table' })}>
            Table
          </button>
          <button type="button" data-testid="view-mode-cards" aria-pressed={props.view === 'cards'} onClick={() => updateTable(tableId, { view: 'cards' })}>
            Cards
          </button>
        </span>
      )}
      <button type="button" data-testid="export-csv" onClick={props.onExportCsv} title="Export the shown rows, in this order, as CSV">
        CSV
      </button>
    </div>
  );
}
