import { isInstitution, leadingPlaceName, provinceOfAction } from '../regions.ts';
import type { Paragraph } from '../paragraphs.ts';
import { headingOf } from '../sections.ts';
import { isKnownSectionName } from '../section-kinds.ts';
import { endsSentence } from '../width.ts';
import { attribution } from '../cues.ts';
import type { CaseDraft, ShapeContext, ShapeSplitter } from './shape.ts';
import { tidyTitle } from './region-title.ts';

/** "第二批健康河北行动推进典型经验案例三": the line each case of a provincial batch starts with. */
const MARKER = /^.{0,24}?典型(?:经验)?案例([一二三四五六七八九十]{1,3}|\d{1,3})$/;
const PROVINCIAL_UNIT = /^(省[\p{Script=Han}]{1,6}?(?:厅|局|委员会|委|总工会|工会|计生协|协会|协|妇联|团委|办))/u;

/**
 * A province's batch of typical cases: each case starts with a numbered marker line, then an
 * optional reporting-unit line ("健康知识普及行动工作组"), then a title that may wrap over lines,
 * then the text with its sections (some unnumbered or misnumbered).
 */
export const provincialBatchShape: ShapeSplitter = {
  shape: 'provincial-batch',
  detect(ctx) {
    const markers = ctx.paragraphs.filter((p) => MARKER.test(compact(p.text.text))).length;
    return markers >= 2 ? 7 : 0;
  },
  split(ctx) {
    const starts: number[] = [];
    ctx.paragraphs.forEach((p, i) => {
      if (MARKER.test(compact(p.text.text))) starts.push(i);
    });
    const province = provinceOfAction(ctx.opening);
    const cases: CaseDraft[] = starts.map((s, k) => {
      const end = starts[k + 1] ?? ctx.paragraphs.length;
      return draftCase(ctx, ctx.paragraphs.slice(s + 1, end), province);
    });
    const first = ctx.paragraphs.slice(0, starts[0] ?? 0).find((p) => p.text.length > 4);
    return { title: first ? tidyTitle(first.text.text).replace(/正文$/, '') : null, cases };
  },
};

function draftCase(ctx: ShapeContext, paras: readonly Paragraph[], province: string | null): CaseDraft {
  // Title block: the short lines before the first heading or body paragraph.
  const block: Paragraph[] = [];
  for (const p of paras) {
    const t = p.text.text;
    const titleLike = t.length <= (block.length === 0 ? 60 : 34) && !endsSentence(t) && !/[。；]/.test(t) && !headingOf(p) && !isKnownSectionName(t) && !attribution(t);
    if (!titleLike || block.length >= 4) break;
    block.push(p);
  }
  // "——鹤壁市" after the title: who the case is from.
  const who = paras[block.length] ? attribution(paras[block.length]!.text.text)?.who ?? null : null;
  let unit: string | null = null;
  let titleParas = block;
  if (block.length >= 2 && isInstitution(compact(block[0]!.text.text))) {
    unit = compact(block[0]!.text.text);
    titleParas = block.slice(1);
  }
  const title = joinTitleLines(ctx.rawText, titleParas);
  if (!unit && who && isInstitution(who)) unit = who;
  if (!unit) unit = PROVINCIAL_UNIT.exec(title)?.[1] ?? null;
  const region = (who && !isInstitution(who) ? who : null) ?? leadingPlaceName(title) ?? (unit ? leadingPlaceName(unit) : null) ?? (who ? null : province);
  const workingGroup = unit ? /^(.+行动)工作组$/.exec(unit) : null;
  return {
    title,
    region,
    unit,
    part: workingGroup ? workingGroup[1]! : null,
    ...(block[0] ? { titleSource: block[0].text } : {}),
    body: paras.slice(block.length + (who ? 1 : 0)),
    marks: who ? [{ kind: 'attribution', text: who }] : unit ? [{ kind: 'attribution', text: unit }] : [],
  };
}

/** Join a wrapped title; a space the source put at a line's end (between two phrases) is kept. */
function joinTitleLines(raw: string, paras: readonly Paragraph[]): string {
  let out = '';
  for (const p of paras) {
    const text = p.text.text;
    if (out && /\s/.test(raw[p.text.rawStart - 1] ?? '') && /[ \t\u3000]/.test(raw[paras[paras.indexOf(p) - 1]!.text.rawEnd] ?? '')) out += ' ';
    out += text;
  }
  return out.replace(/\s+/g, ' ').trim();
}

function compact(s: string): string {
  return s.replace(/\s+/g, '');
}
