/**
 * The raw protocol requests against a real Kafka cluster.
 *
 * Bootstrap list: env KAFKA_BOOTSTRAP (host:port,…) if set, else the cluster that
 * vitest.integration.config.ts's global setup started (`inject('bootstrap')`);
 * skipped when neither is there. Ad hoc, against a running sandbox:
 *
 *   KAFKA_BOOTSTRAP=$(npm run -s sandbox -- bootstrap) npx vitest run --config vitest.integration.config.ts …
 *   (that config also starts its own cluster; any vitest config including *.int.test.ts works)
 *
 * Expects the sandbox's shape by default (3 brokers in racks rack-a/b/c, seeded
 * topics); KAFKA_EXPECT_BROKERS and KAFKA_EXPECT_RACKS (comma-separated, or "any")
 * adapt it to another cluster.
 */
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeCluster, describeClusterApi } from './protocol/describe-cluster';
import { describeLogDirs, describeLogDirsApi, type DescribeLogDirsResult } from './protocol/describe-log-dirs';
import { CLUSTER_METADATA_TOPIC, describeQuorum, describeQuorumApi } from './protocol/describe-quorum';
import { createOwnedCluster, type OwnedCluster } from './kafkajs-internals';
import type { RawApi, RawBroker } from './protocol/raw-broker';

/** The same kafkajs broker and connection, but advertising only `version` of `apiKey`, to force older versions. */
function pinnedTo(broker: RawBroker, apiKey: number, version: number): RawBroker {
  return {
    nodeId: broker.nodeId,
    versions: { ...broker.versions, [apiKey]: { minVersion: version, maxVersion: version } },
    isConnected: () => broker.isConnected(),
    connect: () => broker.connect(),
    disconnect: () => broker.disconnect(),
    connectionPool: broker.connectionPool,
  };
}

/** Versions both this client and `broker` implement for `api`. */
function commonVersions(broker: RawBroker, api: RawApi<unknown>): number[] {
  const range = broker.versions?.[api.apiKey];
  const versions: number[] = [];
  if (!range) return versions;
  for (let v = Math.max(range.minVersion, api.versions.minVersion); v <= Math.min(range.maxVersion, api.versions.maxVersion); v += 1) {
    versions.push(v);
  }
  return versions;
}

const bootstrap = (process.env.KAFKA_BOOTSTRAP || inject('bootstrap') || '')
  .split(',')
  .map((s) => s.trim())
  .filter((s) => s.length > 0);
const expectedBrokers = Number(process.env.KAFKA_EXPECT_BROKERS ?? '3');
const expectedRacks = process.env.KAFKA_EXPECT_RACKS ?? 'rack-a,rack-b,rack-c';
/** Known only for the suite's own cluster; pins the versions negotiated with that release. */
const kafkaVersion = process.env.KAFKA_BOOTSTRAP ? undefined : inject('kafkaVersion');
const kafkaMajor = kafkaVersion === undefined ? undefined : Number(kafkaVersion.split('.')[0]);

const API_KEYS = { DescribeLogDirs: 35, DescribeQuorum: 55, DescribeCluster: 60 } as const;

// The integration config always starts a cluster; a run without one is misconfigured, not skipped.
if (bootstrap.length === 0) throw new Error('No cluster: run through vitest.integration.config.ts, or set KAFKA_BOOTSTRAP=host:port[,host:port…]');

describe(`raw protocol against ${bootstrap.join(',')}`, () => {
  let cluster: OwnedCluster;

  beforeAll(async () => {
    const kafka = new Kafka({ clientId: 'raw-protocol-int', brokers: bootstrap, logLevel: logLevel.NOTHING });
    cluster = createOwnedCluster(kafka);
    await cluster.connect();
  }, 60_000);

  afterAll(async () => {
    await cluster?.disconnect();
  });

  /** What the broker advertised and what we will pick, for the test log. */
  function logVersions(broker: RawBroker): void {
    const advertised = Object.entries(API_KEYS)
      .map(([name, key]) => {
        const range = broker.versions?.[key];
        return `${name}(${key}) ${range ? `v${range.minVersion}-${range.maxVersion}` : 'absent'}`;
      })
      .join(', ');
    console.info(`broker ${String(broker.nodeId)} advertises ${advertised}`);
  }

  it('DescribeCluster lists every broker with its rack, from any broker', async () => {
    const nodeIds = cluster.nodeIds();
    expect(nodeIds).toHaveLength(expectedBrokers);
    for (const nodeId of nodeIds) {
      const broker = await cluster.broker(nodeId);
      logVersions(broker);
      const result = await describeCluster(broker);
      console.info(`DescribeCluster v${result.apiVersion} via ${nodeId}: cluster ${result.clusterId}, ` +
        `brokers ${result.brokers.map((b) => `${b.brokerId}@${b.host}:${b.port}/${String(b.rack)}/fenced=${String(b.isFenced)}`).join(' ')}`);
      expect(result.clusterId).not.toBe('');
      // Kafka 4.0 added v2 (fencing); 3.9 stops at v1.
      if (kafkaMajor !== undefined) expect(result.apiVersion).toBe(kafkaMajor >= 4 ? 2 : 1);
      expect(result.brokers.map((b) => b.brokerId).sort((a, b) => a - b)).toEqual([...nodeIds].sort((a, b) => a - b));
      for (const b of result.brokers) {
        expect(b.rack).not.toBeNull();
        expect(b.port).toBeGreaterThan(0);
        // v2+ reports fencing; the cluster is healthy, so nobody is fenced.
        if (result.apiVersion >= 2) expect(b.isFenced).toBe(false);
      }
      if (expectedRacks !== 'any') {
        expect(result.brokers.map((b) => b.rack).sort()).toEqual(expectedRacks.split(',').sort());
      }
    }
  });

  it('DescribeQuorum names a leader among the voters', async () => {
    const quorum = await describeQuorum(await cluster.anyBroker());
    console.info(`DescribeQuorum v${quorum.apiVersion}: leader ${quorum.leaderId} epoch ${quorum.leaderEpoch} ` +
      `hw ${quorum.highWatermark}; voters ${quorum.voters.map((v) => `${v.replicaId}:leo=${v.logEndOffset}`).join(' ')}; ` +
      `observers ${quorum.observers.map((o) => `${o.replicaId}:leo=${o.logEndOffset}`).join(' ')}; ` +
      `nodes ${quorum.nodes.map((n) => `${n.nodeId}=${n.listeners.map((l) => `${l.name}@${l.host}:${l.port}`).join('|')}`).join(' ')}`);
    expect(quorum.topicName).toBe(CLUSTER_METADATA_TOPIC);
    if (kafkaMajor !== undefined) expect(quorum.apiVersion).toBe(2); // 3.9 and 4.x both speak v2
    expect(quorum.voters.length).toBeGreaterThan(0);
    const leader = quorum.voters.find((v) => v.replicaId === quorum.leaderId);
    expect(leader, `leader ${quorum.leaderId} among voters`).toBeDefined();
    expect(quorum.leaderEpoch).toBeGreaterThan(0);
    expect(quorum.highWatermark).toBeGreaterThan(0);
    // The leader's log end offset is never behind the high watermark; Kafka's lag = leader LEO - replica LEO.
    expect(leader?.logEndOffset ?? -1).toBeGreaterThanOrEqual(quorum.highWatermark);
    if (quorum.apiVersion >= 1) {
      // The leader reports itself caught up "now"; others have fetched at some point.
      expect(leader?.lastCaughtUpTimestamp ?? -1).toBeGreaterThan(0);
    }
    if (quorum.apiVersion >= 2) {
      expect(quorum.nodes.map((n) => n.nodeId).sort()).toEqual(quorum.voters.map((v) => v.replicaId).sort());
      for (const voter of quorum.voters) expect(voter.replicaDirectoryId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    }
    // Every broker answers the same (they forward to the active controller).
    for (const nodeId of cluster.nodeIds()) {
      const again = await describeQuorum(await cluster.broker(nodeId));
      expect(again.voters.map((v) => v.replicaId).sort()).toEqual(quorum.voters.map((v) => v.replicaId).sort());
    }
  });

  it('DescribeLogDirs returns each broker\'s log dirs with partitions', async () => {
    let partitionsSeen = 0;
    let someTopic: { topic: string; partition: number; nodeId: number } | undefined;
    for (const nodeId of cluster.nodeIds()) {
      const result: DescribeLogDirsResult = await describeLogDirs(await cluster.broker(nodeId));
      for (const dir of result.logDirs) {
        const partitions = dir.topics.reduce((n, t) => n + t.partitions.length, 0);
        console.info(`DescribeLogDirs v${result.apiVersion} broker ${nodeId}: ${dir.path} ${dir.errorName} ` +
          `topics=${dir.topics.length} partitions=${partitions} bytes=${dir.topics.reduce((n, t) => n + t.partitions.reduce((m, p) => m + p.size, 0), 0)} ` +
          `total=${dir.totalBytes} usable=${dir.usableBytes} cordoned=${String(dir.isCordoned)}`);
        expect(dir.errorCode).toBe(0);
        // 3.9 and 4.0-4.2 stop at v4; 4.3 adds v5. Never v0, which 4.x removed.
        expect(result.apiVersion).toBeGreaterThanOrEqual(kafkaMajor === undefined ? 1 : 4);
        expect(dir.path).toMatch(/\//);
        if (result.apiVersion >= 4) {
          expect(dir.totalBytes).toBeGreaterThan(0);
          expect(dir.usableBytes).toBeGreaterThanOrEqual(0);
        }
        partitionsSeen += partitions;
        const first = dir.topics.find((t) => !t.topic.startsWith('__'))?.partitions[0];
        const firstTopic = dir.topics.find((t) => !t.topic.startsWith('__'));
        if (!someTopic && firstTopic && first) someTopic = { topic: firstTopic.topic, partition: first.partitionIndex, nodeId };
      }
      expect(result.logDirs.length).toBeGreaterThan(0);
    }
    expect(partitionsSeen, 'partitions across all log dirs (is the cluster seeded?)').toBeGreaterThan(0);

    // Asking for one partition returns only that partition.
    if (someTopic) {
      const { topic, partition, nodeId } = someTopic;
      const narrowed = await describeLogDirs(await cluster.broker(nodeId), [{ topic, partitions: [partition] }]);
      const returned = narrowed.logDirs.flatMap((d) => d.topics.flatMap((t) => t.partitions.map((p) => `${t.topic}-${p.partitionIndex}`)));
      expect(returned).toEqual([`${topic}-${partition}`]);
    }
  });

  it('every version both sides implement decodes against this broker', async () => {
    const broker = await cluster.anyBroker();
    const tried: string[] = [];
    for (const version of commonVersions(broker, describeClusterApi)) {
      const result = await describeCluster(pinnedTo(broker, describeClusterApi.apiKey, version));
      expect(result.apiVersion).toBe(version);
      expect(result.brokers).toHaveLength(expectedBrokers);
      tried.push(`DescribeCluster v${version}`);
    }
    for (const version of commonVersions(broker, describeQuorumApi)) {
      const result = await describeQuorum(pinnedTo(broker, describeQuorumApi.apiKey, version));
      expect(result.apiVersion).toBe(version);
      expect(result.voters.some((v) => v.replicaId === result.leaderId)).toBe(true);
      tried.push(`DescribeQuorum v${version}`);
    }
    const logDirsApi = describeLogDirsApi(null);
    for (const version of commonVersions(broker, logDirsApi)) {
      const result = await describeLogDirs(pinnedTo(broker, logDirsApi.apiKey, version));
      expect(result.apiVersion).toBe(version);
      expect(result.logDirs.flatMap((d) => d.topics).length).toBeGreaterThan(0);
      tried.push(`DescribeLogDirs v${version}`);
    }
    console.info(`decoded: ${tried.join(', ')}`);
    expect(tried.length).toBeGreaterThan(0);
  });
});
