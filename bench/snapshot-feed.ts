import type { ClusterSnapshot } from '../shared/cluster-snapshot';
import type { ClusterGateway } from '../electron/services/cluster-gateway';

/**
 * BENCHMARK INPUT, not a test double: a gateway that answers the real ClusterService's polls with
 * generated snapshots, so the renderer benchmark can run at a size no sandbox reaches. The first
 * poll is answered at once; every later poll waits until the benchmark calls push(), so a new
 * snapshot lands exactly when the measurement is ready for it.
 */
export class SnapshotFeed implements ClusterGateway {
  private next = 0;
  private waiting: ((snapshot: ClusterSnapshot) => void) | null = null;
  private queued = 0;
  private closed = false;
  polls = 0;

  /** Variants are served in turn, each stamped with the time it is served. */
  constructor(private variants: readonly ClusterSnapshot[]) {
    if (variants.length === 0) throw new Error('SnapshotFeed needs at least one snapshot');
  }

  /** From the next poll on, serves these in turn instead. */
  useVariants(variants: readonly ClusterSnapshot[]): void {
    if (variants.length === 0) throw new Error('SnapshotFeed needs at least one snapshot');
    this.variants = variants;
    this.next = 0;
  }

  poll(): Promise<ClusterSnapshot> {
    this.polls += 1;
    if (this.polls === 1 || this.closed) return Promise.resolve(this.serve());
    if (this.queued > 0) {
      this.queued -= 1;
      return Promise.resolve(this.serve());
    }
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  /** Lets the service's next poll return a fresh snapshot (now, or as soon as it asks). */
  push(): void {
    const waiting = this.waiting;
    if (waiting === null) {
      this.queued += 1;
      return;
    }
    this.waiting = null;
    waiting(this.serve());
  }

  async close(): Promise<void> {
    this.closed = true;
    this.push();
  }

  private serve(): ClusterSnapshot {
    const variant = this.variants[this.next % this.variants.length] as ClusterSnapshot;
    this.next += 1;
    return { ...variant, takenAt: Date.now() };
  }
}
