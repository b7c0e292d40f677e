import type { SpanAnnotation } from '../../../shared/model/annotation.ts';
import type { LoadedCase } from '../../../shared/model/document.ts';
import type { CaseSections, TaggedSection } from '../../../shared/model/review.ts';
import { carryPlaced, carrySections, withSectionEnds, type Lineage } from '../../../shared/outline/index.ts';
import type { ReviewerCase, SuggestionsFile } from '../../store/file-kinds.ts';

type SuggestionSet = SuggestionsFile['set'];

/** What a reviewer had on the cases a correction changed, and what they will have on the cases it made. */
export interface ReviewInputs {
  /** The reviewer's state of each changed input case (absent: never touched). */
  states: ReadonlyMap<string, ReviewerCase>;
  /** The reviewer's spans after carrying: which case each is in now. */
  spans: readonly SpanAnnotation[];
  /** The loader's sections of each input case, for a layer made where only some inputs had one. */
  inputCases: ReadonlyMap<string, LoadedCase>;
}

export interface CarriedReviews {
  /** The reviewer's new state of each output case that has any (its span counts are set when its spans are written). */
  states: Map<string, ReviewerCase>;
  /** Scores that could keep only one of several: the output case and the inputs whose scores were set aside. */
  scoresSetAside: Array<{ caseId: string; from: string[] }>;
}

/**
 * Carry a reviewer's per-case state through a correction, by where the text went:
 *  - the status: a case made of inputs with one status keeps it; of inputs with different ones,
 *    "in progress" (part of it was not reviewed as the rest);
 *  - metadata stays with the case that keeps the id; a new case gets the tags;
 *  - a score goes to the case that holds most of its evidence (or of its text), its evidence
 *    kept where the spans are; when two land on one case (a merge), that case's own is kept and
 *    the other's evidence joins it, and the one set aside is reported (it also stays in the
 *    reviewer's file under the retired case);
 *  - the reviewer's own section layer and suggestions move with their text; decisions about
 *    suggestions go along (they are keyed by content);
 *  - an adjudication date stays with every case it covered.
 */
export function carryReviews(lineage: Lineage, outputs: readonly LoadedCase[], revisionOf: (caseId: string) => number, input: ReviewInputs): CarriedReviews {
  const states = new Map<string, ReviewerCase>();
  const scoresSetAside: CarriedReviews['scoresSetAside'] = [];
  const outputIds = new Set(outputs.map((o) => o.id));
  const spanCase = new Map(input.spans.map((s) => [s.id, s.caseId]));
  const textOf = (id: string) => outputs.find((o) => o.id === id)!.text;
  const contributors = new Map<string, string[]>();
  for (const inputId of input.inputCases.keys()) {
    for (const out of lineage.successors(inputId).keys()) contributors.set(out, [...(contributors.get(out) ?? []), inputId]);
  }
  // Scores first: each goes to one case.
  const scoreHome = new Map<string, string[]>();
  for (const [inputId, rc] of input.states) {
    if (!rc.score) continue;
    const votes = new Map<string, number>();
    for (const ids of Object.values(rc.score.evidence)) for (const id of ids) if (spanCase.has(id)) votes.set(spanCase.get(id)!, (votes.get(spanCase.get(id)!) ?? 0) + 1);
    let home = lineage.mainSuccessor(inputId);
    let best = 0;
    for (const [c, n] of votes) if (outputIds.has(c) && (n > best || (n === best && c === inputId))) [home, best] = [c, n];
    if (home) scoreHome.set(home, [...(scoreHome.get(home) ?? []), inputId]);
  }

  for (const out of outputs) {
    const from = contributors.get(out.id) ?? [];
    const touched = from.filter((id) => input.states.has(id));
    if (!touched.length && !input.spans.some((s) => s.caseId === out.id)) continue;
    const own = input.states.get(out.id);
    const next: ReviewerCase = { spanCount: 0, orphanCount: 0, labelCounts: {} };

    const statuses = from.map((id) => input.states.get(id)?.status ?? 'todo');
    const distinct = [...new Set(statuses)];
    const status = distinct.length === 1 ? distinct[0]! : 'in-progress';
    if (status !== 'todo' || own?.status) next.status = status;

    if (own?.meta) next.meta = structuredClone(own.meta);
    else {
      const tags = [...new Set(touched.flatMap((id) => input.states.get(id)?.meta?.tags ?? []))];
      if (tags.length) next.meta = { tags };
    }

    const scored = scoreHome.get(out.id) ?? [];
    if (scored.length) {
      const keep = scored.includes(out.id) ? out.id : scored[0]!;
      const score = structuredClone(input.states.get(keep)!.score!);
      for (const other of scored.filter((id) => id !== keep)) {
        for (const [criterion, ids] of Object.entries(input.states.get(other)!.score!.evidence)) score.evidence[criterion] = [...new Set([...(score.evidence[criterion] ?? []), ...ids])];
      }
      for (const criterion of Object.keys(score.evidence)) score.evidence[criterion] = score.evidence[criterion]!.filter((id) => spanCase.get(id) === out.id);
      next.score = score;
      if (scored.length > 1) scoresSetAside.push({ caseId: out.id, from: scored.filter((id) => id !== keep) });
    }

    const layered = from.filter((id) => input.states.get(id)?.sections);
    if (layered.length) {
      const sections: TaggedSection[] = [];
      for (const id of from) {
        const layer = input.states.get(id)?.sections?.sections ?? input.inputCases.get(id)!.sections.map((s) => ({ ...s, source: 'loader' as const, confirmed: false }));
        sections.push(...(carrySections(layer, id, lineage).get(out.id) ?? []));
      }
      const layer: CaseSections = { caseId: out.id, revision: revisionOf(out.id), sections: withSectionEnds(sections, out.text.length) };
      next.sections = layer;
    }

    const sets = from.map((id) => input.states.get(id)?.suggestions).filter((s): s is SuggestionSet => !!s);
    if (sets.length) {
      const items = from.flatMap((id) => {
        const set = input.states.get(id)?.suggestions;
        return set ? (carryPlaced(set.items, id, lineage, textOf).get(out.id) ?? []) : [];
      });
      next.suggestions = { revision: revisionOf(out.id), generatedAt: sets.map((s) => s.generatedAt).sort().at(-1)!, items };
    }
    const decisions = Object.assign({}, ...from.map((id) => input.states.get(id)?.decisions ?? {}));
    if (Object.keys(decisions).length) next.decisions = decisions;
    const adjudicated = from.map((id) => input.states.get(id)?.adjudicatedAt).filter((d): d is string => !!d).sort().at(-1);
    if (adjudicated) next.adjudicatedAt = adjudicated;
    states.set(out.id, next);
  }
  return { states, scoresSetAside };
}

/** The shared suggestions of the output cases, carried from the inputs' sets like a reviewer's own. */
export function carrySharedSuggestions(lineage: Lineage, outputs: readonly LoadedCase[], revisionOf: (caseId: string) => number, sets: ReadonlyMap<string, SuggestionSet>): Map<string, SuggestionSet> {
  const out = new Map<string, SuggestionSet>();
  const textOf = (id: string) => outputs.find((o) => o.id === id)!.text;
  for (const [inputId, set] of sets) {
    for (const [caseId, items] of carryPlaced(set.items, inputId, lineage, textOf)) {
      const prev = out.get(caseId);
      out.set(caseId, { revision: revisionOf(caseId), generatedAt: [prev?.generatedAt ?? '', set.generatedAt].sort().at(-1)!, items: [...(prev?.items ?? []), ...items] });
    }
    // A case whose text all went elsewhere keeps an empty set: its suggestions moved.
    for (const caseId of lineage.successors(inputId).keys()) if (!out.has(caseId)) out.set(caseId, { revision: revisionOf(caseId), generatedAt: set.generatedAt, items: [] });
  }
  return out;
}
