import { selectCluster, useClustersStore } from '../state/clusters-store';
import { applyLocationHash, navigate, setHistoryWriter, useRouteStore, type HistoryMode } from './route-store';

/**
 * Keeps the URL hash, the route store and the selected cluster in step. The hash wins at start-up
 * and on Back/Forward; the stores win when the user acts in the page.
 */
export function installHashSync(target: Window): () => void {
  // Replacing writes (a sort, a keystroke in a filter) are made once the task's React render is
  // done, still in the same task: a history write costs a few milliseconds, which no longer stand
  // between the keystroke and the view engine's request for the rows.
  let pendingReplace: string | null = null;
  let scheduled = false;
  const write = (hash: string, mode: HistoryMode): void => {
    if (target.location.hash === hash) return;
    if (mode === 'push') target.history.pushState(null, '', hash);
    else target.history.replaceState(null, '', hash);
  };
  const flush = (): void => {
    const hash = pendingReplace;
    pendingReplace = null;
    if (hash !== null) write(hash, 'replace');
  };
  setHistoryWriter((hash, mode) => {
    if (mode === 'push') {
      // The entry being left keeps its last state, so Back returns to it as it was.
      flush();
      write(hash, 'push');
      return;
    }
    pendingReplace = hash;
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        flush();
      });
    }
  });

  const fromHash = (): void => {
    // The URL moved under us: a replace still waiting would overwrite where the user went.
    pendingReplace = null;
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
    flush();
    setHistoryWriter(null);
  };
}
