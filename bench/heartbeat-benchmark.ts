import { performance } from 'node:perf_hooks';
import { parseProfiles } from '../shared/cluster-profile';
import { replicasLedBy } from '../shared/heartbeat-coverage';
import { median } from '../shared/latency-stats';
import { KafkaHeartbeatClient } from '../electron/kafka/heartbeat-client';
import { HeartbeatProber } from '../electron/heartbeat/heartbeat-prober';

export interface HeartbeatFigures {
  readonly partitions: number;
  readonly brokers: number;
  readonly seconds: number;
  /** Process CPU (user + system) over wall time, in percent of one core. */
  readonly cpuPercentOfOneCore: number;
  readonly rssMiB: number;
  readonly heapUsedMiB: number;
  /** The same just before the probe started: the difference is the probe's. */
  readonly rssBeforeMiB: number;
  readonly heapUsedBeforeMiB: number;
  /** Kafka requests the probe sent per second (Metadata, Produce, Fetch). */
  readonly requestsPerSecond: number;
  readonly messagesPerSecond: number;
  readonly ackP50Ms: number | null;
  readonly endToEndP50Ms: number | null;
  readonly lost: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const mib = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;

/**
 * The heartbeat probe's own cost with `partitions` heartbeat partitions on a real cluster: one
 * message per partition per second, each read back. 50 partitions on a 3-broker sandbox stand in
 * for a 50-broker cluster's heartbeat topic (one partition per broker): the probe's work scales
 * with partitions, not brokers; what the stand-in does not show is 50 separate fetch connections.
 */
export async function benchmarkHeartbeat(bootstrap: string, partitions: number, seconds = 30): Promise<HeartbeatFigures> {
  const [profile] = parseProfiles({ clusters: [{ name: 'bench', bootstrap, requestTimeoutMs: 10_000 }] }, 'bench');
  if (!profile) throw new Error('no profile');
  const topic = `bench-heartbeat-${partitions}`;
  const client = new KafkaHeartbeatClient(profile);
  const described = await client.describeTopic(topic);
  if (!described.exists) {
    const ids = described.brokers.map((b) => b.id).sort((a, b) => a - b);
    const rf = Math.min(3, ids.length);
    const assignment = Array.from({ length: partitions }, (_, p) => replicasLedBy(ids[p % ids.length] ?? 1, described.brokers, rf));
    await client.createTopic(topic, assignment);
  }
  const prober = new HeartbeatProber(client, { topic });
  const memoryBefore = process.memoryUsage();
  prober.start();
  try {
    await sleep(10_000); // connections made, JIT warm, topic leaders settled
    const cpuBefore = process.cpuUsage();
    const requestsBefore = client.requestsSent;
    const messagesBefore = prober.stats().reduce((s, b) => s + b.total.acknowledged, 0);
    const started = performance.now();
    await sleep(seconds * 1_000);
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const stats = prober.stats();
    const memory = process.memoryUsage();
    return {
      partitions,
      brokers: described.brokers.length,
      seconds,
      cpuPercentOfOneCore: Math.round(((cpu.user + cpu.system) / 1_000 / wallMs) * 1_000) / 10,
      rssMiB: mib(memory.rss),
      heapUsedMiB: mib(memory.heapUsed),
      rssBeforeMiB: mib(memoryBefore.rss),
      heapUsedBeforeMiB: mib(memoryBefore.heapUsed),
      requestsPerSecond: Math.round(((client.requestsSent - requestsBefore) / (wallMs / 1_000)) * 10) / 10,
      messagesPerSecond: Math.round(((stats.reduce((s, b) => s + b.total.acknowledged, 0) - messagesBefore) / (wallMs / 1_000)) * 10) / 10,
      ackP50Ms: median(stats.flatMap((b) => (b.ackLatency.p50Ms === null ? [] : [b.ackLatency.p50Ms]))),
      endToEndP50Ms: median(stats.flatMap((b) => (b.endToEndLatency.p50Ms === null ? [] : [b.endToEndLatency.p50Ms]))),
      lost: stats.reduce((s, b) => s + b.total.lost, 0),
    };
  } finally {
    await prober.stop();
    await client.deleteTopic(topic).catch(() => undefined);
    await client.close();
  }
}
