import type { ClusterSnapshot } from '../../../shared/cluster-snapshot';
import { snapshotFromBytes } from '../../../shared/snapshot-wire';
import type { BackendConnection } from '../api/websocket-api';
import type { TopicRow } from '../../../shared/topic-rows';
import type { ClusterView, SnapshotHead } from './cluster-view';
import { topicRowsPart, type EngineAnswer, type EngineRequest, type FromEngine, type RowsWindow, type ToEngine, type ViewPartKey } from './engine-protocol';
import { ViewEngine } from './view-engine';

/** The page's handle on the view engine, wherever it runs. */
export interface EngineClient {
  /** True when the engine takes snapshots from the backend itself (web mode, in its worker). */
  readonly ownsSnapshots: boolean;
  /** Hands the engine a snapshot the page received (the Electron bridge, or no worker). */
  pushSnapshot(snapshot: ClusterSnapshot): void;
  /** The same, as bytes the page never reads (the Electron bridge's snapshot event). */
  pushSnapshotBytes(bytes: Uint8Array): void;
  ask<R extends EngineRequest>(request: R): Promise<EngineAnswer<R>>;
  /** Every new view the engine computes. */
  onView(listener: (view: ClusterView) => void): void;
  /** The state of the engine's own snapshot connection, when it has one. */
  onConnection(listener: (connection: BackendConnection, detail: string | null) => void): void;
}

/** The engine in this thread: tests, and pages where a worker cannot start. */
export function localEngineClient(engine = new ViewEngine()): EngineClient {
  const listeners: ((view: ClusterView) => void)[] = [];
  const push = (snapshot: ClusterSnapshot): void => {
    const view = engine.applySnapshot(snapshot);
    if (view !== null) for (const listener of listeners) listener(view);
  };
  return {
    ownsSnapshots: false,
    pushSnapshot: push,
    pushSnapshotBytes: (bytes) => push(snapshotFromBytes(bytes)),
    ask: (request) => Promise.resolve().then(() => engine.answer(request)),
    onView(listener) {
      listeners.push(listener);
    },
    onConnection: () => undefined,
  };
}

/** A view as its last message carries it: everything but the parts sent ahead. */
type ViewRest = Omit<ClusterView, 'topicRows' | 'matrix' | 'snapshot'> & { readonly snapshot: Omit<SnapshotHead, 'topics'> };

/**
 * A part of a view as it came, parsed the first time the page reads it. A page showing the
 * partitions table never reads the topic rows, the topic heads or the matrix (about 25 ms of
 * parsing and 20,000 objects per poll at 100,000 partitions), so it never parses them.
 */
class ViewPart {
  private value: unknown;
  private parsed = false;

  constructor(private readonly json: string) {}

  /** Whether the page has read it: then the same part of the next view is read as soon as it comes. */
  get wasRead(): boolean {
    return this.parsed;
  }

  read(): unknown {
    if (!this.parsed) {
      this.value = JSON.parse(this.json);
      this.parsed = true;
    }
    return this.value;
  }
}

/** The view from its rest and the cluster's latest parts, read when first used; null when a part never came. */
function assembleView(rest: ViewRest, parts: ReadonlyMap<ViewPartKey, ViewPart> | undefined, topicRowSlices: number): ClusterView | null {
  const topics = parts?.get('topicHeads');
  const matrix = parts?.get('matrix');
  const slices: ViewPart[] = [];
  for (let slice = 0; slice < topicRowSlices; slice += 1) {
    const rows = parts?.get(topicRowsPart(slice));
    if (rows === undefined) return null;
    slices.push(rows);
  }
  if (topics === undefined || matrix === undefined) return null;
  let topicRows: readonly TopicRow[] | undefined;
  return {
    ...rest,
    snapshot: {
      ...rest.snapshot,
      get topics() {
        return topics.read() as SnapshotHead['topics'];
      },
    },
    get topicRows() {
      topicRows ??= slices.flatMap((slice) => slice.read() as readonly TopicRow[]);
      return topicRows;
    },
    get matrix() {
      return matrix.read() as ClusterView['matrix'];
    },
  };
}

interface Pending {
  readonly resolve: (value: never) => void;
  readonly reject: (error: Error) => void;
  /** For a rows request, its query as text: an answer sent ahead for the same query settles it. */
  readonly rowsKey: string | null;
}

/** Whether the page is drawing frames: not when hidden (a background tab, a minimised window). */
const drawsFrames = (): boolean => typeof document !== 'undefined' && !document.hidden && typeof requestAnimationFrame === 'function';

/**
 * Runs `work` once the page has drawn its next frame, so work queued behind it gets a frame of its
 * own; or soon, if the page is hidden meanwhile and draws none.
 */
function afterNextFrame(work: () => void): void {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    work();
  };
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 250);
}

/**
 * The engine in a worker. Given a snapshot WebSocket URL, the worker connects and parses snapshots
 * itself; the page's main thread never holds one.
 *
 * Its messages are handled in the order they came. A part of a view is kept as text until the page
 * reads it; one the page read in the cluster's previous view is read as it comes. Reading a part
 * (5–17 ms each at 100,000 partitions) and showing a view each get a frame of their own once the
 * cluster shows a view and the page is drawing: handled as they arrived, a poll's parts were read
 * back to back and the frame that followed them ran 50–90 ms.
 */
export function workerEngineClient(worker: Worker, snapshotSocketUrl: string | null): EngineClient {
  const listeners: ((view: ClusterView) => void)[] = [];
  const connectionListeners: ((connection: BackendConnection, detail: string | null) => void)[] = [];
  const pending = new Map<number, Pending>();
  let nextId = 1;
  const send = (message: ToEngine, transfer: Transferable[] = []): void => worker.postMessage(message, transfer);
  // The latest of each part of each cluster's views.
  const parts = new Map<string, Map<ViewPartKey, ViewPart>>();
  // Rows the engine answered ahead for the latest view, by query, until a table asks for them.
  const ahead = new Map<string, RowsWindow>();
  // Clusters whose view the page shows: from then on, a view's parts are read a frame at a time.
  const shown = new Set<string>();

  /** Handles one message; true when it parsed a part or showed a view of a cluster already shown. */
  function handle(message: FromEngine): boolean {
    if (message.type === 'connection') {
      for (const listener of connectionListeners) listener(message.connection, message.detail);
      return false;
    }
    if (message.type === 'rows-ahead') {
      const key = JSON.stringify(message.query);
      let taken = false;
      for (const [id, entry] of pending) {
        if (entry.rowsKey !== key) continue;
        pending.delete(id);
        entry.resolve(message.answer as never);
        taken = true;
      }
      if (!taken) ahead.set(key, message.answer);
      return false;
    }
    if (message.type === 'view-part') {
      let cluster = parts.get(message.clusterKey);
      if (cluster === undefined) parts.set(message.clusterKey, (cluster = new Map()));
      const part = new ViewPart(message.json);
      const wanted = cluster.get(message.part)?.wasRead === true;
      cluster.set(message.part, part);
      if (!wanted) return false;
      part.read();
      return shown.has(message.clusterKey);
    }
    if (message.type === 'view') {
      const rest = JSON.parse(message.json) as ViewRest;
      const { clusterKey } = rest.snapshot;
      const view = assembleView(rest, parts.get(clusterKey), message.topicRowSlices);
      if (view === null) {
        console.warn(`Brokerscope: view ${message.version} of cluster "${clusterKey}" arrived without its parts; waiting for the next poll`);
        return false;
      }
      ahead.clear();
      for (const listener of listeners) listener(view);
      const paced = shown.has(clusterKey);
      shown.add(clusterKey);
      return paced;
    }
    const entry = pending.get(message.id);
    if (entry !== undefined) {
      pending.delete(message.id);
      if (message.ok) entry.resolve(message.answer as never);
      else entry.reject(new Error(message.error));
    }
    return false;
  }

  // Messages that came while the page waited for a frame after a part or a view.
  const queue: FromEngine[] = [];
  let waiting = false;
  function drain(): void {
    waiting = false;
    while (queue.length > 0) {
      // A hidden page reads on without waiting: it draws no frames, and its timers are throttled.
      if (handle(queue.shift() as FromEngine) && drawsFrames()) {
        waiting = true;
        afterNextFrame(drain);
        return;
      }
    }
  }
  worker.onmessage = (event: MessageEvent<FromEngine>) => {
    queue.push(event.data);
    if (!waiting) drain();
  };
  if (snapshotSocketUrl !== null) send({ type: 'connect', url: snapshotSocketUrl });
  return {
    ownsSnapshots: snapshotSocketUrl !== null,
    pushSnapshot: (snapshot) => send({ type: 'snapshot', snapshot }),
    pushSnapshotBytes: (bytes) => {
      // Handed over, not copied: the page keeps nothing of it.
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      const buffer = whole ? (bytes.buffer as ArrayBuffer) : new Uint8Array(bytes).buffer;
      send({ type: 'snapshot-bytes', bytes: buffer }, [buffer]);
    },
    ask<R extends EngineRequest>(request: R): Promise<EngineAnswer<R>> {
      const id = nextId;
      nextId += 1;
      const rowsKey = request.kind === 'rows' ? JSON.stringify(request.query) : null;
      const answered = rowsKey === null ? undefined : ahead.get(rowsKey);
      if (rowsKey !== null && answered !== undefined) {
        ahead.delete(rowsKey);
        // Still sent, unawaited: the engine answers ahead only for tables that keep asking.
        send({ type: 'request', id, request });
        return Promise.resolve(answered as EngineAnswer<R>);
      }
      return new Promise<EngineAnswer<R>>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: never) => void, reject, rowsKey });
        send({ type: 'request', id, request });
      });
    },
    onView(listener) {
      listeners.push(listener);
    },
    onConnection(listener) {
      connectionListeners.push(listener);
    },
  };
}

/** The worker when the page can start one, the engine in-thread otherwise. */
export function startEngine(snapshotSocketUrl: string | null): EngineClient {
  try {
    const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'brokerscope-view-engine' });
    return workerEngineClient(worker, snapshotSocketUrl);
  } catch (error) {
    console.warn('Brokerscope: the view engine runs on the page (no worker):', error);
    return localEngineClient();
  }
}
