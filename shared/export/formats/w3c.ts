import { SECTION_KINDS, type FieldValue, type SectionKind } from '../../model/index.ts';
import { offsetConverter, type OffsetConverter } from '../../text/units.ts';
import { isRecord, ownEntry, parseJson } from '../input.ts';
import { sectionDetails, selectedReviews, withSectionDetails } from '../layers.ts';
import { quoteContext } from '../quote-context.ts';
import { fieldsSchema } from '../schemas.ts';
import type { ParsedCase, ParsedReview, ParsedSpan, ParseResult } from '../types.ts';
import { emptyResult, singleJsonFile, type FormatCodec } from './codec.ts';

/**
 * W3C Web Annotation Data Model (JSON-LD): one AnnotationCollection whose single AnnotationPage
 * holds every annotation.
 *
 * Offsets: TextPositionSelector start/end count Unicode code points. The Recommendation (§4.2.5)
 * says the selection "MUST be in terms of unicode code points (the "character number"), not in
 * terms of code units", answering the ambiguity raised in w3c/web-annotation#206; a JavaScript
 * index would be off by one after every 𠀀 or 😀. Each annotation also carries a
 * TextQuoteSelector (exact/prefix/suffix) so a consumer can check or re-find the position.
 *
 * The label is a TextualBody with purpose "tagging"; the note one with purpose "commenting";
 * indicator fields one with purpose "describing" whose value is the fields as JSON.
 *
 * Section tags: each section of a reviewer's outline is an Annotation with motivation
 * "classifying" (id urn:casebench:section:…), a TextualBody with purpose "classifying" per kind
 * (background, practices, results, lessons, other), one with purpose "describing" holding the rest
 * as JSON (heading, numbering, level, heading end in code points, source, confirmed), and a
 * TextPositionSelector over the section (heading to end).
 *
 * Every id is a URI, as the model requires: the page's too (MUST 5.2-pageIdValidated of the W3C
 * test suite), with partOf naming its collection. Each annotation carries its own @context, so an
 * annotation taken out of the collection (stored or forwarded on its own) is still a valid Web
 * Annotation (MUST 3.1-annotationContextValidated).
 *
 * Targets name their case by URN (urn:casebench:case:<id>), which nothing can dereference, so the
 * case texts travel with the collection under "casebench:sources" (a term declared in a second
 * @context entry, as the model allows beside http://www.w3.org/ns/anno.jsonld). Without them the
 * code point offsets could not be turned back into JavaScript offsets.
 */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const CASEBENCH_CONTEXT = { casebench: 'urn:casebench:ns:' };
const SOURCES = 'casebench:sources';
const CASE_URN = 'urn:casebench:case:';

export const caseUrn = (id: string) => CASE_URN + encodeURIComponent(id);
const spanUrn = (id: string) => `urn:casebench:span:${encodeURIComponent(id)}`;
const reviewerUrn = (name: string) => `urn:casebench:reviewer:${encodeURIComponent(name)}`;
const SECTION_URN = 'urn:casebench:section:';
const sectionUrn = (caseId: string, reviewer: string, index: number) => `${SECTION_URN}${encodeURIComponent(caseId)}:${encodeURIComponent(reviewer)}:${index}`;

export const w3cFormat: FormatCodec = {
  steps: (view) => view.cases.length,

  write(view, progress) {
    const items: unknown[] = [];
    const sources = view.cases.map((c) => ({ id: caseUrn(c.data.id), type: 'Text', format: 'text/plain', label: c.data.title, value: c.data.text }));
    for (const c of view.cases) {
      const conv = c.converter();
      const source = caseUrn(c.data.id);
      for (const { span, quote } of c.spans) {
        const body: Record<string, unknown>[] = [{ type: 'TextualBody', purpose: 'tagging', value: span.label }];
        if (span.note !== '') body.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: span.note });
        if (Object.keys(span.fields).length > 0) body.push({ type: 'TextualBody', purpose: 'describing', format: 'application/json', value: JSON.stringify(span.fields) });
        items.push({
          '@context': ANNO_CONTEXT,
          id: spanUrn(span.id),
          type: 'Annotation',
          motivation: 'tagging',
          created: span.createdAt,
          modified: span.updatedAt,
          creator: { id: reviewerUrn(span.reviewer), type: 'Person', nickname: span.reviewer },
          body,
          target: {
            source,
            selector: [
              { type: 'TextQuoteSelector', exact: quote, ...quoteContext(c.data.text, span.start, span.end) },
              { type: 'TextPositionSelector', start: conv.toCodePoints(span.start), end: conv.toCodePoints(span.end) },
            ],
          },
        });
      }
      for (const [reviewer, review] of selectedReviews(c.data, view.selects)) {
        review.sections?.forEach((section, index) => {
          items.push({
            '@context': ANNO_CONTEXT,
            id: sectionUrn(c.data.id, reviewer, index),
            type: 'Annotation',
            motivation: 'classifying',
            creator: { id: reviewerUrn(reviewer), type: 'Person', nickname: reviewer },
            body: [
              ...section.kinds.map((kind) => ({ type: 'TextualBody', purpose: 'classifying', value: kind })),
              { type: 'TextualBody', purpose: 'describing', format: 'application/json', value: JSON.stringify(sectionDetails(section, conv)) },
            ],
            target: { source, selector: { type: 'TextPositionSelector', start: conv.toCodePoints(section.start), end: conv.toCodePoints(section.end) } },
          });
        });
      }
      progress.step();
    }
    const id = `urn:casebench:project:${encodeURIComponent(view.dataset.project.name)}`;
    const collection = {
      '@context': [ANNO_CONTEXT, CASEBENCH_CONTEXT],
      id,
      type: 'AnnotationCollection',
      label: view.dataset.project.name,
      total: items.length,
      generator: { id: 'urn:casebench', type: 'Software', name: 'casebench' },
      generated: view.dataset.project.exportedAt,
      [SOURCES]: sources,
      first: { id: `${id}:page:0`, type: 'AnnotationPage', partOf: id, startIndex: 0, items },
    };
    return [{ path: 'dataset.jsonld', data: `${JSON.stringify(collection, null, 2)}\n` }];
  },

  read(files) {
    const result = emptyResult();
    const file = singleJsonFile(files, result);
    if (!file) return result;
    const texts = readSources(file.value, result);
    const annotations = annotationsOf(file.value);
    if (annotations === null) {
      result.issues.push({ file: file.path, message: 'not a Web Annotation document: expected an AnnotationCollection, an AnnotationPage, an Annotation or a list of them' });
      return result;
    }
    const converters = new Map<string, OffsetConverter>();
    const cases = new Map(result.cases.map((c) => [c.id, c]));
    annotations.forEach((anno, i) => {
      const where = `annotation ${i + 1}${isRecord(anno) && typeof anno.id === 'string' ? ` (${anno.id})` : ''}`;
      if (isSectionAnnotation(anno)) {
        const problem = readSectionAnnotation(anno, texts, converters, cases);
        if (problem) result.issues.push({ file: file.path, message: `${where}: ${problem}` });
        return;
      }
      const spans = readAnnotation(anno, texts, converters);
      if (typeof spans === 'string') result.issues.push({ file: file.path, message: `${where}: ${spans}` });
      else result.spans.push(...spans);
    });
    return result;
  },
};

function readSources(root: unknown, result: ParseResult): Map<string, string> {
  const texts = new Map<string, string>();
  const sources = isRecord(root) ? root[SOURCES] : undefined;
  if (!Array.isArray(sources)) return texts;
  for (const s of sources) {
    if (!isRecord(s) || typeof s.id !== 'string' || typeof s.value !== 'string') continue;
    const id = caseIdOf(s.id);
    texts.set(id, s.value);
    result.cases.push(typeof s.label === 'string' ? { id, text: s.value, title: s.label } : { id, text: s.value });
  }
  return texts;
}

function annotationsOf(root: unknown): unknown[] | null {
  if (Array.isArray(root)) return root;
  if (!isRecord(root)) return null;
  if (root.type === 'Annotation') return [root];
  if (Array.isArray(root.items)) return root.items;
  if (isRecord(root.first) && Array.isArray(root.first.items)) return root.first.items;
  return null;
}

/** The case id a target source names: ours decoded, anyone else's as it is. */
function caseIdOf(source: string): string {
  if (!source.startsWith(CASE_URN)) return source;
  try {
    return decodeURIComponent(source.slice(CASE_URN.length));
  } catch {
    return source;
  }
}

/** Whether an annotation is casebench's section tag (classifying, with section kinds as bodies). */
function isSectionAnnotation(anno: unknown): anno is Record<string, unknown> {
  return isRecord(anno) && anno.motivation === 'classifying' && typeof anno.id === 'string' && anno.id.startsWith(SECTION_URN);
}

/** Adds a section tag to its case's reviews (or its own outline when no one made it); returns a problem, or null. */
function readSectionAnnotation(anno: Record<string, unknown>, texts: Map<string, string>, converters: Map<string, OffsetConverter>, cases: Map<string, ParsedCase>): string | null {
  const target = Array.isArray(anno.target) ? anno.target[0] : anno.target;
  if (!isRecord(target) || typeof target.source !== 'string') return 'target has no source';
  const caseId = caseIdOf(target.source);
  const text = texts.get(caseId);
  const parsedCase = cases.get(caseId);
  if (text === undefined || !parsedCase) return `no text for ${target.source}`;
  let conv = converters.get(caseId);
  if (!conv) converters.set(caseId, (conv = offsetConverter(text)));
  const position = (Array.isArray(target.selector) ? target.selector : [target.selector]).filter(isRecord).find((s) => s.type === 'TextPositionSelector');
  if (!position || !isCount(position.start) || !isCount(position.end) || position.end < position.start || position.end > conv.codePointLength) return 'a section needs a TextPositionSelector within the text';
  const bodies = (Array.isArray(anno.body) ? anno.body : [anno.body]).filter(isRecord);
  const kinds = bodies.filter((b) => b.purpose === 'classifying' && (SECTION_KINDS as readonly unknown[]).includes(b.value)).map((b) => b.value as SectionKind);
  if (kinds.length === 0) return `no classifying body with a section kind (${SECTION_KINDS.join(', ')})`;
  const described = bodies.find((b) => b.purpose === 'describing' && typeof b.value === 'string')?.value as string | undefined;
  const parsed = described === undefined ? null : parseJson(described);
  const section = withSectionDetails({ heading: '', kinds: [...new Set(kinds)], level: 1, start: conv.toUtf16(position.start), end: conv.toUtf16(position.end) }, parsed?.ok ? parsed.value : null, conv);
  const reviewer = reviewerOf(anno.creator);
  if (reviewer === undefined) (parsedCase.sections ??= []).push(section);
  else (ownEntry((parsedCase.reviews ??= {}), reviewer, (): ParsedReview => ({})).sections ??= []).push(section);
  return null;
}

/** The spans of one annotation (one per tagging body), or why it cannot be read. */
function readAnnotation(anno: unknown, texts: Map<string, string>, converters: Map<string, OffsetConverter>): ParsedSpan[] | string {
  if (!isRecord(anno)) return 'not an object';
  const target = Array.isArray(anno.target) ? anno.target[0] : anno.target;
  if (!isRecord(target) || typeof target.source !== 'string') return 'target has no source';
  const caseId = caseIdOf(target.source);
  const text = texts.get(caseId);
  if (text === undefined) return `no text for ${target.source}: code point offsets cannot be converted without the case text`;
  const selectors = (Array.isArray(target.selector) ? target.selector : [target.selector]).filter(isRecord);
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  const quoteSel = selectors.find((s) => s.type === 'TextQuoteSelector');
  let conv = converters.get(caseId);
  if (!conv) converters.set(caseId, (conv = offsetConverter(text)));

  let start: number;
  let end: number;
  if (position) {
    if (!isCount(position.start) || !isCount(position.end) || position.end < position.start) return 'TextPositionSelector needs whole-number start ≤ end';
    if (position.end > conv.codePointLength) return `TextPositionSelector end ${position.end} is beyond the text (${conv.codePointLength} code points)`;
    start = conv.toUtf16(position.start);
    end = conv.toUtf16(position.end);
  } else if (quoteSel && typeof quoteSel.exact === 'string') {
    const found = findQuote(text, quoteSel.exact, str(quoteSel.prefix), str(quoteSel.suffix));
    if (!found) return `quote ${JSON.stringify(quoteSel.exact)} not found in the case text`;
    ({ start, end } = found);
  } else {
    return 'no TextPositionSelector or TextQuoteSelector';
  }

  const bodies = (Array.isArray(anno.body) ? anno.body : [anno.body]).filter(isRecord);
  const tags = bodies.filter((b) => b.purpose === 'tagging' && typeof b.value === 'string').map((b) => b.value as string);
  if (tags.length === 0) return 'no tagging body (the label)';
  const note = bodies.find((b) => b.purpose === 'commenting' && typeof b.value === 'string')?.value as string | undefined;
  const fields = readFields(bodies.find((b) => b.purpose === 'describing' && b.format === 'application/json' && typeof b.value === 'string')?.value as string | undefined);
  const reviewer = reviewerOf(anno.creator);
  const id = typeof anno.id === 'string' && anno.id.startsWith('urn:casebench:span:') ? safeDecode(anno.id.slice('urn:casebench:span:'.length)) : undefined;

  return tags.map((label) => {
    // The quote as the file states it: parseExport compares it with the text at the position.
    const quote = quoteSel && typeof quoteSel.exact === 'string' ? quoteSel.exact : text.slice(start, end);
    const span: ParsedSpan = { caseId, start, end, label, quote, fields };
    if (id !== undefined) span.id = id;
    if (reviewer !== undefined) span.reviewer = reviewer;
    if (note) span.note = note;
    return span;
  });
}

function readFields(json: string | undefined): Record<string, FieldValue> {
  if (json === undefined) return {};
  const parsed = parseJson(json);
  const fields = parsed.ok ? fieldsSchema.safeParse(parsed.value) : undefined;
  return fields?.success ? fields.data : {};
}

function reviewerOf(creator: unknown): string | undefined {
  const c = Array.isArray(creator) ? creator[0] : creator;
  if (typeof c === 'string') return c;
  if (!isRecord(c)) return undefined;
  for (const key of ['nickname', 'name', 'id']) if (typeof c[key] === 'string') return c[key] as string;
  return undefined;
}

/** Where the quote sits, preferring the occurrence whose prefix and suffix match. */
function findQuote(text: string, exact: string, prefix: string, suffix: string): { start: number; end: number } | null {
  if (exact === '') return null;
  let best: { start: number; score: number } | null = null;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const score = (text.slice(0, at).endsWith(prefix) ? 1 : 0) + (text.slice(at + exact.length).startsWith(suffix) ? 1 : 0);
    if (!best || score > best.score) best = { start: at, score };
  }
  return best && { start: best.start, end: best.start + exact.length };
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
