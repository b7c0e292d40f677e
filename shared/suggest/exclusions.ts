import type { NumberToken } from './number-tokens.ts';
import type { Quantity } from './quantity.ts';
import { REGION, type TextRegions } from './text-regions.ts';
import type { ExclusionReason } from './exclusion-reason.ts';
import { qualifierReason } from './qualifiers.ts';
import { skipGap } from './units.ts';

export type { ExclusionReason } from './exclusion-reason.ts';

export interface ExclusionContext {
  text: string;
  regions: TextRegions;
}

const LATIN = /[A-Za-z]/;
/** A copula or verb that ties a bare number to the metric before it ("每万人口拥有公共卫生人员数已达 13.03"). */
export const COPULA_BEFORE = /(?:为|达|达到|是|至|到|增至|降至|提至|升至|约|高达|仅为?|超过|超|共|计|累计|合计|有)[\s$]*$/;
const DOCUMENT_BY_ARTICLES = /(?:素养|规定|措施|意见|条例|公约|守则|准则)[\s$]*$/;

/** The first rule a number breaks, or null when it may be an indicator. */
export function exclusionReason(ctx: ExclusionContext, token: NumberToken, q: Quantity): ExclusionReason | null {
  const { text } = ctx;
  const region = ctx.regions.at(token.start);
  if (region & REGION.url) return 'url';
  if (region & REGION.docNumber) return 'document';
  if (region & REGION.title) return 'title';
  if (region & REGION.quotedName) return 'name';

  const before = text[token.start - 1] ?? '';
  const after = text[token.end] ?? '';
  if (LATIN.test(before) || (before === '-' && LATIN.test(text[token.start - 2] ?? ''))) return 'code';
  if (LATIN.test(after) && !/^[A-Za-z]/.test(q.unit)) return 'code';
  if (/[+＋]/.test(text[prevNonSpace(text, token.start)] ?? '') || /[+＋]/.test(text[skipGap(text, token.end)] ?? '')) return 'name';
  if (/[·・•]/.test(after) && /\d/.test(text[token.end + 1] ?? '')) return 'event';
  if (/[·・•]/.test(before) && /\d/.test(text[token.start - 2] ?? '')) return 'event';

  const head = text.slice(Math.max(0, token.start - 8), token.start);
  if (/(?:[Pp]|[nN]|OR|RR|HR|χ2|χ²)\s*[<>=≤≥＜＞＝]\s*$/.test(head)) return 'statistic';
  if (/^\s*%?\s*CI/i.test(text.slice(token.end, token.end + 5))) return 'statistic';
  if (/[:：]$/.test(head) && /\d$/.test(head.slice(0, -1))) return 'time-of-day';
  if (/^[:：]\d{2}/.test(text.slice(token.end, token.end + 3))) return 'time-of-day';

  if (isEnumeration(text, token, q)) return 'enumeration';
  if (/第[\s$]*$/.test(head)) return 'ordinal';
  if (text[skipGap(text, q.end)] === '号' || text[skipGap(text, token.end)] === '号') return 'document';

  const date = dateReason(token, q);
  if (date) return date;
  if (!q.unit && q.value === token.value && token.decimals === 0 && token.intDigits >= 5) return 'phone';

  // "健康素养66条": a document named by its number of articles.
  if (q.unit === '条' && DOCUMENT_BY_ARTICLES.test(text.slice(Math.max(0, q.start - 4), q.start))) return 'name';
  // "（1名医护人员+1名控烟志愿者领袖+N 名吸烟者）": the parts of a formula spelled out.
  if (inFormulaParenthesis(text, q.start)) return 'name';
  const qualifier = qualifierReason(text, q);
  if (qualifier) return qualifier;
  if (q.kind === null && !COPULA_BEFORE.test(text.slice(Math.max(0, q.start - 6), q.start))) return 'bare-number';
  return null;
}

/** Inside a short parenthesis whose content joins parts with "+". */
function inFormulaParenthesis(text: string, at: number): boolean {
  const open = Math.max(text.lastIndexOf('（', at), text.lastIndexOf('(', at));
  if (open < 0 || at - open > 40) return false;
  const closeAt = text.slice(open, open + 60).search(/[）)]/);
  if (closeAt < 0 || open + closeAt < at) return false;
  return /[+＋]/.test(text.slice(open, open + closeAt));
}

function prevNonSpace(text: string, at: number): number {
  let p = at - 1;
  while (p >= 0 && (text[p] === ' ' || text[p] === '\u3000')) p--;
  return p;
}

/** Years, months and days: a four-digit year with or without 年, N月, N日, and ranges of them. */
function dateReason(token: NumberToken, q: Quantity): ExclusionReason | null {
  const yearLike = token.decimals === 0 && token.intDigits === 4 && token.value >= 1900 && token.value <= 2100;
  if (yearLike && (q.unit === '' || q.kind === 'time')) return 'date';
  if (q.unit === '月' || q.unit === '日') return 'date';
  if (q.unit === '年' && q.valueMax !== null && q.valueMax >= 1900) return 'date';
  return null;
}

/** "(1)", "（2）" and "1." / "2、" opening a paragraph or sentence. */
function isEnumeration(text: string, token: NumberToken, q: Quantity): boolean {
  if (token.decimals !== 0 || token.value > 30) return false;
  const open = text[prevNonSpace(text, token.start)];
  const close = text[skipGap(text, token.end)];
  if ((open === '(' || open === '（') && (close === ')' || close === '）') && !q.unit) return true;
  const prev = prevNonSpace(text, token.start);
  const lineStart = prev < 0 || /[\n。；;：:！？]/.test(text[prev]!);
  return lineStart && /[.．、]/.test(text[token.end] ?? '') && !/[\d%％]/.test(text[token.end + 1] ?? '');
}

