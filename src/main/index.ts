import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { app, BrowserWindow, session, shell, type IpcMainInvokeEvent } from 'electron';

import { composeApp, type ComposedApp } from './compose';
import { forwardEvents, registerIpcHandlers } from './electron/ipc';
import { hardenSession, lockNavigation } from './electron/security';
import { loadWindowState, saveWindowState } from './electron/window-state';
import { isAllowedExternalUrl } from './external-links';
import { NodeHidTransportProvider } from './ledger';
import { createLogger } from './logging';

const logger = createLogger('host');

// electron-vite sets this in development only; the packaged app always loads its own file.
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const rendererFile = join(__dirname, '../renderer/index.html');
const appUrl = devServerUrl ?? pathToFileURL(rendererFile).href;

function isAppUrl(url: string): boolean {
  if (devServerUrl !== undefined) {
    return new URL(url).origin === new URL(devServerUrl).origin;
  }
  return url.split('#')[0] === appUrl;
}

function isAppFrame(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

async function createMainWindow(composed: ComposedApp): Promise<BrowserWindow> {
  const userData = app.getPath('userData');
  const state = await loadWindowState(userData);

  const window = new BrowserWindow({
    ...state,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Ledger Stake Desk',
    webPreferences: {
      // The preload exposes only the contract methods and event subscription.
      preload: join(__dirname, '../preload/index.js'), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });

  if (state.maximized) {
    window.maximize();
  }
  lockNavigation(window, isAppUrl);
  const stopForwarding = forwardEvents(composed.bus, window.webContents);

  window.on('close', () => {
    const bounds = window.getNormalBounds();
    void saveWindowState(userData, { ...bounds, maximized: window.isMaximized() }).catch(
      (error: unknown) => logger.warn({ err: error }, 'could not save the window state'),
    );
  });
  window.on('closed', stopForwarding);
  window.once('ready-to-show', () => window.show());

  await window.loadURL(appUrl);
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession);

  const composed = await composeApp({
    info: { version: app.getVersion(), host: 'electron', demo: false },
    logger,
    dataDir: app.getPath('userData'),
    ledgerTransport: new NodeHidTransportProvider(),
    openExternal: async (url) => {
      if (!isAllowedExternalUrl(url)) {
        return false;
      }
      // Only https URLs of allowlisted block explorers reach this call.
      await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
      return true;
    },
  });
  registerIpcHandlers(composed.handlers, logger.child({ subsystem: 'api' }), isAppFrame);

  let mainWindow = await createMainWindow(composed);
  logger.info('app started');

  app.on('second-instance', () => {
    if (mainWindow.isMinimized()) {
      mainWindow.restore();
    }
    mainWindow.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) {
      void createMainWindow(composed).then((window) => {
        mainWindow = window;
      });
    }
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') {
      app.quit();
    }
  });
  app.on('before-quit', () => {
    void composed.close();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start().catch((error: unknown) => {
    logger.fatal({ err: error }, 'the app failed to start');
    app.exit(1);
  });
}
