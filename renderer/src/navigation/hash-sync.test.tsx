import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { selectCluster, useClustersStore } from '../state/clusters-store';
import { resetAllStores } from '../test/store-fixtures';
import { installHashSync } from './hash-sync';
import { navigate, updateTable, useRouteStore } from './route-store';

describe('hash sync', () => {
  let uninstall: () => void = () => {};
  beforeEach(() => {
    resetAllStores();
    window.history.replaceState(null, '', '#/topics?c=prod&sel=orders&s.partitions=-size');
    uninstall = installHashSync(window);
  });
  afterEach(() => uninstall());

  it('restores tab, cluster, selection and sort from the URL at start-up', () => {
    expect(useRouteStore.getState().route).toMatchObject({ tab: 'topics', cluster: 'prod', selected: 'orders' });
    expect(useRouteStore.getState().route.tables.partitions?.sort).toEqual({ id: 'size', desc: true });
    expect(useClustersStore.getState().selectedClusterKey).toBe('prod');
  });

  it('writes navigation and table changes back to the hash', async () => {
    navigate({ tab: 'brokers', selected: null });
    expect(window.location.hash).toBe('#/brokers?c=prod&s.partitions=-size');
    updateTable('brokers', { filter: '/^kafka-1/', view: 'cards' });
    await vi.waitFor(() => expect(window.location.hash).toBe('#/brokers?c=prod&q.brokers=%2F%5Ekafka-1%2F&v.brokers=cards&s.partitions=-size'));
  });

  it('writes only the last of the table changes made in one task, and before the next navigation so Back returns to it', async () => {
    const before = window.history.length;
    for (const filter of ['o', 'or', 'ord']) updateTable('topics', { filter });
    navigate({ selected: 'payments' });
    expect(window.history.length).toBe(before + 1);
    expect(window.location.hash).toContain('sel=payments');
    window.history.back();
    await vi.waitFor(() => expect(window.location.hash).toContain('sel=orders'));
    expect(window.location.hash).toContain('q.topics=ord');
  });

  it('drops a table change still waiting when the URL moves under it', async () => {
    updateTable('topics', { filter: 'typed' });
    window.location.hash = '#/brokers?c=prod';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await Promise.resolve();
    expect(window.location.hash).toBe('#/brokers?c=prod');
    expect(useRouteStore.getState().route.tab).toBe('brokers');
  });

  it('follows the picked cluster into the hash', async () => {
    selectCluster('staging');
    await vi.waitFor(() => expect(window.location.hash).toContain('c=staging'));
  });

  it('takes a pasted or back-navigated hash as the truth', () => {
    window.location.hash = '#/correlation?c=prod&sel=3&cell=1%3E3';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(useRouteStore.getState().route).toMatchObject({ tab: 'correlation', selected: '3', cell: { leader: 1, follower: 3 } });
  });
});
