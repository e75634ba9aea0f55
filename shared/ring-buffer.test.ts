import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer';

describe('RingBuffer', () => {
  it('keeps items in order until full', () => {
    const ring = new RingBuffer<number>(3);
    expect(ring.toArray()).toEqual([]);
    expect(ring.last()).toBeUndefined();
    ring.push(1);
    ring.push(2);
    expect(ring.toArray()).toEqual([1, 2]);
    expect(ring.last()).toBe(2);
    expect(ring.size).toBe(2);
  });

  it('overwrites the oldest item once full, so its size never grows past capacity', () => {
    const ring = new RingBuffer<number>(3);
    for (let i = 1; i <= 10_000; i += 1) ring.push(i);
    expect(ring.size).toBe(3);
    expect(ring.toArray()).toEqual([9_998, 9_999, 10_000]);
    expect(ring.last()).toBe(10_000);
  });

  it('takes the newest run of items that satisfy a condition', () => {
    const ring = new RingBuffer<number>(5);
    for (const n of [1, 7, 2, 8, 9, 10]) ring.push(n);
    expect(ring.takeLastWhile((n) => n > 5)).toEqual([8, 9, 10]);
    expect(ring.takeLastWhile((n) => n > 50)).toEqual([]);
  });

  it('clears', () => {
    const ring = new RingBuffer<string>(2);
    ring.push('a');
    ring.clear();
    expect(ring.size).toBe(0);
    ring.push('b');
    expect(ring.toArray()).toEqual(['b']);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new RingBuffer(0)).toThrow(/positive integer/);
    expect(() => new RingBuffer(1.5)).toThrow(/positive integer/);
  });
});
