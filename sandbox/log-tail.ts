import fs from "node:fs";
import path from "node:path";
import type { NodeState } from "./cluster-state.js";
import { lastLines } from "./run-process.js";

function tailFile(file: string, lines: number): string | undefined {
  try {
    // Only the end matters and server.log can reach 10 MB.
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, "r");
    try {
      const length = Math.min(size, 64 * 1024);
      const buffer = Buffer.alloc(length);
      fs.readSync(fd, buffer, 0, length, size - length);
      return lastLines(buffer.toString("utf8"), lines);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/** Last lines of a node's server.log and JVM console output, for error messages. */
export function nodeLogTail(node: NodeState, lines = 25): string {
  const parts: string[] = [];
  for (const file of [path.join(node.logsDir, "server.log"), node.consoleLogFile]) {
    const tail = tailFile(file, lines);
    if (tail !== undefined && tail.trim() !== "") parts.push(`--- ${file} (last ${lines} lines) ---\n${tail}`);
  }
  return parts.length > 0 ? parts.join("\n") : `(no log output yet in ${node.logsDir})`;
}
