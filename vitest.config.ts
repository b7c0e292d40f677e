import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'main/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    // What the services keep per user (recent projects, known files) goes to a folder of the run's own, not the home folder.
    env: { CASEBENCH_SETTINGS_DIR: mkdtempSync(join(tmpdir(), 'casebench-test-settings-')) },
  },
});
