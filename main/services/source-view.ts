import { extname } from 'node:path';
import { ApiError } from '../../shared/api/errors.ts';
import type { SourceExcerpt, SourceFileContent } from '../../shared/api/types.ts';
import { diffTexts, Mapping } from '../../shared/anchor/index.ts';
import { mapToRaw } from '../../shared/ingest/index.ts';
import { boxesForRange } from '../pdf/range-boxes.ts';
import type { CaseRecord, DocumentRecord, LayoutFile } from '../store/file-kinds.ts';
import type { ProjectStore } from '../store/project-store.ts';
import { readInside } from '../store/inside-project.ts';
import { ProjectError } from '../store/project-error.ts';
import { sourceRawText } from './source-layout.ts';

/** Lines of context shown around a span in its source file. */
const CONTEXT_LINES = 3;

/**
 * Where a range of a case's current text stands in the file it was loaded from, with the lines
 * around it. The range is mapped back through the case's revisions to the text as loaded, then
 * through the loader's offset map to the decoded file. Text an editor added later has no place
 * in the source: said so, rather than pointing at something else. For a paged source (PDF) the
 * range's boxes on its pages come too, from the layout kept with the document.
 */
export async function sourceExcerpt(store: ProjectStore, doc: DocumentRecord, c: CaseRecord, start: number, end: number, rawCache: Map<string, string>): Promise<SourceExcerpt> {
  if (!doc.source) throw new ApiError('not-found', `the source file of "${doc.title}" was not kept in this project`);
  const layout = await store.layout(doc.id);
  let rawText = layout?.rawText ?? rawCache.get(doc.id);
  if (rawText === undefined) {
    const bytes = await readSource(store.dir, doc.source);
    rawText = await sourceRawText(store, doc, bytes);
    rawCache.set(doc.id, rawText);
  }
  const latest = c.revisions[c.revisions.length - 1]!;
  let from = start;
  let to = end;
  if (latest.revision > 0) {
    // Newest to oldest: each step maps positions of a revision into the one before it.
    const steps = [];
    for (let k = c.revisions.length - 1; k > 0; k--) steps.push(diffTexts(c.revisions[k]!.text, c.revisions[k - 1]!.text).map);
    const back = new Mapping(steps);
    const s = back.mapResult(start, 1);
    const e = back.mapResult(end, -1);
    // Text inserted by a revision maps to an empty range: it has no place in the source.
    from = s.pos;
    to = e.pos;
  }
  if (from >= to) return { file: doc.file, found: false, quote: latest.text.slice(start, end), lines: [] };
  const rawStart = mapToRaw(c.sourceMap, from);
  // The map is per UTF-16 unit: the end is one past where the range's last unit came from.
  const rawEnd = mapToRaw(c.sourceMap, to - 1) + 1;
  const lineStarts = [0];
  for (let i = rawText.indexOf('\n'); i >= 0; i = rawText.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (pos: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const first = Math.max(0, lineOf(rawStart) - CONTEXT_LINES);
  const last = Math.min(lineStarts.length - 1, lineOf(Math.max(rawStart, rawEnd - 1)) + CONTEXT_LINES);
  const lines = [];
  for (let n = first; n <= last; n++) {
    const ls = lineStarts[n]!;
    const le = n + 1 < lineStarts.length ? lineStarts[n + 1]! - 1 : rawText.length;
    const text = rawText.slice(ls, le).replace(/\r$/, '');
    const markStart = Math.max(0, Math.min(text.length, rawStart - ls));
    const markEnd = Math.max(0, Math.min(text.length, rawEnd - ls));
    lines.push({ number: n + 1, text, ...(markEnd > markStart ? { mark: { start: markStart, end: markEnd } } : {}) });
  }
  return { file: doc.file, found: true, quote: rawText.slice(rawStart, rawEnd), rawStart, rawEnd, lines, ...(layout ? { layout: layoutOf(layout, rawStart, rawEnd, c.sourceMap, from, to) } : {}) };
}

/**
 * The range's boxes. A range runs through joins the loader made (a paragraph break between two
 * lines of raw text): each copied stretch of the case text is looked up on its own, so the boxes
 * are those of the characters themselves.
 */
function layoutOf(layout: LayoutFile, rawStart: number, rawEnd: number, map: CaseRecord['sourceMap'], from: number, to: number): NonNullable<SourceExcerpt['layout']> {
  const boxes = [];
  const runs = map.runs;
  let covered = false;
  for (let i = 0; i < runs.length; i += 3) {
    const local = runs[i]!;
    const len = runs[i + 2]!;
    const a = Math.max(from, local);
    const b = Math.min(to, local + len);
    if (a >= b) continue;
    covered = true;
    const raw = runs[i + 1]! - local;
    boxes.push(...boxesForRange(layout.geometry, raw + a, raw + b));
  }
  if (!covered) boxes.push(...boxesForRange(layout.geometry, rawStart, rawEnd));
  return { documentId: layout.documentId, pages: layout.geometry.pages, boxes };
}

/**
 * A document's source, read from the project's sources/ folder only: a project from elsewhere
 * may name "../outside/secret.txt" or link out, and is then refused, not read.
 */
export async function readSource(dir: string, source: string): Promise<Uint8Array> {
  try {
    return await readInside(dir, source, 'the source file', 'sources');
  } catch (e) {
    if (e instanceof ProjectError && e.code === 'outside') throw new ApiError('forbidden', e.message);
    throw new ApiError('not-found', `the source file ${source} is missing from the project folder`);
  }
}

const MEDIA_TYPES: Record<string, string> = { '.pdf': 'application/pdf', '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };

/** A document's original file as kept in the project, for the workbench to show (a PDF's pages). */
export async function sourceFile(dir: string, doc: DocumentRecord): Promise<SourceFileContent> {
  if (!doc.source) throw new ApiError('not-found', `the source file of "${doc.title}" was not kept in this project`);
  const bytes = await readSource(dir, doc.source);
  return { name: doc.file, mediaType: MEDIA_TYPES[extname(doc.source).toLowerCase()] ?? 'application/octet-stream', base64: Buffer.from(bytes).toString('base64') };
}
