import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../shared/api/errors.ts';
import { defaultLabelSchema, type LabelSchema } from '../../shared/model/labels.ts';
import { defaultRubric, type Rubric } from '../../shared/model/rubric.ts';
import type { RecoveryNote } from '../../shared/api/types.ts';
import { Backups } from './backups.ts';
import { writeFileDurably } from './atomic-write.ts';
import { checkProjectFolders, readFileNoFollow } from './inside-project.ts';
import { ProjectError } from './project-error.ts';
import { removeStaleTemps } from './stale-temps.ts';
import { KnownFiles } from './known-files.ts';
import { DurableJsonFile, parseFileText, type FileKind } from './durable-json-file.ts';
import { PathQueue } from './path-queue.ts';
import { SharedFile } from './shared-file.ts';
import { withFileLock } from './file-lock.ts';
import { ChangeLog } from './change-log.ts';
import { FolderWatch } from './folder-watch.ts';
import { RevisionFiles } from './revision-files.ts';
import {
  FILE_KINDS,
  SAFE_FILE_ID,
  type CaseFile,
  type CaseRecord,
  type DocumentRecord,
  type DocumentsFile,
  type CompendiumFile,
  type ProjectFile,
  type RubricFile,
  type ReviewerCase,
  type ReviewerFile,
  type SchemaFile,
  type SpansFile,
  type SpansFloor,
  type SuggestionsFile,
  type LayoutFile,
  type OutlineFile,
} from './file-kinds.ts';

export { ProjectError };

/** A case changed by another writer after a change of it was worked out (see putCases). */
export class RevisedMeanwhileError extends Error {
  constructor(
    readonly caseId: string,
    readonly latest: { revision: number; author: string; createdAt: string },
  ) {
    super(`case ${caseId} was revised meanwhile (revision ${latest.revision}, by ${latest.author}): nothing of this change was written to it`);
    this.name = 'RevisedMeanwhileError';
  }
}

const now = () => new Date().toISOString();

/** How long a reviewer's index changes that the shards can give back wait to be written together (see deferReviewerCase). */
const INDEX_DELAY_MS = 200;

/**
 * A project folder on disk: every read and write of project data goes through here. Files are
 * read and written through the DurableJsonFile adapter (lowdb's file format), each one shared
 * by every casebench process on the folder (SharedFile: a change is applied under the file's
 * lock to its newest version, so two writers never lose each other's work). The corpus, the
 * schema and each reviewer's index are read when the project opens; a reviewer's spans are
 * sharded per case and read on first use, so opening stays fast however many annotations there are.
 */
export class ProjectStore {
  readonly recovered: RecoveryNote[] = [];
  /** Files another writer changed, as this process noticed them (for the workbench to refresh what it shows). */
  readonly changes = new ChangeLog();
  private readonly backups: Backups;
  /** One read-check-write of a file at a time in this process. */
  private readonly queue = new PathQueue();
  private project!: SharedFile<ProjectFile>;
  private schemaDb!: SharedFile<SchemaFile>;
  private rubricDb!: SharedFile<RubricFile>;
  private compendiumDb: SharedFile<CompendiumFile> | null = null;
  private documentsDb!: SharedFile<DocumentsFile>;
  private readonly caseDbs = new Map<string, SharedFile<CaseFile>>();
  private readonly reviewerDbs = new Map<string, SharedFile<ReviewerFile>>();
  private readonly spanDbs = new Map<string, Promise<SharedFile<SpansFile>>>();
  /** Every file opened, by path: a change the folder watch reports is looked up here. */
  private readonly byPath = new Map<string, OpenFile>();
  private watcher: FolderWatch | null = null;
  private lastSweep = 0;
  /** Every revision text stored, in files never replaced (see revision-files.ts). */
  readonly revisionFiles: RevisionFiles;

  /** Versions of the project's files this machine found valid (see known-files.ts); null: none kept. */
  private known: KnownFiles | null = null;
  /** The same record for reads that do not add to it (see KnownFiles.lookingOnly). */
  private knownLooking: KnownFiles | null = null;
  private savingKnown: Promise<void> | null = null;
  /** Whose files this workbench writes (the reviewer at work), as last told by refreshReviewers. */
  private writer: string | null = null;

  private constructor(readonly dir: string) {
    this.backups = new Backups(dir);
    this.revisionFiles = new RevisionFiles(dir);
  }

  /**
   * Create a project in `dir` (which must not hold one already). A folder that holds files by the
   * names of a project's own is refused: casebench never overwrites a file it did not make. A
   * `.gitattributes` already there is the folder's own and is left as it is.
   */
  static async create(dir: string, name?: string): Promise<ProjectStore> {
    const root = resolve(dir);
    if (await exists(join(root, 'casebench.json'))) throw new ProjectError('exists', `${root} already holds a casebench project`);
    const theirs = [];
    for (const own of PROJECT_ENTRIES) if (await exists(join(root, own))) theirs.push(own);
    if (theirs.length) throw new ProjectError('invalid', `${root} holds ${theirs.join(', ')}, which casebench did not make and would overwrite; create the project in an empty or new folder`);
    await mkdir(join(root, 'corpus', 'cases'), { recursive: true });
    await mkdir(join(root, 'reviews'), { recursive: true });
    const store = new ProjectStore(root);
    const projectFile: ProjectFile = { schemaVersion: 1, id: randomUUID(), name: name ?? basename(root), createdAt: now() };
    store.project = store.low(join(root, 'casebench.json'), FILE_KINDS.project, () => projectFile);
    store.schemaDb = store.low(join(root, 'schema.json'), FILE_KINDS.schema, () => ({ schemaVersion: 1, ...defaultLabelSchema() }));
    store.rubricDb = store.low(join(root, 'rubric.json'), FILE_KINDS.rubric, () => ({ schemaVersion: 1, ...defaultRubric() }));
    store.documentsDb = store.low(join(root, 'corpus', 'documents.json'), FILE_KINDS.documents, () => ({ schemaVersion: 1, documents: [] }));
    // 'wx': only where there is none (the folder's own, or a git repository's, stays as it was).
    await writeFile(join(root, '.gitattributes'), '*.json text eol=lf\nsources/** binary\n', { flag: 'wx' }).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw e;
    });
    await Promise.all([store.project.update(noChange), store.schemaDb.update(noChange), store.rubricDb.update(noChange), store.documentsDb.update(noChange)]);
    return store;
  }

  /**
   * Open the project in `dir`, reading the corpus, the schema and every reviewer's index.
   * `knownFiles`: where this machine keeps which versions of the project's files it found valid
   * (see known-files.ts); without it every file is checked in full.
   */
  static async open(dir: string, options: { knownFiles?: string } = {}): Promise<ProjectStore> {
    const root = resolve(dir);
    const store = new ProjectStore(root);
    if (options.knownFiles) {
      store.known = KnownFiles.load(options.knownFiles);
      store.knownLooking = store.known.lookingOnly();
    }
    // A folder of the project that leads elsewhere (a link) stops the opening: nothing is read or written through it.
    await checkProjectFolders(root);
    // Before anything is read or written. (Done in the background of the opening, a tenth of a
    // large library's opening, it made the two-writers crash test's loss of outlined spans under
    // load likelier: 2 of 16 runs, 0 of 24 this way. That race is not understood yet.)
    await removeProjectTemps(root);
    store.project = await store.readRequired(join(root, 'casebench.json'), FILE_KINDS.project, `${root} is not a casebench project (no casebench.json); create one with \`casebench init\``);
    store.schemaDb = await store.readOrDefault(join(root, 'schema.json'), FILE_KINDS.schema, () => ({ schemaVersion: 1, ...defaultLabelSchema() }));
    store.rubricDb = await store.readOrDefault(join(root, 'rubric.json'), FILE_KINDS.rubric, () => ({ schemaVersion: 1, ...defaultRubric() }));
    store.documentsDb = await store.readOrDefault(join(root, 'corpus', 'documents.json'), FILE_KINDS.documents, () => ({ schemaVersion: 1, documents: [] }));
    await store.readListedCases();
    let entries: string[] = [];
    try {
      entries = await readdir(join(root, 'reviews'));
    } catch {
      // no reviews yet
    }
    const indexes = new Map<string, number>();
    await Promise.all(
      entries.map(async (n) => {
        if (!n.endsWith('.json')) return;
        const reviewer = n.slice(0, -'.json'.length);
        if (!SAFE_FILE_ID.test(reviewer)) return;
        const db = await store.readOrDefault(store.reviewerPath(reviewer), FILE_KINDS.reviewer, () => emptyReviewer(reviewer));
        store.reviewerDbs.set(reviewer, db);
        indexes.set(reviewer, db.adapter.lastStamp?.mtimeMs ?? 0);
      }),
    );
    // Span folders too, with or without an index: a crash may have kept the index from being written at all.
    const withSpans = entries.filter((n) => n.endsWith('.spans')).map((n) => n.slice(0, -'.spans'.length));
    await Promise.all([...new Set([...indexes.keys(), ...withSpans])].filter((r) => SAFE_FILE_ID.test(r)).map((r) => store.repairCounts(r, indexes.get(r) ?? 0)));
    // What this opening found valid, for the next (in the background; flush waits for it).
    store.savingKnown = store.known?.save() ?? null;
    return store;
  }

  // ---- project, schema and corpus ----

  get info(): ProjectFile {
    return this.project.data;
  }

  get schema(): LabelSchema {
    const { schemaVersion: _v, ...schema } = this.schemaDb.data;
    return schema;
  }

  async setSchema(schema: LabelSchema): Promise<void> {
    await this.updateSchema(() => schema);
  }

  /** Change the schema with `change`, given the schema on disk now (another writer's, if one wrote it since). */
  async updateSchema(change: (current: LabelSchema) => LabelSchema): Promise<LabelSchema> {
    await this.schemaDb.update((d) => ({ schemaVersion: 1, ...change(withoutVersion(d)) }));
    return this.schema;
  }

  get rubric(): Rubric {
    const { schemaVersion: _v, ...rubric } = this.rubricDb.data;
    return rubric;
  }

  async setRubric(rubric: Rubric): Promise<void> {
    await this.updateRubric(() => rubric);
  }

  /** Change the rubric with `change`, given the rubric on disk now. */
  async updateRubric(change: (current: Rubric) => Rubric): Promise<Rubric> {
    await this.rubricDb.update((d) => ({ schemaVersion: 1, ...change(withoutVersion(d)) }));
    return this.rubric;
  }

  /** The compendium draft (read on first use: only editors need it). */
  async compendium(): Promise<CompendiumFile['draft']> {
    return (await this.compendiumFile()).data.draft;
  }

  async setCompendium(draft: CompendiumFile['draft']): Promise<void> {
    await this.updateCompendium(() => draft);
  }

  /** Change the compendium draft with `change`, given the draft on disk now. */
  async updateCompendium(change: (current: CompendiumFile['draft']) => CompendiumFile['draft']): Promise<CompendiumFile['draft']> {
    const db = await this.compendiumFile();
    return (await db.update((d) => ({ schemaVersion: 1, draft: change(d.draft) }))).draft;
  }

  private async compendiumFile(): Promise<SharedFile<CompendiumFile>> {
    if (!this.compendiumDb) {
      this.compendiumDb = await this.readOrDefault<CompendiumFile>(join(this.dir, 'compendium.json'), FILE_KINDS.compendium, () => ({ schemaVersion: 1, draft: null }));
      return this.compendiumDb;
    }
    await this.compendiumDb.refresh();
    return this.compendiumDb;
  }

  get documents(): readonly DocumentRecord[] {
    return this.documentsDb.data.documents;
  }

  /**
   * The listed cases whose records are read. The document list may be ahead of them for a moment:
   * a write of it reads in another writer's version first (a document they added), and its case
   * files are read just after (readListedCases).
   */
  get caseIds(): string[] {
    return this.documents.flatMap((d) => d.caseIds.filter((id) => this.caseDbs.has(id)));
  }

  getCase(id: string): CaseRecord | undefined {
    return this.caseDbs.get(id)?.data.case;
  }

  /** Add a loaded document and its cases; the original file is kept in sources/. */
  async addDocument(doc: Omit<DocumentRecord, 'source' | 'importedAt'>, cases: CaseRecord[], source: { bytes: Uint8Array; name: string } | null): Promise<DocumentRecord> {
    if (this.documents.some((d) => d.id === doc.id)) throw new ProjectError('exists', `a document with id "${doc.id}" is already in the project`);
    for (const c of cases) {
      if (!SAFE_FILE_ID.test(c.id)) throw new ProjectError('invalid', `case id "${c.id}" cannot be used as a file name`);
      if (this.caseDbs.has(c.id)) throw new ProjectError('exists', `a case with id "${c.id}" is already in the project`);
    }
    let sourcePath: string | null = null;
    if (source) {
      await mkdir(join(this.dir, 'sources'), { recursive: true });
      // Never over a file already there (the folder's own, or one a crash left unlisted): the next free name.
      const ext = extname(source.name) || '.txt';
      for (let n = 1; sourcePath === null; n++) {
        const candidate = `sources/${doc.id}${n === 1 ? '' : `-${n}`}${ext}`;
        const written = await writeFile(join(this.dir, candidate), source.bytes, { flag: 'wx' }).then(
          () => true,
          (e: NodeJS.ErrnoException) => {
            if (e.code !== 'EEXIST' || n >= 1000) throw e;
            return false;
          },
        );
        if (written) sourcePath = candidate;
      }
    }
    // Only new files: a case file another casebench wrote meanwhile is not replaced (the import fails instead).
    await Promise.all(
      cases.map(async (c) => {
        const data: CaseFile = { schemaVersion: 1, case: c };
        const db = this.low<CaseFile>(this.casePath(c.id), FILE_KINDS.case, () => data);
        await db.create(data);
        this.caseDbs.set(c.id, db);
      }),
    );
    const record: DocumentRecord = { ...doc, source: sourcePath, importedAt: now() };
    await this.documentsDb.update((d) => {
      if (d.documents.some((x) => x.id === doc.id)) throw new ProjectError('exists', `a document with id "${doc.id}" was added to the project meanwhile (by another casebench)`);
      d.documents.push(record);
    });
    // Another writer's documents, read in with the list, come with their cases.
    await this.readListedCases();
    return record;
  }

  /**
   * Change a case record with `fn`, given the record on disk now (another writer's revision, if
   * one was stored since: `fn` checks it still applies, and throws before changing anything if not).
   */
  async updateCase(id: string, fn: (c: CaseRecord) => void): Promise<CaseRecord> {
    const db = this.caseDbs.get(id);
    if (!db) throw new ProjectError('not-found', `no case "${id}" in this project`);
    // A changed copy replaces the record, never the record changed in place: a record that is
    // the same object is the same case (the case summaries' cache relies on it), and a change
    // that throws halfway leaves nothing of itself.
    await db.update((d) => {
      const next = structuredClone(d.case);
      fn(next);
      return { ...d, case: next };
    });
    return db.data.case;
  }

  /** Read a case file again if another writer changed it; whether it changed. */
  async refreshCase(id: string): Promise<boolean> {
    return (await this.caseDbs.get(id)?.refresh()) ?? false;
  }

  /** Read the case files documents.json lists that are not read yet (at open, and when another writer added some). */
  async readListedCases(): Promise<void> {
    const listed = new Set(this.documentsDb.data.documents.flatMap((d) => d.caseIds));
    await Promise.all(
      [...listed]
        .filter((id) => !this.caseDbs.has(id))
        .map(async (id) => {
          const db = await this.readRequired<CaseFile>(this.casePath(id), FILE_KINDS.case, `the case file corpus/cases/${id}.json listed in corpus/documents.json is missing`);
          this.caseDbs.set(id, db);
        }),
    );
    // Retired by another writer (an outline correction): out of the project here too. Only cases
    // the list named before: a new case written here is not listed until its document says so.
    for (const id of this.caseDbs.keys()) {
      if (listed.has(id) || !this.listedIds.has(id)) continue;
      this.retiredDbs.push(this.caseDbs.get(id)!);
      this.caseDbs.delete(id);
    }
    this.listedIds = listed;
  }

  /** The cases the document list named when last read in (see readListedCases). */
  private listedIds = new Set<string>();

  // ---- outline corrections (see main/services/outline) ----

  private readonly outlineDbs = new Map<string, SharedFile<OutlineFile>>();
  private readonly retiredDbs: Array<SharedFile<CaseFile>> = [];

  /** A document's outline corrections, or null when it has none yet (read on first use). */
  async outline(documentId: string): Promise<OutlineFile | null> {
    return (await this.outlineDb(documentId)).data;
  }

  /**
   * Run `task` as the one change of a document's outline under way (a correction, a reload, the
   * undo of one), in this process and in every other on the folder: it reads the document's
   * outline, cases and reviews, works out a new outline and writes several files from what it
   * read, so two at once would each write over the other's. Other writers' changes are read in
   * first, so the task starts from the newest state.
   *
   * A change writes several files one after another, so a kill between them leaves the document
   * half changed (its case list ahead of its corrections). A marker file says a change is under
   * way; one found at the start of the next change was interrupted, and `repair` (a reload of the
   * document from its source and corrections) makes the document whole again before it. A task
   * that fails having written nothing (`refused` says which errors) clears the marker; one that
   * fails otherwise leaves it, and a change with no repair to make (an undo) keeps one it found.
   */
  async withDocumentLock<T>(documentId: string, task: () => Promise<T>, options: { repair?: (journal: unknown) => Promise<unknown>; refused?: (e: unknown) => boolean; timeoutMs?: number } = {}): Promise<T> {
    const target = this.changeMarker(documentId);
    // Held for a whole change (seconds on a large document), not one write: a lock of a live owner is never broken, one of a dead owner at once.
    return this.queue.run(target, () =>
      withFileLock(
        target,
        async () => {
          await this.syncExternalChanges();
          // Found with no repair to make (an undo): it stays for the next change that can.
          const found = await readMarker(target);
          let interrupted = found !== undefined;
          if (interrupted && options.repair) {
            await options.repair(found);
            interrupted = false;
          }
          await mkdir(dirname(target), { recursive: true });
          await writeFileDurably(target, JSON.stringify({ pid: process.pid, startedAt: now() }));
          let result: T;
          try {
            result = await task();
          } catch (e) {
            if (!interrupted && options.refused?.(e)) await rm(target, { force: true });
            throw e;
          }
          if (!interrupted) await rm(target, { force: true });
          return result;
        },
        { timeoutMs: options.timeoutMs ?? 120_000, staleMs: 300_000 },
      ),
    );
  }

  /** The documents with a change marker in the folder: changes under way, or interrupted by a kill. */
  async changesUnderWay(): Promise<string[]> {
    const names = await readdir(join(this.dir, 'corpus', 'outline')).catch(() => [] as string[]);
    return names.filter((n) => n.endsWith('.changing')).map((n) => n.slice(0, -'.changing'.length)).filter((id) => SAFE_FILE_ID.test(id) && this.documents.some((d) => d.id === id));
  }

  /**
   * Say what the change under way (inside withDocumentLock) is about to write, before its first
   * write: a kill in it is then finished from this by the next change (its `repair`), rather
   * than guessed from what the files hold.
   */
  async journalDocumentChange(documentId: string, journal: Record<string, unknown>): Promise<void> {
    await writeFileDurably(this.changeMarker(documentId), JSON.stringify({ pid: process.pid, startedAt: now(), journal }));
  }

  private changeMarker(documentId: string): string {
    if (!SAFE_FILE_ID.test(documentId)) throw new ProjectError('invalid', `document id "${documentId}" cannot be used as a file name`);
    return join(this.dir, 'corpus', 'outline', `${documentId}.changing`);
  }

  async setOutline(documentId: string, data: OutlineFile): Promise<void> {
    const db = await this.outlineDb(documentId);
    await db.update(() => data);
  }

  private async outlineDb(documentId: string): Promise<SharedFile<OutlineFile>> {
    if (!SAFE_FILE_ID.test(documentId)) throw new ProjectError('invalid', `document id "${documentId}" cannot be used as a file name`);
    let db = this.outlineDbs.get(documentId);
    if (!db) {
      db = await this.readOrDefault<OutlineFile>(join(this.dir, 'corpus', 'outline', `${documentId}.json`), FILE_KINDS.outline, () => null as unknown as OutlineFile);
      this.outlineDbs.set(documentId, db);
    } else await db.refresh();
    return db;
  }

  // ---- page layout of paged sources (PDF): corpus/layout/<document>.json ----

  private readonly layoutDbs = new Map<string, SharedFile<LayoutFile>>();

  /** A document's decoded text and page geometry, or null for a source without pages (read on first use). */
  async layout(documentId: string): Promise<LayoutFile | null> {
    return (await this.layoutDb(documentId)).data;
  }

  async setLayout(documentId: string, data: LayoutFile): Promise<void> {
    const db = await this.layoutDb(documentId);
    await db.update(() => data);
  }

  private async layoutDb(documentId: string): Promise<SharedFile<LayoutFile>> {
    if (!SAFE_FILE_ID.test(documentId)) throw new ProjectError('invalid', `document id "${documentId}" cannot be used as a file name`);
    let db = this.layoutDbs.get(documentId);
    if (!db) {
      db = await this.readOrDefault<LayoutFile>(join(this.dir, 'corpus', 'layout', `${documentId}.json`), FILE_KINDS.layout, () => null as unknown as LayoutFile);
      this.layoutDbs.set(documentId, db);
    }
    return db;
  }

  /** Whether a case file is in the folder, listed or not (a retired case keeps its file). */
  hasCaseFile(id: string): boolean {
    return this.caseDbs.has(id) || existsSync(this.casePath(id));
  }

  /**
   * Write case records, new or replacing; a new one is not listed in its document until
   * setDocumentCases says. `revisionsRead`: how many revisions each replaced case had when the
   * record was worked out from it; a case revised since (by another writer) is not replaced,
   * and the call fails with a conflict.
   */
  async putCases(records: readonly CaseRecord[], revisionsRead?: ReadonlyMap<string, number>): Promise<void> {
    await Promise.all(
      records.map((c) => {
        if (!SAFE_FILE_ID.test(c.id)) throw new ProjectError('invalid', `case id "${c.id}" cannot be used as a file name`);
        const data: CaseFile = { schemaVersion: 1, case: c };
        let db = this.caseDbs.get(c.id);
        if (!db) this.caseDbs.set(c.id, (db = this.low<CaseFile>(this.casePath(c.id), FILE_KINDS.case, () => data)));
        const read = revisionsRead?.get(c.id);
        return db.update((d) => {
          if (read !== undefined && d && d.case.revisions.length !== read) throw new RevisedMeanwhileError(c.id, d.case.revisions.at(-1)!);
          return data;
        });
      }),
    );
  }

  /**
   * Set which cases a document lists, in order, with what the loader said of it. A case no
   * longer listed is retired: its file stays in the folder (nothing is deleted), the project no
   * longer shows it.
   */
  async setDocumentCases(documentId: string, caseIds: readonly string[], patch: Partial<Pick<DocumentRecord, 'format' | 'warnings' | 'confidence'>> = {}): Promise<void> {
    if (!this.documentsDb.data.documents.some((d) => d.id === documentId)) throw new ProjectError('not-found', `no document "${documentId}" in this project`);
    const missing = caseIds.filter((id) => !this.caseDbs.has(id));
    if (missing.length) throw new ProjectError('not-found', `no case record ${missing.join(', ')} to list in ${documentId}`);
    const listed = new Set(caseIds);
    let was: string[] = [];
    await this.documentsDb.update((d) => {
      const doc = d.documents.find((x) => x.id === documentId);
      if (!doc) throw new ProjectError('not-found', `document "${documentId}" was removed from the project meanwhile (by another casebench)`);
      was = doc.caseIds;
      Object.assign(doc, patch, { caseIds: [...caseIds] });
    });
    await this.readListedCases();
    for (const id of was) {
      const db = this.caseDbs.get(id);
      if (listed.has(id) || !db) continue;
      // Out of the project, but its last write still goes to disk before a flush returns.
      this.retiredDbs.push(db);
      this.caseDbs.delete(id);
    }
  }

  /** Replace a reviewer's whole state of a case, or remove it (undefined). */
  async setReviewerCase(name: string, caseId: string, rc: ReviewerCase | undefined): Promise<void> {
    const db = this.ensureReviewer(name);
    await db.update((d) => {
      if (rc) d.cases[caseId] = rc;
      else delete d.cases[caseId];
    });
  }

  // ---- reviewers ----

  /**
   * Pick up reviewers' work written since it was read by other writers: new reviewer files, and
   * files that changed (a teammate's file arriving through a sync folder or git, another window
   * of the same reviewer, an import through another workbench).
   */
  async refreshReviewers(writer: string | null): Promise<void> {
    this.writer = writer;
    let names: string[];
    try {
      names = (await readdir(join(this.dir, 'reviews'))).filter((n) => n.endsWith('.json'));
    } catch {
      return;
    }
    await Promise.all(
      names.map(async (n) => {
        const reviewer = n.slice(0, -'.json'.length);
        // The writer's own file too: the same reviewer may work in two windows, or be imported for through another's.
        if (!SAFE_FILE_ID.test(reviewer)) return;
        const known = this.reviewerDbs.get(reviewer);
        if (known && !(await known.refresh())) return;
        const db = known ?? (await this.readOrDefault(this.reviewerPath(reviewer), FILE_KINDS.reviewer, () => emptyReviewer(reviewer)));
        this.reviewerDbs.set(reviewer, db);
        await this.repairCounts(reviewer, db.adapter.lastStamp?.mtimeMs ?? 0);
      }),
    );
    // Counts of the writer's own repaired at open: its index is written now that it is known.
    if (writer && this.repaired.has(writer)) await this.writeRepair(writer);
  }

  /** Write a reviewer's counts repaired in memory (see repairCounts), applied again to the index on disk now. */
  private async writeRepair(reviewer: string): Promise<void> {
    const counts = this.repaired.get(reviewer);
    this.repaired.delete(reviewer);
    if (!counts) return;
    await this.ensureReviewer(reviewer).update((d) => {
      for (const [caseId, c] of counts) d.cases[caseId] = { ...entryOrEmpty(d.cases[caseId]), ...c };
    });
  }

  /** Reviewers whose counts were repaired in memory only, and the counts; each one's own workbench writes the repair. */
  private readonly repaired = new Map<string, Map<string, SpanCounts & Pick<ReviewerCase, 'spansRevision' | 'status'>>>();

  /**
   * A span save writes the shard, then the counts in the reviewer's index; a crash between the
   * two leaves the index behind. Shards written since the index was (`indexMtime`) are counted
   * again, and the index corrected in memory: the case list and the statistics are right before
   * anyone opens the case. The repaired index is written by its reviewer's own workbench.
   */
  private async repairCounts(reviewer: string, indexMtime: number): Promise<void> {
    const folder = join(this.dir, 'reviews', `${reviewer}.spans`);
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      return;
    }
    await Promise.all(
      names.map(async (n) => {
        const caseId = n.endsWith('.json') ? n.slice(0, -'.json'.length) : '';
        if (!SAFE_FILE_ID.test(caseId)) return;
        // One stat per shard, at once: tens of thousands of them through the thread pool took seconds.
        const mtime = statSync(join(folder, n), { throwIfNoEntry: false })?.mtimeMs;
        // Equal times count as later: a file system that keeps seconds cannot tell them apart.
        if (mtime === undefined || mtime < indexMtime) return;
        const before = this.reviewerCase(reviewer, caseId);
        const cached = before && { ...before };
        // Read to count, not kept open: after a git checkout or a copy every shard can look newer
        // than the index, and keeping them all in memory took gigabytes in a large library. A
        // shard that does not read as one (corrupt, a link) is opened, which sets it aside and says so.
        let spans = this.hasOpenShard(reviewer, caseId) ? null : this.readShardQuietly(reviewer, caseId);
        if (!spans) {
          const shard = await this.spanDb(reviewer, caseId);
          if (shard.adapter.setAsideAs !== null) return; // counted by spanDb
          spans = shard.data.spans;
        }
        const counts = countsOf(spans);
        // A span saved after the index was written moved the case to 在审 (see ProjectService.markStarted).
        const started = counts.spanCount + counts.orphanCount > 0 && (!cached?.status || cached.status === 'todo');
        if (!started && (cached ? sameCounts(cached, counts) : counts.spanCount + counts.orphanCount === 0)) return;
        const db = this.ensureReviewer(reviewer);
        db.data.cases[caseId] = { ...entryOrEmpty(db.data.cases[caseId]), ...counts, ...(started && reviewer !== 'consensus' ? { status: 'in-progress' as const } : {}) };
        let mine = this.repaired.get(reviewer);
        if (!mine) this.repaired.set(reviewer, (mine = new Map()));
        mine.set(caseId, { ...counts, ...(started && reviewer !== 'consensus' ? { status: 'in-progress' as const } : {}) });
      }),
    );
  }

  /** A shard's spans read from disk, unopened: null when it is not there or does not read as a shard (the caller opens it then). */
  private readShardQuietly(reviewer: string, caseId: string): SpansFile['spans'] | null {
    const path = this.shardPath(reviewer, caseId);
    try {
      const parsed = parseFileText(FILE_KINDS.spans, readFileNoFollow(path).text, relative(this.dir, path));
      return parsed.ok ? parsed.value.spans : null;
    } catch {
      return null;
    }
  }

  get reviewers(): string[] {
    return [...this.reviewerDbs.keys()].sort();
  }

  reviewer(name: string): ReviewerFile | undefined {
    return this.reviewerDbs.get(name)?.data;
  }

  reviewerCase(name: string, caseId: string): ReviewerCase | undefined {
    return this.reviewerDbs.get(name)?.data.cases[caseId];
  }

  /**
   * Take a reviewer's files out of the project — reviews/<name>.json and reviews/<name>.spans/ —
   * after their last writes, for a reviewer removed (they had no work) or renamed (their work was
   * written under the new name first). Their last versions stay in backups/.
   */
  async dropReviewerFiles(name: string): Promise<void> {
    if (!SAFE_FILE_ID.test(name)) throw new ProjectError('invalid', `"${name}" cannot be used as a reviewer name`);
    await this.flush();
    const index = this.reviewerPath(name);
    const shards = join(this.dir, 'reviews', `${name}.spans`);
    this.reviewerDbs.delete(name);
    this.repaired.delete(name);
    for (const key of this.spanDbs.keys()) if (key.startsWith(`${name}\u0000`)) this.spanDbs.delete(key);
    for (const path of this.byPath.keys()) if (path === index || path.startsWith(shards + sep)) this.byPath.delete(path);
    await rm(shards, { recursive: true, force: true });
    await rm(index, { force: true });
  }

  /**
   * Change a reviewer's per-case state; creates the reviewer's file on first use. The entry is
   * replaced by a changed copy, never changed in place (as everywhere here): an entry object
   * that is the same one is the same state, which the case summaries' cache relies on.
   */
  async updateReviewerCase(name: string, caseId: string, fn: (c: ReviewerCase) => void): Promise<ReviewerCase> {
    const db = this.ensureReviewer(name);
    await db.update((d) => {
      const c = { ...entryOrEmpty(d.cases[caseId]) };
      fn(c);
      d.cases[caseId] = c;
    });
    return db.data.cases[caseId]!;
  }

  /**
   * Change a reviewer's entry for a case at once in memory, and in the index on disk within
   * `INDEX_DELAY_MS`, with every other change so made meanwhile: a reviewer's index holds every
   * case (a megabyte or more in a library of thousands), and writing it whole on every span saved
   * made saves slow. Only what the shards can give back goes this way (counts, 在审 on a first
   * span: see repairCounts); a change of the index's own (a score, a status set by hand) is
   * written at once with updateReviewerCase. flush() writes what is waiting.
   */
  deferReviewerCase(name: string, caseId: string, fn: (c: ReviewerCase) => void): void {
    const db = this.ensureReviewer(name);
    applyToEntry(db.data, caseId, [fn]);
    let cases = this.deferredIndex.get(name);
    if (!cases) this.deferredIndex.set(name, (cases = new Map()));
    cases.set(caseId, [...(cases.get(caseId) ?? []), fn]);
    this.indexTimer ??= setTimeout(() => {
      this.indexTimer = null;
      // A write from a timer has no caller to tell: a failure (a full disk) is noted, never left
      // to end the process. The counts are a cache of the shards, worked out again at open.
      this.indexFlush = this.writeDeferredIndexes()
        .catch((e: unknown) => {
          this.recovered.push({ file: 'reviews', message: `the reviewers' span counts could not be written (${e instanceof Error ? e.message : String(e)}); they are worked out again from the span files when the project is next opened`, at: now() });
        })
        .finally(() => (this.indexFlush = null));
    }, INDEX_DELAY_MS);
    this.indexTimer.unref?.();
  }

  private readonly deferredIndex = new Map<string, Map<string, Array<(c: ReviewerCase) => void>>>();
  private indexTimer: ReturnType<typeof setTimeout> | null = null;
  private indexFlush: Promise<void> | null = null;

  /** Write the index changes deferReviewerCase is holding (applied again to the index as it is on disk). */
  private async writeDeferredIndexes(): Promise<void> {
    if (this.indexTimer) clearTimeout(this.indexTimer);
    this.indexTimer = null;
    const pending = [...this.deferredIndex];
    this.deferredIndex.clear();
    await Promise.all(
      pending.map(([name, cases]) =>
        this.ensureReviewer(name).update((d) => {
          for (const [caseId, fns] of cases) applyToEntry(d, caseId, fns);
        }),
      ),
    );
  }

  async ensureReviewerFile(name: string): Promise<void> {
    const existed = this.reviewerDbs.has(name);
    const db = this.ensureReviewer(name);
    // A new reviewer's file (unless another writer made it meanwhile: then it is read), or one
    // whose counts were repaired at open (see repairCounts).
    if (this.repaired.has(name)) await this.writeRepair(name);
    else if (!existed) await db.update(noChange);
  }

  private ensureReviewer(name: string): SharedFile<ReviewerFile> {
    if (!SAFE_FILE_ID.test(name)) throw new ProjectError('invalid', `"${name}" cannot be used as a reviewer name`);
    let db = this.reviewerDbs.get(name);
    if (!db) {
      db = this.low(this.reviewerPath(name), FILE_KINDS.reviewer, () => emptyReviewer(name));
      this.reviewerDbs.set(name, db);
    }
    return db;
  }

  // ---- spans, one shard per reviewer and case ----

  /** A reviewer's spans in a case (loaded on first use). The array is the store's: copy before changing. */
  async spans(reviewer: string, caseId: string): Promise<SpansFile['spans']> {
    const db = await this.spanDb(reviewer, caseId);
    // Another writer's version of the shard (a teammate's, an import through another workbench) is read in: one stat when there is none.
    await db.refresh();
    return db.data.spans;
  }

  /** A reviewer's shard of a case whole: its spans and what an outline correction left in it (see updateSpans). */
  async shard(reviewer: string, caseId: string): Promise<{ spans: SpansFile['spans']; floor: SpansFloor | null }> {
    const db = await this.spanDb(reviewer, caseId);
    await db.refresh();
    return { spans: db.data.spans, floor: db.data.floor ?? null };
  }

  /**
   * Change the floor of every reviewer's span file of these cases that exists (none is made):
   * a reload that rewrote a text in place, a repair that releases spans a correction was carrying.
   */
  async updateFloors(caseIds: Iterable<string>, floor: (was: SpansFloor | undefined) => SpansFloor | null): Promise<void> {
    const ids = [...caseIds];
    for (const r of this.reviewers) for (const id of ids) if (this.hasShardFile(r, id)) await this.updateSpans(r, id, (spans) => spans, { floor });
  }

  /** Whether a reviewer has a span file for the case on disk (a shard may hold a floor and no spans, see updateSpans). */
  hasShardFile(reviewer: string, caseId: string): boolean {
    return this.hasOpenShard(reviewer, caseId) || existsSync(this.shardPath(reviewer, caseId));
  }

  /** Whether this process has a reviewer's shard of a case open (its spans are then in memory, and current). */
  hasOpenShard(reviewer: string, caseId: string): boolean {
    return this.spanDbs.has(`${reviewer}\u0000${caseId}`);
  }

  /** Where a reviewer's shard of a case is on disk. */
  shardPath(reviewer: string, caseId: string): string {
    if (!SAFE_FILE_ID.test(reviewer) || !SAFE_FILE_ID.test(caseId)) throw new ProjectError('invalid', `bad reviewer or case id`);
    return join(this.dir, 'reviews', `${reviewer}.spans`, `${caseId}.json`);
  }

  /**
   * A reviewer's spans in a case for reading through the whole library (an agreement over
   * everything): the open shard's when this process has it open, else read from disk and checked
   * as every read is, but not kept open — holding every shard of a large library would hold all
   * its annotations in memory. Counts are not reconciled here (opening the shard does that).
   */
  async spansForReading(reviewer: string, caseId: string): Promise<SpansFile['spans']> {
    if (this.hasOpenShard(reviewer, caseId)) return this.spans(reviewer, caseId);
    const adapter = new DurableJsonFile<SpansFile>(
      this.shardPath(reviewer, caseId),
      FILE_KINDS.spans,
      this.dir,
      this.backups,
      { note: (file, message) => this.recovered.push({ file, message, at: now() }) },
      // What the record knows is used, but not added to: see KnownFiles.lookingOnly.
      this.knownLooking,
    );
    return (await adapter.read())?.spans ?? [];
  }

  /**
   * Replace a reviewer's spans in a case, durably: the shard first, then the counts in the
   * reviewer's index (a crash between the two leaves stale counts, which the next read fixes).
   */
  async writeSpans(reviewer: string, caseId: string, spans: SpansFile['spans'], floor?: SpansFloor | null): Promise<void> {
    await this.updateSpans(reviewer, caseId, () => spans, floor === undefined ? {} : { floor });
  }

  /**
   * Change a reviewer's spans in a case with `fn`, applied to the spans as they are at that
   * moment, with nothing in between: concurrent edits of one shard each see the others' results
   * (a read-modify-write across an await would lose one of them).
   *
   * `editedAt`: the case revision the change was worked out on (a reviewer's edit). Refused with a
   * conflict if an outline correction carried the shard's spans to a later revision since, or
   * retired the case (another writer may have done so a moment ago): the edit's offsets are in a
   * text that is no longer the case's. `floor`: what a correction carrying the spans leaves
   * (null clears it: an undo puts the older text back).
   */
  async updateSpans(
    reviewer: string,
    caseId: string,
    fn: (spans: SpansFile['spans'], floor: SpansFloor | undefined) => SpansFile['spans'],
    options: { editedAt?: { revision: number; textHash: string }; floor?: SpansFloor | null | ((was: SpansFloor | undefined) => SpansFloor | null) } = {},
  ): Promise<SpansFile['spans']> {
    const db = await this.spanDb(reviewer, caseId);
    let next: SpansFile['spans'] = [];
    // Applied to the shard as it is on disk now: another writer's spans in it are kept.
    await db.update((d) => {
      const floor = d.floor;
      // A revision 0 a correction rewrote keeps its number: its text's hash tells the texts apart.
      const older = (at: { revision: number; textHash: string }, f: SpansFloor) => at.revision < f.revision || (at.revision === f.revision && f.textHash !== undefined && f.textHash !== at.textHash);
      // Being carried by an outline correction (or one a kill interrupted): its spans are about to move.
      if (options.editedAt !== undefined && floor?.carrying?.length) throw new CarryingError(caseId);
      if (options.editedAt !== undefined && floor && (floor.retired || older(options.editedAt, floor))) {
        throw new ApiError('conflict', floor.retired ? `case ${caseId} was merged or split into other cases meanwhile (an outline correction, perhaps by another workbench): nothing was changed; open the case its text went to` : `case ${caseId} was changed meanwhile by an outline correction (perhaps by another workbench): nothing was changed; look at the case again`);
      }
      next = fn(d.spans, floor);
      d.spans = next;
      const set = typeof options.floor === 'function' ? options.floor(floor) : options.floor;
      if (set === null) delete d.floor;
      else if (set) d.floor = set;
    });
    const counts = countsOf(db.data.spans);
    // The shard is the record; the counts in the index are a cache of it, repaired at open from
    // shards written after the index (see repairCounts): written within a moment, with others.
    this.deferReviewerCase(reviewer, caseId, (c) => Object.assign(c, counts));
    return next;
  }

  /**
   * A reviewer's cached counts for a case when they are those of spans at the case's current
   * revision; null when the shard holds spans made on an older text (or may: an index from
   * before revisions were recorded), whose re-anchoring can orphan some — count those from the
   * spans carried forward instead. No counts at all (nothing cached, or an empty shard) are current.
   */
  currentCounts(reviewer: string, caseId: string): SpanCounts | null {
    const rc = this.reviewerCase(reviewer, caseId);
    if (!rc || rc.spanCount + rc.orphanCount === 0) return { spanCount: rc?.spanCount ?? 0, orphanCount: rc?.orphanCount ?? 0, labelCounts: rc?.labelCounts ?? {} };
    const revisions = this.getCase(caseId)?.revisions;
    const current = revisions ? revisions.length - 1 : 0;
    const anchoredAt = rc.spansRevision ?? (current === 0 ? 0 : undefined);
    return anchoredAt === current ? { spanCount: rc.spanCount, orphanCount: rc.orphanCount, labelCounts: rc.labelCounts } : null;
  }

  private spanDb(reviewer: string, caseId: string): Promise<SharedFile<SpansFile>> {
    if (!SAFE_FILE_ID.test(reviewer) || !SAFE_FILE_ID.test(caseId)) throw new ProjectError('invalid', `bad reviewer or case id`);
    const key = `${reviewer}\u0000${caseId}`;
    let db = this.spanDbs.get(key);
    if (!db) {
      db = this.readOrDefault(join(this.dir, 'reviews', `${reviewer}.spans`, `${caseId}.json`), FILE_KINDS.spans, (): SpansFile => ({ schemaVersion: 1, caseId, spans: [] })).then(async (low) => {
        // Reconcile the cached counts with the shard (they go stale after a crash, or when a
        // corrupt shard was set aside). A shard that is merely absent is not taken as empty: a
        // teammate's index may arrive through a sync folder before their span files.
        const counts = countsOf(low.data.spans);
        const cached = this.reviewerCase(reviewer, caseId);
        const setAside = low.adapter.setAsideAs !== null;
        if ((low.data.spans.length || setAside) && (!cached || cached.spanCount !== counts.spanCount || cached.orphanCount !== counts.orphanCount)) {
          // One writer per file: a teammate's index is corrected in memory only; their own
          // workbench writes it.
          if (reviewer === this.writer) await this.updateReviewerCase(reviewer, caseId, (c) => Object.assign(c, counts));
          else if (cached) this.reviewerDbs.get(reviewer)!.data.cases[caseId] = { ...cached, ...counts };
        }
        return low;
      });
      this.spanDbs.set(key, db);
      db.catch(() => this.spanDbs.delete(key));
    }
    return db;
  }

  /** Wait until every queued write is on disk, and keep a backup of each file's newest version. */
  async flush(): Promise<void> {
    await this.savingKnown;
    await this.known?.save();
    await this.indexFlush;
    await this.writeDeferredIndexes();
    await this.idle();
    await this.backups.flushPending();
  }

  private async idle(): Promise<void> {
    const files = await this.openFiles();
    await Promise.all(files.map((f) => f.idle()));
  }

  // ---- suggestions for every reviewer, one file per case (written by `casebench suggest --apply`) ----

  private readonly suggestionDbs = new Map<string, SharedFile<SuggestionsFile | null>>();

  /** A case's shared suggestions, or null; re-read when the file changed (applied by another process). */
  async sharedSuggestions(caseId: string): Promise<SuggestionsFile['set'] | null> {
    let db = this.suggestionDbs.get(caseId);
    if (!db) {
      db = this.low<SuggestionsFile | null>(this.suggestionsPath(caseId), FILE_KINDS.suggestions as FileKind<SuggestionsFile | null>, () => null);
      await db.read();
      this.suggestionDbs.set(caseId, db);
    } else await db.refresh();
    return db.data?.set ?? null;
  }

  async setSharedSuggestions(caseId: string, set: SuggestionsFile['set']): Promise<void> {
    let db = this.suggestionDbs.get(caseId);
    if (!db) this.suggestionDbs.set(caseId, (db = this.low<SuggestionsFile | null>(this.suggestionsPath(caseId), FILE_KINDS.suggestions as FileKind<SuggestionsFile | null>, () => null)));
    await db.update(() => ({ schemaVersion: 1, caseId, set }));
  }

  private suggestionsPath(caseId: string): string {
    if (!SAFE_FILE_ID.test(caseId)) throw new ProjectError('invalid', `case id "${caseId}" cannot be used as a file name`);
    return join(this.dir, 'suggestions', `${caseId}.json`);
  }

  // ---- plumbing ----

  private casePath(id: string): string {
    if (!SAFE_FILE_ID.test(id)) throw new ProjectError('invalid', `case id "${id}" cannot be used as a file name`);
    return join(this.dir, 'corpus', 'cases', `${id}.json`);
  }

  private reviewerPath(name: string): string {
    return join(this.dir, 'reviews', `${name}.json`);
  }

  private low<T extends { schemaVersion: number } | null>(path: string, kind: FileKind<T>, empty: () => T): SharedFile<T> {
    const adapter = new DurableJsonFile<NonNullable<T>>(
      path,
      kind as FileKind<NonNullable<T>>,
      this.dir,
      this.backups,
      { note: (file, message) => this.recovered.push({ file, message, at: now() }) },
      this.known,
    );
    const file = new SharedFile<T>(adapter, empty, this.queue, { changed: (p) => this.changes.record(relative(this.dir, p).split(sep).join('/')) });
    this.byPath.set(path, file);
    return file;
  }

  private async readOrDefault<T extends { schemaVersion: number } | null>(path: string, kind: FileKind<T>, empty: () => T): Promise<SharedFile<T>> {
    const db = this.low(path, kind, empty);
    await db.read();
    return db;
  }

  private async readRequired<T extends { schemaVersion: number }>(path: string, kind: FileKind<T>, missing: string): Promise<SharedFile<T>> {
    const db = this.low<T>(path, kind, () => null as unknown as T);
    await db.read();
    if (db.data === null) throw new ProjectError('not-a-project', missing);
    return db;
  }

  /** Every file this process has open, for waiting on their writes and looking for other writers' changes. */
  private async openFiles(): Promise<OpenFile[]> {
    const files: OpenFile[] = [this.project, this.schemaDb, this.rubricDb, this.documentsDb, ...(this.compendiumDb ? [this.compendiumDb] : []), ...this.caseDbs.values(), ...this.reviewerDbs.values(), ...this.outlineDbs.values(), ...this.layoutDbs.values(), ...this.retiredDbs, ...this.suggestionDbs.values()];
    for (const p of this.spanDbs.values()) {
      const db = await p.catch(() => null);
      if (db) files.push(db);
    }
    return files;
  }

  /**
   * The shared file at a project-relative path ("schema.json", "reviews/bob.spans/c1.json"), as
   * this process has it open or newly read; null for a path that is no project file. For putting
   * a kept conflict copy in place (conflict-copies.ts).
   */
  async fileAt(rel: string): Promise<{ file: SharedFile<{ schemaVersion: number } | null>; kind: ProjectFileKind } | null> {
    const kind = kindOf(rel);
    if (!kind) return null;
    const path = join(this.dir, ...rel.split('/'));
    const open = this.byPath.get(path) as SharedFile<{ schemaVersion: number } | null> | undefined;
    if (open) return { file: open, kind };
    const file = await this.readOrDefault<{ schemaVersion: number } | null>(path, FILE_KINDS[kind] as FileKind<{ schemaVersion: number } | null>, () => null);
    return { file, kind };
  }

  /**
   * Watch the folder for other writers' changes (a workbench does; a command that reads and
   * exits has no need). Whether the system can: where it cannot, noticeChanges looks by the
   * files' sizes and times instead.
   */
  watch(): boolean {
    this.watcher ??= new FolderWatch(this.dir, () => void this.noticeChanges().catch(() => undefined));
    return this.watcher.start();
  }

  /** Stop watching the folder (the project is closed). */
  close(): void {
    this.watcher?.close();
    this.watcher = null;
  }

  /**
   * Read in what other writers changed, cheaply enough to do before every API call: with the
   * folder watched, only the files the watch saw change (one stat each for this process's own
   * writes); without, every open file's size and time, at most once a second.
   */
  async noticeChanges(): Promise<void> {
    if (this.watcher?.running) {
      const { files, all } = this.watcher.take();
      if (all) await this.syncExternalChanges();
      else if (files.length) await this.refreshPaths(files);
      return;
    }
    if (Date.now() - this.lastSweep < 1000) return;
    this.lastSweep = Date.now();
    await this.syncExternalChanges();
  }

  /** Read again the files at these paths (relative) that this process has open, when another writer changed them. */
  private async refreshPaths(files: readonly string[]): Promise<void> {
    let reviewers = false;
    for (const rel of new Set(files)) {
      const abs = join(this.dir, rel);
      if (reviewerOf(this.dir, abs) !== null) {
        reviewers = true;
        continue;
      }
      const file = this.byPath.get(abs);
      if (!file) continue;
      if ((await file.refresh()) && file === this.documentsDb) await this.readListedCases();
    }
    if (reviewers) await this.refreshReviewers(this.writer);
  }

  /**
   * Read in what other writers changed since this process last looked: every open file whose
   * version on disk is not the one read or written here (one stat each), cases another writer
   * added or retired, and new reviewers. Returns the files that changed (relative paths).
   */
  async syncExternalChanges(): Promise<string[]> {
    const before = this.changes.seq;
    const files = await this.openFiles();
    await Promise.all(files.filter((f) => f !== this.documentsDb && !this.reviewerDbs.has(reviewerOf(this.dir, f.path) ?? '')).map((f) => f.refresh()));
    if (await this.documentsDb.refresh()) await this.readListedCases();
    await this.refreshReviewers(this.writer);
    return this.changes.since(before).map((c) => c.file);
  }
}

/**
 * The temporary files writes killed before their rename left in the folders casebench writes
 * (not in a .git folder or anything else the project folder holds).
 */
async function removeProjectTemps(root: string): Promise<void> {
  await Promise.all([
    ...['', 'suggestions', 'backups', 'exports', 'sources'].map((d) => removeStaleTemps(join(root, d))),
    ...['corpus', 'reviews'].map((d) => removeStaleTemps(join(root, d), { recursive: true })),
  ]);
}

/** What a project keeps in its folder besides casebench.json: a folder holding one of these was not made for a project. */
const PROJECT_ENTRIES = ['schema.json', 'rubric.json', 'compendium.json', 'corpus', 'reviews', 'suggestions', 'backups'];

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return false;
      throw e;
    },
  );
}

const noChange = (): void => undefined;

/** An edit of a shard whose spans an outline correction is carrying (see updateSpans): refused, as a conflict, until it is done. */
export class CarryingError extends ApiError {
  constructor(caseId: string) {
    super('conflict', `the annotations of case ${caseId} are being moved by an outline correction (perhaps in another workbench): nothing was changed; try again in a moment`);
  }
}

/**
 * A change marker's journal (see journalDocumentChange): undefined when there is no marker, null
 * when the change wrote none (or the kill cut its marker short: then only a reload can repair).
 */
async function readMarker(path: string): Promise<unknown> {
  let text: string;
  try {
    // Not through a symbolic link, like every file of the project (see inside-project.ts).
    text = readFileNoFollow(path).text;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    // A link where the marker should be: a change was under way, but what it journalled is not read.
    if (code === 'ELOOP') return null;
    throw e;
  }
  try {
    return (JSON.parse(text) as { journal?: unknown }).journal ?? null;
  } catch {
    return null;
  }
}

/** A reviewer's entry for a case, or the entry of a case they have not touched. */
function entryOrEmpty(entry: ReviewerCase | undefined): ReviewerCase {
  return entry ?? { spanCount: 0, orphanCount: 0, labelCounts: {} };
}

/**
 * Apply deferred changes to a reviewer's entry for a case. A case with no entry gets one only if
 * the changes leave something in it: an entry removed meanwhile (an undo of an outline change)
 * is not brought back by the zero counts of its emptied shard.
 */
function applyToEntry(file: ReviewerFile, caseId: string, fns: ReadonlyArray<(c: ReviewerCase) => void>): void {
  const existing = file.cases[caseId];
  // A changed copy, not the entry changed in place (see updateReviewerCase).
  const c = { ...entryOrEmpty(existing) };
  for (const fn of fns) fn(c);
  if (existing || c.spanCount > 0 || c.orphanCount > 0 || c.status) file.cases[caseId] = c;
}

export type ProjectFileKind = keyof typeof FILE_KINDS;

/** Which kind of project file a relative path is, or null. */
export function kindOf(rel: string): ProjectFileKind | null {
  const fixed: Record<string, ProjectFileKind> = { 'casebench.json': 'project', 'schema.json': 'schema', 'rubric.json': 'rubric', 'compendium.json': 'compendium', 'corpus/documents.json': 'documents' };
  if (fixed[rel]) return fixed[rel];
  const m = /^(corpus\/cases|corpus\/outline|corpus\/layout|reviews|suggestions)\/([^/]+)\.json$/.exec(rel) ?? /^reviews\/([^/]+)\.spans\/([^/]+)\.json$/.exec(rel);
  if (!m || !SAFE_FILE_ID.test(m[2]!)) return null;
  if (rel.startsWith('reviews/') && rel.includes('.spans/')) return SAFE_FILE_ID.test(m[1]!) ? 'spans' : null;
  return ({ 'corpus/cases': 'case', 'corpus/outline': 'outline', 'corpus/layout': 'layout', reviews: 'reviewer', suggestions: 'suggestions' } as const)[m[1] as 'reviews'];
}

/** What the store needs of an open file whatever it holds. */
interface OpenFile {
  readonly path: string;
  refresh(): Promise<boolean>;
  idle(): Promise<void>;
}

function withoutVersion<T extends { schemaVersion: number }>(d: T): Omit<T, 'schemaVersion'> {
  const { schemaVersion: _v, ...rest } = d;
  return rest;
}

/** The reviewer whose index `path` is (reviews/<name>.json), or null. */
function reviewerOf(dir: string, path: string): string | null {
  const m = /^reviews[\\/]([^\\/]+)\.json$/.exec(relative(dir, path));
  return m ? m[1]! : null;
}

function emptyReviewer(name: string): ReviewerFile {
  return { schemaVersion: 1, reviewer: name, createdAt: now(), cases: {} };
}

export type SpanCounts = Pick<ReviewerCase, 'spanCount' | 'orphanCount' | 'labelCounts'>;

/** Placed spans, orphans, and placed spans by label. */
export function countSpans(spans: SpansFile['spans']): SpanCounts {
  const labelCounts: Record<string, number> = {};
  let orphanCount = 0;
  for (const s of spans) {
    if (s.orphan) orphanCount++;
    else labelCounts[s.label] = (labelCounts[s.label] ?? 0) + 1;
  }
  return { spanCount: spans.length - orphanCount, orphanCount, labelCounts };
}

function sameCounts(a: SpanCounts & Pick<ReviewerCase, 'spansRevision'>, b: SpanCounts & Pick<ReviewerCase, 'spansRevision'>): boolean {
  return a.spanCount === b.spanCount && a.orphanCount === b.orphanCount && a.spansRevision === b.spansRevision && JSON.stringify(Object.entries(a.labelCounts).sort()) === JSON.stringify(Object.entries(b.labelCounts).sort());
}

/** The counts cached in a reviewer's index, with the oldest revision the spans are anchored to. */
function countsOf(spans: SpansFile['spans']): SpanCounts & Pick<ReviewerCase, 'spansRevision'> {
  let spansRevision: number | undefined;
  for (const s of spans) if (spansRevision === undefined || s.revision < spansRevision) spansRevision = s.revision;
  return { ...countSpans(spans), spansRevision };
}
