/**
 * Numbers with the time they were taken, in a fixed-size ring of two Float64Arrays: 16 bytes a
 * sample instead of an object each, because a probe keeps a window of them for every broker of
 * every cluster. Oldest samples are overwritten once full.
 */
export class TimedSamples {
  private readonly times: Float64Array;
  private readonly values: Float64Array;
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`Sample capacity must be a positive integer, got ${capacity}`);
    this.times = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  push(t: number, value: number): void {
    const end = (this.start + this.count) % this.capacity;
    this.times[end] = t;
    this.values[end] = value;
    if (this.count < this.capacity) this.count += 1;
    else this.start = (this.start + 1) % this.capacity;
  }

  /** Values taken after `cutoff`, oldest first (samples are pushed in time order). */
  valuesSince(cutoff: number): number[] {
    const out: number[] = [];
    for (let i = this.count - 1; i >= 0; i -= 1) {
      const index = (this.start + i) % this.capacity;
      if ((this.times[index] ?? 0) <= cutoff) break;
      out.push(this.values[index] ?? 0);
    }
    return out.reverse();
  }
}
