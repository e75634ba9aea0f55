import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_KAFKA_VERSION, startCluster, stopCluster } from '../sandbox/kraft-cluster.js';
import { CLUSTER_PORT_OFFSET, clusterNameForBlock, portBlockFromEnv } from '../sandbox/port-block.js';
import { seedCluster } from '../sandbox/seed.js';
import { startWebApp, stopApp } from './app-process';

/**
 * The e2e cluster's ports come from E2E_PORT_BASE (default 25000, brokers from 25092).
 * Below Linux's ephemeral range (32768–60999): while a broker is down, another node reconnecting to
 * its port could otherwise be handed that very port as its own source port, connect to itself, read
 * its own request back as a response (a correlation-id mismatch) and exit. Seen with 49092+ when a
 * killed broker stayed down for a couple of minutes.
 */
const DEFAULT_E2E_PORT_BASE = 25_000;
const E2E_PORT_BASE = portBlockFromEnv(process.env, 'E2E_PORT_BASE', DEFAULT_E2E_PORT_BASE);
export const E2E_CLUSTER = clusterNameForBlock('e2e', E2E_PORT_BASE, DEFAULT_E2E_PORT_BASE);
const ROOT = resolve(import.meta.dirname, '..');

/**
 * A sandbox of its own (ports 25092+ by default), seeded, and the app in web mode polling it every second.
 * The URL and the cluster's name reach the tests through the environment.
 *
 * E2E_KEEP_CLUSTER=1 keeps the cluster between runs (started if down, never wiped), which saves
 * about a minute per run while writing tests; the default starts from a wiped cluster every time.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const log = (line: string): void => {
    process.stdout.write(`[e2e] ${line}\n`);
  };
  const keep = process.env.E2E_KEEP_CLUSTER === '1';
  if (!existsSync(resolve(ROOT, 'dist/renderer/index.html')) || process.env.E2E_REBUILD !== '0') {
    log('building the renderer…');
    execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  }
  if (!keep) await stopCluster(E2E_CLUSTER, { wipe: true }).catch(() => undefined);
  const { bootstrap } = await startCluster({ name: E2E_CLUSTER, kafkaVersion: process.env.KAFKA_VERSION || DEFAULT_KAFKA_VERSION, basePort: E2E_PORT_BASE + CLUSTER_PORT_OFFSET, log });
  await seedCluster(E2E_CLUSTER, { log });
  const app = await startWebApp(['--cluster', `e2e-sandbox=${bootstrap}`, '--interval', '1000']);
  log(`app at ${app.url}`);
  process.env.E2E_APP_URL = app.url;
  process.env.E2E_BOOTSTRAP = bootstrap;
  process.env.E2E_CLUSTER = E2E_CLUSTER;
  return async () => {
    if (app.process.pid) stopApp(app.process.pid);
    if (!keep) await stopCluster(E2E_CLUSTER, { wipe: true });
  };
}
