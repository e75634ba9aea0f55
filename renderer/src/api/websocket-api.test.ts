import { describe, expect, it, vi } from 'vitest';
import type { ClusterSnapshot } from '../../../shared/cluster-snapshot';
import { plainSnapshot, snapshotToBytes } from '../../../shared/snapshot-wire';
import { demoSnapshot } from '../test/demo-snapshot';
import type { ClusterStatus } from '../../../shared/cluster-status';
import { createWebSocketApi, DISCONNECTED_MESSAGE, snapshotFetcher, webSocketUrl, type BackendConnection, type SocketLike } from './websocket-api';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  onopen: SocketLike['onopen'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  onmessage: SocketLike['onmessage'] = null;
  constructor(readonly url: string) {}
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(): void {
    this.readyState = 3;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop(code = 1006): void {
    this.readyState = 3;
    this.onclose?.({ code });
  }
  receive(frame: unknown): void {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
}

function harness(fetchSnapshot: (clusterKey: string) => Promise<ArrayBuffer> = () => Promise.reject(new Error('not used here'))) {
  const sockets: FakeSocket[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const states: BackendConnection[] = [];
  const api = createWebSocketApi({
    url: 'ws://127.0.0.1:1/api?token=t',
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    onConnectionChange: (state) => states.push(state),
    fetchSnapshot,
    setTimer: (fn, ms) => {
      const timer = { fn, ms };
      timers.push(timer);
      return timer;
    },
    clearTimer: (handle) => {
      const index = timers.indexOf(handle as (typeof timers)[number]);
      if (index >= 0) timers.splice(index, 1);
    },
  });
  const socket = (i: number): FakeSocket => {
    const s = sockets[i];
    if (s === undefined) throw new Error(`no socket ${i}`);
    return s;
  };
  return { api, sockets, socket, timers, states };
}

const status: ClusterStatus = {
  clusterKey: 'local',
  profileName: 'local',
  bootstrap: ['127.0.0.1:9092'],
  state: 'ok',
  intervalMs: 5000,
  lastSuccessAt: 1,
  lastAttemptAt: 1,
  lastError: null,
  consecutiveFailures: 0,
  nextPollAt: 2,
};

describe('createWebSocketApi', () => {
  it('sends requests as client frames and resolves them with the matching response', async () => {
    const { api, socket } = harness();
    socket(0).open();
    const answer = api.request('listClusters', {});
    expect(socket(0).sent).toEqual([{ id: 1, name: 'listClusters', params: {} }]);
    socket(0).receive({ kind: 'response', id: 1, ok: true, result: [status] });
    await expect(answer).resolves.toEqual([status]);
  });

  it('rejects with the server error', async () => {
    const { api, socket } = harness();
    socket(0).open();
    const answer = api.request('getClusterSnapshot', { clusterKey: 'x' });
    socket(0).receive({ kind: 'response', id: 1, ok: false, error: 'Unknown cluster x' });
    await expect(answer).rejects.toThrow('Unknown cluster x');
  });

  it('delivers pushed events to subscribers until they unsubscribe', () => {
    const { api, socket } = harness();
    const seen: ClusterStatus[] = [];
    const off = api.subscribe('clusterStatus', (s) => seen.push(s));
    socket(0).open();
    socket(0).receive({ kind: 'event', event: 'clusterStatus', payload: status });
    off();
    socket(0).receive({ kind: 'event', event: 'clusterStatus', payload: status });
    socket(0).receive({ kind: 'event', event: 'nonsense', payload: status });
    expect(seen).toEqual([status]);
  });

  it('fetches an announced snapshot once per announcement, one fetch per cluster at a time, and hands subscribers the snapshot itself', async () => {
    const fetches: { clusterKey: string; resolve: (bytes: ArrayBuffer) => void }[] = [];
    const { api, socket } = harness((clusterKey) => new Promise((resolve) => fetches.push({ clusterKey, resolve })));
    const seen: ClusterSnapshot[] = [];
    socket(0).open();
    socket(0).receive({ kind: 'snapshot-ready', clusterKey: 'demo', takenAt: 1 });
    expect(fetches).toHaveLength(0); // nobody listens yet
    api.subscribe('snapshot', (s) => seen.push(s));
    socket(0).receive({ kind: 'snapshot-ready', clusterKey: 'demo', takenAt: 2 });
    socket(0).receive({ kind: 'snapshot-ready', clusterKey: 'demo', takenAt: 3 });
    socket(0).receive({ kind: 'snapshot-ready', clusterKey: 'demo', takenAt: 4 });
    expect(fetches.map((f) => f.clusterKey)).toEqual(['demo']);
    const first = demoSnapshot({ takenAt: 2 });
    fetches[0]?.resolve(snapshotToBytes(first).slice().buffer);
    await vi.waitFor(() => expect(fetches).toHaveLength(2)); // the announcements during it: fetched once more
    const latest = demoSnapshot({ takenAt: 4 });
    fetches[1]?.resolve(snapshotToBytes(latest).slice().buffer);
    // Compared as plain data: read partitions keep their offsets and sizes in the message until asked.
    await vi.waitFor(() => expect(seen.map(plainSnapshot)).toEqual([first, latest].map(plainSnapshot)));
    expect(fetches).toHaveLength(2);
  });

  it('says which snapshot was lost when a fetch fails or brings back something else', async () => {
    const answers = [Promise.reject(new Error('HTTP 404 from /api/snapshot: No snapshot of cluster "gone"')), Promise.resolve(new Uint8Array(16).buffer)];
    const { api, socket } = harness(() => answers.shift() as Promise<ArrayBuffer>);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const seen: ClusterSnapshot[] = [];
    api.subscribe('snapshot', (s) => seen.push(s));
    socket(0).open();
    socket(0).receive({ kind: 'snapshot-ready', clusterKey: 'gone', takenAt: 1 });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith('Brokerscope: the snapshot of cluster "gone" was not received: HTTP 404 from /api/snapshot: No snapshot of cluster "gone"'));
    socket(0).receive({ kind: 'snapshot-ready', clusterKey: 'odd', takenAt: 1 });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringMatching(/cluster "odd" was not received: Not a snapshot message/)));
    warn.mockRestore();
    expect(seen).toEqual([]);
  });

  it('fetches snapshots from the web server behind the socket, with its token', async () => {
    const asked: string[] = [];
    const fetchImpl = (async (input: URL | RequestInfo) => {
      asked.push(String(input));
      return new Response(new Uint8Array([1, 2, 3]));
    }) as typeof fetch;
    const bytes = await snapshotFetcher('ws://127.0.0.1:4321/api?token=s3cr%2Bt&events=snapshot', fetchImpl)('prod east');
    expect(new Uint8Array(bytes)).toEqual(new Uint8Array([1, 2, 3]));
    expect(asked).toEqual(['http://127.0.0.1:4321/api/snapshot?cluster=prod+east&token=s3cr%2Bt']);
    const refusing = (async () => new Response('Unauthorized', { status: 401 })) as typeof fetch;
    await expect(snapshotFetcher('ws://127.0.0.1:4321/api?token=x', refusing)('a')).rejects.toThrow('HTTP 401 from /api/snapshot: Unauthorized');
  });

  it('fails in-flight requests, reports disconnected and reconnects with growing backoff', async () => {
    const { api, sockets, socket, timers, states } = harness();
    socket(0).open();
    const answer = api.request('listClusters', {});
    socket(0).drop();
    await expect(answer).rejects.toThrow(DISCONNECTED_MESSAGE);
    await expect(api.request('listClusters', {})).rejects.toThrow(DISCONNECTED_MESSAGE);
    expect(states).toEqual(['connecting', 'connected', 'disconnected']);

    const reconnect = timers.find((t) => t.ms === 250);
    reconnect?.fn();
    expect(sockets).toHaveLength(2);
    socket(1).drop();
    expect(timers.some((t) => t.ms === 500)).toBe(true);
    timers.find((t) => t.ms === 500)?.fn();
    socket(2).open();
    expect(states.at(-1)).toBe('connected');
  });

  it('stops reconnecting once closed', () => {
    const { api, sockets, socket, timers } = harness();
    socket(0).open();
    api.close();
    socket(0).drop();
    expect(timers.filter((t) => t.ms === 250)).toHaveLength(0);
    expect(sockets).toHaveLength(1);
  });
});

describe('webSocketUrl', () => {
  it('targets /api on the page origin with the page token', () => {
    expect(webSocketUrl({ protocol: 'http:', host: '127.0.0.1:5173', search: '?token=a%2Bb' })).toBe('ws://127.0.0.1:5173/api?token=a%2Bb');
  });
});
