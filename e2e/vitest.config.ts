import { defineConfig } from 'vitest/config';

/** End-to-end tests: the real renderer in Debian's Chromium against `casebench serve`. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
