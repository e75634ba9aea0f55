import { describe, expect, it } from 'vitest';
import { compileFilter } from './text-filter';

function matches(filter: string, value: string): boolean {
  const compiled = compileFilter(filter);
  if (compiled.kind === 'error') throw new Error(compiled.message);
  return compiled.kind === 'all' || compiled.test(value);
}

describe('compileFilter', () => {
  it('matches everything when empty', () => {
    expect(compileFilter('  ').kind).toBe('all');
  });

  it('matches substrings case-insensitively', () => {
    expect(matches('ORD', 'orders')).toBe(true);
    expect(matches('pay', 'orders')).toBe(false);
  });

  it('treats /…/ as a regular expression, with flags', () => {
    expect(matches('/^ord(er)?s$/', 'orders')).toBe(true);
    expect(matches('/^ord(er)?s$/', 'orders-dlq')).toBe(false);
    expect(matches('/^ORDERS$/i', 'orders')).toBe(true);
  });

  it('is not stateful with the g flag', () => {
    const compiled = compileFilter('/a/g');
    expect(compiled.kind === 'match' && [compiled.test('a'), compiled.test('a')]).toEqual([true, true]);
  });

  it('reports an invalid expression instead of throwing', () => {
    const compiled = compileFilter('/orders(/');
    expect(compiled.kind).toBe('error');
  });

  it('treats a lone slash as text', () => {
    expect(matches('/', 'a/b')).toBe(true);
  });
});
