// Types only from the contract: it builds zod schemas at load, whose eval probe a strict CSP reports
// as a violation, and the renderer never validates requests itself. Names come from ipc-channels.
import type {
  ApiEvents,
  BrokerscopeApi,
  ClientFrame,
  EventName,
  RequestName,
  RequestParams,
  RequestResults,
  ServerFrame,
  Unsubscribe,
} from '../../../shared/api-contract';
import { isEventName, WEB_SNAPSHOT_PATH } from '../../../shared/ipc-channels';
import { snapshotFromBytes } from '../../../shared/snapshot-wire';

export type BackendConnection = 'connecting' | 'connected' | 'disconnected';

/** The part of the DOM WebSocket the client uses, so tests can hand in a fake. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: { code?: number; reason?: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
}

export interface WebSocketApiOptions {
  readonly url: string;
  readonly createSocket: (url: string) => SocketLike;
  readonly onConnectionChange: (state: BackendConnection, detail: string | null) => void;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
  /** First reconnect delay; doubles on every failure up to maxBackoffMs. */
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** A request with no answer by then is failed, so a view never waits forever on a hung backend. */
  readonly requestTimeoutMs?: number;
  /** Fetches an announced snapshot's bytes; by default from the web server that serves the socket. */
  readonly fetchSnapshot?: (clusterKey: string) => Promise<ArrayBuffer>;
}

export interface WebSocketApi extends BrokerscopeApi {
  close(): void;
}

const OPEN = 1;

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: unknown;
}

export const DISCONNECTED_MESSAGE = 'disconnected from the app backend';

/** Web mode's transport: the same contract as the Electron bridge, carried as JSON frames. */
export function createWebSocketApi(options: WebSocketApiOptions): WebSocketApi {
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const initialBackoff = options.initialBackoffMs ?? 250;
  const maxBackoff = options.maxBackoffMs ?? 5000;
  const requestTimeout = options.requestTimeoutMs ?? 30_000;

  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let socket: SocketLike | null = null;
  let backoff = initialBackoff;
  let reconnectTimer: unknown = null;
  let closedByUser = false;

  const failPending = (reason: string): void => {
    for (const [id, entry] of pending) {
      clearTimer(entry.timer);
      entry.reject(new Error(reason));
      pending.delete(id);
    }
  };

  const deliver = (event: EventName, payload: unknown): void => {
    for (const listener of listeners.get(event) ?? []) listener(payload as never);
  };

  /**
   * An announced snapshot is fetched, one fetch per cluster at a time (an announcement during one
   * fetches again after it, for the latest), and read once for every listener (snapshot-wire.ts).
   */
  const fetchSnapshot = options.fetchSnapshot ?? snapshotFetcher(options.url);
  const fetching = new Set<string>();
  const announcedAgain = new Set<string>();
  const fetchAnnounced = (clusterKey: string): void => {
    if (fetching.has(clusterKey)) {
      announcedAgain.add(clusterKey);
      return;
    }
    fetching.add(clusterKey);
    fetchSnapshot(clusterKey)
      .then((bytes) => snapshotFromBytes(bytes))
      .then(
        (snapshot) => {
          if (!closedByUser) deliver('snapshot', snapshot);
        },
        (error: unknown) => {
          console.warn(`Brokerscope: the snapshot of cluster "${clusterKey}" was not received: ${error instanceof Error ? error.message : String(error)}`);
        },
      )
      .finally(() => {
        fetching.delete(clusterKey);
        if (announcedAgain.delete(clusterKey) && !closedByUser) fetchAnnounced(clusterKey);
      });
  };

  const handleFrame = (raw: unknown): void => {
    if (typeof raw !== 'string') return;
    let frame: ServerFrame;
    try {
      frame = JSON.parse(raw) as ServerFrame;
    } catch {
      return;
    }
    if (frame.kind === 'response') {
      const entry = pending.get(frame.id);
      if (entry === undefined) return;
      pending.delete(frame.id);
      clearTimer(entry.timer);
      if (frame.ok) entry.resolve(frame.result);
      else entry.reject(new Error(frame.error));
    } else if (frame.kind === 'event' && isEventName(frame.event)) {
      deliver(frame.event, frame.payload);
    } else if (frame.kind === 'snapshot-ready' && (listeners.get('snapshot')?.size ?? 0) > 0) {
      fetchAnnounced(frame.clusterKey);
    }
  };

  const scheduleReconnect = (): void => {
    if (closedByUser || reconnectTimer !== null) return;
    const delay = backoff;
    backoff = Math.min(backoff * 2, maxBackoff);
    reconnectTimer = setTimer(() => {
      reconnectTimer = null;
      connect();
    }, delay);
  };

  let everAttempted = false;
  const connect = (): void => {
    // Retries stay "disconnected" so the banner does not flicker through "connecting" every backoff.
    if (!everAttempted) options.onConnectionChange('connecting', null);
    everAttempted = true;
    let current: SocketLike;
    try {
      current = options.createSocket(options.url);
    } catch (error) {
      options.onConnectionChange('disconnected', error instanceof Error ? error.message : String(error));
      scheduleReconnect();
      return;
    }
    socket = current;
    current.onopen = () => {
      backoff = initialBackoff;
      options.onConnectionChange('connected', null);
    };
    current.onmessage = (event) => handleFrame(event.data);
    current.onerror = () => {
      // The close event that always follows carries what little the browser tells us; act there.
    };
    current.onclose = (event) => {
      if (socket !== current) return;
      socket = null;
      failPending(DISCONNECTED_MESSAGE);
      if (closedByUser) return;
      const detail = event.reason ? `${event.reason} (code ${event.code ?? '?'})` : event.code !== undefined ? `code ${event.code}` : null;
      options.onConnectionChange('disconnected', detail);
      scheduleReconnect();
    };
  };

  connect();

  return {
    request<N extends RequestName>(name: N, params: RequestParams<N>): Promise<RequestResults[N]> {
      const current = socket;
      if (current === null || current.readyState !== OPEN) return Promise.reject(new Error(DISCONNECTED_MESSAGE));
      const id = nextId;
      nextId += 1;
      const frame: ClientFrame = { id, name, params };
      return new Promise<RequestResults[N]>((resolve, reject) => {
        const timer = setTimer(() => {
          if (pending.delete(id)) reject(new Error(`${name} timed out after ${requestTimeout} ms`));
        }, requestTimeout);
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
        current.send(JSON.stringify(frame));
      });
    },
    subscribe<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): Unsubscribe {
      let set = listeners.get(event);
      if (set === undefined) {
        set = new Set();
        listeners.set(event, set);
      }
      const stored = listener as (payload: never) => void;
      set.add(stored);
      return () => {
        set.delete(stored);
      };
    },
    close(): void {
      closedByUser = true;
      if (reconnectTimer !== null) clearTimer(reconnectTimer);
      reconnectTimer = null;
      failPending(DISCONNECTED_MESSAGE);
      socket?.close();
      socket = null;
    },
  };
}

/** Fetches a cluster's snapshot from the web server behind a socket URL, with the socket's token. */
export function snapshotFetcher(socketUrl: string, fetchImpl: typeof fetch = (input, init) => fetch(input, init)): (clusterKey: string) => Promise<ArrayBuffer> {
  const base = new URL(socketUrl);
  return async (clusterKey) => {
    const url = new URL(WEB_SNAPSHOT_PATH, `${base.protocol === 'wss:' ? 'https:' : 'http:'}//${base.host}`);
    url.searchParams.set('cluster', clusterKey);
    url.searchParams.set('token', base.searchParams.get('token') ?? '');
    const response = await fetchImpl(url, { cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status} from ${WEB_SNAPSHOT_PATH}: ${(await response.text()).slice(0, 200)}`);
    return response.arrayBuffer();
  };
}

/**
 * ws://host:port/api?token=… for the page's own origin; the token comes from the page URL web mode
 * printed. With `events`, the connection gets only those pushed events (all of them otherwise).
 */
export function webSocketUrl(location: { protocol: string; host: string; search: string }, events?: readonly EventName[]): string {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const selection = events === undefined ? '' : `&events=${events.join(',')}`;
  return `${scheme}://${location.host}/api?token=${encodeURIComponent(token)}${selection}`;
}
