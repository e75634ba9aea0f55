/**
 * Starts the app: the Electron window where an Electron binary is installed and a display exists,
 * otherwise (or with --web) web mode, serving the same renderer to a browser on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadProfiles } from '../config/load-profiles';
import { startClusterService } from '../services/start-services';
import { startWebServer } from '../web/web-server';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');
const USAGE = `Usage: npm run app -- [--web] [--port N] [--config clusters.json | --cluster NAME=HOST:PORT[,HOST:PORT] …] [--interval MS]
Without --config or --cluster it connects to the local sandbox (npm run sandbox -- start).`;

/** The Electron binary, when this machine has one (the npm package ships none until it is fetched). */
function electronBinary(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const packageDir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      web: { type: 'boolean' },
      port: { type: 'string' },
      config: { type: 'string' },
      cluster: { type: 'string', multiple: true },
      interval: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const profiles = await loadProfiles({
    ...(values.config ? { configFile: values.config } : {}),
    clusters: values.cluster ?? [],
    ...(values.interval ? { pollIntervalMs: Number(values.interval) } : {}),
  });

  const binary = values.web ? null : electronBinary();
  const display = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (binary && display) {
    const args = [join(ROOT, 'dist', 'electron', 'main.cjs'), ...(values.config ? ['--config', values.config] : []), ...(values.cluster ?? []).flatMap((c) => ['--cluster', c])];
    const child = spawn(binary, args, { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  if (!values.web) {
    process.stdout.write(binary ? 'No display: starting in web mode.\n' : 'No Electron binary on this machine: starting in web mode.\n');
  }

  const service = await startClusterService(profiles);
  const server = await startWebServer({
    service,
    staticDir: join(ROOT, 'dist', 'renderer'),
    ...(values.port ? { port: Number(values.port) } : {}),
  });
  process.stdout.write(`Brokerscope is polling ${profiles.map((p) => `"${p.name}" (${p.bootstrap})`).join(', ')}\n`);
  process.stdout.write(`Open ${server.url}\n`);

  const shutdown = (): void => {
    void Promise.all([server.close(), service.stop()]).finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exit(2);
});
