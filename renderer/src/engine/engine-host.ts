import type { ClusterSnapshot } from '../../../shared/cluster-snapshot';
import { snapshotFromBytes } from '../../../shared/snapshot-wire';
import { createWebSocketApi } from '../api/websocket-api';
import { browserSocket } from '../api/browser-socket';
import { TOPIC_ROWS_PER_MESSAGE, topicRowsPart, type FromEngine, type ToEngine, type ViewPartKey } from './engine-protocol';
import { ViewEngine } from './view-engine';

/** The side of a message channel the engine serves: the worker's global scope in the app. */
export interface EngineScope {
  postMessage(message: FromEngine): void;
  onmessage: ((event: MessageEvent<ToEngine>) => void) | null;
}

/**
 * Serves the view engine on a worker's scope: takes snapshots (from its own WebSocket in web mode,
 * or from the page under Electron, as the bytes they crossed IPC in), sends each view in parts,
 * then the rows of open partition tables for it, and answers the page's requests.
 */
export function hostEngine(scope: EngineScope, engine = new ViewEngine()): void {
  const post = (message: FromEngine): void => scope.postMessage(message);

  /**
   * Work to do once the page has stopped asking for a second: only the latest request's is kept. Run
   * at once, it competed for the CPU with the page rendering a newly opened partitions table (its
   * first render took 20–40 ms longer on two cores).
   */
  const IDLE_AFTER_MS = 1_000;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;
  function whenIdle(work: () => void): void {
    if (idleTimer !== null) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      idleTimer = null;
      work();
    }, IDLE_AFTER_MS);
  }

  // Each part of a view as last sent, by cluster and part: an unchanged part is not sent again.
  const sent = new Map<string, string>();
  function sendPart(clusterKey: string, part: ViewPartKey, value: unknown): void {
    const json = JSON.stringify(value);
    const key = `${clusterKey}\u0000${part}`;
    if (sent.get(key) === json) return;
    sent.set(key, json);
    post({ type: 'view-part', clusterKey, part, json });
  }

  function take(snapshot: ClusterSnapshot): void {
    const view = engine.applySnapshot(snapshot);
    if (view === null) return;
    const { clusterKey } = snapshot;
    const slices = Math.ceil(view.topicRows.length / TOPIC_ROWS_PER_MESSAGE);
    for (let slice = 0; slice < slices; slice += 1) {
      sendPart(clusterKey, topicRowsPart(slice), view.topicRows.slice(slice * TOPIC_ROWS_PER_MESSAGE, (slice + 1) * TOPIC_ROWS_PER_MESSAGE));
    }
    sendPart(clusterKey, 'matrix', view.matrix);
    sendPart(clusterKey, 'topicHeads', view.snapshot.topics);
    // The parts went ahead (or are the page's already); the rest of the view follows in one message.
    const { topicRows: _topicRows, matrix: _matrix, snapshot: { topics: _topics, ...head }, ...rest } = view;
    post({ type: 'view', version: view.version, engineMs: view.engineMs, topicRowSlices: slices, json: JSON.stringify({ ...rest, snapshot: head }) });
    for (const { query, answer } of engine.answersAhead(clusterKey)) post({ type: 'rows-ahead', query, answer });
    engine.warm(clusterKey);
  }

  scope.onmessage = (event: MessageEvent<ToEngine>) => {
    const message = event.data;
    if (message.type === 'connect') {
      const api = createWebSocketApi({
        url: message.url,
        createSocket: browserSocket,
        onConnectionChange: (connection, detail) => post({ type: 'connection', connection, detail }),
      });
      api.subscribe('snapshot', take);
    } else if (message.type === 'snapshot') {
      take(message.snapshot);
    } else if (message.type === 'snapshot-bytes') {
      take(snapshotFromBytes(message.bytes));
    } else {
      try {
        const { request } = message;
        post({ type: 'answer', id: message.id, ok: true, answer: engine.answer(request) });
        if (request.kind === 'rows') whenIdle(() => engine.prepareSearch(request.query));
      } catch (error) {
        post({ type: 'answer', id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) });
      }
    }
  };
}
