import { create } from 'zustand';
import type { BackendConnection } from '../api/websocket-api';

interface BackendState {
  readonly connection: BackendConnection;
  /** What the transport said about the last disconnect, if anything. */
  readonly detail: string | null;
  readonly transport: 'electron' | 'websocket' | 'none';
}

const initialState: BackendState = { connection: 'connecting', detail: null, transport: 'none' };

export const useBackendStore = create<BackendState>()(() => initialState);

export function setBackendConnection(connection: BackendConnection, detail: string | null = null): void {
  useBackendStore.setState({ connection, detail });
}

export interface LinkState {
  readonly connection: BackendConnection;
  readonly detail: string | null;
}

/**
 * Web mode has two connections: the page's (statuses, health, requests) and the view engine's
 * (snapshots). The page is only as connected as the worse of them: with the snapshot stream down the
 * views would freeze while the statuses kept saying the polls succeed.
 */
export function combinedConnection(page: LinkState, snapshots: LinkState): LinkState {
  const rank: Record<BackendConnection, number> = { connected: 0, connecting: 1, disconnected: 2 };
  if (rank[snapshots.connection] > rank[page.connection]) {
    return { connection: snapshots.connection, detail: `snapshot stream: ${snapshots.detail ?? snapshots.connection}` };
  }
  return page;
}

export function setBackendTransport(transport: BackendState['transport']): void {
  useBackendStore.setState({ transport });
}

export function resetBackendStore(): void {
  useBackendStore.setState(initialState, true);
}
