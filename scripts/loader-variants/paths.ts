import { join } from 'node:path';

/** Where the generator reads and writes, from the repository root. */
export const ROOT = join(import.meta.dirname, '../..');
export const SEEDS = join(ROOT, 'seeds');
export const TRUTH_DIR = join(ROOT, 'fixtures/loader/truth');
/**
 * LOADER_VARIANTS_DIR writes the variants elsewhere: with LOADER_VARIANTS_SALT (see prng.ts),
 * a fresh set of the same kinds to check the loader on inputs it was not tuned on
 * (`npm run eval -- --loader --variants DIR`).
 */
export const VARIANTS_DIR = process.env.LOADER_VARIANTS_DIR || join(ROOT, 'fixtures/loader/variants');
export const PDF_DIR = join(ROOT, 'fixtures/pdf');
