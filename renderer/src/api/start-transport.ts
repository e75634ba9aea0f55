import type { BrokerscopeApi, EventName } from '../../../shared/api-contract';
import { startEngine } from '../engine/engine-client';
import { setEngine } from '../state/engine-store';
import { combinedConnection, setBackendConnection, setBackendTransport, type LinkState } from '../state/backend-store';
import { connectStores, loadInitialState } from './connect-stores';
import { setCurrentApi } from './current-api';
import { electronBridge } from './electron-bridge';
import { browserSocket } from './browser-socket';
import { createWebSocketApi, webSocketUrl } from './websocket-api';

function reportLoadFailure(error: unknown): void {
  // A failed initial load is not fatal: pushes keep arriving; say why the first view may be empty.
  console.warn('Brokerscope: initial load failed:', error);
}

/** Picks the transport once at start-up: the preload bridge inside Electron, the WebSocket in a browser. */
export function startTransport(target: Window): BrokerscopeApi {
  const bridge = electronBridge(target);
  if (bridge !== null) {
    setBackendTransport('electron');
    setBackendConnection('connected');
    const engine = startEngine(null);
    setEngine(engine);
    connectStores(bridge, engine);
    setCurrentApi(bridge);
    loadInitialState(bridge, engine).catch(reportLoadFailure);
    return bridge;
  }

  setBackendTransport('websocket');
  // The engine's worker takes the snapshots on a connection of its own; the page's gets the rest.
  const engine = startEngine(webSocketUrl(target.location, ['snapshot']));
  setEngine(engine);
  const pageEvents: readonly EventName[] | undefined = engine.ownsSnapshots ? ['clusterStatus', 'brokerHealth', 'heartbeatStatus'] : undefined;
  let page: LinkState = { connection: 'connecting', detail: null };
  let snapshots: LinkState = { connection: engine.ownsSnapshots ? 'connecting' : 'connected', detail: null };
  const publish = (): void => {
    const combined = combinedConnection(page, snapshots);
    setBackendConnection(combined.connection, combined.detail);
  };
  engine.onConnection((connection, detail) => {
    snapshots = { connection, detail };
    publish();
  });
  let api: BrokerscopeApi | null = null;
  api = createWebSocketApi({
    url: webSocketUrl(target.location, pageEvents),
    createSocket: browserSocket,
    onConnectionChange: (state, detail) => {
      page = { connection: state, detail };
      publish();
      if (state === 'connected' && api !== null) loadInitialState(api, engine).catch(reportLoadFailure);
    },
  });
  connectStores(api, engine);
  setCurrentApi(api);
  return api;
}
