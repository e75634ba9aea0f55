import { describe, expect, it, vi } from 'vitest';
import type { ClusterSnapshot } from '../../../shared/cluster-snapshot';
import { snapshotToBytes } from '../../../shared/snapshot-wire';
import { demoSnapshot } from '../test/demo-snapshot';
import type { ClusterStatus } from '../../../shared/cluster-status';
import { createWebSocketApi, DISCONNECTED_MESSAGE, webSocketUrl, type BackendConnection, type SocketLike } from './websocket-api';

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
  receiveBytes(data: ArrayBuffer): void {
    this.onmessage?.({ data });
  }
}

function harness() {
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

  it('hands subscribers a snapshot sent as a binary message as the snapshot itself, and drops a message that is not one', () => {
    const { api, socket } = harness();
    const seen: ClusterSnapshot[] = [];
    api.subscribe('snapshot', (s) => seen.push(s));
    socket(0).open();
    const snapshot = demoSnapshot();
    const bytes = snapshotToBytes(snapshot);
    socket(0).receiveBytes(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    socket(0).receiveBytes(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]).buffer);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/snapshot from the backend was dropped: Not a snapshot message/));
    warn.mockRestore();
    socket(0).receive({ kind: 'event', event: 'clusterStatus', payload: status });
    expect(seen).toEqual([snapshot]);
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
