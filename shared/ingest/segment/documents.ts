import type { Paragraph } from '../paragraphs.ts';
import type { ShapeContext, ShapeSplitter } from '../shapes/shape.ts';
import { chooseOutline, type OutlineChoice } from './choose-outline.ts';
import { openingOf } from './opening.ts';
import { boundaryKind, ISSUE_NUMBER, LETTERHEAD, type DocumentStart } from './document-starts.ts';

/** How much text each side of a split must hold: a header alone is not a document. */
const MIN_CHARS = 300;
/** A split must read this much better than the whole, so a document's own attachments stay in it. */
const MARGIN = 0.04;

export interface DocumentPart {
  ctx: ShapeContext;
  choice: OutlineChoice;
}

/**
 * Read a file as one document, or as several when that reads better: each candidate boundary is
 * tried, and a split is kept when both sides make documents of their own (neither read as a
 * plain text) and the outline's share of well-formed text, weighted by length, rises. Applied
 * again to each side, so a file of three documents splits twice.
 */
export function readDocuments(ctx: ShapeContext, shapes: readonly ShapeSplitter[], depth = 0, read?: OutlineChoice): DocumentPart[] {
  const whole = read ?? chooseOutline(ctx, shapes);
  if (depth >= 3) return [{ ctx, choice: whole }];
  const paras = ctx.paragraphs;
  // Only a document start the whole reading leaves inside a case, or outside every case after
  // the first, is worth a split: where the outline already ends a case there, nothing is wrong.
  const inside = new Set<number>();
  const held = new Set<number>();
  for (const d of whole.drafts) d.body.forEach((p, k) => (k > 0 ? inside : held).add(p.text.rawStart));
  const firstCase = Math.min(...whole.drafts.map((d) => d.titleSource?.rawStart ?? d.body[0]?.text.rawStart ?? Infinity));
  const suspicious = boundaryCandidates(paras).filter(({ at }) => {
    const raw = paras[at]!.text.rawStart;
    return inside.has(raw) || (!held.has(raw) && raw > firstCase);
  });
  if (!suspicious.length) return [{ ctx, choice: whole }];
  // Tried: each of the first few starts alone, and all starts of one kind at once (twenty
  // compendia in one file split in one pass, not twenty).
  const splits: number[][] = [];
  for (const kind of new Set(suspicious.map((c) => c.kind))) {
    const all = suspicious.filter((c) => c.kind === kind).map((c) => c.at);
    splits.push(all);
    if (all.length > 1 && all.length <= 3) for (const at of all) splits.push([at]);
  }
  let best: { score: number; parts: DocumentPart[] } | null = null;
  for (const at of splits) {
    const bounds = [0, ...at, paras.length];
    const parts: DocumentPart[] = [];
    let weighted = 0;
    let ok = true;
    for (let k = 0; k + 1 < bounds.length && ok; k++) {
      const n = chars(paras, bounds[k]!, bounds[k + 1]!);
      if (n < MIN_CHARS) ok = false;
      const sub = subContext(ctx, bounds[k]!, bounds[k + 1]!);
      const choice = chooseOutline(sub, shapes);
      if (choice.splitter.shape === 'plain') ok = false;
      weighted += choice.score * n;
      parts.push({ ctx: sub, choice });
    }
    const score = weighted / Math.max(1, chars(paras, 0, paras.length));
    if (ok && score > whole.score + MARGIN && (!best || score > best.score)) best = { score, parts };
  }
  if (!best) return [{ ctx, choice: whole }];
  return best.parts.flatMap((p) => readDocuments(p.ctx, shapes, depth + 1, p.choice));
}

function chars(paras: readonly Paragraph[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n += paras[i]!.text.length;
  return n;
}

/** Paragraph indices where a second document could begin, with the kind of start. */
export function boundaryCandidates(paras: readonly Paragraph[]): Array<{ at: number; kind: DocumentStart }> {
  const out: Array<{ at: number; kind: DocumentStart }> = [];
  for (let i = 1; i < paras.length; i++) {
    const kind = boundaryKind(paras[i]!.text.text);
    if (kind) out.push({ at: kind === 'notice' ? headerStart(paras, i) : i, kind });
  }
  return out.filter((c, k) => k === 0 || c.at > out[k - 1]!.at);
}

/** A notice's header begins with its letterhead and issuing number, just above its title. */
function headerStart(paras: readonly Paragraph[], title: number): number {
  let i = title;
  for (let k = 1; k <= 3 && title - k >= 0; k++) {
    const t = paras[title - k]!.text.text.replace(/\s+/g, '');
    if (ISSUE_NUMBER.test(t) || LETTERHEAD.test(t) || t.length <= 6) i = title - k;
    else break;
  }
  return i;
}

/**
 * The same context over paragraphs [from, to): only their lines (so the table of contents, the
 * rows of a table and the document's opening are its own), numbered from the document's first
 * line. Each part is as long as its own text: a file of a hundred documents is not read a
 * hundred times over its whole length.
 */
export function subContext(ctx: ShapeContext, from: number, to: number): ShapeContext {
  const own = ctx.paragraphs.slice(from, to);
  const first = own[0]?.firstLine ?? 0;
  const last = own[own.length - 1]?.lastLine ?? -1;
  const lines = ctx.lines.slice(first, last + 1);
  // The paragraphs keep their text (what the readings' caches are keyed by); their line numbers move.
  const paragraphs = first === 0 ? own : own.map((p) => ({ ...p, firstLine: p.firstLine - first, lastLine: p.lastLine - first }));
  return { ...ctx, lines, paragraphs, warnings: [], opening: openingOf(paragraphs) };
}
