import type { BlastEffect, BlastRadius } from '../../../shared/blast-radius';
import type { BrokerTopicGroup } from '../../../shared/broker-partitions';
import type { ClusterSnapshot } from '../../../shared/cluster-snapshot';
import type { PartitionRow } from '../../../shared/partition-rows';
import type { BackendConnection } from '../api/websocket-api';
import type { PartitionScope, SortState } from '../navigation/view-route';

/** Which partitions a partition table lists. */
export type PartitionSource =
  | { readonly kind: 'cluster'; readonly scope: PartitionScope }
  | { readonly kind: 'topic'; readonly topic: string }
  | { readonly kind: 'cell'; readonly leader: number; readonly follower: number }
  /** One list of a broker's blast radius (blast-radius.ts): what would happen to them if it died now. */
  | { readonly kind: 'blast'; readonly brokerId: number; readonly effect: BlastEffect };

export interface RowsQuery {
  readonly clusterKey: string;
  readonly source: PartitionSource;
  readonly sort: SortState | null;
  readonly filter: string;
  /** The window of ordered rows wanted: [start, end). */
  readonly start: number;
  readonly end: number;
}

export interface WindowRow {
  readonly row: PartitionRow;
  /** Whether its state changed in the latest poll (it flashes). */
  readonly changed: boolean;
}

export interface RowsWindow {
  /** The view the rows were taken from; null when the cluster has no snapshot yet. */
  readonly version: number | null;
  readonly takenAt: number | null;
  /** Rows in the source, and how many the filter keeps. */
  readonly total: number;
  readonly shown: number;
  /** The sort and filter these rows are in: what the table says it shows. */
  readonly sort: SortState | null;
  readonly filter: string;
  readonly start: number;
  readonly rows: readonly WindowRow[];
  /** Set when the source does not exist in the latest snapshot (a topic that went away). */
  readonly missing: boolean;
}

/** What the page asks the engine; each has one answer. */
export type EngineRequest =
  | { readonly kind: 'rows'; readonly query: RowsQuery }
  | { readonly kind: 'csv'; readonly query: Omit<RowsQuery, 'start' | 'end'> }
  | { readonly kind: 'brokerGroups'; readonly clusterKey: string; readonly brokerId: number }
  | { readonly kind: 'blastRadius'; readonly clusterKey: string; readonly brokerId: number };

export interface EngineAnswers {
  rows: RowsWindow;
  csv: string;
  brokerGroups: readonly BrokerTopicGroup[] | null;
  blastRadius: BlastRadius | null;
}

export type EngineAnswer<R extends EngineRequest> = EngineAnswers[R['kind']];

/** Page → worker messages. */
export type ToEngine =
  | { readonly type: 'connect'; readonly url: string }
  | { readonly type: 'snapshot'; readonly snapshot: ClusterSnapshot }
  /** A snapshot as the bytes it arrived in (the Electron bridge), read in the worker. */
  | { readonly type: 'snapshot-bytes'; readonly bytes: ArrayBuffer }
  | { readonly type: 'request'; readonly id: number; readonly request: EngineRequest };

/**
 * The parts of a view sent ahead of the rest, each in a message of its own: the page parses one
 * message per task, so no single task parses the whole view (2,000 topic rows and a 200 × 200
 * matrix are a megabyte between them). A part is sent only when it differs from the same part of
 * the cluster's previous view, and the page keeps the one it has otherwise: topic configurations,
 * idle topics' rows and an unchanged assignment are the same poll after poll. Topic rows go in
 * slices of TOPIC_ROWS_PER_MESSAGE, a part each.
 */
export type ViewPartKey = 'topicHeads' | 'matrix' | `topicRows/${number}`;
export const TOPIC_ROWS_PER_MESSAGE = 500;

export function topicRowsPart(slice: number): ViewPartKey {
  return `topicRows/${slice}`;
}

/**
 * Worker → page messages. Views travel as JSON text: the page's JSON.parse of it is about half the
 * cost of structured-clone deserialization of the same objects, and it is the page's main thread that pays.
 */
export type FromEngine =
  | { readonly type: 'view-part'; readonly clusterKey: string; readonly part: ViewPartKey; readonly json: string }
  /** The rest of a view: its snapshot head without the topics, which are the part 'topicHeads'. */
  | { readonly type: 'view'; readonly version: number; readonly engineMs: number; readonly topicRowSlices: number; readonly json: string }
  | { readonly type: 'connection'; readonly connection: BackendConnection; readonly detail: string | null }
  /** A table's rows for a new view, answered right after it, before the table asks again (ViewEngine.answersAhead). */
  | { readonly type: 'rows-ahead'; readonly query: RowsQuery; readonly answer: RowsWindow }
  | { readonly type: 'answer'; readonly id: number; readonly ok: true; readonly answer: unknown }
  | { readonly type: 'answer'; readonly id: number; readonly ok: false; readonly error: string };
