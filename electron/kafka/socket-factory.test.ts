import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { kafkaSocketFactory } from './socket-factory';

/** A loopback port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('kafkaSocketFactory', () => {
  it('gains no listener when a refused socket is unref-ed again and again, as kafkajs does on each disconnect', async () => {
    const port = await closedPort();
    const socket = kafkaSocketFactory({ host: '127.0.0.1', port, ssl: undefined as never, onConnect: () => undefined });
    const refused = await new Promise<NodeJS.ErrnoException>((resolve) => socket.once('error', resolve));
    expect(refused.code).toBe('ECONNREFUSED');
    await new Promise((resolve) => setImmediate(resolve));
    expect(socket.destroyed).toBe(true);
    // The one listener left is the connect callback given to the factory, which never ran.
    const before = socket.listenerCount('connect');
    for (let i = 0; i < 50; i += 1) socket.unref();
    expect(socket.listenerCount('connect')).toBe(before);

    // Node's own socket, which kafkajs's default factory returns, keeps every one of them.
    const plain = net.connect({ host: '127.0.0.1', port });
    await new Promise((resolve) => plain.once('error', resolve));
    plain.setMaxListeners(100);
    for (let i = 0; i < 50; i += 1) plain.unref();
    expect(plain.listenerCount('connect')).toBe(50);
  });

  it('connects, keeps the connection alive and still unrefs a live socket', async () => {
    const server = net.createServer((peer) => peer.end('hello'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      let connected = false;
      const socket = kafkaSocketFactory({ host: '127.0.0.1', port, ssl: undefined as never, onConnect: () => (connected = true) });
      const data = await new Promise<string>((resolve) => socket.once('data', (chunk: Buffer) => resolve(chunk.toString())));
      expect(connected).toBe(true);
      expect(data).toBe('hello');
      expect(socket.unref()).toBe(socket);
      socket.destroy();
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
