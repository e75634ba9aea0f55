/**
 * A block of 1,000 ports named by an environment variable, checked: the block must lie within the
 * unprivileged ports. The integration run (ITEST_PORT_BASE), the e2e run (E2E_PORT_BASE) and the
 * benchmarks (BENCH_PORT_BASE) each take theirs this way, so a second checkout can run beside the first.
 */
/** Where in its block a run's main cluster listens: block 25000 puts its brokers on 25092, 25093… */
export const CLUSTER_PORT_OFFSET = 92;

export function portBlockFromEnv(env: Readonly<Record<string, string | undefined>>, variable: string, fallback: number): number {
  const raw = env[variable];
  if (raw === undefined || raw === "") return fallback;
  const base = Number(raw);
  if (!Number.isInteger(base) || base < 1024 || base + 999 > 65535) {
    throw new Error(`${variable}=${raw}: expected a whole number from 1024 to 64536 (the run uses the 1,000 ports from it)`);
  }
  return base;
}

/** A cluster's name for a run: the plain name in the default block, the block appended otherwise, so two runs never stop (and wipe) each other's cluster. */
export function clusterNameForBlock(name: string, block: number, defaultBlock: number): string {
  return block === defaultBlock ? name : `${name}-p${block}`;
}
