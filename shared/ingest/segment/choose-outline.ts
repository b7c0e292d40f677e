import type { Warning } from '../../model/document.ts';
import type { Paragraph } from '../paragraphs.ts';
import type { CaseDraft, ShapeContext, ShapeSplitter } from '../shapes/shape.ts';
import { parseTableOfContents } from '../toc.ts';
import { outlineQuality, type OutlineQuality } from './outline-quality.ts';

export interface OutlineChoice {
  splitter: ShapeSplitter;
  title: string | null;
  drafts: CaseDraft[];
  warnings: Warning[];
  quality: OutlineQuality;
  score: number;
  /** How many cases the table of contents or case list promises, where there is one. */
  expected: number | null;
  /** The best other reading, for the confidence: two readings that disagree lower it. */
  runnerUp: { splitter: ShapeSplitter; cases: number; score: number } | null;
}

/**
 * Split the document every way that fits it and keep the most consistent outline. Each shape
 * (compendium, notice, provincial batch, county table, newspaper, headings) is evidence of its
 * own; the choice is made on what it produces: the share of the text in well-formed cases, and
 * whether the case count meets the table of contents. A shape's own certainty (its detect
 * score) only breaks ties, so a layout no shape was written for is still read by the headings.
 */
export function chooseOutline(ctx: ShapeContext, shapes: readonly ShapeSplitter[]): OutlineChoice {
  const toc = parseTableOfContents(ctx.lines);
  const expected = toc ? toc.entries.filter((e) => e.kind === 'case').length || null : null;
  const body: Paragraph[] = ctx.paragraphs.filter((p) => !toc || p.lastLine < toc.startLine || p.firstLine > toc.endLine);
  const tried: OutlineChoice[] = [];
  for (const splitter of shapes) {
    const prior = splitter.detect(ctx);
    if (prior <= 0) continue;
    const own: ShapeContext = { ...ctx, warnings: [] };
    const { title, cases: drafts } = splitter.split(own);
    if (!drafts.length) continue;
    const quality = outlineQuality(drafts, body);
    let score = quality.score + prior * 0.004;
    if (expected !== null) score *= 1 - Math.min(0.6, Math.abs(drafts.length - expected) / expected);
    tried.push({ splitter, title, drafts, warnings: own.warnings, quality, score, expected, runnerUp: null });
  }
  // One plain case is the reading of last resort: where another reading finds cases, it is
  // kept only when that reading is clearly worse.
  if (tried.some((t) => t.splitter.shape !== 'plain' && t.drafts.length >= 2)) for (const t of tried) if (t.splitter.shape === 'plain') t.score *= 0.8;
  tried.sort((a, b) => b.score - a.score);
  const best = tried[0]!;
  const second = tried.find((t) => t.splitter !== best.splitter && t.splitter.shape !== 'plain');
  best.runnerUp = second ? { splitter: second.splitter, cases: second.drafts.length, score: second.score } : null;
  return best;
}
