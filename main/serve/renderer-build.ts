import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where the built renderer lives; the desktop app and serve mode share it. */
export const RENDERER_DIR = join(import.meta.dirname, '../../out/renderer');

/**
 * The renderer is built by `npm run build`; serve mode builds it itself on first use, so that
 * `npx casebench serve` works right after `npm ci`.
 */
export async function ensureRendererBuilt(log: (line: string) => void): Promise<string> {
  if (existsSync(join(RENDERER_DIR, 'index.html'))) return RENDERER_DIR;
  log('building the workbench UI (first run only)…');
  const { build } = await import('vite');
  // The config file is loaded by Vite itself: main/ does not import renderer/ code.
  await build({ configFile: join(import.meta.dirname, '../../renderer/vite.config.ts'), logLevel: 'warn' });
  return RENDERER_DIR;
}
