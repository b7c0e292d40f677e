/**
 * Commands the host sends to the UI: native menu items and accelerators (desktop), which the UI
 * carries out with the same code as its own buttons and keys.
 */
export const APP_COMMANDS = ['undo', 'redo', 'find', 'export', 'shortcuts', 'open-project', 'new-project', 'next-case', 'previous-case', 'about'] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

/** What the desktop preload exposes besides the API: a way to hear commands. */
export interface ShellBridge {
  onCommand(listener: (command: AppCommand) => void): () => void;
}

export const COMMAND_CHANNEL = 'casebench:command';
