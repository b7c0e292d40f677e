import { ApiError } from '../../../shared/api/errors.ts';
import type { SpanAnnotation } from '../../../shared/model/annotation.ts';
import type { LoadedCase } from '../../../shared/model/document.ts';
import type { OutlineChange } from '../../../shared/outline/api-types.ts';
import { applyCorrections, carrySpans, correctionFor, EditRefused, freshCaseId, nextCorrectionId, outlineView, type CarryReport, type Correction, type OutlineEdit } from '../../../shared/outline/index.ts';
import type { CaseRecord, OutlineFile, ReviewerCase, SpansFloor } from '../../store/file-kinds.ts';
import { hashText } from '../../store/file-stamp.ts';
import { journalJson, type CarryInputs, type CorrectionJournal } from './correction-journal.ts';
import type { ProjectService } from '../project-service.ts';
import { RevisedMeanwhileError } from '../../store/project-store.ts';
import { newCaseRecord, updatedCaseRecord } from './case-records.ts';
import { carryReviews, carrySharedSuggestions } from './carry-reviews.ts';
import { currentCase, projectDocument, type ProjectDocument } from './project-document.ts';
import { captureSnapshot, restoreSnapshot, type ProjectSnapshot } from './snapshot.ts';
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

/** What a correction of a document changes, worked out from the document as it was before it (deterministic: a resumed change works it out again). */
interface CorrectionPlan {
  documentId: string;
  correction: Correction;
  result: ReturnType<typeof applyCorrections>;
  inputs: Map<string, LoadedCase>;
  outputs: LoadedCase[];
  outputIds: Set<string>;
  added: string[];
  removed: string[];
  textChanged: string[];
  outlineChanged: LoadedCase[];
  /** Inputs whose text went anywhere but back into themselves: their reviews move. */
  moving: string[];
  touched: Set<string>;
}

function planCorrection(pd: ProjectDocument, correction: Correction): CorrectionPlan {
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
  const moving = [...removed, ...textChanged];
  const renumbered = outputs.filter((c) => inputs.has(c.id) && inputs.get(c.id)!.ordinal !== c.ordinal).map((c) => c.id);
  const touched = new Set([...moving, ...added, ...outlineChanged.map((c) => c.id), ...renumbered]);
  return { documentId: pd.record.id, correction, result, inputs, outputs, outputIds, added, removed, textChanged, outlineChanged, moving, touched };
}

/**
 * Correct a project document's outline by one correction, as one undoable step of `reviewer`'s
 * history. The case texts change as the correction says; every reviewer's annotations, statuses,
 * scores, section layers and suggestions on the cases it touches go where their text went (see
 * carry.ts and carry-reviews.ts); the correction joins the document's list, so a reload makes
 * the same outline again. What it read is journalled before its first write, so a kill part-way
 * is finished by the next change (resumeCorrection).
 */
export async function correctProject(service: ProjectService, documentId: string, edit: OutlineEdit, reviewer: string): Promise<OutlineChange> {
  const store = service.store;
  await store.refreshReviewers(service.reviewer);
  const pd = await projectDocument(store, documentId);
  const correction = correctionOf(service, pd, edit);
  const plan = planCorrection(pd, correction);
  const before = await captureSnapshot(service, documentId, plan.touched);

  // Every reviewer's state of the cases whose text moves (their spans are taken from the shards
  // as they are when the floor goes in: see writeCorrection).
  const carry: CarryInputs = { states: new Map(), shared: new Map() };
  for (const r of store.reviewers) {
    const states = new Map<string, ReviewerCase>();
    for (const id of plan.moving) {
      const rc = store.reviewerCase(r, id);
      if (rc) states.set(id, structuredClone(rc));
    }
    carry.states.set(r, states);
  }
  for (const id of plan.moving) {
    const set = await store.sharedSuggestions(id);
    if (set) carry.shared.set(id, set);
  }
  await store.journalDocumentChange(documentId, journalJson({ kind: 'correction', correction, reviewer, before, carry }));

  const { totals, scoresSetAside } = await writeCorrection(service, plan, pd.outline, before, carry, reviewer, false);

  service.forgetCases(plan.touched);
  const after = await captureSnapshot(service, documentId, plan.touched);
  // The step names a case that is there before and after it (undo opens it): the one that kept its id.
  const droppedAt = pd.loaded.cases.findIndex((c) => plan.removed.includes(c.id));
  const focus = plan.textChanged[0] ?? plan.outlineChanged[0]?.id ?? plan.outputs[Math.max(0, Math.min(plan.outputs.length - 1, droppedAt - 1))]!.id;
  service.history(reviewer).push({ label: `outline: ${correction.op}`, caseId: focus, undo: () => restoreSnapshot(service, before), redo: () => restoreSnapshot(service, after) });

  const view = await projectOutline(service, documentId);
  return { view, correction, spans: totals, added: plan.added, removed: plan.removed, changed: [...new Set([...plan.textChanged, ...plan.outlineChanged.map((c) => c.id)])], scoresSetAside };
}

/**
 * Finish a correction a kill interrupted, from its journal: the document as it was is put
 * together from the snapshot (the cases it touched) and the records it left alone, the same
 * plan is worked out again and written again, each write made so that writing it twice is
 * writing it once. False when the correction was never recorded (the kill came before its first
 * write, or it was refused and taken back) or its cases were revised meanwhile: the caller
 * then loads the document again instead.
 */
export async function resumeCorrection(service: ProjectService, documentId: string, journal: CorrectionJournal): Promise<boolean> {
  const store = service.store;
  const outline = await store.outline(documentId);
  if (!outline?.corrections.some((c) => c.id === journal.correction.id)) return false;
  const now = await projectDocument(store, documentId);
  const listing = journal.before.listing.caseIds;
  const records = listing.map((id) => journal.before.cases.get(id) ?? store.getCase(id) ?? null);
  if (records.some((r) => r === null)) return false;
  const cases = records.map((r, i) => currentCase(r!, i + 1));
  const pd: ProjectDocument = { ...now, record: { ...now.record, caseIds: [...listing] }, loaded: { ...now.loaded, cases }, outline: journal.before.outline };
  const plan = planCorrection(pd, journal.correction);
  try {
    await writeCorrection(service, plan, journal.before.outline, journal.before, journal.carry, journal.reviewer, true);
  } catch (e) {
    if (e instanceof ApiError && e.code === 'conflict') return false;
    throw e;
  }
  service.forgetCases(plan.touched);
  return true;
}

/**
 * Write what a planned correction changes: the correction into the document's list, the case
 * records, the document's case list, and every reviewer's spans and states, then the shared
 * suggestions. `resumed`: written once already, in part (records written then are not refused
 * as revised meanwhile; the list already holds the correction).
 */
async function writeCorrection(service: ProjectService, plan: CorrectionPlan, outline: OutlineFile, before: ProjectSnapshot, carry: CarryInputs, reviewer: string, resumed: boolean): Promise<{ totals: CarryReport; scoresSetAside: OutlineChange['scoresSetAside'] }> {
  const store = service.store;
  const { documentId, correction, result, inputs, outputs, outputIds, moving, touched } = plan;
  const now = service.now();
  const note = `outline: ${correction.op}`;
  const records: CaseRecord[] = [];
  const revisions = new Map<string, number>();
  // How many revisions each replaced case had when read: one revised since (another workbench's edit) is not written over.
  const revisionsRead = new Map<string, number>();
  for (const c of outputs) {
    const was = before.cases.get(c.id);
    if (!inputs.has(c.id)) {
      records.push(newCaseRecord(c, reviewer, `${note} (from ${inputs.has(firstSource(result, c)) ? firstSource(result, c) : documentId})`, now));
      revisions.set(c.id, 0);
      // Resumed: a new case the interrupted change wrote is written again only as it wrote it (an
      // editor may have revised it since: then the change is not finished over their text).
      const onDisk = resumed ? store.getCase(c.id) : undefined;
      if (onDisk) revisionsRead.set(c.id, onDisk.revisions.length === 1 && onDisk.revisions[0]!.text === c.text ? 1 : -1);
    } else if (touched.has(c.id) && was) {
      const { record, revision } = updatedCaseRecord(was, c, reviewer, note, now);
      records.push(record);
      // Resumed: the record as the interrupted change wrote it is the same one, written again.
      const onDisk = store.getCase(c.id);
      const writtenBefore = resumed && onDisk && onDisk.revisions.length === record.revisions.length && onDisk.revisions.at(-1)!.text === record.revisions.at(-1)!.text;
      revisionsRead.set(c.id, writtenBefore ? onDisk.revisions.length : was.revisions.length);
      revisions.set(c.id, revision);
    } else revisions.set(c.id, service.caseOf(c.id).revisions.length - 1);
  }

  // The correction is recorded first, after the journal: a kill in what follows is finished from
  // the journal by the next change (see changeDocument).
  if (!resumed) {
    await store.setOutline(documentId, {
      ...outline,
      corrections: [...outline.corrections, correction],
      titleParagraphs: result.titleParagraphs,
      usedCaseIds: [...new Set([...outline.usedCaseIds, ...outputs.map((c) => c.id)])],
      updatedAt: now,
    });
  }
  const revisionOf = (id: string) => revisions.get(id) ?? 0;
  const textOf = (id: string) => outputs.find((c) => c.id === id)!.text;
  // 1. Every input's shard gets its floor before any case record changes (every reviewer's, with
  // spans or not: a reviewer yet to annotate the case in a workbench that has not noticed the
  // change would otherwise start a shard on its old text): from then on an edit made on its old
  // text is refused. Its spans, as they are at that moment (another workbench's edits until then
  // included), are what is carried: they stay in the shard, named in the floor, until step 3 has
  // put them where their text went, and no one edits them meanwhile (see ProjectStore.updateSpans).
  /** Per reviewer, the spans of the inputs' shards being carried. */
  const takenBy = new Map<string, SpanAnnotation[]>();
  // Resumed: the reviewers whose shards the interrupted change had finished (every input's floor
  // there, its list of spans being carried gone): their files are not written again.
  const finished = new Set<string>();
  for (const r of store.reviewers) {
    const mine: SpanAnnotation[] = [];
    let done = resumed;
    for (const id of moving) {
      const floor: SpansFloor = outputIds.has(id) ? { revision: revisionOf(id), textHash: hashText(textOf(id)) } : { revision: revisionOf(id), retired: true };
      let carrying: string[] = [];
      await store.updateSpans(
        r,
        id,
        (current, was) => {
          // Floored already (a resumed change): the spans being carried are the ones it names; the rest are on the new text.
          const floored = resumed && sameFloor(was, floor);
          if (!floored || was!.carrying !== undefined) done = false;
          const pending = floored ? current.filter((s) => was!.carrying?.includes(s.id)) : [...current];
          // On the old text, perhaps at an older revision of it: brought to the text the correction was worked out on.
          const oldRecord = resumed || !pending.length ? undefined : service.caseOf(id);
          mine.push(...(oldRecord ? service.chain.forward(oldRecord, pending, now).spans : pending));
          carrying = pending.map((s) => s.id);
          return current;
        },
        // (Named even when empty: step 3 takes the list away, which says the shard is done.)
        { floor: (was) => (resumed && sameFloor(was, floor) && was!.carrying === undefined ? was! : { ...floor, carrying }) },
      );
    }
    if (done) finished.add(r);
    takenBy.set(r, mine);
  }
  try {
    await store.putCases(records, revisionsRead);
  } catch (e) {
    // Not made after all: out of the list again, the floors as they were (a case record written
    // before the refusal is set right by the repair).
    if (!resumed) await store.setOutline(documentId, outline);
    for (const [r, states] of before.reviewers) for (const id of moving) await store.updateSpans(r, id, (current) => current, { floor: states.get(id)?.floor ?? null });
    // The records written before the refusal put back (where the disk holds what this change wrote).
    const mine = new Map(records.filter((c) => before.cases.get(c.id)).map((c) => [c.id, c.revisions.length]));
    await store.putCases([...mine.keys()].map((id) => before.cases.get(id)!), mine).catch(() => undefined);
    if (e instanceof RevisedMeanwhileError) throw new ApiError('conflict', `${e.message}; the outline was not corrected: look at the case again and make the correction on its new text`);
    throw e;
  }
  await store.setDocumentCases(documentId, outputs.map((c) => c.id));
  const movingInputs = new Map(moving.map((id) => [id, inputs.get(id)!] as [string, LoadedCase]));
  const totals: CarryReport = { unchanged: 0, moved: 0, restored: 0, orphaned: 0 };
  const scoresSetAside: OutlineChange['scoresSetAside'] = [];
  const bySortedPlace = (a: SpanAnnotation, b: SpanAnnotation) => a.start - b.start || a.end - b.end;
  for (const r of store.reviewers) {
    if (finished.has(r)) continue;
    const taken = takenBy.get(r) ?? [];
    // 2. The spans carried, and the reviewer's states with them.
    const carried = carrySpans(taken, result.lineage, { text: textOf, revision: revisionOf });
    for (const k of Object.keys(totals) as Array<keyof CarryReport>) totals[k] += carried.report[k];
    const reviews = carryReviews(result.lineage, outputs, revisionOf, { states: carry.states.get(r) ?? new Map(), spans: carried.spans, inputCases: movingInputs });
    for (const s of reviews.scoresSetAside) scoresSetAside.push({ reviewer: r, ...s });
    const byCase = new Map<string, SpanAnnotation[]>();
    for (const s of carried.spans) byCase.set(s.caseId, [...(byCase.get(s.caseId) ?? []), s]);
    for (const [id, state] of reviews.states) await store.setReviewerCase(r, id, state);
    // 3. Each shard gets what came to it, outputs before inputs: a kill between leaves a span
    // twice (the copy in a retired case unseen), never nowhere, and a resumed change writes the
    // same again. A span carried is taken out of where it was; any other (made on a case's new
    // text, by an edit after its floor) stays.
    const carriedIds = new Set(taken.map((s) => s.id));
    const movingIds = new Set(moving);
    const targets = [...new Set([...byCase.keys(), ...reviews.states.keys()])].filter((id) => !movingIds.has(id) && (store.reviewerCase(r, id) || byCase.has(id)));
    // Every shard that receives spans before any that only gives them (a retired input): a span
    // named in a retired input's floor is never taken out before its new case holds it.
    const order = [...targets, ...moving.filter((id) => outputIds.has(id)), ...moving.filter((id) => !outputIds.has(id))];
    for (const id of order) {
      const floor = movingIds.has(id) ? { floor: (was: SpansFloor | undefined) => (was ? withoutCarrying(was) : null) } : {};
      await store.updateSpans(r, id, (current) => [...(byCase.get(id) ?? []), ...current.filter((s) => !carriedIds.has(s.id))].sort(bySortedPlace), floor);
    }
    // Steps of other reviewers on these cases hold offsets of the old texts.
    if (r !== reviewer) for (const id of touched) service.history(r).dropCase(id);
  }
  for (const [id, set] of carrySharedSuggestions(result.lineage, outputs, revisionOf, carry.shared)) await store.setSharedSuggestions(id, set);
  for (const id of moving) if (!outputIds.has(id) && carry.shared.has(id)) await store.setSharedSuggestions(id, { ...carry.shared.get(id)!, items: [] });
  return { totals, scoresSetAside };
}

function sameFloor(a: SpansFloor | undefined, b: SpansFloor): boolean {
  return !!a && a.revision === b.revision && a.textHash === b.textHash && !!a.retired === !!b.retired;
}

/** A floor whose spans are carried (or left where they are): edits on the shard are taken again. */
export function withoutCarrying(floor: SpansFloor): SpansFloor {
  const { carrying: _done, ...rest } = floor;
  return rest;
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
