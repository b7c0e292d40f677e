import { z } from 'zod';
import type { SpanAnnotation } from '../model/annotation.ts';
import type { LabelSchema } from '../model/labels.ts';
import type { Rubric } from '../model/rubric.ts';
import type { CaseScore } from '../model/scoring.ts';
import type { RankingRow } from '../scoring/ranking.ts';
import type { AgreementReport } from '../agreement/report.ts';
import type { DifferenceItem } from '../compare/span-diff.ts';
import type { CaseMeta, ReviewStatus, TaggedSection } from '../model/review.ts';
import { corrections as correctionList, MAX_INPUT_BASE64, MAX_INPUT_BYTES, MAX_PREVIEW_FILES, outlineEdit } from '../outline/index.ts';
import type { ImportPreview, OutlineChange, OutlineView, ReloadReport } from '../outline/index.ts';
import { caseMeta, compendiumDraft, fields, id, editableLabelSchema, labelSchema, offset, recommendation, reviewStatus, reviewerName, rubric, sectionKind, textQuote } from '../model/schemas.ts';
import type {
  CaseDetail,
  CompendiumView,
  CaseSummary,
  ExportJob,
  HistoryResult,
  HistoryState,
  ImportReport,
  ProjectInfo,
  RatingDistributions,
  ReanchorReport,
  RecentProject,
  RevisionInfo,
  LessonEntry,
  SearchHit,
  SourceExcerpt,
  SourceFileContent,
  LoadProgress,
  Stats,
  SuggestionView,
} from './types.ts';
import type { ExternalChanges, FileConflict, FileConflictResolution, RevisionConflict } from './sync-types.ts';

/** One API method: the schema its input is validated with, and (as a type only) what it returns. */
interface Method<I extends z.ZodType, O> {
  input: I;
  output?: O;
}
const method = <O>() => <I extends z.ZodType>(input: I): Method<I, O> => ({ input });

const none = z.object({}).strict();
const caseRef = z.object({ caseId: id }).strict();
/** Lessons of one reviewer (default: the consensus where there is one, else the current reviewer). */
const lessonFilter = z
  .object({
    reviewer: reviewerName.optional(),
    part: z.string().max(100).optional(),
    documentId: id.optional(),
    query: z.string().max(200).optional(),
  })
  .strict();

/**
 * The one typed API. The UI calls it through either transport (Electron IPC via the preload,
 * or HTTP on loopback in serve mode); the CLI calls the same service object directly. Every
 * input is validated against these schemas before a handler sees it.
 */
export const contract = {
  projectInfo: method<ProjectInfo>()(none),
  recentProjects: method<RecentProject[]>()(none),
  openProject: method<ProjectInfo>()(z.object({ dir: z.string().min(1).max(4096) }).strict()),
  createProject: method<ProjectInfo>()(z.object({ dir: z.string().min(1).max(4096), sample: z.boolean() }).strict()),
  /** Desktop: a native folder dialog. In a browser there is none, and this returns null. */
  chooseFolder: method<string | null>()(z.object({ purpose: z.enum(['open', 'create']) }).strict()),
  setReviewer: method<ProjectInfo>()(z.object({ name: reviewerName }).strict()),
  /** Give a reviewer another name: their files, spans, statuses and scores go with it (refused onto a name in use). */
  renameReviewer: method<ProjectInfo>()(z.object({ from: reviewerName, to: reviewerName }).strict()),
  /** Take out a reviewer who has no work (a name made by mistake); one with work is refused. */
  removeReviewer: method<ProjectInfo>()(z.object({ name: reviewerName }).strict()),

  listCases: method<CaseSummary[]>()(
    z
      .object({
        documentId: id.optional(),
        part: z.string().max(100).optional(),
        region: z.string().max(100).optional(),
        label: id.optional(),
        status: reviewStatus.optional(),
        reviewer: reviewerName.optional(),
        tag: z.string().max(50).optional(),
      })
      .strict(),
  ),
  getCase: method<CaseDetail>()(z.object({ caseId: id, reviewers: z.union([z.literal('all'), z.array(reviewerName).max(50)]).optional() }).strict()),
  setCaseMeta: method<CaseMeta>()(z.object({ caseId: id, meta: caseMeta }).strict()),
  setCaseStatus: method<ReviewStatus>()(z.object({ caseId: id, status: reviewStatus }).strict()),

  addSpan: method<SpanAnnotation>()(
    z
      .object({
        caseId: id,
        start: offset,
        end: offset,
        label: id,
        fields: fields.optional(),
        note: z.string().max(20_000).optional(),
        /** When given, the text at start..end must equal it: the client's view of the text is current. */
        quote: z.string().max(100_000).optional(),
      })
      .strict()
      .refine((s) => s.end > s.start, { message: 'a span must not be empty (end must be after start)' }),
  ),
  updateSpan: method<SpanAnnotation>()(
    z
      .object({
        caseId: id,
        id,
        label: id.optional(),
        fields: fields.optional(),
        note: z.string().max(20_000).optional(),
        start: offset.optional(),
        end: offset.optional(),
      })
      .strict(),
  ),
  deleteSpan: method<{ deleted: string }>()(z.object({ caseId: id, id }).strict()),

  tagSection: method<TaggedSection[]>()(
    z.discriminatedUnion('action', [
      z.object({ action: z.literal('confirm'), caseId: id, index: z.number().int().nonnegative() }).strict(),
      z.object({ action: z.literal('confirm-all'), caseId: id }).strict(),
      z.object({ action: z.literal('set-kinds'), caseId: id, index: z.number().int().nonnegative(), kinds: z.array(sectionKind).min(1) }).strict(),
      z.object({ action: z.literal('move'), caseId: id, index: z.number().int().nonnegative(), start: offset, headingEnd: offset.optional() }).strict(),
      z
        .object({ action: z.literal('add'), caseId: id, start: offset, headingEnd: offset, level: z.number().int().min(1).max(9), kinds: z.array(sectionKind).min(1), heading: z.string().max(500).optional() })
        .strict(),
      z.object({ action: z.literal('remove'), caseId: id, index: z.number().int().nonnegative() }).strict(),
      z.object({ action: z.literal('reset'), caseId: id }).strict(),
    ]),
  ),

  undo: method<HistoryResult>()(none),
  redo: method<HistoryResult>()(none),
  historyState: method<HistoryState>()(none),

  reviseText: method<ReanchorReport>()(z.object({ caseId: id, text: z.string().min(1).max(2_000_000), note: z.string().max(2000).optional(), baseRevision: z.number().int().nonnegative().optional() }).strict()),
  listRevisions: method<RevisionInfo[]>()(caseRef),
  getRevisionText: method<{ text: string }>()(z.object({ caseId: id, revision: z.number().int().nonnegative() }).strict()),
  /** Where a range of the current text stands in the file the case was loaded from. */
  sourceExcerpt: method<SourceExcerpt>()(z.object({ caseId: id, start: offset, end: offset }).strict()),
  /** A document's original file as kept in the project (base64): the workbench shows a PDF's pages from it. */
  sourceFile: method<SourceFileContent>()(z.object({ documentId: id }).strict()),
  listOrphans: method<SpanAnnotation[]>()(z.object({ caseId: id.optional() }).strict()),
  resolveOrphan: method<SpanAnnotation | { deleted: string }>()(
    z.discriminatedUnion('action', [
      z.object({ action: z.literal('place'), caseId: id, id, start: offset, end: offset }).strict(),
      z.object({ action: z.literal('drop'), caseId: id, id }).strict(),
    ]),
  ),

  setScore: method<CaseScore>()(
    z
      .object({
        caseId: id,
        ratings: z.record(z.string().max(40), z.number().finite().nullable()).optional(),
        evidence: z.record(z.string().max(40), z.array(id).max(200)).optional(),
        comment: z.string().max(20_000).optional(),
        recommendation: recommendation.nullable().optional(),
      })
      .strict(),
  ),
  getScores: method<Record<string, CaseScore>>()(caseRef),
  ranking: method<RankingRow[]>()(z.object({ part: z.string().max(100).optional(), region: z.string().max(100).optional(), documentId: id.optional() }).strict()),
  ratingDistributions: method<RatingDistributions>()(none),
  agreement: method<AgreementReport>()(
    z
      .object({
        caseIds: z.array(id).max(100_000).optional(),
        part: z.string().max(100).optional(),
        documentId: id.optional(),
        reviewers: z.array(reviewerName).max(50).optional(),
        coverage: z.enum(['done', 'touched']).optional(),
      })
      .strict(),
  ),
  getSuggestions: method<SuggestionView>()(caseRef),
  generateSuggestions: method<SuggestionView>()(caseRef),
  decideSuggestions: method<{ view: SuggestionView; created: SpanAnnotation[] }>()(
    z
      .object({
        caseId: id,
        decisions: z
          .array(z.object({ id, accept: z.boolean(), fields: fields.optional() }).strict())
          .min(1)
          .max(5000),
      })
      .strict(),
  ),
  listLessons: method<LessonEntry[]>()(lessonFilter),
  exportLessons: method<ExportJob>()(lessonFilter.extend({ format: z.enum(['csv', 'md', 'jsonl']) }).strict()),
  compareReviewers: method<{ text: string; items: DifferenceItem[] }>()(z.object({ caseId: id, reviewers: z.array(reviewerName).min(2).max(20) }).strict()),
  /** Adjudicate differences (one undoable step): each decision's chosen spans replace the consensus spans of that difference. Returns the case's consensus spans. */
  adjudicate: method<SpanAnnotation[]>()(
    z
      .object({
        caseId: id,
        decisions: z.array(z.object({ start: offset, end: offset, spanIds: z.array(id).max(100), candidateIds: z.array(id).max(400) }).strict()).min(1).max(2000),
        /** The consensus spans of the case the committee saw when deciding: a difference someone else decided since is refused as a conflict. */
        seenConsensus: z.array(id).max(100_000).optional(),
      })
      .strict(),
  ),
  getCompendium: method<CompendiumView>()(none),
  proposeCompendium: method<CompendiumView>()(
    z
      .object({
        title: z.string().min(1).max(200),
        recommendations: z.array(recommendation).min(1).optional(),
        minScore: z.number().finite().nullable().optional(),
        groupBy: z.enum(['part', 'none']).optional(),
      })
      .strict(),
  ),
  /** `base`: the draft the edit was made from (as getCompendium gave it): another editor's save since is merged with it, or refused as a conflict. */
  setCompendium: method<CompendiumView>()(z.object({ draft: compendiumDraft, base: compendiumDraft.nullable().optional() }).strict()),
  exportCompendium: method<ExportJob>()(z.object({ format: z.enum(['docx', 'md']) }).strict()),
  getRubric: method<Rubric>()(none),
  /** `base`: the rubric the edit was made from: another writer's save since is merged with it, or refused as a conflict. */
  setRubric: method<Rubric>()(z.object({ rubric, base: rubric.optional() }).strict()),
  getSchema: method<LabelSchema>()(none),
  /** `base`: the schema the edit was made from: another writer's save since is merged with it, or refused as a conflict. */
  setSchema: method<LabelSchema>()(z.object({ schema: editableLabelSchema, base: labelSchema.optional() }).strict()),

  search: method<SearchHit[]>()(z.object({ query: z.string().min(1).max(200), limit: z.number().int().min(1).max(1000).optional(), documentId: id.optional() }).strict()),

  startExport: method<ExportJob>()(z.object({ format: z.string().min(1).max(20), reviewers: z.array(reviewerName).max(50).optional() }).strict()),
  exportStatus: method<ExportJob>()(z.object({ jobId: id }).strict()),

  importAnnotations: method<ImportReport>()(z.object({ content: z.string().max(50_000_000), reviewer: reviewerName.optional(), fileName: z.string().max(300).optional() }).strict()),

  stats: method<Stats>()(none),

  // ---- a folder shared by several writers (other processes, file sync, git) ----
  /** What other writers changed since `since` (0 at first): the workbench asks on focus and refreshes what it shows. */
  changesSince: method<ExternalChanges>()(z.object({ since: z.number().int().nonnegative() }).strict()),
  /** Texts stored as revisions of a case that did not become its text (another writer's revision came first). */
  listRevisionConflicts: method<RevisionConflict[]>()(z.object({ caseId: id.optional() }).strict()),
  /** Apply a revision conflict's text as a new revision on the current one, or discard it (it stays in its file, marked). */
  /** Copies of project files file sync (Syncthing, Dropbox, OneDrive) or a git merge left, for a person to resolve. */
  listFileConflicts: method<FileConflict[]>()(none),
  /** Keep the file in place, the copy, or both merged where that is safe; the version not kept goes to backups/conflicts/. */
  resolveFileConflict: method<FileConflictResolution>()(z.object({ id: z.string().min(1).max(1000), keep: z.enum(['current', 'copy', 'merge']) }).strict()),
  resolveRevisionConflict: method<{ caseId: string; revision: number; applied?: string; discarded?: string; report?: ReanchorReport }>()(
    z.object({ caseId: id, id: z.string().min(1).max(300), action: z.enum(['apply', 'discard']) }).strict(),
  ),

  // ---- adding texts, and correcting the outline the loader found (shared/outline) ----
  /** Load files sent by the page (base64) and show their outlines; nothing is written. `target`: the open project, or a new one. */
  previewImport: method<ImportPreview>()(
    z
      .object({
        files: z
          .array(z.object({ name: z.string().min(1).max(300), content: z.string().max(MAX_INPUT_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'file content must be base64') }).strict())
          .min(1)
          .max(MAX_PREVIEW_FILES)
          // The files wait in memory until the import: together, at most what one load takes.
          .refine((files) => files.reduce((n, f) => n + f.content.length, 0) <= MAX_INPUT_BASE64, { message: `the files together are larger than the ${MAX_INPUT_BYTES / 1048576} MiB casebench reads at once: add them in more than one go` }),
        target: z.enum(['open', 'new']),
      })
      .strict(),
  ),
  /** The files being read right now (a long PDF, page by page): poll it while previewImport runs. */
  loadProgress: method<LoadProgress[]>()(none),
  /** Correct one previewed file's outline: one edit more, or its whole list of corrections (undo, redo). */
  editImport: method<OutlineView>()(z.object({ draftId: id, document: z.number().int().nonnegative(), edit: outlineEdit.optional(), corrections: correctionList.optional() }).strict()),
  /** Write the previewed files, with their corrections: into the open project, or into a new project in `dir`. */
  commitImport: method<ProjectInfo>()(z.object({ draftId: id, corrections: z.array(correctionList).max(MAX_PREVIEW_FILES).optional(), dir: z.string().min(1).max(4096).optional(), name: z.string().trim().min(1).max(200).optional() }).strict()),
  /** A project document's outline now: cases, top-level sections, the loader's warnings at their place, the corrections. */
  getOutline: method<OutlineView>()(z.object({ documentId: id }).strict()),
  /** Correct a project document's outline (one undoable step); annotations, scores and suggestions go where their text goes. */
  correctOutline: method<OutlineChange>()(
    z
      .object({
        documentId: id,
        edit: outlineEdit,
        /**
         * The outline the edit was made on (how many corrections it had, the last one's id, its
         * cases in order): an edit that no longer fits because another workbench changed the
         * outline since is refused as a conflict.
         */
        seen: z.object({ corrections: z.number().int().nonnegative(), last: z.string().max(64).nullable(), cases: z.array(z.string().max(64)).max(100_000).optional() }).strict().optional(),
      })
      .strict(),
  ),
  /** Load a document's source again with the current loader and apply its corrections (or these, in their place). */
  reloadDocument: method<ReloadReport>()(z.object({ documentId: id, corrections: correctionList.optional() }).strict()),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<K extends MethodName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends MethodName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends MethodName> = NonNullable<Contract[K]['output']>;

/** What the UI holds: one async function per method. Both transports build one of these. */
export type ApiClient = { [K in MethodName]: (input: InputOf<K>) => Promise<OutputOf<K>> };

/** What main/ implements: the same functions, given validated input. */
export type ApiHandlers = { [K in MethodName]: (input: ParsedInputOf<K>) => Promise<OutputOf<K>> };

/** Methods about which project is open: the host's workbench answers them, not a project. */
export type HostMethod = 'recentProjects' | 'openProject' | 'createProject' | 'chooseFolder' | 'previewImport' | 'editImport' | 'commitImport' | 'loadProgress';

/** What one open project's services implement. */
export type ProjectHandlers = Omit<ApiHandlers, HostMethod>;

export { textQuote };
