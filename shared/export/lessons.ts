import Papa from 'papaparse';
import type { LessonEntry } from '../api/types.ts';

export type LessonFormat = 'csv' | 'md' | 'jsonl';

export const LESSON_FORMATS: Record<LessonFormat, { extension: string; mediaType: string }> = {
  csv: { extension: 'csv', mediaType: 'text/csv' },
  md: { extension: 'md', mediaType: 'text/markdown' },
  jsonl: { extension: 'jsonl', mediaType: 'application/x-ndjson' },
};

/**
 * The lessons library as a file: CSV for spreadsheets (with a BOM so Excel reads it as UTF-8),
 * Markdown to read and paste (grouped by case, as in the view), JSON Lines for other tools. Only
 * JSON Lines carries offsets; it states their unit (code points, as exchange formats count) and
 * keeps the quoted text beside them.
 */
export function renderLessons(entries: readonly LessonEntry[], format: LessonFormat, options: { title: string; codePoints: (caseId: string, utf16: number) => number }): string {
  if (format === 'csv') {
    const rows = entries.map((e) => [e.caseId, e.caseTitle, e.region ?? '', e.part ?? '', e.documentTitle, e.section ?? '', e.headline, e.text, e.reviewer]);
    const csv = Papa.unparse({ fields: ['案例编号 case', '案例 title', '地区 region', '篇章 part', '文件 document', '所在章节 section', '要点 headline', '经验启示 lesson', '标注人 reviewer'], data: rows }, { newline: '\r\n' });
    return `\uFEFF${csv}\r\n`;
  }
  if (format === 'jsonl') {
    return entries
      .map((e) =>
        JSON.stringify({
          case: e.caseId,
          title: e.caseTitle,
          region: e.region,
          part: e.part,
          document: e.documentTitle,
          section: e.section,
          headline: e.headline,
          text: e.text,
          reviewer: e.reviewer,
          start: options.codePoints(e.caseId, e.start),
          end: options.codePoints(e.caseId, e.end),
          offsetUnit: 'codepoint',
        }),
      )
      .map((line) => `${line}\n`)
      .join('');
  }
  const out = [`# ${options.title}`, ''];
  let caseId: string | null = null;
  for (const e of entries) {
    if (e.caseId !== caseId) {
      caseId = e.caseId;
      out.push(`## ${e.region ? `${e.region}：` : ''}${e.caseTitle}`, '', `*${[e.documentTitle, e.part].filter(Boolean).join(' · ')}*`, '');
    }
    out.push(`- **${escapeMd(e.headline)}**${e.text !== e.headline ? `　${escapeMd(e.text)}` : ''}`);
  }
  return `${out.join('\n')}\n`;
}

const escapeMd = (s: string) => s.replace(/([\\`*_[\]#|])/g, '\\$1').replace(/\s*\n\s*/g, ' ');
