import { caseBlocks } from './blocks.ts';
import { sourceLine, type CompendiumCase } from './case.ts';
import type { CompendiumDraft } from './draft.ts';
import { indicatorTable } from './indicator-table.ts';
import { caseNumber, partHeading, tableOfContents } from './toc.ts';

export type { CompendiumCase } from './case.ts';

const cell = (v: string) => v.replace(/\|/g, '\\|');
const table = (rows: readonly (readonly string[])[]) => [
  `| ${rows[0]!.map(cell).join(' | ')} |`,
  `|${rows[0]!.map(() => ' --- ').join('|')}|`,
  ...rows.slice(1).map((r) => `| ${r.map(cell).join(' | ')} |`),
];

/** The paragraphs of a preface, however the editor separated them. */
export const prefaceParagraphs = (preface: string | undefined): string[] => (preface ?? '').split(/\n+/).map((p) => p.trim()).filter(Boolean);

/**
 * The draft as Markdown: title, 前言, table of contents, parts (第一篇…), cases numbered across
 * the book with their source line and sections, source tables as tables, indicator tables.
 */
export function renderMarkdown(draft: CompendiumDraft, cases: ReadonlyMap<string, CompendiumCase>): string {
  const out: string[] = [`# ${draft.title}`, ''];
  if (draft.issuer?.trim()) out.push(draft.issuer.trim(), '');
  const preface = prefaceParagraphs(draft.preface);
  if (preface.length) out.push('## 前言', '', ...preface.flatMap((p) => [p, '']));
  out.push('## 目录', '');
  for (const e of tableOfContents(draft, (id) => cases.get(id)?.title ?? id)) out.push(e.kind === 'part' ? `- ${e.number}${e.title}` : `  - ${e.number}${e.title}`);
  let n = 0;
  draft.parts.forEach((part, p) => {
    out.push('', `## ${partHeading(p, part.title)}`);
    for (const id of part.caseIds) {
      const c = cases.get(id);
      if (!c) continue;
      out.push('', `### ${caseNumber(++n)}${c.title}`, '');
      const from = sourceLine(c);
      if (from) out.push(from, '');
      for (const b of caseBlocks(c)) {
        if (b.kind === 'heading') out.push(`${'#'.repeat(Math.min(6, 3 + b.level))} ${b.text}`, '');
        else if (b.kind === 'table') out.push(...table(b.rows), '');
        else out.push(b.text, '');
      }
      const indicators = draft.indicatorTables ? indicatorTable(c.indicators, c.text) : null;
      if (indicators?.rows.length) out.push('**主要指标**', '', ...table([indicators.columns.map((col) => col.title), ...indicators.rows]), '');
    }
  });
  return out.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}
