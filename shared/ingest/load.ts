import type { DocumentShape, LoadedCase, LoadedDocument, Warning } from '../model/document.ts';
import { buildCase } from './case-builder.ts';
import { decodeSource, type DecodedSource } from './decode/index.ts';
import { findFurniture } from './furniture.ts';
import { analyseLayout, buildParagraphs } from './paragraphs.ts';
import { compendiumShape } from './shapes/compendium.ts';
import { countyTableShape } from './shapes/county-table.ts';
import { newspaperShape } from './shapes/newspaper.ts';
import { noticeShape } from './shapes/notice.ts';
import { provincialBatchShape } from './shapes/provincial-batch.ts';
import { headingsShape } from './shapes/headings.ts';
import { plainShape } from './shapes/plain.ts';
import type { CaseDraft, ShapeContext, ShapeSplitter } from './shapes/shape.ts';
import { parseTableOfContents } from './toc.ts';
import { chooseOutline } from './segment/choose-outline.ts';
import { readDocuments } from './segment/documents.ts';
import { openingOf } from './segment/opening.ts';
import { outlineConfidence, outlineWarnings } from './diagnostics.ts';
import { isTraditional, restorer, simplifiedLines } from './traditional.ts';
import { MappedString } from './mapped-string.ts';
import { titleKey } from './shapes/title-locator.ts';

export const SHAPES: readonly ShapeSplitter[] = [compendiumShape, countyTableShape, noticeShape, provincialBatchShape, newspaperShape, headingsShape, plainShape];

export const READINGS = ['auto', 'lines', 'wrapped'] as const;
export type Reading = (typeof READINGS)[number];

export interface LoadOptions {
  /** Document id used in case ids; derived from the file name when absent. */
  id?: string;
  /** Force a shape instead of detecting it. */
  shape?: DocumentShape;
  /**
   * How to read line breaks: 'auto' decides from the document's own statistics; 'lines' takes
   * every line as a paragraph; 'wrapped' treats the text as hard-wrapped and joins lines back.
   * A person chooses another reading when the automatic one is wrong.
   */
  reading?: Reading;
  maxBytes?: number;
}

/**
 * Load one file into a document of cases and sections: decode (encoding detected), normalise
 * (markup stripped, page furniture dropped, wrapped lines re-joined), detect the document's shape,
 * split it into cases, and find each case's sections. Throws IngestError for files that cannot
 * be read as text; anything merely odd becomes a warning.
 */
export function loadDocument(input: Uint8Array | string | DecodedSource, file: string, options: LoadOptions = {}): LoadedDocument {
  // A host that decodes some inputs itself (PDF, asynchronously) hands over the decoded source.
  const source = isDecodedSource(input) ? input : decodeSource(input, file, options.maxBytes);
  // A traditional-character text is read through its simplified form and shown as it is.
  const traditional = isTraditional(source.rawText);
  const lines = traditional ? simplifiedLines(source.lines) : source.lines;
  const restore = traditional ? restorer(source.rawText, source.lines, lines) : (t: string) => t;
  const toc = parseTableOfContents(lines);
  const tocTitles = new Set(toc?.entries.map((e) => titleKey(e.title)) ?? []);
  const furniture = findFurniture(lines, (t) => tocTitles.has(titleKey(t)));
  const skip = new Set(furniture.keys());
  const detected = analyseLayout(lines, skip);
  const layout = options.reading === 'lines' ? { ...detected, wrapped: false } : options.reading === 'wrapped' ? { ...detected, wrapped: true } : detected;
  const paragraphs = buildParagraphs(lines, skip, layout, tocTitles.size ? (t) => tocTitles.has(titleKey(t)) : undefined);
  const warnings: Warning[] = [];
  const ctx: ShapeContext = { file, rawText: source.rawText, kind: source.kind, lines, paragraphs, layout, warnings, opening: openingOf(paragraphs) };

  const candidates = options.shape ? SHAPES.filter((s) => s.shape === options.shape || s === plainShape) : SHAPES;
  // A forced shape reads the file as one document; otherwise a file may hold several.
  const parts = options.shape ? [{ ctx, choice: chooseOutline(ctx, candidates) }] : readDocuments(ctx, candidates);
  const id = options.id ?? documentIdFromFile(file);
  const cases: LoadedCase[] = [];
  const partWarnings: Warning[] = [];
  for (const { ctx: partCtx, choice } of parts) {
    const shape = choice.splitter.shape;
    if (options.shape && shape !== options.shape) warnings.push({ code: 'no-cases', message: `read as a ${options.shape}, no case could be split out; loaded as one plain case` });
    warnings.push(...choice.warnings);
    const own = choice.drafts.map((d, k) => buildCase(d, id, cases.length + k + 1, shape === 'county-table' ? 'practices' : undefined));
    if (traditional) own.forEach((c, k) => restoreCase(c, choice.drafts[k]!, source.rawText, restore));
    const partToc = parseTableOfContents(partCtx.lines);
    const tocLines = (partToc?.entries ?? []).filter((e) => e.kind === 'case').map((e) => partCtx.lines[e.line]!.text).map((t) => ({ start: t.rawStart, end: t.rawEnd }));
    partWarnings.push(...outlineWarnings(choice, own, partToc, tocLines));
    cases.push(...own);
  }
  const first = parts[0]!.choice;
  const shape = first.splitter.shape;
  let title = first.title === null ? null : restore(first.title);
  if (parts.length > 1) {
    const titles = parts.map((p) => (p.choice.title ? `"${restore(p.choice.title)}"` : 'untitled')).join(', ');
    warnings.push({ code: 'several-documents', severity: 'info', message: `this file holds ${parts.length} documents (${titles}); their cases are loaded one after the other` });
    title ??= parts.find((p) => p.choice.title)?.choice.title ?? null;
  }
  if (traditional) warnings.push({ code: 'traditional', severity: 'info', message: 'written in traditional characters: read through their simplified forms, shown as written' });
  warnings.push(...partWarnings);
  warnings.unshift(...(source.notes ?? []));
  const confidence = Math.min(...parts.map((p) => outlineConfidence(p.choice, warnings)));
  return { file, id, format: shape, title, encoding: source.encoding, rawText: source.rawText, cases, warnings, confidence, ...(source.geometry ? { geometry: source.geometry } : {}) };
}

/** Put a case read through simplified characters back into the document's own characters. */
function restoreCase(c: LoadedCase, draft: CaseDraft, raw: string, restore: (t: string) => string): void {
  c.text = MappedString.join(draft.body.map((p) => p.text), '\n').sourceText(raw);
  c.title = restore(c.title);
  c.region = c.region === null ? null : restore(c.region);
  c.unit = c.unit === null ? null : restore(c.unit);
  c.part = c.part === null ? null : restore(c.part);
  for (const s of c.sections) s.heading = restore(s.heading);
  for (const m of c.marks) m.text = restore(m.text);
}

function isDecodedSource(input: Uint8Array | string | DecodedSource): input is DecodedSource {
  return typeof input === 'object' && !(input instanceof Uint8Array) && 'lines' in input;
}

/** A short, stable document id from a file name: ASCII words kept, anything else hashed. */
export function documentIdFromFile(file: string): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  let slug = base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  // Keep ids short enough to read in a list: whole words up to 24 characters.
  while (slug.length > 24 && slug.includes('-')) slug = slug.slice(0, slug.lastIndexOf('-'));
  slug = slug.slice(0, 24);
  // A readable id when the name has one ("g3", "hebei-2022"); a name of ideographs is hashed.
  if (slug.length >= 2 && /[a-z]/.test(slug)) return slug;
  let h = 0x811c9dc5;
  for (let i = 0; i < base.length; i++) h = Math.imul(h ^ base.charCodeAt(i), 0x01000193) >>> 0;
  return `doc-${h.toString(36)}`;
}
