import type { ClusterSnapshot } from '../../../shared/cluster-snapshot';
import { createWebSocketApi } from '../api/websocket-api';
import { browserSocket } from '../api/browser-socket';
import { VIEW_PARTS, type FromEngine, type ToEngine } from './engine-protocol';
import { ViewEngine } from './view-engine';

/**
 * The view engine's worker. In web mode it takes the snapshots on a WebSocket of its own (the page's
 * connection carries everything else), so the 25 MiB of a 100,000-partition poll are parsed here;
 * under Electron the page hands it the snapshots the bridge delivers.
 */
interface WorkerScope {
  postMessage(message: FromEngine): void;
  onmessage: ((event: MessageEvent<ToEngine>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const engine = new ViewEngine();

const post = (message: FromEngine): void => scope.postMessage(message);

function take(snapshot: ClusterSnapshot): void {
  const view = engine.applySnapshot(snapshot);
  if (view === null) return;
  for (const part of VIEW_PARTS) post({ type: 'view-part', version: view.version, part, json: JSON.stringify(view[part]) });
  const { topicRows: _topicRows, matrix: _matrix, ...rest } = view satisfies Record<(typeof VIEW_PARTS)[number], unknown>;
  post({ type: 'view', version: view.version, engineMs: view.engineMs, json: JSON.stringify(rest) });
  engine.warm(snapshot.clusterKey);
}

scope.onmessage = (event: MessageEvent<ToEngine>) => {
  const message = event.data;
  if (message.type === 'connect') {
    const api = createWebSocketApi({ url: message.url, createSocket: browserSocket, onConnectionChange: () => undefined });
    api.subscribe('snapshot', take);
  } else if (message.type === 'snapshot') {
    take(message.snapshot);
  } else {
    try {
      post({ type: 'answer', id: message.id, ok: true, answer: engine.answer(message.request) });
    } catch (error) {
      post({ type: 'answer', id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  }
};
