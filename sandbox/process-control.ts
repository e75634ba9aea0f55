import fs from "node:fs";
import { PROCESS_MARKER_PROPERTY } from "./jvm-options.js";

const HAS_PROCFS = fs.existsSync("/proc/self/cmdline");

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * True when `pid` is a running process. A zombie counts as dead: a broker we
 * SIGKILLed from a long-lived test process stays a zombie until Node reaps it,
 * yet its ports and files are already released.
 */
export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM means it exists but belongs to someone else: alive, not ours.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
  if (!HAS_PROCFS) return true;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    return state !== "Z" && state !== "X";
  } catch {
    return false;
  }
}

function commandLine(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
  } catch {
    return undefined;
  }
}

/**
 * True when `pid` is alive and is the process we started with `marker`. Pids
 * are recycled, and signalling a stranger's process because a stale pid file
 * said so would be a nasty bug. Without /proc (macOS) only liveness is checked.
 */
export function isOurProcess(pid: number | null | undefined, marker: string): pid is number {
  if (pid === null || pid === undefined || !isPidAlive(pid)) return false;
  if (!HAS_PROCFS) return true;
  const cmd = commandLine(pid);
  return cmd !== undefined && cmd.includes(`-D${PROCESS_MARKER_PROPERTY}=${marker} `);
}

/**
 * Pids of live processes whose marker starts with `prefix` (Linux only). The
 * safety net for stop: catches JVMs whose pid never made it into cluster.json,
 * e.g. when a CLI run was interrupted between spawning and saving state.
 */
export function findProcessesByMarkerPrefix(prefix: string): number[] {
  if (!HAS_PROCFS) return [];
  const needle = `-D${PROCESS_MARKER_PROPERTY}=${prefix}`;
  const found: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    const cmd = commandLine(pid);
    if (cmd !== undefined && cmd.includes(needle) && isPidAlive(pid)) found.push(pid);
  }
  return found;
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ESRCH") throw err;
  }
}

export async function waitForExit(pids: readonly number[], timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  let alive = pids.filter(isPidAlive);
  while (alive.length > 0 && Date.now() < deadline) {
    await sleep(200);
    alive = alive.filter(isPidAlive);
  }
  return alive;
}

/**
 * SIGTERM, then SIGKILL whatever is still alive after `graceMs`. Returns the
 * pids that had to be killed, so callers can mention an unclean shutdown.
 */
export async function terminate(pids: readonly number[], graceMs: number): Promise<number[]> {
  for (const pid of pids) signal(pid, "SIGTERM");
  const stubborn = await waitForExit(pids, graceMs);
  for (const pid of stubborn) signal(pid, "SIGKILL");
  const survivors = await waitForExit(stubborn, 10_000);
  if (survivors.length > 0) throw new Error(`processes ${survivors.join(", ")} survived SIGKILL`);
  return stubborn;
}

export async function killNow(pid: number): Promise<void> {
  signal(pid, "SIGKILL");
  const survivors = await waitForExit([pid], 10_000);
  if (survivors.length > 0) throw new Error(`process ${pid} survived SIGKILL`);
}
