import { create } from 'zustand';
import { DEFAULT_ROUTE, formatRoute, parseRoute, tableState, type TableState, type ViewRoute } from './view-route';

interface RouteState {
  readonly route: ViewRoute;
}

export const useRouteStore = create<RouteState>()(() => ({ route: DEFAULT_ROUTE }));

export type HistoryMode = 'push' | 'replace';
type HistoryWriter = (hash: string, mode: HistoryMode) => void;

/** Set by the hash sync at start-up; tests leave it unset and work on the store alone. */
let historyWriter: HistoryWriter | null = null;

export function setHistoryWriter(writer: HistoryWriter | null): void {
  historyWriter = writer;
}

function commit(route: ViewRoute, mode: HistoryMode): void {
  useRouteStore.setState({ route });
  historyWriter?.(formatRoute(route), mode);
}

/** Moves to another view: a new history entry, so Back returns to where the user was. */
export function navigate(patch: Partial<ViewRoute>, mode: HistoryMode = 'push'): void {
  commit({ ...useRouteStore.getState().route, ...patch }, mode);
}

/** Moves to another view and sets one of its tables, e.g. the brokers table sorted by skew. */
export function navigateToTable(patch: Partial<ViewRoute>, tableId: string, table: Partial<TableState>): void {
  const route = { ...useRouteStore.getState().route, ...patch };
  commit({ ...route, tables: { ...route.tables, [tableId]: { ...tableState(route, tableId), ...table } } }, 'push');
}

/** Sort, filter and view-mode changes replace the entry: typing in a filter should not flood history. */
export function updateTable(tableId: string, patch: Partial<TableState>): void {
  const route = useRouteStore.getState().route;
  const next = { ...tableState(route, tableId), ...patch };
  commit({ ...route, tables: { ...route.tables, [tableId]: next } }, 'replace');
}

/** The URL changed under us (Back, a pasted link): take the hash as the truth without writing it back. */
export function applyLocationHash(hash: string): void {
  useRouteStore.setState({ route: parseRoute(hash) });
}

export function resetRouteStore(): void {
  useRouteStore.setState({ route: DEFAULT_ROUTE }, true);
}

export function useRoute(): ViewRoute {
  return useRouteStore((s) => s.route);
}

/** One part of the route: the component renders again when that part changes, not on every keystroke in a table filter. */
export function useRouteField<K extends keyof ViewRoute>(key: K): ViewRoute[K] {
  return useRouteStore((s) => s.route[key]);
}

export function useTableState(tableId: string): TableState {
  return useRouteStore((s) => tableState(s.route, tableId));
}
