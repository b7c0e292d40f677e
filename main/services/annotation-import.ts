import { randomUUID } from 'node:crypto';
import { makeQuote } from '../../shared/anchor/index.ts';
import { contract } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import type { ImportReport } from '../../shared/api/types.ts';
import { checkQuote, parseImport, type CaseRef } from '../../shared/export/index.ts';
import { decodeBytes } from '../../shared/ingest/decode/charset.ts';
import type { SpanAnnotation } from '../../shared/model/annotation.ts';
import type { LabelDef, LabelSchema } from '../../shared/model/labels.ts';
import { describeIssues } from '../../shared/model/schemas.ts';
import type { ProjectService } from './project-service.ts';

/** The most an annotation file may hold: what the importAnnotations method accepts. */
export const MAX_ANNOTATION_FILE_BYTES = 50_000_000;

/**
 * An annotation file's text, decoded as case texts are (UTF-8 with or without BOM, UTF-16 with
 * BOM, GB18030): doccano and Label Studio exports saved on Windows are often UTF-16. An empty,
 * binary or undecodable file is an IngestError naming the file.
 */
export function decodeAnnotationFile(bytes: Uint8Array, file: string): string {
  return decodeBytes(bytes, file, MAX_ANNOTATION_FILE_BYTES).text;
}

/**
 * A label as a file names it: by id, or by its Chinese or English name (Label Studio projects are
 * often set up with 指标, 经验启示 …). Ids win over names; a name two labels share is refused.
 */
export function labelResolver(schema: LabelSchema): (name: string) => LabelDef | string {
  const byKey = new Map<string, LabelDef | null>();
  for (const l of schema.labels) byKey.set(l.id, l);
  for (const l of schema.labels) {
    for (const key of new Set([l.name.zh.trim(), l.name.en.trim().toLowerCase()])) {
      if (!key || schema.labels.some((x) => x.id === key)) continue;
      const seen = byKey.get(key);
      byKey.set(key, seen === undefined || seen === l ? l : null);
    }
  }
  const known = schema.labels.map((l) => `${l.id} (${l.name.zh}, ${l.name.en})`).join(', ');
  return (name) => {
    const found = byKey.get(name) ?? byKey.get(name.trim()) ?? byKey.get(name.trim().toLowerCase());
    if (found) return found;
    if (found === null) return `the label name "${name}" fits several labels of this project's schema; use a label id`;
    return `no label "${name}" in this project's schema (labels: ${known})`;
  };
}

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
  const labelOf = labelResolver(store.schema);
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
    const label = labelOf(s.label);
    if (typeof label === 'string') {
      reject(label);
      continue;
    }
    // The checks a span added in the workbench goes through: the addSpan payload, then the fields as the label defines them.
    const payload = contract.addSpan.input.safeParse({ caseId, start: s.start, end: s.end, label: label.id, fields: s.fields ?? {}, ...(s.note !== undefined ? { note: s.note } : {}) });
    if (!payload.success) {
      reject(describeIssues(payload.error));
      continue;
    }
    let fields: SpanAnnotation['fields'];
    try {
      fields = service.cleanFields(label, payload.data.fields);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      reject(e.message);
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
      label: label.id,
      fields,
      note: s.note ?? '',
      reviewer,
      origin: 'import',
      revision: c.revisions.length - 1,
      createdAt: now,
      updatedAt: now,
    });
  }
  if (accepted.length) {
    const label = `import ${accepted.length} annotations`;
    await service.insertSpans(reviewer, accepted, label);
    // insertSpans records an undoable step for one case; an import over several is one step too.
    const cases = [...new Set(accepted.map((s) => s.caseId))];
    if (cases.length > 1) {
      const ids = new Set(accepted.map((s) => s.id));
      const remove = async () => {
        for (const caseId of cases) await service.editSpans(reviewer, caseId, (all) => all.filter((s) => !ids.has(s.id)));
      };
      const add = async () => {
        for (const caseId of cases) await service.editSpans(reviewer, caseId, (all) => [...all.filter((s) => !ids.has(s.id)), ...accepted.filter((s) => s.caseId === caseId)]);
      };
      service.history(reviewer).push({ label, caseId: cases[0]!, undo: remove, redo: add });
    }
  }
  return { reviewer, imported: accepted.length, rejected };
}
