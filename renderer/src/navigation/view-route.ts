/**
 * Everything that decides what is on screen, as plain data that round-trips through the URL hash,
 * so a view can be restored after a reload and pasted into an incident channel.
 */
import { BLAST_EFFECTS, type BlastEffect } from '../../../shared/blast-radius';

export type TabId = 'cluster' | 'brokers' | 'topics' | 'correlation' | 'latency';
export const TAB_IDS: readonly TabId[] = ['cluster', 'brokers', 'topics', 'correlation', 'latency'];

export type ViewMode = 'table' | 'cards';

/** The cluster-wide partition lists a health reason or deployment rule links to. */
export type PartitionScope = 'all' | 'offline' | 'under-min-isr' | 'under-replicated' | 'non-preferred-leader' | 'rack-violations';
export const PARTITION_SCOPES: readonly PartitionScope[] = ['all', 'offline', 'under-min-isr', 'under-replicated', 'non-preferred-leader', 'rack-violations'];

export interface SortState {
  readonly id: string;
  readonly desc: boolean;
}

export interface TableState {
  readonly sort: SortState | null;
  readonly filter: string;
  readonly view: ViewMode;
}

export const DEFAULT_TABLE_STATE: TableState = { sort: null, filter: '', view: 'table' };

export interface MatrixCellRef {
  readonly leader: number;
  readonly follower: number;
}

/** Correlation tab: one list of a broker's blast radius, shown in full. */
export interface BlastRef {
  readonly brokerId: number;
  readonly effect: BlastEffect;
}

export interface ViewRoute {
  readonly tab: TabId;
  readonly cluster: string | null;
  /** The broker id or topic name whose detail is open. */
  readonly selected: string | null;
  /** Topics tab: show this cluster-wide partition list instead of the topic list. */
  readonly partitions: PartitionScope | null;
  /** Brokers tab: show only these brokers (a health reason's subjects). */
  readonly brokers: readonly number[] | null;
  /** Correlation tab: the heatmap cell whose partitions are listed. */
  readonly cell: MatrixCellRef | null;
  /** Correlation tab: the blast-radius list shown in full. */
  readonly blast: BlastRef | null;
  /** Sort, filter and view mode of each table, by table id. */
  readonly tables: Readonly<Record<string, TableState>>;
}

export const DEFAULT_ROUTE: ViewRoute = {
  tab: 'cluster',
  cluster: null,
  selected: null,
  partitions: null,
  brokers: null,
  cell: null,
  blast: null,
  tables: {},
};

export function tableState(route: ViewRoute, tableId: string): TableState {
  return route.tables[tableId] ?? DEFAULT_TABLE_STATE;
}

function parseSort(value: string | null): SortState | null {
  if (value === null || value === '' || value === '-') return null;
  return value.startsWith('-') ? { id: value.slice(1), desc: true } : { id: value, desc: false };
}

function parseIds(value: string | null): number[] | null {
  if (value === null || value === '') return null;
  const ids = value.split(',').map(Number).filter((n) => Number.isInteger(n));
  return ids.length > 0 ? ids : null;
}

function parseCell(value: string | null): MatrixCellRef | null {
  const match = value === null ? null : /^(-?\d+)>(-?\d+)$/.exec(value);
  if (match === null) return null;
  return { leader: Number(match[1]), follower: Number(match[2]) };
}

function parseBlast(value: string | null): BlastRef | null {
  const match = value === null ? null : /^(-?\d+):(\w+)$/.exec(value);
  const effect = BLAST_EFFECTS.find((e) => e === match?.[2]);
  return match === null || effect === undefined ? null : { brokerId: Number(match[1]), effect };
}

/** Reads `#/<tab>?c=…&sel=…&s.<table>=-col&q.<table>=…&v.<table>=cards`; anything unrecognised falls back to defaults. */
export function parseRoute(hash: string): ViewRoute {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const [pathPart = '', queryPart = ''] = body.split(/\?(.*)/s, 2);
  const tabName = pathPart.replace(/^\//, '');
  const tab = TAB_IDS.find((t) => t === tabName) ?? DEFAULT_ROUTE.tab;
  const params = new URLSearchParams(queryPart);

  const tables: Record<string, TableState> = {};
  const tableFor = (id: string): TableState => tables[id] ?? DEFAULT_TABLE_STATE;
  for (const [key, value] of params) {
    const dot = key.indexOf('.');
    if (dot <= 0) continue;
    const kind = key.slice(0, dot);
    const id = key.slice(dot + 1);
    if (kind === 's') tables[id] = { ...tableFor(id), sort: parseSort(value) };
    else if (kind === 'q') tables[id] = { ...tableFor(id), filter: value };
    else if (kind === 'v' && (value === 'cards' || value === 'table')) tables[id] = { ...tableFor(id), view: value };
  }

  const scope = params.get('parts');
  return {
    tab,
    cluster: params.get('c') || null,
    selected: params.get('sel') || null,
    partitions: PARTITION_SCOPES.find((s) => s === scope) ?? null,
    brokers: parseIds(params.get('only')),
    cell: parseCell(params.get('cell')),
    blast: parseBlast(params.get('blast')),
    tables,
  };
}

export function formatRoute(route: ViewRoute): string {
  const params = new URLSearchParams();
  if (route.cluster !== null) params.set('c', route.cluster);
  if (route.selected !== null) params.set('sel', route.selected);
  if (route.partitions !== null) params.set('parts', route.partitions);
  if (route.brokers !== null && route.brokers.length > 0) params.set('only', route.brokers.join(','));
  if (route.cell !== null) params.set('cell', `${route.cell.leader}>${route.cell.follower}`);
  if (route.blast !== null) params.set('blast', `${route.blast.brokerId}:${route.blast.effect}`);
  for (const id of Object.keys(route.tables).sort()) {
    const state = route.tables[id];
    if (state === undefined) continue;
    if (state.sort !== null) params.set(`s.${id}`, `${state.sort.desc ? '-' : ''}${state.sort.id}`);
    if (state.filter !== '') params.set(`q.${id}`, state.filter);
    if (state.view !== 'table') params.set(`v.${id}`, state.view);
  }
  const query = params.toString();
  return `#/${route.tab}${query === '' ? '' : `?${query}`}`;
}
