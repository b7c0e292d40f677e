import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../ingest/index.ts';
import { applyCorrections } from './apply.ts';
import { carrySpans } from './carry.ts';
import { correctionFor, freshCaseId } from './edits.ts';
import { spanOn } from './outline.fixture.ts';
import { outlineView } from './view.ts';

const SEEDS = join(import.meta.dirname, '../../seeds');
const FILES = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));

describe.each(FILES)('on the seed %s', (file) => {
  const loaded = loadDocument(readFileSync(join(SEEDS, file)), file);

  it('splits every case with two or more paragraphs in the middle and merges it back to the same case and spans', () => {
    let checked = 0;
    for (const c of loaded.cases) {
      const starts = [...c.text.matchAll(/\n/g)].map((m) => m.index + 1);
      if (!starts.length) continue;
      const at = starts[Math.floor(starts.length / 2)]!;
      // The paragraph becomes the new case's title where text follows it; a last paragraph stays text.
      const titleFromParagraph = c.text.indexOf('\n', at) !== -1;
      const split = correctionFor(loaded, { op: 'split', caseId: c.id, at, titleFromParagraph, ...(titleFromParagraph ? {} : { title: '新案例' }) }, { correctionId: 'k1', newCaseId: freshCaseId(loaded.id, new Set(loaded.cases.map((x) => x.id))) });
      const one = applyCorrections(loaded, [split]);
      expect(one.unfit).toEqual([]);
      expect(one.document.cases).toHaveLength(loaded.cases.length + 1);
      const merge = correctionFor(one.document, { op: 'merge', caseId: c.id }, { correctionId: 'k2', newCaseId: '-' });
      const two = applyCorrections(one.document, [merge], { titleParagraphs: one.titleParagraphs });
      expect(two.document.cases).toEqual(loaded.cases);

      // Spans around the split: just before, across, on the title-to-be, just after.
      const spans = [spanOn(loaded, c.id, Math.max(0, at - 6), at - 1), spanOn(loaded, c.id, at - 3, at + 3), spanOn(loaded, c.id, at, Math.min(c.text.length, at + 4)), spanOn(loaded, c.id, Math.max(at, c.text.indexOf('\n', at) + 1), c.text.length)].filter((s) => s.end > s.start);
      const text = (d: typeof loaded) => (id: string) => d.cases.find((x) => x.id === id)!.text;
      const mid = carrySpans(spans, one.lineage, { text: text(one.document), revision: () => 1 });
      const back = carrySpans(mid.spans, two.lineage, { text: text(two.document), revision: () => 0 });
      expect(back.spans.map(({ id, caseId, start, end, quote, orphan }) => ({ id, caseId, start, end, quote, orphan }))).toEqual(spans.map(({ id, caseId, start, end, quote, orphan }) => ({ id, caseId, start, end, quote, orphan })));
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('places every warning of the loader at a case, a paragraph or between cases', () => {
    const view = outlineView(loaded, [], []);
    const placed = view.warnings.length + view.cases.reduce((n, c) => n + c.warnings.length, 0);
    expect(placed).toBe(loaded.warnings.length);
    for (const c of view.cases) {
      expect(c.paragraphs.map((p) => p.text).join('\n')).toBe(loaded.cases.find((x) => x.id === c.id)!.text);
      for (const w of c.warnings) if (w.at !== null) expect(c.paragraphs.some((p) => p.start === w.at)).toBe(true);
    }
  });
});
