import {
  isRequestName,
  parseRequest,
  type ApiEvents,
  type EventName,
  type RequestName,
  type RequestParams,
  type RequestResults,
  type Unsubscribe,
} from '../../shared/api-contract';
import type { ClusterProfile } from '../../shared/cluster-profile';
import type { ClusterSnapshot } from '../../shared/cluster-snapshot';
import type { ClusterStatus } from '../../shared/cluster-status';
import { ClusterPoller } from '../poller/cluster-poller';
import type { Clock } from '../poller/clock';
import type { ClusterGateway, GatewayFactory } from './cluster-gateway';

export type EventListener = <E extends EventName>(event: E, payload: ApiEvents[E]) => void;

interface ClusterEntry {
  readonly profile: ClusterProfile;
  readonly gateway: ClusterGateway;
  readonly poller: ClusterPoller;
  snapshot: ClusterSnapshot | null;
}

/**
 * The main-process services behind both transports: one gateway and one poller per cluster, the
 * latest snapshot of each, and the request handlers of the shared contract. A cluster that fails
 * only changes its own status; the others keep polling.
 */
export class ClusterService {
  private readonly clusters = new Map<string, ClusterEntry>();
  private readonly listeners = new Set<EventListener>();
  private started = false;

  constructor(profiles: readonly ClusterProfile[], createGateway: GatewayFactory, options: { clock?: Clock } = {}) {
    for (const profile of profiles) {
      const gateway = createGateway(profile);
      const entry: ClusterEntry = {
        profile,
        gateway,
        snapshot: null,
        poller: new ClusterPoller(
          () => gateway.poll(),
          {
            onSnapshot: (snapshot) => {
              entry.snapshot = snapshot;
              this.emit('snapshot', snapshot);
            },
            onStatus: (status) => this.emit('clusterStatus', status),
          },
          {
            clusterKey: profile.key,
            profileName: profile.name,
            bootstrap: profile.bootstrap.split(',').map((s) => s.trim()),
            intervalMs: profile.pollIntervalMs,
            ...(options.clock ? { clock: options.clock } : {}),
          },
        ),
      };
      this.clusters.set(profile.key, entry);
    }
  }

  start(): void {
    if (this.started) throw new Error('Cluster service is already running');
    this.started = true;
    for (const entry of this.clusters.values()) entry.poller.start();
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await Promise.all([...this.clusters.values()].map((e) => e.poller.stop()));
    await Promise.allSettled([...this.clusters.values()].map((e) => e.gateway.close()));
  }

  subscribe(listener: EventListener): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The events a newly connected renderer needs to catch up: every status, then every latest snapshot. */
  currentEvents(): Array<{ event: EventName; payload: ApiEvents[EventName] }> {
    const entries = [...this.clusters.values()];
    return [
      ...entries.map((e) => ({ event: 'clusterStatus' as const, payload: e.poller.currentStatus })),
      ...entries.flatMap((e) => (e.snapshot ? [{ event: 'snapshot' as const, payload: e.snapshot }] : [])),
    ];
  }

  statuses(): ClusterStatus[] {
    return [...this.clusters.values()].map((e) => e.poller.currentStatus);
  }

  /** Handles a request from either transport; parameters are validated here, in the main process. */
  async handle(name: string, params: unknown): Promise<unknown> {
    if (!isRequestName(name)) throw new Error(`Unknown request "${name}"`);
    return this.dispatch(name, parseRequest(name, params));
  }

  private async dispatch<N extends RequestName>(name: N, params: RequestParams<N>): Promise<RequestResults[N]> {
    const handlers: { [K in RequestName]: (p: RequestParams<K>) => RequestResults[K] } = {
      listClusters: () => this.statuses(),
      getClusterSnapshot: (p) => this.clusters.get(p.clusterKey)?.snapshot ?? null,
    };
    return handlers[name](params);
  }

  private emit<E extends EventName>(event: E, payload: ApiEvents[E]): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch {
        // One broken transport (a closed socket, a destroyed window) must not stop the others.
      }
    }
  }
}
