import type { SpanAnnotation } from '../model/annotation.ts';
import type { TaggedSection } from '../model/review.ts';
import type { CompendiumDraft } from './draft.ts';
import { chineseNumeral, tableOfContents } from './toc.ts';

/** What the renderers need of a case. */
export interface CompendiumCase {
  id: string;
  title: string;
  region: string | null;
  text: string;
  sections: readonly TaggedSection[];
  indicators: readonly SpanAnnotation[];
}

/** A case's text as blocks: headings at their levels, then paragraphs. Shared by Markdown and DOCX. */
export type Block = { kind: 'heading'; level: number; text: string } | { kind: 'paragraph'; text: string };

export function caseBlocks(c: CompendiumCase): Block[] {
  const blocks: Block[] = [];
  const starts = new Map(c.sections.map((s) => [s.start, s]));
  let at = 0;
  for (const line of c.text.split('\n')) {
    const s = starts.get(at);
    if (s && s.headingEnd - s.start >= line.length - 1) blocks.push({ kind: 'heading', level: s.level, text: line.trim() });
    else if (line.trim()) blocks.push({ kind: 'paragraph', text: line.trim() });
    at += line.length + 1;
  }
  return blocks;
}

export const INDICATOR_COLUMNS = [
  ['metric', '指标'],
  ['baseline', '基线值'],
  ['baselineYear', '基线年份'],
  ['value', '数值'],
  ['year', '年份'],
  ['unit', '单位'],
  ['change', '变化'],
] as const;

export function indicatorRows(spans: readonly SpanAnnotation[]): string[][] {
  return spans.map((s) => INDICATOR_COLUMNS.map(([key]) => (key === 'metric' ? String(s.fields.metric ?? s.quote.exact) : s.fields[key] === null || s.fields[key] === undefined ? '' : String(s.fields[key]))));
}

const heading = (title: string, c: { region: string | null }) => (c.region ? `${c.region}：${title}` : title);

/** The draft as Markdown: title, table of contents, parts, cases with their sections, indicator tables. */
export function renderMarkdown(draft: CompendiumDraft, cases: ReadonlyMap<string, CompendiumCase>): string {
  const out: string[] = [`# ${draft.title}`, '', '## 目录', ''];
  for (const e of tableOfContents(draft, (id) => heading(cases.get(id)?.title ?? id, cases.get(id) ?? { region: null }))) {
    out.push(e.kind === 'part' ? `- ${e.number}${e.title}` : `  - ${e.number}${e.title}`);
  }
  draft.parts.forEach((part, p) => {
    out.push('', `## ${chineseNumeral(p + 1)}、${part.title}`);
    part.caseIds.forEach((id, i) => {
      const c = cases.get(id);
      if (!c) return;
      out.push('', `### ${i + 1}．${heading(c.title, c)}`, '');
      for (const b of caseBlocks(c)) out.push(b.kind === 'heading' ? `${'#'.repeat(Math.min(6, 3 + b.level))} ${b.text}` : b.text, '');
      if (draft.indicatorTables && c.indicators.length) {
        out.push('**主要指标**', '', `| ${INDICATOR_COLUMNS.map(([, zh]) => zh).join(' | ')} |`, `|${INDICATOR_COLUMNS.map(() => ' --- ').join('|')}|`);
        for (const row of indicatorRows(c.indicators)) out.push(`| ${row.map((v) => v.replace(/\|/g, '\\|')).join(' | ')} |`);
        out.push('');
      }
    });
  });
  return out.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}
