/**
 * `npm run bench`: measures, never asserts. Starts its own sandbox (ports 26092+), grows it to 1,000
 * then 10,000 partitions and times real polls; then times the derivations on generated snapshots.
 * `-- --heartbeat` first measures the heartbeat probe's own cost with 3 and with 50 heartbeat
 * partitions (`--heartbeat-only` skips the rest).
 * The renderer section drives the built renderer in Chromium against a generated 100,000-partition
 * cluster (`--skip-renderer` leaves it out, `--renderer-only` runs nothing else).
 * Figures go to stdout and bench/results/latest.json, merged into what is there so a partial run
 * keeps the other sections; BENCHMARKS.md records them with the machine.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_KAFKA_VERSION, startCluster, stopCluster } from '../sandbox/kraft-cluster.js';
import { CLUSTER_PORT_OFFSET, clusterNameForBlock, portBlockFromEnv } from '../sandbox/port-block.js';
import { benchmarkDerive } from './derive-benchmark';
import { benchmarkHeartbeat, type HeartbeatFigures } from './heartbeat-benchmark';
import { machineDescription } from './machine';
import { benchmarkPoll, growPartitions } from './poll-benchmark';
import { benchmarkRenderer } from './renderer-benchmark';
import { describeRendererFigures } from './renderer-figures';

/** The benchmark cluster's ports come from BENCH_PORT_BASE (default 26000, brokers from 26092). */
const DEFAULT_BENCH_PORT_BASE = 26_000;
const BENCH_PORT_BASE = portBlockFromEnv(process.env, 'BENCH_PORT_BASE', DEFAULT_BENCH_PORT_BASE);
const CLUSTER = clusterNameForBlock('bench', BENCH_PORT_BASE, DEFAULT_BENCH_PORT_BASE);
const RESULTS_FILE = 'bench/results/latest.json';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'skip-poll': { type: 'boolean' },
      heartbeat: { type: 'boolean' },
      'heartbeat-only': { type: 'boolean' },
      'skip-renderer': { type: 'boolean' },
      'renderer-only': { type: 'boolean' },
      kafka: { type: 'string' },
    },
    strict: true,
  });
  const rendererOnly = values['renderer-only'] === true;
  const heartbeatOnly = values['heartbeat-only'] === true && !rendererOnly;
  const runHeartbeat = (values.heartbeat === true || heartbeatOnly) && !rendererOnly;
  const runPoll = !values['skip-poll'] && !heartbeatOnly && !rendererOnly;
  const runDerive = !heartbeatOnly && !rendererOnly;
  const runRenderer = !values['skip-renderer'] && !heartbeatOnly;
  const kafkaVersion = values.kafka ?? DEFAULT_KAFKA_VERSION;
  const results: Record<string, unknown> = { machine: machineDescription(), date: new Date().toISOString(), kafkaVersion };
  console.log(`Machine: ${results.machine}`);

  if (runDerive) {
    const derive = [benchmarkDerive(200, 10_000), benchmarkDerive(200, 100_000)];
    results.derive = derive;
    for (const d of derive) console.log(`derive ${d.brokers} brokers / ${d.partitions} partitions: p50 ${d.p50Ms.toFixed(1)} ms, p95 ${d.p95Ms.toFixed(1)} ms (${d.runs} runs)`);
  }

  if (runRenderer) {
    const renderer = await benchmarkRenderer({ log: (line) => console.log(`[renderer] ${line}`) });
    results.renderer = { machine: results.machine, date: results.date, ...renderer };
    for (const line of describeRendererFigures(renderer)) console.log(line);
  }

  if (runPoll || runHeartbeat) {
    const log = (line: string): void => console.log(`[sandbox] ${line}`);
    await stopCluster(CLUSTER, { wipe: true }).catch(() => undefined);
    const { bootstrap } = await startCluster({ name: CLUSTER, kafkaVersion, basePort: BENCH_PORT_BASE + CLUSTER_PORT_OFFSET, log });
    try {
      if (runHeartbeat) {
        const heartbeat: HeartbeatFigures[] = [];
        for (const partitions of [3, 50]) {
          console.log(`heartbeat probe on ${partitions} partitions for 30 s…`);
          const h = await benchmarkHeartbeat(bootstrap, partitions);
          heartbeat.push(h);
          console.log(
            `heartbeat ${h.partitions} partitions on ${h.brokers} brokers: CPU ${h.cpuPercentOfOneCore}% of one core, RSS ${h.rssBeforeMiB} → ${h.rssMiB} MiB, heap ${h.heapUsedBeforeMiB} → ${h.heapUsedMiB} MiB, ` +
              `${h.requestsPerSecond} requests/s, ${h.messagesPerSecond} messages/s, ack p50 ${h.ackP50Ms} ms, end-to-end p50 ${h.endToEndP50Ms} ms, lost ${h.lost}`,
          );
        }
        results.heartbeat = heartbeat;
      }
      if (runPoll) await pollSection(bootstrap, results);
    } finally {
      await stopCluster(CLUSTER, { wipe: true });
    }
  }

  mkdirSync('bench/results', { recursive: true });
  const previous: Record<string, unknown> = existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(RESULTS_FILE, `${JSON.stringify({ ...previous, ...results }, null, 2)}\n`);
  console.log(`Written ${RESULTS_FILE} (sections run now replace their old figures; the others are kept)`);
}

async function pollSection(bootstrap: string, results: Record<string, unknown>): Promise<void> {
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
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
