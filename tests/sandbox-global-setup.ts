import type { TestProject } from 'vitest/node';
import { DEFAULT_KAFKA_VERSION, startCluster, stopCluster } from '../sandbox/kraft-cluster.js';
import { seedCluster } from '../sandbox/seed.js';

/** One sandbox cluster for the whole integration run, on ports that do not clash with the demo cluster. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kafkaVersion = process.env.KAFKA_VERSION || DEFAULT_KAFKA_VERSION;
  const clusterName = `itest-${kafkaVersion.replace(/\W/g, '-')}`;
  const log = (line: string): void => {
    process.stdout.write(`[sandbox ${clusterName}] ${line}\n`);
  };
  await stopCluster(clusterName, { wipe: true }).catch(() => undefined);
  const { bootstrap, elapsedMs } = await startCluster({ name: clusterName, kafkaVersion, basePort: 22092, log });
  log(`Kafka ${kafkaVersion} up in ${elapsedMs} ms at ${bootstrap}`);
  await seedCluster(clusterName, { log });
  project.provide('bootstrap', bootstrap);
  project.provide('clusterName', clusterName);
  project.provide('kafkaVersion', kafkaVersion);
  return async () => {
    await stopCluster(clusterName, { wipe: true });
  };
}
