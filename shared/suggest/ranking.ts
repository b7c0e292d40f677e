import { chineseNumeral, toAsciiDigits } from './number-tokens.ts';
import type { TextRegions } from './text-regions.ts';

/**
 * Rankings: "位居全省第一", "排名全国 TOP50地级城市第 22位", "全省第 158名", "位列副省级城市首位".
 * An ordinal is a ranking only when something ranks it (排名, 位居, 全省 …) and it ends the
 * phrase: "第9届大会", "第二批", "第一责任人", "第 1个月" and "死亡第一位的疾病" name or qualify.
 *
 * Span boundary: the ordinal with an adjacent scope word, "全省第一", "全省第 1名", "首位".
 */
export interface Ranking {
  start: number;
  end: number;
  /** Where the ordinal itself starts, after the scope word. */
  ordinalStart: number;
  value: number;
  unit: string;
}

const ORDINAL = /(?:(全国|全省|全市|全区|全县|全州|全球|世界)[\s$]*)?(?:第[\s$]*([0-9０-９]+|[一二三四五六七八九十百]+)[\s$]*(名|位)?|(首位))/g;
const CUE = /(?:排名|排行|排在|排|位居|位列|名列|居|列|荣登|保持|全国|全省|全市|全区|全县|全州|全球|世界|榜)/;
const ENDS_PHRASE = /^(?:[\s$]*(?:[，,。；;、：:）)！!？?\n]|$))/;

export function findRankings(text: string, regions: TextRegions): Ranking[] {
  const out: Ranking[] = [];
  for (const m of text.matchAll(ORDINAL)) {
    const end = m.index + m[0].length;
    // An explicit 名/位 closes the ordinal even before a verb ("第 158名快速提升到…"); without it the
    // ordinal must end the phrase ("位居全省第一，").
    const closed = m[3] !== undefined && text[end] !== '的';
    if (!closed && !ENDS_PHRASE.test(text.slice(end, end + 2))) continue;
    if (regions.at(m.index) !== 0) continue;
    const scope = m[1];
    const ordinalStart = scope ? text.indexOf(m[2] !== undefined || m[3] !== undefined ? '第' : '首', m.index) : m.index;
    if (!scope) {
      const clause = text.slice(Math.max(0, m.index - 24), m.index);
      const own = clause.slice(Math.max(0, lastBreak(clause) + 1));
      if (!CUE.test(own)) continue;
    }
    const written = m[2];
    const value = m[4] ? 1 : written && /\d|[０-９]/.test(written) ? Number(toAsciiDigits(written)) : chineseNumeral(written ?? '');
    if (value === null || !Number.isFinite(value) || value <= 0) continue;
    out.push({ start: m.index, end, ordinalStart, value, unit: m[3] ?? (m[4] ? '位' : '') });
  }
  return out;
}

function lastBreak(s: string): number {
  let i = s.length - 1;
  while (i >= 0 && !/[，,。；;：:！!？?\n]/.test(s[i]!)) i--;
  return i;
}
