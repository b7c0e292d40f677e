import type { FontClass, FontInfo } from './fonts.ts';
import type { Glyph } from './page-glyphs.ts';

/** The typography of a line or block: what most of its characters are set in. */
export interface TextStyle {
  /** Points, rounded to a half point. */
  size: number;
  family: string;
  fontClass: FontClass;
  bold: boolean;
  /** Fill colour, "#rrggbb" (black for ink). Headings are often set in a colour of their own. */
  color: string;
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u{20000}-\u{3134f}]/u;

export const isCjk = (text: string) => CJK.test(text);

/**
 * The style most characters are set in. When there are Chinese characters, only they count:
 * Word and LibreOffice set Latin letters and digits in another face (Times New Roman beside
 * 仿宋), and a short line such as "2023年。" must still read as body text.
 */
export function dominantStyle(glyphs: readonly Glyph[], fonts: readonly FontInfo[]): TextStyle {
  const ink = glyphs.filter((g) => !g.space);
  const cjk = ink.filter((g) => isCjk(g.text));
  const counted = cjk.length ? cjk : ink;
  const tally = new Map<string, { n: number; style: TextStyle }>();
  for (const g of counted) {
    const font = fonts[g.font];
    const size = Math.round(g.size * 2) / 2;
    const style: TextStyle = { size, family: font?.family ?? 'unknown', fontClass: font?.fontClass ?? 'other', bold: g.bold || (font?.bold ?? false), color: g.color };
    const key = `${size}|${style.family}|${style.bold}|${style.color}`;
    const entry = tally.get(key);
    if (entry) entry.n += g.text.length;
    else tally.set(key, { n: g.text.length, style });
  }
  let best: { n: number; style: TextStyle } | null = null;
  for (const e of tally.values()) if (!best || e.n > best.n) best = e;
  return best?.style ?? { size: 0, family: 'unknown', fontClass: 'other', bold: false, color: '#000000' };
}

export function sameStyle(a: TextStyle, b: TextStyle): boolean {
  return Math.abs(a.size - b.size) <= 0.6 && a.family === b.family && a.bold === b.bold && a.color === b.color;
}
