import { app, Menu, type BrowserWindow } from 'electron';
import { COMMAND_CHANNEL, type AppCommand, type ShellLanguage } from '../../shared/api/shell.ts';
import { menuTemplate } from './menu-template.ts';

/**
 * Native menus in the page's interface language (menu-template.ts). Items that act on the
 * workbench send a command to the page, which runs the same code as its own buttons and keys.
 */
export function buildMenu(win: () => BrowserWindow | null, language: ShellLanguage): Menu {
  const send = (command: AppCommand) => () => win()?.webContents.send(COMMAND_CHANNEL, command);
  return Menu.buildFromTemplate(menuTemplate(language, { isMac: process.platform === 'darwin', isPackaged: app.isPackaged, send, about: () => app.showAboutPanel() }));
}
