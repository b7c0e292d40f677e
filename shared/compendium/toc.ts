import type { CompendiumDraft } from './draft.ts';

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 21 → 二十一: part numbers as compendia print them. */
export function chineseNumeral(n: number): string {
  if (n <= 10) return CN[n]!;
  if (n < 20) return `十${CN[n - 10]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${CN[tens]}十${ones ? CN[ones] : ''}`;
}

/**
 * "第一篇 健康影响因素篇": a part's heading. Parts are numbered 第…篇 so they never read like a
 * case's own sections (一、工作背景); an ideographic space between them, as such headings are set.
 */
export const partHeading = (index: number, title: string): string => `${partNumber(index)}${title}`;
export const partNumber = (index: number): string => `第${chineseNumeral(index + 1)}篇　`;
/** "12．": cases are numbered across the book, not from 1 in each part. */
export const caseNumber = (n: number): string => `${n}．`;

export interface TocEntry {
  kind: 'part' | 'case';
  number: string;
  title: string;
  caseId?: string;
}

/**
 * The table of contents of a draft: parts numbered 第一篇、第二篇…, cases numbered 1, 2, … across
 * the whole book ("第一篇 健康影响因素篇 / 1．北京市：…"), as the draft's DOCX and Markdown number them.
 */
export function tableOfContents(draft: CompendiumDraft, titleOf: (caseId: string) => string): TocEntry[] {
  const out: TocEntry[] = [];
  let n = 0;
  draft.parts.forEach((part, p) => {
    out.push({ kind: 'part', number: partNumber(p), title: part.title });
    for (const id of part.caseIds) out.push({ kind: 'case', number: caseNumber(++n), title: titleOf(id), caseId: id });
  });
  return out;
}
