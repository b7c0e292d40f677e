/**
 * Heading enumerations of Chinese official documents and their usual levels:
 * 一、 → 1, （一） → 2, 1. / 1． / 1、 → 3, （1） / ① → 4. Documents mix full- and half-width
 * brackets and dots ("(三）"), so every pattern accepts both.
 */
export interface Numbering {
  level: number;
  /** The enumeration as written, e.g. "（二）". */
  marker: string;
  /** Its ordinal value (二 → 2), for spotting misnumbered headings. */
  value: number;
}

const CN_DIGITS = '〇一二三四五六七八九';
const CN = '[一二三四五六七八九十]{1,3}';

const PATTERNS: ReadonlyArray<{ level: number; re: RegExp }> = [
  { level: 1, re: new RegExp(`^(${CN})\\s*[、．.，,]\\s*`) },
  { level: 1, re: new RegExp(`^第(${CN})(?:部分|章|节)\\s*[、:：]?\\s*`) },
  { level: 2, re: new RegExp(`^[（(]\\s*(${CN})\\s*[）)]\\s*[、.．]?\\s*`) },
  { level: 3, re: /^(\d{1,2})\s*[.．、](?![\d％%])\s*/ },
  { level: 4, re: /^[（(]\s*(\d{1,2})\s*[）)]\s*/ },
  { level: 4, re: /^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*/ },
];

export function parseNumbering(text: string): Numbering | null {
  for (const { level, re } of PATTERNS) {
    const m = re.exec(text);
    if (m) return { level, marker: m[0], value: ordinalValue(m[1]!) };
  }
  return null;
}

/** 一 → 1, 十二 → 12, 二十三 → 23, "7" → 7, ③ → 3. */
export function ordinalValue(token: string): number {
  if (/^\d+$/.test(token)) return Number(token);
  const circled = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'.indexOf(token);
  if (circled >= 0) return circled + 1;
  let total = 0;
  let current = 0;
  for (const ch of token) {
    if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else {
      const d = CN_DIGITS.indexOf(ch);
      if (d >= 0) current = d;
    }
  }
  return total + current;
}

/** "一是", "二是" … : run-in enumeration inside a paragraph, not a heading. */
export const RUN_IN_ENUMERATION = /^[一二三四五六七八九十]{1,2}是/;
