import type { FieldValue } from '../../model/annotation.ts';
import type { ChangeField, GoldCase, GoldIndicator, GoldLesson } from './gold-types.ts';

/** A case as the evaluation needs it: what the loader gives, reduced to the parts used. */
export interface EvalCase {
  id: string;
  documentId: string;
  title: string;
  text: string;
}

/** A gold span placed in today's case text. */
export interface GoldSpan {
  caseId: string;
  label: 'indicator' | 'lesson';
  start: number;
  end: number;
  /** The part a matching suggestion must cover (indicators), else the whole span. */
  keyStart: number;
  keyEnd: number;
  text: string;
  fields?: Partial<Record<ChangeField, FieldValue>>;
  /** The right metric names (any one of them), where the set gives them. */
  metrics?: readonly string[];
  headline?: string;
}

export interface ResolvedGold {
  spans: GoldSpan[];
  /** Case ids the gold set covers: suggestions elsewhere are not scored. */
  caseIds: Set<string>;
  /** Quotes or cases that could not be found; a non-empty list means the set needs updating. */
  errors: string[];
}

export function resolveGold(gold: readonly GoldCase[], cases: readonly EvalCase[]): ResolvedGold {
  const spans: GoldSpan[] = [];
  const caseIds = new Set<string>();
  const errors: string[] = [];
  for (const g of gold) {
    const c = cases.find((x) => x.documentId === g.doc && x.title === g.title);
    if (!c) {
      errors.push(`${g.doc}: no case titled "${g.title}"`);
      continue;
    }
    if (caseIds.has(c.id)) errors.push(`${c.id}: labelled twice`);
    caseIds.add(c.id);
    for (const ind of g.indicators) {
      const span = resolveIndicator(c, ind);
      if (typeof span === 'string') errors.push(span);
      else spans.push(span);
    }
    for (const les of g.lessons) {
      const span = resolveLesson(c, les);
      if (typeof span === 'string') errors.push(span);
      else spans.push(span);
    }
  }
  return { spans, caseIds, errors };
}

function nthIndexOf(text: string, quote: string, n: number): number {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

function resolveIndicator(c: EvalCase, g: GoldIndicator): GoldSpan | string {
  const start = nthIndexOf(c.text, g.quote, g.occurrence ?? 0);
  if (start < 0) return `${c.id}: indicator "${g.quote}" (occurrence ${g.occurrence ?? 0}) not found`;
  const end = start + g.quote.length;
  const key = keyNumber(g);
  if (!key) return `${c.id}: number "${g.number}" is not in "${g.quote}"`;
  return {
    caseId: c.id,
    label: 'indicator',
    start,
    end,
    keyStart: start + key.start,
    keyEnd: start + key.end,
    text: g.quote,
    ...(g.fields ? { fields: g.fields } : {}),
    ...(g.metric !== undefined ? { metrics: typeof g.metric === 'string' ? [g.metric] : [...g.metric] } : {}),
  };
}

/** Where the number to cover sits inside the quote. */
export function keyNumber(g: GoldIndicator): { start: number; end: number } | null {
  if (g.number !== undefined) {
    const at = g.quote.indexOf(g.number);
    return at < 0 ? null : { start: at, end: at + g.number.length };
  }
  for (const m of g.quote.matchAll(/[0-9０-９]+(?:[.．][0-9０-９]+)?/g)) {
    if (/^[\s$]*年/.test(g.quote.slice(m.index + m[0].length))) continue;
    return { start: m.index, end: m.index + m[0].length };
  }
  return { start: 0, end: g.quote.length };
}

function resolveLesson(c: EvalCase, g: GoldLesson): GoldSpan | string {
  const start = nthIndexOf(c.text, g.from, g.occurrence ?? 0);
  if (start < 0) return `${c.id}: lesson starting "${g.from}" not found`;
  const toAt = c.text.indexOf(g.to, start);
  if (toAt < 0) return `${c.id}: lesson "${g.from}…" has no end "${g.to}"`;
  const end = toAt + g.to.length;
  return { caseId: c.id, label: 'lesson', start, end, keyStart: start, keyEnd: end, text: c.text.slice(start, end), headline: g.headline };
}
