/**
 * The renderer's only door to the main process: one named API with the shared contract's
 * requests and events, never raw ipcRenderer. Channels outside the contract are refused here.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventChannel, isEventName, isRequestName, requestChannel } from '../../shared/ipc-channels';

contextBridge.exposeInMainWorld('brokerscope', {
  request(name: unknown, params: unknown): Promise<unknown> {
    if (!isRequestName(name)) return Promise.reject(new Error(`Unknown request "${String(name)}"`));
    return ipcRenderer.invoke(requestChannel(name), params);
  },
  subscribe(event: unknown, listener: (payload: unknown) => void): () => void {
    if (!isEventName(event)) throw new Error(`Unknown event "${String(event)}"`);
    const channel = eventChannel(event);
    const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
});
