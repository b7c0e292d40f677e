/**
 * Export speed: a dataset the size of a busy project (about 100 cases cut from the seed corpus,
 * 10,000 spans by 3 reviewers) written in every format. Each format should take under a second, so
 * an export from the desktop app never feels stuck.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXPORT_FORMATS, exportDataset } from '../shared/export/index.ts';
import { buildDataset, casesFromTexts, realisticSpans } from '../shared/export/testing/datasets.ts';
import { median, timeRuns, type BenchSuite, type Figure } from './harness.ts';

const CASES = 100;
const SPANS = 10_000;
const REVIEWERS = ['alice', 'bob', '张三'];

function seedDataset() {
  const seeds = join(dirname(fileURLToPath(import.meta.url)), '..', 'seeds');
  const texts = readdirSync(seeds)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(seeds, f), 'utf8'));
  const cases = casesFromTexts(texts, CASES);
  // A few spans more than needed per case, then cut: every case gets spans, and the total is exact.
  const spans = realisticSpans(cases, Math.ceil(SPANS / cases.length) + 5, REVIEWERS).slice(0, SPANS);
  if (spans.length !== SPANS) throw new Error(`built ${spans.length} spans, expected ${SPANS}`);
  return buildDataset(cases, spans, 'bench');
}

export const suite: BenchSuite = {
  name: `export (${CASES} cases, ${SPANS.toLocaleString('en')} spans, ${REVIEWERS.length} reviewers)`,
  async run() {
    const dataset = seedDataset();
    const figures: Figure[] = [];
    for (const format of EXPORT_FORMATS) {
      const times = await timeRuns(() => exportDataset(dataset, format.id), 5, 1);
      figures.push({ name: `${format.id} export`, value: median(times), unit: 'ms', goal: { max: 1000 } });
    }
    return figures;
  },
};
