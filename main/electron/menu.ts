import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { COMMAND_CHANNEL, type AppCommand } from '../../shared/api/shell.ts';

/**
 * Native menus with the usual accelerators. Items that act on the workbench send a command to
 * the page, which runs the same code as its own buttons and keys.
 */
export function buildMenu(win: () => BrowserWindow | null, zh: boolean): Menu {
  const send = (command: AppCommand) => () => win()?.webContents.send(COMMAND_CHANNEL, command);
  const L = (cn: string, en: string) => (zh ? cn : en);
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: L('文件', 'File'),
      submenu: [
        { label: L('打开项目…', 'Open Project…'), accelerator: 'CmdOrCtrl+O', click: send('open-project') },
        { label: L('新建项目…', 'New Project…'), accelerator: 'CmdOrCtrl+Shift+N', click: send('new-project') },
        { type: 'separator' },
        { label: L('导出…', 'Export…'), accelerator: 'CmdOrCtrl+E', click: send('export') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', label: L('退出', 'Quit') },
      ],
    },
    {
      label: L('编辑', 'Edit'),
      submenu: [
        // Undo/redo act on annotations (the API's history), not on text fields.
        { label: L('撤销', 'Undo'), accelerator: 'CmdOrCtrl+Z', click: send('undo') },
        { label: L('重做', 'Redo'), accelerator: isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y', click: send('redo') },
        { type: 'separator' },
        { role: 'cut', label: L('剪切', 'Cut') },
        { role: 'copy', label: L('复制', 'Copy') },
        { role: 'paste', label: L('粘贴', 'Paste') },
        { role: 'selectAll', label: L('全选', 'Select All') },
        { type: 'separator' },
        { label: L('查找…', 'Find…'), accelerator: 'CmdOrCtrl+F', click: send('find') },
      ],
    },
    {
      label: L('视图', 'View'),
      submenu: [
        // Shown, not registered: the page handles these keys itself and leaves them to text fields.
        { label: L('下一个案例', 'Next Case'), accelerator: 'Alt+Down', registerAccelerator: false, click: send('next-case') },
        { label: L('上一个案例', 'Previous Case'), accelerator: 'Alt+Up', registerAccelerator: false, click: send('previous-case') },
        { type: 'separator' },
        { role: 'resetZoom', label: L('实际大小', 'Actual Size') },
        { role: 'zoomIn', label: L('放大', 'Zoom In') },
        { role: 'zoomOut', label: L('缩小', 'Zoom Out') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: L('全屏', 'Full Screen') },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }, { role: 'reload' as const }]),
      ],
    },
    {
      label: L('帮助', 'Help'),
      submenu: [
        // Not registered: a registered Shift+/ would take every "?" typed into a note.
        { label: L('键盘快捷键', 'Keyboard Shortcuts'), accelerator: 'Shift+/', registerAccelerator: false, click: send('shortcuts') },
        { label: L('关于 casebench', 'About casebench'), click: () => app.showAboutPanel() },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
