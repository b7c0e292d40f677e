import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Build the renderer from the current sources, so no test runs against a stale bundle. */
export default function setup(): void {
  const root = join(import.meta.dirname, '..');
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    // vitest sets NODE_ENV=test, which would give a development build of React: build as users get it.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (!existsSync(process.env.CASEBENCH_CHROMIUM ?? '/usr/bin/chromium')) {
    throw new Error('Debian Chromium is needed for the end-to-end tests: apt-get install -y chromium');
  }
}
