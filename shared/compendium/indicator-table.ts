import type { FieldValue, SpanAnnotation } from '../model/annotation.ts';
import { tableRow } from './blocks.ts';

/**
 * A case's indicators as a table worth printing: one row per figure, the metric named as the
 * text names it, values written as the text writes them (3970万, 91%, 98%以上, 提高8.72个百分点)
 * with their years beside them, and only the columns some row fills.
 */
export interface IndicatorTable {
  columns: Array<{ key: IndicatorColumn; title: string }>;
  rows: string[][];
}

export type IndicatorColumn = 'metric' | 'value' | 'baseline' | 'change';

const COLUMNS: ReadonlyArray<[IndicatorColumn, string]> = [
  ['metric', '指标'],
  ['value', '数值'],
  ['baseline', '基线'],
  ['change', '变化'],
];

const MAGNITUDES: ReadonlyArray<[string, number]> = [
  ['万亿', 1e12],
  ['亿', 1e8],
  ['万', 1e4],
  ['千', 1e3],
];
const FIGURE = /(约|近|将近|接近|超过|超|逾)?\s*(\d[\d,，]*(?:\.\d+)?)\s*(万亿|亿|万|千)?\s*(余|多)?/g;
const BOUND = /^\s*(及以上|以上|左右|以内)/;
const UP_VERB = /提升|提高|上升|增加|增长|升高|扩大|延长|攀升|上涨|跃升|增多/;
const DOWN_VERB = /下降|降低|减少|缩短|缩减|减低|回落|下滑|压缩|减轻/;

const num = (v: FieldValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: FieldValue | undefined): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

/**
 * A figure as the quote writes it: the number with its magnitude and markers, its unit and
 * bound ("约 3970 万人" → "约3970万人"), for the figure of the quote worth `value`; the last such
 * when `last` (a change's later value), else the first. Null when the quote has no such figure.
 */
export function writtenFigure(quote: string, value: number, unit: string, last = false): string | null {
  let found: string | null = null;
  for (const m of quote.matchAll(FIGURE)) {
    const [, prefix = '', digits, magnitude = '', suffix = ''] = m;
    const scale = MAGNITUDES.find(([w]) => w === magnitude)?.[1] ?? 1;
    if (!close(Number(digits!.replace(/[,，]/g, '')) * scale, value)) continue;
    let end = m.index + m[0].length;
    let tail = '';
    const rest = quote.slice(end);
    const u = unit && rest.trimStart().startsWith(unit) ? unit : '';
    if (u) {
      tail += u;
      end += rest.length - rest.trimStart().length + u.length;
    }
    const bound = BOUND.exec(quote.slice(end))?.[1] ?? '';
    found = `${prefix}${digits}${magnitude}${suffix}${tail}${bound}`;
    if (!last) return found;
  }
  return found;
}

/** A number as Chinese reports write large ones: 39700000 → 3970万, 120000000 → 1.2亿. */
export function chineseAmount(value: number): string {
  for (const [word, scale] of MAGNITUDES.slice(0, 3)) {
    const scaled = value / scale;
    if (Math.abs(value) >= scale && close(Number(scaled.toFixed(2)), scaled)) return `${Number(scaled.toFixed(2))}${word}`;
  }
  return String(Number(value.toFixed(4)));
}

const APPROX_BEFORE = new Set(['约', '近', '超过']);

function formatted(value: number, unit: string, approx: string): string {
  const before = APPROX_BEFORE.has(approx) ? approx : '';
  const after = approx && !before ? approx : '';
  // 余 and 多 go between the number and its measure word ("2000余人"); 以上 after it ("98%以上").
  const between = after === '余' || after === '多';
  return `${before}${chineseAmount(value)}${between ? after : ''}${unit}${between ? '' : after}`;
}

function changeText(s: SpanAnnotation): string {
  const f = s.fields;
  const change = num(f.change);
  if (change === null) return '';
  const quote = s.quote.exact;
  const up = UP_VERB.exec(quote)?.[0];
  const down = DOWN_VERB.exec(quote)?.[0];
  const verb = f.direction === 'up' ? (up ?? '提高') : f.direction === 'down' ? (down ?? '下降') : (up ?? down ?? '变化');
  const unit = f.changeUnit === 'pp' ? '个百分点' : f.changeUnit === '%' ? '%' : str(f.unit);
  const written = f.changeUnit === 'pp' ? null : writtenFigure(quote, change, unit, true);
  return `${verb}${written ?? `${Number(change.toFixed(4))}${unit}`}`;
}

const yearText = (y: FieldValue | undefined) => (num(y) !== null ? `${num(y)}年` : '');
/** A figure with its year beside it: "79.8%（2021年）"; the year alone when there is no figure. */
const withYear = (figure: string, year: string) => (figure && year ? `${figure}（${year}）` : figure || year);

/** The row of one indicator, by column. */
export function indicatorCells(s: SpanAnnotation): Record<IndicatorColumn, string> {
  const f = s.fields;
  const unit = str(f.unit);
  const value = num(f.value);
  const baseline = num(f.baseline);
  const quote = s.quote.exact;
  // A ranking is its words ("全省第一", "首位"): the number alone says nothing.
  const valueText = f.kind === 'ranking' ? quote.trim() : value === null ? '' : (writtenFigure(quote, value, unit, baseline !== null) ?? formatted(value, unit, str(f.approx)));
  const baselineFigure = baseline === null ? '' : (writtenFigure(quote, baseline, unit) ?? formatted(baseline, unit, ''));
  return {
    // No metric: a dash, not the figure again; the checks ask the editor for one.
    metric: str(f.metric) || '—',
    value: withYear(valueText, yearText(f.year)),
    baseline: withYear(baselineFigure, yearText(f.baselineYear)),
    change: changeText(s),
  };
}

/**
 * The indicator table of a case. Figures inside the case's own tables are left out (the table is
 * printed as it stands in the text), and so is a figure repeated with the same metric and value.
 */
export function indicatorTable(spans: readonly SpanAnnotation[], caseText = ''): IndicatorTable {
  const inTable = tableLineRanges(caseText);
  const seen = new Set<string>();
  const cells: Array<Record<IndicatorColumn, string>> = [];
  for (const s of spans) {
    if (s.label !== 'indicator' || inTable.some(([a, b]) => s.start >= a && s.end <= b)) continue;
    const row = indicatorCells(s);
    const key = `${row.metric}\u0000${row.value}\u0000${row.change}`;
    if (seen.has(key)) continue;
    seen.add(key);
    cells.push(row);
  }
  const columns = COLUMNS.filter(([key]) => key === 'metric' || cells.some((r) => r[key])).map(([key, title]) => ({ key, title }));
  return { columns, rows: cells.map((r) => columns.map((c) => r[c.key])) };
}

function tableLineRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (tableRow(line)) out.push([at, at + line.length]);
    at += line.length + 1;
  }
  return out;
}
