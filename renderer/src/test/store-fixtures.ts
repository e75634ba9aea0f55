import type { ClusterSnapshot } from '../../../shared/cluster-snapshot';
import type { ClusterStatus } from '../../../shared/cluster-status';
import { setCurrentApi } from '../api/current-api';
import { resetRouteStore } from '../navigation/route-store';
import { resetBackendStore, setBackendConnection } from '../state/backend-store';
import { resetBrokerHealthStore } from '../state/broker-health-store';
import { applyClusterStatus, resetClustersStore } from '../state/clusters-store';
import { localEngineClient, type EngineClient } from '../engine/engine-client';
import { setEngine, useEngineStore } from '../state/engine-store';
import { applyView, resetSnapshotStore } from '../state/snapshot-store';

export function clusterStatus(overrides: Partial<ClusterStatus> = {}): ClusterStatus {
  return {
    clusterKey: 'test',
    profileName: 'test',
    bootstrap: ['127.0.0.1:9092'],
    state: 'ok',
    intervalMs: 5000,
    lastSuccessAt: Date.now(),
    lastAttemptAt: Date.now(),
    lastError: null,
    consecutiveFailures: 0,
    nextPollAt: null,
    ...overrides,
  };
}

export function resetAllStores(): void {
  resetBackendStore();
  resetBrokerHealthStore();
  resetClustersStore();
  resetSnapshotStore();
  resetRouteStore();
  setCurrentApi(null);
  const engine = localEngineClient();
  engine.onView(applyView);
  setEngine(engine);
}

function currentEngine(): EngineClient {
  const engine = useEngineStore.getState().engine;
  if (engine === null) throw new Error('resetAllStores() starts the view engine; call it first');
  return engine;
}

/** A snapshot through the view engine (in-process here, a worker in the app) into the store. */
export function applySnapshot(snapshot: ClusterSnapshot): void {
  currentEngine().pushSnapshot(snapshot);
}

/** Feeds the stores exactly as the transport would: a status push, then a snapshot push. */
export function pushCluster(snapshot: ClusterSnapshot, status: Partial<ClusterStatus> = {}): void {
  setBackendConnection('connected');
  applyClusterStatus(clusterStatus({ clusterKey: snapshot.clusterKey, profileName: snapshot.profileName, ...status }));
  applySnapshot(snapshot);
}
