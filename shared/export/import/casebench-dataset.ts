import { CODECS } from '../formats/index.ts';
import type { ParseResult } from '../types.ts';
import type { ImportResult } from './types.ts';

/**
 * casebench's own dataset exports read as annotations to import: the JSON export
 * (`dataset.json`) and the JSON Lines export (`dataset.jsonl`, one case a line). Each span keeps
 * its reviewer, so a dataset travels between two projects with its reviewers; its case is named by
 * id, with the case text the export carried, so a project whose case has another id but the same
 * text still finds it. Offsets are UTF-16, as both exports store them.
 */
export function readCasebenchDataset(content: string, format: 'json' | 'jsonl', out: ImportResult): void {
  const parsed: ParseResult = CODECS[format].read([{ path: format === 'json' ? 'dataset.json' : 'dataset.jsonl', data: content }], {});
  for (const issue of parsed.issues) out.errors.push(issue.line === undefined ? { message: issue.message } : { line: issue.line, message: `line ${issue.line}: ${issue.message}` });
  const cases = new Map(parsed.cases.map((c) => [c.id, c]));
  parsed.spans.forEach((s, i) => {
    const c = cases.get(s.caseId);
    const where = format === 'json' ? `spans[${i}]` : `case ${s.caseId}, span ${i + 1}`;
    const caseRef = c?.text === undefined ? ({ kind: 'id-or-title', value: s.caseId } as const) : { kind: 'id' as const, value: s.caseId, text: c.text, ...(c.title === undefined ? {} : { title: c.title }) };
    out.spans.push({
      where,
      caseRef,
      unit: 'utf16',
      start: s.start,
      end: s.end,
      label: s.label,
      quote: s.quote,
      ...(s.id === undefined ? {} : { id: s.id }),
      ...(s.reviewer === undefined ? {} : { reviewer: s.reviewer }),
      ...(s.note === undefined ? {} : { note: s.note }),
      ...(s.fields === undefined || Object.keys(s.fields).length === 0 ? {} : { fields: s.fields }),
    });
  });
}
