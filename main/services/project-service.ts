import type { ProjectHandlers } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import type { CaseSummary, HistoryResult, ProjectInfo } from '../../shared/api/types.ts';
import type { FieldValue, SpanAnnotation } from '../../shared/model/annotation.ts';
import { mean, weightedScore } from '../../shared/scoring/weighted.ts';
import type { LabelDef, LabelSchema } from '../../shared/model/labels.ts';
import type { Rubric } from '../../shared/model/rubric.ts';
import type { TaggedSection, ReviewStatus } from '../../shared/model/review.ts';
import { CorpusSearch } from '../../shared/search/corpus-search.ts';
import { splitsSurrogatePair } from '../../shared/text/units.ts';
import type { CaseRecord, CompendiumFile } from '../store/file-kinds.ts';
import type { ProjectStore } from '../store/project-store.ts';
import { CONSENSUS } from './compendium.ts';
import { ExportJobs } from './export-jobs.ts';
import { History } from './history.ts';
import { RevisionChain } from './revision-chain.ts';
import { outlineHandlers } from './outline/handlers.ts';
import { annotationHandlers } from './handlers/annotation-handlers.ts';
import { conflictHandlers } from './handlers/conflict-handlers.ts';
import { draftHandlers } from './handlers/draft-handlers.ts';
import { exportHandlers } from './handlers/export-handlers.ts';
import { projectHandlers } from './handlers/project-handlers.ts';
import { reviewerHandlers } from './handlers/reviewer-handlers.ts';
import { reviewHandlers } from './handlers/review-handlers.ts';
import { revisionHandlers } from './handlers/revision-handlers.ts';
import { suggestionHandlers } from './handlers/suggestion-handlers.ts';
import { hashText } from '../store/file-stamp.ts';
import { CarryingError } from '../store/project-store.ts';
import { finishInterruptedChanges } from './outline/document-change.ts';
import { syncedHandlers } from './handlers/synced-handlers.ts';

/** The hash of a revision's text, worked out once per revision (every save sends it: see ProjectStore.updateSpans). */
const textHashes = new WeakMap<object, string>();
function textHashOf(revision: { text: string }): string {
  let h = textHashes.get(revision);
  if (h === undefined) textHashes.set(revision, (h = hashText(revision.text)));
  return h;
}

export interface ServiceOptions {
  /** Who is annotating; may be chosen later with setReviewer. */
  reviewer?: string | null;
}

/**
 * The services behind the API: one instance per open project and window. The handlers are
 * made per domain (./handlers: annotations, reviews and scores, suggestions, revisions, the
 * compendium draft, exports, the project's schema and rubric; ./outline), each owning its files
 * and its rule for changing them when other writers share the folder; this class holds what
 * they share: the reviewer at work, the undo histories, the revision chain, and the helpers
 * that read spans carried to the current text. The IPC bridge, the HTTP server and the CLI all
 * call these same handlers.
 */
/** See ProjectService.summaryContext. */
export interface SummaryContext {
  reviewers: readonly string[];
  rubric: Rubric;
  documentTitles: ReadonlyMap<string, string>;
  /** The reviewers and rubric as one string, for telling whether a kept summary was made with the same. */
  key: string;
}

/** A case's summary as last made, and what it was made from (compared by identity, see summary). */
interface KeptSummary {
  made: readonly unknown[];
  summary: CaseSummary;
}

export class ProjectService {
  reviewer: string | null;
  private readonly histories = new Map<string, History>();
  /** Decoded source files, by document id, for showing spans in the original. */
  readonly rawSources = new Map<string, string>();
  readonly chain = new RevisionChain();
  private searchIndex: CorpusSearch | null = null;
  readonly exports = new ExportJobs(() => this);
  /**
   * What this workbench last showed of the files people edit whole (the schema, the rubric, the
   * compendium draft): the base a saved edit was made from, to merge it with another writer's.
   * Undefined: nothing shown yet (the command line), the edit is taken as it is.
   */
  readonly served: { schema?: LabelSchema; rubric?: Rubric; compendium?: CompendiumFile['draft'] } = {};
  readonly handlers: ProjectHandlers;

  constructor(
    readonly store: ProjectStore,
    options: ServiceOptions = {},
  ) {
    this.reviewer = options.reviewer ?? null;
    this.handlers = syncedHandlers(this, {
      ...projectHandlers(this),
      ...reviewerHandlers(this),
      ...annotationHandlers(this),
      ...reviewHandlers(this),
      ...suggestionHandlers(this),
      ...revisionHandlers(this),
      ...draftHandlers(this),
      ...exportHandlers(this),
      ...conflictHandlers(this),
      ...outlineHandlers(this),
    });
  }

  // ---- helpers ----

  now(): string {
    return new Date().toISOString();
  }

  requireReviewer(): string {
    if (!this.reviewer) throw new ApiError('forbidden', 'choose who is annotating first (setReviewer)');
    return this.reviewer;
  }

  caseOf(caseId: string): CaseRecord {
    const c = this.store.getCase(caseId);
    if (!c) throw new ApiError('not-found', `no case "${caseId}" in this project`);
    return c;
  }

  /** Forget a reviewer's undo history (they were renamed or removed: its steps name their files). */
  forgetHistory(reviewer: string): void {
    this.histories.delete(reviewer);
  }

  history(reviewer: string): History {
    let h = this.histories.get(reviewer);
    if (!h) this.histories.set(reviewer, (h = new History()));
    return h;
  }

  label(id: string): LabelDef {
    const label = this.store.schema.labels.find((l) => l.id === id);
    if (!label) throw new ApiError('invalid-input', `no label "${id}" in this project's schema (labels: ${this.store.schema.labels.map((l) => l.id).join(', ')})`);
    return label;
  }

  /** Field values as the label defines them: numbers for number and year fields. */
  cleanFields(label: LabelDef, fields: Record<string, FieldValue> | undefined): Record<string, FieldValue> {
    const out: Record<string, FieldValue> = {};
    for (const [key, value] of Object.entries(fields ?? {})) {
      const def = label.fields.find((f) => f.key === key);
      if (def && (def.type === 'number' || def.type === 'year') && typeof value === 'string' && value.trim() !== '') {
        const n = Number(value.replace(/[,，\s]/g, ''));
        if (!Number.isFinite(n)) throw new ApiError('invalid-input', `field "${key}" of ${label.name.en} takes a number, not "${value}"`);
        out[key] = n;
      } else if (def?.type === 'choice' && value !== null && value !== '' && def.choices && !def.choices.includes(String(value))) {
        throw new ApiError('invalid-input', `field "${key}" takes one of ${def.choices.join(', ')}`);
      } else out[key] = value === '' ? null : value;
    }
    return out;
  }

  checkRange(text: string, start: number, end: number): void {
    if (end > text.length) throw new ApiError('invalid-input', `span ${start}–${end} is past the end of the text (${text.length} characters)`);
    if (end <= start) throw new ApiError('invalid-input', 'a span must not be empty');
    if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) throw new ApiError('invalid-input', 'a span boundary splits a character (a surrogate pair)');
  }

  /**
   * A reviewer's spans in a case, at the current revision. Spans made on an older text are
   * carried forward lazily here; the result is written back only by the reviewer's own
   * workbench (one writer per file), on the shard as it is when written.
   */
  async spansOf(reviewer: string, caseId: string): Promise<SpanAnnotation[]> {
    const c = this.caseOf(caseId);
    const stored = await this.store.spans(reviewer, caseId);
    const { spans, changed } = this.chain.forward(c, stored, this.now());
    if (changed && reviewer === this.reviewer) await this.store.updateSpans(reviewer, caseId, (current) => this.chain.forward(c, current, this.now()).spans);
    return spans;
  }

  /** Edit a reviewer's spans atomically, on the spans carried to the current revision. */
  async editSpans(reviewer: string, caseId: string, fn: (spans: SpanAnnotation[]) => SpanAnnotation[]): Promise<void> {
    const c = this.caseOf(caseId);
    // On the text this process knows: refused if an outline correction has moved the case's text since.
    const latest = c.revisions.at(-1)!;
    const edit = () => this.store.updateSpans(reviewer, caseId, (stored) => fn(this.chain.forward(c, stored, this.now()).spans), { editedAt: { revision: latest.revision, textHash: textHashOf(latest) } });
    try {
      await edit();
    } catch (e) {
      if (!(e instanceof CarryingError)) throw e;
      // A correction is carrying the case's spans, or a kill stopped one doing so: once any such
      // change is finished (the lock of a dead workbench is broken at once), the edit is tried
      // again, on the case as it is then (refused if its text moved).
      await finishInterruptedChanges(this);
      await edit();
    }
    // With the counts, written within a moment: a span saved since the index was written says as much at open (see ProjectStore.repairCounts).
    const status = this.store.reviewerCase(reviewer, caseId)?.status;
    if (reviewer !== CONSENSUS && (!status || status === 'todo')) {
      this.store.deferReviewerCase(reviewer, caseId, (rc) => {
        if (!rc.status || rc.status === 'todo') rc.status = 'in-progress';
      });
    }
  }

  /**
   * A reviewer's work on a case (a span, a score, a section tag, metadata, a decision on a
   * suggestion) moves it from 未审 to 在审 by itself; a status they set (在审, 已审) stays. The
   * consensus has no status of its own to move.
   */
  async markStarted(reviewer: string, caseId: string): Promise<void> {
    if (reviewer === CONSENSUS) return;
    const status = this.store.reviewerCase(reviewer, caseId)?.status;
    if (status && status !== 'todo') return;
    await this.store.updateReviewerCase(reviewer, caseId, (rc) => {
      if (!rc.status || rc.status === 'todo') rc.status = 'in-progress';
    });
  }

  /** Forget what is cached of cases whose records were replaced or retired (outline corrections and their undo). */
  forgetCases(caseIds: Iterable<string>): void {
    const ids = [...caseIds];
    this.chain.forget(ids);
    for (const id of ids) this.keptSummaries.delete(id);
    this.searchIndex = null;
  }

  /** A case's text changed: the search index follows (when it was built). */
  forgetSearch(id: string, title: string, text: string): void {
    this.searchIndex?.update({ id, title, text });
  }

  sectionsOf(reviewer: string | null, c: CaseRecord): TaggedSection[] {
    const layer = reviewer ? this.store.reviewerCase(reviewer, c.id)?.sections : undefined;
    if (layer) return this.chain.forwardSections(c, layer).sections;
    const latest = c.revisions[c.revisions.length - 1]!;
    return latest.sections.map((s) => ({ ...s, source: 'loader' as const, confirmed: false }));
  }

  search(): CorpusSearch {
    if (!this.searchIndex) {
      this.searchIndex = new CorpusSearch(
        this.store.caseIds.map((id) => {
          const c = this.caseOf(id);
          return { id, title: c.title, text: c.revisions[c.revisions.length - 1]!.text };
        }),
      );
    }
    return this.searchIndex;
  }

  /** What every case's summary reads of the project, worked out once for a list of them (the rubric and reviewer list are copies). */
  summaryContext(): SummaryContext {
    const reviewers = this.store.reviewers;
    const rubric = this.store.rubric;
    return { reviewers, rubric, documentTitles: new Map(this.store.documents.map((d) => [d.id, d.title])), key: JSON.stringify([this.reviewer, reviewers, rubric]) };
  }

  private readonly keptSummaries = new Map<string, KeptSummary>();

  /**
   * A case's summary for the navigator. Made again only when what it is made from changed: the
   * case record, a reviewer's entry for the case (the store replaces an entry when it changes,
   * never changes one in place), the document's title, the reviewer at work, the reviewers or
   * the rubric. A list of thousands of cases, asked for after every save, was mostly the making
   * of summaries that had not changed.
   */
  summary(c: CaseRecord, ctx: SummaryContext = this.summaryContext()): CaseSummary {
    const made: unknown[] = [c, ctx.key, ctx.documentTitles.get(c.documentId)];
    for (const r of ctx.reviewers) made.push(this.store.reviewerCase(r, c.id));
    const kept = this.keptSummaries.get(c.id);
    if (kept && kept.made.length === made.length && kept.made.every((x, i) => x === made[i])) return kept.summary;
    const summary = this.summarize(c, ctx);
    this.keptSummaries.set(c.id, { made, summary });
    return summary;
  }

  private summarize(c: CaseRecord, ctx: SummaryContext): CaseSummary {
    const status: Record<string, ReviewStatus> = {};
    const spanCounts: Record<string, number> = {};
    const labelCounts: Record<string, number> = {};
    let orphanCount = 0;
    let tags: string[] = [];
    const scores: number[] = [];
    let mine: number | null = null;
    for (const r of ctx.reviewers) {
      const rc = this.store.reviewerCase(r, c.id);
      // The consensus is not a rater: its score (if any) would count twice in the mean.
      const w = r === CONSENSUS ? null : weightedScore(ctx.rubric, rc?.score);
      if (w !== null) scores.push(w);
      if (r === this.reviewer) mine = w;
      status[r] = rc?.status ?? 'todo';
      spanCounts[r] = rc?.spanCount ?? 0;
      // (for…in, not Object.entries: a list of thousands of cases spent most of its time making the pairs)
      const counts = rc?.labelCounts;
      if (counts) for (const l in counts) labelCounts[l] = (labelCounts[l] ?? 0) + counts[l]!;
      if (r === this.reviewer) {
        orphanCount = rc?.orphanCount ?? 0;
        tags = rc?.meta?.tags ?? [];
      }
    }
    const meta = this.reviewer ? this.store.reviewerCase(this.reviewer, c.id)?.meta : undefined;
    const latest = c.revisions[c.revisions.length - 1]!;
    return {
      id: c.id,
      documentId: c.documentId,
      documentTitle: ctx.documentTitles.get(c.documentId) ?? c.documentId,
      ordinal: c.ordinal,
      title: meta?.title ?? c.title,
      region: meta?.region ?? c.region,
      unit: c.unit,
      part: meta?.category ?? c.part,
      revision: latest.revision,
      length: latest.text.length,
      status,
      spanCounts,
      labelCounts,
      orphanCount,
      tags,
      // The reviewer's own score: a mean of everyone's told a reviewer who had just scored
      // something else than what they gave. The mean is beside it, for where it is asked for.
      score: mine,
      meanScore: mean(scores),
    };
  }

  info(): ProjectInfo {
    return {
      name: this.store.info.name,
      dir: this.store.dir,
      schemaVersion: this.store.info.schemaVersion,
      reviewer: this.reviewer,
      reviewers: this.store.reviewers,
      documents: this.store.documents.map((d) => ({
        id: d.id,
        title: d.title,
        file: d.file,
        format: d.format,
        issuer: d.issuer,
        year: d.year,
        kind: d.kind,
        caseCount: d.caseIds.length,
        encoding: d.encoding,
      })),
      caseCount: this.store.caseIds.length,
      recovered: this.store.recovered,
    };
  }

  historyResult(change: { label: string; caseId: string } | null): HistoryResult {
    const state = this.history(this.requireReviewer()).state;
    return { ...state, applied: change?.label ?? null, caseId: change?.caseId ?? null };
  }

  /** Add spans (from the UI, an import or a suggestion run) as one undoable step. */
  async insertSpans(reviewer: string, spans: SpanAnnotation[], label: string): Promise<void> {
    const byCase = new Map<string, SpanAnnotation[]>();
    for (const s of spans) byCase.set(s.caseId, [...(byCase.get(s.caseId) ?? []), s]);
    const ids = new Set(spans.map((s) => s.id));
    const add = async () => {
      for (const [caseId, list] of byCase) await this.editSpans(reviewer, caseId, (all) => [...all.filter((s) => !ids.has(s.id)), ...list]);
    };
    const remove = async () => {
      for (const caseId of byCase.keys()) await this.editSpans(reviewer, caseId, (all) => all.filter((s) => !ids.has(s.id)));
    };
    await add();
    if (byCase.size === 1) this.history(reviewer).push({ label, caseId: spans[0]!.caseId, undo: remove, redo: add });
  }

  /** What a new label schema would break among the stored annotations (orphans included), said per label and field. */
  async schemaConflicts(labels: readonly LabelDef[]): Promise<string[]> {
    const next = new Map(labels.map((l) => [l.id, l]));
    const changed = new Set(this.store.schema.labels.filter((l) => JSON.stringify(l) !== JSON.stringify(next.get(l.id))).map((l) => l.id));
    if (!changed.size) return [];
    await this.store.refreshReviewers(this.reviewer);
    const removed = new Map<string, number>();
    const badValues = new Map<string, number>();
    for (const r of this.store.reviewers) {
      for (const id of this.store.caseIds) {
        if (!this.store.reviewerCase(r, id)) continue;
        for (const span of await this.store.spans(r, id)) {
          if (!changed.has(span.label)) continue;
          const label = next.get(span.label);
          if (!label) {
            removed.set(span.label, (removed.get(span.label) ?? 0) + 1);
            continue;
          }
          for (const [key, value] of Object.entries(span.fields)) {
            if (value === null) continue;
            try {
              this.cleanFields(label, { [key]: value });
            } catch {
              const what = `field "${key}" of "${label.id}"`;
              badValues.set(what, (badValues.get(what) ?? 0) + 1);
            }
          }
        }
      }
    }
    return [
      ...[...removed].map(([id, n]) => `cannot remove label "${id}" (${n} annotations)`),
      ...[...badValues].map(([what, n]) => `${what} would no longer accept the values of ${n} annotations`),
    ];
  }
}
