import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

  it('writes navigation and table changes back to the hash', () => {
    navigate({ tab: 'brokers', selected: null });
    updateTable('brokers', { filter: '/^kafka-1/', view: 'cards' });
    expect(window.location.hash).toBe('#/brokers?c=prod&q.brokers=%2F%5Ekafka-1%2F&v.brokers=cards&s.partitions=-size');
  });

  it('follows the picked cluster into the hash', () => {
    selectCluster('staging');
    expect(window.location.hash).toContain('c=staging');
  });

  it('takes a pasted or back-navigated hash as the truth', () => {
    window.location.hash = '#/correlation?c=prod&sel=3&cell=1%3E3';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(useRouteStore.getState().route).toMatchObject({ tab: 'correlation', selected: '3', cell: { leader: 1, follower: 3 } });
  });
});
