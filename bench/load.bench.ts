/**
 * Loader throughput: the whole sample corpus, a corpus twenty times larger (the seeds twenty
 * times over, as separate files), and one file twenty times the largest seed (to catch anything
 * worse than linear in a document's size).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadDocument } from '../shared/ingest/index.ts';
import { median, timeRuns, type BenchSuite } from './harness.ts';

const SEEDS = join(import.meta.dirname, '../seeds');

export const suite: BenchSuite = {
  name: 'loader (shared/ingest)',
  async run() {
    const seeds = readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => ({ file: f, bytes: new Uint8Array(readFileSync(join(SEEDS, f))) }));
    const size = (files: { bytes: Uint8Array }[]) => files.reduce((n, f) => n + f.bytes.length, 0) / 1e6;
    const loadAll = (files: { file: string; bytes: Uint8Array }[]) => files.forEach((f) => loadDocument(f.bytes, f.file));

    const corpusMs = median(await timeRuns(() => loadAll(seeds), 20, 5));
    const large = Array.from({ length: 20 }, (_, i) => seeds.map((s) => ({ file: `${i}-${s.file}`, bytes: s.bytes }))).flat();
    const largeMs = median(await timeRuns(() => loadAll(large), 5, 1));
    const biggest = seeds.reduce((a, b) => (a.bytes.length > b.bytes.length ? a : b));
    const text = new TextDecoder().decode(biggest.bytes);
    const huge = [{ file: 'huge.txt', bytes: new Uint8Array(Buffer.from(Array(20).fill(text).join('\n'))) }];
    const hugeMs = median(await timeRuns(() => loadAll(huge), 3, 1));
    return [
      { name: `sample corpus (${seeds.length} files, ${size(seeds).toFixed(2)} MB)`, value: corpusMs, unit: 'ms', goal: { max: 100 } },
      { name: 'sample corpus throughput', value: size(seeds) / (corpusMs / 1000), unit: 'MB/s', goal: { min: 10 } },
      { name: `20× corpus (${large.length} files, ${size(large).toFixed(1)} MB)`, value: size(large) / (largeMs / 1000), unit: 'MB/s', goal: { min: 10 } },
      { name: `one file 20× the largest seed (${size(huge).toFixed(1)} MB)`, value: size(huge) / (hugeMs / 1000), unit: 'MB/s', goal: { min: 10 } },
    ];
  },
};
