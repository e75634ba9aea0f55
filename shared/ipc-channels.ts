/**
 * Names only, no schemas: the Electron preload bundles this file, and a sandboxed preload should
 * carry as little code as possible. `api-contract.ts` builds the typed contract on these names.
 */
export const REQUEST_NAMES = [
  'listClusters',
  'getClusterSnapshot',
  'getBrokerHealth',
  'getLatencyHistory',
  'setHeartbeat',
  'fixHeartbeatCoverage',
  'deleteHeartbeatTopic',
] as const;
export const EVENT_NAMES = ['snapshot', 'clusterStatus', 'brokerHealth', 'heartbeatStatus'] as const;

export type RequestName = (typeof REQUEST_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

/**
 * Events the main process sends as bytes rather than as an object (snapshot-wire.ts): a
 * 100,000-partition snapshot then crosses IPC, the context bridge and the page → view-engine worker
 * hop as one buffer, read once in the worker, instead of an object graph copied three times on the way.
 */
export const BINARY_EVENT_NAMES = ['snapshot'] as const satisfies readonly EventName[];
export type BinaryEventName = (typeof BINARY_EVENT_NAMES)[number];

export function isBinaryEvent(name: unknown): name is BinaryEventName {
  return typeof name === 'string' && (BINARY_EVENT_NAMES as readonly string[]).includes(name);
}

/** Web mode: where the renderer fetches a cluster's snapshot (`?cluster=…&token=…`) when the socket announces one. */
export const WEB_SNAPSHOT_PATH = '/api/snapshot';

/** One prefix, so the preload and main can refuse anything outside it. */
export const IPC_PREFIX = 'brokerscope:';
export const requestChannel = (name: RequestName): string => `${IPC_PREFIX}request:${name}`;
export const eventChannel = (name: EventName): string => `${IPC_PREFIX}event:${name}`;

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && (REQUEST_NAMES as readonly string[]).includes(name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
}
