import { randomUUID } from 'node:crypto';
import { makeQuote } from '../../shared/anchor/index.ts';
import type { ParsedInputOf, ProjectHandlers } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import type { CaseDetail, CaseSummary, HistoryResult, ProjectInfo, ReanchorReport, Stats } from '../../shared/api/types.ts';
import { findSections } from '../../shared/ingest/sections.ts';
import { MappedString } from '../../shared/ingest/mapped-string.ts';
import type { FieldValue, SpanAnnotation } from '../../shared/model/annotation.ts';
import type { CaseScore } from '../../shared/model/scoring.ts';
import { mean, weightedScore } from '../../shared/scoring/weighted.ts';
import type { LabelDef } from '../../shared/model/labels.ts';
import { consensusOfDifference } from '../../shared/compare/adjudication.ts';
import { sourceExcerpt, sourceFile } from './source-view.ts';
import { REVIEW_STATUSES, type CaseSections, type ReviewStatus, type TaggedSection } from '../../shared/model/review.ts';
import { CorpusSearch } from '../../shared/search/corpus-search.ts';
import { offsetConverter, splitsSurrogatePair, type OffsetConverter } from '../../shared/text/units.ts';
import type { CaseRecord, RevisionRecord } from '../store/file-kinds.ts';
import { countSpans, ProjectError, type ProjectStore } from '../store/project-store.ts';
import { importAnnotations } from './annotation-import.ts';
import { CONSENSUS, compendiumView, proposeCompendium, renderCompendium } from './compendium.ts';
import { compareReviewers } from '../../shared/compare/span-diff.ts';
import { agreement } from './agreement.ts';
import { listLessons } from './lessons.ts';
import { decide, generateForReviewer, suggestionView } from './suggestions.ts';
import { LESSON_FORMATS, renderLessons } from '../../shared/export/lessons.ts';
import { distributions, mergeScore, ranking } from './scoring.ts';
import { ExportJobs } from './export-jobs.ts';
import { History } from './history.ts';
import { RevisionChain } from './revision-chain.ts';
import { applySectionAction } from './section-ops.ts';
import { outlineHandlers } from './outline/handlers.ts';

export interface ServiceOptions {
  /** Who is annotating; may be chosen later with setReviewer. */
  reviewer?: string | null;
}

type In<K extends keyof ProjectHandlers> = ParsedInputOf<K>;

/**
 * The services behind the API: one instance per open project and window. It implements every
 * method of the contract over the ProjectStore; the IPC bridge, the HTTP server and the CLI all
 * call these same handlers.
 */
export class ProjectService {
  reviewer: string | null;
  private readonly histories = new Map<string, History>();
  /** Decoded source files, by document id, for showing spans in the original. */
  private readonly rawSources = new Map<string, string>();
  private readonly chain = new RevisionChain();
  private searchIndex: CorpusSearch | null = null;
  readonly exports = new ExportJobs(() => this);

  constructor(
    readonly store: ProjectStore,
    options: ServiceOptions = {},
  ) {
    this.reviewer = options.reviewer ?? null;
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

  private checkRange(text: string, start: number, end: number): void {
    if (end > text.length) throw new ApiError('invalid-input', `span ${start}–${end} is past the end of the text (${text.length} characters)`);
    if (end <= start) throw new ApiError('invalid-input', 'a span must not be empty');
    if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) throw new ApiError('invalid-input', 'a span boundary splits a character (a surrogate pair)');
  }

  /**
   * A reviewer's spans in a case, at the current revision. Spans made on an older text are
   * carried forward lazily here; the result is written back only by the reviewer's own
   * workbench (one writer per file).
   */
  async spansOf(reviewer: string, caseId: string): Promise<SpanAnnotation[]> {
    const c = this.caseOf(caseId);
    const stored = await this.store.spans(reviewer, caseId);
    const { spans, changed } = this.chain.forward(c, stored, this.now());
    if (changed && reviewer === this.reviewer) await this.store.writeSpans(reviewer, caseId, spans);
    return spans;
  }

  /** Edit a reviewer's spans atomically, on the spans carried to the current revision. */
  async editSpans(reviewer: string, caseId: string, fn: (spans: SpanAnnotation[]) => SpanAnnotation[]): Promise<void> {
    const c = this.caseOf(caseId);
    await this.store.updateSpans(reviewer, caseId, (stored) => fn(this.chain.forward(c, stored, this.now()).spans));
  }

  /** Forget what is cached of cases whose records were replaced or retired (outline corrections and their undo). */
  forgetCases(caseIds: Iterable<string>): void {
    this.chain.forget(caseIds);
    this.searchIndex = null;
  }

  sectionsOf(reviewer: string | null, c: CaseRecord): TaggedSection[] {
    const layer = reviewer ? this.store.reviewerCase(reviewer, c.id)?.sections : undefined;
    if (layer) return this.chain.forwardSections(c, layer).sections;
    const latest = c.revisions[c.revisions.length - 1]!;
    return latest.sections.map((s) => ({ ...s, source: 'loader' as const, confirmed: false }));
  }

  private search(): CorpusSearch {
    if (!this.searchIndex) {
      this.searchIndex = new CorpusSearch(this.store.caseIds.map((id) => {
        const c = this.caseOf(id);
        return { id, title: c.title, text: c.revisions[c.revisions.length - 1]!.text };
      }));
    }
    return this.searchIndex;
  }

  summary(c: CaseRecord): CaseSummary {
    const doc = this.store.documents.find((d) => d.id === c.documentId);
    const status: Record<string, ReviewStatus> = {};
    const spanCounts: Record<string, number> = {};
    const labelCounts: Record<string, number> = {};
    let orphanCount = 0;
    let tags: string[] = [];
    const scores: number[] = [];
    for (const r of this.store.reviewers) {
      const rc = this.store.reviewerCase(r, c.id);
      // The consensus is not a rater: its score (if any) would count twice in the mean.
      const w = r === CONSENSUS ? null : weightedScore(this.store.rubric, rc?.score);
      if (w !== null) scores.push(w);
      status[r] = rc?.status ?? 'todo';
      spanCounts[r] = rc?.spanCount ?? 0;
      for (const [l, n] of Object.entries(rc?.labelCounts ?? {})) labelCounts[l] = (labelCounts[l] ?? 0) + n;
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
      documentTitle: doc?.title ?? c.documentId,
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
      score: mean(scores),
    };
  }

  // ---- the handlers ----

  readonly handlers: ProjectHandlers = {
    projectInfo: async () => {
      await this.store.refreshReviewers(this.reviewer);
      return this.info();
    },

    setReviewer: async ({ name }: In<'setReviewer'>) => {
      try {
        await this.store.ensureReviewerFile(name);
      } catch (e) {
        if (e instanceof ProjectError) throw new ApiError('invalid-input', e.message);
        throw e;
      }
      this.reviewer = name;
      return this.info();
    },

    listCases: async (filter: In<'listCases'>) => {
      await this.store.refreshReviewers(this.reviewer);
      const out: CaseSummary[] = [];
      for (const id of this.store.caseIds) {
        const s = this.summary(this.caseOf(id));
        if (filter.documentId && s.documentId !== filter.documentId) continue;
        if (filter.part && s.part !== filter.part) continue;
        if (filter.region && !(s.region ?? '').includes(filter.region)) continue;
        if (filter.tag && !s.tags.includes(filter.tag)) continue;
        const who = filter.reviewer ?? this.reviewer;
        if (filter.status && (who ? s.status[who] ?? 'todo' : 'todo') !== filter.status) continue;
        if (filter.reviewer && !(s.spanCounts[filter.reviewer] ?? 0) && !filter.status) continue;
        if (filter.label && !(s.labelCounts[filter.label] ?? 0)) continue;
        out.push(s);
      }
      return out;
    },

    getCase: async ({ caseId, reviewers }: In<'getCase'>) => {
      const c = this.caseOf(caseId);
      const latest = c.revisions[c.revisions.length - 1]!;
      if (reviewers) await this.store.refreshReviewers(this.reviewer);
      const who = reviewers === 'all' ? this.store.reviewers : (reviewers ?? (this.reviewer ? [this.reviewer] : []));
      const spans: SpanAnnotation[] = [];
      const orphans: SpanAnnotation[] = [];
      for (const r of who) {
        if (!this.store.reviewer(r)) continue;
        for (const s of await this.spansOf(r, caseId)) (s.orphan ? orphans : spans).push(s);
      }
      spans.sort((a, b) => a.start - b.start || a.end - b.end);
      const detail: CaseDetail = {
        summary: this.summary(c),
        text: latest.text,
        revision: latest.revision,
        sections: this.sectionsOf(this.reviewer, c),
        meta: (this.reviewer && this.store.reviewerCase(this.reviewer, caseId)?.meta) || { tags: [] },
        marks: c.marks,
        spans,
        orphans,
      };
      return detail;
    },

    setCaseMeta: async ({ caseId, meta }: In<'setCaseMeta'>) => {
      this.caseOf(caseId);
      const reviewer = this.requireReviewer();
      const before = this.store.reviewerCase(reviewer, caseId)?.meta;
      const apply = (m: typeof meta | undefined) =>
        this.store.updateReviewerCase(reviewer, caseId, (rc) => {
          if (m) rc.meta = m;
          else delete rc.meta;
        });
      await apply(meta);
      this.history(reviewer).push({ label: 'edit case metadata', caseId, undo: () => apply(before).then(() => undefined), redo: () => apply(meta).then(() => undefined) });
      return meta;
    },

    setCaseStatus: async ({ caseId, status }: In<'setCaseStatus'>) => {
      this.caseOf(caseId);
      const reviewer = this.requireReviewer();
      const before = this.store.reviewerCase(reviewer, caseId)?.status;
      const apply = (s: ReviewStatus | undefined) =>
        this.store.updateReviewerCase(reviewer, caseId, (rc) => {
          if (s) rc.status = s;
          else delete rc.status;
        });
      await apply(status);
      this.history(reviewer).push({ label: `set status ${status}`, caseId, undo: () => apply(before).then(() => undefined), redo: () => apply(status).then(() => undefined) });
      return status;
    },

    addSpan: async (input: In<'addSpan'>) => {
      const reviewer = this.requireReviewer();
      const c = this.caseOf(input.caseId);
      const latest = c.revisions[c.revisions.length - 1]!;
      this.checkRange(latest.text, input.start, input.end);
      if (input.quote !== undefined && latest.text.slice(input.start, input.end) !== input.quote) {
        throw new ApiError('conflict', `the text at ${input.start}–${input.end} is not "${input.quote}": the case text has changed, reload it`);
      }
      const label = this.label(input.label);
      const now = this.now();
      const span: SpanAnnotation = {
        id: randomUUID(),
        caseId: c.id,
        start: input.start,
        end: input.end,
        quote: makeQuote(latest.text, input.start, input.end),
        label: label.id,
        fields: this.cleanFields(label, input.fields),
        note: input.note ?? '',
        reviewer,
        origin: 'manual',
        revision: latest.revision,
        createdAt: now,
        updatedAt: now,
      };
      await this.insertSpans(reviewer, [span], `add ${label.name.en}`);
      return span;
    },

    updateSpan: async (input: In<'updateSpan'>) => {
      const reviewer = this.requireReviewer();
      const c = this.caseOf(input.caseId);
      const text = c.revisions[c.revisions.length - 1]!.text;
      const spans = await this.spansOf(reviewer, input.caseId);
      const before = spans.find((s) => s.id === input.id);
      if (!before) throw new ApiError('not-found', `no span "${input.id}" of ${reviewer} in case ${input.caseId}`);
      if (before.orphan) throw new ApiError('conflict', 'this span is an orphan: place or drop it first');
      const label = this.label(input.label ?? before.label);
      const start = input.start ?? before.start;
      const end = input.end ?? before.end;
      this.checkRange(text, start, end);
      const after: SpanAnnotation = {
        ...before,
        label: label.id,
        start,
        end,
        quote: start === before.start && end === before.end ? before.quote : makeQuote(text, start, end),
        fields: input.fields ? this.cleanFields(label, input.fields) : before.fields,
        note: input.note ?? before.note,
        updatedAt: this.now(),
      };
      const replace = (s: SpanAnnotation) => this.editSpans(reviewer, input.caseId, (all) => all.map((x) => (x.id === s.id ? s : x)));
      await replace(after);
      this.history(reviewer).push({ label: `edit ${label.name.en}`, caseId: input.caseId, undo: () => replace(before), redo: () => replace(after) });
      return after;
    },

    deleteSpan: async ({ caseId, id }: In<'deleteSpan'>) => {
      const reviewer = this.requireReviewer();
      this.caseOf(caseId);
      const before = (await this.spansOf(reviewer, caseId)).find((s) => s.id === id);
      if (!before) throw new ApiError('not-found', `no span "${id}" of ${reviewer} in case ${caseId}`);
      const remove = () => this.editSpans(reviewer, caseId, (all) => all.filter((s) => s.id !== id));
      const restore = () => this.editSpans(reviewer, caseId, (all) => [...all.filter((s) => s.id !== id), before]);
      await remove();
      this.history(reviewer).push({ label: 'delete span', caseId, undo: restore, redo: remove });
      return { deleted: id };
    },

    tagSection: async (input: In<'tagSection'>) => {
      const reviewer = this.requireReviewer();
      const c = this.caseOf(input.caseId);
      const latest = c.revisions[c.revisions.length - 1]!;
      const beforeLayer = this.store.reviewerCase(reviewer, c.id)?.sections;
      const current = this.sectionsOf(reviewer, c);
      const next: CaseSections | undefined =
        input.action === 'reset' ? undefined : { caseId: c.id, revision: latest.revision, sections: applySectionAction(current, input, latest.text) };
      const apply = (layer: CaseSections | undefined) =>
        this.store.updateReviewerCase(reviewer, c.id, (rc) => {
          if (layer) rc.sections = layer;
          else delete rc.sections;
        });
      await apply(next);
      this.history(reviewer).push({ label: `section: ${input.action}`, caseId: c.id, undo: () => apply(beforeLayer).then(() => undefined), redo: () => apply(next).then(() => undefined) });
      return this.sectionsOf(reviewer, c);
    },

    undo: async () => this.historyResult(await this.history(this.requireReviewer()).undo()),
    redo: async () => this.historyResult(await this.history(this.requireReviewer()).redo()),
    historyState: async () => (this.reviewer ? this.history(this.reviewer).state : { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null }),

    reviseText: async (input: In<'reviseText'>) => this.revise(input),

    listRevisions: async ({ caseId }: In<'listRevisions'>) =>
      this.caseOf(caseId).revisions.map((r) => ({ revision: r.revision, createdAt: r.createdAt, author: r.author, note: r.note, length: r.text.length, ...(r.report ? { report: r.report } : {}) })),

    getRevisionText: async ({ caseId, revision }: In<'getRevisionText'>) => {
      const r = this.caseOf(caseId).revisions[revision];
      if (!r) throw new ApiError('not-found', `case ${caseId} has no revision ${revision}`);
      return { text: r.text };
    },

    sourceExcerpt: async ({ caseId, start, end }: In<'sourceExcerpt'>) => {
      const c = this.caseOf(caseId);
      const latest = c.revisions[c.revisions.length - 1]!.text;
      if (end <= start || end > latest.length) throw new ApiError('invalid-input', `range ${start}–${end} is outside the text (${latest.length} characters)`);
      const doc = this.store.documents.find((d) => d.id === c.documentId)!;
      return sourceExcerpt(this.store, doc, c, start, end, this.rawSources);
    },

    sourceFile: async ({ documentId }: In<'sourceFile'>) => {
      const doc = this.store.documents.find((d) => d.id === documentId);
      if (!doc) throw new ApiError('not-found', `no document "${documentId}" in this project`);
      return sourceFile(this.store.dir, doc);
    },

    listOrphans: async ({ caseId }: In<'listOrphans'>) => {
      const reviewer = this.requireReviewer();
      const ids = caseId ? [this.caseOf(caseId).id] : this.store.caseIds.filter((id) => (this.store.reviewerCase(reviewer, id)?.orphanCount ?? 0) > 0 || this.store.getCase(id)!.revisions.length > 1);
      const out: SpanAnnotation[] = [];
      for (const id of ids) out.push(...(await this.spansOf(reviewer, id)).filter((s) => s.orphan));
      return out;
    },

    resolveOrphan: async (input: In<'resolveOrphan'>) => {
      const reviewer = this.requireReviewer();
      const c = this.caseOf(input.caseId);
      const latest = c.revisions[c.revisions.length - 1]!;
      const before = (await this.spansOf(reviewer, c.id)).find((s) => s.id === input.id);
      if (!before?.orphan) throw new ApiError('not-found', `no orphan "${input.id}" of ${reviewer} in case ${c.id}`);
      const replace = (s: SpanAnnotation) => this.editSpans(reviewer, c.id, (all) => all.map((x) => (x.id === s.id ? s : x)));
      if (input.action === 'drop') {
        const remove = () => this.editSpans(reviewer, c.id, (all) => all.filter((s) => s.id !== input.id));
        const restore = () => this.editSpans(reviewer, c.id, (all) => [...all.filter((s) => s.id !== input.id), before]);
        await remove();
        this.history(reviewer).push({ label: 'drop orphan', caseId: c.id, undo: restore, redo: remove });
        return { deleted: input.id };
      }
      this.checkRange(latest.text, input.start, input.end);
      const { orphan: _o, ...rest } = before;
      const placed: SpanAnnotation = { ...rest, start: input.start, end: input.end, quote: makeQuote(latest.text, input.start, input.end), revision: latest.revision, updatedAt: this.now() };
      await replace(placed);
      this.history(reviewer).push({ label: 'place orphan', caseId: c.id, undo: () => replace(before), redo: () => replace(placed) });
      return placed;
    },

    setScore: async (input: In<'setScore'>) => {
      const reviewer = this.requireReviewer();
      this.caseOf(input.caseId);
      const before = this.store.reviewerCase(reviewer, input.caseId)?.score;
      const spanIds = new Set((await this.spansOf(reviewer, input.caseId)).map((s) => s.id));
      const after = mergeScore(this.store, spanIds, before, input);
      const apply = (score: typeof after | undefined) =>
        this.store.updateReviewerCase(reviewer, input.caseId, (rc) => {
          if (score) rc.score = score;
          else delete rc.score;
        });
      await apply(after);
      this.history(reviewer).push({ label: 'score', caseId: input.caseId, undo: () => apply(before).then(() => undefined), redo: () => apply(after).then(() => undefined) });
      return after;
    },
    getScores: async ({ caseId }: In<'getScores'>) => {
      this.caseOf(caseId);
      await this.store.refreshReviewers(this.reviewer);
      const out: Record<string, CaseScore> = {};
      for (const r of this.store.reviewers) {
        const s = this.store.reviewerCase(r, caseId)?.score;
        if (s) out[r] = s;
      }
      return out;
    },
    ranking: async (filter: In<'ranking'>) => {
      await this.store.refreshReviewers(this.reviewer);
      return ranking(this.store, filter);
    },
    ratingDistributions: async () => {
      await this.store.refreshReviewers(this.reviewer);
      return distributions(this.store);
    },
    agreement: async (input: In<'agreement'>) => {
      await this.store.refreshReviewers(this.reviewer);
      return agreement(this, input);
    },
    getSuggestions: async ({ caseId }: In<'getSuggestions'>) => suggestionView(this, caseId),
    generateSuggestions: async ({ caseId }: In<'generateSuggestions'>) => generateForReviewer(this, caseId),
    decideSuggestions: async ({ caseId, decisions }: In<'decideSuggestions'>) => decide(this, caseId, decisions),
    listLessons: async (filter: In<'listLessons'>) => listLessons(this, filter),
    exportLessons: async ({ format, ...filter }: In<'exportLessons'>) => {
      const { extension, mediaType } = LESSON_FORMATS[format];
      return this.exports.startDocument(`lessons-${format}`, 'lessons', extension, mediaType, async () => {
        const entries = await listLessons(this, filter);
        const converters = new Map<string, OffsetConverter>();
        const codePoints = (caseId: string, utf16: number) => {
          let c = converters.get(caseId);
          if (!c) converters.set(caseId, (c = offsetConverter(this.caseOf(caseId).revisions.at(-1)!.text)));
          return c.toCodePoints(utf16);
        };
        return renderLessons(entries, format, { title: `${this.store.info.name}：经验启示库`, codePoints });
      });
    },
    compareReviewers: async ({ caseId, reviewers }: In<'compareReviewers'>) => {
      const c = this.caseOf(caseId);
      await this.store.refreshReviewers(this.reviewer);
      const byReviewer: Record<string, SpanAnnotation[]> = {};
      for (const r of reviewers) {
        if (!this.store.reviewer(r)) throw new ApiError('not-found', `no reviewer "${r}" in this project`);
        byReviewer[r] = await this.spansOf(r, caseId);
      }
      return { text: c.revisions[c.revisions.length - 1]!.text, items: compareReviewers(byReviewer) };
    },
    adjudicate: async ({ caseId, decisions }: In<'adjudicate'>) => {
      const c = this.caseOf(caseId);
      const latest = c.revisions[c.revisions.length - 1]!;
      const outside = decisions.find((d) => d.end < d.start || d.end > latest.text.length);
      if (outside) throw new ApiError('invalid-input', `the region ${outside.start}–${outside.end} to adjudicate is outside the text`);
      // Every reviewer's spans: the chosen versions come from them, and they tell which consensus
      // spans belong to which difference.
      const reviewerSpans: SpanAnnotation[] = [];
      for (const r of this.store.reviewers) if (r !== CONSENSUS) reviewerSpans.push(...(await this.spansOf(r, caseId)));
      const byId = new Map(reviewerSpans.map((s) => [s.id, s]));
      const missing = decisions.flatMap((d) => d.spanIds).filter((id) => !byId.has(id));
      if (missing.length) throw new ApiError('not-found', `no span ${missing.join(', ')} in case ${caseId}`);
      await this.store.ensureReviewerFile(CONSENSUS);
      const now = this.now();
      const before = await this.spansOf(CONSENSUS, caseId);
      let after = before;
      for (const d of decisions) {
        const replaced = consensusOfDifference({ start: d.start, end: d.end, candidateIds: [...new Set([...d.candidateIds, ...d.spanIds])] }, after, reviewerSpans);
        const adopted = d.spanIds.map((id) => ({ ...byId.get(id)!, id: randomUUID(), reviewer: CONSENSUS, origin: 'adjudication' as const, createdAt: now, updatedAt: now }));
        after = [...after.filter((s) => !replaced.has(s.id)), ...adopted];
      }
      after.sort((a, b) => a.start - b.start || a.end - b.end);
      const put = (spans: SpanAnnotation[]) => this.editSpans(CONSENSUS, caseId, () => spans);
      await put(after);
      // The case has been decided, even where the decision was to adopt nothing: the compendium
      // then builds it from the consensus, not from a reviewer whose spans were turned down.
      await this.store.updateReviewerCase(CONSENSUS, caseId, (rc) => {
        rc.adjudicatedAt = now;
      });
      const who = this.reviewer ?? CONSENSUS;
      this.history(who).push({ label: 'adjudicate', caseId, undo: () => put(before), redo: () => put(after) });
      return after;
    },
    getCompendium: async () => compendiumView(this),
    proposeCompendium: async ({ title, recommendations, minScore, groupBy }: In<'proposeCompendium'>) =>
      proposeCompendium(this, title, { recommendations: recommendations ?? ['include'], minScore: minScore ?? null, groupBy: groupBy ?? 'part' }),
    setCompendium: async ({ draft }: In<'setCompendium'>) => {
      const unknown = draft.parts.flatMap((p) => p.caseIds).filter((id) => !this.store.getCase(id));
      if (unknown.length) throw new ApiError('invalid-input', `no case ${unknown.join(', ')} in this project`);
      await this.store.setCompendium({ ...draft, updatedAt: this.now() });
      return compendiumView(this);
    },
    exportCompendium: async ({ format }: In<'exportCompendium'>) => this.exports.startCompendium(format, (await this.store.compendium())?.title ?? 'compendium', () => renderCompendium(this, format)),
    getRubric: async () => this.store.rubric,
    setRubric: async ({ rubric }: In<'setRubric'>) => {
      await this.store.setRubric(rubric);
      return this.store.rubric;
    },
    getSchema: async () => this.store.schema,
    setSchema: async ({ schema }: In<'setSchema'>) => {
      // A label still in use stays, and a field keeps accepting the values stored in it: a
      // removed label would leave annotations no one can see or edit, a changed field type or a
      // removed choice would leave annotations that can no longer be saved.
      const problems = await this.schemaConflicts(schema.labels);
      if (problems.length) throw new ApiError('conflict', `${problems.join('; ')}: relabel, edit or delete those annotations first`);
      await this.store.setSchema(schema);
      return this.store.schema;
    },

    search: async ({ query, limit, documentId }: In<'search'>) => {
      const ids = documentId ? new Set(this.store.documents.find((d) => d.id === documentId)?.caseIds ?? []) : undefined;
      return this.search().search(query, { limit: limit ?? 200, ...(ids ? { caseIds: ids } : {}) });
    },

    startExport: async ({ format, reviewers }: In<'startExport'>) => this.exports.start(format, reviewers),
    exportStatus: async ({ jobId }: In<'exportStatus'>) => this.exports.status(jobId),
    importAnnotations: async ({ content, reviewer }: In<'importAnnotations'>) => {
      const who = reviewer ?? this.requireReviewer();
      await this.store.ensureReviewerFile(who);
      return importAnnotations(this, content, who);
    },

    stats: async () => this.stats(),
    ...outlineHandlers(this),
  };

  private info(): ProjectInfo {
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

  private historyResult(change: { label: string; caseId: string } | null): HistoryResult {
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

  /**
   * Store a new revision of a case text and re-anchor every reviewer's spans to it. The report
   * counts all reviewers; only the current reviewer's shard is rewritten now (one writer per
   * file), the others follow when their own workbench next reads them, with the same result.
   */
  private async revise({ caseId, text, note, baseRevision }: In<'reviseText'>): Promise<ReanchorReport> {
    await this.store.refreshReviewers(this.reviewer);
    const c = this.caseOf(caseId);
    const latest = c.revisions[c.revisions.length - 1]!;
    if (baseRevision !== undefined && baseRevision !== latest.revision) {
      throw new ApiError('conflict', `case ${caseId} is at revision ${latest.revision}, not ${baseRevision}: someone revised it meanwhile`);
    }
    const counts = () => ({ unchanged: 0, moved: 0, refound: 0, orphaned: 0 });
    const report: ReanchorReport = { caseId, revision: latest.revision, ...counts(), byReviewer: {} };
    if (text === latest.text) return report;
    const paragraphs = text.split('\n').map((p) => ({ text: MappedString.synthetic(p, 0) }));
    const offsets: number[] = [];
    let at = 0;
    for (const p of paragraphs) {
      offsets.push(at);
      at += p.text.length + 1;
    }
    const revision = latest.revision + 1;
    // Reviewers' spans at the old revision, before the case moves on.
    const before = new Map<string, SpanAnnotation[]>();
    for (const r of this.store.reviewers) before.set(r, await this.spansOf(r, caseId));
    const made: RevisionRecord = { revision, text, createdAt: this.now(), author: this.reviewer ?? 'editor', note: note ?? '', sections: findSections(paragraphs, offsets, text.length) };
    // The spans are carried to the new text before anything is written, so that the revision
    // and its report (what the edit did to the annotations) go to disk in one write: a kill
    // cannot leave one without the other. The reviewer's shard follows; a kill before it leaves
    // the spans on the old text, carried forward when next read, to the same result.
    const mineNow = new Map<string, SpanAnnotation[]>();
    try {
      const next: CaseRecord = { ...c, revisions: [...c.revisions, made] };
      for (const [r, spans] of before) {
        const { spans: forwarded, outcomes } = this.chain.forward(next, spans, this.now());
        const mine = counts();
        for (const status of outcomes.values()) mine[status]++;
        report.byReviewer[r] = mine;
        for (const k of Object.keys(mine) as Array<keyof typeof mine>) report[k] += mine[k];
        if (r === this.reviewer) mineNow.set(r, forwarded);
      }
      report.revision = revision;
      const { unchanged, moved, refound, orphaned } = report;
      await this.store.updateCase(caseId, (rec) => {
        rec.revisions.push({ ...made, report: { unchanged, moved, refound, orphaned } });
      });
    } catch (e) {
      // The diffs cached for a revision that was not stored would be taken for the next one's.
      this.chain.forget([caseId]);
      throw e;
    }
    for (const r of before.keys()) this.history(r).dropCase(caseId);
    for (const [r, spans] of mineNow) await this.store.writeSpans(r, caseId, spans);
    this.searchIndex?.update({ id: c.id, title: c.title, text });
    return report;
  }

  /** What a new label schema would break among the stored annotations (orphans included), said per label and field. */
  private async schemaConflicts(labels: readonly LabelDef[]): Promise<string[]> {
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

  private async stats(): Promise<Stats> {
    await this.store.refreshReviewers(this.reviewer);
    const zero = () => Object.fromEntries(REVIEW_STATUSES.map((s) => [s, 0])) as Record<ReviewStatus, number>;
    const stats: Stats = { cases: 0, spans: 0, orphans: 0, byLabel: {}, byReviewer: {}, byStatus: zero(), byCase: [] };
    for (const id of this.store.caseIds) {
      const c = this.caseOf(id);
      stats.cases++;
      const row = { caseId: id, title: c.title, spans: 0, byLabel: {} as Record<string, number> };
      for (const r of this.store.reviewers) {
        const rc = this.store.reviewerCase(r, id);
        const by = (stats.byReviewer[r] ??= { spans: 0, cases: 0, status: zero() });
        const status = rc?.status ?? 'todo';
        by.status[status]++;
        stats.byStatus[status]++;
        // Cached counts, unless the shard's spans are behind the case's text (another reviewer's,
        // carried forward lazily): then the spans as re-anchored, orphans included.
        const counts = this.store.currentCounts(r, id) ?? countSpans(await this.spansOf(r, id));
        stats.orphans += counts.orphanCount;
        if (!counts.spanCount) continue;
        by.cases++;
        by.spans += counts.spanCount;
        row.spans += counts.spanCount;
        stats.spans += counts.spanCount;
        for (const [l, n] of Object.entries(counts.labelCounts)) {
          row.byLabel[l] = (row.byLabel[l] ?? 0) + n;
          stats.byLabel[l] = (stats.byLabel[l] ?? 0) + n;
        }
      }
      stats.byCase.push(row);
    }
    return stats;
  }

}
