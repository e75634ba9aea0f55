/**
 * Headless: one poll, then the snapshot and its health. Exit 0 when healthy, 1 when any health
 * reason holds, 2 when the cluster could not be polled at all or the arguments are wrong.
 */
import { parseArgs } from 'node:util';
import { deriveClusterModel } from '../../shared/cluster-model';
import { parseProfiles } from '../../shared/cluster-profile';
import { snapshotSummary } from '../../shared/snapshot-summary';
import { KafkaGateway } from '../kafka/kafka-gateway';

const USAGE = 'Usage: npm run snapshot -- --bootstrap HOST:PORT[,HOST:PORT…] [--json] [--timeout MS] [--name NAME]';

async function main(): Promise<number> {
  let values: { bootstrap?: string; json?: boolean; timeout?: string; name?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        bootstrap: { type: 'string', short: 'b' },
        json: { type: 'boolean' },
        timeout: { type: 'string' },
        name: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!values.bootstrap) {
    process.stderr.write(`--bootstrap is required\n${USAGE}\n`);
    return 2;
  }
  const timeout = values.timeout === undefined ? 5_000 : Number(values.timeout);
  let profile;
  try {
    [profile] = parseProfiles(
      { clusters: [{ name: values.name ?? 'cluster', bootstrap: values.bootstrap, requestTimeoutMs: timeout }] },
      'the command line',
    );
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  if (profile === undefined) return 2;
  const gateway = new KafkaGateway(profile);
  try {
    const snapshot = await gateway.poll();
    const model = deriveClusterModel(snapshot);
    if (values.json) process.stdout.write(`${JSON.stringify({ snapshot, health: model.health, totals: model.totals, brokerLoads: model.brokerLoads }, null, 2)}\n`);
    else process.stdout.write(`${snapshotSummary(snapshot, model)}\n`);
    return model.health.length === 0 ? 0 : 1;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  } finally {
    await gateway.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(2);
  },
);
