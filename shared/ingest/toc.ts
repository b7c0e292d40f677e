import type { SourceLine } from './decode/source-line.ts';
import { parseNumbering } from './numbering.ts';

/** An entry of a table of contents: a part ("一、健康影响因素篇") or a case ("1．北京市：…"). */
export interface TocEntry {
  kind: 'part' | 'case';
  number: string;
  /** The entry's text without its number, leaders and page number, spaces collapsed. */
  title: string;
  page: number | null;
}

export interface TableOfContents {
  entries: TocEntry[];
  /** Source line indices of the "目录" heading and the last entry. */
  startLine: number;
  endLine: number;
}

const TOC_HEADING = /^目\s*录$|^目\s*次$|^contents$/i;
const ENTRY_END = /(?:[.．。…·]{2,}|\s)\s*(\d{1,4})$/;

/**
 * Read a table of contents: a "目录" line, then entries that end in dot leaders and a page
 * number. An entry may wrap over several lines; the table ends at the first line that cannot be
 * part of an entry (the body's first page number, a part-divider page).
 */
export function parseTableOfContents(lines: readonly SourceLine[]): TableOfContents | null {
  const start = lines.findIndex((l) => TOC_HEADING.test(l.text.text.trim()));
  if (start < 0) return null;
  const entries: TocEntry[] = [];
  let pending = '';
  let pendingLines = 0;
  let endLine = start;
  for (let i = start + 1; i < lines.length; i++) {
    const t = lines[i]!.text.text.trim();
    if (!t) continue;
    if (!pending && /^\d{1,4}$/.test(t)) break; // the body's first page number
    pending = pending ? joinEntryLines(pending, t) : t;
    pendingLines++;
    const end = ENTRY_END.exec(pending);
    if (end) {
      const entry = toEntry(pending.slice(0, end.index), Number(end[1]));
      if (entry) {
        entries.push(entry);
        endLine = i;
      }
      pending = '';
      pendingLines = 0;
    } else if (pendingLines >= 3) break;
  }
  return entries.length >= 3 ? { entries, startLine: start, endLine } : null;
}

function joinEntryLines(a: string, b: string): string {
  // Wrapped CJK entries join without a space; a space the line ended with is kept.
  return /\s$/.test(a) ? a + b : a + b;
}

function toEntry(text: string, page: number): TocEntry | null {
  const t = text.replace(/[.．。…·\s]+$/, '').trim();
  const n = parseNumbering(t);
  if (!n) return null;
  const title = t.slice(n.marker.length).replace(/\s+/g, ' ').trim();
  if (!title) return null;
  return { kind: n.level === 1 ? 'part' : 'case', number: n.marker.trim(), title, page };
}
