/**
 * Commands the host sends to the UI: native menu items and accelerators (desktop), which the UI
 * carries out with the same code as its own buttons and keys.
 */
export const APP_COMMANDS = ['undo', 'redo', 'find', 'export', 'shortcuts', 'open-project', 'new-project', 'next-case', 'previous-case', 'about'] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

/** The interface languages, which the host's native menus and dialogs follow. */
export const SHELL_LANGUAGES = ['zh-CN', 'en'] as const;
export type ShellLanguage = (typeof SHELL_LANGUAGES)[number];

export function isShellLanguage(value: unknown): value is ShellLanguage {
  return typeof value === 'string' && (SHELL_LANGUAGES as readonly string[]).includes(value);
}

/** What the desktop preload exposes besides the API: a way to hear commands, and to say the page's language. */
export interface ShellBridge {
  onCommand(listener: (command: AppCommand) => void): () => void;
  /** The page's interface language changed (or the page loaded): the native menus follow it. */
  setLanguage(language: ShellLanguage): void;
}

export const COMMAND_CHANNEL = 'casebench:command';
/** Page → host, one fixed message: the interface language (checked again by the host). */
export const LANGUAGE_CHANNEL = 'casebench:language';
