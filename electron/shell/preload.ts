/**
 * The renderer's only door to the main process: one named API with the shared contract's
 * requests and events, never raw ipcRenderer. Channels outside the contract are refused here.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventChannel, isBinaryEvent, isEventName, isRequestName, requestChannel } from '../../shared/ipc-channels';
import { plainSnapshot, snapshotFromBytes } from '../../shared/snapshot-wire';

function listen(channel: string, deliver: (payload: unknown) => void): () => void {
  const handler = (_event: IpcRendererEvent, payload: unknown): void => deliver(payload);
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
}

contextBridge.exposeInMainWorld('brokerscope', {
  request(name: unknown, params: unknown): Promise<unknown> {
    if (!isRequestName(name)) return Promise.reject(new Error(`Unknown request "${String(name)}"`));
    return ipcRenderer.invoke(requestChannel(name), params);
  },
  subscribe(event: unknown, listener: (payload: unknown) => void): () => void {
    if (!isEventName(event)) throw new Error(`Unknown event "${String(event)}"`);
    // Binary events arrive as bytes (main.ts); an object listener gets them read, as plain data: a
    // read partition's offsets and size are getters, which the context bridge does not carry.
    const binary = isBinaryEvent(event);
    return listen(eventChannel(event), (payload) => listener(binary && payload instanceof Uint8Array ? plainSnapshot(snapshotFromBytes(payload)) : payload));
  },
  subscribeBytes(event: unknown, listener: (bytes: Uint8Array) => void): () => void {
    if (!isBinaryEvent(event)) throw new Error(`Event "${String(event)}" is not sent as bytes`);
    return listen(eventChannel(event), (payload) => {
      if (payload instanceof Uint8Array) listener(payload);
    });
  },
});
