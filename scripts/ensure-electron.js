#!/usr/bin/env node
// `npm start` needs Electron's binary. npm does not run Electron's download script on install
// (install scripts are off unless approved), so fetch it here on first start, and say plainly
// what to do when that is impossible (no internet, or a platform without Electron builds).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const binaryPresent = () => {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path);
  } catch {
    return false;
  }
};

if (!binaryPresent()) {
  console.log('casebench: downloading the Electron binary (first start only)…');
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' });
  if (result.status !== 0 || !binaryPresent()) {
    console.error('\ncasebench: the Electron binary is not installed and could not be downloaded.');
    console.error('Run the same workbench in your browser instead:  npm run serve');
    process.exit(1);
  }
}
