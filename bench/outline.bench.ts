/**
 * Outline corrections: applying a document's corrections after a load (what every reload and
 * every preview step does), and carrying annotations through a split. Text: the national
 * compendium (seeds/, 30 cases), split in the middle of every case — 30 corrections, more than a
 * reviewer makes on one file.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeQuote } from '../shared/anchor/index.ts';
import { loadDocument } from '../shared/ingest/index.ts';
import type { SpanAnnotation } from '../shared/model/annotation.ts';
import { applyCorrections, carrySpans, correctionFor, freshCaseId, nextCorrectionId, type Correction } from '../shared/outline/index.ts';
import { median, timeRuns, type BenchSuite, type Figure } from './harness.ts';

const here = dirname(fileURLToPath(import.meta.url));
const FILE = join(here, '../seeds/healthy-china-2024-typical-cases-compendium.txt');
const SPANS = 3000;

export const suite: BenchSuite = {
  name: 'outline corrections',
  async run(): Promise<Figure[]> {
    const bytes = readFileSync(FILE);
    const loaded = loadDocument(bytes, FILE);
    let list: Correction[] = [];
    for (const c of loaded.cases) {
      const current = applyCorrections(loaded, list).document;
      const nl = c.text.indexOf('\n', Math.floor(c.text.length / 2));
      if (nl < 0) continue;
      list = [...list, correctionFor(current, { op: 'split', caseId: c.id, at: nl + 1, titleFromParagraph: true }, { correctionId: nextCorrectionId(list), newCaseId: freshCaseId(current.id, new Set(current.cases.map((x) => x.id))) })];
    }
    const load = median(await timeRuns(() => loadDocument(bytes, FILE), 15));
    const apply = median(await timeRuns(() => applyCorrections(loaded, list), 15));
    // Spans spread over every case, carried through all the splits at once.
    const spans: SpanAnnotation[] = Array.from({ length: SPANS }, (_, i) => {
      const c = loaded.cases[i % loaded.cases.length]!;
      const start = Math.floor(((i * 7919) % 1000) / 1000 * Math.max(1, c.text.length - 12));
      return { id: `s${i}`, caseId: c.id, start, end: start + 10, quote: makeQuote(c.text, start, start + 10), label: 'lesson', fields: {}, note: '', reviewer: 'r', origin: 'manual', revision: 0, createdAt: '', updatedAt: '' };
    });
    const result = applyCorrections(loaded, list);
    const texts = new Map(result.document.cases.map((c) => [c.id, c.text]));
    const carry = median(await timeRuns(() => carrySpans(spans, result.lineage, { text: (id) => texts.get(id)!, revision: () => 0 }), 15));
    return [
      { name: `load the compendium (${loaded.cases.length} cases)`, value: load, unit: 'ms' },
      { name: `apply ${list.length} corrections to it`, value: apply, unit: 'ms', goal: { max: 100 } },
      { name: `carry ${SPANS} spans through them`, value: carry, unit: 'ms', goal: { max: 100 } },
    ];
  },
};
