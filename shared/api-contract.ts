import { z } from 'zod';
import type { ClusterSnapshot } from './cluster-snapshot';
import type { ClusterStatus } from './cluster-status';
import type { EventName, RequestName } from './ipc-channels';

export { EVENT_NAMES, eventChannel, IPC_PREFIX, isEventName, isRequestName, requestChannel } from './ipc-channels';
export type { EventName, RequestName } from './ipc-channels';

/**
 * The one contract between the main-process services and the renderer. Both transports (Electron's
 * preload bridge and web mode's WebSocket) carry exactly these requests and events; neither restates
 * a payload type. Requests are verbs, pushed events are named for what happened.
 */
export const requestSchemas = {
  listClusters: z.object({}).strict(),
  getClusterSnapshot: z.object({ clusterKey: z.string().min(1).max(200) }).strict(),
} as const satisfies Record<RequestName, z.ZodType>;

export type RequestParams<N extends RequestName> = z.infer<(typeof requestSchemas)[N]>;

export interface RequestResults {
  listClusters: readonly ClusterStatus[];
  getClusterSnapshot: ClusterSnapshot | null;
}

export interface ApiEvents extends Record<EventName, unknown> {
  snapshot: ClusterSnapshot;
  clusterStatus: ClusterStatus;
}


export type Unsubscribe = () => void;

/** What the renderer holds, whatever the transport underneath. */
export interface BrokerscopeApi {
  request<N extends RequestName>(name: N, params: RequestParams<N>): Promise<RequestResults[N]>;
  subscribe<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): Unsubscribe;
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
  | { readonly kind: 'event'; readonly event: EventName; readonly payload: unknown };

/** Validates a request coming from the renderer; throws a message that names the request and the field. */
export function parseRequest<N extends RequestName>(name: N, params: unknown): RequestParams<N> {
  const result = requestSchemas[name].safeParse(params ?? {});
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '(params)'}: ${i.message}`).join('; ');
    throw new Error(`Invalid parameters for ${name}: ${issues}`);
  }
  return result.data as RequestParams<N>;
}
