import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, session, shell, type WebContents } from 'electron';
import { createSampleProject, openProject } from '../services/open-project.ts';
import { RecentProjects } from '../services/recent-projects.ts';
import { FolderAccess } from '../services/folder-access.ts';
import { Workbench, type HostDialogs } from '../services/workbench.ts';
import { APP_ORIGIN, registerAppScheme, serveAppProtocol } from './app-protocol.ts';
import { isAppUrl } from './app-urls.ts';
import { registerIpc } from './ipc-bridge.ts';
import type { ShellLanguage } from '../../shared/api/shell.ts';
import { buildMenu } from './menu.ts';
import { languageOfLocale, MENU_TEXT } from './menu-template.ts';
import { registerShellIpc } from './shell-ipc.ts';
import { loadWindowState, trackWindowState } from './window-state.ts';

/**
 * The desktop shell. One window, sandboxed, context-isolated, without Node; it loads the app
 * from casebench://app/ (or the dev server in development), may not navigate or open windows,
 * and reaches the services only through the typed API over IPC, from trusted senders only.
 */
const RENDERER_DIR = join(import.meta.dirname, '../renderer');
const PRELOAD = join(import.meta.dirname, '../preload/index.cjs');
const DEV_URL = process.env.ELECTRON_RENDERER_URL;

registerAppScheme();
// A second instance hands over to the first and stops here: it must not open the project too.
const firstInstance = app.requestSingleInstanceLock();
if (!firstInstance) app.quit();

let win: BrowserWindow | null = null;
let workbench: Workbench | null = null;
// The language of the native menus and dialogs: the system's until the page says which it uses.
let language: ShellLanguage = 'zh-CN';

function setMenuLanguage(next: ShellLanguage): void {
  language = next;
  Menu.setApplicationMenu(buildMenu(() => win, next));
}

const dialogs: HostDialogs = {
  // Also how a folder typed in the page is confirmed: the page cannot open or create a project in
  // a folder the person did not choose here (or open before: the recent projects).
  async chooseFolder(purpose, defaultPath) {
    const result = await dialog.showOpenDialog(win!, {
      title: purpose === 'open' ? MENU_TEXT[language].openFolder : MENU_TEXT[language].newFolder,
      ...(defaultPath ? { defaultPath } : {}),
      properties: ['openDirectory', 'createDirectory'],
    });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
};

/** The project to open: the last one, or on first run the bundled corpus in a project of its own. */
async function startingProject(recent: RecentProjects) {
  for (const p of await recent.list()) {
    if (existsSync(join(p.dir, 'casebench.json'))) return openProject(p.dir);
  }
  const sample = join(app.getPath('userData'), 'sample-project');
  if (existsSync(join(sample, 'casebench.json'))) return openProject(sample);
  return createSampleProject(sample, '样例语料 Sample corpus');
}

/** The app's pages, by origin (see app-urls.ts): "http://localhost:5173.evil" is not the dev server. */
const appPage = (url: string) => isAppUrl(url, { devUrl: DEV_URL, packaged: app.isPackaged });

function isTrustedSender(sender: WebContents, frameUrl: string | undefined): boolean {
  if (!win || sender !== win.webContents || !frameUrl) return false;
  return appPage(frameUrl);
}

async function createWindow(): Promise<void> {
  const state = loadWindowState(app.getPath('userData'));
  win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width ?? 1440,
    height: state.height ?? 900,
    minWidth: 960,
    minHeight: 600,
    title: 'casebench',
    show: false,
    backgroundColor: '#f6f5f1',
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  if (state.maximized) win.maximize();
  trackWindowState(win, app.getPath('userData'));
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => (win = null));
  await win.loadURL(DEV_URL && !app.isPackaged ? DEV_URL : `${APP_ORIGIN}/index.html`);
}

app.on('web-contents-created', (_event, contents) => {
  // No navigation away from the app, no new windows, no webviews. Web links open in the browser.
  contents.on('will-navigate', (event, url) => {
    if (!appPage(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!appPage(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

app.on('second-instance', () => {
  if (win?.isMinimized()) win.restore();
  win?.focus();
});

app.on('window-all-closed', () => {
  void workbench?.service.store.flush().finally(() => app.quit());
});

// Quit only once the store has flushed (and taken its last backups): the first before-quit is
// held, the flush awaited, then the app quits for real.
let flushedForQuit = false;
app.on('before-quit', (event) => {
  if (flushedForQuit || !workbench) return;
  event.preventDefault();
  void workbench.service.store
    .flush()
    .catch(() => undefined)
    .finally(() => {
      flushedForQuit = true;
      app.quit();
    });
});

if (firstInstance) void app.whenReady().then(async () => {
  // The page asks for nothing: camera, notifications, geolocation and the rest are refused.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.setAboutPanelOptions({ applicationName: 'casebench', applicationVersion: app.getVersion(), copyright: 'casebench maintainers' });
  serveAppProtocol(RENDERER_DIR);
  const recent = new RecentProjects(join(app.getPath('userData'), 'recent-projects.json'));
  // The recent projects were each opened by the person (chosen in the dialog, or the sample).
  const access = new FolderAccess(async () => (await recent.list()).map((p) => p.dir));
  workbench = new Workbench(await startingProject(recent), recent, { dialogs, access });
  registerIpc(() => workbench!.handlers, isTrustedSender);
  // The page says its language when it loads and whenever the in-app switch changes it.
  registerShellIpc(isTrustedSender, (next) => {
    if (next !== language) setMenuLanguage(next);
  });
  setMenuLanguage(languageOfLocale(app.getLocale()));
  await createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
});
