import type { HeartbeatBroker, HeartbeatFixPlan } from '../../../shared/heartbeat-coverage';
import type { FakeClock } from '../../poller/fake-clock';
import type { HeartbeatOutgoing, HeartbeatPartition, HeartbeatReader, HeartbeatReaderOptions, HeartbeatTopicState, HeartbeatTransport } from '../heartbeat-transport';

/**
 * An in-memory cluster on fake time: each partition is a log, writes are acknowledged after a
 * per-broker delay, and the reader delivers what is written after another delay.
 */
export class FakeHeartbeatCluster implements HeartbeatTransport {
  readonly brokers: HeartbeatBroker[] = [
    { id: 1, rack: 'a' },
    { id: 2, rack: 'b' },
    { id: 3, rack: 'c' },
  ];
  partitions: HeartbeatPartition[] = [];
  readonly logs = new Map<number, string[]>();
  readonly created: (readonly number[])[][] = [];
  /** Messages sent, and the requests they went in. */
  sends = 0;
  requests = 0;
  ackDelayMs = new Map<number, number>([
    [1, 4],
    [2, 4],
    [3, 4],
  ]);
  readDelayMs = 3;
  /** Brokers whose writes fail at once, or hang forever. */
  readonly refusing = new Set<number>();
  readonly hanging = new Set<number>();
  /** Offsets the reader will never see (deleted before being read). */
  readonly unreadable = new Set<string>();
  createError: Error | null = null;
  /** Partitions endOffsets leaves out, as a client answering from stale metadata does for one the topic just gained. */
  readonly endOffsetsWithout = new Set<number>();
  private reader: FakeHeartbeatReader | null = null;

  constructor(private readonly clock: FakeClock) {}

  async describeTopic(topic: string): Promise<HeartbeatTopicState> {
    return { topic, exists: this.partitions.length > 0, partitions: this.partitions, brokers: this.brokers };
  }

  async createTopic(_topic: string, assignment: readonly (readonly number[])[]): Promise<void> {
    if (this.createError) throw this.createError;
    this.created.push([...assignment]);
    this.partitions = assignment.map((replicas, partition) => ({ partition, leader: replicas[0] ?? -1, replicas, isr: replicas }));
    for (const p of this.partitions) this.logs.set(p.partition, []);
  }

  async endOffsets(_topic: string, partitions: readonly number[]): Promise<Map<number, number>> {
    return new Map(partitions.filter((p) => !this.endOffsetsWithout.has(p)).map((p) => [p, this.logs.get(p)?.length ?? 0]));
  }

  send(_topic: string, messages: readonly HeartbeatOutgoing[]): Promise<void> {
    this.sends += messages.length;
    this.requests += 1;
    const leaders = messages.map((m) => this.partitions.find((p) => p.partition === m.partition)?.leader ?? -1);
    if (leaders.some((leader) => leader < 0 || this.refusing.has(leader))) return Promise.reject(new Error('NOT_LEADER_OR_FOLLOWER'));
    if (leaders.some((leader) => this.hanging.has(leader))) return new Promise(() => undefined);
    const delay = Math.max(...leaders.map((leader) => this.ackDelayMs.get(leader) ?? 4));
    return new Promise((resolve) => {
      this.clock.setTimeout(() => {
        for (const { partition, value } of messages) {
          const log = this.logs.get(partition) ?? [];
          log.push(value);
          this.logs.set(partition, log);
          this.clock.setTimeout(() => this.reader?.deliver(partition), this.readDelayMs);
        }
        resolve();
      }, delay);
    });
  }

  startReader(options: HeartbeatReaderOptions): HeartbeatReader {
    this.reader = new FakeHeartbeatReader(this, options);
    return this.reader;
  }

  readonly fixes: HeartbeatFixPlan[] = [];
  deleted: string[] = [];
  closed = 0;

  async applyFix(_topic: string, plan: HeartbeatFixPlan): Promise<void> {
    this.fixes.push(plan);
  }

  async deleteTopic(topic: string): Promise<void> {
    this.deleted.push(topic);
    this.partitions = [];
  }

  async close(): Promise<void> {
    this.closed += 1;
  }

  /** A message written by someone else, straight into the log. */
  writeOutOfBand(partition: number, value: string): void {
    this.logs.get(partition)?.push(value);
    this.reader?.deliver(partition);
  }
}

export class FakeHeartbeatReader implements HeartbeatReader {
  private readonly positions = new Map<number, number>();
  private paused = false;
  stopped = false;

  constructor(
    private readonly cluster: FakeHeartbeatCluster,
    private readonly options: HeartbeatReaderOptions,
  ) {
    for (const [p, offset] of options.start) this.positions.set(p, offset);
  }

  follow(_leaders: ReadonlyMap<number, number>, start: ReadonlyMap<number, number>): void {
    for (const [p, offset] of start) if (!this.positions.has(p)) this.positions.set(p, offset);
  }

  deliver(partition: number): void {
    if (this.paused || this.stopped) return;
    const log = this.cluster.logs.get(partition) ?? [];
    let position = this.positions.get(partition) ?? 0;
    const records = [];
    for (; position < log.length; position += 1) {
      if (this.cluster.unreadable.has(`${partition}:${position}`)) continue;
      records.push({ partition, offset: position, value: log[position] ?? null });
    }
    this.positions.set(partition, position);
    if (records.length > 0) this.options.onRecords(records);
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    for (const p of this.positions.keys()) this.deliver(p);
  }

  position(partition: number): number | undefined {
    return this.positions.get(partition);
  }

  async stop(): Promise<void> {
    this.stopped = true;
  }
}
