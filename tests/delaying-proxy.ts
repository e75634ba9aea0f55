import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface DelayingProxy {
  readonly port: number;
  /** Delay added to every byte travelling from the client to the broker; takes effect for new data at once. */
  setDelay(ms: number): void;
  close(): Promise<void>;
}

/**
 * A TCP proxy on loopback that holds each chunk from the client for `delayMs` before passing it
 * on, in order, and passes the broker's answers back at once: a broker reached through it answers
 * every request exactly `delayMs` later, as a broker behind a slow link or a stalled disk would.
 * Test support for the slow-broker scenario; the broker advertises the proxy's port.
 */
export async function startDelayingProxy(options: { listenPort: number; targetPort: number; host?: string; delayMs?: number }): Promise<DelayingProxy> {
  const host = options.host ?? '127.0.0.1';
  let delayMs = options.delayMs ?? 0;
  const sockets = new Set<Socket>();

  const server: Server = createServer((client) => {
    const upstream = createConnection({ host, port: options.targetPort });
    sockets.add(client);
    sockets.add(upstream);
    // Chunks leave in arrival order: each one no earlier than the one before it.
    let lastDue = 0;
    client.on('data', (chunk: Buffer) => {
      const due = Math.max(Date.now() + delayMs, lastDue);
      lastDue = due;
      const wait = due - Date.now();
      if (wait <= 0) upstream.write(chunk);
      else setTimeout(() => upstream.write(chunk), wait);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    const closeBoth = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', closeBoth);
    upstream.on('close', closeBoth);
    client.on('error', closeBoth);
    upstream.on('error', closeBoth);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.listenPort, host, () => resolve());
  });

  return {
    port: options.listenPort,
    setDelay(ms: number) {
      delayMs = ms;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
