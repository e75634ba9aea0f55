import { selectCluster, useClustersStore } from '../state/clusters-store';
import { applyLocationHash, navigate, setHistoryWriter, useRouteStore, type HistoryMode } from './route-store';

/** How long a replacing write waits for the next one (typing), at most. */
export const REPLACE_DELAY_MS = 100;

/**
 * Keeps the URL hash, the route store and the selected cluster in step. The hash wins at start-up
 * and on Back/Forward; the stores win when the user acts in the page.
 */
export function installHashSync(target: Window): () => void {
  // Replacing writes (a sort, each keystroke of a filter) are written a moment later, the last one
  // only: a history write costs the page a few milliseconds, on the path from keystroke to rows.
  let pendingReplace: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = (hash: string, mode: HistoryMode): void => {
    if (target.location.hash === hash) return;
    if (mode === 'push') target.history.pushState(null, '', hash);
    else target.history.replaceState(null, '', hash);
  };
  const flush = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const hash = pendingReplace;
    pendingReplace = null;
    if (hash !== null) write(hash, 'replace');
  };
  const cancel = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pendingReplace = null;
  };
  setHistoryWriter((hash, mode) => {
    if (mode === 'push') {
      // The entry being left keeps its last state, so Back returns to it as it was.
      flush();
      write(hash, 'push');
      return;
    }
    pendingReplace = hash;
    timer ??= setTimeout(flush, REPLACE_DELAY_MS);
  });

  const fromHash = (): void => {
    // The URL moved under us: a replace still waiting would overwrite where the user went.
    cancel();
    applyLocationHash(target.location.hash);
    const cluster = useRouteStore.getState().route.cluster;
    if (cluster !== null && cluster !== useClustersStore.getState().selectedClusterKey) selectCluster(cluster);
  };
  fromHash();
  target.addEventListener('popstate', fromHash);
  target.addEventListener('hashchange', fromHash);
  target.addEventListener('pagehide', flush);

  const unsubscribe = useClustersStore.subscribe((state, previous) => {
    const key = state.selectedClusterKey;
    if (key !== previous.selectedClusterKey && key !== useRouteStore.getState().route.cluster) navigate({ cluster: key }, 'replace');
  });

  return () => {
    unsubscribe();
    target.removeEventListener('popstate', fromHash);
    target.removeEventListener('hashchange', fromHash);
    target.removeEventListener('pagehide', flush);
    flush();
    setHistoryWriter(null);
  };
}
