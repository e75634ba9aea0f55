/**
 * The heartbeat's coverage fix against real Kafka, through the real services: a broker-only node
 * joins a running 3-broker cluster and the heartbeat topic is grown to probe it, then it leaves for
 * good (stopped and unregistered) and the topic is moved off it. Every placement is checked with
 * Kafka's own kafka-topics. Its own small cluster (broker 4 is held back at start), stopped at the end.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrokerHealthReport, HeartbeatFixResult } from '../../shared/broker-health';
import type { ClusterSnapshot } from '../../shared/cluster-snapshot';
import { runKafkaTool, startCluster, startNode, stopCluster, stopNode } from '../../sandbox/kraft-cluster.js';
import { describeTopics, type DescribedPartition } from '../../sandbox/tool-truth.js';
import { integrationClusterName, integrationPorts } from '../../tests/integration-ports';
import { startServiceHarness, type ServiceHarness } from '../../tests/service-harness';

const kafkaVersion = inject('kafkaVersion');
const portBase = inject('portBase');
const NAME = integrationClusterName('heartbeat-coverage', kafkaVersion, portBase);
const TOPIC = 'brokerscope-heartbeat-coverage';
const POLL_MS = 2_000;
/**
 * Kafka 4.x lists fenced brokers, so a broker it does not list was unregistered: gone at once. 3.x
 * lists only unfenced ones, so the app counts a missing broker as gone only after forgetAfterMs.
 */
const LISTS_FENCED = !kafkaVersion.startsWith('3.');
const FORGET_AFTER_MS = 40_000;
/** Broker 4 shares rack-a with broker 1, so a rack-blind placement would put two copies in one rack. */
const RACKS: Readonly<Record<number, string>> = { 1: 'rack-a', 2: 'rack-b', 3: 'rack-c', 4: 'rack-a' };

let harness: ServiceHarness;
let bootstrap = '';
let clusterKey = '';

const broker = (report: BrokerHealthReport, id: number) => report.brokers.find((b) => b.brokerId === id);
const heartbeatWindow = (report: BrokerHealthReport, id: number) => broker(report, id)?.heartbeat?.window;
/** Acknowledged (acks=all) and read back: the broker's write path was really probed, not just counted. */
const probed = (report: BrokerHealthReport, ids: readonly number[], atLeast: number): boolean =>
  ids.every((id) => (heartbeatWindow(report, id)?.acknowledged ?? 0) >= atLeast && (heartbeatWindow(report, id)?.received ?? 0) >= atLeast);
const line = (p: DescribedPartition): string => `${p.partition} leader=${p.leader} replicas=${p.replicas.join(',')}`;

async function heartbeatTopicTruth(): Promise<DescribedPartition[]> {
  return (await describeTopics(bootstrap, { cluster: NAME }, ['--topic', TOPIC])).sort((a, b) => a.partition - b.partition);
}

/** kafka-topics' view of the heartbeat topic, once it satisfies `check` (Kafka finishes moves in the background). */
async function kafkaSays(check: (partitions: DescribedPartition[]) => boolean, what: string, attempts = 30): Promise<DescribedPartition[]> {
  let last: DescribedPartition[] = [];
  for (let i = 0; i < attempts; i += 1) {
    last = await heartbeatTopicTruth();
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  throw new Error(`kafka-topics never showed ${what}:\n${last.map(line).join('\n')}`);
}

/** The placement the app's latest snapshot shows, in kafka-topics' terms. */
function appView(snapshot: ClusterSnapshot | undefined): string[] {
  const topic = snapshot?.topics.find((t) => t.name === TOPIC);
  return (topic?.partitions ?? []).map((p) => line({ topic: TOPIC, partition: p.partition, leader: p.leader, replicas: p.replicas, isr: p.isr }));
}

/** Reports after `since` up to and including `report`: how many polls something took. */
const pollsBetween = (since: number, report: BrokerHealthReport): number => harness.reports.filter((r) => r.takenAt > since && r.takenAt <= report.takenAt).length;

describe('heartbeat coverage when a broker joins and when it leaves for good', () => {
  beforeAll(async () => {
    await stopCluster(NAME, { wipe: true }).catch(() => undefined);
    const started = await startCluster({
      name: NAME,
      kafkaVersion,
      basePort: integrationPorts(portBase).heartbeatCoverage,
      nodes: 3,
      brokerOnlyNodes: 1,
      startBrokerOnlyNodes: false,
      racks: [1, 2, 3, 4].map((id) => RACKS[id] ?? ''),
    });
    bootstrap = started.bootstrap;
    harness = startServiceHarness({
      bootstrap,
      name: 'coverage',
      pollIntervalMs: POLL_MS,
      service: {
        heartbeat: { intervalMs: 1_000, sendTimeoutMs: 4_000 },
        observations: { brokerStatus: { offlineAfterTimeouts: 2, forgetAfterMs: FORGET_AFTER_MS } },
      },
    });
    clusterKey = harness.profile.key;
  }, 300_000);

  afterAll(async () => {
    await harness?.stop();
    await stopCluster(NAME, { wipe: true });
  }, 120_000);

  it('reports a broker that joins as uncovered, and the confirmed fix adds a partition it leads, racks spread', async () => {
    await harness.service.handle('setHeartbeat', { clusterKey, enabled: true, topic: TOPIC });
    const running = await harness.waitForReport((r) => r.heartbeat.state === 'running' && probed(r, [1, 2, 3], 3), 90_000, 'the heartbeat to probe brokers 1-3');
    expect(running.heartbeat.coverage).toEqual({ replicationFactor: 3, uncoveredBrokers: [], notLeadingBrokers: [], misplacedPartitions: [], fixNeeded: false });
    expect(harness.snapshots.at(-1)?.brokersIncludeFenced).toBe(LISTS_FENCED);
    expect((await heartbeatTopicTruth()).map(line)).toEqual(['0 leader=1 replicas=1,2,3', '1 leader=2 replicas=2,3,1', '2 leader=3 replicas=3,1,2']);

    await startNode(NAME, 4);
    const joinedAt = Date.now();
    const uncovered = await harness.waitForReport((r) => (r.heartbeat.coverage?.uncoveredBrokers ?? []).includes(4), 30_000, 'broker 4 to be reported uncovered');
    console.log(`[coverage] broker 4 reported uncovered ${pollsBetween(joinedAt, uncovered)} poll(s) after it registered`);
    expect(pollsBetween(joinedAt, uncovered)).toBeLessThanOrEqual(3);
    expect(uncovered.heartbeat.coverage).toEqual({ replicationFactor: 3, uncoveredBrokers: [4], notLeadingBrokers: [], misplacedPartitions: [], fixNeeded: true });
    expect(uncovered.health.find((h) => h.code === 'HEARTBEAT_COVERAGE_GAP')?.brokers).toEqual([4]);
    // Reported, not acted on: nothing moves until the user confirms.
    expect((await heartbeatTopicTruth()).map(line)).toEqual(['0 leader=1 replicas=1,2,3', '1 leader=2 replicas=2,3,1', '2 leader=3 replicas=3,1,2']);

    const fix = (await harness.service.handle('fixHeartbeatCoverage', { clusterKey, confirm: true })) as HeartbeatFixResult;
    // Broker 1 shares broker 4's rack, so the copies go to 2 and 3.
    expect(fix.plan).toEqual({ createPartitions: [[4, 2, 3]], reassign: [], electPreferred: [] });

    const grown = await kafkaSays((ps) => ps.length === 4 && ps[3]?.leader === 4 && ps[3].isr.length === 3, 'partition 3 led by broker 4 with every replica in sync');
    const added = grown[3];
    expect(added?.replicas).toEqual([4, 2, 3]);
    expect(new Set(added?.replicas.map((id) => RACKS[id])).size).toBe(3);
    expect(grown.slice(0, 3).map(line)).toEqual(['0 leader=1 replicas=1,2,3', '1 leader=2 replicas=2,3,1', '2 leader=3 replicas=3,1,2']);

    // The prober picks the new partition up by itself: broker 4's write path is now probed end to end.
    const covered = await harness.waitForReport(
      (r) => (broker(r, 4)?.heartbeat?.partitions ?? []).includes(3) && probed(r, [1, 2, 3, 4], 3),
      60_000,
      'acknowledged and read-back heartbeats on broker 4',
    );
    expect(broker(covered, 4)?.heartbeat?.partitions).toEqual([3]);
    expect(heartbeatWindow(covered, 4)?.failed).toBe(0);
    expect(heartbeatWindow(covered, 4)?.lost).toBe(0);
    expect(covered.heartbeat.coverage).toEqual({ replicationFactor: 3, uncoveredBrokers: [], notLeadingBrokers: [], misplacedPartitions: [], fixNeeded: false });
    expect(covered.health.filter((h) => h.code === 'HEARTBEAT_COVERAGE_GAP')).toEqual([]);
    expect(appView(harness.snapshots.at(-1))).toEqual((await heartbeatTopicTruth()).map(line));
  });

  it('leaves the partition of a stopped broker alone, reports it misplaced once the broker is unregistered, and the confirmed fix moves it to the brokers still there', async () => {
    await stopNode(NAME, 4);
    const stoppedAt = Date.now();
    const down = await harness.waitForReport((r) => r.takenAt > stoppedAt && broker(r, 4)?.status === (LISTS_FENCED ? 'fenced' : 'offline'), 30_000, 'broker 4 to be shown down');
    const downSince = broker(down, 4)?.downSince ?? Number.NaN;
    // Down is not gone: during an outage the heartbeat's partitions stay where they are.
    const outage = await harness.waitForReport((r) => r.takenAt >= down.takenAt + 2 * POLL_MS, 20_000, 'two more polls');
    expect(outage.heartbeat.coverage).toEqual({ replicationFactor: 3, uncoveredBrokers: [], notLeadingBrokers: [], misplacedPartitions: [], fixNeeded: false });

    const unregister = await runKafkaTool('cluster', ['unregister', '--bootstrap-server', bootstrap, '--id', '4'], { cluster: NAME });
    expect(unregister.code, unregister.stderr).toBe(0);
    const goneAt = Date.now();
    expect(goneAt - downSince).toBeLessThan(FORGET_AFTER_MS);

    const misplaced = await harness.waitForReport((r) => (r.heartbeat.coverage?.misplacedPartitions ?? []).length > 0, FORGET_AFTER_MS + 30_000, 'the partition on broker 4 to be reported misplaced');
    console.log(
      `[coverage] Kafka ${kafkaVersion}: partition on broker 4 reported misplaced ${pollsBetween(goneAt, misplaced)} poll(s) after it was unregistered, ${Math.round((misplaced.takenAt - downSince) / 1_000)} s after it went down`,
    );
    if (LISTS_FENCED) {
      expect(pollsBetween(goneAt, misplaced)).toBeLessThanOrEqual(3);
      expect(misplaced.takenAt - downSince).toBeLessThan(FORGET_AFTER_MS);
    } else {
      expect(misplaced.takenAt - downSince).toBeGreaterThanOrEqual(FORGET_AFTER_MS);
    }
    expect(misplaced.heartbeat.coverage).toEqual({ replicationFactor: 3, uncoveredBrokers: [], notLeadingBrokers: [], misplacedPartitions: [3], fixNeeded: true });
    // Its replica there is still an offline replica until the partition moves.
    expect(broker(misplaced, 4)?.status).toBe('offline');

    const leaderBefore = harness.snapshots.at(-1)?.topics.find((t) => t.name === TOPIC)?.partitions.find((p) => p.partition === 3)?.leader;
    const fix = (await harness.service.handle('fixHeartbeatCoverage', { clusterKey, confirm: true })) as HeartbeatFixResult;
    expect(fix.plan).toEqual({ createPartitions: [], reassign: [{ partition: 3, replicas: [1, 2, 3] }], electPreferred: leaderBefore === 1 ? [] : [3] });

    const moved = await kafkaSays(
      (ps) => ps.every((p) => !p.replicas.includes(4) && p.isr.length === 3) && [1, 2, 3].every((id) => ps.some((p) => p.leader === id)),
      'no replica on broker 4 and every remaining broker leading a partition',
    );
    expect(moved.map(line)).toEqual(['0 leader=1 replicas=1,2,3', '1 leader=2 replicas=2,3,1', '2 leader=3 replicas=3,1,2', '3 leader=1 replicas=1,2,3']);

    const settled = await harness.waitForReport(
      (r) =>
        r.heartbeat.coverage?.fixNeeded === false &&
        probed(r, [1, 2, 3], 3) &&
        (broker(r, 1)?.heartbeat?.partitions ?? []).includes(3) &&
        (broker(r, 4)?.heartbeat?.partitions ?? []).length === 0,
      60_000,
      'the heartbeat to cover brokers 1-3 again with nothing left on broker 4',
    );
    expect(settled.heartbeat.coverage).toEqual({ replicationFactor: 3, uncoveredBrokers: [], notLeadingBrokers: [], misplacedPartitions: [], fixNeeded: false });
    expect(broker(settled, 1)?.heartbeat?.partitions).toEqual([0, 3]);
    expect(appView(harness.snapshots.at(-1))).toEqual((await heartbeatTopicTruth()).map(line));
  });
});
