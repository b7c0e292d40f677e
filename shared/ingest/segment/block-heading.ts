import type { SectionKind } from '../../model/sections.ts';
import { attribution, caseMarker, formField, isDateline, type CaseMarker } from '../cues.ts';
import { parseNumbering } from '../numbering.ts';
import type { Paragraph } from '../paragraphs.ts';
import { classifyHeading, isKnownSectionName } from '../section-kinds.ts';
import { endsSentence } from '../width.ts';

/**
 * What a block says about the outline, read from the block alone: is it a heading, of which
 * class, and is it a section name, a case marker, an attribution or a dateline.
 *
 * The class is what lets the segmenter compare headings across a document: all "1．…" lines are
 * one class, all Word "Heading 2" paragraphs another, all lines in 【】 a third. Which class is
 * the case level is decided over the whole document (segment/case-level.ts), never per line.
 */
export interface BlockHeading {
  /** Heading class: 'h2' (markup level 2), 'n:cn' (一、), 'marker' (案例N), 'bracket' (【…】), 'plain' (a short unnumbered line) … */
  cls: string;
  /** The heading's words without its numbering or brackets. */
  text: string;
  /** The number it carries, where it carries one. */
  value: number | null;
  /** Section kinds when the heading is a section name (工作背景, 主要做法 …), else null. */
  kinds: SectionKind[] | null;
  marker: CaseMarker | null;
}

export interface BlockCues {
  heading: BlockHeading | null;
  /** "案例类别：重点人群篇": the part a form gives its case. */
  category: string | null;
  /** "案例正文：": a form's label over the text, neither title nor text. */
  label: boolean;
  /** "——第9届……论坛侧记": a headline's subtitle. */
  subtitle: boolean;
  /** "——鹤壁市", "来源：…": who the case above is from. */
  attribution: string | null;
  dateline: boolean;
  /** Body text: a sentence or more, not a heading. */
  body: boolean;
}

const MAX_TITLE = 64;

/** Read one block's cues. Cheap enough to run on every block of a large document. */
export function blockCues(p: Paragraph): BlockCues {
  const t = p.text.text.trim();
  const field = formField(t, p.cells);
  if (field) {
    const heading: BlockHeading | null = field.field === 'title' ? { cls: 'field', text: field.value, value: null, kinds: null, marker: null } : null;
    return { heading, category: field.field === 'category' ? field.value : null, label: field.field === 'label', subtitle: false, attribution: null, dateline: false, body: false };
  }
  const cellAttribution = p.cells?.length === 2 ? attribution(`${p.cells[0]!.text}：${p.cells[1]!.text}`) : null;
  const att = attribution(t) ?? cellAttribution;
  const dateline = isDateline(t);
  const subtitle = !att && /^[—－]{1,2}\S/.test(t) && t.length <= 60;
  const heading = att || subtitle ? null : headingOfBlock(p, t);
  return { heading, category: null, label: false, subtitle, attribution: att?.who ?? null, dateline, body: !heading && !att && !subtitle };
}

function headingOfBlock(p: Paragraph, t: string): BlockHeading | null {
  if (!t || p.role === 'table-row' || (p.cells?.length ?? 0) > 1) return null;
  const marker = caseMarker(t);
  if (marker) return { cls: 'marker', text: marker.title ?? '', value: marker.value, kinds: null, marker };

  // 【工作背景】 or 【案例背景】: a whole line in lenticular brackets.
  const bracket = /^【\s*([^【】]{1,40})\s*】$/.exec(t);
  if (bracket) return { cls: 'bracket', text: bracket[1]!.trim(), value: null, kinds: sectionKindsOf(bracket[1]!), marker: null };

  // Markup levels: Markdown #, Word heading styles, HTML h1–h6, PDF typography.
  if (p.mdHeading !== undefined && t.length <= 120) {
    const n = parseNumbering(t);
    const words = n ? t.slice(n.marker.length).trim() : t;
    return { cls: `h${p.mdHeading}`, text: words, value: n?.value ?? null, kinds: sectionKindsOf(words), marker: null };
  }

  const n = parseNumbering(t);
  if (n) {
    // 第一章 and 第一节 are two levels (chapters over the cases they hold), not one class.
    const cls = n.scheme === 'chapter' ? `n:chapter-${/(部分|章|节|篇)/.exec(n.marker)?.[1] ?? ''}` : `n:${n.scheme}`;
    const words = t.slice(n.marker.length).trim();
    if (!words || !standaloneHeading(t, words)) {
      // A run-in heading ("（一）工作背景。近年来……") still names its section.
      const lead = /^([^。：:；;！？!?，,]{2,14})[。：:；;]/.exec(words);
      const kinds = lead ? sectionKindsOf(lead[1]!) : null;
      return kinds ? { cls, text: lead![1]!, value: n.value, kinds, marker: null } : null;
    }
    return { cls, text: words, value: n.value, kinds: sectionKindsOf(words), marker: null };
  }
  if (t.length <= MAX_TITLE && !endsSentence(t) && !/^[，。、；：）」』》]/.test(t) && (t.match(/[，,]/g)?.length ?? 0) <= 2) {
    const bold = p.style?.bold || (p.boldLead !== undefined && p.boldLead.length >= t.length - 1);
    return { cls: bold ? 'plain:b' : 'plain', text: t, value: null, kinds: sectionKindsOf(t), marker: null };
  }
  return null;
}

/** A numbered line that is a heading: short, at most one sentence, not a list item that goes on. */
function standaloneHeading(t: string, words: string): boolean {
  if (t.length > MAX_TITLE) return false;
  // "鹤壁市：创新模式……": a region before a colon is part of a title, not a sentence break.
  const inner = words.replace(/^[^：:，。]{2,16}[：:]\s*/, '').replace(/[。；;！!？?]+["”’」』)）]*$/, '');
  return !/[。：:；;！？!?]/.test(inner);
}

/** Kinds of a heading that is a section name ("工作背景", "成效与经验"), null for any other heading. */
export function sectionKindsOf(words: string): SectionKind[] | null {
  const w = words.replace(/[\s:：。]+$/g, '').trim();
  if (!isKnownSectionName(w)) return null;
  const kinds = classifyHeading(w);
  return kinds[0] === 'other' ? null : kinds;
}
