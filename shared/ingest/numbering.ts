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
  /**
   * The enumeration style, whatever its level: headings of one style are one class of heading
   * (一、 'cn', 第一章 'chapter', （一） 'paren-cn', 1． 'digit', 1、 'digit-comma', （1）
   * 'paren-digit', ① 'circled', 01 'zero-digit').
   */
  scheme: NumberingScheme;
}

export type NumberingScheme = 'cn' | 'chapter' | 'paren-cn' | 'digit' | 'digit-comma' | 'paren-digit' | 'circled' | 'zero-digit';

const CN_DIGITS = '〇一二三四五六七八九';
const CN = '[一二三四五六七八九十]{1,3}';

/** Every enumeration pattern, most likely first (exported for the test of BY_OPENING). */
export const PATTERNS: ReadonlyArray<{ level: number; scheme: NumberingScheme; re: RegExp }> = [
  { level: 1, scheme: 'cn', re: new RegExp(`^(${CN})\\s*[、．.，,]\\s*`) },
  { level: 1, scheme: 'chapter', re: new RegExp(`^第(${CN})(?:部分|章|节|篇)\\s*[、:：]?\\s*`) },
  { level: 2, scheme: 'paren-cn', re: new RegExp(`^[（(]\\s*(${CN})\\s*[）)]\\s*[、.．]?\\s*`) },
  // Digits half- or full-width: documents typed in a Chinese input method write "１．" and "（２）".
  { level: 3, scheme: 'digit-comma', re: /^([0-9０-９]{1,2})\s*、\s*/ },
  { level: 3, scheme: 'digit', re: /^([0-9０-９]{1,2})\s*[.．](?![0-9０-９％%])\s*/ },
  { level: 4, scheme: 'paren-digit', re: /^[（(]\s*([0-9０-９]{1,2})\s*[）)]\s*/ },
  { level: 4, scheme: 'circled', re: /^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*/ },
  // "01 工作背景", "02｜主要做法": a designer's numbering; the leading zero tells it from a quantity.
  { level: 3, scheme: 'zero-digit', re: /^([0０][1-9１-９])\s*[｜|、．.]?\s*(?=\p{Script=Han})/u },
];

/** Which of the patterns (in their order) can match a line opening with each character: most lines open with none, and need no pattern tried. */
const BY_OPENING: ReadonlyMap<string, typeof PATTERNS> = (() => {
  const openers: Array<[string, NumberingScheme[]]> = [
    ['一二三四五六七八九十', ['cn']],
    ['第', ['chapter']],
    ['（(', ['paren-cn', 'paren-digit']],
    ['0０', ['digit-comma', 'digit', 'zero-digit']],
    ['123456789１２３４５６７８９', ['digit-comma', 'digit']],
    ['①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳', ['circled']],
  ];
  const map = new Map<string, typeof PATTERNS>();
  for (const [chars, schemes] of openers) for (const ch of chars) map.set(ch, PATTERNS.filter((p) => schemes.includes(p.scheme)));
  return map;
})();

export function parseNumbering(text: string): Numbering | null {
  const patterns = BY_OPENING.get(text[0]!);
  if (!patterns) return null;
  for (const { level, scheme, re } of patterns) {
    const m = re.exec(text);
    if (m) return { level, marker: m[0], value: ordinalValue(m[1]!), scheme };
  }
  return null;
}

/** 一 → 1, 十二 → 12, 二十三 → 23, "7" → 7, ③ → 3. */
export function ordinalValue(token: string): number {
  if (/^[0-9０-９]+$/.test(token)) return Number(token.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
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
