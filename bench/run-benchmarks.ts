/**
 * `npm run bench`: measures, never asserts. Starts its own sandbox (ports 59092+), grows it to 1,000
 * then 10,000 partitions and times real polls; then times the derivations on generated snapshots.
 * Figures go to stdout and bench/results/latest.json; BENCHMARKS.md records them with the machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_KAFKA_VERSION, startCluster, stopCluster } from '../sandbox/kraft-cluster.js';
import { benchmarkDerive } from './derive-benchmark';
import { machineDescription } from './machine';
import { benchmarkPoll, growPartitions } from './poll-benchmark';

const CLUSTER = 'bench';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'skip-poll': { type: 'boolean' }, kafka: { type: 'string' } }, strict: true });
  const kafkaVersion = values.kafka ?? DEFAULT_KAFKA_VERSION;
  const results: Record<string, unknown> = { machine: machineDescription(), date: new Date().toISOString(), kafkaVersion };
  console.log(`Machine: ${results.machine}`);

  const derive = [benchmarkDerive(200, 10_000), benchmarkDerive(200, 100_000)];
  results.derive = derive;
  for (const d of derive) console.log(`derive ${d.brokers} brokers / ${d.partitions} partitions: p50 ${d.p50Ms.toFixed(1)} ms, p95 ${d.p95Ms.toFixed(1)} ms (${d.runs} runs)`);

  if (!values['skip-poll']) {
    const log = (line: string): void => console.log(`[sandbox] ${line}`);
    await stopCluster(CLUSTER, { wipe: true }).catch(() => undefined);
    const { bootstrap } = await startCluster({ name: CLUSTER, kafkaVersion, basePort: 59092, log });
    try {
      const polls = [];
      let existing = 0;
      for (const target of [1_000, 10_000]) {
        console.log(`growing the benchmark topic to ${target} partitions (replication factor 2)…`);
        await growPartitions(CLUSTER, 'bench-partitions', target, existing, 2);
        existing = target;
        const figures = await benchmarkPoll(bootstrap);
        polls.push(figures);
        console.log(
          `poll ${figures.brokers} brokers / ${figures.topics} topics / ${figures.partitions} partitions: p50 ${figures.p50Ms.toFixed(0)} ms, ` +
            `p95 ${figures.p95Ms.toFixed(0)} ms, ${figures.requestsPerPoll} requests per poll (${figures.runs} runs)`,
        );
      }
      results.poll = polls;
    } finally {
      await stopCluster(CLUSTER, { wipe: true });
    }
  }

  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log('Written bench/results/latest.json');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
