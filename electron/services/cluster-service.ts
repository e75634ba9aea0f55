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
import type { BrokerHealthReport, HeartbeatFixResult, HeartbeatStatus, HeartbeatTopicDeletion } from '../../shared/broker-health';
import type { ClusterProfile } from '../../shared/cluster-profile';
import type { ClusterSnapshot } from '../../shared/cluster-snapshot';
import type { ClusterStatus } from '../../shared/cluster-status';
import { planHeartbeatFix } from '../../shared/heartbeat-coverage';
import { DEFAULT_HEARTBEAT_TOPIC } from '../../shared/heartbeat-topic';
import { HeartbeatProber, type HeartbeatProberOptions } from '../heartbeat/heartbeat-prober';
import type { HeartbeatTransport } from '../heartbeat/heartbeat-transport';
import { ClusterPoller } from '../poller/cluster-poller';
import type { Clock } from '../poller/clock';
import type { ClusterGateway, GatewayFactory } from './cluster-gateway';
import { ClusterObservations, type ObservationOptions } from './cluster-observations';

export type EventListener = <E extends EventName>(event: E, payload: ApiEvents[E]) => void;

export type HeartbeatTransportFactory = (profile: ClusterProfile) => HeartbeatTransport;

export interface ClusterServiceOptions {
  readonly clock?: Clock;
  /** Without it the heartbeat cannot be turned on (setHeartbeat answers with an error). */
  readonly createHeartbeatTransport?: HeartbeatTransportFactory;
  /** Overrides for every cluster's heartbeat prober (interval, timeouts, ledger deadlines). */
  readonly heartbeat?: Omit<HeartbeatProberOptions, 'topic' | 'clock' | 'onStateChange'>;
  readonly observations?: Omit<ObservationOptions, 'intervalMs'>;
}

interface HeartbeatEntry {
  enabled: boolean;
  topic: string;
  transport: HeartbeatTransport | null;
  prober: HeartbeatProber | null;
  /** Serialises turning on and off, so two quick toggles cannot interleave. */
  change: Promise<unknown>;
}

interface ClusterEntry {
  readonly profile: ClusterProfile;
  readonly gateway: ClusterGateway;
  readonly poller: ClusterPoller;
  readonly observations: ClusterObservations;
  readonly heartbeat: HeartbeatEntry;
  snapshot: ClusterSnapshot | null;
  report: BrokerHealthReport | null;
}

/**
 * The main-process services behind both transports: one gateway and one poller per cluster, the
 * latest snapshot of each, the history-based broker health of each, the opt-in heartbeat probe of
 * each, and the request handlers of the shared contract. A cluster that fails only changes its own
 * status; the others keep polling.
 */
export class ClusterService {
  private readonly clusters = new Map<string, ClusterEntry>();
  private readonly listeners = new Set<EventListener>();
  private started = false;

  constructor(
    profiles: readonly ClusterProfile[],
    createGateway: GatewayFactory,
    private readonly options: ClusterServiceOptions = {},
  ) {
    for (const profile of profiles) {
      const gateway = createGateway(profile);
      const entry: ClusterEntry = {
        profile,
        gateway,
        snapshot: null,
        report: null,
        observations: new ClusterObservations(profile.key, { ...options.observations, intervalMs: profile.pollIntervalMs }),
        heartbeat: {
          enabled: false,
          topic: profile.heartbeat?.topic ?? DEFAULT_HEARTBEAT_TOPIC,
          transport: null,
          prober: null,
          change: Promise.resolve(),
        },
        poller: new ClusterPoller(
          () => gateway.poll(),
          {
            onSnapshot: (snapshot) => this.onSnapshot(entry, snapshot),
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
    for (const entry of this.clusters.values()) {
      entry.poller.start();
      if (entry.profile.heartbeat?.enabled) {
        void this.setHeartbeat({ clusterKey: entry.profile.key, enabled: true }).catch(() => undefined);
      }
    }
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await Promise.all([...this.clusters.values()].map((e) => e.poller.stop()));
    await Promise.allSettled([...this.clusters.values()].map((e) => this.turnHeartbeatOff(e)));
    await Promise.allSettled([...this.clusters.values()].map((e) => e.gateway.close()));
  }

  subscribe(listener: EventListener): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The events a newly connected renderer needs to catch up: every status, then every latest snapshot and report. */
  currentEvents(): Array<{ event: EventName; payload: ApiEvents[EventName] }> {
    const entries = [...this.clusters.values()];
    return [
      ...entries.map((e) => ({ event: 'clusterStatus' as const, payload: e.poller.currentStatus })),
      ...entries.map((e) => ({ event: 'heartbeatStatus' as const, payload: this.heartbeatStatus(e) })),
      ...entries.flatMap((e) => (e.snapshot ? [{ event: 'snapshot' as const, payload: e.snapshot }] : [])),
      ...entries.flatMap((e) => (e.report ? [{ event: 'brokerHealth' as const, payload: e.report }] : [])),
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
    const handlers: { [K in RequestName]: (p: RequestParams<K>) => RequestResults[K] | Promise<RequestResults[K]> } = {
      listClusters: () => this.statuses(),
      getClusterSnapshot: (p) => this.clusters.get(p.clusterKey)?.snapshot ?? null,
      getBrokerHealth: (p) => this.clusters.get(p.clusterKey)?.report ?? null,
      getLatencyHistory: (p) => this.clusters.get(p.clusterKey)?.observations.history(p.brokerIds) ?? null,
      setHeartbeat: (p) => this.setHeartbeat(p),
      fixHeartbeatCoverage: (p) => this.fixHeartbeatCoverage(p.clusterKey),
      deleteHeartbeatTopic: (p) => this.deleteHeartbeatTopic(p.clusterKey, p.topic),
    };
    return handlers[name](params);
  }

  private entry(clusterKey: string): ClusterEntry {
    const entry = this.clusters.get(clusterKey);
    if (entry === undefined) throw new Error(`Unknown cluster "${clusterKey}"`);
    return entry;
  }

  private onSnapshot(entry: ClusterEntry, snapshot: ClusterSnapshot): void {
    entry.snapshot = snapshot;
    this.emit('snapshot', snapshot);
    const prober = entry.heartbeat.prober;
    entry.report = entry.observations.observe(snapshot, {
      status: this.bareHeartbeatStatus(entry),
      stats: prober === null ? null : prober.stats(),
      windowMs: prober?.windowMs ?? 0,
      points: prober === null ? new Map() : prober.takePoints(),
    });
    this.emit('brokerHealth', entry.report);
  }

  private bareHeartbeatStatus(entry: ClusterEntry): Omit<HeartbeatStatus, 'coverage' | 'topicExists'> {
    const state = entry.heartbeat.prober?.currentState ?? { state: 'off' as const, since: null, error: null };
    return {
      clusterKey: entry.profile.key,
      enabled: entry.heartbeat.enabled,
      topic: entry.heartbeat.topic,
      state: state.state,
      since: state.since,
      error: state.error,
      intervalMs: this.options.heartbeat?.intervalMs ?? 1_000,
    };
  }

  private heartbeatStatus(entry: ClusterEntry): HeartbeatStatus {
    return entry.observations.heartbeatStatus(this.bareHeartbeatStatus(entry));
  }

  /** Turning on starts writing within a second; turning off stops every write before it answers. */
  private async setHeartbeat(p: { clusterKey: string; enabled: boolean; topic?: string | undefined }): Promise<HeartbeatStatus> {
    const entry = this.entry(p.clusterKey);
    const change = entry.heartbeat.change.then(async () => {
      const topic = p.topic ?? entry.heartbeat.topic;
      if (!p.enabled) {
        await this.turnHeartbeatOff(entry);
        entry.heartbeat.topic = topic;
        return;
      }
      if (!this.started) throw new Error('The cluster service is not running');
      if (entry.heartbeat.prober !== null && entry.heartbeat.topic === topic) return;
      const factory = this.options.createHeartbeatTransport;
      if (factory === undefined) throw new Error('The heartbeat is not available in this process');
      await this.turnHeartbeatOff(entry);
      entry.heartbeat.topic = topic;
      entry.heartbeat.enabled = true;
      entry.heartbeat.transport ??= factory(entry.profile);
      entry.heartbeat.prober = new HeartbeatProber(entry.heartbeat.transport, {
        ...this.options.heartbeat,
        topic,
        ...(this.options.clock ? { clock: this.options.clock } : {}),
        onStateChange: () => this.emit('heartbeatStatus', this.heartbeatStatus(entry)),
      });
      entry.heartbeat.prober.start();
    });
    entry.heartbeat.change = change.catch(() => undefined);
    await change;
    return this.heartbeatStatus(entry);
  }

  private async turnHeartbeatOff(entry: ClusterEntry): Promise<void> {
    const { prober, transport } = entry.heartbeat;
    entry.heartbeat.enabled = false;
    entry.heartbeat.prober = null;
    entry.heartbeat.transport = null;
    await prober?.stop();
    await transport?.close();
    if (prober !== null) this.emit('heartbeatStatus', this.heartbeatStatus(entry));
  }

  /** A transport for a one-off admin action: the running heartbeat's, else a fresh one closed afterwards. */
  private async withTransport<T>(entry: ClusterEntry, action: (transport: HeartbeatTransport) => Promise<T>): Promise<T> {
    if (entry.heartbeat.transport !== null) return action(entry.heartbeat.transport);
    const factory = this.options.createHeartbeatTransport;
    if (factory === undefined) throw new Error('The heartbeat is not available in this process');
    const transport = factory(entry.profile);
    try {
      return await action(transport);
    } finally {
      await transport.close();
    }
  }

  private async fixHeartbeatCoverage(clusterKey: string): Promise<HeartbeatFixResult> {
    const entry = this.entry(clusterKey);
    const snapshot = entry.snapshot;
    if (snapshot === null) throw new Error(`Cluster "${entry.profile.name}" has not been polled yet`);
    const topic = snapshot.topics.find((t) => t.name === entry.heartbeat.topic);
    if (topic === undefined) throw new Error(`Heartbeat topic "${entry.heartbeat.topic}" does not exist on cluster "${entry.profile.name}"`);
    const plan = planHeartbeatFix(
      topic.partitions.map((p) => ({ partition: p.partition, replicas: p.replicas, leader: p.leader })),
      entry.observations.heartbeatBrokers(snapshot),
    );
    await this.withTransport(entry, (transport) => transport.applyFix(entry.heartbeat.topic, plan));
    return { plan, status: this.heartbeatStatus(entry) };
  }

  private async deleteHeartbeatTopic(clusterKey: string, topic: string): Promise<HeartbeatTopicDeletion> {
    const entry = this.entry(clusterKey);
    if (topic !== entry.heartbeat.topic) {
      throw new Error(`"${topic}" is not the heartbeat topic of cluster "${entry.profile.name}" ("${entry.heartbeat.topic}"): only that one can be deleted here`);
    }
    await entry.heartbeat.change;
    if (entry.heartbeat.enabled) throw new Error(`Turn the heartbeat of cluster "${entry.profile.name}" off before deleting its topic`);
    await this.withTransport(entry, (transport) => transport.deleteTopic(topic));
    return { clusterKey, topic, deleted: true };
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
