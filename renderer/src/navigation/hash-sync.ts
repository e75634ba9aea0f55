import { selectCluster, useClustersStore } from '../state/clusters-store';
import { applyLocationHash, navigate, setHistoryWriter, useRouteStore } from './route-store';

/**
 * Keeps the URL hash, the route store and the selected cluster in step. The hash wins at start-up
 * and on Back/Forward; the stores win when the user acts in the page.
 */
export function installHashSync(target: Window): () => void {
  setHistoryWriter((hash, mode) => {
    if (target.location.hash === hash) return;
    if (mode === 'push') target.history.pushState(null, '', hash);
    else target.history.replaceState(null, '', hash);
  });

  const fromHash = (): void => {
    applyLocationHash(target.location.hash);
    const cluster = useRouteStore.getState().route.cluster;
    if (cluster !== null && cluster !== useClustersStore.getState().selectedClusterKey) selectCluster(cluster);
  };
  fromHash();
  target.addEventListener('popstate', fromHash);
  target.addEventListener('hashchange', fromHash);

  const unsubscribe = useClustersStore.subscribe((state, previous) => {
    const key = state.selectedClusterKey;
    if (key !== previous.selectedClusterKey && key !== useRouteStore.getState().route.cluster) navigate({ cluster: key }, 'replace');
  });

  return () => {
    unsubscribe();
    target.removeEventListener('popstate', fromHash);
    target.removeEventListener('hashchange', fromHash);
    setHistoryWriter(null);
  };
}
