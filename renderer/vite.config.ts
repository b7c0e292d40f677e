import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/**
 * PDF.js' CMaps (Chinese PDFs need them) and standard fonts, copied into the build as
 * pdfjs/cmaps/ and pdfjs/standard_fonts/: the page fetches them from the app itself, never
 * from a CDN.
 */
function pdfjsAssets(): Plugin {
  return {
    name: 'casebench-pdfjs-assets',
    apply: 'build',
    generateBundle() {
      const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
      for (const dir of ['cmaps', 'standard_fonts']) {
        for (const name of readdirSync(join(root, dir))) this.emitFile({ type: 'asset', fileName: `pdfjs/${dir}/${name}`, source: readFileSync(join(root, dir, name)) });
      }
    },
  };
}

/**
 * The renderer's Vite config, used as is by `casebench serve` (which builds it on first run)
 * and by electron-vite for the desktop app, so both hosts run the same bundle.
 */
export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname),
  base: './',
  plugins: [react(), pdfjsAssets()],
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
