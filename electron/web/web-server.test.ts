import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ServerFrame } from '../../shared/api-contract';
import { parseProfiles } from '../../shared/cluster-profile';
import type { ClusterSnapshot } from '../../shared/cluster-snapshot';
import { plainSnapshot, snapshotFromBytes } from '../../shared/snapshot-wire';
import { clusterSnapshot, partitionInfo, topicInfo } from '../../shared/synthetic-snapshot';
import { ClusterService } from '../services/cluster-service';
import { startWebServer, type RunningWebServer } from './web-server';

const staticDir = mkdtempSync(join(tmpdir(), 'brokerscope-static-'));
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Brokerscope</title>');

let server: RunningWebServer | null = null;
let service: ClusterService | null = null;

afterEach(async () => {
  await server?.close();
  await service?.stop();
});

async function start(): Promise<RunningWebServer> {
  const profiles = parseProfiles({ clusters: [{ name: 'local', bootstrap: '127.0.0.1:19092' }] }, 'test');
  service = new ClusterService(profiles, (profile) => ({
    poll: async () => clusterSnapshot({ clusterKey: profile.key, profileName: profile.name, takenAt: 1, topics: [topicInfo('orders', [partitionInfo(0, [1, 2]), partitionInfo(1, [2, 3], { isr: [2] })])] }),
    close: async () => undefined,
  }));
  service.start();
  server = await startWebServer({ service, staticDir });
  return server;
}

function connect(url: string, origin: string): Promise<{ ws: WebSocket; frames: ServerFrame[] }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin });
    const frames: ServerFrame[] = [];
    ws.on('message', (data) => frames.push(JSON.parse(data.toString()) as ServerFrame));
    ws.on('open', () => resolve({ ws, frames }));
    ws.on('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.on('error', reject);
  });
}

const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 100 && !check(); i += 1) await new Promise((r) => setTimeout(r, 20));
};

describe('web mode server', () => {
  it('serves the renderer on loopback only', async () => {
    const { port, url } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    const res = await fetch(`http://127.0.0.1:${port}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Brokerscope');
    expect((await fetch(`http://127.0.0.1:${port}/..%2f..%2fetc%2fpasswd`)).status).toBe(200); // falls back to index, never the file
    expect(await (await fetch(`http://127.0.0.1:${port}/..%2f..%2fetc%2fpasswd`)).text()).not.toContain('root:');
  });

  it('refuses a socket without the token or from another origin', async () => {
    const { port, token } = await start();
    const origin = `http://127.0.0.1:${port}`;
    await expect(connect(`ws://127.0.0.1:${port}/api?token=wrong`, origin)).rejects.toThrow('HTTP 401');
    await expect(connect(`ws://127.0.0.1:${port}/api?token=${token}`, 'http://evil.example')).rejects.toThrow('HTTP 403');
  });

  it('pushes the current state on connect and answers requests with validation', async () => {
    const { port, token } = await start();
    const { ws, frames } = await connect(`ws://127.0.0.1:${port}/api?token=${token}`, `http://127.0.0.1:${port}`);
    await until(() => frames.some((f) => f.kind === 'snapshot-ready'));
    expect(frames.some((f) => f.kind === 'event' && f.event === 'clusterStatus')).toBe(true);
    // A snapshot is announced on the socket, never sent on it, and fetched as bytes that read back as the service's snapshot.
    const held = (await service?.handle('getClusterSnapshot', { clusterKey: 'local' })) as ClusterSnapshot;
    expect(frames.filter((f) => f.kind === 'snapshot-ready')).toContainEqual({ kind: 'snapshot-ready', clusterKey: 'local', takenAt: held.takenAt });
    expect(frames.some((f) => f.kind === 'event' && f.event === 'snapshot')).toBe(false);
    const fetched = await fetch(`http://127.0.0.1:${port}/api/snapshot?cluster=local&token=${token}`);
    expect(fetched.headers.get('content-type')).toBe('application/octet-stream');
    // Compared as plain data: read partitions keep their offsets and sizes in the message until asked.
    expect(plainSnapshot(snapshotFromBytes(new Uint8Array(await fetched.arrayBuffer())))).toEqual(plainSnapshot(held));

    ws.send(JSON.stringify({ id: 1, name: 'listClusters', params: {} }));
    ws.send(JSON.stringify({ id: 2, name: 'getClusterSnapshot', params: { clusterKey: 42 } }));
    ws.send(JSON.stringify({ id: 3, name: 'dropAllTopics', params: {} }));
    await until(() => frames.filter((f) => f.kind === 'response').length === 3);
    const responses = Object.fromEntries(frames.flatMap((f) => (f.kind === 'response' ? [[f.id, f]] : [])));
    expect(responses[1]).toMatchObject({ ok: true, result: [{ clusterKey: 'local', profileName: 'local' }] });
    expect(responses[2]).toMatchObject({ ok: false, error: expect.stringMatching(/Invalid parameters for getClusterSnapshot: clusterKey/) });
    expect(responses[3]).toMatchObject({ ok: false, error: 'Unknown request "dropAllTopics"' });
    ws.close();
  });

  it('serves a snapshot only with the token, never to another site, and says when there is none', async () => {
    const { port, token } = await start();
    const base = `http://127.0.0.1:${port}/api/snapshot`;
    await until(() => service?.currentEvents().some((e) => e.event === 'snapshot') === true);
    const answer = async (url: string, headers: Record<string, string> = {}) => {
      const res = await fetch(url, { headers });
      return `${res.status} ${res.status === 200 ? res.headers.get('content-type') : await res.text()}`;
    };
    expect(await answer(`${base}?cluster=local&token=${token}`)).toBe('200 application/octet-stream');
    expect(await answer(`${base}?cluster=local&token=wrong`)).toBe('401 Unauthorized');
    expect(await answer(`${base}?cluster=local`)).toBe('401 Unauthorized');
    expect(await answer(`${base}?cluster=local&token=${token}`, { 'Sec-Fetch-Site': 'cross-site' })).toBe('403 Forbidden');
    expect(await answer(`${base}?cluster=elsewhere&token=${token}`)).toBe('404 No snapshot of cluster "elsewhere"');
    const res = await fetch(`${base}?cluster=local&token=${token}`, { method: 'POST' });
    expect(res.status).toBe(405);
  });

  it('sends a connection only the events it asked for, and refuses an unknown event name', async () => {
    const { port, token } = await start();
    const origin = `http://127.0.0.1:${port}`;
    const base = `ws://127.0.0.1:${port}/api?token=${token}`;
    const snapshots = await connect(`${base}&events=snapshot`, origin);
    const rest = await connect(`${base}&events=clusterStatus,brokerHealth,heartbeatStatus`, origin);
    await until(() => snapshots.frames.length > 0 && rest.frames.some((f) => f.kind === 'event' && f.event === 'clusterStatus'));
    const events = (frames: ServerFrame[]): string[] => [...new Set(frames.flatMap((f) => (f.kind === 'event' ? [f.event] : f.kind === 'snapshot-ready' ? ['snapshot'] : [])))];
    expect(events(snapshots.frames)).toEqual(['snapshot']);
    expect(events(rest.frames)).not.toContain('snapshot');
    await expect(connect(`${base}&events=snapshot,everything`, origin)).rejects.toThrow('HTTP 400');
    snapshots.ws.close();
    rest.ws.close();
  });
});
