/**
 * The ONLY file that reaches into kafkajs's non-public surface (kafkajs is pinned
 * at 2.2.4; re-check every item below when bumping it):
 *
 * 1. `kafkajs/src/protocol/encoder.js` — `Connection.send` passes our request's
 *    `encode()` result to `Encoder#writeEncoder`, which only accepts kafkajs Encoder
 *    instances, so our raw bytes are wrapped in one.
 * 2. `kafkajs/src/protocol/error.js` — its `errorCodes` table gives Kafka error
 *    codes the same `type` names kafkajs's own errors carry, so the gateway can
 *    treat both alike.
 * 3. The `Kafka` client's symbol-keyed private factory `private:Kafka:createCluster`
 *    — the same factory `kafka.admin()` uses — builds a kafkajs `Cluster` that WE own
 *    (the admin's cluster lives only in its closure). The cluster's methods and the
 *    `Broker` objects it hands out are kafkajs internals too; they are narrowed at
 *    runtime here before anything else sees them.
 */
import type { Kafka } from 'kafkajs';
import KafkajsEncoder from 'kafkajs/src/protocol/encoder.js';
import kafkajsProtocolErrors from 'kafkajs/src/protocol/error.js';
import type { RawBroker } from './protocol/raw-broker';

/** Wraps finished request-body bytes so kafkajs's request framing accepts them. */
export function toKafkajsEncoder(body: Uint8Array): unknown {
  return new KafkajsEncoder().writeBuffer(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
}

export interface KafkajsErrorInfo {
  readonly type: string;
  readonly retriable: boolean;
  readonly message: string;
}

let errorTable: ReadonlyMap<number, KafkajsErrorInfo> | undefined;

/** kafkajs's description of a Kafka error code, if its table knows the code. */
export function kafkajsErrorInfo(code: number): KafkajsErrorInfo | undefined {
  errorTable ??= buildErrorTable(kafkajsProtocolErrors.errorCodes);
  return errorTable.get(code);
}

function buildErrorTable(entries: unknown): ReadonlyMap<number, KafkajsErrorInfo> {
  const table = new Map<number, KafkajsErrorInfo>();
  if (!Array.isArray(entries)) return table;
  for (const entry of entries as unknown[]) {
    if (!isRecord(entry)) continue;
    const { type, code, retriable, message } = entry;
    if (typeof type === 'string' && typeof code === 'number') {
      table.set(code, {
        type,
        retriable: retriable === true,
        message: typeof message === 'string' ? message : type,
      });
    }
  }
  return table;
}

/** A kafkajs `Cluster` held by the gateway, reduced to what we use. */
export interface OwnedCluster {
  /** Connects a seed broker and loads broker metadata (host, port, rack per node id). */
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  /** Re-reads broker metadata, e.g. after a broker was added or replaced. */
  refreshMetadata(): Promise<void>;
  /** Node ids from the last metadata load. */
  nodeIds(): number[];
  /** The connected kafkajs Broker for a node id (connects it if needed). */
  broker(nodeId: number): Promise<RawBroker>;
  /** Any broker with a live connection, connecting one if none is. */
  anyBroker(): Promise<RawBroker>;
}

export interface OwnedClusterOptions {
  /** How long kafkajs trusts its cached metadata, in ms (kafkajs's own default otherwise). */
  readonly metadataMaxAge?: number;
}

const CREATE_CLUSTER = 'private:Kafka:createCluster';

/**
 * Builds a new kafkajs Cluster from a `Kafka` client, with that client's brokers,
 * SSL, SASL, socket factory, timeouts, retry and logger — exactly as `kafka.admin()`
 * does — so raw requests travel over kafkajs's authenticated, version-negotiated
 * connections. The caller owns it: `connect()` once, `disconnect()` when done.
 */
export function createOwnedCluster(kafka: Kafka, options: OwnedClusterOptions = {}): OwnedCluster {
  const key = Object.getOwnPropertySymbols(kafka).find((symbol) => symbol.description === CREATE_CLUSTER);
  const factory: unknown = key === undefined ? undefined : Reflect.get(kafka, key);
  if (typeof factory !== 'function') {
    throw new Error(`kafkajs internals changed: Kafka has no "${CREATE_CLUSTER}" factory (expected kafkajs 2.2.x)`);
  }
  const cluster: unknown = Reflect.apply(factory, kafka, [
    {
      // Never let a metadata request create topics, as kafka.admin() also ensures.
      allowAutoTopicCreation: false,
      ...(options.metadataMaxAge === undefined ? {} : { metadataMaxAge: options.metadataMaxAge }),
    },
  ]);
  if (!isKafkajsCluster(cluster)) {
    throw new Error('kafkajs internals changed: createCluster did not return a Cluster');
  }
  return wrapCluster(cluster);
}

interface KafkajsCluster {
  connect(): Promise<unknown>;
  disconnect(): Promise<unknown>;
  refreshMetadata(): Promise<unknown>;
  getNodeIds(): unknown;
  findBroker(args: { nodeId: number }): Promise<unknown>;
  brokerPool: { findConnectedBroker(): Promise<unknown> };
}

function isKafkajsCluster(value: unknown): value is KafkajsCluster {
  return (
    isRecord(value) &&
    hasMethods(value, ['connect', 'disconnect', 'refreshMetadata', 'getNodeIds', 'findBroker']) &&
    isRecord(value.brokerPool) &&
    hasMethods(value.brokerPool, ['findConnectedBroker'])
  );
}

function wrapCluster(cluster: KafkajsCluster): OwnedCluster {
  return {
    async connect() {
      await cluster.connect();
      await cluster.refreshMetadata();
    },
    async disconnect() {
      await cluster.disconnect();
    },
    async refreshMetadata() {
      await cluster.refreshMetadata();
    },
    nodeIds() {
      // kafkajs keys its broker map by node id, so ids come back as strings.
      const ids = cluster.getNodeIds();
      return Array.isArray(ids) ? (ids as unknown[]).map(Number).filter(Number.isInteger) : [];
    },
    async broker(nodeId) {
      return asRawBroker(await cluster.findBroker({ nodeId }));
    },
    async anyBroker() {
      return asRawBroker(await cluster.brokerPool.findConnectedBroker());
    },
  };
}

/** Narrows a kafkajs `Broker` to the members `raw-broker.ts` relies on. */
export function asRawBroker(value: unknown): RawBroker {
  if (
    isRecord(value) &&
    hasMethods(value, ['isConnected', 'connect', 'disconnect']) &&
    isRecord(value.connectionPool) &&
    hasMethods(value.connectionPool, ['send'])
  ) {
    return value as unknown as RawBroker;
  }
  throw new Error('kafkajs internals changed: value is not a kafkajs Broker');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function hasMethods(value: Record<string, unknown>, names: readonly string[]): boolean {
  return names.every((name) => typeof value[name] === 'function');
}
