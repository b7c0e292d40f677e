/**
 * Arabic-digit number tokens in case text. Extraction leaves full-width digits ("８个县区") and
 * full-width decimal points beside ASCII ones, so both are read; the value is parsed from a
 * normalised copy while offsets stay on the original text.
 */
export interface NumberToken {
  start: number;
  end: number;
  /** As written, e.g. "19.18" or "８". */
  raw: string;
  value: number;
  /** Digits after the decimal point, kept so that arithmetic can round back to what was written. */
  decimals: number;
  /** Digits before the decimal point: years have four, phone numbers five or more. */
  intDigits: number;
}

const NUMBER = /[0-9０-９]+(?:[.．][0-9０-９]+)?/g;

export function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/．/g, '.');
}

export function numberTokens(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const raw = m[0];
    const ascii = toAsciiDigits(raw);
    const dot = ascii.indexOf('.');
    out.push({
      start: m.index,
      end: m.index + raw.length,
      raw,
      value: Number(ascii),
      decimals: dot < 0 ? 0 : ascii.length - dot - 1,
      intDigits: dot < 0 ? ascii.length : dot,
    });
  }
  return out;
}

/** The token that starts exactly at `at`, if any (tokens are sorted by start). */
export function tokenAt(tokens: readonly NumberToken[], at: number): NumberToken | undefined {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  const t = tokens[lo];
  return t && t.start === at ? t : undefined;
}

/**
 * Multiply a written decimal by a power of ten without binary rounding noise
 * ("3.6" × 10⁴ → 36000, not 36000.000000000004).
 */
export function scaleDecimal(value: number, decimals: number, power: number): number {
  if (power === 0) return value;
  const digits = Math.max(0, decimals - power);
  return Number((value * 10 ** power).toFixed(digits));
}

/** Round to the precision the inputs were written with, so 26.82 − 19.18 is 7.64. */
export function roundTo(value: number, decimals: number): number {
  return Number(value.toFixed(Math.min(10, Math.max(0, decimals))));
}

const CN_DIGIT: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十三 → 23; null for anything else. Used for rankings ("第一"). */
export function chineseNumeral(s: string): number | null {
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(s)) return null;
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch === '十' || ch === '百') {
      total += (current || 1) * (ch === '十' ? 10 : 100);
      current = 0;
    } else current = CN_DIGIT[ch] ?? 0;
  }
  return total + current;
}
