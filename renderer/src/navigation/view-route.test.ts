import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTE, formatRoute, parseRoute, type ViewRoute } from './view-route';

describe('view route', () => {
  it('round-trips tab, cluster, selection, scopes and per-table state through the hash', () => {
    const route: ViewRoute = {
      tab: 'topics',
      cluster: 'prod eu',
      selected: 'orders.v2',
      partitions: 'under-replicated',
      brokers: [3, 7],
      cell: { leader: 1, follower: 2 },
      blast: { brokerId: 3, effect: 'underMinIsr' },
      tables: {
        topics: { sort: { id: 'size', desc: true }, filter: '/^ord(er)?s$/', view: 'cards' },
        partitions: { sort: { id: 'partition', desc: false }, filter: '', view: 'table' },
      },
    };
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('writes nothing for defaults', () => {
    expect(formatRoute(DEFAULT_ROUTE)).toBe('#/cluster');
  });

  it('falls back to defaults for an empty or foreign hash', () => {
    expect(parseRoute('')).toEqual(DEFAULT_ROUTE);
    expect(parseRoute('#/nowhere?parts=bogus&only=x&cell=1-2&blast=3:everything&v.topics=grid')).toEqual(DEFAULT_ROUTE);
  });

  it('keeps a filter containing ? and & intact', () => {
    const route = parseRoute(formatRoute({ ...DEFAULT_ROUTE, tables: { t: { sort: null, filter: 'a?b&c=d', view: 'table' } } }));
    expect(route.tables.t?.filter).toBe('a?b&c=d');
  });
});
