/**
 * `npm run bench`: runs every suite (or those named on the command line) and prints each figure
 * beside its goal. Exits 0 whatever the figures: goals are reported, not enforced.
 */
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchSuite, Figure } from './harness.ts';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)));

function verdict(f: Figure): string {
  if (!f.goal) return '';
  const { max, min } = f.goal;
  const ok = (max === undefined || f.value <= max) && (min === undefined || f.value >= min);
  const goal = [max !== undefined ? `≤ ${max}` : '', min !== undefined ? `≥ ${min}` : ''].filter(Boolean).join(', ');
  return `${ok ? 'meets' : 'MISSES'} goal ${goal} ${f.unit}`;
}

function ratio(f: Figure): string {
  if (!f.vs) return '';
  const r = f.vs.value === 0 ? Number.POSITIVE_INFINITY : f.value / f.vs.value;
  const shown = r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2);
  return `×${shown} of ${f.vs.method}`;
}

/** The machine's load while a suite ran: timings taken on a busy machine are read with it. */
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

for (const file of files) {
  const { suite } = (await import(pathToFileURL(join(here, file)).href)) as { suite: BenchSuite };
  console.log(`\n## ${suite.name}`);
  const before = load();
  const figures = await suite.run();
  const width = Math.max(...figures.map((f) => f.name.length));
  const verdicts = figures.map(verdict);
  const verdictWidth = Math.max(0, ...verdicts.map((v) => v.length));
  figures.forEach((f, i) => {
    const value = f.value >= 100 ? f.value.toFixed(0) : f.value >= 10 ? f.value.toFixed(1) : f.value.toFixed(2);
    console.log(`  ${f.name.padEnd(width)}  ${value.padStart(9)} ${f.unit.padEnd(6)} ${verdicts[i]!.padEnd(verdictWidth)}  ${ratio(f)}`.trimEnd());
  });
  console.log(`  (load average ${before} before, ${load()} after)`);
}
