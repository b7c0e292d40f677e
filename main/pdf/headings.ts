import { blockText, type Block } from './blocks.ts';
import { headingRank } from './fonts.ts';
import type { FontInfo } from './fonts.ts';
import { isCjk, type TextStyle } from './text-style.ts';

/** The body's style: the one most of the document's characters are set in. */
export function bodyStyle(blocks: readonly Block[]): TextStyle | null {
  const tally = new Map<string, { n: number; style: TextStyle }>();
  for (const b of blocks) {
    // Table rows count: a document that is one big table has its rows' style as its body.
    if (b.tocPage !== undefined) continue;
    const key = styleKey(b.style);
    const n = blockText(b).length;
    const e = tally.get(key);
    if (e) e.n += n;
    else tally.set(key, { n, style: b.style });
  }
  let best: { n: number; style: TextStyle } | null = null;
  for (const e of tally.values()) if (!best || e.n > best.n) best = e;
  return best?.style ?? null;
}

const styleKey = (s: TextStyle) => `${s.size}|${s.family}|${s.bold}|${s.color}`;
const headingKey = (s: TextStyle) => `${s.size}|${s.fontClass}|${s.bold}|${s.family}|${s.color}`;

/** Longest text a heading is taken to be, and most lines. */
const MAX_HEADING = 80;
const MAX_STYLED_HEADING = 50;

/**
 * Headings by typography relative to the body: larger than the body, or as large but in another
 * face or weight (official documents: 黑体 and 楷体 headings over 仿宋 text), short, and not a
 * sentence. Levels follow size, then the face: 小标宋 over 黑体 over 楷体 over bold body faces.
 * Font names are only the tie-break; the primary evidence is the difference from the body.
 */
export function markHeadings(blocks: Block[], fonts: readonly FontInfo[]): void {
  void fonts;
  const body = bodyStyle(blocks);
  if (!body) return;
  const candidates: Block[] = [];
  for (const b of blocks) {
    if (b.role === 'table-row' || b.tocPage !== undefined) continue;
    const text = blockText(b).trim();
    if (!text || text.length > MAX_HEADING || b.lineCount > 3) continue;
    const larger = b.style.size >= body.size + 1;
    const otherFace = b.style.family !== body.family && (b.style.fontClass !== body.fontClass || b.style.bold !== body.bold);
    const bolder = (b.style.bold && !body.bold) || b.style.color !== body.color;
    const sentence = /[。；;，,：:]$/.test(text) && !/^[（(]?[一二三四五六七八九十\d]+[）)、．.]/.test(text);
    // A short line of another face in Chinese text; not a Latin phrase in the Latin face.
    const styled = (otherFace || bolder) && text.length <= MAX_STYLED_HEADING && (isCjk(text) || !isCjk(blockText(b)));
    if ((larger && !sentence) || (styled && !sentence && Math.abs(b.style.size - body.size) <= 0.6) || (styled && larger)) candidates.push(b);
  }
  const styles = new Map<string, TextStyle>();
  for (const b of candidates) styles.set(headingKey(b.style), b.style);
  const ranked = [...styles.values()].sort((a, b) => b.size - a.size || headingRank(a.fontClass, a.bold) - headingRank(b.fontClass, b.bold));
  const levelOf = new Map(ranked.map((s, i) => [headingKey(s), Math.min(6, i + 1)]));
  for (const b of candidates) {
    b.role = 'heading';
    b.mdHeading = levelOf.get(headingKey(b.style))!;
  }
}

/**
 * The bold (or heading-face) words a body paragraph opens with, "一是加强组织领导。" before the
 * text: a run-in heading the loader reads as it reads Word's bold leads.
 */
export function markBoldLeads(blocks: Block[], fonts: readonly FontInfo[]): void {
  const body = bodyStyle(blocks);
  if (!body) return;
  for (const b of blocks) {
    if (b.role) continue;
    let lead = '';
    let i = 0;
    for (; i < b.pieces.length; i++) {
      const p = b.pieces[i]!;
      const g = p.glyphs[0];
      if (g && !g.space) {
        const font = fonts[g.font];
        const headingFace = !!font && font.family !== body.family && (font.fontClass === 'hei' || font.fontClass === 'kai') && font.fontClass !== body.fontClass;
        if (!(g.bold || headingFace)) break;
      } else if (!lead) break;
      lead += p.text;
    }
    const rest = b.pieces.slice(i).map((p) => p.text).join('').trim();
    if (lead.trim().length >= 2 && rest.length >= 2 && !body.bold) b.boldLead = lead.trim();
  }
}
