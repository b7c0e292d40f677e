import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newsProject, run, scratch } from './cli.fixture.ts';

/** A file that is large without taking room on disk: its size is all the size checks look at. */
function sparse(name: string, bytes: number): string {
  const path = join(scratch(), name);
  writeFileSync(path, '');
  truncateSync(path, bytes);
  return path;
}

describe('size limits are said in sizes people read', () => {
  it.each([
    ['an annotation file', async (file: string) => run(['annotations', 'import', await newsProject(), file, '--reviewer', 'alice']), 50_000_001, /file is 50\.0 MB, larger than the 50 MB casebench loads at once/],
    ['a case text', async (file: string) => run(['inspect', file]), 64 * 1048576 + 1, /file is 64\.0 MiB, larger than the 64 MiB casebench loads at once/],
  ])('%s over the limit', async (_what, command, bytes, message) => {
    const r = await command(sparse('big.txt', bytes));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\d\.\d{3,}/);
  });
});
