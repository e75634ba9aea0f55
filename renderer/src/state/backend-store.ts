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

export function setBackendTransport(transport: BackendState['transport']): void {
  useBackendStore.setState({ transport });
}

export function resetBackendStore(): void {
  useBackendStore.setState(initialState, true);
}
