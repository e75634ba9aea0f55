import { planHeartbeatAssignment, type HeartbeatBroker, type HeartbeatFixPlan } from '../../shared/heartbeat-coverage';

/**
 * What the heartbeat prober needs from a cluster. electron/kafka/heartbeat-client.ts implements it
 * with kafkajs; the prober's tests implement it in memory. Nothing here schedules anything: the
 * prober owns time, the transport only talks to Kafka.
 */
export interface HeartbeatPartition {
  readonly partition: number;
  /** -1 when the partition has no leader. */
  readonly leader: number;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
}

export interface HeartbeatTopicState {
  readonly topic: string;
  readonly exists: boolean;
  /** Empty when the topic does not exist. */
  readonly partitions: readonly HeartbeatPartition[];
  /** The registered, unfenced brokers, as the same metadata response lists them. */
  readonly brokers: readonly HeartbeatBroker[];
}

export interface HeartbeatOutgoing {
  readonly partition: number;
  readonly value: string;
}

export interface HeartbeatRecord {
  readonly partition: number;
  readonly offset: number;
  /** The message value as text; null for a tombstone. */
  readonly value: string | null;
}

/** A running reader of the heartbeat topic: fetches from each partition's leader, no consumer group. */
export interface HeartbeatReader {
  /** Routes each partition's fetches to its current leader; partitions it did not know start at `start`. */
  follow(leaders: ReadonlyMap<number, number>, start: ReadonlyMap<number, number>): void;
  /** Stops fetching (after the fetches in flight) until resume; used to make a consumer fall behind on purpose. */
  pause(): void;
  resume(): void;
  /** Next offset it will read from a partition. */
  position(partition: number): number | undefined;
  stop(): Promise<void>;
}

export interface HeartbeatReaderOptions {
  readonly topic: string;
  readonly start: ReadonlyMap<number, number>;
  readonly leaders: ReadonlyMap<number, number>;
  readonly onRecords: (records: readonly HeartbeatRecord[]) => void;
  /** A fetch failed; the reader keeps going (retrying, or waiting for new leaders). */
  readonly onError: (error: string) => void;
}

export interface HeartbeatTransport {
  /** The topic and the brokers as cluster metadata describes them: one small Metadata request. */
  describeTopic(topic: string): Promise<HeartbeatTopicState>;
  /** Creates the topic with these replica lists (partition i gets assignment[i]). */
  createTopic(topic: string, assignment: readonly (readonly number[])[]): Promise<void>;
  /** The next offset to be written, per partition. */
  endOffsets(topic: string, partitions: readonly number[]): Promise<Map<number, number>>;
  /**
   * Messages with acks=all, at most one per partition, all for partitions the same broker leads:
   * one Produce request. Resolves when every one is acknowledged, rejects if any is not.
   */
  send(topic: string, messages: readonly HeartbeatOutgoing[]): Promise<void>;
  startReader(options: HeartbeatReaderOptions): HeartbeatReader;
  /** New partitions, reassignments, then preferred leader elections, as planned in shared/heartbeat-coverage.ts. */
  applyFix(topic: string, plan: HeartbeatFixPlan): Promise<void>;
  deleteTopic(topic: string): Promise<void>;
  close(): Promise<void>;
}

/** The heartbeat topic as it is, created first (one partition led by each broker) when it is missing. */
export async function ensureHeartbeatTopic(transport: HeartbeatTransport, topic: string): Promise<HeartbeatTopicState> {
  const state = await transport.describeTopic(topic);
  if (state.exists) return state;
  if (state.brokers.length === 0) throw new Error('no broker is registered: cannot create the heartbeat topic');
  await transport.createTopic(topic, planHeartbeatAssignment(state.brokers));
  const created = await transport.describeTopic(topic);
  if (!created.exists) throw new Error(`heartbeat topic "${topic}" was created but is not in the metadata yet`);
  return created;
}
