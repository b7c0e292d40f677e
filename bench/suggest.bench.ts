/**
 * Suggestion speed: `suggest` over every case of the five seeds (the whole sample corpus), loading
 * excluded — the cases are loaded once, before timing. The figure is the median of several runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDocument } from '../shared/ingest/index.ts';
import { suggest } from '../shared/suggest/index.ts';
import { median, timeRuns, type BenchSuite } from './harness.ts';

const SEEDS = join(import.meta.dirname, '../seeds');

export const suite: BenchSuite = {
  name: 'suggestions (shared/suggest)',
  async run() {
    const manifest = JSON.parse(readFileSync(join(SEEDS, 'manifest.json'), 'utf8')) as { documents: Array<{ id: string; file: string }> };
    const cases = manifest.documents.flatMap((d) => loadDocument(new Uint8Array(readFileSync(join(SEEDS, d.file))), d.file, { id: d.id }).cases);
    const chars = cases.reduce((n, c) => n + c.text.length, 0);
    let count = 0;
    const suggestAll = () => {
      count = 0;
      for (const c of cases) count += suggest(c.text, c.sections).length;
    };
    const ms = median(await timeRuns(suggestAll, 15, 3));
    return [
      { name: `sample corpus (${cases.length} cases, ${(chars / 1000).toFixed(0)}k characters, ${count} suggestions)`, value: ms, unit: 'ms', goal: { max: 200 } },
      { name: 'throughput', value: chars / 1000 / (ms / 1000), unit: 'k chars/s' },
    ];
  },
};
