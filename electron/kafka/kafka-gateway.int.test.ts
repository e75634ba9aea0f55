import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deriveClusterModel } from '../../shared/cluster-model';
import { parseProfiles } from '../../shared/cluster-profile';
import type { ClusterSnapshot } from '../../shared/cluster-snapshot';
import { killNode, restartNode } from '../../sandbox/kraft-cluster.js';
import { brokerRack, describeLogDirs, describeQuorumStatus, describeTopics, type DescribedPartition } from '../../sandbox/tool-truth.js';
import { KafkaGateway } from './kafka-gateway';

const bootstrap = inject('bootstrap');
const cluster = inject('clusterName');
const tools = { cluster };

function gatewayFor(bootstrapList: string, requestTimeoutMs = 5_000): KafkaGateway {
  const [profile] = parseProfiles({ clusters: [{ name: 'itest', bootstrap: bootstrapList, requestTimeoutMs }] }, 'test');
  if (profile === undefined) throw new Error('no profile');
  return new KafkaGateway(profile);
}

const sortIds = (ids: readonly number[]): number[] => [...ids].sort((a, b) => a - b);

function partitionsOf(snapshot: ClusterSnapshot): DescribedPartition[] {
  return snapshot.topics
    .filter((t) => !t.internal)
    .flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partition: p.partition, leader: p.leader, replicas: p.replicas, isr: sortIds(p.isr) })));
}

function comparable(partitions: readonly DescribedPartition[]): string[] {
  return partitions
    .filter((p) => !p.topic.startsWith('__'))
    .map((p) => `${p.topic}-${p.partition} leader=${p.leader} replicas=${p.replicas.join(',')} isr=${sortIds(p.isr).join(',')}`)
    .sort();
}

/** Polls until the app and Kafka's topic-describe agree on every partition, so a moving cluster cannot flake the comparison. */
async function pollUntilAgreement(gateway: KafkaGateway, check: (s: ClusterSnapshot) => boolean, attempts = 30): Promise<{ snapshot: ClusterSnapshot; truth: DescribedPartition[] }> {
  let last = '';
  for (let i = 0; i < attempts; i += 1) {
    const snapshot = await gateway.poll();
    const truth = await describeTopics(bootstrap, tools);
    const mine = comparable(partitionsOf(snapshot));
    const theirs = comparable(truth);
    if (check(snapshot) && JSON.stringify(mine) === JSON.stringify(theirs)) return { snapshot, truth };
    last = `app:\n${mine.join('\n')}\nkafka-topics:\n${theirs.join('\n')}`;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  throw new Error(`The app and kafka-topics never agreed:\n${last}`);
}

describe('KafkaGateway against a real cluster', () => {
  const gateway = gatewayFor(bootstrap);
  afterAll(() => gateway.close());

  it('reports the brokers and racks Kafka reports', async () => {
    const snapshot = await gateway.poll();
    expect(snapshot.brokers.map((b) => b.id)).toEqual([1, 2, 3]);
    for (const broker of snapshot.brokers) {
      expect(broker.rack).toBe(await brokerRack(bootstrap, broker.id, tools));
      expect(broker.fenced).toBe(false);
    }
    expect(new Set(snapshot.brokers.map((b) => b.rack))).toEqual(new Set(['rack-a', 'rack-b', 'rack-c']));
  });

  it('reports the real active controller and the voters, as kafka-metadata-quorum does', async () => {
    const snapshot = await gateway.poll();
    const truth = await describeQuorumStatus(bootstrap, tools);
    expect(snapshot.quorum.status).toBe('ok');
    if (snapshot.quorum.status !== 'ok') return;
    expect(snapshot.quorum.value.leaderId).toBe(truth.leaderId);
    expect(snapshot.quorum.value.voters.map((v) => v.id)).toEqual(truth.voterIds);
    for (const voter of snapshot.quorum.value.voters) expect(voter.lag).toBeGreaterThanOrEqual(0);
  });

  it("matches every partition's leader, replicas and ISR from kafka-topics --describe", async () => {
    const { snapshot } = await pollUntilAgreement(gateway, () => true);
    const names = snapshot.topics.filter((t) => !t.internal).map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['orders', 'payments', 'audit-log', 'clickstream', 'scratch', 'inventory-compacted', 'lopsided']));
    const audit = snapshot.topics.find((t) => t.name === 'audit-log');
    expect(audit?.config).toMatchObject({ status: 'ok', value: { minInsyncReplicas: 3 } });
    const compacted = snapshot.topics.find((t) => t.name === 'inventory-compacted');
    expect(compacted?.config).toMatchObject({ status: 'ok', value: { cleanupPolicy: 'compact' } });
    for (const topic of snapshot.topics) for (const p of topic.partitions) expect(p.leaderEpoch).not.toBeNull();
  });

  it('reports log-dir sizes within the range kafka-log-dirs reports around the same moment', async () => {
    const before = await describeLogDirs(bootstrap, [1, 2, 3], tools);
    const snapshot = await gateway.poll();
    const after = await describeLogDirs(bootstrap, [1, 2, 3], tools);
    for (const broker of snapshot.brokers) {
      expect(broker.logDirs.status).toBe('ok');
      if (broker.logDirs.status !== 'ok') continue;
      const bytes = broker.logDirs.value.reduce((s, d) => s + d.replicaBytes, 0);
      const low = before.find((b) => b.broker === broker.id)?.totalReplicaBytes ?? NaN;
      const high = after.find((b) => b.broker === broker.id)?.totalReplicaBytes ?? NaN;
      // Traffic keeps flowing and retention may delete segments: allow 1 MiB of movement either side.
      expect(bytes).toBeGreaterThanOrEqual(Math.min(low, high) - 1_048_576);
      expect(bytes).toBeLessThanOrEqual(Math.max(low, high) + 1_048_576);
    }
  });

  it('reads offsets and consumer groups, and costs a bounded number of requests', async () => {
    const snapshot = await gateway.poll();
    const orders = snapshot.topics.find((t) => t.name === 'orders');
    const produced = orders?.partitions.reduce((s, p) => s + (p.offsets.status === 'ok' ? p.offsets.value.highWatermark : 0), 0) ?? 0;
    expect(produced).toBeGreaterThan(0);
    expect(snapshot.consumerGroups.status).toBe('ok');
    const groups = snapshot.consumerGroups.status === 'ok' ? snapshot.consumerGroups.value : [];
    expect(groups.map((g) => g.groupId)).toContain('sandbox-consumers');
    // 4 cluster-wide requests, 5 per broker plus the latency probe's ApiVersions, one OffsetFetch per group.
    expect(snapshot.requestCount).toBeLessThanOrEqual(4 + 6 * snapshot.brokers.length + groups.length);
    expect(snapshot.brokerErrors).toEqual([]);
    // Every broker's request latency, measured on the probe's own connection.
    expect(snapshot.requestLatency?.map((l) => l.brokerId)).toEqual([1, 2, 3]);
    for (const latency of snapshot.requestLatency ?? []) {
      expect(latency).toMatchObject({ timedOut: false, error: null });
      expect(latency.rttMs).toBeGreaterThan(0);
      expect(latency.rttMs).toBeLessThan(5_000);
    }
  });

  it('shows the under-replicated partitions Kafka shows after a broker is killed, then the recovery after restart', async () => {
    await killNode(cluster, 3);
    try {
      const { snapshot } = await pollUntilAgreement(gateway, (s) => deriveClusterModel(s).totals.underReplicated > 0, 60);
      const model = deriveClusterModel(snapshot);
      const truth = await describeTopics(bootstrap, tools, ['--under-replicated-partitions']);
      const truthUnder = truth.filter((p) => !p.topic.startsWith('__')).map((p) => `${p.topic}-${p.partition}`).sort();
      const reason = model.health.find((r) => r.code === 'UNDER_REPLICATED_PARTITIONS');
      const mine = (reason?.partitions ?? []).filter((p) => !p.topic.startsWith('__')).map((p) => `${p.topic}-${p.partition}`).sort();
      expect(mine).toEqual(truthUnder);
      expect(mine.length).toBeGreaterThan(0);
      // The dead broker is either reported fenced (Kafka 4.0+) or missing from the registered brokers.
      const broker3 = snapshot.brokers.find((b) => b.id === 3);
      expect(broker3 === undefined ? model.missingBrokers : [broker3.fenced]).toEqual(broker3 === undefined ? [3] : [true]);
      // Partitions whose only replica was on broker 3 are offline, as kafka-topics --unavailable-partitions says.
      const unavailable = await describeTopics(bootstrap, tools, ['--unavailable-partitions']);
      const offline = snapshot.topics
        .filter((t) => !t.internal)
        .flatMap((t) => t.partitions.filter((p) => p.leader < 0).map((p) => `${t.name}-${p.partition}`))
        .sort();
      expect(offline).toEqual(unavailable.filter((p) => !p.topic.startsWith('__')).map((p) => `${p.topic}-${p.partition}`).sort());
    } finally {
      await restartNode(cluster, 3);
    }
    const { snapshot } = await pollUntilAgreement(gateway, (s) => deriveClusterModel(s).totals.underReplicated === 0 && s.brokers.every((b) => !b.fenced), 90);
    expect(snapshot.brokers.map((b) => b.id)).toEqual([1, 2, 3]);
  });
});

describe('KafkaGateway with bad input', () => {
  let notKafka: Server;
  let notKafkaPort = 0;
  beforeAll(async () => {
    notKafka = createServer((_req, res) => res.end('hello'));
    await new Promise<void>((r) => notKafka.listen(0, '127.0.0.1', () => r()));
    notKafkaPort = (notKafka.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => notKafka.close(() => r())));

  it('names the address and the cause when nothing listens there, within the timeout', async () => {
    const gateway = gatewayFor('127.0.0.1:1', 2_000);
    const started = Date.now();
    await expect(gateway.poll()).rejects.toThrow(/127\.0\.0\.1:1.*ECONNREFUSED/);
    expect(Date.now() - started).toBeLessThan(6_000);
    await gateway.close();
  });

  it('names the address when the port is not Kafka, within the timeout', async () => {
    const gateway = gatewayFor(`127.0.0.1:${notKafkaPort}`, 2_000);
    const started = Date.now();
    await expect(gateway.poll()).rejects.toThrow(new RegExp(`127\\.0\\.0\\.1:${notKafkaPort}`));
    expect(Date.now() - started).toBeLessThan(8_000);
    await gateway.close();
  });

  it('still polls when one bootstrap address of several is dead', async () => {
    const gateway = gatewayFor(`127.0.0.1:1,${bootstrap}`, 3_000);
    const snapshot = await gateway.poll();
    expect(snapshot.brokers).toHaveLength(3);
    await gateway.close();
  });
});
