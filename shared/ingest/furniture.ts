import type { SourceLine } from './decode/source-line.ts';
import { attribution, caseMarker } from './cues.ts';
import { parseNumbering } from './numbering.ts';

/** A line the loader removes as page furniture, and why (kept for the outline's warnings and for tests). */
export type FurnitureKind = 'page-number' | 'running-header';

const PAGE_NUMBER = /^(?:[-—–·•]\s*)?(?:\d{1,4}|[ivxlcdmIVXLCDM]{1,6})(?:\s*[-—–·•])?$|^第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?$|^\d{1,4}\s*\/\s*\d{1,4}$/;

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text);
}

/**
 * Find page furniture in extracted text: page numbers, and running headers, i.e. short lines
 * that stand next to a page number and either repeat or read like a header ("…案例", "…汇编").
 * Headers repeat with the page, so once a line is known to be one, every copy of it goes.
 * Lines that are tab-separated table rows are never furniture.
 */
export function findFurniture(lines: readonly SourceLine[], keep: (text: string) => boolean = () => false): Map<number, FurnitureKind> {
  const found = new Map<number, FurnitureKind>();
  const nonBlank: number[] = [];
  lines.forEach((l, i) => {
    if (l.text.length && !(l.cells && l.cells.length > 1) && !l.leadingTab) nonBlank.push(i);
  });
  // How often each short line stands next to a page number: a running header does on most pages.
  const nearPageNumber = new Map<string, number>();
  nonBlank.forEach((lineIndex, k) => {
    const text = lines[lineIndex]!.text.text;
    if (!isPageNumber(text)) return;
    found.set(lineIndex, 'page-number');
    for (const j of [k - 2, k - 1, k + 1, k + 2]) {
      const idx = nonBlank[j];
      if (idx === undefined) continue;
      const t = compact(lines[idx]!.text.text);
      if (t.length < 2 || t.length > 24 || isPageNumber(t) || keep(t)) continue;
      // Numbered headings, sentences, attributions ("——鹤壁市") and case markers are text.
      if (parseNumbering(t) || /[：:。；，,]/.test(t) || attribution(t) || caseMarker(t)) continue;
      nearPageNumber.set(t, (nearPageNumber.get(t) ?? 0) + 1);
    }
  });
  const headers = new Set<string>();
  for (const [t, n] of nearPageNumber) if (n >= 2 || /(案例|汇编|文件|简报|通讯|报告|年鉴|专刊)$/.test(t)) headers.add(t);
  if (headers.size) {
    for (const i of nonBlank) {
      const text = lines[i]!.text.text;
      if (text.length <= 40 && headers.has(compact(text))) found.set(i, 'running-header');
    }
  }
  return found;
}

const compact = (s: string) => s.replace(/\s+/g, '');
