/**
 * Test support: a one-node Kafka broker impostor on 127.0.0.1 that speaks just
 * enough of the protocol (ApiVersions v2, Metadata v0) for kafkajs to connect, and
 * hands every other request to the test. It lets unit tests drive the REAL kafkajs
 * connection — its header framing, correlation ids and response stripping — instead
 * of a mock of it.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { arr, i16, i32, str, type Bytes } from './wire-bytes';

export interface ReceivedRequest {
  readonly apiKey: number;
  readonly apiVersion: number;
  readonly correlationId: number;
  readonly clientId: string | null;
  /** Everything after the client id: for flexible versions, header tags then body. */
  readonly payload: Buffer;
}

/** Returns the response after the correlation id (for flexible versions: header tags first). */
export type RequestHandler = (request: ReceivedRequest) => Bytes;

export interface FakeBrokerOptions {
  readonly nodeId?: number;
  /** Advertised ApiVersions beyond ApiVersions/Metadata themselves: api key → [min, max]. */
  readonly apis: Readonly<Record<number, readonly [number, number]>>;
  readonly handle: RequestHandler;
}

export interface FakeBroker {
  readonly host: string;
  readonly port: number;
  readonly nodeId: number;
  /** Requests other than ApiVersions and Metadata, in arrival order. */
  readonly received: ReceivedRequest[];
  close(): Promise<void>;
}

const API_VERSIONS = 18;
const METADATA = 3;

export async function startFakeBroker(options: FakeBrokerOptions): Promise<FakeBroker> {
  const nodeId = options.nodeId ?? 1;
  const received: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  let port = 0;

  const respond = (request: ReceivedRequest): Bytes => {
    if (request.apiKey === API_VERSIONS) {
      const apis: Array<[number, number, number]> = [
        [API_VERSIONS, 0, 2],
        [METADATA, 0, 0],
        ...Object.entries(options.apis).map(([key, [min, max]]): [number, number, number] => [Number(key), min, max]),
      ];
      // ApiVersions v1/v2: ErrorCode, [ApiKey MinVersion MaxVersion], ThrottleTimeMs (non-flexible).
      return [...i16(0), ...arr(apis.map(([key, min, max]) => [...i16(key), ...i16(min), ...i16(max)])), ...i32(0)];
    }
    if (request.apiKey === METADATA) {
      // Metadata v0: [Brokers: NodeId Host Port], [Topics] (none).
      return [...arr([[...i32(nodeId), ...str('127.0.0.1'), ...i32(port)]]), ...arr([])];
    }
    received.push(request);
    return options.handle(request);
  };

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 4) {
        const size = buffered.readInt32BE(0);
        if (buffered.length < 4 + size) break;
        const frame = buffered.subarray(4, 4 + size);
        buffered = buffered.subarray(4 + size);
        const clientIdLength = frame.readInt16BE(8);
        const bodyStart = 10 + Math.max(clientIdLength, 0);
        const request: ReceivedRequest = {
          apiKey: frame.readInt16BE(0),
          apiVersion: frame.readInt16BE(2),
          correlationId: frame.readInt32BE(4),
          clientId: clientIdLength < 0 ? null : frame.subarray(10, bodyStart).toString('utf8'),
          payload: Buffer.from(frame.subarray(bodyStart)),
        };
        const body = Buffer.from(respond(request));
        const header = Buffer.alloc(8);
        header.writeInt32BE(4 + body.length, 0);
        header.writeInt32BE(request.correlationId, 4);
        socket.write(Buffer.concat([header, body]));
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fake broker has no TCP address');
  port = address.port;

  return {
    host: '127.0.0.1',
    port,
    nodeId,
    received,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
