/**
 * Stretches of a case text whose digits name something rather than measure it: titles in
 * 《》 ("《健康中国行动（2019—2030年）》"), short quoted names ("“323”攻坚行动", "“健康 60”"),
 * document numbers in 〔〕 ("豫健委办〔2022〕3号") and web addresses. Computed once per text as
 * a mask so that every number can be checked in constant time.
 */
export const REGION = {
  title: 1,
  quotedName: 2,
  docNumber: 4,
  url: 8,
} as const;

/** A quoted stretch this short is a name or slogan; a longer one is reported speech, with real figures. */
const MAX_NAME_QUOTE = 20;
const MAX_TITLE = 120;

export interface TextRegions {
  /** The REGION bits covering `offset`, 0 when none. */
  at(offset: number): number;
}

export function findTextRegions(text: string): TextRegions {
  const mask = new Uint8Array(text.length);
  const mark = (start: number, end: number, bit: number) => {
    for (let i = start; i < end; i++) mask[i]! |= bit;
  };
  markPairs(text, '《', '》', MAX_TITLE, (s, e) => mark(s, e, REGION.title));
  markPairs(text, '〈', '〉', MAX_TITLE, (s, e) => mark(s, e, REGION.title));
  markPairs(text, '“', '”', MAX_NAME_QUOTE, (s, e) => mark(s, e, REGION.quotedName));
  markPairs(text, '‘', '’', MAX_NAME_QUOTE, (s, e) => mark(s, e, REGION.quotedName));
  markPairs(text, '"', '"', MAX_NAME_QUOTE, (s, e) => mark(s, e, REGION.quotedName));
  // 〔2022〕3号 and [2022]3号: the year in brackets and the serial number after it.
  for (const m of text.matchAll(/[〔［[]\s*\d{4}\s*[〕］\]]\s*\d+\s*号/g)) mark(m.index, m.index + m[0].length, REGION.docNumber);
  for (const m of text.matchAll(/(?:https?:\/\/|www\.|url=)[\x21-\x7e]*/g)) mark(m.index, m.index + m[0].length, REGION.url);
  return { at: (offset) => mask[offset] ?? 0 };
}

/** Mark every open…close pair no longer than `max` (nested or unbalanced marks are skipped). */
function markPairs(text: string, open: string, close: string, max: number, mark: (start: number, end: number) => void): void {
  let from = 0;
  for (;;) {
    const s = text.indexOf(open, from);
    if (s < 0) return;
    // Straight quotes open and close with the same mark: pair them up in order.
    const e = text.indexOf(close, s + 1);
    if (e < 0) return;
    const nl = text.indexOf('\n', s);
    if (e - s <= max && (nl < 0 || nl > e)) mark(s, e + 1);
    from = open === close ? e + 1 : s + 1;
  }
}
