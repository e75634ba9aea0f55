import { z } from 'zod';
import type { BrokerHealthReport, HeartbeatFixResult, HeartbeatStatus, HeartbeatTopicDeletion, LatencyHistory } from './broker-health';
import type { ClusterSnapshot } from './cluster-snapshot';
import type { ClusterStatus } from './cluster-status';
import { heartbeatTopicSchema } from './heartbeat-topic';
import type { BinaryEventName, EventName, RequestName } from './ipc-channels';

export { BINARY_EVENT_NAMES, EVENT_NAMES, eventChannel, IPC_PREFIX, isBinaryEvent, isEventName, isRequestName, requestChannel } from './ipc-channels';
export type { BinaryEventName, EventName, RequestName } from './ipc-channels';

/**
 * The one contract between the main-process services and the renderer. Both transports (Electron's
 * preload bridge and web mode's WebSocket) carry exactly these requests and events; neither restates
 * a payload type. Requests are verbs, pushed events are named for what happened.
 */
const clusterKey = z.string().min(1).max(200);

export const requestSchemas = {
  listClusters: z.object({}).strict(),
  getClusterSnapshot: z.object({ clusterKey }).strict(),
  getBrokerHealth: z.object({ clusterKey }).strict(),
  /** Every broker's kept chart points, or only the listed brokers'. */
  getLatencyHistory: z.object({ clusterKey, brokerIds: z.array(z.number().int().nonnegative()).max(500).optional() }).strict(),
  /** Turns the end-to-end heartbeat (which writes) on or off; `topic` defaults to the profile's, then __brokerscope_heartbeat. */
  setHeartbeat: z.object({ clusterKey, enabled: z.boolean(), topic: heartbeatTopicSchema.optional() }).strict(),
  /** Adds partitions, reassigns and elects preferred leaders so the heartbeat topic probes every broker again. Writes. */
  fixHeartbeatCoverage: z.object({ clusterKey, confirm: z.literal(true) }).strict(),
  /** Deletes the heartbeat topic: only the cluster's heartbeat topic, only while the heartbeat is off, and only with its name typed again. */
  deleteHeartbeatTopic: z
    .object({ clusterKey, topic: heartbeatTopicSchema, confirmTopic: z.string() })
    .strict()
    .refine((p) => p.confirmTopic === p.topic, { message: 'confirmTopic must repeat the topic name exactly', path: ['confirmTopic'] }),
} as const satisfies Record<RequestName, z.ZodType>;

export type RequestParams<N extends RequestName> = z.infer<(typeof requestSchemas)[N]>;

export interface RequestResults {
  listClusters: readonly ClusterStatus[];
  getClusterSnapshot: ClusterSnapshot | null;
  getBrokerHealth: BrokerHealthReport | null;
  getLatencyHistory: LatencyHistory | null;
  setHeartbeat: HeartbeatStatus;
  fixHeartbeatCoverage: HeartbeatFixResult;
  deleteHeartbeatTopic: HeartbeatTopicDeletion;
}

export interface ApiEvents extends Record<EventName, unknown> {
  snapshot: ClusterSnapshot;
  clusterStatus: ClusterStatus;
  /** After every poll of a cluster: broker status, latency, heartbeat and outlier flags, bounded chart series. */
  brokerHealth: BrokerHealthReport;
  /** Whenever a cluster's heartbeat changes state (off, starting, running, stopping, error). */
  heartbeatStatus: HeartbeatStatus;
}


export type Unsubscribe = () => void;

/** What the renderer holds, whatever the transport underneath. */
export interface BrokerscopeApi {
  request<N extends RequestName>(name: N, params: RequestParams<N>): Promise<RequestResults[N]>;
  subscribe<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): Unsubscribe;
  /**
   * The Electron bridge only: a binary event's payload as the bytes it crossed IPC as, for a
   * listener that reads them elsewhere (the view engine's worker). Unvalidated, like every event.
   */
  subscribeBytes?(event: BinaryEventName, listener: (bytes: Uint8Array) => void): Unsubscribe;
}


/** Web-mode WebSocket frames. */
export const clientFrameSchema = z.object({
  id: z.number().int().nonnegative(),
  name: z.string(),
  params: z.unknown(),
});
export type ClientFrame = z.infer<typeof clientFrameSchema>;

export type ServerFrame =
  | { readonly kind: 'response'; readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly kind: 'response'; readonly id: number; readonly ok: false; readonly error: string }
  | { readonly kind: 'event'; readonly event: EventName; readonly payload: unknown }
  /** A new snapshot of a cluster, to fetch from the web server's snapshot path (web-server.ts). */
  | { readonly kind: 'snapshot-ready'; readonly clusterKey: string; readonly takenAt: number };

/** Validates a request coming from the renderer; throws a message that names the request and the field. */
export function parseRequest<N extends RequestName>(name: N, params: unknown): RequestParams<N> {
  const result = requestSchemas[name].safeParse(params ?? {});
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '(params)'}: ${i.message}`).join('; ');
    throw new Error(`Invalid parameters for ${name}: ${issues}`);
  }
  return result.data as RequestParams<N>;
}
