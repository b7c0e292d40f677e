import { makeQuote } from '../anchor/quote.ts';
import type { SpanAnnotation } from '../model/annotation.ts';
import type { LoadedDocument } from '../model/document.ts';
import type { Section } from '../model/sections.ts';
import { withSectionEnds } from './paragraphs.ts';

export interface CaseSpec {
  title: string;
  paragraphs: string[];
  /** Indices of paragraphs that are section headings (level 1). */
  headings?: number[];
}

/**
 * A loaded document built by hand, as the loader builds one: each case's title line and
 * paragraphs stand in the raw text separated by blank lines; the case text is its paragraphs
 * joined by "\n" (the joints made up, as the loader's are), with the offset map back to the raw text.
 */
export function handMadeDocument(specs: readonly CaseSpec[], id = 'doc'): LoadedDocument {
  let raw = '前言\n\n';
  const cases = specs.map((spec, i) => {
    const titleStart = raw.length;
    raw += `${spec.title}\n\n`;
    const runs: number[] = [];
    let text = '';
    const sections: Section[] = [];
    spec.paragraphs.forEach((p, j) => {
      if (j > 0) text += '\n';
      if (spec.headings?.includes(j)) sections.push({ heading: p, numbering: '', level: 1, kinds: ['other'], start: text.length, headingEnd: text.length + p.length, end: 0 });
      if (p.length) runs.push(text.length, raw.length, p.length);
      text += p;
      raw += `${p}\n\n`;
    });
    const last = spec.paragraphs.length ? raw.length - 2 : titleStart + spec.title.length;
    return {
      id: `${id}-${String(i + 1).padStart(2, '0')}`,
      documentId: id,
      ordinal: i + 1,
      title: spec.title,
      region: null,
      unit: null,
      part: null,
      text,
      sections: withSectionEnds(sections, text.length),
      sourceRange: { start: titleStart, end: last },
      sourceMap: { runs },
      marks: [],
    };
  });
  return { file: `${id}.txt`, id, format: 'plain', title: null, encoding: 'utf-8', rawText: raw, cases, warnings: [], confidence: 0.9 };
}

let spanIds = 0;

/** A span as the workbench stores one. */
export function spanOn(doc: LoadedDocument, caseId: string, start: number, end: number, label = 'lesson'): SpanAnnotation {
  const c = doc.cases.find((x) => x.id === caseId)!;
  return {
    id: `span-${++spanIds}`,
    caseId,
    start,
    end,
    quote: makeQuote(c.text, start, end),
    label,
    fields: {},
    note: '',
    reviewer: '张三',
    origin: 'manual',
    revision: 0,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  };
}

/** The text a span covers in its case, from a document's cases. */
export function textUnder(doc: LoadedDocument, s: SpanAnnotation): string {
  return doc.cases.find((c) => c.id === s.caseId)!.text.slice(s.start, s.end);
}
