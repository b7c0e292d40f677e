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
 * The page's first script, src/early.ts, as an entry of its own that index.html loads before the
 * main bundle: it sends the first screen's requests while the main bundle is still on its way and
 * compiling (see src/api/first-requests.ts). An entry of its own because Vite would otherwise join
 * every module script of the page into one entry, run only once all of it has loaded.
 */
function firstRequestsScript(): Plugin {
  return {
    name: 'casebench-first-requests',
    apply: 'build',
    // (Not in a build made as one bundle, which can have one entry only: the benchmark's comparison.)
    config: (user) => {
      const output = user.build?.rolldownOptions?.output;
      if (output && !Array.isArray(output) && output.codeSplitting === false) return;
      return { build: { rolldownOptions: { input: { index: resolve(import.meta.dirname, 'index.html'), early: resolve(import.meta.dirname, 'src/early.ts') } } } };
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const early = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'early');
        return early ? [{ tag: 'script', attrs: { type: 'module', crossorigin: true, src: `./${early.fileName}` }, injectTo: 'head-prepend' }] : [];
      },
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
  plugins: [react(), pdfjsAssets(), firstRequestsScript()],
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
