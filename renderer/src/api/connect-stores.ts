import type { BrokerscopeApi, Unsubscribe } from '../../../shared/api-contract';
import { applyBrokerHealth, applyHeartbeatStatus } from '../state/broker-health-store';
import { applyClusterList, applyClusterStatus } from '../state/clusters-store';
import { applySnapshot } from '../state/snapshot-store';

/** Pushed events go straight to the store actions; no component is involved. */
export function connectStores(api: BrokerscopeApi): Unsubscribe {
  const unsubscribers = [
    api.subscribe('snapshot', applySnapshot),
    api.subscribe('clusterStatus', applyClusterStatus),
    api.subscribe('brokerHealth', applyBrokerHealth),
    api.subscribe('heartbeatStatus', applyHeartbeatStatus),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

function warn(what: string): (error: unknown) => void {
  return (error) => console.warn(`Brokerscope: ${what} failed:`, error);
}

/**
 * Asks for the configured clusters and their latest snapshots. Web mode pushes these on connect
 * anyway; asking as well means the Electron bridge, which pushes only on the next poll, shows data
 * at once. Each cluster's requests fail on their own: one bad cluster must not blank the others.
 */
export async function loadInitialState(api: BrokerscopeApi): Promise<void> {
  const statuses = await api.request('listClusters', {});
  applyClusterList(statuses);
  await Promise.all(
    statuses.flatMap((status) => [
      api
        .request('getClusterSnapshot', { clusterKey: status.clusterKey })
        .then((snapshot) => {
          if (snapshot !== null) applySnapshot(snapshot);
        })
        .catch(warn(`getClusterSnapshot(${status.clusterKey})`)),
      api
        .request('getBrokerHealth', { clusterKey: status.clusterKey })
        .then((report) => {
          if (report !== null) applyBrokerHealth(report);
        })
        .catch(warn(`getBrokerHealth(${status.clusterKey})`)),
    ]),
  );
}
