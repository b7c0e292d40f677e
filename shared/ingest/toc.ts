import type { SourceLine } from './decode/source-line.ts';
import { parseNumbering } from './numbering.ts';

/** An entry of a table of contents: a part ("一、健康影响因素篇") or a case ("1．北京市：…"). */
export interface TocEntry {
  kind: 'part' | 'case';
  number: string;
  /** The entry's text without its number, leaders and page number, spaces collapsed. */
  title: string;
  page: number | null;
  /** Source line the entry ends on. */
  line: number;
}

export interface TableOfContents {
  entries: TocEntry[];
  /** Source line indices of the "目录" heading and the last entry. */
  startLine: number;
  endLine: number;
}

const TOC_HEADING = /^目\s*录$|^目\s*次$|^contents$/i;
/** Leaders and the page number an entry ends in: "…… 12", ".... 3", "· · · 7", or "  12". */
const ENTRY_END = /(?:[.．。…·・][.．。…·・\s]*[.．。…·・]|\s)\s*(\d{1,4})$/;
const ONLY_LEADERS = /^[.．。…·・\s]{3,}$/;
const LEADERS_AND_PAGE = /^[.．。…·・\s]*(\d{1,4})$/;
/** A page's own footer or header inside the table of contents ("第 1 页", "— 2 —"). */
const PAGE_FOOTER = /^(?:第\s*\d{1,4}\s*页.*|[-—–·•\s]*\d{1,4}[-—–·•\s]*|[ivxlcdm]{1,6})$/i;
/** A footer that says it is one: a number between dashes, or "第 N 页". */
const PAGE_FOOTER_MARKED = /^(?:第\s*\d{1,4}\s*页|[-—–]\s*\d{1,4}\s*[-—–])$/;
/** More lines than this without finishing an entry: the table has ended. */
const MAX_GAP_LINES = 7;
const MAX_ENTRY_CHARS = 140;
/** A table whose first entry is further than this from its heading is no table of contents. */
const MAX_LINES_BEFORE_FIRST = 16;

const cache = new WeakMap<readonly SourceLine[], TableOfContents | null>();

/**
 * Read a table of contents: a "目录" line, then entries that end in dot leaders and a page
 * number. Extraction wraps an entry over several lines and can put its leaders or its page number
 * on lines of their own; the pages' footers and running heads stand between entries. The table
 * ends where lines stop making entries (the body's first pages).
 */
export function parseTableOfContents(lines: readonly SourceLine[]): TableOfContents | null {
  if (cache.has(lines)) return cache.get(lines)!;
  const toc = readToc(lines);
  cache.set(lines, toc);
  return toc;
}

function readToc(lines: readonly SourceLine[]): TableOfContents | null {
  const start = lines.findIndex((l) => TOC_HEADING.test(l.text.text.replace(/\s+/g, ' ').trim()));
  if (start < 0) return null;
  const entries: TocEntry[] = [];
  let pending = '';
  let endLine = start;
  let sinceEntry = 0;
  const finish = (page: number | null, line: number) => {
    const entry = toEntry(pending, page, line);
    if (entry) {
      entries.push(entry);
      endLine = line;
      sinceEntry = 0;
    }
    pending = '';
  };
  for (let i = start + 1; i < lines.length; i++) {
    const t = lines[i]!.text.text.trim();
    if (!t) continue;
    // Lines that make no entry: the table has ended (or, with none yet, there was none).
    if (++sinceEntry > (entries.length ? MAX_GAP_LINES : MAX_LINES_BEFORE_FIRST)) break;
    if (pending) {
      // Leaders, or the page number, on a line of their own.
      if (ONLY_LEADERS.test(t)) continue;
      // The page's footer where a page break cut the entry ("免费住院康复治" / "— 2 —" / "疗工作 …… 160"):
      // a number between dashes, or "第 2 页", is never the entry's page number.
      if (PAGE_FOOTER_MARKED.test(t)) continue;
      const page = LEADERS_AND_PAGE.exec(t);
      if (page) {
        finish(Number(page[1]), i);
        continue;
      }
    } else if (PAGE_FOOTER.test(t)) continue;
    // A numbered line starts an entry of its own: what was pending without a page is dropped
    // (a running head, a part-divider page).
    if (pending && parseNumbering(t)) pending = '';
    pending = pending ? pending + t : t;
    const end = ENTRY_END.exec(pending);
    // A full line may lose its leaders ("……水平161"): a page number glued on counts when it
    // follows the last entry's page closely.
    const glued = end ? null : /[\p{Script=Han}”》）)](\d{1,4})$/u.exec(pending);
    const lastPage = entries.length ? entries[entries.length - 1]!.page ?? 0 : 0;
    if (end && end.index > 0) finish(Number(end[1]), i);
    else if (glued && entries.length >= 2 && Number(glued[1]) >= lastPage && Number(glued[1]) <= lastPage + 60) {
      pending = pending.slice(0, pending.length - glued[1]!.length);
      finish(Number(glued[1]), i);
    }
    else if (pending.length > MAX_ENTRY_CHARS) {
      if (entries.length) break;
      pending = '';
    }
  }
  return entries.length >= 3 ? { entries, startLine: start, endLine } : null;
}

/** "1．北京市：……", "一、健康影响因素篇", "健康影响因素篇", "北京市：……": a part or a case. */
function toEntry(text: string, page: number | null, line: number): TocEntry | null {
  const t = text.replace(ENTRY_END, '').replace(/[.．。…·・\s]+$/, '').trim();
  const n = parseNumbering(t);
  const words = (n ? t.slice(n.marker.length) : t).replace(/\s+/g, ' ').trim();
  if (words.length < 2) return null;
  // A row of figures ("产前筛查率（%) 74.99 86.17 89.81") is a table's, not a contents entry.
  if ((words.match(/\d+(?:\.\d+)?/g)?.length ?? 0) >= 3) return null;
  // Numbered entries take their level from the numbering; unnumbered ones are parts when named so.
  const part = n ? n.level === 1 : /(?:篇|部分|章|类)$/.test(words.replace(/\s+/g, '')) && words.length <= 16;
  return { kind: part ? 'part' : 'case', number: n?.marker.trim() ?? '', title: words, page, line };
}
