/**
 * The renderer's only door to the main process: one named API with the shared contract's
 * requests and events, never raw ipcRenderer. Channels outside the contract are refused here.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventChannel, isEventName, isRequestName, isTextEvent, requestChannel } from '../../shared/ipc-channels';

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
    // Text events arrive as JSON text (main.ts); an object listener gets them parsed.
    const text = isTextEvent(event);
    return listen(eventChannel(event), (payload) => listener(text && typeof payload === 'string' ? JSON.parse(payload) : payload));
  },
  subscribeText(event: unknown, listener: (json: string) => void): () => void {
    if (!isTextEvent(event)) throw new Error(`Event "${String(event)}" is not sent as text`);
    return listen(eventChannel(event), (payload) => {
      if (typeof payload === 'string') listener(payload);
    });
  },
});
