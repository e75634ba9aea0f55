import type { BrokerscopeApi } from '../../../shared/api-contract';
import { setBackendConnection, setBackendTransport } from '../state/backend-store';
import { connectStores, loadInitialState } from './connect-stores';
import { setCurrentApi } from './current-api';
import { electronBridge } from './electron-bridge';
import { createWebSocketApi, webSocketUrl, type SocketLike } from './websocket-api';

function reportLoadFailure(error: unknown): void {
  // A failed initial load is not fatal: pushes keep arriving; say why the first view may be empty.
  console.warn('Brokerscope: initial load failed:', error);
}

/** Adapts the DOM WebSocket to the few members the client uses. */
function browserSocket(url: string): SocketLike {
  const ws = new WebSocket(url);
  const socket: SocketLike = {
    get readyState() {
      return ws.readyState;
    },
    send: (data) => ws.send(data),
    close: () => ws.close(),
    onopen: null,
    onclose: null,
    onerror: null,
    onmessage: null,
  };
  ws.onopen = (event) => socket.onopen?.(event);
  ws.onclose = (event) => socket.onclose?.({ code: event.code, reason: event.reason });
  ws.onerror = (event) => socket.onerror?.(event);
  ws.onmessage = (event) => socket.onmessage?.({ data: event.data });
  return socket;
}

/** Picks the transport once at start-up: the preload bridge inside Electron, the WebSocket in a browser. */
export function startTransport(target: Window): BrokerscopeApi {
  const bridge = electronBridge(target);
  if (bridge !== null) {
    setBackendTransport('electron');
    setBackendConnection('connected');
    connectStores(bridge);
    setCurrentApi(bridge);
    loadInitialState(bridge).catch(reportLoadFailure);
    return bridge;
  }

  setBackendTransport('websocket');
  let api: BrokerscopeApi | null = null;
  api = createWebSocketApi({
    url: webSocketUrl(target.location),
    createSocket: browserSocket,
    onConnectionChange: (state, detail) => {
      setBackendConnection(state, detail);
      if (state === 'connected' && api !== null) loadInitialState(api).catch(reportLoadFailure);
    },
  });
  connectStores(api);
  setCurrentApi(api);
  return api;
}
