import type { LoadedCase } from '../../../shared/model/document.ts';
import type { ReloadReport } from '../../../shared/outline/api-types.ts';
import { freshCaseId, outlineView, type Correction } from '../../../shared/outline/index.ts';
import type { CaseRecord } from '../../store/file-kinds.ts';
import type { ProjectService } from '../project-service.ts';
import { newCaseRecord, updatedCaseRecord } from './case-records.ts';
import { loadCorrected } from './load-input.ts';
import { saveLayout } from '../source-layout.ts';
import { forgetRawText, projectDocument } from './project-document.ts';
import { captureSnapshot, restoreSnapshot } from './snapshot.ts';
import { takenCaseIds } from './correct-project.ts';
import { hashText } from '../../store/file-stamp.ts';

/** How much two stretches of the source overlap, as a share of the shorter. */
function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const common = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const shorter = Math.min(a.end - a.start, b.end - b.start);
  return common > 0 && shorter > 0 ? common / shorter : 0;
}

/**
 * The share of a case's mapped characters that the source still holds at the places its map
 * gives. Near 1 when the file is the one the case was loaded from (a newer loader reads it
 * again); lower when the file was edited and the text moved: the case's old place in the
 * source then says nothing about where it is now.
 */
function stillInPlace(c: LoadedCase, rawText: string): number {
  let same = 0;
  let all = 0;
  const runs = c.sourceMap.runs;
  for (let i = 0; i + 2 < runs.length; i += 3) {
    for (let k = 0; k < runs[i + 2]!; k++) {
      all++;
      if (c.text.charCodeAt(runs[i]! + k) === rawText.charCodeAt(runs[i + 1]! + k)) same++;
    }
  }
  return all ? same / all : 0;
}

/** Paragraphs shorter than this (headings such as "一、工作背景", found in every case) say nothing about which case is which. */
const TELLING_PARAGRAPH = 8;

/**
 * How much of each new case's text stands, paragraph for paragraph, in one old case: the
 * characters of its paragraphs found in only that old case, as a share of the shorter text.
 */
function sharedText(fresh: readonly LoadedCase[], old: readonly LoadedCase[]): Map<string, Map<string, number>> {
  const owner = new Map<string, string | null>();
  for (const o of old) {
    for (const p of new Set(o.text.split('\n').map((x) => x.trim()))) {
      if (p.length < TELLING_PARAGRAPH) continue;
      owner.set(p, owner.has(p) && owner.get(p) !== o.id ? null : o.id);
    }
  }
  const lengths = new Map(old.map((o) => [o.id, o.text.length]));
  const out = new Map<string, Map<string, number>>();
  for (const n of fresh) {
    const chars = new Map<string, number>();
    for (const p of new Set(n.text.split('\n').map((x) => x.trim()))) {
      const id = owner.get(p);
      if (id) chars.set(id, (chars.get(id) ?? 0) + p.length);
    }
    out.set(n.id, new Map([...chars].map(([id, c]) => [id, c / Math.max(1, Math.min(n.text.length, lengths.get(id)!))])));
  }
  return out;
}

/** The share of text two cases have in common: by their places in the source where the old one is still in place, else by their paragraphs. */
function matcher(fresh: readonly LoadedCase[], old: readonly LoadedCase[], rawText: string): (n: LoadedCase, o: LoadedCase) => number {
  const inPlace = new Set(old.filter((o) => stillInPlace(o, rawText) >= 0.9).map((o) => o.id));
  const shared = sharedText(fresh, old);
  return (n, o) => Math.max(shared.get(n.id)?.get(o.id) ?? 0, inPlace.has(o.id) ? overlap(n.sourceRange, o.sourceRange) : 0);
}

/**
 * Load a document's source again with the current loader, apply its corrections (the ones kept,
 * or `corrections` in their place), and bring the project's cases to the result. A case of the
 * new load takes the id of the case it shares most text with (the same id first), so its
 * annotations stay with it: when its text changed, the new text is a revision and every
 * annotation is re-anchored to it as for any revision (carried, re-found, or an orphan). A case
 * an editor revised keeps its text. A case the loader no longer finds is retired if no one
 * annotated it, and kept as it was if someone did: nothing is lost. Corrections that no longer
 * fit are listed and kept. With a reviewer, one undoable step.
 */
export async function reloadDocument(service: ProjectService, documentId: string, options: { corrections?: readonly Correction[]; author: string; reviewer: string | null; /** The history step's name (a shape or reading change is a reload). */ label?: string }): Promise<ReloadReport> {
  const store = service.store;
  await store.refreshReviewers(service.reviewer);
  const pd = await projectDocument(store, documentId);
  const corrections = [...(options.corrections ?? pd.outline.corrections)];
  const result = await loadCorrected(pd.bytes, pd.record.file, documentId, corrections);
  const fresh = result.document.cases;
  const old = pd.loaded.cases;
  const annotated = (id: string) => store.reviewers.some((r) => {
    const rc = store.reviewerCase(r, id);
    return !!rc && (rc.spanCount + rc.orphanCount > 0 || !!rc.status || !!rc.score || !!rc.sections || !!rc.meta);
  });

  // Match new cases to old ones by the text they share: the same id over the same text first, then the most shared.
  const share = matcher(fresh, old, result.document.rawText);
  const match = new Map<string, LoadedCase>();
  const used = new Set<string>();
  for (const n of fresh) {
    const o = old.find((x) => x.id === n.id && share(n, x) > 0);
    if (o) {
      match.set(n.id, o);
      used.add(o.id);
    }
  }
  const pairs = fresh.flatMap((n) => old.map((o) => ({ n, o, share: share(n, o) }))).filter((p) => p.share >= 0.5).sort((a, b) => b.share - a.share);
  for (const { n, o } of pairs) {
    if (match.has(n.id) || used.has(o.id)) continue;
    match.set(n.id, o);
    used.add(o.id);
  }

  const taken = takenCaseIds(service, pd);
  const report: ReloadReport = { view: null as never, unfit: result.unfit, added: [], removed: [], kept: [], revised: [], editedKept: [], unchanged: 0 };
  const placed: Array<{ c: LoadedCase; at: number }> = [];
  const records: CaseRecord[] = [];
  const now = service.now();
  const renamed = new Map<string, string>();
  const rewritten = new Map<string, { revision: number; text: string }>();
  for (const n of fresh) {
    const o = match.get(n.id);
    if (!o) {
      let id = n.id;
      // Never an id the project has, had, or keeps a file of (a case whose split was undone keeps its file).
      const busy = (x: string) => taken.has(x) || fresh.some((f) => f.id === x) || store.hasCaseFile(x);
      if (taken.has(id) || store.hasCaseFile(id)) {
        id = freshCaseId(documentId, taken);
        while (busy(id)) {
          taken.add(id);
          id = freshCaseId(documentId, taken);
        }
      }
      taken.add(id);
      renamed.set(n.id, id);
      placed.push({ c: { ...n, id }, at: n.sourceRange.start });
      records.push(newCaseRecord({ ...n, id }, options.author, `reloaded from ${pd.record.file}`, now));
      report.added.push(id);
      continue;
    }
    renamed.set(n.id, o.id);
    const record = service.caseOf(o.id);
    const sinceLoader = record.revisions.findLastIndex((r, i) => i === 0 || !!r.sourceMap);
    const edited = sinceLoader < record.revisions.length - 1;
    let next: LoadedCase = { ...n, id: o.id };
    if (edited && n.text !== o.text) {
      // An editor's text is theirs: the load changes the title, region and part only.
      next = { ...o, title: n.title, region: n.region, part: n.part, ordinal: n.ordinal };
      report.editedKept.push(o.id);
    } else if (n.text !== o.text) {
      report.revised.push(o.id);
    } else if (JSON.stringify(n) === JSON.stringify({ ...o, ordinal: n.ordinal, id: n.id })) report.unchanged++;
    // A text no one annotated can take the new text as it was loaded (revision 0); an annotated one gets a revision.
    const { record: updated } = updatedCaseRecord(record, next, options.author, `reloaded from ${pd.record.file}`, now, { newRevision: annotated(o.id) });
    records.push(updated);
    // A text rewritten in place (revision 0, no one's annotations on it) under a correction's floor: the floor moves to it.
    if (updated.revisions.length === record.revisions.length && updated.revisions.at(-1)!.text !== record.revisions.at(-1)!.text) rewritten.set(o.id, updated.revisions.at(-1)!);
    placed.push({ c: next, at: n.sourceRange.start });
  }
  for (const o of old) {
    if (used.has(o.id)) continue;
    if (annotated(o.id)) {
      placed.push({ c: o, at: o.sourceRange.start });
      report.kept.push(o.id);
    } else report.removed.push(o.id);
  }
  placed.sort((a, b) => a.at - b.at);
  const caseIds = placed.map((p) => p.c.id);
  const ordinals = new Map(caseIds.map((id, i) => [id, i + 1]));
  for (const r of records) r.ordinal = ordinals.get(r.id)!;
  const keptRecords = report.kept.map((id) => ({ ...structuredClone(service.caseOf(id)), ordinal: ordinals.get(id)! }));

  const touched = new Set([...old.map((c) => c.id), ...caseIds]);
  const before = await captureSnapshot(service, documentId, touched);
  await store.putCases([...records, ...keptRecords]);
  await store.setDocumentCases(documentId, caseIds, { format: result.document.format, warnings: result.document.warnings, confidence: result.document.confidence });
  for (const [id, latest] of rewritten) await store.updateFloors([id], (was) => (was && !was.retired ? { revision: latest.revision, textHash: hashText(latest.text) } : (was ?? null)));
  const titleParagraphs = Object.fromEntries(Object.entries(result.titleParagraphs).map(([id, p]) => [renamed.get(id) ?? id, p]));
  await saveLayout(store, documentId, result.document);
  forgetRawText(store, documentId);
  await store.setOutline(documentId, { ...pd.outline, corrections, titleParagraphs, usedCaseIds: [...new Set([...pd.outline.usedCaseIds, ...caseIds])], unfit: result.unfit, updatedAt: now });
  service.forgetCases(touched);
  for (const r of store.reviewers) if (r !== options.reviewer) for (const id of touched) service.history(r).dropCase(id);
  if (options.reviewer) {
    const after = await captureSnapshot(service, documentId, touched);
    service.history(options.reviewer).push({ label: options.label ?? 'outline: reload', caseId: caseIds[0]!, undo: () => restoreSnapshot(service, before), redo: () => restoreSnapshot(service, after) });
  }
  const now2 = await projectDocument(store, documentId);
  report.view = outlineView(now2.loaded, now2.outline.corrections, now2.outline.unfit);
  return report;
}
