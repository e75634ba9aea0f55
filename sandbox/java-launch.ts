import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { classpathOptions, javaExecutable, markerOption } from "./jvm-options.js";
import { runProcess, type ProcessResult, type RunProcessOptions } from "./run-process.js";
import { SandboxError, errorMessage } from "./sandbox-error.js";

export interface JavaMain {
  readonly libsDir: string;
  readonly jvmOptions: readonly string[];
  readonly mainClass: string;
  readonly args: readonly string[];
}

function javaArgs(main: JavaMain, extraJvmOptions: readonly string[] = []): string[] {
  return [...main.jvmOptions, ...extraJvmOptions, ...classpathOptions(main.libsDir), main.mainClass, ...main.args];
}

function javaNotFound(err: unknown): SandboxError {
  return new SandboxError(
    "Could not start Java",
    javaExecutable(),
    `${errorMessage(err)} (Kafka needs JDK 17+ on PATH or in JAVA_HOME)`,
  );
}

/** Runs a Kafka main class to completion, capturing its output. */
export async function runJavaMain(
  main: JavaMain,
  options: Pick<RunProcessOptions, "timeoutMs" | "input" | "signal" | "echo"> = {},
): Promise<ProcessResult> {
  try {
    return await runProcess(javaExecutable(), javaArgs(main), options);
  } catch (err) {
    throw javaNotFound(err);
  }
}

export interface DetachedJava extends JavaMain {
  /** Tags the process so it can be recognised later; see jvm-options.ts. */
  readonly marker: string;
  /** Receives the JVM's stderr, and stdout unless `discardStdout` (appended). */
  readonly outputFile: string;
  /** For consumers whose stdout is the consumed records, not diagnostics. */
  readonly discardStdout?: boolean;
  readonly cwd: string;
}

/**
 * Starts a JVM that outlives the caller: its own process group (so Ctrl-C on
 * the CLI does not reach it), no pipes back to us (so our exit cannot
 * SIGPIPE it), output going straight to a file. Returns its pid.
 */
export function spawnDetachedJava(main: DetachedJava): Promise<number> {
  fs.mkdirSync(path.dirname(main.outputFile), { recursive: true });
  const out = fs.openSync(main.outputFile, "a");
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawn(javaExecutable(), javaArgs(main, [markerOption(main.marker)]), {
        cwd: main.cwd,
        detached: true,
        stdio: ["ignore", main.discardStdout === true ? "ignore" : out, out],
      });
    } catch (err) {
      fs.closeSync(out);
      reject(javaNotFound(err));
      return;
    }
    fs.closeSync(out);
    child.once("error", (err) => reject(javaNotFound(err)));
    child.once("spawn", () => {
      child.unref();
      if (child.pid === undefined) reject(javaNotFound(new Error("no pid after spawn")));
      else resolve(child.pid);
    });
  });
}
