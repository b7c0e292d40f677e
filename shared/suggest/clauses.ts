import { REGION, type TextRegions } from './text-regions.ts';

/**
 * Sentence and clause edges. An indicator's metric and year are looked for in its own clause
 * or sentence, never across a full stop: "。" ends a statement, "，" ends a clause.
 */
/** What joins the numbers of a list: "0.58‰、0.61‰", "1.4%和 4.6%". */
export const LIST_JOINER = /^[\s$]*[、和及与][\s$]*$/;

const SENTENCE_END = /[。！？!?；;\n]/;
const CLAUSE_END = /[，,。！？!?；;：:\n]/;

export function sentenceStart(text: string, at: number, limit = 300): number {
  let p = at;
  while (p > 0 && at - p < limit && !SENTENCE_END.test(text[p - 1]!)) p--;
  return p;
}

export function clauseStart(text: string, at: number, limit = 120): number {
  let p = at;
  while (p > 0 && at - p < limit && !CLAUSE_END.test(text[p - 1]!)) p--;
  return p;
}

export function sentenceEnd(text: string, at: number, limit = 300): number {
  let p = at;
  while (p < text.length && p - at < limit && !SENTENCE_END.test(text[p]!)) p++;
  return p;
}

const YEAR = /((?:19|20)\d{2})[\s$]*年(?!间|来|内)/g;

/**
 * The last year written between `from` and `to` ("截至 2024年 9月底，…" → 2024), leaving out
 * years inside titles (《…（2022年）》 dates the report, not the figure).
 */
export function lastYearIn(text: string, from: number, to: number, regions: TextRegions): number | null {
  let year: number | null = null;
  YEAR.lastIndex = from;
  for (let m = YEAR.exec(text); m && m.index < to; m = YEAR.exec(text)) {
    if (m.index + m[0].length > to) break;
    if (regions.at(m.index) & (REGION.title | REGION.quotedName)) continue;
    year = Number(m[1]);
  }
  return year;
}
