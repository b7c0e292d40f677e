import { ipcMain, type IpcMainEvent, type WebContents } from 'electron';
import { isShellLanguage, LANGUAGE_CHANNEL, type ShellLanguage } from '../../shared/api/shell.ts';

/**
 * The one message the page sends the shell outside the API: its interface language, so the
 * native menus follow the in-app switch. Checked like an API call: from the workbench window
 * showing the app's own page, and one of the known languages; anything else is ignored.
 */
export function registerShellIpc(isTrustedSender: (sender: WebContents, frameUrl: string | undefined) => boolean, onLanguage: (language: ShellLanguage) => void): void {
  ipcMain.on(LANGUAGE_CHANNEL, (event: IpcMainEvent, payload: unknown) => {
    if (!isTrustedSender(event.sender, event.senderFrame?.url)) return;
    if (!isShellLanguage(payload)) return;
    onLanguage(payload);
  });
}
