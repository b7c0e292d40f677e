import { join } from 'node:path';

/** Where the generator reads and writes, from the repository root. */
export const ROOT = join(import.meta.dirname, '../..');
export const SEEDS = join(ROOT, 'seeds');
export const TRUTH_DIR = join(ROOT, 'fixtures/loader/truth');
export const VARIANTS_DIR = join(ROOT, 'fixtures/loader/variants');
export const PDF_DIR = join(ROOT, 'fixtures/pdf');
