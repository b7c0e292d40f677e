import type { LoadedDocument } from '../model/document.ts';
import { SECTION_KINDS, type Section, type SectionKind } from '../model/sections.ts';
import type { Correction, Unfit, UnfitReason } from './corrections.ts';
import { Lineage } from './lineage.ts';
import { headingWords, leadingNumbering, paragraphAt, shiftSections, withSectionEnds } from './paragraphs.ts';
import { locateAnchor } from './source-anchor.ts';
import { TrackedText } from './tracked-text.ts';
import { loadedCase, workingCase, type StoredTitleParagraph, type WorkingCase } from './working-case.ts';
import type { SourceAnchor } from './corrections.ts';

export interface ApplyOptions {
  /** Titles that splits made from paragraphs, by case id: a later merge puts them back as body text. */
  titleParagraphs?: Readonly<Record<string, StoredTitleParagraph>>;
}

export interface Applied {
  /** The document as corrected: cases renumbered, each with its text, sections and offset map. */
  document: LoadedDocument;
  /** The corrections that took effect, in order. */
  applied: Correction[];
  /** Those that do not fit this document, with the reason; nothing is forced. */
  unfit: Unfit[];
  /** Where the text of each case of the input went: carries annotations over. */
  lineage: Lineage;
  /** Titles made from paragraphs, by case id, to keep beside the cases. */
  titleParagraphs: Record<string, StoredTitleParagraph>;
}

class Misfit extends Error {
  constructor(readonly reason: UnfitReason) {
    super(reason);
  }
}

/**
 * Apply corrections to a loaded document, in order. Each is found in the document by its source
 * anchor; one that no longer fits is listed in `unfit` with its reason and changes nothing. The
 * shape and reading corrections are the caller's to load with (see loadOptionsOf); here they
 * only check that the document was loaded as they say.
 */
export function applyCorrections(loaded: LoadedDocument, corrections: readonly Correction[], options: ApplyOptions = {}): Applied {
  const raw = loaded.rawText;
  const bases = new Map<string, number>();
  let base = 0;
  let cases: WorkingCase[] = loaded.cases.map((c) => {
    bases.set(c.id, base);
    const w = workingCase(c, base, options.titleParagraphs?.[c.id]);
    base += c.text.length + 1;
    return w;
  });
  const applied: Correction[] = [];
  const unfit: Unfit[] = [];
  const lastShape = corrections.findLast((c) => c.op === 'shape');

  /** The case and local offset where an anchor's source text now is. */
  const locate = (anchor: SourceAnchor): { index: number; at: number } => {
    const pos = locateAnchor(raw, anchor);
    if (pos === null) throw new Misfit('not-found');
    for (let index = 0; index < cases.length; index++) {
      const c = cases[index]!;
      const local = c.body.localOfRaw(pos);
      if (local !== null) return { index, at: snapToParagraph(c.body, local) };
      const title = c.titleFrom.kind === 'paragraph' ? c.titleFrom.paragraph.rawRange() : c.titleFrom.kind === 'loader' ? c.titleFrom.raw : null;
      if (title && pos >= title.start && pos < title.end) return { index, at: 0 };
    }
    throw new Misfit('no-case');
  };
  const locateCase = (anchor: SourceAnchor) => cases[locate(anchor).index]!;
  const locateParagraph = (anchor: SourceAnchor) => {
    const found = locate(anchor);
    const c = cases[found.index]!;
    if (paragraphAt(c.body.text, found.at).start !== found.at) throw new Misfit('not-a-paragraph-start');
    return { ...found, c };
  };

  for (const k of corrections) {
    try {
      switch (k.op) {
        case 'shape':
          if (k === lastShape && loaded.format !== k.shape) throw new Misfit('other-shape');
          break;
        case 'reading':
          break;
        case 'split': {
          const { index, at } = locate(k.at);
          if (at === 0) throw new Misfit('case-start');
          if (cases.some((c) => c.id === k.newCaseId)) throw new Misfit('id-taken');
          cases.splice(index, 1, ...split(cases[index]!, at, k));
          break;
        }
        case 'merge': {
          const { index } = locate(k.at);
          if (index === 0) throw new Misfit('first-case');
          cases.splice(index - 1, 2, merge(cases[index - 1]!, cases[index]!, raw));
          break;
        }
        case 'retitle':
          // The title's source text stays as it was: a merge puts that back, not the new words.
          locateCase(k.at).title = k.title;
          break;
        case 'set-region':
          locateCase(k.at).region = k.region || null;
          break;
        case 'set-part':
          locateCase(k.at).part = k.part || null;
          break;
        case 'drop-case': {
          const { index } = locate(k.at);
          if (cases.length === 1) throw new Misfit('last-case');
          cases = cases.filter((_, i) => i !== index);
          break;
        }
        case 'drop-text': {
          const from = locateParagraph(k.at);
          const to = locateParagraph(k.to);
          if (from.index !== to.index || to.at < from.at) throw new Misfit('order');
          dropText(from.c, from.at, paragraphAt(from.c.body.text, to.at).end);
          break;
        }
        case 'make-heading': {
          const { c, at } = locateParagraph(k.at);
          if (c.sections.some((s) => s.start === at)) throw new Misfit('already-a-heading');
          const p = paragraphAt(c.body.text, at);
          const length = Math.min(k.length ?? p.end - p.start, p.end - p.start);
          const wording = c.body.text.slice(at, at + length);
          const section: Section = {
            heading: headingWords(wording) || wording.trim(),
            numbering: leadingNumbering(wording),
            level: k.level,
            kinds: inKindOrder(k.kinds),
            start: at,
            headingEnd: at + length,
            end: c.body.length,
            ...(at + length < p.end ? { runIn: true } : {}),
          };
          c.sections = withSectionEnds([...c.sections, section], c.body.length);
          break;
        }
        case 'make-body': {
          const { c, at } = locateParagraph(k.at);
          if (!c.sections.some((s) => s.start === at)) throw new Misfit('not-a-heading');
          c.sections = withSectionEnds(
            c.sections.filter((s) => s.start !== at),
            c.body.length,
          );
          break;
        }
        case 'set-heading': {
          const { c, at } = locateParagraph(k.at);
          const s = c.sections.find((x) => x.start === at);
          if (!s) throw new Misfit('not-a-heading');
          if (k.level !== undefined) s.level = k.level;
          if (k.kinds) s.kinds = inKindOrder(k.kinds);
          c.sections = withSectionEnds(c.sections, c.body.length);
          break;
        }
      }
      applied.push(k);
    } catch (e) {
      if (!(e instanceof Misfit)) throw e;
      unfit.push({ correction: k, reason: e.reason });
    }
  }

  const titleParagraphs: Record<string, StoredTitleParagraph> = {};
  for (const c of cases) {
    if (c.titleFrom.kind === 'paragraph') titleParagraphs[c.id] = { text: c.titleFrom.paragraph.text, sourceMap: c.titleFrom.paragraph.sourceMap(), sections: c.titleFrom.sections };
  }
  const document: LoadedDocument = { ...loaded, cases: cases.map((c, i) => loadedCase(c, i + 1)) };
  return { document, applied, unfit, lineage: new Lineage(bases, loaded.cases, cases), titleParagraphs };
}

/**
 * A local offset moved back to the start of its paragraph when only made-up characters stand
 * between (a paragraph may open with a character the loader supplied; the anchor is on the first
 * character that came from the file).
 */
function snapToParagraph(body: TrackedText, local: number): number {
  const p = paragraphAt(body.text, local);
  for (let i = p.start; i < local; i++) if (body.rawAt(i) !== null) return local;
  return p.start;
}

const REGION_TITLE = /^(.{1,14}?[省市县区州盟旗镇乡村])[：:]\s*(.+)$/u;

function split(c: WorkingCase, at: number, k: Extract<Correction, { op: 'split' }>): [WorkingCase, WorkingCase] {
  const text = c.body.text;
  const onBoundary = text[at - 1] === '\n';
  // At a paragraph boundary the "\n" between goes; inside a paragraph (a title the loader ran
  // into the text before it) the paragraph is cut there.
  const first = c.body.slice(0, onBoundary ? at - 1 : at);
  let second = c.body.slice(at);
  let sections = shiftSections(c.sections, -at, at);
  let titleFrom: WorkingCase['titleFrom'] = { kind: 'given' };
  let title = k.title ?? '';
  let region: string | null = null;
  if (k.titleFromParagraph) {
    const nl = second.text.indexOf('\n');
    const end = nl === -1 ? second.length : nl;
    const paragraph = second.slice(0, end);
    titleFrom = { kind: 'paragraph', paragraph, sections: shiftSections(sections, 0, 0, end) };
    sections = shiftSections(sections, -(end + 1), end + 1);
    second = second.slice(Math.min(second.length, end + 1));
    const words = paragraph.text.trim();
    const named = REGION_TITLE.exec(headingWords(words) || words);
    if (k.title === undefined && named) {
      region = named[1]!;
      title = named[2]!.trim();
    } else title = k.title ?? words;
  }
  // A heading cut by a split inside its paragraph ends where the text now ends.
  const before = shiftSections(c.sections, 0, 0, first.length).map((s) => ({ ...s, headingEnd: Math.min(s.headingEnd, first.length) }));
  const head: WorkingCase = { ...c, body: first, sections: withSectionEnds(before, first.length) };
  const tail: WorkingCase = {
    id: k.newCaseId,
    documentId: c.documentId,
    title,
    region,
    unit: null,
    part: c.part,
    marks: [],
    body: second,
    sections: withSectionEnds(sections, second.length),
    titleFrom,
  };
  return [head, tail];
}

function merge(a: WorkingCase, b: WorkingCase, raw: string): WorkingCase {
  const pieces: Array<{ text: TrackedText; sections: Section[] }> = [{ text: a.body, sections: a.sections }];
  if (b.titleFrom.kind === 'paragraph') pieces.push({ text: b.titleFrom.paragraph, sections: b.titleFrom.sections });
  else if (b.titleFrom.kind === 'loader' && b.titleFrom.raw) for (const line of titleLines(raw, b.titleFrom.raw)) pieces.push({ text: line, sections: [] });
  pieces.push({ text: b.body, sections: b.sections });
  const kept = pieces.filter((p) => p.text.length > 0);
  const texts: TrackedText[] = [];
  const sections: Section[] = [];
  let offset = 0;
  for (const p of kept) {
    if (texts.length) offset += 1;
    sections.push(...shiftSections(p.sections, offset));
    texts.push(p.text);
    offset += p.text.length;
  }
  const body = TrackedText.rejoin(texts);
  return { ...a, body, sections: withSectionEnds(sections, body.length), marks: [...a.marks, ...b.marks] };
}

/**
 * The source lines the loader took as a case's title, as paragraphs to put back into the text
 * when the case is merged into the one before it ("# 三、经验启示" becomes "三、经验启示").
 * Lines that hold markup are left out: they are not text.
 */
function titleLines(raw: string, range: { start: number; end: number }): TrackedText[] {
  const out: TrackedText[] = [];
  const slice = raw.slice(range.start, range.end);
  if (slice.length > 600) return out;
  let at = 0;
  for (const line of slice.split('\n')) {
    const lineStart = range.start + at;
    at += line.length + 1;
    if (/[<>]/.test(line)) continue;
    const lead = /^[\s\u3000\ufeff]*(?:#{1,6}\s+|>\s*)?[\s\u3000]*/.exec(line)![0].length;
    const trail = /[\s\u3000\r]*$/.exec(line.slice(lead))![0].length;
    const end = line.length - trail;
    if (end > lead) out.push(TrackedText.fromRaw(raw, lineStart + lead, lineStart + end));
  }
  return out;
}

function dropText(c: WorkingCase, start: number, end: number): void {
  const text = c.body.text;
  // Take one "\n" with the dropped paragraphs: the one after, or before when they end the text.
  const [from, to] = end < text.length ? [start, end + 1] : [Math.max(0, start - 1), end];
  const body = TrackedText.concat([c.body.slice(0, from), c.body.slice(to)]);
  const removed = to - from;
  c.sections = withSectionEnds([...shiftSections(c.sections, 0, 0, from), ...shiftSections(c.sections, -removed, to)], body.length);
  c.body = body;
}

/** Kinds in the vocabulary's order, once each (as the section tagging keeps them). */
function inKindOrder(kinds: readonly SectionKind[]): SectionKind[] {
  return SECTION_KINDS.filter((k) => kinds.includes(k));
}
