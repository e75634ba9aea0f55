/**
 * Broker status, request latency and the end-to-end heartbeat through a real broker crash and
 * restart, with every count checked against Kafka's own kafka-topics at each step. Runs on the
 * shared integration cluster and leaves it as it found it: broker 3 restarted and back in every
 * ISR, the heartbeat off and its topic deleted.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrokerHealthReport, HeartbeatFixResult } from '../../shared/broker-health';
import { deriveClusterModel } from '../../shared/cluster-model';
import type { ClusterSnapshot } from '../../shared/cluster-snapshot';
import { killNode, restartNode } from '../../sandbox/kraft-cluster.js';
import { describeTopics, type DescribedPartition } from '../../sandbox/tool-truth.js';
import { startServiceHarness, type ServiceHarness } from '../../tests/service-harness';

const bootstrap = inject('bootstrap');
const cluster = inject('clusterName');
const tools = { cluster };
const TOPIC = 'brokerscope-heartbeat-faults';
const POLL_MS = 4_000;

let harness: ServiceHarness;
let clusterKey = '';

const broker = (report: BrokerHealthReport, id: number) => report.brokers.find((b) => b.brokerId === id);
const sortIds = (ids: readonly number[]): number[] => [...ids].sort((a, b) => a - b);
const line = (p: DescribedPartition): string => `${p.topic}-${p.partition} leader=${p.leader} replicas=${p.replicas.join(',')} isr=${sortIds(p.isr).join(',')}`;

function appPartitions(snapshot: ClusterSnapshot, topicFilter: (name: string) => boolean): DescribedPartition[] {
  return snapshot.topics
    .filter((t) => topicFilter(t.name))
    .flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partition: p.partition, leader: p.leader, replicas: p.replicas, isr: p.isr })));
}

/**
 * The service's latest snapshot and kafka-topics, until they agree on every partition of the
 * topics compared (the cluster keeps moving while the tool runs, so one try is not enough).
 */
async function agreeWithKafka(check: (s: ClusterSnapshot) => boolean, extra: string[] = [], attempts = 40): Promise<{ snapshot: ClusterSnapshot; truth: DescribedPartition[] }> {
  let last = '';
  const keep = (name: string): boolean => !name.startsWith('__');
  for (let i = 0; i < attempts; i += 1) {
    const truth = (await describeTopics(bootstrap, tools, extra)).filter((p) => keep(p.topic));
    const snapshot = harness.snapshots.at(-1);
    if (snapshot !== undefined && check(snapshot)) {
      const mine = extra.length === 0 ? appPartitions(snapshot, keep) : [];
      const theirs = extra.length === 0 ? truth : [];
      const a = mine.map(line).sort();
      const b = theirs.map(line).sort();
      if (JSON.stringify(a) === JSON.stringify(b)) return { snapshot, truth };
      last = `app:\n${a.join('\n')}\nkafka-topics:\n${b.join('\n')}`;
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
  throw new Error(`The app and kafka-topics never agreed:\n${last}`);
}

/** Partitions Kafka's tool lists with a flag (--under-replicated-partitions, --unavailable-partitions), as "topic-partition". */
async function listedByKafka(flag: string): Promise<string[]> {
  return (await describeTopics(bootstrap, tools, [flag])).filter((p) => !p.topic.startsWith('__')).map((p) => `${p.topic}-${p.partition}`).sort();
}

/** The model's list for the same flag from one snapshot. */
function listedByApp(snapshot: ClusterSnapshot, code: 'UNDER_REPLICATED_PARTITIONS' | 'OFFLINE_PARTITIONS'): string[] {
  const reason = deriveClusterModel(snapshot).health.find((r) => r.code === code);
  return (reason?.partitions ?? []).filter((p) => !p.topic.startsWith('__')).map((p) => `${p.topic}-${p.partition}`).sort();
}

/**
 * Polls until the app's list and Kafka's list for a flag are the same, around the same moment, and
 * `settled` holds for it. Agreement alone can come mid-change: after a kill, leaders shrink the ISRs
 * of their partitions within replica.lag.time.max.ms, but those the dead broker led only shrink when
 * the controller fences it, a second or more later.
 */
async function listsAgree(
  flag: string,
  code: 'UNDER_REPLICATED_PARTITIONS' | 'OFFLINE_PARTITIONS',
  settled: (list: readonly string[]) => boolean,
): Promise<string[]> {
  let last = '';
  for (let i = 0; i < 40; i += 1) {
    const before = harness.snapshots.at(-1);
    const theirs = await listedByKafka(flag);
    const after = harness.snapshots.at(-1);
    for (const snapshot of [before, after]) {
      if (snapshot === undefined) continue;
      const mine = listedByApp(snapshot, code);
      if (JSON.stringify(mine) === JSON.stringify(theirs) && settled(mine)) return mine;
      last = `app ${JSON.stringify(mine)} vs kafka-topics ${flag} ${JSON.stringify(theirs)}`;
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
  throw new Error(`Never agreed (or never settled): ${last}`);
}

const totalAcknowledged = (report: BrokerHealthReport): number => report.brokers.reduce((sum, b) => sum + (b.heartbeat?.total.acknowledged ?? 0), 0);

describe('a killed broker, seen by broker status, request latency and the heartbeat', () => {
  let killed = false;
  // Node's warning for listeners piling up on one emitter: a connection to the dead broker that
  // gains one per failed reconnect would leak for as long as the outage lasts.
  const leaks: string[] = [];
  const onWarning = (warning: Error): void => {
    if (warning.name === 'MaxListenersExceededWarning') leaks.push(warning.message);
  };

  beforeAll(() => {
    process.on('warning', onWarning);
    harness = startServiceHarness({
      bootstrap,
      name: 'faults',
      pollIntervalMs: POLL_MS,
      service: { heartbeat: { intervalMs: 1_000, sendTimeoutMs: 4_000, ledger: { lostAfterMs: 30_000, lateAfterMs: 2_000, rememberedSeqs: 512 } } },
    });
    clusterKey = harness.profile.key;
  });

  afterAll(async () => {
    if (killed) await restartNode(cluster, 3).catch(() => undefined);
    await harness.service.handle('setHeartbeat', { clusterKey, enabled: false }).catch(() => undefined);
    const deletedAt = Date.now();
    await harness.service.handle('deleteHeartbeatTopic', { clusterKey, topic: TOPIC, confirmTopic: TOPIC }).catch(() => undefined);
    // Leave the shared cluster as the next test file expects it: every replica back in its ISR.
    await agreeWithKafka((s) => s.takenAt > deletedAt && deriveClusterModel(s).totals.underReplicated === 0 && s.brokers.length === 3 && s.brokers.every((b) => !b.fenced), [], 60).catch(
      () => undefined,
    );
    await harness.stop();
    process.off('warning', onWarning);
  }, 300_000);

  it('goes offline within two polls, fails then recovers the heartbeat, and returns to healthy, agreeing with kafka-topics', async () => {
    await harness.service.handle('setHeartbeat', { clusterKey, enabled: true, topic: TOPIC });
    const running = await harness.waitForReport(
      (r) => r.heartbeat.state === 'running' && [1, 2, 3].every((id) => (broker(r, id)?.heartbeat?.window.acknowledged ?? 0) >= 3 && (broker(r, id)?.heartbeat?.window.received ?? 0) >= 3),
      90_000,
      'the heartbeat to run on every broker',
    );
    expect(running.brokers.map((b) => b.status)).toEqual(['healthy', 'healthy', 'healthy']);
    expect(running.brokers.every((b) => b.requestLatency.p50Ms !== null && b.requestLatency.failures === 0)).toBe(true);
    expect(running.heartbeat.coverage).toMatchObject({ replicationFactor: 3, uncoveredBrokers: [], notLeadingBrokers: [], fixNeeded: false });

    // The heartbeat topic as the app sees it is what kafka-topics says: one partition led by each broker, RF 3.
    const { truth: before } = await agreeWithKafka((s) => s.topics.some((t) => t.name === TOPIC));
    const heartbeatTruth = before.filter((p) => p.topic === TOPIC);
    expect(heartbeatTruth.map((p) => p.leader).sort()).toEqual([1, 2, 3]);
    expect(heartbeatTruth.every((p) => p.replicas.length === 3)).toBe(true);
    const ledBy3 = heartbeatTruth.find((p) => p.leader === 3)?.partition;
    expect(ledBy3).toBeDefined();
    const allTruth = await describeTopics(bootstrap, tools);
    const replicasOn3 = allTruth.filter((p) => p.replicas.includes(3)).length;

    const killedAt = Date.now();
    await killNode(cluster, 3);
    killed = true;

    const offline = await harness.waitForReport((r) => ['offline', 'fenced'].includes(broker(r, 3)?.status ?? ''), 30_000, 'broker 3 to be shown down');
    const pollsAfterKill = harness.reports.filter((r) => r.takenAt > killedAt && r.takenAt <= offline.takenAt).length;
    expect(pollsAfterKill).toBeLessThanOrEqual(2);
    expect(broker(offline, 3)?.downSince).toBeGreaterThanOrEqual(killedAt - POLL_MS);
    // Replicas on it count as offline at once: as many as kafka-topics assigns to broker 3.
    expect(broker(offline, 3)?.offlineReplicas).toBe(replicasOn3);
    expect(offline.partitionsWithOfflineReplicas).toBe(replicasOn3);
    expect(offline.health.some((h) => ['BROKERS_OFFLINE'].includes(h.code) && h.brokers.includes(3)) || broker(offline, 3)?.status === 'fenced').toBe(true);

    // Kafka shrinks the ISRs (those of partitions broker 3 led only once the controller fences it); once
    // every replicated partition with a copy on broker 3 is listed, the heartbeat's among them, the app's
    // under-replicated and unavailable partitions are exactly kafka-topics' lists.
    const replicatedOn3 = allTruth.filter((p) => !p.topic.startsWith('__') && p.replicas.includes(3) && p.replicas.length > 1).map((p) => `${p.topic}-${p.partition}`);
    expect(replicatedOn3).toContain(`${TOPIC}-${ledBy3}`);
    const underReplicated = await listsAgree('--under-replicated-partitions', 'UNDER_REPLICATED_PARTITIONS', (list) => replicatedOn3.every((p) => list.includes(p)));
    expect(underReplicated).toContain(`${TOPIC}-${ledBy3}`);
    await listsAgree('--unavailable-partitions', 'OFFLINE_PARTITIONS', () => true);
    const firstUnder = harness.snapshots.find((s) => s.takenAt > killedAt && deriveClusterModel(s).totals.underReplicated > 0);
    const pollsToUnderReplicated = harness.snapshots.filter((s) => s.takenAt > killedAt && s.takenAt <= (firstUnder?.takenAt ?? 0)).length;
    console.log(`[faults] offline after ${pollsAfterKill} poll(s); Kafka's ISRs shrank by poll ${pollsToUnderReplicated} after the kill`);

    // The heartbeat saw the partitions broker 3 led fail or arrive late.
    const failing = await harness.waitForReport(
      (r) => (broker(r, 3)?.heartbeat?.window.failed ?? 0) + (broker(r, 3)?.heartbeat?.window.late ?? 0) > 0,
      30_000,
      'failed or late heartbeats on broker 3',
    );
    expect(failing.health.some((h) => (h.code === 'HEARTBEAT_FAILING' || h.code === 'HEARTBEAT_MESSAGES_LATE') && h.brokers.includes(3))).toBe(true);

    // Recovery once leadership moves: the partition is led by a live broker and all three partitions are acknowledged again.
    const moved = await harness.waitForReport((r) => r.brokers.some((b) => b.brokerId !== 3 && (b.heartbeat?.partitions ?? []).includes(ledBy3 ?? -1)), 60_000, 'leadership to move');
    const a = await harness.waitForReport((r) => r.takenAt > moved.takenAt, 20_000, 'a poll');
    const b = await harness.waitForReport((r) => r.takenAt >= a.takenAt + 8_000, 30_000, 'a later poll');
    const ackRate = (totalAcknowledged(b) - totalAcknowledged(a)) / ((b.takenAt - a.takenAt) / 1_000);
    expect(ackRate).toBeGreaterThan(3 * 0.75);
    const { truth: afterMove } = await agreeWithKafka((s) => s.topics.find((t) => t.name === TOPIC)?.partitions.find((p) => p.partition === ledBy3)?.leader !== 3);
    expect(afterMove.find((p) => p.topic === TOPIC && p.partition === ledBy3)?.leader).not.toBe(3);
    expect(b.heartbeat.coverage?.notLeadingBrokers).toEqual([]); // broker 3 is down, not "not leading"

    // Restart: recovering while it catches up, then healthy, with no under-replicated partition left by either account.
    await restartNode(cluster, 3);
    killed = false;
    const healthy = await harness.waitForReport((r) => broker(r, 3)?.status === 'healthy', 120_000, 'broker 3 to be healthy again');
    const statuses3 = harness.reports.filter((r) => r.takenAt > killedAt && r.takenAt <= healthy.takenAt).map((r) => broker(r, 3)?.status);
    expect(statuses3).toContain('recovering');
    expect(statuses3.indexOf('recovering')).toBeGreaterThan(statuses3.findIndex((s) => s === 'offline' || s === 'fenced'));
    expect(await listsAgree('--under-replicated-partitions', 'UNDER_REPLICATED_PARTITIONS', () => true)).toEqual([]);

    // Broker 3 is back but leads no heartbeat partition: the coverage says so, and the confirmed fix elects it back.
    const gap = await harness.waitForReport((r) => (r.heartbeat.coverage?.notLeadingBrokers ?? []).includes(3), 30_000, 'the coverage to name broker 3');
    expect(gap.health.find((h) => h.code === 'HEARTBEAT_COVERAGE_GAP')?.brokers).toEqual([3]);
    const fix = (await harness.service.handle('fixHeartbeatCoverage', { clusterKey, confirm: true })) as HeartbeatFixResult;
    expect(fix.plan).toEqual({ createPartitions: [], reassign: [], electPreferred: [ledBy3] });
    const covered = await harness.waitForReport((r) => (broker(r, 3)?.heartbeat?.partitions ?? []).includes(ledBy3 ?? -1), 30_000, 'broker 3 to lead its heartbeat partition again');
    expect(covered.heartbeat.coverage).toMatchObject({ uncoveredBrokers: [], notLeadingBrokers: [], fixNeeded: false });
    const { truth: restored } = await agreeWithKafka((s) => s.topics.find((t) => t.name === TOPIC)?.partitions.find((p) => p.partition === ledBy3)?.leader === 3);
    expect(restored.filter((p) => p.topic === TOPIC).map((p) => p.leader).sort()).toEqual([1, 2, 3]);
    expect(leaks).toEqual([]);
  });
});
