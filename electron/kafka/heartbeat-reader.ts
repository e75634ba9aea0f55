import type { HeartbeatReader, HeartbeatReaderOptions, HeartbeatRecord } from '../heartbeat/heartbeat-transport';
import type { Clock } from '../poller/clock';
import { errorText } from './error-text';
import type { FetchBroker } from './kafkajs-fetch-broker';
import { EARLIEST_OFFSET, LATEST_OFFSET, offsetsAt, READ_UNCOMMITTED } from './partition-offsets';

export interface HeartbeatReaderSettings {
  readonly clock: Clock;
  /** The fetch long-poll: the broker answers as soon as a message is there, or after this long. */
  readonly maxWaitMs: number;
  /** Pause after a failed fetch before the next one (the leader may be gone; new leaders come with `follow`). */
  readonly retryMs: number;
  readonly broker: (brokerId: number) => Promise<FetchBroker>;
  readonly onStopped?: () => void;
  /** Called once per Fetch or ListOffsets sent, for request accounting. */
  readonly onRequest?: () => void;
}

/**
 * Reads the heartbeat topic without a consumer group: one chained fetch loop per leader broker,
 * each covering the partitions that broker leads. One loop per broker, not one for all, because a
 * long poll answers when any of its partitions has data; a slow broker in a shared loop would make
 * every other broker's messages look late. A loop ends when its broker leads nothing any more.
 */
export class KafkaHeartbeatReader implements HeartbeatReader {
  private readonly positions = new Map<number, number>();
  private leaders = new Map<number, number>();
  private readonly loops = new Map<number, Promise<void>>();
  private running = true;
  private paused = false;
  private resumeWaiters: (() => void)[] = [];

  constructor(
    private readonly options: HeartbeatReaderOptions,
    private readonly settings: HeartbeatReaderSettings,
  ) {
    for (const [partition, offset] of options.start) this.positions.set(partition, offset);
    this.follow(options.leaders, new Map());
  }

  follow(leaders: ReadonlyMap<number, number>, start: ReadonlyMap<number, number>): void {
    if (!this.running) return;
    for (const [partition, offset] of start) if (!this.positions.has(partition)) this.positions.set(partition, offset);
    this.leaders = new Map(leaders);
    for (const brokerId of new Set(this.leaders.values())) {
      if (brokerId < 0 || this.loops.has(brokerId)) continue;
      const loop = this.loop(brokerId).finally(() => this.loops.delete(brokerId));
      this.loops.set(brokerId, loop);
    }
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    const waiters = this.resumeWaiters;
    this.resumeWaiters = [];
    for (const wake of waiters) wake();
  }

  position(partition: number): number | undefined {
    return this.positions.get(partition);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.resume();
    await Promise.allSettled([...this.loops.values()]);
    this.settings.onStopped?.();
  }

  private async loop(brokerId: number): Promise<void> {
    while (this.running) {
      if (this.paused) await new Promise<void>((wake) => this.resumeWaiters.push(wake));
      if (!this.running) return;
      const asked = [...this.leaders.entries()]
        .filter(([partition, leader]) => leader === brokerId && this.positions.has(partition))
        .map(([partition]) => ({ partition, fetchOffset: this.positions.get(partition) ?? 0 }));
      if (asked.length === 0) return;
      try {
        const broker = await this.settings.broker(brokerId);
        this.settings.onRequest?.();
        const { responses } = await broker.fetch({
          replicaId: -1,
          isolationLevel: READ_UNCOMMITTED,
          maxWaitTime: this.settings.maxWaitMs,
          minBytes: 1,
          maxBytes: 1_048_576,
          topics: [{ topic: this.options.topic, partitions: asked.map((a) => ({ partition: a.partition, fetchOffset: String(a.fetchOffset), maxBytes: 262_144 })) }],
        });
        if (!this.running) return;
        this.deliver(asked, responses.filter((r) => r.topicName === this.options.topic).flatMap((r) => r.partitions));
      } catch (error) {
        if (!this.running) return;
        const partition = outOfRangePartition(error);
        if (partition !== null) await this.reset(brokerId, partition).catch((e: unknown) => this.options.onError(errorText(e)));
        else {
          this.options.onError(`broker ${brokerId}: ${errorText(error)}`);
          await new Promise<void>((wake) => this.settings.clock.setTimeout(wake, this.settings.retryMs));
        }
      }
    }
  }

  private deliver(asked: readonly { partition: number; fetchOffset: number }[], partitions: readonly { partition: number; messages: readonly { offset: string; value: Buffer | null }[] }[]): void {
    const records: HeartbeatRecord[] = [];
    for (const fetched of partitions) {
      const from = asked.find((a) => a.partition === fetched.partition)?.fetchOffset;
      // Another loop (the new leader's) may have read this partition meanwhile; the first one to deliver wins.
      if (from === undefined || this.positions.get(fetched.partition) !== from) continue;
      let next = from;
      for (const message of fetched.messages) {
        const offset = Number(message.offset);
        // kafkajs returns whole record batches, which can start before the offset asked for.
        if (offset < next) continue;
        records.push({ partition: fetched.partition, offset, value: message.value === null ? null : message.value.toString('utf8') });
        next = offset + 1;
      }
      this.positions.set(fetched.partition, next);
    }
    if (records.length > 0) this.options.onRecords(records);
  }

  /**
   * The position left the log: its records were deleted before being read (retention, DeleteRecords),
   * or the log was truncated under it. Moves to the log start, or to the end if it is past the end;
   * what was skipped shows up in the ledger as lost.
   */
  private async reset(brokerId: number, partition: number): Promise<void> {
    const broker = await this.settings.broker(brokerId);
    const ask = async (timestamp: number): Promise<number> => {
      this.settings.onRequest?.();
      const offset = (await offsetsAt(broker, this.options.topic, [partition], timestamp)).get(partition);
      if (offset === undefined) throw new Error(`ListOffsets returned nothing for partition ${partition}`);
      return offset;
    };
    const [earliest, latest] = await Promise.all([ask(EARLIEST_OFFSET), ask(LATEST_OFFSET)]);
    const position = this.positions.get(partition) ?? earliest;
    this.positions.set(partition, position < earliest ? earliest : Math.min(position, latest));
  }
}

function outOfRangePartition(error: unknown): number | null {
  if (!(error instanceof Error) || error.name !== 'KafkaJSOffsetOutOfRange') return null;
  const partition = (error as Error & { partition?: unknown }).partition;
  return typeof partition === 'number' ? partition : null;
}
