import { randomUUID } from 'node:crypto';
import { makeQuote } from '../../shared/anchor/index.ts';
import { ApiError } from '../../shared/api/errors.ts';
import type { SuggestionItem, SuggestionView } from '../../shared/api/types.ts';
import type { FieldValue, SpanAnnotation } from '../../shared/model/annotation.ts';
import type { LabelDef } from '../../shared/model/labels.ts';
import type { Section } from '../../shared/model/sections.ts';
import { identify } from '../../shared/suggest/ids.ts';
import { suggest } from '../../shared/suggest/index.ts';
import type { CaseRecord, SuggestionsFile } from '../store/file-kinds.ts';
import type { ProjectService } from './project-service.ts';

type SuggestionSet = SuggestionsFile['set'];
type Decision = 'accepted' | 'rejected';

/** Suggestions for a case text with the given sections (the loader's, or a reviewer's own tags). */
export function suggestionSet(c: CaseRecord, sections: readonly Section[], now: string): SuggestionSet {
  const latest = c.revisions[c.revisions.length - 1]!;
  return { revision: latest.revision, generatedAt: now, items: identify(suggest(latest.text, sections)) };
}

/** A stored set, or the same suggestions made again for the current text when it was revised since. */
function current(service: ProjectService, c: CaseRecord, set: SuggestionSet | null | undefined, reviewer: string | null): SuggestionSet | null {
  if (!set) return null;
  const latest = c.revisions[c.revisions.length - 1]!;
  // Ids come from content, so decisions about passages the revision left alone still apply.
  return set.revision === latest.revision ? set : { ...suggestionSet(c, service.sectionsOf(reviewer, c), set.generatedAt), generatedAt: set.generatedAt };
}

const sameSpan = (s: SpanAnnotation, x: { label: string; start: number; end: number }) => !s.orphan && s.label === x.label && s.start === x.start && s.end === x.end;
/** A placed span of the suggestion's label over (part of) its text: the fact is marked already. */
const covers = (s: SpanAnnotation, x: { label: string; start: number; end: number }) => !s.orphan && s.label === x.label && s.start < x.end && x.start < s.end;

/**
 * What a reviewer sees of a case's suggestions: the shared ones and their own, each pending,
 * accepted or rejected. One the reviewer already marked (same label and place) counts as accepted.
 */
export async function suggestionView(service: ProjectService, caseId: string): Promise<SuggestionView> {
  const reviewer = service.requireReviewer();
  const c = service.caseOf(caseId);
  const latest = c.revisions[c.revisions.length - 1]!;
  const rc = service.store.reviewerCase(reviewer, caseId);
  const shared = current(service, c, await service.store.sharedSuggestions(caseId), null);
  const mine = current(service, c, rc?.suggestions, reviewer);
  const spans = await service.spansOf(reviewer, caseId);
  const items = new Map<string, SuggestionItem>();
  for (const [set, source] of [
    [shared, 'shared'],
    [mine, 'mine'],
  ] as const) {
    for (const s of set?.items ?? []) {
      if (items.has(s.id)) continue;
      const decided = rc?.decisions?.[s.id] ?? (spans.some((x) => sameSpan(x, s)) ? 'accepted' : undefined);
      const cover = decided ? undefined : spans.find((x) => covers(x, s));
      items.set(s.id, cover ? { ...s, state: 'covered', coveredBy: cover.id, source } : { ...s, state: decided ?? 'pending', source });
    }
  }
  const dates = [shared?.generatedAt, mine?.generatedAt].filter((d): d is string => !!d).sort();
  return {
    caseId,
    revision: latest.revision,
    generatedAt: dates[dates.length - 1] ?? null,
    items: [...items.values()].sort((a, b) => a.start - b.start || b.end - a.end),
  };
}

/** Suggest for the current reviewer alone (from their own section tags), replacing their earlier set. */
export async function generateForReviewer(service: ProjectService, caseId: string): Promise<SuggestionView> {
  const reviewer = service.requireReviewer();
  const c = service.caseOf(caseId);
  const set = suggestionSet(c, service.sectionsOf(reviewer, c), service.now());
  await service.store.updateReviewerCase(reviewer, caseId, (rc) => {
    rc.suggestions = set;
  });
  return suggestionView(service, caseId);
}

/**
 * Fields as the label takes them: a value the label does not allow (a choice it does not
 * list) is left out rather than refused, since the suggestion's text is kept as the quote.
 */
function acceptableFields(service: ProjectService, label: LabelDef, fields: Record<string, FieldValue>): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(fields)) {
    const def = label.fields.find((f) => f.key === key);
    if (def?.type === 'choice' && value !== null && value !== '' && !def.choices?.includes(String(value))) continue;
    out[key] = value;
  }
  return service.cleanFields(label, out);
}

export interface DecisionInput {
  id: string;
  accept: boolean;
  /** Fields as the reviewer corrected them before accepting (merged over the suggested ones). */
  fields?: Record<string, FieldValue> | undefined;
}

/**
 * Accept or reject suggestions, as one undoable step: an accepted suggestion becomes a span of
 * the reviewer's (origin "suggestion", its parsed fields with any corrections), a rejected one
 * is remembered so it is not proposed again.
 */
export async function decide(service: ProjectService, caseId: string, decisions: readonly DecisionInput[]): Promise<{ view: SuggestionView; created: SpanAnnotation[] }> {
  const reviewer = service.requireReviewer();
  const c = service.caseOf(caseId);
  const latest = c.revisions[c.revisions.length - 1]!;
  const view = await suggestionView(service, caseId);
  const byId = new Map(view.items.map((s) => [s.id, s]));
  const unknown = decisions.filter((d) => !byId.has(d.id)).map((d) => d.id);
  if (unknown.length) throw new ApiError('not-found', `no suggestion ${unknown.slice(0, 3).join(', ')} in case ${caseId} (it may have been made for an older text: reload)`);

  const now = service.now();
  const created: SpanAnnotation[] = [];
  const next: Record<string, Decision> = {};
  // Accepted suggestions an annotation already covers fill the annotation's empty fields instead.
  const filled = new Map<string, SpanAnnotation>();
  const spanList = await service.spansOf(reviewer, caseId);
  for (const d of decisions) {
    const s = byId.get(d.id)!;
    next[d.id] = d.accept ? 'accepted' : 'rejected';
    if (d.accept && s.state === 'covered') {
      const span = filled.get(s.coveredBy!) ?? spanList.find((x) => x.id === s.coveredBy);
      if (span) filled.set(span.id, { ...span, fields: { ...acceptableFields(service, service.label(s.label), { ...s.fields, ...d.fields }), ...nonEmpty(span.fields) }, updatedAt: now });
      continue;
    }
    if (!d.accept || s.state === 'accepted') continue;
    if (latest.text.slice(s.start, s.end) !== s.text) throw new ApiError('conflict', `the suggestion "${s.text}" no longer matches the text: reload the case`);
    const label = service.label(s.label);
    created.push({
      id: randomUUID(),
      caseId,
      start: s.start,
      end: s.end,
      quote: makeQuote(latest.text, s.start, s.end),
      label: label.id,
      fields: acceptableFields(service, label, { ...s.fields, ...d.fields }),
      note: '',
      reviewer,
      origin: 'suggestion',
      revision: latest.revision,
      createdAt: now,
      updatedAt: now,
      // Taken as parsed: read again if a revision changes the text. Corrected: a person's.
      ...(d.fields && Object.keys(d.fields).length ? {} : { fieldsFrom: 'parser' as const }),
    });
  }
  const before = { ...service.store.reviewerCase(reviewer, caseId)?.decisions };
  const ids = new Set(created.map((s) => s.id));
  // Only the decisions of this step change, on the reviewer's file as it is when written: a
  // decision made meanwhile (another window, a concurrent call) stays.
  const setDecisions = (d: Record<string, Decision | undefined>) =>
    service.store.updateReviewerCase(reviewer, caseId, (rc) => {
      const all: Record<string, Decision> = { ...rc.decisions };
      for (const [id, v] of Object.entries(d)) {
        if (v) all[id] = v;
        else delete all[id];
      }
      rc.decisions = all;
    });
  const original = new Map(spanList.filter((s) => filled.has(s.id)).map((s) => [s.id, s]));
  const apply = async () => {
    if (created.length || filled.size) await service.editSpans(reviewer, caseId, (all) => [...all.filter((s) => !ids.has(s.id)).map((s) => filled.get(s.id) ?? s), ...created]);
    await setDecisions(next);
  };
  const revert = async () => {
    if (created.length || filled.size) await service.editSpans(reviewer, caseId, (all) => all.filter((s) => !ids.has(s.id)).map((s) => original.get(s.id) ?? s));
    await setDecisions(Object.fromEntries(Object.keys(next).map((id) => [id, before[id]])));
  };
  await apply();
  await service.markStarted(reviewer, caseId);
  const what = decisions.length === 1 ? (decisions[0]!.accept ? 'accept suggestion' : 'reject suggestion') : `decide ${decisions.length} suggestions`;
  service.history(reviewer).push({ label: what, caseId, undo: revert, redo: apply });
  return { view: await suggestionView(service, caseId), created };
}

/** Field values that say something (an empty one is filled from the suggestion). */
function nonEmpty(fields: Record<string, FieldValue>): Record<string, FieldValue> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== ''));
}

export interface ApplyReport {
  cases: number;
  indicators: number;
  lessons: number;
  /** Where they were stored: for every reviewer, or for one. */
  for: string | null;
}

/**
 * `casebench suggest --apply`: pre-annotate a project. Suggestions are stored as suggestions —
 * for every reviewer (suggestions/<case>.json), or in one reviewer's own file — never as
 * anyone's annotations; each reviewer accepts or rejects them in the workbench.
 */
export async function applySuggestions(service: ProjectService, options: { caseIds?: readonly string[]; reviewer?: string | null }): Promise<ApplyReport> {
  const reviewer = options.reviewer ?? null;
  const ids = options.caseIds ?? service.store.caseIds;
  for (const id of ids) service.caseOf(id);
  const report: ApplyReport = { cases: 0, indicators: 0, lessons: 0, for: reviewer };
  const now = service.now();
  for (const id of ids) {
    const c = service.caseOf(id);
    const set = suggestionSet(c, service.sectionsOf(reviewer, c), now);
    if (reviewer) await service.store.updateReviewerCase(reviewer, id, (rc) => void (rc.suggestions = set));
    else await service.store.setSharedSuggestions(id, set);
    report.cases++;
    for (const s of set.items) report[s.label === 'indicator' ? 'indicators' : 'lessons']++;
  }
  await service.store.flush();
  return report;
}
