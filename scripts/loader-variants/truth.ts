/**
 * The ground truth the loader evaluation compares with: the five seeds as the loader read them
 * when they were known to load right (shared/ingest/load.seeds.test.ts asserts all 87 cases).
 * Written once, on purpose, and never re-derived at evaluation time: the loader is being
 * rewritten, and a truth that followed it would measure nothing.
 *
 *   npx tsx scripts/loader-variants/truth.ts --regenerate-truth
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDocument } from '../../shared/ingest/index.ts';
import type { DocumentShape, TextMark } from '../../shared/model/document.ts';
import type { SectionKind } from '../../shared/model/sections.ts';
import { ROOT, SEEDS, TRUTH_DIR } from './paths.ts';

export interface TruthSection {
  heading: string;
  numbering: string;
  level: number;
  kinds: SectionKind[];
  /** UTF-16 offsets into the case text, as the loader gave them. */
  start: number;
  headingEnd: number;
  runIn: boolean;
}

export interface TruthCase {
  ordinal: number;
  title: string;
  region: string | null;
  unit: string | null;
  part: string | null;
  /** Every section heading; `level === 1` are the top-level ones the evaluation checks. */
  sections: TruthSection[];
  /** The case body: paragraphs joined by "\n", title and attribution lines left out. */
  text: string;
  marks: TextMark[];
}

export interface SeedTruth {
  seed: string;
  file: string;
  format: DocumentShape;
  title: string | null;
  /** The commit whose loader produced this truth, for the record. */
  commit: string;
  cases: TruthCase[];
}

interface ManifestEntry {
  id: string;
  file: string;
}

export const SEED_IDS = ['hc2024', 'henan2022', 'counties2022', 'hebei2022', 'news2022'] as const;
export type SeedId = (typeof SEED_IDS)[number];

const truthPath = (seed: string) => join(TRUTH_DIR, `${seed}.json`);

export function readTruth(seed: SeedId): SeedTruth {
  const path = truthPath(seed);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npx tsx scripts/loader-variants/truth.ts --regenerate-truth\` once, on a loader that loads the seeds right`);
  return JSON.parse(readFileSync(path, 'utf8')) as SeedTruth;
}

export function readAllTruth(): Record<SeedId, SeedTruth> {
  return Object.fromEntries(SEED_IDS.map((id) => [id, readTruth(id)])) as Record<SeedId, SeedTruth>;
}

/** The seeds' known case counts: a truth with other counts was taken from a broken loader. */
const EXPECTED_COUNTS: Record<SeedId, number> = { hc2024: 30, henan2022: 10, counties2022: 20, hebei2022: 17, news2022: 10 };

function regenerate(): void {
  const manifest = JSON.parse(readFileSync(join(SEEDS, 'manifest.json'), 'utf8')) as { documents: ManifestEntry[] };
  const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  mkdirSync(TRUTH_DIR, { recursive: true });
  for (const entry of manifest.documents) {
    const doc = loadDocument(new Uint8Array(readFileSync(join(SEEDS, entry.file))), entry.file, { id: entry.id });
    const want = EXPECTED_COUNTS[entry.id as SeedId];
    if (doc.cases.length !== want) throw new Error(`${entry.id}: the loader found ${doc.cases.length} cases, not ${want}; no truth written`);
    const truth: SeedTruth = {
      seed: entry.id,
      file: entry.file,
      format: doc.format,
      title: doc.title,
      commit,
      cases: doc.cases.map((c) => ({
        ordinal: c.ordinal,
        title: c.title,
        region: c.region,
        unit: c.unit,
        part: c.part,
        sections: c.sections.map((s) => ({ heading: s.heading, numbering: s.numbering, level: s.level, kinds: s.kinds, start: s.start, headingEnd: s.headingEnd, runIn: s.runIn === true })),
        text: c.text,
        marks: c.marks,
      })),
    };
    writeFileSync(truthPath(entry.id), `${JSON.stringify(truth, null, 1)}\n`);
    console.log(`${truthPath(entry.id)}: ${truth.cases.length} cases`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  if (process.argv.includes('--regenerate-truth')) regenerate();
  else {
    console.error('The truth is regenerated only on purpose: pass --regenerate-truth');
    process.exit(1);
  }
}
