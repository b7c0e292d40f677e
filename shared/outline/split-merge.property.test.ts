import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SpanAnnotation } from '../model/annotation.ts';
import type { LoadedDocument } from '../model/document.ts';
import { applyCorrections } from './apply.ts';
import { carrySpans } from './carry.ts';
import type { Correction } from './corrections.ts';
import { correctionFor, EditRefused, freshCaseId, type OutlineEdit } from './edits.ts';
import { handMadeDocument, spanOn, textUnder, type CaseSpec } from './outline.fixture.ts';

/** Characters with astral ones (𠀀, emoji, a ZWJ sequence) among CJK, Latin and punctuation. */
const CHARS = ['健', '康', '行', '动', 'a', 'Z', '1', '，', '。', '𠀀', '😀', '👩‍⚕️', ' ', '（', '）'];
const paragraphArb = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 14 }).map((cs) => cs.join(''));

/** Documents of one to three cases; each paragraph starts with its own mark, so no context repeats. */
const documentArb = fc
  .array(fc.record({ paragraphs: fc.array(paragraphArb, { minLength: 2, maxLength: 6 }), headings: fc.array(fc.nat(5), { maxLength: 3 }) }), { minLength: 1, maxLength: 3 })
  .map((cases): CaseSpec[] =>
    cases.map((c, i) => ({ title: `案例${i + 1}标题`, paragraphs: c.paragraphs.map((p, j) => `§${i}.${j}${p}`), headings: [...new Set(c.headings)].filter((h) => h < c.paragraphs.length) })),
  );

/** Code point boundaries of a text: spans never cut a surrogate pair. */
function boundaries(text: string): number[] {
  const out = [0];
  let at = 0;
  for (const ch of text) out.push((at += ch.length));
  return out;
}

/** Spans anywhere in the document's cases, across paragraphs too, as fractions of each text. */
const spansArb = fc.array(fc.record({ c: fc.nat(), a: fc.double({ min: 0, max: 1, noNaN: true }), b: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 12 });

function spansOn(doc: LoadedDocument, picks: Array<{ c: number; a: number; b: number }>): SpanAnnotation[] {
  return picks.flatMap(({ c, a, b }) => {
    const k = doc.cases[c % doc.cases.length]!;
    const cuts = boundaries(k.text);
    const i = Math.floor(Math.min(a, b) * (cuts.length - 1));
    const j = Math.floor(Math.max(a, b) * (cuts.length - 1));
    return j > i ? [spanOn(doc, k.id, cuts[i]!, cuts[j]!)] : [];
  });
}

/** A span as far as the outline goes: where, what, and whether it waits for a person. */
const shape = (s: SpanAnnotation) => ({ id: s.id, caseId: s.caseId, start: s.start, end: s.end, quote: s.quote, label: s.label, fields: s.fields, orphan: s.orphan ?? null });

/**
 * A split of case `ci` at its paragraph `pi` (≥ 1), made as the workbench makes it (the last
 * paragraph stays text: taken as a title it would leave the new case none, which is refused).
 */
function splitOf(doc: LoadedDocument, ci: number, pi: number, titleFromParagraph: boolean): Correction {
  const c = doc.cases[ci]!;
  const at = c.text.split('\n').slice(0, pi).join('\n').length + 1;
  const fromParagraph = titleFromParagraph && pi < c.text.split('\n').length - 1;
  return correctionFor(doc, { op: 'split', caseId: c.id, at, titleFromParagraph: fromParagraph, ...(fromParagraph ? {} : { title: '新案例' }) }, { correctionId: 'k1', newCaseId: freshCaseId(doc.id, new Set(doc.cases.map((x) => x.id))) });
}

const pickArb = fc.record({ ci: fc.nat(), pi: fc.nat(), titleFromParagraph: fc.boolean() });

describe('split then merge', () => {
  it('gives the original case back, with annotations identical (one set of corrections)', () => {
    fc.assert(
      fc.property(documentArb, spansArb, pickArb, (specs, picks, { ci, pi, titleFromParagraph }) => {
        const doc = handMadeDocument(specs);
        const c = doc.cases[ci % doc.cases.length]!;
        const p = 1 + (pi % (c.text.split('\n').length - 1));
        const split = splitOf(doc, doc.cases.indexOf(c), p, titleFromParagraph);
        const afterSplit = applyCorrections(doc, [split]).document;
        const newCase = afterSplit.cases[doc.cases.indexOf(c) + 1]!;
        const merge = correctionFor(afterSplit, { op: 'merge', caseId: c.id }, { correctionId: 'k2', newCaseId: 'unused' });
        expect(merge.op === 'merge' && newCase.id).toBe(split.op === 'split' && split.newCaseId);
        const result = applyCorrections(doc, [split, merge]);
        expect(result.unfit).toEqual([]);
        expect(result.document).toEqual(doc);
        const spans = spansOn(doc, picks);
        const carried = carrySpans(spans, result.lineage, { text: (id) => result.document.cases.find((x) => x.id === id)!.text, revision: () => 0 });
        expect(carried.spans.map(shape)).toEqual(spans.map(shape));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the original case back, with annotations identical (each its own step, as in a project)', () => {
    fc.assert(
      fc.property(documentArb, spansArb, pickArb, (specs, picks, { ci, pi, titleFromParagraph }) => {
        const doc = handMadeDocument(specs);
        const c = doc.cases[ci % doc.cases.length]!;
        const p = 1 + (pi % (c.text.split('\n').length - 1));
        const spans = spansOn(doc, picks);
        const textIn = (d: LoadedDocument) => (id: string) => d.cases.find((x) => x.id === id)!.text;

        const one = applyCorrections(doc, [splitOf(doc, doc.cases.indexOf(c), p, titleFromParagraph)]);
        const mid = carrySpans(spans, one.lineage, { text: textIn(one.document), revision: () => 1 });
        // Between the steps, nothing is on other text: placed spans cover their quote.
        for (const s of mid.spans) if (!s.orphan) expect(textUnder(one.document, s)).toBe(s.quote.exact);
        expect(mid.spans).toHaveLength(spans.length);

        const merge = correctionFor(one.document, { op: 'merge', caseId: c.id }, { correctionId: 'k2', newCaseId: 'unused' });
        const two = applyCorrections(one.document, [merge], { titleParagraphs: one.titleParagraphs });
        expect(two.document.cases).toEqual(doc.cases);
        const back = carrySpans(mid.spans, two.lineage, { text: textIn(two.document), revision: () => 0 });
        expect(back.spans.map(shape).sort(byId)).toEqual(spans.map(shape).sort(byId));
      }),
      { numRuns: 300 },
    );
  });
});

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

describe('any sequence of corrections', () => {
  const editArb = fc.record({ op: fc.constantFrom('split', 'merge', 'drop-case', 'drop-text', 'retitle'), ci: fc.nat(), p: fc.nat(), q: fc.nat(), flag: fc.boolean() });

  it('leaves every annotation on its own text or an orphan, never on other text, and loses none', () => {
    fc.assert(
      fc.property(documentArb, spansArb, fc.array(editArb, { maxLength: 6 }), (specs, picks, edits) => {
        const doc = handMadeDocument(specs);
        let current = doc;
        let spans = spansOn(doc, picks);
        let titleParagraphs = {};
        let n = 0;
        for (const e of edits) {
          const c = current.cases[e.ci % current.cases.length]!;
          const starts = [0, ...[...c.text].flatMap((ch, i, all) => (ch === '\n' ? [all.slice(0, i + 1).join('').length] : []))];
          const at = starts[e.p % starts.length]!;
          const to = starts[Math.max(e.p, e.q) % starts.length]!;
          const edit: OutlineEdit =
            e.op === 'split'
              ? { op: 'split', caseId: c.id, at, titleFromParagraph: e.flag, ...(e.flag ? {} : { title: '新' }) }
              : e.op === 'merge'
                ? { op: 'merge', caseId: c.id }
                : e.op === 'drop-case'
                  ? { op: 'drop-case', caseId: c.id }
                  : e.op === 'drop-text'
                    ? { op: 'drop-text', caseId: c.id, at: Math.min(at, to), to: Math.max(at, to) }
                    : { op: 'retitle', caseId: c.id, title: '改' };
          let k: Correction;
          try {
            k = correctionFor(current, edit, { correctionId: `k${++n}`, newCaseId: freshCaseId(doc.id, new Set([...current.cases.map((x) => x.id), ...spans.map((s) => s.caseId)])) });
          } catch (err) {
            if (err instanceof EditRefused) continue;
            throw err;
          }
          const step = applyCorrections(current, [k], { titleParagraphs });
          const next = step.document;
          spans = carrySpans(spans, step.lineage, { text: (id) => next.cases.find((x) => x.id === id)!.text, revision: () => 0 }).spans;
          current = next;
          titleParagraphs = step.titleParagraphs;
          expect(new Set(current.cases.map((x) => x.id)).size).toBe(current.cases.length);
        }
        expect(spans).toHaveLength(spansOn(doc, picks).length);
        for (const s of spans) {
          expect(current.cases.some((x) => x.id === s.caseId)).toBe(true);
          if (!s.orphan) expect(textUnder(current, s)).toBe(s.quote.exact);
        }
      }),
      { numRuns: 300 },
    );
  });
});
