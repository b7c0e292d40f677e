/**
 * Re-anchoring after an edit of a 10,000-character case: the diff plus carrying 100 annotations
 * over, as the desktop app does each time an editor saves a revision. Text: the Hebei second batch
 * (seeds/), paragraphs as the loader leaves them; edits are typo-sized changes scattered over it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeQuote, reanchor, type Anchor } from '../shared/anchor/index.ts';
import { median, percentile, timeRuns, type BenchSuite, type Figure } from './harness.ts';

const here = dirname(fileURLToPath(import.meta.url));
const CASE_LENGTH = 10_000;
const ANNOTATIONS = 100;
const RUNS = 40;

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so every run measures the same edit. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function caseText(): string {
  const raw = readFileSync(join(here, '../seeds/hebei-second-batch-typical-cases.txt'), 'utf8');
  const paragraphs = raw
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return paragraphs.join('\n').slice(0, CASE_LENGTH);
}

/** `count` changes at distinct places: characters replaced, typed or deleted, 1–3 at a time. */
function scatteredEdit(text: string, count: number, rnd: () => number): string {
  const places = new Set<number>();
  while (places.size < count) places.add(Math.floor(rnd() * text.length));
  let out = text;
  // From the end backwards, so earlier places keep their offsets.
  for (const at of [...places].sort((a, b) => b - a)) {
    const size = 1 + Math.floor(rnd() * 3);
    const from = Math.floor(rnd() * (text.length - size));
    const typed = text.slice(from, from + size);
    const kind = rnd();
    if (kind < 0.4) out = out.slice(0, at) + typed + out.slice(at + size);
    else if (kind < 0.7) out = out.slice(0, at) + typed + out.slice(at);
    else out = out.slice(0, at) + out.slice(at + size);
  }
  return out;
}

/** Spans of 6 to 120 characters, the size of indicators, practices and lessons. */
function annotations(text: string, rnd: () => number): Anchor[] {
  return Array.from({ length: ANNOTATIONS }, (_, i) => {
    const size = 6 + Math.floor(rnd() * 115);
    const start = Math.floor(rnd() * (text.length - size));
    return { id: `a${i}`, start, end: start + size, quote: makeQuote(text, start, start + size) };
  });
}

async function scenario(changes: number, goal: number): Promise<Figure[]> {
  const rnd = random(changes);
  const oldText = caseText();
  const newText = scatteredEdit(oldText, changes, rnd);
  const anchors = annotations(oldText, rnd);
  const times = await timeRuns(() => reanchor(oldText, newText, anchors), RUNS, 3);
  const { report, diffComplete } = reanchor(oldText, newText, anchors);
  const label = `${changes} changes`;
  return [
    { name: `re-anchor 100 spans, ${label}, median`, value: median(times), unit: 'ms', goal: { max: goal } },
    { name: `re-anchor 100 spans, ${label}, p95`, value: percentile(times, 95), unit: 'ms', goal: { max: goal } },
    { name: `  ${label}: unchanged + moved`, value: report.unchanged + report.moved, unit: 'spans' },
    { name: `  ${label}: refound`, value: report.refound, unit: 'spans' },
    { name: `  ${label}: orphaned`, value: report.orphaned, unit: 'spans' },
    { name: `  ${label}: diff complete`, value: diffComplete ? 1 : 0, unit: 'bool' },
  ];
}

export const suite: BenchSuite = {
  name: 'anchor: re-anchoring after an edit (10,000-character case, 100 annotations)',
  async run() {
    return [...(await scenario(100, 20)), ...(await scenario(2000, 250))];
  },
};
