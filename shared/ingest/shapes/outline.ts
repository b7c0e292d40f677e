import { parseNumbering } from '../numbering.ts';
import type { Paragraph } from '../paragraphs.ts';
import { isKnownSectionName } from '../section-kinds.ts';
import type { CaseDraft, ShapeSplitter } from './shape.ts';
import { splitRegionTitle, tidyTitle } from './region-title.ts';

/**
 * A document whose own headings give its structure, as Word (.docx) and Markdown files do: the
 * cases are the headings of the level whose subheadings are section names (工作背景, 主要做法,
 * 经验启示 …); headings above that level are parts. Weaker evidence than a table of contents,
 * stronger than guessing from plain lines.
 */
export const outlineShape: ShapeSplitter = {
  shape: 'outline',
  detect(ctx) {
    const level = caseLevel(ctx.paragraphs);
    return level && level.cases >= 2 ? 8 : 0;
  },
  split(ctx) {
    const paras = ctx.paragraphs;
    const { level } = caseLevel(paras)!;
    const cases: CaseDraft[] = [];
    let part: string | null = null;
    let title: string | null = null;
    // A single leading H1, the only heading of its level, is the document's title even when cases
    // follow it ("# 2024年健康中国行动典型案例" over "## 河北省：…"): one part would say nothing.
    const h1s = paras.filter((p) => p.mdHeading === 1).length;
    for (let i = 0; i < paras.length; i++) {
      const p = paras[i]!;
      const h = p.mdHeading;
      if (h === undefined || h > level) continue;
      if (h < level) {
        // The first heading above the case level, before any part holds a case, may be the
        // document's title; later ones are parts.
        if (title === null && cases.length === 0 && part === null && h === 1 && (h1s === 1 || !hasCaseBelow(paras, i, level))) title = tidyTitle(p.text.text);
        else part = tidyTitle(withoutNumbering(p.text.text));
        continue;
      }
      let end = i + 1;
      while (end < paras.length && !(paras[end]!.mdHeading !== undefined && paras[end]!.mdHeading! <= level)) end++;
      // "1．北京市：创新……": the number is the compendium's ordering, not part of the title.
      const { region, title: caseTitle } = splitRegionTitle(tidyTitle(withoutNumbering(p.text.text)));
      cases.push({ title: caseTitle, region, unit: null, part, titleSource: p.text, body: paras.slice(i + 1, end), marks: [] });
      i = end - 1;
    }
    return { title, cases };
  },
};

/** True when a case heading (of `level`) follows before the next heading at `from`'s level. */
function hasCaseBelow(paras: readonly Paragraph[], from: number, level: number): boolean {
  const own = paras[from]!.mdHeading!;
  for (let j = from + 1; j < paras.length; j++) {
    const h = paras[j]!.mdHeading;
    if (h === undefined) continue;
    if (h <= own) return false;
    if (h === level) return true;
  }
  return false;
}

/**
 * The heading level most of whose headings have section names as subheadings, with how many do.
 * A section-name subheading counts only for its nearest ancestor heading, so a part holding a
 * single case does not tie with the case.
 */
function caseLevel(paras: readonly Paragraph[]): { level: number; cases: number } | null {
  const counts = new Map<number, number>();
  const counted = new Set<number>();
  // Indices of the open headings, outermost first.
  const ancestors: number[] = [];
  for (let i = 0; i < paras.length; i++) {
    const h = paras[i]!.mdHeading;
    if (h === undefined) continue;
    while (ancestors.length && paras[ancestors[ancestors.length - 1]!]!.mdHeading! >= h) ancestors.pop();
    const parent = ancestors[ancestors.length - 1];
    if (parent !== undefined && !counted.has(parent) && isKnownSectionName(withoutNumbering(paras[i]!.text.text))) {
      counted.add(parent);
      const level = paras[parent]!.mdHeading!;
      counts.set(level, (counts.get(level) ?? 0) + 1);
    }
    ancestors.push(i);
  }
  let best: { level: number; cases: number } | null = null;
  for (const [level, cases] of counts) if (!best || cases > best.cases) best = { level, cases };
  return best;
}

function withoutNumbering(text: string): string {
  const n = parseNumbering(text);
  return n ? text.slice(n.marker.length) : text;
}
