import { randomUUID } from 'node:crypto';
import type { HeartbeatBrokerStats, HeartbeatRunState } from '../../shared/broker-health';
import {
  applyHeartbeatEvent,
  DEFAULT_HEARTBEAT_LEDGER_OPTIONS,
  type HeartbeatEvent,
  type HeartbeatLedgerOptions,
} from '../../shared/heartbeat-ledger';
import { decodeHeartbeatMessage, encodeHeartbeatMessage } from '../../shared/heartbeat-message';
import { systemClock, type Clock } from '../poller/clock';
import { HeartbeatFigures, type HeartbeatPoint } from './heartbeat-figures';
import { ensureHeartbeatTopic, type HeartbeatReader, type HeartbeatRecord, type HeartbeatTopicState, type HeartbeatTransport } from './heartbeat-transport';
import { brokerShares, leadersOf, newPartitionProbe, trackLeader, type PartitionProbe } from './partition-probe';

export interface HeartbeatProberOptions {
  readonly topic: string;
  /** One message per partition per interval. */
  readonly intervalMs?: number;
  /** A send not acknowledged within this is counted failed (if it lands later, it is still read back). */
  readonly sendTimeoutMs?: number;
  /** Latency percentiles and windowed counts cover this much recent time. */
  readonly statsWindowMs?: number;
  /** After a failed start (topic cannot be created, cluster unreachable), try again this much later. */
  readonly retryStartMs?: number;
  readonly ledger?: HeartbeatLedgerOptions;
  readonly clock?: Clock;
  /** Identifies this run's messages in a topic other runs and other apps may also write. */
  readonly runId?: string;
  readonly onStateChange?: (state: HeartbeatProberState) => void;
}

export interface HeartbeatProberState {
  readonly state: HeartbeatRunState;
  readonly since: number | null;
  readonly error: string | null;
}

/**
 * The end-to-end heartbeat for one cluster: every interval, a small message with a sequence number
 * and a send time goes to each partition of the heartbeat topic (acks=all, one in flight per
 * partition), and a reader with no consumer group reads them back. Sequence accounting is the pure
 * ledger in shared/; this class only schedules, routes outcomes to the broker that led the
 * partition, and keeps bounded windows per broker. Writes happen only between start and stop.
 */
export class HeartbeatProber {
  private readonly clock: Clock;
  private readonly intervalMs: number;
  private readonly sendTimeoutMs: number;
  private readonly statsWindowMs: number;
  private readonly retryStartMs: number;
  private readonly ledgerOptions: HeartbeatLedgerOptions;
  readonly runId: string;
  private running = false;
  private timer: unknown = null;
  private cycleInFlight: Promise<void> | null = null;
  private reader: HeartbeatReader | null = null;
  private readonly partitions = new Map<number, PartitionProbe>();
  private readonly figures: HeartbeatFigures;
  private status: HeartbeatProberState = { state: 'off', since: null, error: null };

  constructor(
    private readonly transport: HeartbeatTransport,
    private readonly options: HeartbeatProberOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.intervalMs = options.intervalMs ?? 1_000;
    this.sendTimeoutMs = options.sendTimeoutMs ?? 10_000;
    this.statsWindowMs = options.statsWindowMs ?? 60_000;
    this.figures = new HeartbeatFigures(this.statsWindowMs);
    this.retryStartMs = options.retryStartMs ?? 5_000;
    this.ledgerOptions = options.ledger ?? DEFAULT_HEARTBEAT_LEDGER_OPTIONS;
    this.runId = options.runId ?? randomUUID();
  }

  get topic(): string {
    return this.options.topic;
  }

  get currentState(): HeartbeatProberState {
    return this.status;
  }

  get windowMs(): number {
    return this.statsWindowMs;
  }

  start(): void {
    if (this.running) throw new Error(`Heartbeat on topic "${this.options.topic}" is already running`);
    this.running = true;
    this.setState('starting', null);
    this.schedule(0);
  }

  /** Stops every write at once, waits for the cycle in flight, and stops reading. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.setState('stopping', this.status.error);
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    await this.cycleInFlight;
    for (const probe of this.partitions.values()) {
      if (probe.inFlight) this.clock.clearTimeout(probe.inFlight.timer);
      probe.inFlight = null;
    }
    const reader = this.reader;
    this.reader = null;
    await reader?.stop();
    this.setState('off', null);
  }

  /** Stops reading (not writing) until resumed: lets a test make the reader fall behind on purpose. */
  pauseReading(): void {
    this.reader?.pause();
  }

  resumeReading(): void {
    this.reader?.resume();
  }

  readPosition(partition: number): number | undefined {
    return this.reader?.position(partition);
  }

  /** Per broker that leads a heartbeat partition now or had outcomes in the window. */
  stats(): HeartbeatBrokerStats[] {
    const cutoff = this.clock.now() - this.statsWindowMs;
    const { leading, inFlight } = brokerShares(this.partitions.values());
    const ids = new Set<number>([...leading.keys(), ...this.figures.brokersActiveSince(cutoff)]);
    return [...ids]
      .sort((a, b) => a - b)
      .map((brokerId) => ({
        brokerId,
        partitions: (leading.get(brokerId) ?? []).sort((a, b) => a - b),
        ...this.figures.windowOf(brokerId, cutoff),
        inFlight: inFlight.get(brokerId) ?? 0,
      }));
  }

  /** Figures since the previous call, per broker: one chart point each, taken once per poll. */
  takePoints(): Map<number, HeartbeatPoint> {
    return this.figures.takePoints();
  }

  private setState(state: HeartbeatRunState, error: string | null): void {
    // While a broker is down the same error repeats every second; say it once.
    if (state === this.status.state && error === this.status.error && this.status.since !== null) return;
    const since = state === this.status.state ? this.status.since : this.clock.now();
    this.status = { state, since, error };
    this.options.onStateChange?.(this.status);
  }

  private schedule(delayMs: number): void {
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.cycleInFlight = this.cycle();
    }, delayMs);
  }

  private async cycle(): Promise<void> {
    const startedAt = this.clock.now();
    let delay = this.intervalMs;
    try {
      if (this.reader === null) await this.begin();
      else await this.tick();
    } catch (error) {
      if (this.running) {
        const text = error instanceof Error ? error.message : String(error);
        this.setState('error', text);
        delay = this.retryStartMs;
        const reader = this.reader;
        this.reader = null;
        await reader?.stop();
      }
    } finally {
      this.cycleInFlight = null;
    }
    // Still chained (never two cycles at once), but paced from the cycle's start so the probe keeps one message a second.
    if (this.running) this.schedule(Math.max(0, delay - (this.clock.now() - startedAt)));
  }

  /** Creates the topic if it is missing, starts reading at its end, and sends the first messages. */
  private async begin(): Promise<void> {
    const topic = this.options.topic;
    const state = await ensureHeartbeatTopic(this.transport, topic);
    if (!this.running) return;
    const ids = state.partitions.map((p) => p.partition);
    const start = await this.transport.endOffsets(topic, ids);
    if (!this.running) return;
    this.reader = this.transport.startReader({
      topic,
      start,
      leaders: leadersOf(state),
      onRecords: (records) => this.onRecords(records),
      // A failing fetch (its leader is down) shows as late or lost messages of that broker, where
      // it belongs; the probe as a whole is still running.
      onError: () => undefined,
    });
    this.follow(state, start);
    this.setState('running', null);
    this.sendAll();
  }

  private async tick(): Promise<void> {
    let state: HeartbeatTopicState | null = null;
    try {
      state = await this.transport.describeTopic(this.options.topic);
    } catch (error) {
      // Metadata failed (the cluster may be on fire): keep sending to the leaders last known.
      this.setState('running', `metadata: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!this.running) return;
    if (state !== null) {
      if (!state.exists) throw new Error(`heartbeat topic "${this.options.topic}" no longer exists`);
      // Partitions the reader has no position in yet: new ones, and any whose end offset could not
      // be had last time (no leader yet). Asked again every tick until the reader can start there.
      const added = state.partitions.map((p) => p.partition).filter((p) => this.reader?.position(p) === undefined);
      const start = added.length > 0 ? await this.transport.endOffsets(this.options.topic, added) : new Map<number, number>();
      if (!this.running) return;
      this.follow(state, start);
      if (this.status.error !== null && this.status.state === 'running') this.setState('running', null);
    }
    const now = this.clock.now();
    for (const probe of this.partitions.values()) this.apply(probe, { kind: 'tick', at: now });
    this.sendAll();
  }

  private follow(state: HeartbeatTopicState, start: ReadonlyMap<number, number>): void {
    for (const p of state.partitions) {
      let probe = this.partitions.get(p.partition);
      if (probe === undefined) {
        probe = newPartitionProbe(p);
        this.partitions.set(p.partition, probe);
      }
      trackLeader(probe, p);
    }
    this.reader?.follow(leadersOf(state), start);
  }

  /**
   * One Produce request per leader broker for the partitions it leads, not one per partition: a
   * broker handles one request per connection at a time, so 17 single-message requests to one
   * broker would queue behind each other's replication and the probe would measure its own queue.
   */
  private sendAll(): void {
    if (!this.running) return;
    const byLeader = new Map<number, PartitionProbe[]>();
    for (const probe of this.partitions.values()) {
      if (probe.inFlight !== null) continue;
      // Not before the reader knows where the partition starts: a message sent earlier would lie
      // below its start, never be read back, and count as lost.
      if (this.reader !== null && this.reader.position(probe.partition) === undefined) continue;
      byLeader.set(probe.leader, [...(byLeader.get(probe.leader) ?? []), probe]);
    }
    for (const probes of byLeader.values()) this.send(probes);
  }

  private send(probes: readonly PartitionProbe[]): void {
    const sentAt = this.clock.now();
    const batch = probes.map((probe) => ({ probe, seq: probe.nextSeq++ }));
    const timer = this.clock.setTimeout(() => {
      for (const { probe, seq } of batch) this.settle(probe, seq, false);
    }, this.sendTimeoutMs);
    const messages = batch.map(({ probe, seq }) => {
      this.apply(probe, { kind: 'sent', seq, at: sentAt, brokerId: probe.leader });
      probe.inFlight = { seq, timer };
      return { partition: probe.partition, value: encodeHeartbeatMessage({ run: this.runId, partition: probe.partition, seq, sentAt }) };
    });
    const settleAll = (acknowledged: boolean) => (): void => {
      this.clock.clearTimeout(timer);
      for (const { probe, seq } of batch) this.settle(probe, seq, acknowledged);
    };
    this.transport.send(this.options.topic, messages).then(settleAll(true), settleAll(false));
  }

  private settle(probe: PartitionProbe, seq: number, acknowledged: boolean): void {
    if (probe.inFlight?.seq !== seq) return; // timed out already, or the prober stopped
    probe.inFlight = null;
    const at = this.clock.now();
    this.apply(probe, acknowledged ? { kind: 'acknowledged', seq, at } : { kind: 'failed', seq, at });
  }

  private onRecords(records: readonly HeartbeatRecord[]): void {
    if (!this.running) return;
    const at = this.clock.now();
    for (const record of records) {
      const message = record.value === null ? null : decodeHeartbeatMessage(record.value);
      if (message === null || message.run !== this.runId || message.partition !== record.partition) continue;
      const probe = this.partitions.get(record.partition);
      if (probe === undefined) continue;
      this.apply(probe, { kind: 'received', seq: message.seq, sentAt: message.sentAt, at });
    }
  }

  private apply(probe: PartitionProbe, event: HeartbeatEvent): void {
    const step = applyHeartbeatEvent(probe.ledger, event, this.ledgerOptions);
    probe.ledger = step.ledger;
    for (const outcome of step.outcomes) this.figures.record(outcome, this.clock.now());
  }
}
