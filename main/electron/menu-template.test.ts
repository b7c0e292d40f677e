import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { SHELL_LANGUAGES, type AppCommand, type ShellLanguage } from '../../shared/api/shell.ts';
import { languageOfLocale, MENU_TEXT, menuTemplate } from './menu-template.ts';

type Item = MenuItemConstructorOptions;
const template = (language: ShellLanguage, isMac = false, isPackaged = true) =>
  menuTemplate(language, { isMac, isPackaged, send: (command: AppCommand) => Object.assign(() => {}, { command }), about: () => {} });
/** Every item, flattened: its label, accelerator, and the command it sends. */
const items = (menu: Item[]): Item[] => menu.flatMap((m) => [m, ...(Array.isArray(m.submenu) ? items(m.submenu) : [])]);
const labels = (menu: Item[]) => items(menu).filter((i) => i.type !== 'separator').map((i) => i.label);
const commandOf = (i: Item) => (i.click as unknown as { command?: string } | undefined)?.command;

describe('the native menus', () => {
  it.each([
    ['zh-CN', false, ['文件', '编辑', '视图', '帮助']],
    ['en', false, ['File', 'Edit', 'View', 'Help']],
    ['zh-CN', true, ['casebench', '文件', '编辑', '视图', '帮助']],
    ['en', true, ['casebench', 'File', 'Edit', 'View', 'Help']],
  ] as const)('in %s (macOS: %s) are %j', (language, isMac, top) => {
    expect(template(language, isMac).map((m) => m.label)).toEqual(top);
  });

  it.each([
    ['zh-CN', 'CmdOrCtrl+O', '打开项目…'],
    ['en', 'CmdOrCtrl+O', 'Open Project…'],
    ['zh-CN', 'CmdOrCtrl+Z', '撤销'],
    ['en', 'CmdOrCtrl+Z', 'Undo'],
    ['zh-CN', 'Alt+Down', '下一个案例'],
    ['en', 'Alt+Down', 'Next Case'],
    ['zh-CN', 'Shift+/', '键盘快捷键'],
    ['en', 'Shift+/', 'Keyboard Shortcuts'],
  ] as const)('in %s, %s is labelled %s', (language, accelerator, label) => {
    expect(items(template(language)).find((i) => i.accelerator === accelerator)?.label).toBe(label);
  });

  it.each(SHELL_LANGUAGES.flatMap((language) => [true, false].flatMap((isMac) => [true, false].map((isPackaged) => [language, isMac, isPackaged] as const))))(
    'in %s (macOS: %s, packaged: %s) labels every item, roles included',
    (language, isMac, isPackaged) => {
      const all = labels(template(language, isMac, isPackaged));
      expect(all.every((l) => typeof l === 'string' && l.length > 0)).toBe(true);
      // Chinese menus have no English word but the app's name; English ones no Chinese.
      if (language === 'zh-CN') expect(all.filter((l) => /[A-Za-z]{2,}/.test(l!.replace('casebench', '')))).toEqual([]);
      else expect(all.filter((l) => /\p{Script=Han}/u.test(l!))).toEqual([]);
    },
  );

  it('has the same items, accelerators and commands in every language', () => {
    const shape = (language: ShellLanguage) => items(template(language)).map((i) => [i.type ?? '', i.role ?? '', i.accelerator ?? '', commandOf(i) ?? '']);
    expect(shape('en')).toEqual(shape('zh-CN'));
    expect(items(template('en')).map(commandOf).filter(Boolean).sort()).toEqual(['export', 'find', 'new-project', 'next-case', 'open-project', 'previous-case', 'redo', 'shortcuts', 'undo']);
  });

  it('has the same words in both languages', () => {
    expect(Object.keys(MENU_TEXT.en).sort()).toEqual(Object.keys(MENU_TEXT['zh-CN']).sort());
  });

  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['en-US', 'en'],
    ['en', 'en'],
    ['EN-GB', 'en'],
    ['fr', 'zh-CN'],
    ['', 'zh-CN'],
  ])('before the page says, the locale %j gives %s', (locale, language) => {
    expect(languageOfLocale(locale)).toBe(language);
  });
});
