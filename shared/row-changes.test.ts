import { describe, expect, it } from 'vitest';
import { changeDetector, changedKeys } from './row-changes';

describe('row changes', () => {
  const key = (r: { id: string }) => r.id;
  const same = (a: { isr: string }, b: { isr: string }) => a.isr === b.isr;

  it('reports rows whose state changed and rows that are new', () => {
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
    expect([...changedKeys(previous, next, key, same)]).toEqual(['b', 'c']);
  });

  it('finds a row that moved to another position', () => {
    const isChanged = changeDetector([{ id: 'a', isr: '1' }, { id: 'b', isr: '2' }], key, same);
    expect(isChanged({ id: 'b', isr: '2' }, 0)).toBe(false);
    expect(isChanged({ id: 'a', isr: '9' }, 5)).toBe(true);
  });
});
