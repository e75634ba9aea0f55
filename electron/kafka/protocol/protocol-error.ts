/**
 * Errors raised by the raw protocol requests.
 *
 * `KafkaProtocolError` carries the same `type` / `code` / `retriable` trio as
 * kafkajs's `KafkaJSProtocolError`, so code that already branches on kafkajs errors
 * (e.g. `e.type === 'NOT_CONTROLLER'`, `e.retriable`) treats both alike. Names come
 * from kafkajs's table (which keeps a few legacy spellings: -1 is `UNKNOWN`, 6 is
 * `NOT_LEADER_FOR_PARTITION`); codes newer than kafkajs (89+) from Kafka's `Errors`.
 */
import { kafkajsErrorInfo } from '../kafkajs-internals';

export const UNSUPPORTED_VERSION_CODE = 35;

/**
 * Kafka error codes added after kafkajs 2.2.4's table ends at 88, as named in
 * org.apache.kafka.common.protocol.Errors (kafka-clients 4.1). Retriable only where
 * the Java exception extends RetriableException.
 */
const NEWER_ERRORS: ReadonlyMap<number, { readonly type: string; readonly retriable: boolean }> = new Map(
  (
    [
      [89, 'THROTTLING_QUOTA_EXCEEDED', true],
      [90, 'PRODUCER_FENCED', false],
      [91, 'RESOURCE_NOT_FOUND', false],
      [92, 'DUPLICATE_RESOURCE', false],
      [93, 'UNACCEPTABLE_CREDENTIAL', false],
      [94, 'INCONSISTENT_VOTER_SET', false],
      [95, 'INVALID_UPDATE_VERSION', false],
      [96, 'FEATURE_UPDATE_FAILED', false],
      [97, 'PRINCIPAL_DESERIALIZATION_FAILURE', false],
      [98, 'SNAPSHOT_NOT_FOUND', false],
      [99, 'POSITION_OUT_OF_RANGE', false],
      [100, 'UNKNOWN_TOPIC_ID', true],
      [101, 'DUPLICATE_BROKER_REGISTRATION', false],
      [102, 'BROKER_ID_NOT_REGISTERED', false],
      [103, 'INCONSISTENT_TOPIC_ID', true],
      [104, 'INCONSISTENT_CLUSTER_ID', false],
      [105, 'TRANSACTIONAL_ID_NOT_FOUND', false],
      [106, 'FETCH_SESSION_TOPIC_ID_ERROR', true],
      [107, 'INELIGIBLE_REPLICA', false],
      [108, 'NEW_LEADER_ELECTED', false],
      [109, 'OFFSET_MOVED_TO_TIERED_STORAGE', false],
      [110, 'FENCED_MEMBER_EPOCH', false],
      [111, 'UNRELEASED_INSTANCE_ID', false],
      [112, 'UNSUPPORTED_ASSIGNOR', false],
      [113, 'STALE_MEMBER_EPOCH', false],
      [114, 'MISMATCHED_ENDPOINT_TYPE', false],
      [115, 'UNSUPPORTED_ENDPOINT_TYPE', false],
      [116, 'UNKNOWN_CONTROLLER_ID', false],
      [117, 'UNKNOWN_SUBSCRIPTION_ID', false],
      [118, 'TELEMETRY_TOO_LARGE', false],
      [119, 'INVALID_REGISTRATION', false],
      [120, 'TRANSACTION_ABORTABLE', false],
      [121, 'INVALID_RECORD_STATE', false],
      [122, 'SHARE_SESSION_NOT_FOUND', false],
      [123, 'INVALID_SHARE_SESSION_EPOCH', false],
      [124, 'FENCED_STATE_EPOCH', false],
      [125, 'INVALID_VOTER_KEY', false],
      [126, 'DUPLICATE_VOTER', false],
      [127, 'VOTER_NOT_FOUND', false],
      [128, 'INVALID_REGULAR_EXPRESSION', false],
      [129, 'REBOOTSTRAP_REQUIRED', false],
      [130, 'STREAMS_INVALID_TOPOLOGY', false],
      [131, 'STREAMS_INVALID_TOPOLOGY_EPOCH', false],
      [132, 'STREAMS_TOPOLOGY_FENCED', false],
      [133, 'SHARE_SESSION_LIMIT_REACHED', false],
    ] as const
  ).map(([code, type, retriable]) => [code, { type, retriable }]),
);

export interface ErrorCodeInfo {
  readonly code: number;
  /** Kafka's error name, e.g. `CLUSTER_AUTHORIZATION_FAILED`; `NONE` for 0. */
  readonly type: string;
  readonly retriable: boolean;
  readonly description: string;
}

/** Describes any Kafka error code, including ones neither table knows. */
export function describeErrorCode(code: number): ErrorCodeInfo {
  if (code === 0) return { code, type: 'NONE', retriable: false, description: 'No error' };
  const known = kafkajsErrorInfo(code);
  if (known) return { code, type: known.type, retriable: known.retriable, description: known.message };
  const newer = NEWER_ERRORS.get(code);
  if (newer) return { code, type: newer.type, retriable: newer.retriable, description: newer.type };
  return { code, type: `UNKNOWN_ERROR_CODE_${code}`, retriable: false, description: `Unknown error code ${code}` };
}

/** A non-zero error code in a response, as a typed error. */
export class KafkaProtocolError extends Error {
  override readonly name = 'KafkaProtocolError';
  readonly code: number;
  readonly type: string;
  readonly retriable: boolean;
  readonly apiName: string;
  /** The broker's own error message (responses that carry one), else null. */
  readonly serverMessage: string | null;

  constructor(code: number, apiName: string, options: { context?: string; serverMessage?: string | null } = {}) {
    const info = describeErrorCode(code);
    const where = options.context ? ` (${options.context})` : '';
    const detail = options.serverMessage ? `: ${options.serverMessage}` : `: ${info.description}`;
    super(`${apiName}${where} failed with ${info.type} [${code}]${detail}`);
    this.code = code;
    this.type = info.type;
    this.retriable = info.retriable;
    this.apiName = apiName;
    this.serverMessage = options.serverMessage ?? null;
  }
}

/** Throws `KafkaProtocolError` for a non-zero code; the common response-decoding check. */
export function throwIfError(
  code: number,
  apiName: string,
  options: { context?: string; serverMessage?: string | null } = {},
): void {
  if (code !== 0) throw new KafkaProtocolError(code, apiName, options);
}

/**
 * The broker does not offer the API, or no version both sides implement — e.g.
 * DescribeQuorum on a ZooKeeper-mode cluster, DescribeCluster before Kafka 2.8.
 * A normal condition for callers to degrade on, hence its own class.
 */
export class UnsupportedApiError extends Error {
  override readonly name = 'UnsupportedApiError';
  /** Mirrors kafkajs's type for the same condition, for code branching on `type`. */
  readonly type = 'UNSUPPORTED_VERSION';
  readonly retriable = false;

  constructor(
    readonly apiName: string,
    readonly apiKey: number,
    /** What the broker advertised, or null when it does not offer the API at all. */
    readonly brokerRange: { readonly minVersion: number; readonly maxVersion: number } | null,
    readonly clientRange: { readonly minVersion: number; readonly maxVersion: number },
  ) {
    super(
      brokerRange
        ? `${apiName} (key ${apiKey}): broker supports v${brokerRange.minVersion}-${brokerRange.maxVersion}, ` +
            `this client implements v${clientRange.minVersion}-${clientRange.maxVersion}`
        : `${apiName} (key ${apiKey}) is not supported by this broker`,
    );
  }
}
