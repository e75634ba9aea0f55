import type { ClusterSnapshot } from '../../../shared/cluster-snapshot';
import { snapshotFromBytes } from '../../../shared/snapshot-wire';
import { createWebSocketApi } from '../api/websocket-api';
import { browserSocket } from '../api/browser-socket';
import { TOPIC_ROWS_PER_MESSAGE, type FromEngine, type ToEngine } from './engine-protocol';
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

  function take(snapshot: ClusterSnapshot): void {
    const view = engine.applySnapshot(snapshot);
    if (view === null) return;
    const { version } = view;
    for (let start = 0, slice = 0; start < view.topicRows.length; start += TOPIC_ROWS_PER_MESSAGE, slice += 1) {
      post({ type: 'view-part', version, part: 'topicRows', slice, json: JSON.stringify(view.topicRows.slice(start, start + TOPIC_ROWS_PER_MESSAGE)) });
    }
    post({ type: 'view-part', version, part: 'matrix', json: JSON.stringify(view.matrix) });
    // The parts (VIEW_PARTS) went ahead; the rest of the view follows in one message.
    const { topicRows: _topicRows, matrix: _matrix, ...rest } = view;
    post({ type: 'view', version: view.version, engineMs: view.engineMs, json: JSON.stringify(rest) });
    for (const { query, answer } of engine.answersAhead(snapshot.clusterKey)) post({ type: 'rows-ahead', query, answer });
    engine.warm(snapshot.clusterKey);
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
