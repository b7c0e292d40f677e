import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand, ShellLanguage } from '../../shared/api/shell.ts';

/** Every word of the native menus and dialogs, per interface language. */
export const MENU_TEXT = {
  'zh-CN': {
    file: '文件',
    openProject: '打开项目…',
    newProject: '新建项目…',
    export: '导出…',
    quit: '退出',
    closeWindow: '关闭窗口',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    find: '查找…',
    view: '视图',
    nextCase: '下一个案例',
    previousCase: '上一个案例',
    actualSize: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullScreen: '全屏',
    devTools: '开发者工具',
    reload: '重新加载',
    help: '帮助',
    shortcuts: '键盘快捷键',
    about: '关于 casebench',
    services: '服务',
    hide: '隐藏 casebench',
    hideOthers: '隐藏其他',
    showAll: '全部显示',
    quitMac: '退出 casebench',
    openFolder: '打开项目',
    newFolder: '新建项目',
  },
  en: {
    file: 'File',
    openProject: 'Open Project…',
    newProject: 'New Project…',
    export: 'Export…',
    quit: 'Quit',
    closeWindow: 'Close Window',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    find: 'Find…',
    view: 'View',
    nextCase: 'Next Case',
    previousCase: 'Previous Case',
    actualSize: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Full Screen',
    devTools: 'Developer Tools',
    reload: 'Reload',
    help: 'Help',
    shortcuts: 'Keyboard Shortcuts',
    about: 'About casebench',
    services: 'Services',
    hide: 'Hide casebench',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    quitMac: 'Quit casebench',
    openFolder: 'Open project',
    newFolder: 'New project',
  },
} as const satisfies Record<ShellLanguage, Record<string, string>>;

/** The host's language before the page says which it uses: Chinese unless the system is in English. */
export function languageOfLocale(locale: string): ShellLanguage {
  return locale.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

export interface MenuHost {
  isMac: boolean;
  /** Packaged builds have no developer tools or reload items. */
  isPackaged: boolean;
  /** A click handler that sends the command to the page. */
  send(command: AppCommand): () => void;
  about(): void;
}

/**
 * The native menus (File/Edit/View/Help, and the app menu on macOS) in one language, with the
 * usual accelerators. Pure: Electron builds the menu from it (menu.ts), tests read its labels.
 * Items that act on the workbench send a command to the page, which runs the same code as its
 * own buttons and keys.
 */
export function menuTemplate(language: ShellLanguage, host: MenuHost): MenuItemConstructorOptions[] {
  const L = MENU_TEXT[language];
  const { isMac, send } = host;
  return [
    ...(isMac
      ? [
          {
            label: 'casebench',
            submenu: [
              { label: L.about, click: () => host.about() },
              { type: 'separator' },
              { role: 'services', label: L.services },
              { type: 'separator' },
              { role: 'hide', label: L.hide },
              { role: 'hideOthers', label: L.hideOthers },
              { role: 'unhide', label: L.showAll },
              { type: 'separator' },
              { role: 'quit', label: L.quitMac },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    {
      label: L.file,
      submenu: [
        { label: L.openProject, accelerator: 'CmdOrCtrl+O', click: send('open-project') },
        { label: L.newProject, accelerator: 'CmdOrCtrl+Shift+N', click: send('new-project') },
        { type: 'separator' },
        { label: L.export, accelerator: 'CmdOrCtrl+E', click: send('export') },
        { type: 'separator' },
        isMac ? { role: 'close', label: L.closeWindow } : { role: 'quit', label: L.quit },
      ],
    },
    {
      label: L.edit,
      submenu: [
        // Undo/redo act on annotations (the API's history), not on text fields.
        { label: L.undo, accelerator: 'CmdOrCtrl+Z', click: send('undo') },
        { label: L.redo, accelerator: isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y', click: send('redo') },
        { type: 'separator' },
        { role: 'cut', label: L.cut },
        { role: 'copy', label: L.copy },
        { role: 'paste', label: L.paste },
        { role: 'selectAll', label: L.selectAll },
        { type: 'separator' },
        { label: L.find, accelerator: 'CmdOrCtrl+F', click: send('find') },
      ],
    },
    {
      label: L.view,
      submenu: [
        // Shown, not registered: the page handles these keys itself and leaves them to text fields.
        { label: L.nextCase, accelerator: 'Alt+Down', registerAccelerator: false, click: send('next-case') },
        { label: L.previousCase, accelerator: 'Alt+Up', registerAccelerator: false, click: send('previous-case') },
        { type: 'separator' },
        { role: 'resetZoom', label: L.actualSize },
        { role: 'zoomIn', label: L.zoomIn },
        { role: 'zoomOut', label: L.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: L.fullScreen },
        ...(host.isPackaged
          ? []
          : [
              { role: 'toggleDevTools', label: L.devTools },
              { role: 'reload', label: L.reload },
            ] satisfies MenuItemConstructorOptions[]),
      ],
    },
    {
      label: L.help,
      submenu: [
        // Not registered: a registered Shift+/ would take every "?" typed into a note.
        { label: L.shortcuts, accelerator: 'Shift+/', registerAccelerator: false, click: send('shortcuts') },
        ...(isMac ? [] : [{ label: L.about, click: () => host.about() } satisfies MenuItemConstructorOptions]),
      ],
    },
  ];
}
