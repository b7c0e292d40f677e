import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../shared/api/errors.ts';
import type { SourceExcerpt } from '../../shared/api/types.ts';
import { diffTexts, Mapping } from '../../shared/anchor/index.ts';
import { decodeSource, mapToRaw } from '../../shared/ingest/index.ts';
import type { CaseRecord, DocumentRecord } from '../store/file-kinds.ts';

/** Lines of context shown around a span in its source file. */
const CONTEXT_LINES = 3;

/**
 * Where a range of a case's current text stands in the file it was loaded from, with the lines
 * around it. The range is mapped back through the case's revisions to the text as loaded, then
 * through the loader's offset map to the decoded file. Text an editor added later has no place
 * in the source: said so, rather than pointing at something else.
 */
export async function sourceExcerpt(dir: string, doc: DocumentRecord, c: CaseRecord, start: number, end: number, rawCache: Map<string, string>): Promise<SourceExcerpt> {
  if (!doc.source) throw new ApiError('not-found', `the source file of "${doc.title}" was not kept in this project`);
  let rawText = rawCache.get(doc.id);
  if (rawText === undefined) {
    const bytes = await readFile(join(dir, doc.source)).catch(() => {
      throw new ApiError('not-found', `the source file ${doc.source} is missing from the project folder`);
    });
    rawText = decodeSource(new Uint8Array(bytes), doc.file).rawText;
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
  return { file: doc.file, found: true, quote: rawText.slice(rawStart, rawEnd), rawStart, rawEnd, lines };
}
