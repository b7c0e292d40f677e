import { ApiError } from '../../../shared/api/errors.ts';
import type { SpanAnnotation } from '../../../shared/model/annotation.ts';
import type { LoadedCase } from '../../../shared/model/document.ts';
import type { OutlineChange } from '../../../shared/outline/api-types.ts';
import { applyCorrections, carrySpans, correctionFor, EditRefused, freshCaseId, nextCorrectionId, outlineView, type CarryReport, type Correction, type OutlineEdit } from '../../../shared/outline/index.ts';
import type { CaseRecord, ReviewerCase, SuggestionsFile } from '../../store/file-kinds.ts';
import type { ProjectService } from '../project-service.ts';
import { RevisedMeanwhileError } from '../../store/project-store.ts';
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
  // How many revisions each replaced case had when read: one revised since (another workbench's edit) is not written over.
  const revisionsRead = new Map<string, number>();
  for (const c of outputs) {
    if (!inputs.has(c.id)) {
      records.push(newCaseRecord(c, reviewer, `${note} (from ${inputs.has(firstSource(result, c)) ? firstSource(result, c) : documentId})`, now));
      revisions.set(c.id, 0);
    } else if (touched.has(c.id)) {
      const { record, revision } = updatedCaseRecord(service.caseOf(c.id), c, reviewer, note, now);
      records.push(record);
      revisionsRead.set(c.id, service.caseOf(c.id).revisions.length);
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

  // The correction is recorded first: a kill in what follows leaves a document whose list says
  // more than its cases, which the next change repairs by loading it again with the list (see
  // changeDocument), and the correction is made then (a kill before it was recorded would lose it).
  await store.setOutline(documentId, {
    ...pd.outline,
    corrections: [...pd.outline.corrections, correction],
    titleParagraphs: result.titleParagraphs,
    usedCaseIds: [...new Set([...pd.outline.usedCaseIds, ...outputs.map((c) => c.id)])],
    updatedAt: now,
  });
  try {
    await store.putCases(records, revisionsRead);
  } catch (e) {
    // Not made after all: out of the list again (a case record written before the refusal is set right by the repair).
    await store.setOutline(documentId, pd.outline);
    if (e instanceof RevisedMeanwhileError) throw new ApiError('conflict', `${e.message}; the outline was not corrected: look at the case again and make the correction on its new text`);
    throw e;
  }
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
    // The outputs' shards are written with what came to them, then the inputs' emptied (their
    // spans moved): a kill between leaves a span twice (the copy in a retired case unseen), never
    // nowhere. Spans another writer added to a shard since it was read (unlisted in `read`) are
    // kept where they are in a case the correction does not touch, and carried like the rest
    // from an input; once an input's spans are carried, an edit on its old text is refused (the floor).
    const read = new Set((reviewerSpans.get(r) ?? []).map((s) => s.id));
    const bySortedPlace = (a: SpanAnnotation, b: SpanAnnotation) => a.start - b.start || a.end - b.end;
    const movingIds = new Set(moving);
    for (const id of new Set([...byCase.keys(), ...reviews.states.keys()])) {
      if (movingIds.has(id) || (!store.reviewerCase(r, id) && !byCase.has(id))) continue;
      await store.updateSpans(r, id, (current) => [...(byCase.get(id) ?? []), ...current.filter((s) => !read.has(s.id))].sort(bySortedPlace));
    }
    const late: SpanAnnotation[] = [];
    // Every reviewer's, with spans or not: a reviewer yet to annotate the case in a workbench that has not noticed the change would otherwise start a shard on its old text.
    for (const id of moving) {
      const floor = outputIds.has(id) ? { revision: revisionOf(id) } : { revision: revisionOf(id), retired: true };
      await store.updateSpans(
        r,
        id,
        (current) => {
          late.push(...current.filter((s) => !read.has(s.id)));
          return [...(byCase.get(id) ?? [])].sort(bySortedPlace);
        },
        { floor },
      );
    }
    if (late.length) {
      const again = carrySpans(late, result.lineage, { text: textOf, revision: revisionOf });
      for (const k of Object.keys(totals) as Array<keyof CarryReport>) totals[k] += again.report[k];
      const lateByCase = new Map<string, SpanAnnotation[]>();
      for (const s of again.spans) lateByCase.set(s.caseId, [...(lateByCase.get(s.caseId) ?? []), s]);
      for (const [id, list] of lateByCase) {
        const ids = new Set(list.map((s) => s.id));
        await store.updateSpans(r, id, (current) => [...current.filter((s) => !ids.has(s.id)), ...list].sort(bySortedPlace));
      }
    }
    // Steps of other reviewers on these cases hold offsets of the old texts.
    if (r !== reviewer) for (const id of touched) service.history(r).dropCase(id);
  }
  for (const [id, set] of carrySharedSuggestions(result.lineage, outputs, revisionOf, sharedSets)) await store.setSharedSuggestions(id, set);
  for (const id of moving) if (!outputIds.has(id) && sharedSets.has(id)) await store.setSharedSuggestions(id, { ...sharedSets.get(id)!, items: [] });

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
