import type { Paragraph } from '../paragraphs.ts';
import type { CaseDraft } from '../shapes/shape.ts';
import { blockCues, type BlockCues } from './block-heading.ts';
import { boundaryKind } from './document-starts.ts';
import { cycleStarts, sectionLevel } from './section-cycles.ts';

/** How one case of a candidate outline reads: its sections, its cycles, its title. */
export interface CaseReading {
  /** Distinct section kinds among its section names. */
  kinds: number;
  /** Cycles of sections it holds: more than one means two cases merged. */
  cycles: number;
  /** Block index (within the case body) where each extra cycle starts. */
  restarts: number[];
  /** A document starts inside the case (a masthead, a notice's title, a second table of contents). */
  holdsDocumentStart: boolean;
  chars: number;
  titleOk: boolean;
}

export interface OutlineQuality {
  /** 0–1: the share of the text that sits in well-formed cases. */
  score: number;
  cases: CaseReading[];
  /** Characters of body text after the first case that no case holds. */
  unplaced: number;
}

// Keyed by the paragraph's text: a document's parts (segment/documents.ts) copy its paragraphs
// with other line numbers, and what a block says does not depend on them.
const cueCache = new WeakMap<object, BlockCues>();
export function cuesOf(p: Paragraph): BlockCues {
  let c = cueCache.get(p.text);
  if (!c) cueCache.set(p.text, (c = blockCues(p)));
  return c;
}

/**
 * Read a candidate outline as a reviewer would check it: does each case hold one cycle of
 * sections (工作背景 … 经验启示), does it have a title, is the text placed. Two cases merged show
 * as a case with two cycles; a case cut in two as pieces without sections in a document whose
 * other cases have them; cases lost as text no case holds.
 */
export function outlineQuality(drafts: readonly CaseDraft[], allBody: readonly Paragraph[]): OutlineQuality {
  const cases = drafts.map(readCase);
  const total = cases.reduce((n, c) => n + c.chars, 0);
  const structured = cases.filter((c) => c.kinds >= 2).length / Math.max(1, cases.length);
  let placed = 0;
  for (const c of cases) {
    let q = c.kinds >= 2 ? 1 : c.kinds === 1 ? 0.8 : structured >= 0.5 ? 0.3 : 0.7;
    if (c.cycles > 1) q /= c.cycles;
    if (!c.titleOk) q *= 0.7;
    if (c.holdsDocumentStart) q *= 0.5;
    placed += q * c.chars;
  }
  const unplaced = unplacedChars(drafts, allBody);
  let score = total + unplaced > 0 ? placed / (total + unplaced) : 0;
  // Without sections to check, an outline is judged by its headlines: a report's headline over
  // its text starts a case; a reading that leaves most headlines inside cases merged them.
  if (structured < 0.5) score *= 0.6 + 0.4 * headlinesStartingCases(drafts, allBody);
  return { score, cases, unplaced };
}

/** The share of headlines (a heading over a paragraph of text) that start a case; 1 when there are few. */
function headlinesStartingCases(drafts: readonly CaseDraft[], allBody: readonly Paragraph[]): number {
  const starts = new Set<number>();
  for (const d of drafts) {
    if (d.titleSource) starts.add(d.titleSource.rawStart);
    if (d.body[0]) starts.add(d.body[0].text.rawStart);
  }
  let headlines = 0;
  let starting = 0;
  for (let i = 0; i + 1 < allBody.length; i++) {
    const h = cuesOf(allBody[i]!).heading;
    const next = allBody[i + 1]!;
    if (!h || h.kinds || h.cls === 'bracket' || cuesOf(next).heading || next.text.length <= 60) continue;
    headlines++;
    if (starts.has(allBody[i]!.text.rawStart) || starts.has(next.text.rawStart)) starting++;
  }
  return headlines >= 3 ? starting / headlines : 1;
}

function readCase(d: CaseDraft): CaseReading {
  const cues = d.body.map(cuesOf);
  const chars = d.body.reduce((n, p) => n + p.text.length, 0);
  const level = sectionLevel(cues);
  const kinds = new Set<string>();
  let cycles = 1;
  let restarts: number[] = [];
  if (level) {
    for (const h of level.headings) for (const k of h.kinds ?? []) kinds.add(k);
    const starts = cycleStarts(level.headings).filter((s) => s.by !== 'number');
    cycles = Math.max(1, starts.length);
    restarts = starts.slice(1).map((s) => level.headings[s.at]!.index);
  }
  const t = d.title.trim();
  const titleOk = t.length >= 2 && t.length <= 80 && !/[。；]$/.test(t);
  const holdsDocumentStart = d.body.some((p, i) => i > 0 && boundaryKind(p.text.text) !== null);
  return { kinds: kinds.size, cycles, restarts, chars, titleOk, holdsDocumentStart };
}

/**
 * Body text no case holds: what a wrong outline loses. Text before the first case is front matter
 * (a notice, a preface) and is not counted, unless it holds section names (工作背景 …): then it
 * is a case the outline missed.
 */
function unplacedChars(drafts: readonly CaseDraft[], allBody: readonly Paragraph[]): number {
  const spans: Array<[number, number]> = [];
  for (const d of drafts) {
    for (const p of d.body) spans.push([p.text.rawStart, p.text.rawEnd]);
    if (d.titleSource) spans.push([d.titleSource.rawStart, d.titleSource.rawEnd]);
  }
  if (!spans.length) return 0;
  spans.sort((a, b) => a[0] - b[0]);
  const first = spans[0]![0];
  const merged: Array<[number, number]> = [];
  for (const [a, b] of spans) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  let lost = 0;
  let frontMatterHasSections = false;
  for (const p of allBody) {
    const a = p.text.rawStart;
    if (a < first && !frontMatterHasSections) {
      frontMatterHasSections = cuesOf(p).heading?.kinds != null;
      if (!frontMatterHasSections) continue;
    }
    if (p.text.length <= 40) continue;
    // A paragraph counts as placed when cases hold most of its characters (table cells, a glued
    // title); counted by the characters it copied, not by the source span (markup between cells).
    const runs = p.text.runs;
    let held = 0;
    let copied = 0;
    for (let k = 0; k < runs.length; k += 3) {
      held += covered(merged, runs[k + 1]!, runs[k + 1]! + runs[k + 2]!);
      copied += runs[k + 2]!;
    }
    if (held < copied * 0.6) lost += p.text.length;
  }
  return lost;
}

/** How much of [a, b) the sorted, disjoint spans cover. */
function covered(spans: ReadonlyArray<readonly [number, number]>, a: number, b: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let at = spans.length;
  // The first span that ends after a.
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]![1] > a) {
      at = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  let n = 0;
  for (let k = at; k < spans.length && spans[k]![0] < b; k++) n += Math.min(b, spans[k]![1]) - Math.max(a, spans[k]![0]);
  return n;
}
