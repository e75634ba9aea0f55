import { create } from 'zustand';
import type { BrokerscopeApi } from '../../../shared/api-contract';

/**
 * The transport picked at start-up, for the few views that send requests (heartbeat controls,
 * latency history). Tests put a fake here; null until a transport exists.
 */
interface CurrentApiState {
  readonly api: BrokerscopeApi | null;
}

export const useCurrentApiStore = create<CurrentApiState>()(() => ({ api: null }));

export function setCurrentApi(api: BrokerscopeApi | null): void {
  useCurrentApiStore.setState({ api }, true);
}

export function useCurrentApi(): BrokerscopeApi | null {
  return useCurrentApiStore((s) => s.api);
}
