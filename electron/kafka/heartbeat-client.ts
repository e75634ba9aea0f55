import type { Admin, Kafka } from 'kafkajs';
import type { ClusterProfile } from '../../shared/cluster-profile';
import { heartbeatReplicationFactor, type HeartbeatFixPlan } from '../../shared/heartbeat-coverage';
import type {
  HeartbeatOutgoing,
  HeartbeatReader,
  HeartbeatReaderOptions,
  HeartbeatTopicState,
  HeartbeatTransport,
} from '../heartbeat/heartbeat-transport';
import { systemClock, type Clock } from '../poller/clock';
import { errorText, withTimeout } from './error-text';
import { HeartbeatProducer } from './heartbeat-producer';
import { KafkaHeartbeatReader } from './heartbeat-reader';
import { createKafkaClient } from './kafka-client';
import { asFetchBroker } from './kafkajs-fetch-broker';
import { LATEST_OFFSET, offsetsAt } from './partition-offsets';
import { electPreferredLeaders } from './protocol/elect-leaders';
import { createOwnedCluster, type OwnedCluster } from './kafkajs-internals';
import type { RawBroker } from './protocol/raw-broker';
import { fetchTopicMetadata } from './protocol/topic-metadata';

const UNKNOWN_TOPIC = 'UNKNOWN_TOPIC_OR_PARTITION';

export interface HeartbeatClientOptions {
  readonly clock?: Clock;
  readonly clientId?: string;
  /** The reader's fetch long-poll. */
  readonly maxWaitMs?: number;
  /** How long to wait for a reassignment to finish before electing preferred leaders. */
  readonly reassignmentWaitMs?: number;
}

/**
 * The heartbeat's Kafka side, with kafkajs: a producer (heartbeat-producer.ts), a group-less reader
 * over kafkajs's broker connections, small raw Metadata requests for the one topic, and the admin
 * operations the user may ask for. Connections are opened on first use.
 */
export class KafkaHeartbeatClient implements HeartbeatTransport {
  private readonly kafka: Kafka;
  private readonly clock: Clock;
  private cluster: OwnedCluster | null = null;
  private readonly producer: HeartbeatProducer;
  /** Each topic's partitions at the last describeTopic: when they grow, the producer's metadata is stale. */
  private readonly knownPartitions = new Map<string, ReadonlySet<number>>();
  private admin: Promise<Admin> | null = null;
  private readonly readers = new Set<HeartbeatReader>();
  private requests = 0;

  constructor(
    private readonly profile: ClusterProfile,
    private readonly options: HeartbeatClientOptions = {},
  ) {
    this.kafka = createKafkaClient(profile, options.clientId ?? 'brokerscope-heartbeat');
    this.producer = new HeartbeatProducer(this.kafka);
    this.clock = options.clock ?? systemClock;
  }

  private get timeoutMs(): number {
    return this.profile.requestTimeoutMs;
  }

  /**
   * Kafka requests sent so far by this client: Metadata, Produce (one per send; a kafkajs retry
   * inside a send is not seen), Fetch, ListOffsets and admin requests. What the probe costs the cluster.
   */
  get requestsSent(): number {
    return this.requests;
  }

  async describeTopic(topic: string): Promise<HeartbeatTopicState> {
    this.requests += 1;
    const metadata = await this.withAnyBroker((broker) => withTimeout(fetchTopicMetadata(broker, [topic]), this.timeoutMs, `Metadata for ${topic}`));
    const brokers = metadata.brokers.map((b) => ({ id: b.nodeId, rack: b.rack })).sort((a, b) => a.id - b.id);
    const described = metadata.topics.find((t) => t.name === topic);
    if (described === undefined || described.error === UNKNOWN_TOPIC) return { topic, exists: false, partitions: [], brokers };
    if (described.error !== null) throw new Error(`Metadata for heartbeat topic "${topic}": ${described.error}`);
    const partitions = described.partitions
      .map((p) => ({ partition: p.partitionIndex, leader: p.leaderId, replicas: p.replicaNodes, isr: p.isrNodes }))
      .sort((a, b) => a.partition - b.partition);
    const ids = new Set(partitions.map((p) => p.partition));
    const before = this.knownPartitions.get(topic);
    this.knownPartitions.set(topic, ids);
    // kafkajs routes each message by its own cached metadata, refreshed only every few minutes, and
    // drops one for a partition it does not know without a word: after the topic grew (a coverage
    // fix), the next send goes through a producer that loads the metadata afresh.
    if (before !== undefined && [...ids].some((id) => !before.has(id))) this.producer.retire();
    return { topic, exists: true, partitions, brokers };
  }

  async createTopic(topic: string, assignment: readonly (readonly number[])[]): Promise<void> {
    const admin = await this.connectedAdmin();
    const rf = heartbeatReplicationFactor(assignment[0]?.length ?? 1);
    await admin.createTopics({
      topics: [
        {
          topic,
          replicaAssignment: assignment.map((replicas, partition) => ({ partition, replicas: [...replicas] })),
          configEntries: [
            // Like a real topic: one replica may be down and acks=all writes still succeed.
            { name: 'min.insync.replicas', value: String(Math.max(1, rf - 1)) },
            // Tiny messages, but they should not pile up for ever.
            { name: 'retention.ms', value: String(3_600_000) },
            { name: 'cleanup.policy', value: 'delete' },
          ],
        },
      ],
      waitForLeaders: true,
      timeout: this.timeoutMs * 2,
    });
  }

  /**
   * The latest offset of each partition, asked of its leader as fresh Metadata names it. Not
   * kafkajs's admin: it answers from metadata cached for minutes, and for a partition the topic
   * just gained it answered nothing, so the reader never read that partition and every message
   * sent to it counted as lost. A partition without a leader is left out; the caller asks again.
   */
  async endOffsets(topic: string, partitions: readonly number[]): Promise<Map<number, number>> {
    const state = await this.describeTopic(topic);
    const wanted = new Set(partitions);
    const byLeader = new Map<number, number[]>();
    for (const p of state.partitions) {
      if (!wanted.has(p.partition) || p.leader < 0) continue;
      byLeader.set(p.leader, [...(byLeader.get(p.leader) ?? []), p.partition]);
    }
    const cluster = await this.connectedCluster();
    const answers = await Promise.all(
      [...byLeader].map(async ([leader, ids]) => {
        const broker = asFetchBroker(await cluster.broker(leader));
        this.requests += 1;
        return withTimeout(offsetsAt(broker, topic, ids, LATEST_OFFSET), this.timeoutMs, `end offsets of ${topic} from broker ${leader}`);
      }),
    );
    return new Map(answers.flatMap((offsets) => [...offsets]));
  }

  async send(topic: string, messages: readonly HeartbeatOutgoing[]): Promise<void> {
    this.requests += 1;
    await this.producer.send(topic, messages, this.timeoutMs);
  }

  startReader(options: HeartbeatReaderOptions): HeartbeatReader {
    const reader: KafkaHeartbeatReader = new KafkaHeartbeatReader(options, {
      clock: this.clock,
      maxWaitMs: this.options.maxWaitMs ?? 1_000,
      retryMs: 500,
      broker: async (brokerId) => asFetchBroker(await (await this.connectedCluster()).broker(brokerId)),
      onStopped: () => this.readers.delete(reader),
      onRequest: () => {
        this.requests += 1;
      },
    });
    this.readers.add(reader);
    return reader;
  }

  async applyFix(topic: string, plan: HeartbeatFixPlan): Promise<void> {
    const admin = await this.connectedAdmin();
    if (plan.createPartitions.length > 0) {
      const current = await this.describeTopic(topic);
      await admin.createPartitions({
        topicPartitions: [{ topic, count: current.partitions.length + plan.createPartitions.length, assignments: plan.createPartitions.map((r) => [...r]) }],
        timeout: this.timeoutMs * 2,
      });
    }
    if (plan.reassign.length > 0) {
      await admin.alterPartitionReassignments({
        topics: [{ topic, partitionAssignment: plan.reassign.map((r) => ({ partition: r.partition, replicas: [...r.replicas] })) }],
        timeout: this.timeoutMs * 2,
      });
      await this.waitForReassignments(admin, topic, plan.reassign.map((r) => r.partition));
    }
    if (plan.electPreferred.length > 0) {
      const results = await this.withAnyBroker((broker) =>
        electPreferredLeaders(broker, { topic, partitions: plan.electPreferred, timeoutMs: this.timeoutMs }, { requestTimeout: this.timeoutMs * 2 }),
      );
      const failed = results.filter((r) => r.error !== null);
      if (failed.length > 0) {
        throw new Error(`Preferred leader election failed for ${failed.map((r) => `${r.topic}-${r.partition}: ${r.error}${r.message ? ` (${r.message})` : ''}`).join('; ')}`);
      }
    }
  }

  async deleteTopic(topic: string): Promise<void> {
    const admin = await this.connectedAdmin();
    await admin.deleteTopics({ topics: [topic], timeout: this.timeoutMs * 2 });
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.readers].map((r) => r.stop()));
    const [admin, cluster] = [this.admin, this.cluster];
    this.admin = null;
    this.cluster = null;
    await Promise.allSettled([this.producer.close(), admin?.then((a) => a.disconnect()), cluster?.disconnect()]);
  }

  private async waitForReassignments(admin: Admin, topic: string, partitions: number[]): Promise<void> {
    const deadline = this.clock.now() + (this.options.reassignmentWaitMs ?? 60_000);
    for (;;) {
      const { topics } = await admin.listPartitionReassignments({ topics: [{ topic, partitions }], timeout: this.timeoutMs });
      const ongoing = topics.flatMap((t) => t.partitions);
      if (ongoing.length === 0) return;
      if (this.clock.now() >= deadline) {
        throw new Error(`Reassignment of ${topic} partitions ${ongoing.map((p) => p.partitionIndex).join(', ')} still running; elect preferred leaders once it completes`);
      }
      await new Promise<void>((wake) => this.clock.setTimeout(wake, 500));
    }
  }

  /** Any broker that answers: the one kafkajs has connected, else each known broker in turn. */
  private async withAnyBroker<T>(request: (broker: RawBroker) => Promise<T>): Promise<T> {
    const cluster = await this.connectedCluster();
    const errors: string[] = [];
    const candidates: Array<() => Promise<RawBroker>> = [() => cluster.anyBroker(), ...cluster.nodeIds().map((id) => () => cluster.broker(id))];
    for (const candidate of candidates.slice(0, 4)) {
      try {
        return await request(await withTimeout(candidate(), this.timeoutMs, 'connecting'));
      } catch (error) {
        errors.push(errorText(error));
      }
    }
    throw new Error([...new Set(errors)].join('; '));
  }

  private async connectedCluster(): Promise<OwnedCluster> {
    if (this.cluster) return this.cluster;
    const cluster = createOwnedCluster(this.kafka);
    try {
      await withTimeout(cluster.connect(), this.timeoutMs * 2, 'connecting the heartbeat client');
    } catch (error) {
      await cluster.disconnect().catch(() => undefined);
      throw new Error(`Cannot reach cluster "${this.profile.name}": ${errorText(error)}`);
    }
    this.cluster = cluster;
    return cluster;
  }

  private connectedAdmin(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin({ retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 1_000 } });
      await admin.connect();
      return admin;
    })().catch((error: unknown) => {
      this.admin = null;
      throw error;
    });
    return this.admin;
  }
}
