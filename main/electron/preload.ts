import { contextBridge, ipcRenderer } from 'electron';
import type { ApiClient } from '../../shared/api/contract.ts';
import { buildClient } from '../../shared/api/client.ts';
import { ApiError, type ApiErrorCode } from '../../shared/api/api-error.ts';
import { channelOf } from '../../shared/api/methods.ts';
import { APP_COMMANDS, COMMAND_CHANNEL, isShellLanguage, LANGUAGE_CHANNEL, type AppCommand, type ShellBridge } from '../../shared/api/shell.ts';

/**
 * The preload of the sandboxed window: it exposes exactly the typed API (one function per
 * method, each bound to its own channel; no generic send), a way to hear menu commands, and one
 * message out: the page's language, for the native menus.
 * Nothing of Node or Electron reaches the page.
 */
const api = buildClient(async (method, input) => {
  const reply = (await ipcRenderer.invoke(channelOf(method), input)) as { ok: boolean; result?: unknown; error?: { code: ApiErrorCode; message: string } };
  if (!reply.ok) throw new ApiError(reply.error?.code ?? 'internal', reply.error?.message ?? 'IPC error');
  return reply.result as never;
}) satisfies ApiClient;

const shell: ShellBridge = {
  onCommand(listener) {
    const handler = (_event: unknown, command: unknown) => {
      if (typeof command === 'string' && (APP_COMMANDS as readonly string[]).includes(command)) listener(command as AppCommand);
    };
    ipcRenderer.on(COMMAND_CHANNEL, handler);
    return () => ipcRenderer.removeListener(COMMAND_CHANNEL, handler);
  },
  setLanguage(language) {
    if (isShellLanguage(language)) ipcRenderer.send(LANGUAGE_CHANNEL, language);
  },
};

contextBridge.exposeInMainWorld('casebench', api);
contextBridge.exposeInMainWorld('casebenchShell', shell);
