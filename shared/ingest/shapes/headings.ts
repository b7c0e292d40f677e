import { namesPart } from '../cues.ts';
import { isInstitution, leadingPlaceName, provinceOfAction } from '../regions.ts';
import type { Paragraph } from '../paragraphs.ts';
import { blockCues, type BlockCues } from '../segment/block-heading.ts';
import { findCaseStarts, wrapsInto, type CaseStart } from '../segment/case-starts.ts';
import { markUnitLines } from '../segment/unit-lines.ts';
import { boundaryKind } from '../segment/document-starts.ts';
import { parseTableOfContents } from '../toc.ts';
import type { CaseDraft, ShapeContext, ShapeSplitter } from './shape.ts';
import { splitRegionTitle, tidyTitle } from './region-title.ts';


/**
 * Any document whose cases can be told from its own headings and cues, whatever the layout:
 * Word or Markdown headings, numbered titles, case markers, titles with attributions, section
 * cycles that start again. The specific shapes (compendium, notice, provincial batch …) are
 * tried beside it and the most consistent outline wins (see segment/choose-outline.ts).
 */
export const headingsShape: ShapeSplitter = {
  shape: 'outline',
  detect(ctx) {
    const { starts } = analyse(ctx);
    // Below the specific shapes: on their documents they know more (a list to meet, a row layout).
    // A single case counts when a cue marks its title (an attribution, a dateline, a marker).
    if (starts.length >= 2) return 5;
    return starts.length === 1 && ['marker', 'attribution', 'dateline'].includes(starts[0]!.evidence) ? 2 : 0;
  },
  split(ctx) {
    const { body, cues, starts: found } = analyse(ctx);
    // A "case" with hardly any text of its own and no sections (a sign-off after the last case,
    // "来源：…公众号" under a list of links) is no case: its text stays with the case before.
    // A marker, a listed title, the case level's heading or a news dateline (a brief of two
    // sentences is a report) starts a case however short.
    const strong = (s: CaseStart) => s.evidence === 'marker' || s.evidence === 'toc' || s.evidence === 'class' || s.evidence === 'dateline';
    const kept = found.filter((s, k) => k === 0 || strong(s) || ownText(body, cues, s.index, found[k + 1]?.index ?? body.length) >= 80);
    if (!kept.length) return { title: null, cases: [] };
    const texts = body.map((p) => p.text.text.trim());
    // A place on a line of its own over a case's title is the case's region: the case starts there.
    const regionAt = regionLinesOver(cues, texts, kept);
    const starts = kept.map((s) => (regionAt.has(s.index - 1) ? { ...s, index: s.index - 1 } : s));
    const province = provinceOfAction(ctx.opening);
    const partAt = partHeadings(cues, texts, starts);
    const firstStart = starts[0]!.index;
    const title = documentTitle(cues, texts, firstStart, partAt);
    let part: string | null = null;
    for (let i = 0; i < firstStart; i++) if (partAt.has(i)) part = partAt.get(i)!;
    const cases: CaseDraft[] = starts.map((s, k) => {
      const end = starts[k + 1]?.index ?? body.length;
      let bodyEnd = end;
      // A part heading, or an attachment line (附件2), over the next case is no text of this one.
      while (bodyEnd > s.index + 1 && (partAt.has(bodyEnd - 1) || (bodyEnd === end && end < body.length && boundaryKind(texts[bodyEnd - 1]!) === 'attachment'))) bodyEnd--;
      // A case signed at its end: the signature says who it is from, and is no text.
      const signature = bodyEnd - 1 > s.index && cues[bodyEnd - 1]!.attribution && cues[bodyEnd - 2]?.body ? cues[bodyEnd - 1]!.attribution : null;
      const draft = draftCase(body, cues, texts, s, signature ? bodyEnd - 1 : bodyEnd, part, province, regionAt, signature);
      for (let i = bodyEnd; i < end; i++) if (partAt.has(i)) part = partAt.get(i)!;
      return draft;
    });
    return { title, cases };
  },
};

/**
 * Lines that are a place name alone ("石家庄市") just over the first block of a case, where the
 * layout does so over most cases: each names its case's region. A place over one case among many
 * heads a group of cases, and is left alone.
 */
function regionLinesOver(cues: readonly BlockCues[], texts: readonly string[], starts: readonly CaseStart[]): Set<number> {
  const at = new Set<number>();
  const startSet = new Set(starts.map((s) => s.index));
  for (const s of starts) {
    const i = s.index - 1;
    const h = cues[i]?.heading;
    if (!h || h.kinds || !h.cls.startsWith('plain') || startSet.has(i) || texts[i]!.length > 12) continue;
    const t = texts[i]!.replace(/\s+/g, '');
    if (leadingPlaceName(t) === t) at.add(i);
  }
  return at.size >= 2 && at.size >= starts.length * 0.6 ? at : new Set();
}

/** Characters of text (not headings, not attributions) in blocks [from, to). */
function ownText(body: readonly Paragraph[], cues: readonly BlockCues[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    if (cues[i]!.heading?.kinds) return Infinity; // a section of its own: a case
    if (cues[i]!.body && body[i]!.text.length > 30) n += body[i]!.text.length;
  }
  return n;
}

interface Analysis {
  body: Paragraph[];
  cues: BlockCues[];
  starts: CaseStart[];
}

// Keyed by the paragraphs: the outline chooser gives each candidate a context of its own over the same paragraphs.
const cache = new WeakMap<readonly Paragraph[], Analysis>();

function analyse(ctx: ShapeContext): Analysis {
  const hit = cache.get(ctx.paragraphs);
  if (hit) return hit;
  // A table of contents names the cases but is not one of them.
  const toc = parseTableOfContents(ctx.lines);
  const body = ctx.paragraphs.filter((p) => !toc || p.lastLine < toc.startLine || p.firstLine > toc.endLine);
  const cues = body.map(blockCues);
  const texts = body.map((p) => p.text.text.trim());
  markUnitLines(cues, texts);
  const { starts } = findCaseStarts(cues, texts);
  const out = { body, cues, starts };
  cache.set(ctx.paragraphs, out);
  return out;
}

/**
 * A case from its first block: a marker (which may carry the title), a reporting-unit line, a
 * title that may wrap over a few blocks, an attribution; the rest up to the next case is its body.
 */
function draftCase(body: readonly Paragraph[], cues: readonly BlockCues[], texts: readonly string[], start: CaseStart, end: number, part: string | null, province: string | null, regionAt: ReadonlySet<number>, signature: string | null): CaseDraft {
  let i = start.index;
  const regionLine = regionAt.has(i) ? texts[i++]! : null;
  const titleParts: string[] = [];
  let unit: string | null = null;
  let who: string | null = null;
  const marks: CaseDraft['marks'] = [];
  const marker = cues[i]!.heading?.marker;
  if (marker) {
    if (marker.title) titleParts.push(marker.title);
    i++;
  }
  // Title lines, unless the marker carried the title: short headings that are not section names, up to three.
  if (!start.untitled && marker?.title == null) {
    while (i < end && titleParts.length < 3) {
      const h = cues[i]!.heading;
      if (!h || h.kinds || h.cls === 'marker') break;
      // Ordering numbers ("1．", "一、") and brackets are the document's, not the title's.
      const text = h.cls.startsWith('n:') || /^h\d$/.test(h.cls) || h.cls === 'bracket' || h.cls === 'field' ? h.text : texts[i]!;
      if (!unit && !titleParts.length && isInstitution(text.replace(/\s+/g, '')) && i + 1 < end && cues[i + 1]!.heading && !cues[i + 1]!.heading!.kinds) {
        unit = text.replace(/\s+/g, '');
        marks.push({ kind: 'attribution', text: unit });
        i++;
        continue;
      }
      if (titleParts.length && (h.cls !== cues[i - 1]!.heading?.cls || !wrapsInto(titleParts[titleParts.length - 1]!, text))) break;
      titleParts.push(text.trim());
      i++;
      if (!h.cls.startsWith('plain')) break; // a numbered or styled title is one block
    }
  }
  // Who it is from, a subtitle ("——……侧记"), and a form's other fields (类别, 正文：), before the text.
  let category: string | null = null;
  const subtitle = (k: number) => cues[k]!.subtitle;
  while (i < end && (cues[i]!.attribution || cues[i]!.category || cues[i]!.label || subtitle(i))) {
    const c = cues[i]!;
    if (!c.attribution && subtitle(i)) marks.push({ kind: 'caption', text: texts[i]! });
    if (c.attribution) {
      who ??= c.attribution;
      marks.push({ kind: 'attribution', text: c.attribution });
    }
    category ??= c.category;
    i++;
  }
  if (signature && !who) {
    who = signature;
    marks.push({ kind: 'attribution', text: signature });
  }
  const joined = tidyTitle(titleParts.join(titleParts.length > 1 && /[\p{Script=Han}]$/u.test(titleParts[0]!) ? '' : ' '));
  const { region: titleRegion, title } = splitRegionTitle(joined);
  let region = regionLine ?? titleRegion;
  if (who) {
    if (isInstitution(who)) {
      unit ??= who;
      region ??= leadingPlaceName(who);
    } else region ??= who;
  }
  // The document's province stands in only where the case says nothing of who it is from: an
  // institution named in an attribution ("——郑州大学第二附属医院") is no place.
  region ??= leadingPlaceName(title) ?? (unit ? leadingPlaceName(unit) : null) ?? (who ? null : province);
  const first = body[start.index];
  return {
    title: title || (texts[i] ?? '').slice(0, 30),
    ...(title ? {} : { titleGuessed: true }),
    region,
    unit,
    part: marker?.category ?? category ?? part,
    ...(first && !start.untitled ? { titleSource: first.text } : {}),
    body: body.slice(i, end),
    marks,
  };
}

/**
 * Headings that name a part: just before a case's first block, not a section name, and either
 * worded as a part ("……篇", "……类") or of a class that stands nowhere but before cases.
 */
function partHeadings(cues: readonly BlockCues[], texts: readonly string[], starts: readonly CaseStart[]): Map<number, string> {
  const startSet = new Set(starts.map((s) => s.index));
  const before = new Map<string, number>();
  const total = new Map<string, number>();
  cues.forEach((c, i) => {
    const h = c.heading;
    if (!h || h.kinds || startSet.has(i)) return;
    total.set(h.cls, (total.get(h.cls) ?? 0) + 1);
    if (startSet.has(i + 1) || (startSet.has(i + 2) && cues[i + 1]?.heading && !cues[i + 1]!.heading!.kinds && !startSet.has(i + 1))) before.set(h.cls, (before.get(h.cls) ?? 0) + 1);
  });
  const out = new Map<number, string>();
  cues.forEach((c, i) => {
    const h = c.heading;
    if (!h || h.kinds || startSet.has(i) || h.cls === 'marker' || !startSet.has(i + 1)) return;
    const words = h.text;
    const onlyBeforeCases = (before.get(h.cls) ?? 0) >= 2 && before.get(h.cls) === total.get(h.cls) && !h.cls.startsWith('plain');
    // The document's one heading of its class, before everything, is its title, not a part.
    const isTitle = total.get(h.cls) === 1 && !cues.slice(0, i).some((earlier) => earlier.heading);
    if (!isTitle && (namesPart(words) || onlyBeforeCases)) out.set(i, tidyTitle(words));
  });
  return out;
}

function documentTitle(cues: readonly BlockCues[], texts: readonly string[], firstStart: number, partAt: ReadonlyMap<number, string>): string | null {
  for (let i = 0; i < firstStart; i++) {
    const h = cues[i]!.heading;
    if (h && !h.kinds && !partAt.has(i) && texts[i]!.length >= 4) return tidyTitle(texts[i]!);
  }
  return null;
}
