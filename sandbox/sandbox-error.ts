/**
 * Every failure the sandbox reports says what failed, where (a path, port,
 * node or command) and why, because the person reading it is usually looking
 * at a CI log with no way to poke at the machine afterwards.
 */
export class SandboxError extends Error {
  readonly what: string;
  readonly where: string;
  readonly why: string;

  constructor(what: string, where: string, why: string) {
    super(`${what}\n  where: ${where}\n  why:   ${why}`);
    this.name = "SandboxError";
    this.what = what;
    this.where = where;
    this.why = why;
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
