import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

/**
 * The renderer's Vite config, used as is by `casebench serve` (which builds it on first run)
 * and by electron-vite for the desktop app, so both hosts run the same bundle.
 */
export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, '../out/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    // One small app: keep it to a few files, no inline scripts (the CSP forbids them).
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
};

export default defineConfig(rendererConfig);
