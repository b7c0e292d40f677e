import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { SourceFile } from './corpus-import.ts';

/** The sample corpus shipped in seeds/: what a new user opens. */
export const SEEDS_DIR = join(import.meta.dirname, '../../seeds');

const manifest = z.object({
  documents: z.array(
    z.object({
      id: z.string(),
      file: z.string(),
      title: z.string(),
      issuer: z.string().nullable(),
      year: z.number().int().nullable(),
      kind: z.string().nullable(),
    }),
  ),
});

export function bundledCorpus(dir = SEEDS_DIR): SourceFile[] {
  const m = manifest.parse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  return m.documents.map((d) => ({ path: join(dir, d.file), meta: { id: d.id, title: d.title, issuer: d.issuer, year: d.year, kind: d.kind } }));
}
