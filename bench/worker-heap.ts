import type { Browser } from 'playwright-core';

/**
 * The view engine worker's JS heap after a garbage collection, through the DevTools protocol
 * (workers have no performance.memory); null when the page has no worker.
 */
export async function workerHeapBytes(browser: Browser): Promise<number | null> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string }[] };
    const worker = targetInfos.find((t) => t.type === 'worker');
    if (worker === undefined) return null;
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as { sessionId: string };
    const call = (id: number, method: string): Promise<string> =>
      new Promise((resolve) => {
        cdp.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
          if ((JSON.parse(event.message) as { id?: number }).id === id) resolve(event.message);
        });
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      });
    await call(1, 'HeapProfiler.collectGarbage');
    const usage = JSON.parse(await call(2, 'Runtime.getHeapUsage')) as { result?: { usedSize?: number } };
    return usage.result?.usedSize ?? null;
  } finally {
    await cdp.detach();
  }
}
