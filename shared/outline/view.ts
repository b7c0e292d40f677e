import type { DocumentShape, LoadedDocument, Warning } from '../model/document.ts';
import type { SectionKind } from '../model/sections.ts';
import type { Correction, Unfit } from './corrections.ts';
import { loadOptionsOf } from './edits.ts';
import { paragraphRanges } from './paragraphs.ts';
import { TrackedText } from './tracked-text.ts';

/** A loader diagnostic at the place it concerns: a paragraph of a case, a case, or between cases. */
export interface PlacedWarning {
  code: string;
  message: string;
  severity: 'info' | 'warning';
  /** The case it concerns, when it concerns one. */
  caseId: string | null;
  /** The offset in that case's text of the paragraph it concerns, when it concerns one. */
  at: number | null;
  /** For text in no case: the case it comes after (null: before the first case). */
  after: string | null;
}

export interface OutlineParagraph {
  start: number;
  end: number;
  text: string;
  /** Set when a section heading starts this paragraph. */
  heading?: { level: number; kinds: SectionKind[]; numbering: string; heading: string };
}

export interface OutlineCase {
  id: string;
  ordinal: number;
  title: string;
  region: string | null;
  unit: string | null;
  part: string | null;
  length: number;
  /** Top-level sections with their kinds. */
  sections: Array<{ heading: string; numbering: string; level: number; kinds: SectionKind[]; start: number }>;
  paragraphs: OutlineParagraph[];
  warnings: PlacedWarning[];
}

/** The outline of one document as the loader (and the corrections so far) found it. */
export interface OutlineView {
  /** The file name as given. */
  file: string;
  documentId: string;
  format: DocumentShape;
  /** The reading chosen by a correction, if any (else the loader decided). */
  reading: 'auto' | 'lines' | 'wrapped' | null;
  title: string | null;
  encoding: string;
  confidence: number;
  cases: OutlineCase[];
  /** Diagnostics about text in no case, and about the document as a whole. */
  warnings: PlacedWarning[];
  corrections: Correction[];
  unfit: Unfit[];
}

/** The outline view of a corrected document, with each warning placed. */
export function outlineView(doc: LoadedDocument, corrections: readonly Correction[], unfit: readonly Unfit[]): OutlineView {
  const tracked = doc.cases.map((c) => TrackedText.fromCase(c.text, c.sourceMap, null));
  const placed = doc.warnings.map((w) => placeWarning(doc, tracked, w));
  const cases: OutlineCase[] = doc.cases.map((c) => {
    const top = c.sections.length ? Math.min(...c.sections.map((s) => s.level)) : 1;
    const byStart = new Map(c.sections.map((s) => [s.start, s]));
    return {
      id: c.id,
      ordinal: c.ordinal,
      title: c.title,
      region: c.region,
      unit: c.unit,
      part: c.part,
      length: c.text.length,
      sections: c.sections.filter((s) => s.level === top).map((s) => ({ heading: s.heading, numbering: s.numbering, level: s.level, kinds: s.kinds, start: s.start })),
      paragraphs: paragraphRanges(c.text).map((p) => {
        const s = byStart.get(p.start);
        return { ...p, text: c.text.slice(p.start, p.end), ...(s ? { heading: { level: s.level, kinds: s.kinds, numbering: s.numbering, heading: s.heading } } : {}) };
      }),
      warnings: placed.filter((w) => w.caseId === c.id),
    };
  });
  const options = loadOptionsOf(corrections);
  return {
    file: doc.file,
    documentId: doc.id,
    format: doc.format,
    reading: options.reading ?? null,
    title: doc.title,
    encoding: doc.encoding,
    confidence: doc.confidence,
    cases,
    warnings: placed.filter((w) => w.caseId === null),
    corrections: [...corrections],
    unfit: [...unfit],
  };
}

/**
 * Where a warning belongs: by its place in the source when it has one (the paragraph of the case
 * that holds it now, even after corrections moved it), else by the case it names.
 */
export function placeWarning(doc: LoadedDocument, tracked: readonly TrackedText[], w: Warning): PlacedWarning {
  const base = { code: w.code, message: w.message, severity: w.severity ?? ('warning' as const) };
  if (w.at) {
    for (const [i, t] of tracked.entries()) {
      // The first characters of the place are enough (a range may begin on markup or a blank).
      for (let raw = w.at.start; raw < Math.min(Math.max(w.at.end, w.at.start + 1), w.at.start + 64); raw++) {
        const local = t.localOfRaw(raw);
        if (local === null) continue;
        const start = t.text.lastIndexOf('\n', local - 1) + 1;
        return { ...base, caseId: doc.cases[i]!.id, at: start, after: null };
      }
    }
    // Text in no case: between the cases around it.
    let after: string | null = null;
    for (const c of doc.cases) if (c.sourceRange.start <= w.at.start) after = c.id;
    const inTitle = doc.cases.find((c) => c.sourceRange.start <= w.at!.start && w.at!.start < c.sourceRange.end);
    if (inTitle) return { ...base, caseId: inTitle.id, at: null, after: null };
    return { ...base, caseId: null, at: null, after };
  }
  if (w.caseId && doc.cases.some((c) => c.id === w.caseId)) return { ...base, caseId: w.caseId, at: null, after: null };
  return { ...base, caseId: null, at: null, after: null };
}
