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

export interface TocEntry {
  kind: 'part' | 'case';
  number: string;
  title: string;
  caseId?: string;
}

/**
 * The table of contents of a draft: parts numbered 一、二、…, cases numbered from 1 within each
 * part, as in the national compendium ("一、健康影响因素篇 / 1．北京市：…").
 */
export function tableOfContents(draft: CompendiumDraft, titleOf: (caseId: string) => string): TocEntry[] {
  const out: TocEntry[] = [];
  draft.parts.forEach((part, p) => {
    out.push({ kind: 'part', number: `${chineseNumeral(p + 1)}、`, title: part.title });
    part.caseIds.forEach((id, i) => out.push({ kind: 'case', number: `${i + 1}．`, title: titleOf(id), caseId: id }));
  });
  return out;
}
