import { randomUUID } from 'node:crypto';
import { makeQuote } from '../../shared/anchor/index.ts';
import type { ImportReport } from '../../shared/api/types.ts';
import { checkQuote, parseImport, type CaseRef } from '../../shared/export/index.ts';
import type { SpanAnnotation } from '../../shared/model/annotation.ts';
import type { ProjectService } from './project-service.ts';

/**
 * Load annotations from a file (casebench JSONL, a Label Studio export, a doccano export) into a
 * reviewer's work. A span whose case cannot be found, whose offsets do not fit, or whose quote
 * does not match the text is reported, never imported: an import must not attach annotations to
 * the wrong text.
 */
export async function importAnnotations(service: ProjectService, content: string, reviewer: string): Promise<ImportReport> {
  const store = service.store;
  const parsed = parseImport(content);
  const rejected: ImportReport['rejected'] = parsed.errors.map((e) => ({ line: e.line ?? null, reason: e.message }));
  if (!parsed.format && !parsed.spans.length) {
    rejected.push({ line: null, reason: 'not a casebench JSONL, Label Studio or doccano export' });
    return { reviewer, imported: 0, rejected };
  }
  const labels = new Set(store.schema.labels.map((l) => l.id));
  const texts = new Map<string, string>();
  const textOf = (id: string) => {
    let t = texts.get(id);
    if (t === undefined) {
      const c = store.getCase(id)!;
      t = c.revisions[c.revisions.length - 1]!.text;
      texts.set(id, t);
    }
    return t;
  };
  const byTitle = new Map<string, string[]>();
  for (const id of store.caseIds) {
    const title = store.getCase(id)!.title;
    byTitle.set(title, [...(byTitle.get(title) ?? []), id]);
  }
  const resolve = (ref: CaseRef): string | string => {
    if (ref.kind !== 'text' && store.getCase(ref.value)) return ref.value;
    if (ref.kind === 'id-or-title') {
      const ids = byTitle.get(ref.value) ?? [];
      if (ids.length === 1) return ids[0]!;
      return ids.length > 1 ? `the title "${ref.value}" names ${ids.length} cases; use a case id` : `no case with id or title "${ref.value}"`;
    }
    const text = ref.kind === 'text' ? ref.value : ref.text;
    const matches = store.caseIds.filter((id) => textOf(id) === text);
    if (matches.length === 1) return matches[0]!;
    return `no case in this project has the text of ${ref.kind === 'id' ? `case "${ref.value}"` : 'this record'}${ref.title ? ` ("${ref.title}")` : ''}`;
  };

  const now = new Date().toISOString();
  const accepted: SpanAnnotation[] = [];
  for (const s of parsed.spans) {
    const caseId = resolve(s.caseRef);
    const reject = (reason: string) => rejected.push({ line: s.line ?? null, reason: `${s.where}: ${reason}` });
    if (!store.getCase(caseId)) {
      reject(caseId);
      continue;
    }
    if (!labels.has(s.label)) {
      reject(`no label "${s.label}" in this project's schema`);
      continue;
    }
    const text = textOf(caseId);
    const check = checkQuote(text, { start: s.start, end: s.end, ...(s.quote !== undefined ? { quote: s.quote } : {}), unit: s.unit });
    if (!check.ok) {
      reject(check.message);
      continue;
    }
    if (check.end <= check.start) {
      reject('empty span');
      continue;
    }
    const c = store.getCase(caseId)!;
    accepted.push({
      id: randomUUID(),
      caseId,
      start: check.start,
      end: check.end,
      quote: makeQuote(text, check.start, check.end),
      label: s.label,
      fields: s.fields ?? {},
      note: s.note ?? '',
      reviewer,
      origin: 'import',
      revision: c.revisions.length - 1,
      createdAt: now,
      updatedAt: now,
    });
  }
  if (accepted.length) await service.insertSpans(reviewer, accepted, `import ${accepted.length} annotations`);
  return { reviewer, imported: accepted.length, rejected };
}
