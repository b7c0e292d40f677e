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
import { AnnotatorNames } from './annotator-names.ts';
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
 * Load annotations from a file (casebench JSONL, casebench's own JSON or JSONL export, a Label
 * Studio export, a doccano export). Each annotator the file names becomes a reviewer of their own
 * (see AnnotatorNames); records that name no one go to `defaultReviewer`, and are refused when
 * there is none. A span whose case cannot be found, whose offsets do not fit, or whose quote does
 * not match the text is reported, never imported: an import must not attach annotations to the
 * wrong text. A span the reviewer already has (same label and place) is not added again, so a file
 * imported twice adds nothing the second time.
 */
export async function importAnnotations(service: ProjectService, content: string, defaultReviewer: string | null): Promise<ImportReport> {
  const store = service.store;
  const parsed = parseImport(content);
  const rejected: ImportReport['rejected'] = parsed.errors.map((e) => ({ line: e.line ?? null, reason: e.message }));
  const report: ImportReport = { reviewer: defaultReviewer, imported: 0, byReviewer: {}, renamed: [], duplicates: 0, rejected };
  if (!parsed.format && !parsed.spans.length) {
    rejected.push({ line: null, reason: 'not a casebench JSONL, JSON or JSONL export, Label Studio or doccano export' });
    return report;
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
  const names = new AnnotatorNames(store.reviewers);
  // What each reviewer has already, by case: a span there again is a duplicate, not a new one.
  const present = new Map<string, Set<string>>();
  const has = async (reviewer: string, caseId: string) => {
    const key = `${reviewer}\u0000${caseId}`;
    let set = present.get(key);
    if (!set) {
      const spans = store.reviewer(reviewer) ? await service.spansOf(reviewer, caseId) : [];
      present.set(key, (set = new Set(spans.filter((x) => !x.orphan).map(placeKey))));
    }
    return set;
  };

  const now = new Date().toISOString();
  const accepted = new Map<string, SpanAnnotation[]>();
  for (const s of parsed.spans) {
    const reject = (reason: string) => rejected.push({ line: s.line ?? null, reason: `${s.where}: ${reason}` });
    const reviewer = s.reviewer === undefined || s.reviewer.trim() === '' ? defaultReviewer : names.reviewerFor(s.reviewer, parsed.format === 'labelstudio');
    if (reviewer === null) {
      reject(s.reviewer === undefined ? 'the record names no annotator; give a reviewer (--reviewer) for such records' : `no reviewer name can be made of the annotator "${s.reviewer}"`);
      continue;
    }
    const caseId = resolve(s.caseRef);
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
    const place = placeKey({ label: label.id, start: check.start, end: check.end });
    const there = await has(reviewer, caseId);
    if (there.has(place)) {
      report.duplicates++;
      continue;
    }
    there.add(place);
    const c = store.getCase(caseId)!;
    const list = accepted.get(reviewer) ?? [];
    accepted.set(reviewer, list);
    list.push({
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
  report.renamed = names.renamed.filter((r) => accepted.has(r.to));
  for (const [reviewer, spans] of accepted) {
    await store.ensureReviewerFile(reviewer);
    await storeImport(service, reviewer, spans);
    report.byReviewer[reviewer] = spans.length;
    report.imported += spans.length;
  }
  return report;
}

const placeKey = (s: { label: string; start: number; end: number }) => `${s.label}:${s.start}:${s.end}`;

/** A reviewer's imported spans stored as one undoable step of theirs, over however many cases. */
async function storeImport(service: ProjectService, reviewer: string, accepted: SpanAnnotation[]): Promise<void> {
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
