/**
 * A benchmark script built into one plain ES module for Node (Vite's SSR build: packages stay
 * imports from node_modules), so that it runs as the built workbench does, without the TypeScript
 * loader, whose compiler and caches add a hundred-odd MB to a process's memory.
 */
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'vite';

const ROOT = join(import.meta.dirname, '..', '..');

/** Build `entry` (a path under the repository); returns the built file's path. */
export async function bundleForNode(entry: string): Promise<string> {
  // Inside the repository, so that the bundle's imports of packages resolve from its node_modules.
  const outDir = join(ROOT, 'node_modules', '.cache', 'casebench-bench');
  mkdirSync(outDir, { recursive: true });
  const name = basename(entry).replace(/\.ts$/, '');
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'error',
    build: { ssr: entry, outDir, emptyOutDir: false, minify: false, target: 'node20', rolldownOptions: { output: { entryFileNames: `${name}.mjs`, codeSplitting: false } } },
  });
  return join(outDir, `${name}.mjs`);
}
