import type { Warning } from '../../shared/model/document.ts';
import { fragmentText, type Fragment } from './fragments.ts';

export interface PageFragments {
  page: number;
  width: number;
  height: number;
  fragments: Fragment[];
}

export interface Furniture {
  /** Fragments to leave out of the text: running headers, footers and page numbers. */
  dropped: Set<Fragment>;
  /** The page number printed on each page (1-based PDF page → printed number), where one is. */
  printed: Map<number, number>;
  notes: Warning[];
}

/** Headers and footers sit in the top or bottom this share of the page. */
const BAND = 0.15;
/** A repeated line is furniture when it is on at least this share of the pages (and on two). */
const MIN_SHARE = 0.3;
/** Same place: baselines within this many points. */
const SAME_PLACE = 4;
const PAGE_NUMBER = /^[-—–－~·\s]*(?:第\s*)?(\d{1,4})(?:\s*页)?(?:\s*[/／]\s*\d{1,4})?(?:\s*共\s*\d{1,4}\s*页)?[-—–－~·\s]*$/;
const ROMAN_PAGE = /^[-—–\s]*[ivxlc]{1,6}[-—–\s]*$/i;

interface Candidate {
  f: Fragment;
  page: number;
  zone: 'top' | 'bottom';
  key: string;
  text: string;
}

/**
 * Running headers, footers and page numbers, found by what repeats at the same place across
 * pages: a line in the top or bottom band whose text (digits aside) recurs on enough pages at
 * the same height, standing apart from the body; and lone page numbers at the very top or bottom.
 */
export function findFurniture(pages: readonly PageFragments[]): Furniture {
  const candidates: Candidate[] = [];
  for (const p of pages) {
    const ordered = [...p.fragments].sort((a, b) => a.y0 - b.y0);
    ordered.forEach((f, i) => {
      const zone = f.y1 <= p.height * BAND ? 'top' : f.y0 >= p.height * (1 - BAND) ? 'bottom' : null;
      if (!zone) return;
      // It must stand apart from the body: a clear gap (a margin) or a smaller size than its neighbour.
      const neighbour = zone === 'top' ? ordered.slice(i + 1).find((g) => g.y0 > f.y1) : ordered.slice(0, i).findLast((g) => g.y1 < f.y0);
      if (neighbour && !apart(f, neighbour, zone)) return;
      const text = fragmentText(f).trim();
      candidates.push({ f, page: p.page, zone, key: `${zone}:${text.replace(/\d+/g, '#').replace(/\s+/g, '')}`, text });
    });
  }
  const dropped = new Set<Fragment>();
  const printed = new Map<number, number>();
  const notes: Warning[] = [];
  const minPages = Math.max(2, Math.ceil(pages.length * MIN_SHARE));
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) groups.set(c.key, [...(groups.get(c.key) ?? []), c]);
  let pageNumberPages = 0;
  for (const group of groups.values()) {
    // Keep those at the group's usual height.
    const bases = group.map((c) => c.f.base).sort((a, b) => a - b);
    const median = bases[bases.length >> 1]!;
    const here = group.filter((c) => Math.abs(c.f.base - median) <= SAME_PLACE);
    const onPages = new Set(here.map((c) => c.page)).size;
    const isNumber = here.every((c) => PAGE_NUMBER.test(c.text) || ROMAN_PAGE.test(c.text));
    if (onPages < minPages && !(isNumber && pages.length === 1)) continue;
    for (const c of here) dropped.add(c.f);
    if (isNumber) {
      pageNumberPages += onPages;
      for (const c of here) {
        const n = PAGE_NUMBER.exec(c.text);
        if (n) printed.set(c.page, Number(n[1]));
      }
    } else {
      notes.push({ code: 'pdf-running-text', severity: 'info', message: `dropped the running ${here[0]!.zone === 'top' ? 'header' : 'footer'} "${here[0]!.text}" (on ${onPages} pages)` });
    }
  }
  // A lone page number at the very top or bottom of a page the groups missed (a different style).
  for (const c of candidates) {
    if (dropped.has(c.f) || !PAGE_NUMBER.test(c.text)) continue;
    const p = pages.find((x) => x.page === c.page)!;
    const outermost = p.fragments.every((g) => g === c.f || dropped.has(g) || (c.zone === 'bottom' ? g.y1 <= c.f.y0 : g.y0 >= c.f.y1));
    if (!outermost || printed.has(c.page)) continue;
    dropped.add(c.f);
    printed.set(c.page, Number(PAGE_NUMBER.exec(c.text)![1]));
    pageNumberPages++;
  }
  if (pageNumberPages) notes.push({ code: 'pdf-page-numbers', severity: 'info', message: `dropped page numbers (on ${pageNumberPages} pages)` });
  return { dropped, printed, notes };
}

function apart(f: Fragment, neighbour: Fragment, zone: 'top' | 'bottom'): boolean {
  const gap = zone === 'top' ? neighbour.y0 - f.y1 : f.y0 - neighbour.y1;
  return gap >= 1.5 * Math.max(f.size, neighbour.size) || f.size < 0.85 * neighbour.size;
}
