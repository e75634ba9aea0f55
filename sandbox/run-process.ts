import { spawn } from "node:child_process";

export interface ProcessResult {
  /** Exit code; 124 on timeout (as coreutils `timeout`), 128+n when killed by signal n. */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

export interface RunProcessOptions {
  readonly cwd?: string;
  readonly timeoutMs?: number;
  /** Written to stdin, which is then closed (console-producer needs an EOF to exit). */
  readonly input?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Aborting kills the process (SIGKILL); the result then has code 137. */
  readonly signal?: AbortSignal;
  /** Also copy output to our stdout/stderr as it arrives (a console consumer never "finishes"). */
  readonly echo?: boolean;
}

const SIGNAL_NUMBERS: Readonly<Record<string, number>> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/**
 * Runs a command to completion and captures its output. Async rather than
 * spawnSync so callers (tests, readiness polling) can run several at once and
 * keep their own timers alive.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: RunProcessOptions = {},
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill("SIGKILL");
          }, options.timeoutMs);

    const onAbort = (): void => {
      child.kill("SIGKILL");
    };
    if (options.signal?.aborted === true) onAbort();
    else options.signal?.addEventListener("abort", onAbort, { once: true });

    child.stdout.on("data", (chunk: Buffer) => {
      stdout.push(chunk);
      if (options.echo === true) process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr.push(chunk);
      if (options.echo === true) process.stderr.write(chunk);
    });
    child.on("error", (err) => {
      if (timer !== undefined) clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code, signal) => {
      if (timer !== undefined) clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      const signalCode = signal === null ? 1 : 128 + (SIGNAL_NUMBERS[signal] ?? 0);
      resolve({
        code: timedOut ? 124 : (code ?? signalCode),
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
        timedOut,
      });
    });
    // A tool that never reads stdin must not make us crash with EPIPE.
    child.stdin.on("error", () => undefined);
    child.stdin.end(options.input ?? "");
  });
}

export function lastLines(text: string, count: number): string {
  const lines = text.trimEnd().split("\n");
  return lines.slice(Math.max(0, lines.length - count)).join("\n");
}
