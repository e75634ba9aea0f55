import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseProfiles, type ClusterProfile } from '../../shared/cluster-profile';

/** The local sandbox cluster that `npm run sandbox -- start` runs: the app's embedded default. */
export const SANDBOX_BOOTSTRAP = '127.0.0.1:19092,127.0.0.1:19093,127.0.0.1:19094';

export interface ProfileSource {
  /** A JSON file `{ "clusters": [{ "name", "bootstrap", … }] }`. */
  readonly configFile?: string;
  /** `NAME=HOST:PORT[,HOST:PORT]` or a bare bootstrap list, repeatable. */
  readonly clusters?: readonly string[];
  readonly pollIntervalMs?: number;
}

/** Profiles from a file, from the command line, or the sandbox when neither is given. */
export async function loadProfiles(source: ProfileSource): Promise<ClusterProfile[]> {
  const extra = source.pollIntervalMs === undefined ? {} : { pollIntervalMs: source.pollIntervalMs };
  if (source.configFile) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(source.configFile, 'utf8'));
    } catch (error) {
      throw new Error(`Cannot read cluster configuration ${source.configFile}: ${(error as Error).message}`);
    }
    // A mapping file named in the clusters file is relative to that file, not to where the app started.
    const baseDir = dirname(resolve(source.configFile));
    return parseProfiles(json, source.configFile).map((profile) =>
      profile.instances?.file ? { ...profile, instances: { ...profile.instances, file: resolve(baseDir, profile.instances.file) } } : profile,
    );
  }
  const specs = source.clusters && source.clusters.length > 0 ? source.clusters : [`sandbox=${SANDBOX_BOOTSTRAP}`];
  const clusters = specs.map((spec, index) => {
    const eq = spec.indexOf('=');
    return eq > 0
      ? { name: spec.slice(0, eq), bootstrap: spec.slice(eq + 1), ...extra }
      : { name: specs.length === 1 ? 'cluster' : `cluster-${index + 1}`, bootstrap: spec, ...extra };
  });
  return parseProfiles({ clusters }, 'the command line');
}
