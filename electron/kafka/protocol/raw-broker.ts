/**
 * Sending a raw Kafka request over a kafkajs `Broker`'s own connection.
 *
 * How kafkajs 2.2.4 frames things (src/protocol/request.js, src/network/connection.js):
 * - Request: kafkajs writes size, api key, api version, correlation id and the
 *   client id as a classic int16-length string — i.e. request header v1. Flexible
 *   versions use header v2, which is v1 plus a tagged-fields section, so for those we
 *   start our payload with that section (an empty one: the single byte 0x00).
 * - Response: kafkajs strips the size and the correlation id and hands `decode` the
 *   rest. Flexible versions use response header v1, whose tagged-fields section then
 *   comes first in what we receive, so we skip it before the body.
 * - `decode`'s result may carry `clientSideThrottleTime` (KIP-219); kafkajs then
 *   delays this connection's next requests itself.
 */
import { toKafkajsEncoder } from '../kafkajs-internals';
import { KafkaProtocolError, UNSUPPORTED_VERSION_CODE, UnsupportedApiError } from './protocol-error';
import { WireFormatError, WireReader } from './wire-reader';
import { WireWriter } from './wire-writer';

export interface ApiVersionRange {
  readonly minVersion: number;
  readonly maxVersion: number;
}

/** kafkajs's `broker.versions`: api key → range, from the ApiVersions exchange. */
export type ApiVersionMap = Readonly<Partial<Record<number, ApiVersionRange>>>;

/** What kafkajs's `Connection#send` takes (see connection.js). */
export interface KafkajsProtocolRequest {
  readonly request: {
    readonly apiKey: number;
    readonly apiVersion: number;
    readonly apiName: string;
    encode(): Promise<unknown>;
  };
  readonly response: {
    decode(payload: Buffer): Promise<unknown>;
    parse(decoded: unknown): Promise<unknown>;
  };
  readonly requestTimeout?: number;
  readonly logResponseError?: boolean;
}

/**
 * The slice of a kafkajs `Broker` (src/broker/index.js) we use; kafkajs's .d.ts
 * does not declare these members. Obtain one via `kafkajs-internals.ts`.
 */
export interface RawBroker {
  /** Null for a seed broker kafkajs has not matched to metadata yet. */
  readonly nodeId: number | string | null;
  /**
   * Negotiated api versions; null until connected. NB: kafkajs copies the SEED
   * broker's map to every broker of the cluster, so mid-rolling-upgrade it may
   * overstate what an older broker supports (see the UNSUPPORTED_VERSION retry).
   */
  readonly versions: ApiVersionMap | null;
  isConnected(): boolean;
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  readonly connectionPool: {
    readonly host: string;
    readonly port: number;
    send(request: KafkajsProtocolRequest): Promise<unknown>;
  };
}

/** One request/response pair of the protocol, for every version we implement. */
export interface RawApi<T> {
  readonly apiKey: number;
  readonly apiName: string;
  /** Versions this client implements. */
  readonly versions: ApiVersionRange;
  /** First flexible (KIP-482) version, per the message schema's "flexibleVersions". */
  readonly firstFlexibleVersion: number;
  /** Writes the request body (after the header) for `version`. */
  encode(writer: WireWriter, version: number): void;
  /** Reads the response body (after the header); throws `KafkaProtocolError` on error codes. */
  decode(reader: WireReader, version: number): T;
  /** KIP-219: the throttle the client must apply itself, for versions where the broker expects that. */
  clientSideThrottleMs?(body: T, version: number): number;
}

export interface SendOptions {
  /** Overrides kafkajs's requestTimeout for this request when larger (kafkajs takes the max). */
  readonly requestTimeout?: number;
}

/** The highest version both sides implement, or `UnsupportedApiError`. */
export function negotiateVersion(
  api: Pick<RawApi<unknown>, 'apiKey' | 'apiName' | 'versions'>,
  brokerVersions: ApiVersionMap | null,
): number {
  const broker = brokerVersions?.[api.apiKey];
  if (!broker) throw new UnsupportedApiError(api.apiName, api.apiKey, null, api.versions);
  const version = Math.min(broker.maxVersion, api.versions.maxVersion);
  if (version < Math.max(broker.minVersion, api.versions.minVersion)) {
    throw new UnsupportedApiError(api.apiName, api.apiKey, broker, api.versions);
  }
  return version;
}

/** The exact bytes we hand kafkajs as the request payload (after its header fields). */
export function encodeRequestPayload<T>(api: RawApi<T>, version: number): Uint8Array {
  const writer = new WireWriter();
  // Request header v2 = v1 (written by kafkajs) + tagged fields (ours, empty).
  if (version >= api.firstFlexibleVersion) writer.emptyTaggedFields();
  api.encode(writer, version);
  return writer.toBytes();
}

/** Decodes what kafkajs hands us: the response minus size and correlation id. */
export function decodeResponsePayload<T>(api: RawApi<T>, version: number, payload: Uint8Array): T {
  const reader = new WireReader(payload);
  // Response header v1 = correlation id (consumed by kafkajs) + tagged fields.
  if (version >= api.firstFlexibleVersion) reader.skipTaggedFields();
  const body = api.decode(reader, version);
  if (reader.remaining !== 0) {
    // Fields are only ever added in new versions, so leftovers mean we mis-parsed.
    throw new WireFormatError(`${api.apiName} v${version}: ${reader.remaining} unread bytes at end of response`);
  }
  return body;
}

/**
 * Sends `api` to `broker` at the highest mutually supported version and returns the
 * decoded body. If the broker still answers UNSUPPORTED_VERSION (its real range
 * can differ from the seed broker's that kafkajs advertises), retries one version
 * lower while that stays within both ranges.
 */
export async function sendRaw<T>(broker: RawBroker, api: RawApi<T>, options: SendOptions = {}): Promise<T> {
  if (!broker.isConnected()) await broker.connect();
  const advertised = broker.versions?.[api.apiKey];
  const floor = Math.max(api.versions.minVersion, advertised?.minVersion ?? api.versions.minVersion);
  let version = negotiateVersion(api, broker.versions);
  for (;;) {
    try {
      return await sendAtVersion(broker, api, version, options);
    } catch (error) {
      if (error instanceof KafkaProtocolError && error.code === UNSUPPORTED_VERSION_CODE && version > floor) {
        version -= 1;
        continue;
      }
      throw error;
    }
  }
}

async function sendAtVersion<T>(broker: RawBroker, api: RawApi<T>, version: number, options: SendOptions): Promise<T> {
  const protocolRequest: KafkajsProtocolRequest = {
    request: {
      apiKey: api.apiKey,
      apiVersion: version,
      apiName: api.apiName,
      encode: async () => toKafkajsEncoder(encodeRequestPayload(api, version)),
    },
    response: {
      decode: async (payload) => {
        const body = decodeResponsePayload(api, version, payload);
        const throttle = api.clientSideThrottleMs?.(body, version) ?? 0;
        return { body, clientSideThrottleTime: throttle };
      },
      parse: async (decoded) => decoded,
    },
    ...(options.requestTimeout === undefined ? {} : { requestTimeout: options.requestTimeout }),
    // Errors reach our caller typed; kafkajs logging each one too would only add noise.
    logResponseError: false,
  };
  try {
    const result = await broker.connectionPool.send(protocolRequest);
    return (result as { body: T }).body;
  } catch (error) {
    // Same recovery as kafkajs's Broker[SEND_REQUEST]: drop a connection the broker closed.
    if (error instanceof Error && error.name === 'KafkaJSConnectionClosedError') await broker.disconnect();
    throw error;
  }
}
