import { describe, expect, it } from 'vitest';
import { changedKeys } from './row-changes';

describe('changedKeys', () => {
  const key = (r: { id: string }) => r.id;
  const signature = (r: { isr: string }) => r.isr;

  it('reports rows whose signature changed and rows that are new', () => {
    const previous = [
      { id: 'a', isr: '1,2' },
      { id: 'b', isr: '1,2' },
      { id: 'gone', isr: '1' },
    ];
    const next = [
      { id: 'a', isr: '1,2' },
      { id: 'b', isr: '1' },
      { id: 'c', isr: '3' },
    ];
    expect([...changedKeys(previous, next, key, signature)]).toEqual(['b', 'c']);
  });
});
