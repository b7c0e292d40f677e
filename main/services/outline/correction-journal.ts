import type { Correction } from '../../../shared/outline/index.ts';
import type { CaseRecord, ReviewerCase, SuggestionsFile } from '../../store/file-kinds.ts';
import type { ProjectSnapshot, ReviewerState } from './snapshot.ts';

/**
 * What an outline correction writes in its document's change marker before its first write
 * (see ProjectStore.journalDocumentChange): the correction, and everything it read to work out
 * what to write — the snapshot of the cases it touches as they were, and every reviewer's state
 * of the cases whose text moves (the spans it carries wait in their shards, named in each
 * shard's floor, until carried). A kill part-way is finished from this by the next change on the
 * document (resumeCorrection), so nothing it was carrying is left in a case no longer listed.
 */
export interface CorrectionJournal {
  kind: 'correction';
  correction: Correction;
  reviewer: string;
  before: ProjectSnapshot;
  carry: CarryInputs;
}

/** What the correction carries besides the spans, as it read it: per reviewer, the states of the moving cases; their shared suggestions. */
export interface CarryInputs {
  states: Map<string, Map<string, ReviewerCase>>;
  shared: Map<string, SuggestionsFile['set']>;
}

type Json = Record<string, unknown>;
const entries = <V>(m: ReadonlyMap<string, V>) => [...m];

export function journalJson(j: CorrectionJournal): Json {
  const { before: b, carry } = j;
  return {
    kind: j.kind,
    correction: j.correction,
    reviewer: j.reviewer,
    before: {
      documentId: b.documentId,
      listing: b.listing,
      cases: entries(b.cases),
      reviewers: entries(b.reviewers).map(([r, states]) => [r, entries(states)]),
      shared: entries(b.shared),
      outline: b.outline,
    },
    carry: { states: entries(carry.states).map(([r, states]) => [r, entries(states)]), shared: entries(carry.shared) },
  };
}

/** The journal a marker holds, or null for a marker of another kind of change (or none readable). */
export function journalFrom(value: unknown): CorrectionJournal | null {
  if (!value || typeof value !== 'object' || (value as Json).kind !== 'correction') return null;
  // Written by this module a moment before the kill, whole (the marker is written durably, then renamed).
  const v = value as {
    correction: Correction;
    reviewer: string;
    before: { documentId: string; listing: ProjectSnapshot['listing']; cases: Array<[string, CaseRecord | null]>; reviewers: Array<[string, Array<[string, ReviewerState]>]>; shared: Array<[string, SuggestionsFile['set'] | null]>; outline: ProjectSnapshot['outline'] };
    carry: { states: Array<[string, Array<[string, ReviewerCase]>]>; shared: Array<[string, SuggestionsFile['set']]> };
  };
  return {
    kind: 'correction',
    correction: v.correction,
    reviewer: v.reviewer,
    before: {
      documentId: v.before.documentId,
      listing: v.before.listing,
      cases: new Map(v.before.cases),
      reviewers: new Map(v.before.reviewers.map(([r, states]) => [r, new Map(states)])),
      shared: new Map(v.before.shared),
      outline: v.before.outline,
    },
    carry: { states: new Map(v.carry.states.map(([r, states]) => [r, new Map(states)])), shared: new Map(v.carry.shared) },
  };
}
