import type { TestProject } from 'vitest/node';
import { DEFAULT_KAFKA_VERSION, startCluster, stopCluster } from '../sandbox/kraft-cluster.js';
import { seedCluster } from '../sandbox/seed.js';
import { integrationClusterName, integrationPortBase, integrationPorts } from './integration-ports';

/**
 * One sandbox cluster for the whole integration run, on ports that do not clash with the demo
 * cluster. KAFKA_VERSION picks the release; ITEST_PORT_BASE moves every port of the run (see
 * tests/integration-ports.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kafkaVersion = process.env.KAFKA_VERSION || DEFAULT_KAFKA_VERSION;
  const portBase = integrationPortBase(process.env);
  const clusterName = integrationClusterName('itest', kafkaVersion, portBase);
  const log = (line: string): void => {
    process.stdout.write(`[sandbox ${clusterName}] ${line}\n`);
  };
  await stopCluster(clusterName, { wipe: true }).catch(() => undefined);
  const { bootstrap, elapsedMs } = await startCluster({ name: clusterName, kafkaVersion, basePort: integrationPorts(portBase).shared, log });
  log(`Kafka ${kafkaVersion} up in ${elapsedMs} ms at ${bootstrap}`);
  await seedCluster(clusterName, { log });
  project.provide('bootstrap', bootstrap);
  project.provide('clusterName', clusterName);
  project.provide('kafkaVersion', kafkaVersion);
  project.provide('portBase', portBase);
  return async () => {
    await stopCluster(clusterName, { wipe: true });
  };
}
