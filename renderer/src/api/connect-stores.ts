import type { BrokerscopeApi, Unsubscribe } from '../../../shared/api-contract';
import { applyBrokerHealth, applyHeartbeatStatus } from '../state/broker-health-store';
import { applyClusterList, applyClusterStatus } from '../state/clusters-store';
import type { EngineClient } from '../engine/engine-client';
import { applyView } from '../state/snapshot-store';

/**
 * Pushed events go straight to the store actions; no component is involved. Snapshots go to the
 * view engine (unless it takes them from the backend itself), and its views to the store.
 */
export function connectStores(api: BrokerscopeApi, engine: EngineClient): Unsubscribe {
  engine.onView(applyView);
  const unsubscribers = [
    ...(engine.ownsSnapshots ? [] : [subscribeSnapshots(api, engine)]),
    api.subscribe('clusterStatus', applyClusterStatus),
    api.subscribe('brokerHealth', applyBrokerHealth),
    api.subscribe('heartbeatStatus', applyHeartbeatStatus),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

/** Snapshots as bytes where the transport keeps them so (Electron), for the engine to read off the page. */
function subscribeSnapshots(api: BrokerscopeApi, engine: EngineClient): Unsubscribe {
  if (api.subscribeBytes !== undefined) return api.subscribeBytes('snapshot', (bytes) => engine.pushSnapshotBytes(bytes));
  return api.subscribe('snapshot', (snapshot) => engine.pushSnapshot(snapshot));
}

function warn(what: string): (error: unknown) => void {
  return (error) => console.warn(`Brokerscope: ${what} failed:`, error);
}

/**
 * Asks for the configured clusters and their latest snapshots. Web mode pushes these on connect,
 * so an engine that takes its own snapshots is not sent a second copy; the Electron bridge pushes
 * only on the next poll, so there the snapshot is asked for. Each cluster's requests fail on their
 * own: one bad cluster must not blank the others.
 */
export async function loadInitialState(api: BrokerscopeApi, engine: EngineClient): Promise<void> {
  const statuses = await api.request('listClusters', {});
  applyClusterList(statuses);
  await Promise.all(
    statuses.flatMap((status) => [
      ...(engine.ownsSnapshots
        ? []
        : [
            api
              .request('getClusterSnapshot', { clusterKey: status.clusterKey })
              .then((snapshot) => {
                if (snapshot !== null) engine.pushSnapshot(snapshot);
              })
              .catch(warn(`getClusterSnapshot(${status.clusterKey})`)),
          ]),
      api
        .request('getBrokerHealth', { clusterKey: status.clusterKey })
        .then((report) => {
          if (report !== null) applyBrokerHealth(report);
        })
        .catch(warn(`getBrokerHealth(${status.clusterKey})`)),
    ]),
  );
}
