import type { ClusterSnapshot } from '../../shared/cluster-snapshot';
import type { ClusterStatus, ConnectionState } from '../../shared/cluster-status';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { systemClock, type Clock } from './clock';

export interface PollerListener {
  onSnapshot(snapshot: ClusterSnapshot): void;
  onStatus(status: ClusterStatus): void;
}

export interface PollerOptions {
  readonly clusterKey: string;
  readonly profileName: string;
  readonly bootstrap: readonly string[];
  readonly intervalMs: number;
  readonly backoff?: BackoffOptions;
  readonly clock?: Clock;
  readonly random?: () => number;
}

/**
 * Polls one cluster for as long as it runs. Cycles are chained (the next is scheduled only when the
 * previous one finished), so a slow cluster never gets overlapping polls; while the cluster is
 * unreachable the delay grows exponentially with jitter, and the first success goes back to the interval.
 */
export class ClusterPoller {
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly backoff: BackoffOptions;
  private running = false;
  private timer: unknown = null;
  private inFlight: Promise<void> | null = null;
  private status: ClusterStatus;

  constructor(
    private readonly pollOnce: () => Promise<ClusterSnapshot>,
    private readonly listener: PollerListener,
    private readonly options: PollerOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.status = {
      clusterKey: options.clusterKey,
      profileName: options.profileName,
      bootstrap: options.bootstrap,
      state: 'stopped',
      intervalMs: options.intervalMs,
      lastSuccessAt: null,
      lastAttemptAt: null,
      lastError: null,
      consecutiveFailures: 0,
      nextPollAt: null,
    };
  }

  get currentStatus(): ClusterStatus {
    return this.status;
  }

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) throw new Error(`Poller for cluster "${this.options.profileName}" is already running`);
    this.running = true;
    this.update({ state: 'connecting', nextPollAt: this.clock.now() });
    this.schedule(0);
  }

  /** Stops polling and waits for a cycle in flight, so nothing is pushed after stop returns. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    await this.inFlight;
    this.update({ state: 'stopped', nextPollAt: null });
  }

  private schedule(delayMs: number): void {
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.inFlight = this.cycle();
    }, delayMs);
  }

  private async cycle(): Promise<void> {
    const startedAt = this.clock.now();
    let delay: number;
    try {
      const snapshot = await this.pollOnce();
      if (!this.running) return;
      this.listener.onSnapshot(snapshot);
      delay = this.options.intervalMs;
      this.update({
        state: 'ok',
        lastAttemptAt: startedAt,
        lastSuccessAt: snapshot.takenAt,
        lastError: null,
        consecutiveFailures: 0,
        nextPollAt: this.clock.now() + delay,
      });
    } catch (error) {
      if (!this.running) return;
      const failures = this.status.consecutiveFailures + 1;
      delay = backoffDelay(failures, this.backoff, this.random);
      const state: ConnectionState = 'unreachable';
      this.update({
        state,
        lastAttemptAt: startedAt,
        lastError: error instanceof Error ? error.message : String(error),
        consecutiveFailures: failures,
        nextPollAt: this.clock.now() + delay,
      });
    } finally {
      this.inFlight = null;
    }
    if (this.running) this.schedule(delay);
  }

  private update(patch: Partial<ClusterStatus>): void {
    this.status = { ...this.status, ...patch };
    this.listener.onStatus(this.status);
  }
}
