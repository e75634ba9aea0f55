import net from "node:net";
import { sleep } from "./process-control.js";

export const SANDBOX_HOST = "127.0.0.1";

/** True when something accepts TCP connections on host:port. */
export function isPortListening(port: number, host: string = SANDBOX_HOST, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (listening: boolean): void => {
      socket.destroy();
      resolve(listening);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** Ports among `ports` that still accept connections after waiting up to `timeoutMs`. */
export async function waitForPortsFree(ports: readonly number[], timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const busy: number[] = [];
    for (const port of ports) if (await isPortListening(port)) busy.push(port);
    if (busy.length === 0 || Date.now() >= deadline) return busy;
    await sleep(250);
  }
}
