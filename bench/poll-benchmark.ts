import { performance } from 'node:perf_hooks';
import { parseProfiles } from '../shared/cluster-profile';
import { KafkaGateway } from '../electron/kafka/kafka-gateway';
import { runKafkaTool } from '../sandbox/kraft-cluster.js';
import { percentile } from './machine';

export interface PollFigures {
  readonly partitions: number;
  readonly topics: number;
  readonly brokers: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly requestsPerPoll: number;
  readonly runs: number;
}

/** Adds partitions to the benchmark topic until the cluster has at least `total` (Kafka's own TopicCommand). */
export async function growPartitions(cluster: string, topic: string, total: number, existing: number, replicationFactor: number): Promise<void> {
  const args =
    existing === 0
      ? ['--bootstrap-server', '@bootstrap', '--create', '--topic', topic, '--partitions', String(total), '--replication-factor', String(replicationFactor)]
      : ['--bootstrap-server', '@bootstrap', '--alter', '--topic', topic, '--partitions', String(total)];
  const result = await runKafkaTool('topics', args, { cluster, timeoutMs: 600_000 });
  if (result.code !== 0) throw new Error(`kafka-topics ${args.join(' ')} failed: ${result.stderr}`);
}

/** Steady-state poll time and request count of the real gateway against a real cluster. */
export async function benchmarkPoll(bootstrap: string, runs = 15): Promise<PollFigures> {
  const [profile] = parseProfiles({ clusters: [{ name: 'bench', bootstrap, requestTimeoutMs: 30_000 }] }, 'bench');
  if (!profile) throw new Error('no profile');
  const gateway = new KafkaGateway(profile);
  try {
    for (let i = 0; i < 3; i += 1) await gateway.poll();
    const times: number[] = [];
    let requests = 0;
    let partitions = 0;
    let topics = 0;
    let brokers = 0;
    for (let i = 0; i < runs; i += 1) {
      const start = performance.now();
      const snapshot = await gateway.poll();
      times.push(performance.now() - start);
      requests = snapshot.requestCount;
      partitions = snapshot.topics.reduce((s, t) => s + t.partitions.length, 0);
      topics = snapshot.topics.length;
      brokers = snapshot.brokers.length;
    }
    return { partitions, topics, brokers, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), requestsPerPoll: requests, runs };
  } finally {
    await gateway.close();
  }
}
