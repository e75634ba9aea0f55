/**
 * What the renderer benchmark runs inside the page. These functions are sent to Chromium as source
 * text (page.addInitScript / page.evaluate), so they may use only their arguments and the page's
 * globals, reached through the types below: the tools' tsconfig has no DOM library.
 */

interface ProbeElement {
  readonly dataset: Record<string, string | undefined>;
  getAttribute(name: string): string | null;
  querySelector(selector: string): ProbeElement | null;
  click(): void;
  dispatchEvent(event: unknown): boolean;
}

interface ProbeWorker {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

export interface ProbeState {
  /** When each poll's view reached the page from the view engine's worker, before the app handled it. */
  readonly arrivals: { t: number; engineMs: number }[];
  readonly longTasks: { start: number; duration: number }[];
  /** Selector → the time of the first animation frame in which it matched an element. */
  readonly firstSeen: Record<string, number>;
  readonly watch: string[];
  /** rAF timestamps while recording, null otherwise. */
  frames: number[] | null;
}

interface ProbeWindow {
  __probe: ProbeState;
  Worker: new (url: unknown, options?: unknown) => ProbeWorker;
  PerformanceObserver: new (callback: (list: { getEntries(): { startTime: number; duration: number }[] }) => void) => {
    observe(options: { type: string; buffered: boolean }): void;
  };
  MessageChannel: new () => { port1: { onmessage: (() => void) | null }; port2: { postMessage(message: unknown): void } };
  Event: new (type: string, init: { bubbles: boolean }) => unknown;
  HTMLInputElement: { prototype: object };
  performance: { now(): number; memory?: { usedJSHeapSize: number; totalJSHeapSize: number } };
  requestAnimationFrame(callback: (time: number) => void): number;
  document: { querySelector(selector: string): ProbeElement | null };
  setTimeout(callback: () => void, ms: number): number;
}

/** Installed before the app's scripts: records view arrivals, long tasks and first appearances. */
export function installProbe(watch: string[]): void {
  const w = globalThis as unknown as ProbeWindow;
  const probe: ProbeState = { arrivals: [], longTasks: [], firstSeen: {}, watch, frames: null };
  w.__probe = probe;

  const NativeWorker = w.Worker;
  // Listening from the constructor puts this listener ahead of the app's onmessage handler.
  w.Worker = class extends (NativeWorker as unknown as new (url: unknown, options?: unknown) => ProbeWorker) {
    constructor(url: unknown, options?: unknown) {
      super(url, options);
      this.addEventListener('message', (event) => {
        const data = event.data as { type?: unknown; engineMs?: number } | null;
        if (data !== null && typeof data === 'object' && data.type === 'view') probe.arrivals.push({ t: w.performance.now(), engineMs: data.engineMs ?? Number.NaN });
      });
    }
  } as unknown as ProbeWindow['Worker'];

  try {
    new w.PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: the rAF gaps still tell the longest frame.
  }

  const onFrame = (time: number): void => {
    probe.frames?.push(time);
    for (const selector of probe.watch) {
      if (probe.firstSeen[selector] === undefined && w.document.querySelector(selector) !== null) probe.firstSeen[selector] = w.performance.now();
    }
    w.requestAnimationFrame(onFrame);
  };
  w.requestAnimationFrame(onFrame);
}

export type PageAction =
  | { readonly kind: 'click'; readonly selector: string }
  | { readonly kind: 'type'; readonly selector: string; readonly text: string };

export type PageCondition = { readonly selector: string; readonly attribute: string; readonly value: string };

/**
 * Runs one user action and returns the ms until the frame that shows its result has been painted.
 * A result already in the DOM when the action returns is painted by the next frame; one found at
 * an animation frame is painted by that same frame (its style, layout and paint follow the
 * callbacks). Either way a message posted from the frame's callbacks runs once that paint is done.
 */
export async function timeAction(args: { action: PageAction; until: PageCondition; timeoutMs: number }): Promise<number> {
  const w = globalThis as unknown as ProbeWindow;
  const { action, until } = args;
  const target = w.document.querySelector(action.selector);
  if (target === null) throw new Error(`no element ${action.selector}`);
  const met = (): boolean => w.document.querySelector(until.selector)?.getAttribute(until.attribute) === until.value;
  const frame = (): Promise<void> => new Promise((resolve) => w.requestAnimationFrame(() => resolve()));
  const afterPaint = (): Promise<void> =>
    new Promise((resolve) => {
      const channel = new w.MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    });

  const start = w.performance.now();
  if (action.kind === 'click') target.click();
  else {
    // React listens for input events and reads the value through the native setter's result.
    const setter = Object.getOwnPropertyDescriptor(w.HTMLInputElement.prototype, 'value')?.set;
    setter?.call(target, action.text);
    target.dispatchEvent(new w.Event('input', { bubbles: true }));
  }
  if (met()) await frame();
  while (!met()) {
    if (w.performance.now() - start > args.timeoutMs) throw new Error(`timed out waiting for ${until.selector}[${until.attribute}="${until.value}"]`);
    await frame();
  }
  await afterPaint();
  return w.performance.now() - start;
}

export function startFrames(): void {
  (globalThis as unknown as ProbeWindow).__probe.frames = [];
}

/** Stops recording and returns the gaps between consecutive frames (a gap is a frame's length). */
export function stopFrames(): number[] {
  const probe = (globalThis as unknown as ProbeWindow).__probe;
  const frames = probe.frames ?? [];
  probe.frames = null;
  const gaps: number[] = [];
  for (let i = 1; i < frames.length; i += 1) gaps.push((frames[i] as number) - (frames[i - 1] as number));
  return gaps;
}

export function probeState(): Omit<ProbeState, 'frames'> & { now: number } {
  const probe = (globalThis as unknown as ProbeWindow).__probe;
  return { arrivals: probe.arrivals, longTasks: probe.longTasks, firstSeen: probe.firstSeen, watch: probe.watch, now: (globalThis as unknown as ProbeWindow).performance.now() };
}

export function usedHeapBytes(): number {
  return (globalThis as unknown as ProbeWindow).performance.memory?.usedJSHeapSize ?? Number.NaN;
}
