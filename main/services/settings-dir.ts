import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where casebench keeps per-user settings outside Electron (which has its own userData folder). */
export function settingsDir(): string {
  if (process.env.CASEBENCH_SETTINGS_DIR) return process.env.CASEBENCH_SETTINGS_DIR;
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'casebench');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'casebench');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'casebench');
}
