import { AssignerProtocol, type Kafka } from 'kafkajs';
import type { ClusterProfile } from '../../shared/cluster-profile';
import type { BrokerError, ClusterSnapshot, CommittedOffset, PartitionOffsets, TopicConfig } from '../../shared/cluster-snapshot';
import { missing, ok, type Fetched } from '../../shared/fetched';
import type { ClusterGateway } from '../services/cluster-gateway';
import { errorText, withTimeout } from './error-text';
import { createKafkaClient } from './kafka-client';
import { asAdminBroker, type AdminBroker, type DescribeConfigsResource } from './kafkajs-admin-broker';
import { partitionKey, type PollResponses, type RawConsumerGroup } from './poll-responses';
import { describeCluster } from './protocol/describe-cluster';
import { describeLogDirs } from './protocol/describe-log-dirs';
import { describeQuorum } from './protocol/describe-quorum';
import { createOwnedCluster, type OwnedCluster } from './kafkajs-internals';
import { fetchAllTopicsMetadata, type MetadataResult } from './protocol/metadata';
import type { RawBroker } from './protocol/raw-broker';
import { RequestLatencyProbe } from './request-latency-probe';
import { toClusterSnapshot } from './to-cluster-snapshot';

const TOPIC_RESOURCE = 2;
const EARLIEST = -2;
const LATEST = -1;
const READ_UNCOMMITTED = 0;
const TOPIC_CONFIG_NAMES = ['min.insync.replicas', 'retention.ms', 'retention.bytes', 'cleanup.policy'];

export interface GatewayOptions {
  readonly now?: () => number;
  /** Monotonic sub-millisecond clock for the request-latency probe (performance.now by default). */
  readonly monotonicNow?: () => number;
  readonly clientId?: string;
}

/**
 * The only door to a Kafka cluster. One long-lived kafkajs cluster connection per profile, reused
 * across polls. A poll costs a constant number of cluster-wide requests plus a few per broker,
 * whatever the number of topics, and one broker that is slow or dead costs only its own part.
 */
export class KafkaGateway implements ClusterGateway {
  private readonly kafka: Kafka;
  private readonly bootstrap: string[];
  private cluster: OwnedCluster | null = null;
  private readonly now: () => number;
  private readonly latencyProbe: RequestLatencyProbe;
  private requestCount = 0;

  constructor(
    private readonly profile: ClusterProfile,
    options: GatewayOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.bootstrap = profile.bootstrap.split(',').map((s) => s.trim());
    this.kafka = createKafkaClient(profile, options.clientId ?? 'brokerscope');
    this.latencyProbe = new RequestLatencyProbe(this.kafka, {
      timeoutMs: profile.requestTimeoutMs,
      ...(options.monotonicNow ? { monotonicNow: options.monotonicNow } : {}),
    });
  }

  async poll(): Promise<ClusterSnapshot> {
    const startedAt = this.now();
    this.requestCount = 0;
    const timeout = this.profile.requestTimeoutMs;
    const cluster = await this.connected();

    const { broker: control, metadata } = await this.metadataFromAnyBroker(cluster);
    const brokerErrors: BrokerError[] = [];
    const fail = (brokerId: number, operation: string) => (error: unknown) => {
      const text = errorText(error);
      brokerErrors.push({ brokerId, operation, error: text });
      return missing<never>(text);
    };
    const controlId = Number(control.nodeId ?? -1);

    const [describedCluster, quorum, topicConfigs] = await Promise.all([
      this.count(withTimeout(describeCluster(control), timeout, `DescribeCluster on broker ${controlId}`)).then(ok, (e) => missing(errorText(e))),
      this.count(withTimeout(describeQuorum(control), timeout, `DescribeQuorum on broker ${controlId}`)).then(ok, (e) => missing(errorText(e))),
      this.topicConfigs(control, metadata).then(ok, fail(controlId, 'DescribeConfigs')),
    ]);

    const liveIds = metadata.brokers.map((b) => b.nodeId);
    // Every poll, read-only: one ApiVersions per broker on the probe's own connections, alongside the rest.
    const requestLatency = this.latencyProbe.measure(liveIds);
    this.requestCount += liveIds.length;
    const perBroker = await Promise.all(
      liveIds.map(async (brokerId) => {
        const broker = await withTimeout(this.brokerFor(cluster, brokerId), timeout, `connecting to broker ${brokerId}`).then(ok, fail(brokerId, 'connect'));
        if (broker.status === 'missing') return { brokerId, offsets: broker, logDirs: broker, groups: broker };
        const [offsets, logDirs, groups] = await Promise.all([
          withTimeout(this.leaderOffsets(broker.value, brokerId, metadata), timeout * 2, `ListOffsets on broker ${brokerId}`).then(ok, fail(brokerId, 'ListOffsets')),
          this.count(withTimeout(describeLogDirs(broker.value), timeout, `DescribeLogDirs on broker ${brokerId}`)).then(ok, fail(brokerId, 'DescribeLogDirs')),
          withTimeout(this.groupsCoordinatedBy(broker.value, metadata), timeout * 2, `consumer groups on broker ${brokerId}`).then(ok, fail(brokerId, 'consumer groups')),
        ]);
        return { brokerId, offsets, logDirs, groups };
      }),
    );

    const latencies = await requestLatency;

    const groupFailures = perBroker.filter((b) => b.groups.status === 'missing');
    const consumerGroups: Fetched<readonly RawConsumerGroup[]> =
      groupFailures.length === perBroker.length && perBroker.length > 0
        ? missing('no broker answered ListGroups')
        : ok(perBroker.flatMap((b) => (b.groups.status === 'ok' ? b.groups.value : [])).sort((a, b) => a.groupId.localeCompare(b.groupId)));

    const responses: PollResponses = {
      clusterKey: this.profile.key,
      profileName: this.profile.name,
      bootstrap: this.bootstrap,
      takenAt: this.now(),
      pollDurationMs: this.now() - startedAt,
      requestCount: this.requestCount,
      metadata,
      describeCluster: describedCluster,
      quorum,
      topicConfigs,
      offsetsByBroker: new Map(perBroker.map((b) => [b.brokerId, b.offsets])),
      logDirsByBroker: new Map(perBroker.map((b) => [b.brokerId, b.logDirs])),
      consumerGroups,
      brokerErrors: brokerErrors.sort((a, b) => a.brokerId - b.brokerId || a.operation.localeCompare(b.operation)),
      requestLatency: latencies,
    };
    return toClusterSnapshot(responses);
  }

  async close(): Promise<void> {
    const cluster = this.cluster;
    this.cluster = null;
    await Promise.all([cluster?.disconnect().catch(() => undefined), this.latencyProbe.close()]);
  }

  private async connected(): Promise<OwnedCluster> {
    if (this.cluster) return this.cluster;
    const cluster = createOwnedCluster(this.kafka);
    try {
      this.requestCount += 2; // ApiVersions + Metadata on the seed broker.
      await withTimeout(cluster.connect(), this.profile.requestTimeoutMs * (this.bootstrap.length + 1), 'connecting');
    } catch (error) {
      await cluster.disconnect().catch(() => undefined);
      throw new Error(`Cannot reach cluster "${this.profile.name}" at ${this.bootstrap.join(',')}: ${errorText(error)}`);
    }
    this.cluster = cluster;
    return cluster;
  }

  /**
   * Metadata from the first broker that answers: any live broker knows the whole cluster. When none
   * does, the connection is dropped so the next poll starts again from the bootstrap list.
   */
  private async metadataFromAnyBroker(cluster: OwnedCluster): Promise<{ broker: RawBroker; metadata: MetadataResult }> {
    const timeout = this.profile.requestTimeoutMs;
    const errors: string[] = [];
    const candidates: Array<() => Promise<RawBroker>> = [
      () => cluster.anyBroker(),
      ...cluster.nodeIds().map((id) => () => this.brokerFor(cluster, id)),
    ];
    for (const candidate of candidates) {
      try {
        const broker = await withTimeout(candidate(), timeout, 'connecting');
        const metadata = await this.count(withTimeout(fetchAllTopicsMetadata(broker), timeout, 'Metadata'));
        return { broker, metadata };
      } catch (error) {
        errors.push(errorText(error));
      }
      if (errors.length >= 3) break;
    }
    await this.close();
    throw new Error(`No broker of cluster "${this.profile.name}" (${this.bootstrap.join(',')}) answered Metadata: ${[...new Set(errors)].join('; ')}`);
  }

  private async brokerFor(cluster: OwnedCluster, brokerId: number): Promise<AdminBroker> {
    return asAdminBroker(await cluster.broker(brokerId));
  }

  private async count<T>(request: Promise<T>): Promise<T> {
    this.requestCount += 1;
    return request;
  }

  /** All topics' configs in one DescribeConfigs request. */
  private async topicConfigs(broker: RawBroker, metadata: MetadataResult): Promise<ReadonlyMap<string, Fetched<TopicConfig>>> {
    const names = metadata.topics.map((t) => t.name);
    if (names.length === 0) return new Map();
    const admin = asAdminBroker(broker);
    const { resources } = await this.count(
      withTimeout(
        admin.describeConfigs({
          resources: names.map((name) => ({ type: TOPIC_RESOURCE, name, configNames: TOPIC_CONFIG_NAMES })),
          includeSynonyms: false,
        }),
        this.profile.requestTimeoutMs * 2,
        'DescribeConfigs',
      ),
    );
    return new Map(resources.map((r) => [r.resourceName, toTopicConfig(r)]));
  }

  /** Earliest and latest offsets of every partition this broker leads: two requests, however many partitions. */
  private async leaderOffsets(broker: AdminBroker, brokerId: number, metadata: MetadataResult): Promise<ReadonlyMap<string, PartitionOffsets>> {
    const led = metadata.topics
      .map((t) => ({ topic: t.name, partitions: t.partitions.filter((p) => p.leaderId === brokerId).map((p) => p.partitionIndex) }))
      .filter((t) => t.partitions.length > 0);
    const result = new Map<string, PartitionOffsets>();
    if (led.length === 0) return result;
    const ask = (timestamp: number) =>
      this.count(
        broker.listOffsets({
          replicaId: -1,
          isolationLevel: READ_UNCOMMITTED,
          topics: led.map((t) => ({ topic: t.topic, partitions: t.partitions.map((partition) => ({ partition, timestamp })) })),
        }),
      );
    const [earliest, latest] = await Promise.all([ask(EARLIEST), ask(LATEST)]);
    const starts = new Map<string, number>();
    for (const t of earliest.responses) for (const p of t.partitions) starts.set(partitionKey(t.topic, p.partition), Number(p.offset));
    for (const t of latest.responses) {
      for (const p of t.partitions) {
        const key = partitionKey(t.topic, p.partition);
        const start = starts.get(key);
        if (start !== undefined) result.set(key, { logStartOffset: start, highWatermark: Number(p.offset) });
      }
    }
    return result;
  }

  /** The consumer groups this broker coordinates, described in one request, with their committed offsets. */
  private async groupsCoordinatedBy(broker: AdminBroker, metadata: MetadataResult): Promise<RawConsumerGroup[]> {
    const { groups } = await this.count(broker.listGroups());
    const consumerGroups = groups.filter((g) => g.protocolType === 'consumer' || g.protocolType === '');
    if (consumerGroups.length === 0) return [];
    const described = await this.count(broker.describeGroups({ groupIds: consumerGroups.map((g) => g.groupId) }));
    return Promise.all(
      described.groups.map(async (group) => {
        const members = group.members.map((m) => ({
          memberId: m.memberId,
          clientId: m.clientId,
          clientHost: m.clientHost,
          assignment: decodeAssignment(m.memberAssignment),
        }));
        const offsets = await this.committedOffsets(broker, group.groupId, members, metadata).then(ok, (e) => missing<readonly CommittedOffset[]>(errorText(e)));
        return { groupId: group.groupId, state: group.state, protocolType: group.protocolType, members, offsets };
      }),
    );
  }

  /**
   * kafkajs's OffsetFetch cannot ask for "all topics", so a group with members is asked about its
   * assignment, and an empty group about every non-internal topic.
   */
  private async committedOffsets(
    broker: AdminBroker,
    groupId: string,
    members: readonly { assignment: readonly { topic: string; partitions: readonly number[] }[] }[],
    metadata: MetadataResult,
  ): Promise<CommittedOffset[]> {
    const assigned = new Map<string, Set<number>>();
    for (const member of members) {
      for (const a of member.assignment) {
        const set = assigned.get(a.topic) ?? new Set<number>();
        for (const p of a.partitions) set.add(p);
        assigned.set(a.topic, set);
      }
    }
    const topics =
      assigned.size > 0
        ? [...assigned].map(([topic, set]) => ({ topic, partitions: [...set].map((partition) => ({ partition })) }))
        : metadata.topics.filter((t) => !t.isInternal).map((t) => ({ topic: t.name, partitions: t.partitions.map((p) => ({ partition: p.partitionIndex })) }));
    if (topics.length === 0) return [];
    const { responses } = await this.count(broker.offsetFetch({ groupId, topics }));
    return responses
      .flatMap((t) => t.partitions.map((p) => ({ topic: t.topic, partition: p.partition, offset: Number(p.offset) })))
      .filter((o) => assigned.size > 0 || o.offset >= 0)
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  }
}

function toTopicConfig(resource: DescribeConfigsResource): Fetched<TopicConfig> {
  if (resource.errorCode !== 0) return missing(`DescribeConfigs error code ${resource.errorCode}`);
  const value = (name: string): string | null => resource.configEntries.find((e) => e.configName === name)?.configValue ?? null;
  const num = (name: string): number | null => {
    const text = value(name);
    return text === null || text === '' || Number.isNaN(Number(text)) ? null : Number(text);
  };
  return ok({
    minInsyncReplicas: num('min.insync.replicas'),
    retentionMs: num('retention.ms'),
    retentionBytes: num('retention.bytes'),
    cleanupPolicy: value('cleanup.policy'),
  });
}

function decodeAssignment(buffer: Buffer): { topic: string; partitions: number[] }[] {
  if (buffer.length === 0) return [];
  try {
    const decoded = AssignerProtocol.MemberAssignment.decode(buffer);
    if (decoded === null) return [];
    return Object.entries(decoded.assignment).map(([topic, partitions]) => ({ topic, partitions: [...partitions].sort((a, b) => a - b) }));
  } catch {
    return [];
  }
}
