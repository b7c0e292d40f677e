import { ApiError } from '../../../shared/api/errors.ts';
import type { SpanAnnotation } from '../../../shared/model/annotation.ts';
import type { LoadedCase } from '../../../shared/model/document.ts';
import type { OutlineChange } from '../../../shared/outline/api-types.ts';
import { applyCorrections, carrySpans, correctionFor, EditRefused, freshCaseId, nextCorrectionId, outlineView, type CarryReport, type Correction, type OutlineEdit } from '../../../shared/outline/index.ts';
import type { CaseRecord, ReviewerCase, SuggestionsFile } from '../../store/file-kinds.ts';
import type { ProjectService } from '../project-service.ts';
import { newCaseRecord, updatedCaseRecord } from './case-records.ts';
import { carryReviews, carrySharedSuggestions } from './carry-reviews.ts';
import { projectDocument, type ProjectDocument } from './project-document.ts';
import { captureSnapshot, restoreSnapshot } from './snapshot.ts';
import { unfitMessage } from './unfit-message.ts';

/** The case ids a document may not give a new case: every id it has had, and every case file in the folder. */
export function takenCaseIds(service: ProjectService, pd: ProjectDocument): Set<string> {
  const taken = new Set([...service.store.caseIds, ...pd.outline.usedCaseIds]);
  for (const k of pd.outline.corrections) if (k.op === 'split') taken.add(k.newCaseId);
  return taken;
}

/** A case id for a split: never one the project has, had, or has a file of. */
export function newCaseIdFor(service: ProjectService, pd: ProjectDocument): string {
  const taken = takenCaseIds(service, pd);
  for (;;) {
    const id = freshCaseId(pd.record.id, taken);
    if (!service.store.hasCaseFile(id)) return id;
    taken.add(id);
  }
}

/** The correction an edit makes on a project document, anchored in its source; refused edits say why. */
export function correctionOf(service: ProjectService, pd: ProjectDocument, edit: OutlineEdit): Correction {
  try {
    return correctionFor(pd.loaded, edit, { correctionId: nextCorrectionId(pd.outline.corrections), newCaseId: newCaseIdFor(service, pd) });
  } catch (e) {
    if (e instanceof EditRefused) throw new ApiError('invalid-input', e.message);
    throw e;
  }
}

/**
 * Correct a project document's outline by one correction, as one undoable step of `reviewer`'s
 * history. The case texts change as the correction says; every reviewer's annotations, statuses,
 * scores, section layers and suggestions on the cases it touches go where their text went (see
 * carry.ts and carry-reviews.ts); the correction joins the document's list, so a reload makes
 * the same outline again.
 */
export async function correctProject(service: ProjectService, documentId: string, edit: OutlineEdit, reviewer: string): Promise<OutlineChange> {
  const store = service.store;
  await store.refreshReviewers(service.reviewer);
  const pd = await projectDocument(store, documentId);
  const correction = correctionOf(service, pd, edit);
  const result = applyCorrections(pd.loaded, [correction], { titleParagraphs: pd.outline.titleParagraphs });
  const misfit = result.unfit[0];
  if (misfit) throw new ApiError('conflict', unfitMessage(misfit));

  const inputs = new Map(pd.loaded.cases.map((c) => [c.id, c]));
  const outputs = result.document.cases;
  const outputIds = new Set(outputs.map((c) => c.id));
  const added = outputs.filter((c) => !inputs.has(c.id)).map((c) => c.id);
  const removed = [...inputs.keys()].filter((id) => !outputIds.has(id));
  const textChanged = outputs.filter((c) => inputs.has(c.id) && inputs.get(c.id)!.text !== c.text).map((c) => c.id);
  const outlineChanged = outputs.filter((c) => {
    const before = inputs.get(c.id);
    return before && before.text === c.text && (JSON.stringify(before.sections) !== JSON.stringify(c.sections) || before.title !== c.title || before.region !== c.region || before.part !== c.part);
  });
  // Inputs whose text went anywhere but back into themselves: their reviews move.
  const moving = [...removed, ...textChanged];
  const renumbered = outputs.filter((c) => inputs.has(c.id) && inputs.get(c.id)!.ordinal !== c.ordinal).map((c) => c.id);
  const touched = new Set([...moving, ...added, ...outlineChanged.map((c) => c.id), ...renumbered]);
  const before = await captureSnapshot(service, documentId, touched);

  const now = service.now();
  const note = `outline: ${correction.op}`;
  const records: CaseRecord[] = [];
  const revisions = new Map<string, number>();
  for (const c of outputs) {
    if (!inputs.has(c.id)) {
      records.push(newCaseRecord(c, reviewer, `${note} (from ${inputs.has(firstSource(result, c)) ? firstSource(result, c) : documentId})`, now));
      revisions.set(c.id, 0);
    } else if (touched.has(c.id)) {
      const { record, revision } = updatedCaseRecord(service.caseOf(c.id), c, reviewer, note, now);
      records.push(record);
      revisions.set(c.id, revision);
    } else revisions.set(c.id, service.caseOf(c.id).revisions.length - 1);
  }

  // Every reviewer's spans on the cases whose text moves, brought to the current revision first.
  const totals: CarryReport = { unchanged: 0, moved: 0, restored: 0, orphaned: 0 };
  const reviewerSpans = new Map<string, SpanAnnotation[]>();
  const reviewerStates = new Map<string, Map<string, ReviewerCase>>();
  for (const r of store.reviewers) {
    const spans: SpanAnnotation[] = [];
    const states = new Map<string, ReviewerCase>();
    for (const id of moving) {
      const rc = store.reviewerCase(r, id);
      if (!rc) continue;
      states.set(id, structuredClone(rc));
      spans.push(...(await service.spansOf(r, id)));
    }
    reviewerSpans.set(r, spans);
    reviewerStates.set(r, states);
  }
  const sharedSets = new Map<string, SuggestionsFile['set']>();
  for (const id of moving) {
    const set = await store.sharedSuggestions(id);
    if (set) sharedSets.set(id, set);
  }

  await store.putCases(records);
  await store.setDocumentCases(documentId, outputs.map((c) => c.id));
  const revisionOf = (id: string) => revisions.get(id) ?? 0;
  const textOf = (id: string) => outputs.find((c) => c.id === id)!.text;
  const movingInputs = new Map(moving.map((id) => [id, inputs.get(id)!] as [string, LoadedCase]));
  const scoresSetAside: OutlineChange['scoresSetAside'] = [];
  for (const r of store.reviewers) {
    const carried = carrySpans(reviewerSpans.get(r) ?? [], result.lineage, { text: textOf, revision: revisionOf });
    for (const k of Object.keys(totals) as Array<keyof CarryReport>) totals[k] += carried.report[k];
    const reviews = carryReviews(result.lineage, outputs, revisionOf, { states: reviewerStates.get(r) ?? new Map(), spans: carried.spans, inputCases: movingInputs });
    for (const s of reviews.scoresSetAside) scoresSetAside.push({ reviewer: r, ...s });
    const byCase = new Map<string, SpanAnnotation[]>();
    for (const s of carried.spans) byCase.set(s.caseId, [...(byCase.get(s.caseId) ?? []), s]);
    for (const [id, state] of reviews.states) await store.setReviewerCase(r, id, state);
    // The inputs' shards are emptied (their spans moved), the outputs' written with what came to them.
    for (const id of new Set([...moving, ...reviews.states.keys(), ...byCase.keys()])) {
      if (!store.reviewerCase(r, id) && !byCase.has(id)) continue;
      await store.writeSpans(r, id, (byCase.get(id) ?? []).sort((a, b) => a.start - b.start || a.end - b.end));
    }
    // Steps of other reviewers on these cases hold offsets of the old texts.
    if (r !== reviewer) for (const id of touched) service.history(r).dropCase(id);
  }
  for (const [id, set] of carrySharedSuggestions(result.lineage, outputs, revisionOf, sharedSets)) await store.setSharedSuggestions(id, set);
  for (const id of moving) if (!outputIds.has(id) && sharedSets.has(id)) await store.setSharedSuggestions(id, { ...sharedSets.get(id)!, items: [] });

  await store.setOutline(documentId, {
    ...pd.outline,
    corrections: [...pd.outline.corrections, correction],
    titleParagraphs: result.titleParagraphs,
    usedCaseIds: [...new Set([...pd.outline.usedCaseIds, ...outputs.map((c) => c.id)])],
    updatedAt: now,
  });
  service.forgetCases(touched);
  const after = await captureSnapshot(service, documentId, touched);
  // The step names a case that is there before and after it (undo opens it): the one that kept its id.
  const droppedAt = pd.loaded.cases.findIndex((c) => removed.includes(c.id));
  const focus = textChanged[0] ?? outlineChanged[0]?.id ?? outputs[Math.max(0, Math.min(outputs.length - 1, droppedAt - 1))]!.id;
  service.history(reviewer).push({ label: note, caseId: focus, undo: () => restoreSnapshot(service, before), redo: () => restoreSnapshot(service, after) });

  const view = await projectOutline(service, documentId);
  return { view, correction, spans: totals, added, removed, changed: [...new Set([...textChanged, ...outlineChanged.map((c) => c.id)])], scoresSetAside };
}

/** The input case a new case's text came from (for its revision note). */
function firstSource(result: ReturnType<typeof applyCorrections>, c: LoadedCase): string {
  for (const input of result.lineage.inputIds) if (result.lineage.successors(input).has(c.id)) return input;
  return '';
}

/** A project document's outline as it is now, with its corrections and what did not fit at the last reload. */
export async function projectOutline(service: ProjectService, documentId: string) {
  const pd = await projectDocument(service.store, documentId);
  return outlineView(pd.loaded, pd.outline.corrections, pd.outline.unfit);
}
