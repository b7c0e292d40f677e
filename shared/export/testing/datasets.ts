import { defaultLabelSchema, defaultRubric, QUOTE_CONTEXT, SECTION_KINDS, type Dataset, type DatasetCase, type FieldValue, type SpanAnnotation, type TaggedSection } from '../../model/index.ts';
import type { CaseReview, ExportDataset } from '../types.ts';

/**
 * Datasets for the export tests and benchmark, built from plain inputs. Pure (no file access):
 * callers read the seed texts themselves and pass them in.
 */

export interface CaseInput {
  id: string;
  text: string;
  title?: string;
  region?: string | null;
  part?: string | null;
}

export interface SpanInput {
  caseId: string;
  start: number;
  end: number;
  label: string;
  reviewer?: string;
  fields?: Record<string, FieldValue>;
  note?: string;
  id?: string;
}

const CREATED = '2024-05-01T08:00:00.000Z';
const UPDATED = '2024-05-02T09:30:00.000Z';

export function buildDataset(cases: readonly CaseInput[], spans: readonly SpanInput[], name = '测试项目'): Dataset {
  const texts = new Map(cases.map((c) => [c.id, c.text]));
  return {
    project: { name, exportedAt: '2024-06-01T12:00:00.000Z' },
    schema: defaultLabelSchema(),
    documents: [{ id: 'doc', file: 'doc.txt', title: '测试文档', format: 'compendium', issuer: null, year: 2024, kind: null }],
    cases: cases.map((c, i) => caseOf(c, i)),
    spans: spans.map((s, i) => spanOf(s, texts.get(s.caseId) ?? '', i)),
    orphans: [],
  };
}

function caseOf(c: CaseInput, i: number): DatasetCase {
  return {
    id: c.id,
    documentId: 'doc',
    ordinal: i + 1,
    title: c.title ?? `案例${i + 1}`,
    region: c.region === undefined ? '河北省' : c.region,
    part: c.part === undefined ? null : c.part,
    text: c.text,
    revision: 1,
    sections: [],
    meta: { tags: [] },
    status: {},
  };
}

function spanOf(s: SpanInput, text: string, i: number): SpanAnnotation {
  return {
    id: s.id ?? `s${i + 1}`,
    caseId: s.caseId,
    start: s.start,
    end: s.end,
    quote: {
      exact: text.slice(s.start, s.end),
      prefix: text.slice(Math.max(0, s.start - QUOTE_CONTEXT), s.start),
      suffix: text.slice(s.end, s.end + QUOTE_CONTEXT),
    },
    label: s.label,
    fields: s.fields ?? {},
    note: s.note ?? '',
    reviewer: s.reviewer ?? 'alice',
    origin: 'manual',
    revision: 1,
    createdAt: CREATED,
    updatedAt: UPDATED,
  };
}

/**
 * Splits texts into about `count` cases of similar size at paragraph boundaries, dropping blank
 * lines and table-of-contents dot leaders, and trimming the indentation extraction left.
 */
export function casesFromTexts(texts: readonly string[], count: number): CaseInput[] {
  const paragraphs = texts
    .flatMap((t) => t.split('\n'))
    .map((p) => p.trim())
    .filter((p) => p !== '' && !/\.{6,}/.test(p));
  const total = paragraphs.reduce((n, p) => n + p.length, 0);
  const target = total / count;
  const cases: CaseInput[] = [];
  let current: string[] = [];
  let size = 0;
  for (const p of paragraphs) {
    current.push(p);
    size += p.length;
    if (size >= target && cases.length < count - 1) {
      cases.push({ id: `seed-${String(cases.length + 1).padStart(3, '0')}`, text: current.join('\n') });
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) cases.push({ id: `seed-${String(cases.length + 1).padStart(3, '0')}`, text: current.join('\n') });
  return cases.map((c) => ({ ...c, title: c.text.slice(0, 20) }));
}

/**
 * Spans like reviewers place them: indicators on numbers ("26.82%", "4750余场次"), practices and
 * lessons on sentences, innovations on "一是…" clauses, so indicators nest inside sentences.
 * `perCase` spans are spread over the reviewers; a seeded generator makes the set reproducible.
 */
export function realisticSpans(cases: readonly CaseInput[], perCase: number, reviewers: readonly string[], seed = 1): SpanInput[] {
  const random = mulberry32(seed);
  const spans: SpanInput[] = [];
  for (const c of cases) {
    const candidates = candidatesOf(c);
    if (candidates.length === 0) continue;
    for (let k = 0; k < perCase; k++) {
      const pick = candidates[Math.floor(random() * candidates.length)]!;
      const reviewer = reviewers[k % reviewers.length]!;
      spans.push({ caseId: c.id, reviewer, ...pick, ...(k % 7 === 0 ? { note: `核对：${pick.label}，"见原文"\t第${k}处` } : {}) });
    }
  }
  return spans;
}

function candidatesOf(c: CaseInput): Omit<SpanInput, 'caseId'>[] {
  const out: Omit<SpanInput, 'caseId'>[] = [];
  for (const m of c.text.matchAll(/(\d+(?:\.\d+)?)(%|余场次|名|个|所|次)?/g)) {
    const value = Number(m[1]);
    const unit = m[2] ?? '';
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      label: 'indicator',
      fields: { metric: c.text.slice(Math.max(0, m.index - 6), m.index).replace(/\s/g, ''), value, unit, year: null, direction: 'up', approx: unit.includes('余') ? '余' : '' },
    });
  }
  for (const m of c.text.matchAll(/[^。\n]{6,80}。/g)) out.push({ start: m.index, end: m.index + m[0].length, label: m.index % 2 === 0 ? 'practice' : 'lesson' });
  for (const m of c.text.matchAll(/[一二三四五]是[^。；\n]{2,40}/g)) out.push({ start: m.index, end: m.index + m[0].length, label: 'innovation' });
  return out;
}

/** A small seeded PRNG (mulberry32), so fixtures are the same on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A reviewer's layers of one case, for withReviews. */
export interface ReviewInput {
  caseId: string;
  reviewer: string;
  review: CaseReview;
}

/** The dataset with reviewers' layers, the rubric and a revision history, as buildDataset in main/ gives them. */
export function withReviews(dataset: Dataset, reviews: readonly ReviewInput[]): ExportDataset {
  return {
    ...dataset,
    rubric: defaultRubric(),
    cases: dataset.cases.map((c) => {
      const mine = reviews.filter((r) => r.caseId === c.id);
      return {
        ...c,
        status: Object.fromEntries(mine.map((r) => [r.reviewer, r.review.status])),
        reviews: Object.fromEntries(mine.map((r) => [r.reviewer, r.review])),
        revisions: [{ revision: 0, createdAt: CREATED, author: 'casebench', note: 'loaded', length: c.text.length }],
      };
    }),
  };
}

/**
 * A reviewer's outline of a text: a section at the start of every `every`-th paragraph, its
 * heading the paragraph's first few characters (whole code points), kinds, levels, sources and
 * confirmations varied by a seeded generator; each section ends where the next begins.
 */
export function outlineOf(text: string, seed = 1, every = 1): TaggedSection[] {
  const random = mulberry32(seed);
  const starts: number[] = [];
  let at = 0;
  text.split('\n').forEach((p, i) => {
    if (p !== '' && i % every === 0) starts.push(at);
    at += p.length + 1;
  });
  return starts.map((start, i) => {
    const end = starts[i + 1] ?? text.length;
    const line = text.slice(start, end).split('\n')[0]!;
    const heading = Array.from(line).slice(0, 1 + Math.floor(random() * 8)).join('');
    const kinds = SECTION_KINDS.filter(() => random() < 0.3);
    return {
      heading,
      numbering: i % 3 === 0 ? `${i + 1}.` : '',
      level: 1 + Math.floor(random() * 2),
      kinds: kinds.length ? kinds : [SECTION_KINDS[i % SECTION_KINDS.length]!],
      start,
      headingEnd: start + heading.length,
      end,
      source: random() < 0.5 ? 'loader' : 'reviewer',
      confirmed: random() < 0.5,
      ...(random() < 0.2 ? { runIn: true } : {}),
    };
  });
}
