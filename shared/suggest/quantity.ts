import { scaleDecimal, tokenAt, type NumberToken } from './number-tokens.ts';
import { readUnit, skipGap, type UnitKind } from './units.ts';

/** The approximate markers of the indicator label's `approx` field. */
export type Approx = '约' | '余' | '近' | '超过' | '以上' | '';

/**
 * A number read with everything that belongs to it: approximate markers before and after
 * ("约", "近", "超过"; "余", "多", "以上", "左右"), a magnitude ("万", "亿"), the unit, a second
 * number of a range ("6‰～10‰"), and the seconds of a compound duration ("11分钟 12秒").
 *
 * Span boundary: the quantity runs from an adjacent prefix marker (or the number) to the end of
 * the unit and any suffix marker: "3.6万余名", "近90%", "超过 80000人次", "90%以上". A marker
 * separated from the number by a copula ("约为 6‰") sets `approx` but stays outside the span.
 */
export interface Quantity {
  start: number;
  end: number;
  token: NumberToken;
  /** The number with its magnitude applied: "3.6万" → 36000. */
  value: number;
  /** The upper end of a range ("3000-10000余元" → 10000), else null. */
  valueMax: number | null;
  /** Decimals of the written value after scaling, for rounding differences. */
  decimals: number;
  unit: string;
  /** `null` when no unit follows the number. */
  kind: UnitKind | null;
  approx: Approx;
  /** 以上 / 以下 / 以内 … written after the unit, whatever `approx` became. */
  bound: string;
  /** True when "的" follows: the quantity describes the noun after it ("5500多公里的慢行系统"). */
  attributive: boolean;
}

const MAGNITUDE: Readonly<Record<string, number>> = { 万: 4, 亿: 8, 万亿: 12 };
const PREFIX_MARKERS: ReadonlyArray<[string, Approx]> = [
  ['超过', '超过'],
  ['将近', '近'],
  ['接近', '近'],
  ['约', '约'],
  ['近', '近'],
  ['超', '超过'],
  ['逾', '超过'],
];
/** Copula-separated markers: they set `approx` but are not part of the span. */
const DETACHED_PREFIX: ReadonlyArray<[RegExp, Approx]> = [
  [/约为$|约占$|约有$|约达$|大约$/, '约'],
  [/接近于$|将近有$/, '近'],
];
const BOUNDS = ['及以上', '以上', '及以下', '以下', '以内', '之内', '左右', '上下', '内'];

/** Read the quantity whose number is `token`; `tokens` lets a range find its second number. */
export function readQuantity(text: string, token: NumberToken, tokens: readonly NumberToken[]): Quantity {
  let approx: Approx = '';
  let p = token.end;
  let power = 0;

  const q = skipGap(text, p);
  if (text[q] === '余' || text[q] === '多') {
    approx = '余';
    p = q + 1;
  }
  const m = skipGap(text, p);
  for (const mag of ['万亿', '万', '亿']) {
    if (text.startsWith(mag, m)) {
      power = MAGNITUDE[mag]!;
      p = m + mag.length;
      break;
    }
  }
  if (power && (text[p] === '余' || text[p] === '多')) {
    approx = '余';
    p += 1;
  }

  let unit = '';
  let kind: UnitKind | null = null;
  let value = scaleDecimal(token.value, token.decimals, power);
  let decimals = Math.max(0, token.decimals - power);
  const u = readUnit(text, p);
  if (u) {
    unit = u.unit;
    kind = u.kind;
    p = u.end;
    const compound = readCompoundDuration(text, p, tokens, unit);
    if (compound) {
      value = Number((value + compound.add).toFixed(4));
      decimals = Math.max(decimals, 2);
      p = compound.end;
    }
  } else if (power || (approx === '余' && /\p{Script=Han}/u.test(text[p] ?? ''))) {
    // "3.2万参与者", "4000多居民": a magnitude or 余/多 before a noun counts it.
    kind = 'count';
  }
  if (!approx && (text[p] === '余' || text[p] === '多') && kind === 'count') {
    approx = '余';
    p += 1;
  }

  let bound = '';
  for (const b of BOUNDS) {
    if (text.startsWith(b, p) && (b !== '内' || kind === 'time' || kind === 'amount')) {
      bound = b;
      p += b.length;
      break;
    }
  }
  if (!approx && (bound === '以上' || bound === '及以上')) approx = '以上';
  if (!approx && (bound === '左右' || bound === '上下')) approx = '约';

  let valueMax: number | null = null;
  const range = readRangeEnd(text, p, tokens);
  if (range) {
    const second = readQuantity(text, range, tokens);
    if (!unit || second.unit === unit || (second.unit && kind === null)) {
      valueMax = second.value;
      if (!unit) {
        unit = second.unit;
        kind = second.kind;
        // "3000-10000余元": the magnitude of the second number applies to the first one too.
        if (!power && second.value !== second.token.value) value = scaleDecimal(token.value, token.decimals, Math.round(Math.log10(second.value / second.token.value)));
      }
      approx = approx || second.approx;
      bound = bound || second.bound;
      p = second.end;
    }
  }

  let start = token.start;
  const before = skipGapBack(text, token.start);
  for (const [marker, a] of PREFIX_MARKERS) {
    if (text.startsWith(marker, before - marker.length)) {
      start = before - marker.length;
      approx = approx || a;
      break;
    }
  }
  if (!approx) {
    const head = text.slice(Math.max(0, before - 4), before);
    for (const [re, a] of DETACHED_PREFIX) if (re.test(head)) approx = a;
  }
  // Formula debris: "$236/10$ 万" keeps its opening "$" with the rest.
  if (text[start - 1] === '$' && text.slice(start, p).includes('$')) start--;

  const attributive = text[skipGap(text, p)] === '的';
  return { start, end: p, token, value, valueMax, decimals, unit, kind, approx, bound, attributive };
}

function skipGapBack(text: string, at: number): number {
  let p = at;
  while (p > 0 && at - p < 3 && (text[p - 1] === ' ' || text[p - 1] === '\u3000' || text[p - 1] === '$')) p--;
  return p;
}

/** "6～10", "3000-10000", "100—200": the number after a range dash, when there is one. */
function readRangeEnd(text: string, at: number, tokens: readonly NumberToken[]): NumberToken | undefined {
  const p = skipGap(text, at);
  if (!/[～~\-—–－]/.test(text[p] ?? '')) return undefined;
  return tokenAt(tokens, skipGap(text, p + 1));
}

/** "11分钟 12秒" → 0.2 minutes more; "1小时30分钟" → 0.5 hours more. */
function readCompoundDuration(text: string, at: number, tokens: readonly NumberToken[], unit: string): { add: number; end: number } | null {
  if (unit !== '分钟' && unit !== '小时') return null;
  const t = tokenAt(tokens, skipGap(text, at));
  if (!t) return null;
  const sub = unit === '分钟' ? '秒' : '分钟';
  const u = readUnit(text, t.end);
  if (!u || u.unit !== sub) return null;
  return { add: t.value / 60, end: u.end };
}
