import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { clientFrameSchema, EVENT_NAMES, isEventName, type EventName, type ServerFrame } from '../../shared/api-contract';
import { WEB_SNAPSHOT_PATH } from '../../shared/ipc-channels';
import { snapshotToBytes } from '../../shared/snapshot-wire';
import type { ClusterSnapshot } from '../../shared/cluster-snapshot';
import type { ClusterService } from '../services/cluster-service';
import { readStaticFile } from './static-files';

/**
 * An event as the renderer receives it. A snapshot is only announced on the socket; the renderer
 * fetches it from WEB_SNAPSHOT_PATH as one binary message (snapshot-wire.ts). A browser's developer
 * tools copy every WebSocket message into their protocol, base64 and all (140 ms of the browser's
 * main thread for one 100,000-partition snapshot), but leave a response body where it is.
 */
function eventFrame(event: EventName, payload: unknown): string {
  if (event === 'snapshot') {
    const { clusterKey, takenAt } = payload as ClusterSnapshot;
    return JSON.stringify({ kind: 'snapshot-ready', clusterKey, takenAt } satisfies ServerFrame);
  }
  return JSON.stringify({ kind: 'event', event, payload } satisfies ServerFrame);
}

export interface WebServerOptions {
  readonly service: ClusterService;
  /** The built renderer (dist/renderer). */
  readonly staticDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Fixed token for tests; a random one per run otherwise. */
  readonly token?: string;
}

export interface RunningWebServer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const MAX_FRAME_BYTES = 64 * 1024;

const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; connect-src 'self' ws://127.0.0.1:* ws://localhost:*; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/**
 * Web mode: the same services, served to a browser on loopback only. The API socket demands the
 * per-run token and a same-origin page, and every request names this very host, so another web
 * page (or a DNS-rebound name) in the same browser cannot read the cluster through it.
 */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  /** Each open connection and the events it asked for. */
  const sockets = new Map<WebSocket, ReadonlySet<EventName>>();
  let port = 0;
  const allowedHosts = (): string[] => [`${HOST}:${port}`, `localhost:${port}`];

  const server = createServer((req, res) => {
    void serveHttp(req, res);
  });

  async function serveHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts().includes(req.headers.host ?? '')) {
      res.writeHead(421, SECURITY_HEADERS).end('Misdirected request');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS).end('Method not allowed');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    if (url.pathname === WEB_SNAPSHOT_PATH) return serveSnapshot(req, url, res);
    const file = (await readStaticFile(options.staticDir, req.url ?? '/')) ?? (await readStaticFile(options.staticDir, '/'));
    if (file === null) {
      res.writeHead(503, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' });
      res.end(`The renderer is not built: ${options.staticDir} has no index.html. Run "npm run build".`);
      return;
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.contentType });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  /** Each snapshot encoded once, however many connections fetch it. */
  const encoded = new WeakMap<ClusterSnapshot, Uint8Array>();

  /** A cluster's latest snapshot, for the socket's token only, and never to another site's page. */
  async function serveSnapshot(req: IncomingMessage, url: URL, res: ServerResponse): Promise<void> {
    const refuse = (status: number, why: string): void => {
      res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' }).end(why);
    };
    if (!tokensMatch(url.searchParams.get('token') ?? '', token)) return refuse(401, 'Unauthorized');
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') return refuse(403, 'Forbidden');
    const clusterKey = url.searchParams.get('cluster') ?? '';
    const snapshot = (await options.service.handle('getClusterSnapshot', { clusterKey })) as ClusterSnapshot | null;
    if (snapshot === null) return refuse(404, `No snapshot of cluster "${clusterKey}"`);
    let bytes = encoded.get(snapshot);
    if (bytes === undefined) {
      bytes = snapshotToBytes(snapshot);
      encoded.set(snapshot, bytes);
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'application/octet-stream', 'Content-Length': String(bytes.byteLength) });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    const origin = req.headers.origin ?? '';
    const refuse = (status: string): void => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    };
    if (url.pathname !== '/api') return refuse('404 Not Found');
    if (!allowedHosts().includes(req.headers.host ?? '')) return refuse('421 Misdirected Request');
    if (!allowedHosts().some((h) => origin === `http://${h}`)) return refuse('403 Forbidden');
    if (!tokensMatch(url.searchParams.get('token') ?? '', token)) return refuse('401 Unauthorized');
    const events = eventSelection(url.searchParams.get('events'));
    if (events === null) return refuse('400 Bad Request');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, events));
  });

  wss.on('connection', (ws: WebSocket, events: ReadonlySet<EventName>) => {
    sockets.set(ws, events);
    const sendText = (text: string): void => {
      if (ws.readyState === ws.OPEN) ws.send(text);
    };
    const send = (frame: ServerFrame): void => sendText(JSON.stringify(frame));
    for (const { event, payload } of options.service.currentEvents()) if (events.has(event)) sendText(eventFrame(event, payload));
    ws.on('message', (data) => {
      void answer(data.toString(), send);
    });
    ws.on('close', () => sockets.delete(ws));
    ws.on('error', () => sockets.delete(ws));
  });

  async function answer(text: string, send: (frame: ServerFrame) => void): Promise<void> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return;
    }
    const frame = clientFrameSchema.safeParse(json);
    if (!frame.success) return;
    const { id, name, params } = frame.data;
    try {
      const result = await options.service.handle(name, params);
      send({ kind: 'response', id, ok: true, result });
    } catch (error) {
      send({ kind: 'response', id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  }

  const unsubscribe = options.service.subscribe((event, payload) => {
    let text: string | null = null;
    for (const [ws, events] of sockets) {
      if (ws.readyState !== ws.OPEN || !events.has(event)) continue;
      // Serialized once, and only when some connection wants it.
      text ??= eventFrame(event, payload);
      ws.send(text);
    }
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${HOST}:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      unsubscribe();
      for (const ws of sockets.keys()) ws.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function tokensMatch(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Which pushed events a connection wants, from `?events=a,b`: every event when absent, so a
 * connection that does not ask gets them all. The page's view engine takes the (large) snapshots
 * on a connection of its own, off the page's main thread; null for an unknown event name.
 */
export function eventSelection(param: string | null): ReadonlySet<EventName> | null {
  if (param === null) return new Set(EVENT_NAMES);
  const names = param.split(',').filter((n) => n !== '');
  if (!names.every(isEventName)) return null;
  return new Set(names);
}
