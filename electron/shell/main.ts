/**
 * The Electron shell: a window, the preload bridge and IPC wiring; everything else is the same
 * services web mode runs. The only folder that imports electron.
 */
import { app, BrowserWindow, ipcMain, shell } from 'electron';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ClusterSnapshot } from '../../shared/cluster-snapshot';
import { EVENT_NAMES, eventChannel, isBinaryEvent, REQUEST_NAMES, requestChannel } from '../../shared/ipc-channels';
import { snapshotToBytes } from '../../shared/snapshot-wire';
import { loadProfiles } from '../config/load-profiles';
import type { ClusterService } from '../services/cluster-service';
import { startClusterService } from '../services/start-services';

let service: ClusterService | null = null;

async function createWindow(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(app.isPackaged ? 1 : 2),
    options: { config: { type: 'string' }, cluster: { type: 'string', multiple: true } },
    strict: false,
  });
  const profiles = await loadProfiles({
    ...(typeof values.config === 'string' ? { configFile: values.config } : {}),
    clusters: (values.cluster ?? []).filter((c): c is string => typeof c === 'string'),
  });
  service = await startClusterService(profiles);

  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'Brokerscope',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  // The renderer is local files only: links open in the user's browser, never inside the app.
  window.webContents.setWindowOpenHandler(({ url }) => {
    void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());

  const running = service;
  for (const name of REQUEST_NAMES) {
    ipcMain.handle(requestChannel(name), (event, params: unknown) => {
      if (event.sender !== window.webContents) throw new Error('Request from an unknown window');
      return running.handle(name, params);
    });
  }
  const unsubscribe = running.subscribe((event, payload) => {
    if (window.isDestroyed() || !EVENT_NAMES.includes(event)) return;
    window.webContents.send(eventChannel(event), isBinaryEvent(event) ? snapshotToBytes(payload as ClusterSnapshot) : payload);
  });
  window.on('closed', unsubscribe);
  await window.loadFile(join(__dirname, '..', 'renderer', 'index.html'));
}

app.whenReady().then(createWindow, (error: unknown) => {
  process.stderr.write(`Brokerscope failed to start: ${String(error)}\n`);
  app.exit(1);
});

app.on('window-all-closed', () => {
  void service?.stop().finally(() => app.quit());
});
