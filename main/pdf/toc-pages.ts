import type { Warning } from '../../shared/model/document.ts';
import { blockText, type Block } from './blocks.ts';

export interface TocLink {
  /** Index of the entry's block. */
  entry: number;
  /** The PDF page (1-based) the printed page number stands for, where known. */
  page: number | null;
  /** Index of the block the entry names, found on that page (or near it), or null. */
  target: number | null;
}

const key = (s: string) =>
  s
    .replace(/……\d+$/, '')
    .replace(/^\s*(?:第[一二三四五六七八九十百]+[章节篇部分]|[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[．.、]?)\s*/, '')
    .replace(/[\s\p{P}\p{S}]/gu, '');

/**
 * Tie each table-of-contents entry to the page it names: printed page numbers are turned into
 * PDF pages through the page numbers found on the pages (or, without them, the offset most
 * entries agree on), and the entry's heading is looked for there. What was found is reported.
 */
export function linkToc(blocks: readonly Block[], printed: ReadonlyMap<number, number>, ranges: ReadonlyArray<{ start: number; end: number }>): { links: TocLink[]; notes: Warning[] } {
  const entries = blocks.map((b, i) => (b.tocPage !== undefined ? i : -1)).filter((i) => i >= 0);
  if (entries.length < 2) return { links: [], notes: [] };
  const physicalOf = new Map<number, number>();
  for (const [pdfPage, n] of printed) if (!physicalOf.has(n)) physicalOf.set(n, pdfPage);
  const lastEntry = entries[entries.length - 1]!;
  const keys = blocks.map((b) => key(blockText(b)));
  const firstMatch = (k: string): number | null => {
    if (k.length < 2) return null;
    for (let i = lastEntry + 1; i < blocks.length; i++) {
      const t = keys[i]!;
      if (t === k || (k.length >= 6 && t.length >= 6 && (t.startsWith(k) || k.startsWith(t)) && blocks[i]!.role === 'heading')) return i;
    }
    return null;
  };
  // Without printed numbers on the pages, the offset most found entries agree on.
  const offsets = new Map<number, number>();
  const found = entries.map((e) => {
    const t = firstMatch(keys[e]!);
    if (t !== null) {
      const off = blocks[t]!.page - blocks[e]!.tocPage!;
      offsets.set(off, (offsets.get(off) ?? 0) + 1);
    }
    return t;
  });
  const offset = [...offsets.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const links: TocLink[] = entries.map((e, i) => {
    const n = blocks[e]!.tocPage!;
    const page = physicalOf.get(n) ?? (offset !== null ? n + offset : null);
    const t = found[i]!;
    const onPage = t !== null && page !== null && Math.abs(blocks[t]!.page - page) <= 1;
    return { entry: e, page, target: onPage ? t : null };
  });
  const tied = links.filter((l) => l.target !== null).length;
  const notes: Warning[] = [
    { code: 'pdf-toc', severity: 'info', message: `table of contents: ${links.length} entries, ${tied} found on the pages they give${offset !== null && !physicalOf.size ? ` (printed page n is PDF page n${offset >= 0 ? '+' : ''}${offset})` : ''}` },
  ];
  for (const l of links) {
    if (l.target !== null) continue;
    const text = blockText(blocks[l.entry]!);
    notes.push({ code: 'pdf-toc-unmatched', severity: 'info', message: `table of contents entry "${text}": no heading of that title ${l.page !== null ? `on PDF page ${l.page}` : 'found'}`, at: ranges[l.entry]! });
  }
  return { links, notes };
}
