import type { BrokerscopeApi, Unsubscribe } from '../../../shared/api-contract';
import { applyClusterList, applyClusterStatus } from '../state/clusters-store';
import { applySnapshot } from '../state/snapshot-store';

/** Pushed events go straight to the store actions; no component is involved. */
export function connectStores(api: BrokerscopeApi): Unsubscribe {
  const unsubscribers = [api.subscribe('snapshot', applySnapshot), api.subscribe('clusterStatus', applyClusterStatus)];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

/**
 * Asks for the configured clusters and their latest snapshots. Web mode pushes these on connect
 * anyway; asking as well means the Electron bridge, which pushes only on the next poll, shows data at once.
 */
export async function loadInitialState(api: BrokerscopeApi): Promise<void> {
  const statuses = await api.request('listClusters', {});
  applyClusterList(statuses);
  await Promise.all(
    statuses.map(async (status) => {
      const snapshot = await api.request('getClusterSnapshot', { clusterKey: status.clusterKey });
      if (snapshot !== null) applySnapshot(snapshot);
    }),
  );
}
