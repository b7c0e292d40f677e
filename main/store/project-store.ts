import { existsSync } from 'node:fs';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Low } from 'lowdb';
import { defaultLabelSchema, type LabelSchema } from '../../shared/model/labels.ts';
import { defaultRubric, type Rubric } from '../../shared/model/rubric.ts';
import type { RecoveryNote } from '../../shared/api/types.ts';
import { Backups } from './backups.ts';
import { checkProjectFolders } from './inside-project.ts';
import { ProjectError } from './project-error.ts';
import { removeStaleTemps } from './stale-temps.ts';
import { DurableJsonFile, type FileKind } from './durable-json-file.ts';
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
  type SuggestionsFile,
  type LayoutFile,
  type OutlineFile,
} from './file-kinds.ts';

export { ProjectError };

const now = () => new Date().toISOString();

/**
 * A project folder on disk: every read and write of project data goes through here. Files are
 * lowdb databases with the DurableJsonFile adapter. The corpus, the schema and each reviewer's
 * index are read when the project opens; a reviewer's spans are sharded per case and read on
 * first use, so opening stays fast however many annotations there are.
 */
export class ProjectStore {
  readonly recovered: RecoveryNote[] = [];
  private readonly backups: Backups;
  private project!: Low<ProjectFile>;
  private schemaDb!: Low<SchemaFile>;
  private rubricDb!: Low<RubricFile>;
  private compendiumDb: Low<CompendiumFile> | null = null;
  private documentsDb!: Low<DocumentsFile>;
  private readonly caseDbs = new Map<string, Low<CaseFile>>();
  private readonly reviewerDbs = new Map<string, Low<ReviewerFile>>();
  private readonly spanDbs = new Map<string, Promise<Low<SpansFile>>>();

  /** Whose files this workbench writes (the reviewer at work), as last told by refreshReviewers. */
  private writer: string | null = null;

  private constructor(readonly dir: string) {
    this.backups = new Backups(dir);
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
    store.project = store.low(join(root, 'casebench.json'), FILE_KINDS.project, { schemaVersion: 1, id: randomUUID(), name: name ?? basename(root), createdAt: now() });
    store.schemaDb = store.low(join(root, 'schema.json'), FILE_KINDS.schema, { schemaVersion: 1, ...defaultLabelSchema() });
    store.rubricDb = store.low(join(root, 'rubric.json'), FILE_KINDS.rubric, { schemaVersion: 1, ...defaultRubric() });
    store.documentsDb = store.low(join(root, 'corpus', 'documents.json'), FILE_KINDS.documents, { schemaVersion: 1, documents: [] });
    // 'wx': only where there is none (the folder's own, or a git repository's, stays as it was).
    await writeFile(join(root, '.gitattributes'), '*.json text eol=lf\nsources/** binary\n', { flag: 'wx' }).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw e;
    });
    await Promise.all([store.project.write(), store.schemaDb.write(), store.rubricDb.write(), store.documentsDb.write()]);
    return store;
  }

  /** Open the project in `dir`, reading the corpus, the schema and every reviewer's index. */
  static async open(dir: string): Promise<ProjectStore> {
    const root = resolve(dir);
    const store = new ProjectStore(root);
    // A folder of the project that leads elsewhere (a link) stops the opening: nothing is read or written through it.
    await checkProjectFolders(root);
    await removeProjectTemps(root);
    store.project = await store.readRequired(join(root, 'casebench.json'), FILE_KINDS.project, `${root} is not a casebench project (no casebench.json); create one with \`casebench init\``);
    store.schemaDb = await store.readOrDefault(join(root, 'schema.json'), FILE_KINDS.schema, { schemaVersion: 1, ...defaultLabelSchema() });
    store.rubricDb = await store.readOrDefault(join(root, 'rubric.json'), FILE_KINDS.rubric, { schemaVersion: 1, ...defaultRubric() });
    store.documentsDb = await store.readOrDefault(join(root, 'corpus', 'documents.json'), FILE_KINDS.documents, { schemaVersion: 1, documents: [] });
    const caseIds = store.documentsDb.data.documents.flatMap((d) => d.caseIds);
    await Promise.all(
      caseIds.map(async (id) => {
        const db = await store.readRequired<CaseFile>(store.casePath(id), FILE_KINDS.case, `the case file corpus/cases/${id}.json listed in corpus/documents.json is missing`);
        store.caseDbs.set(id, db);
      }),
    );
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
        const mtime = (await stat(store.reviewerPath(reviewer)).catch(() => null))?.mtimeMs ?? 0;
        const db = await store.readOrDefault(store.reviewerPath(reviewer), FILE_KINDS.reviewer, emptyReviewer(reviewer));
        store.reviewerDbs.set(reviewer, db);
        store.seen.set(reviewer, mtime);
        indexes.set(reviewer, mtime);
      }),
    );
    // Span folders too, with or without an index: a crash may have kept the index from being written at all.
    const withSpans = entries.filter((n) => n.endsWith('.spans')).map((n) => n.slice(0, -'.spans'.length));
    await Promise.all([...new Set([...indexes.keys(), ...withSpans])].filter((r) => SAFE_FILE_ID.test(r)).map((r) => store.repairCounts(r, indexes.get(r) ?? 0)));
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
    this.schemaDb.data = { schemaVersion: 1, ...schema };
    await this.schemaDb.write();
  }

  get rubric(): Rubric {
    const { schemaVersion: _v, ...rubric } = this.rubricDb.data;
    return rubric;
  }

  async setRubric(rubric: Rubric): Promise<void> {
    this.rubricDb.data = { schemaVersion: 1, ...rubric };
    await this.rubricDb.write();
  }

  /** The compendium draft (read on first use: only editors need it). */
  async compendium(): Promise<CompendiumFile['draft']> {
    return (await this.compendiumFile()).data.draft;
  }

  async setCompendium(draft: CompendiumFile['draft']): Promise<void> {
    const db = await this.compendiumFile();
    db.data.draft = draft;
    await db.write();
  }

  private async compendiumFile(): Promise<Low<CompendiumFile>> {
    this.compendiumDb ??= await this.readOrDefault<CompendiumFile>(join(this.dir, 'compendium.json'), FILE_KINDS.compendium, { schemaVersion: 1, draft: null });
    return this.compendiumDb;
  }

  get documents(): readonly DocumentRecord[] {
    return this.documentsDb.data.documents;
  }

  get caseIds(): string[] {
    return this.documents.flatMap((d) => d.caseIds);
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
    await Promise.all(
      cases.map((c) => {
        const db = this.low<CaseFile>(this.casePath(c.id), FILE_KINDS.case, { schemaVersion: 1, case: c });
        this.caseDbs.set(c.id, db);
        return db.write();
      }),
    );
    const record: DocumentRecord = { ...doc, source: sourcePath, importedAt: now() };
    this.documentsDb.data.documents.push(record);
    await this.documentsDb.write();
    return record;
  }

  async updateCase(id: string, fn: (c: CaseRecord) => void): Promise<CaseRecord> {
    const db = this.caseDbs.get(id);
    if (!db) throw new ProjectError('not-found', `no case "${id}" in this project`);
    await db.update((d) => fn(d.case));
    return db.data.case;
  }

  // ---- outline corrections (see main/services/outline) ----

  private readonly outlineDbs = new Map<string, Low<OutlineFile>>();
  private readonly retiredDbs: Array<Low<CaseFile>> = [];

  /** A document's outline corrections, or null when it has none yet (read on first use). */
  async outline(documentId: string): Promise<OutlineFile | null> {
    return (await this.outlineDb(documentId)).data;
  }

  async setOutline(documentId: string, data: OutlineFile): Promise<void> {
    const db = await this.outlineDb(documentId);
    db.data = data;
    await db.write();
  }

  private async outlineDb(documentId: string): Promise<Low<OutlineFile>> {
    if (!SAFE_FILE_ID.test(documentId)) throw new ProjectError('invalid', `document id "${documentId}" cannot be used as a file name`);
    let db = this.outlineDbs.get(documentId);
    if (!db) {
      db = await this.readOrDefault<OutlineFile>(join(this.dir, 'corpus', 'outline', `${documentId}.json`), FILE_KINDS.outline, null as unknown as OutlineFile);
      this.outlineDbs.set(documentId, db);
    }
    return db;
  }

  // ---- page layout of paged sources (PDF): corpus/layout/<document>.json ----

  private readonly layoutDbs = new Map<string, Low<LayoutFile>>();

  /** A document's decoded text and page geometry, or null for a source without pages (read on first use). */
  async layout(documentId: string): Promise<LayoutFile | null> {
    return (await this.layoutDb(documentId)).data;
  }

  async setLayout(documentId: string, data: LayoutFile): Promise<void> {
    const db = await this.layoutDb(documentId);
    db.data = data;
    await db.write();
  }

  private async layoutDb(documentId: string): Promise<Low<LayoutFile>> {
    if (!SAFE_FILE_ID.test(documentId)) throw new ProjectError('invalid', `document id "${documentId}" cannot be used as a file name`);
    let db = this.layoutDbs.get(documentId);
    if (!db) {
      db = await this.readOrDefault<LayoutFile>(join(this.dir, 'corpus', 'layout', `${documentId}.json`), FILE_KINDS.layout, null as unknown as LayoutFile);
      this.layoutDbs.set(documentId, db);
    }
    return db;
  }

  /** Whether a case file is in the folder, listed or not (a retired case keeps its file). */
  hasCaseFile(id: string): boolean {
    return this.caseDbs.has(id) || existsSync(this.casePath(id));
  }

  /** Write case records, new or replacing; a new one is not listed in its document until setDocumentCases says. */
  async putCases(records: readonly CaseRecord[]): Promise<void> {
    await Promise.all(
      records.map((c) => {
        if (!SAFE_FILE_ID.test(c.id)) throw new ProjectError('invalid', `case id "${c.id}" cannot be used as a file name`);
        let db = this.caseDbs.get(c.id);
        if (db) db.data = { schemaVersion: 1, case: c };
        else this.caseDbs.set(c.id, (db = this.low<CaseFile>(this.casePath(c.id), FILE_KINDS.case, { schemaVersion: 1, case: c })));
        return db.write();
      }),
    );
  }

  /**
   * Set which cases a document lists, in order, with what the loader said of it. A case no
   * longer listed is retired: its file stays in the folder (nothing is deleted), the project no
   * longer shows it.
   */
  async setDocumentCases(documentId: string, caseIds: readonly string[], patch: Partial<Pick<DocumentRecord, 'format' | 'warnings' | 'confidence'>> = {}): Promise<void> {
    const doc = this.documentsDb.data.documents.find((d) => d.id === documentId);
    if (!doc) throw new ProjectError('not-found', `no document "${documentId}" in this project`);
    const missing = caseIds.filter((id) => !this.caseDbs.has(id));
    if (missing.length) throw new ProjectError('not-found', `no case record ${missing.join(', ')} to list in ${documentId}`);
    const listed = new Set(caseIds);
    for (const id of doc.caseIds) {
      const db = this.caseDbs.get(id);
      if (listed.has(id) || !db) continue;
      // Out of the project, but its last write still goes to disk before a flush returns.
      this.retiredDbs.push(db);
      this.caseDbs.delete(id);
    }
    Object.assign(doc, patch, { caseIds: [...caseIds] });
    await this.documentsDb.write();
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

  private readonly seen = new Map<string, number>();

  /**
   * Pick up other reviewers' work written since it was read: new reviewer files, and files that
   * changed (a teammate's file arriving through a sync folder or git). The reviewer this process
   * writes for is skipped: its file changes only here.
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
        if (reviewer === writer || !SAFE_FILE_ID.test(reviewer)) return;
        const path = this.reviewerPath(reviewer);
        const mtime = (await stat(path).catch(() => null))?.mtimeMs ?? 0;
        if (this.reviewerDbs.has(reviewer) && this.seen.get(reviewer) === mtime) return;
        const db = await this.readOrDefault(path, FILE_KINDS.reviewer, emptyReviewer(reviewer));
        this.reviewerDbs.set(reviewer, db);
        this.seen.set(reviewer, mtime);
        for (const key of this.spanDbs.keys()) if (key.startsWith(`${reviewer}\u0000`)) this.spanDbs.delete(key);
        await this.repairCounts(reviewer, mtime);
      }),
    );
    // Counts of the writer's own repaired at open: its index is written now that it is known.
    if (writer && this.repaired.delete(writer)) await this.ensureReviewer(writer).write();
  }

  /** Reviewers whose counts were repaired in memory only; each one's own workbench writes the repair. */
  private readonly repaired = new Set<string>();

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
        const mtime = (await stat(join(folder, n)).catch(() => null))?.mtimeMs;
        // Equal times count as later: a file system that keeps seconds cannot tell them apart.
        if (mtime === undefined || mtime < indexMtime) return;
        const before = this.reviewerCase(reviewer, caseId);
        const cached = before && { ...before };
        const shard = await this.spanDb(reviewer, caseId);
        if ((shard.adapter as DurableJsonFile<SpansFile>).setAsideAs !== null) return; // counted by spanDb
        const counts = countsOf(shard.data.spans);
        if (cached ? sameCounts(cached, counts) : counts.spanCount + counts.orphanCount === 0) return;
        const db = this.ensureReviewer(reviewer);
        db.data.cases[caseId] = { ...(db.data.cases[caseId] ?? { spanCount: 0, orphanCount: 0, labelCounts: {} }), ...counts };
        this.repaired.add(reviewer);
      }),
    );
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

  /** Change a reviewer's per-case state; creates the reviewer's file on first use. */
  async updateReviewerCase(name: string, caseId: string, fn: (c: ReviewerCase) => void): Promise<ReviewerCase> {
    const db = this.ensureReviewer(name);
    await db.update((d) => {
      const c = (d.cases[caseId] ??= { spanCount: 0, orphanCount: 0, labelCounts: {} });
      fn(c);
    });
    return db.data.cases[caseId]!;
  }

  async ensureReviewerFile(name: string): Promise<void> {
    const existed = this.reviewerDbs.has(name);
    const db = this.ensureReviewer(name);
    // A new reviewer's file, or one whose counts were repaired at open (see repairCounts).
    if (!existed || this.repaired.delete(name)) await db.write();
  }

  private ensureReviewer(name: string): Low<ReviewerFile> {
    if (!SAFE_FILE_ID.test(name)) throw new ProjectError('invalid', `"${name}" cannot be used as a reviewer name`);
    let db = this.reviewerDbs.get(name);
    if (!db) {
      db = this.low(this.reviewerPath(name), FILE_KINDS.reviewer, emptyReviewer(name));
      this.reviewerDbs.set(name, db);
    }
    return db;
  }

  // ---- spans, one shard per reviewer and case ----

  /** A reviewer's spans in a case (loaded on first use). The array is the store's: copy before changing. */
  async spans(reviewer: string, caseId: string): Promise<SpansFile['spans']> {
    return (await this.spanDb(reviewer, caseId)).data.spans;
  }

  /**
   * Replace a reviewer's spans in a case, durably: the shard first, then the counts in the
   * reviewer's index (a crash between the two leaves stale counts, which the next read fixes).
   */
  async writeSpans(reviewer: string, caseId: string, spans: SpansFile['spans']): Promise<void> {
    await this.updateSpans(reviewer, caseId, () => spans);
  }

  /**
   * Change a reviewer's spans in a case with `fn`, applied to the spans as they are at that
   * moment, with nothing in between: concurrent edits of one shard each see the others' results
   * (a read-modify-write across an await would lose one of them).
   */
  async updateSpans(reviewer: string, caseId: string, fn: (spans: SpansFile['spans']) => SpansFile['spans']): Promise<SpansFile['spans']> {
    const db = await this.spanDb(reviewer, caseId);
    const next = fn(db.data.spans);
    db.data.spans = next;
    const counts = countsOf(next);
    await db.write();
    await this.updateReviewerCase(reviewer, caseId, (c) => Object.assign(c, counts));
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

  private spanDb(reviewer: string, caseId: string): Promise<Low<SpansFile>> {
    if (!SAFE_FILE_ID.test(reviewer) || !SAFE_FILE_ID.test(caseId)) throw new ProjectError('invalid', `bad reviewer or case id`);
    const key = `${reviewer}\u0000${caseId}`;
    let db = this.spanDbs.get(key);
    if (!db) {
      db = this.readOrDefault(join(this.dir, 'reviews', `${reviewer}.spans`, `${caseId}.json`), FILE_KINDS.spans, { schemaVersion: 1, caseId, spans: [] }).then(async (low) => {
        // Reconcile the cached counts with the shard (they go stale after a crash, or when a
        // corrupt shard was set aside). A shard that is merely absent is not taken as empty: a
        // teammate's index may arrive through a sync folder before their span files.
        const counts = countsOf(low.data.spans);
        const cached = this.reviewerCase(reviewer, caseId);
        const setAside = (low.adapter as DurableJsonFile<SpansFile>).setAsideAs !== null;
        if ((low.data.spans.length || setAside) && (!cached || cached.spanCount !== counts.spanCount || cached.orphanCount !== counts.orphanCount)) {
          // One writer per file: a teammate's index is corrected in memory only; their own
          // workbench writes it.
          if (reviewer === this.writer) await this.updateReviewerCase(reviewer, caseId, (c) => Object.assign(c, counts));
          else if (cached) Object.assign(cached, counts);
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
    await this.idle();
    await this.backups.flushPending();
  }

  private async idle(): Promise<void> {
    const adapters: Array<{ idle(): Promise<void> }> = [this.project, this.schemaDb, this.rubricDb, this.documentsDb, ...(this.compendiumDb ? [this.compendiumDb] : []), ...this.caseDbs.values(), ...this.reviewerDbs.values(), ...this.outlineDbs.values(), ...this.layoutDbs.values(), ...this.retiredDbs, ...[...this.suggestionDbs.values()].map((e) => e.db)].map(
      (db) => db.adapter as unknown as { idle(): Promise<void> },
    );
    for (const p of this.spanDbs.values()) {
      const db = await p.catch(() => null);
      if (db) adapters.push(db.adapter as unknown as { idle(): Promise<void> });
    }
    await Promise.all(adapters.map((a) => a.idle()));
  }

  // ---- suggestions for every reviewer, one file per case (written by `casebench suggest --apply`) ----

  private readonly suggestionDbs = new Map<string, { db: Low<SuggestionsFile>; mtime: number }>();

  /** A case's shared suggestions, or null; re-read when the file changed (applied by another process). */
  async sharedSuggestions(caseId: string): Promise<SuggestionsFile['set'] | null> {
    const path = this.suggestionsPath(caseId);
    const mtime = (await stat(path).catch(() => null))?.mtimeMs ?? 0;
    const cached = this.suggestionDbs.get(caseId);
    if (cached && (cached.mtime === mtime || !mtime)) return cached.db.data?.set ?? null;
    if (!mtime) return null;
    const db = this.low<SuggestionsFile>(path, FILE_KINDS.suggestions, null as unknown as SuggestionsFile);
    await db.read();
    this.suggestionDbs.set(caseId, { db, mtime });
    return db.data?.set ?? null;
  }

  async setSharedSuggestions(caseId: string, set: SuggestionsFile['set']): Promise<void> {
    const path = this.suggestionsPath(caseId);
    let entry = this.suggestionDbs.get(caseId);
    if (!entry) this.suggestionDbs.set(caseId, (entry = { db: this.low<SuggestionsFile>(path, FILE_KINDS.suggestions, { schemaVersion: 1, caseId, set }), mtime: 0 }));
    entry.db.data = { schemaVersion: 1, caseId, set };
    await entry.db.write();
    await (entry.db.adapter as unknown as { idle(): Promise<void> }).idle();
    entry.mtime = (await stat(path).catch(() => null))?.mtimeMs ?? 0;
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

  private low<T extends { schemaVersion: number }>(path: string, kind: FileKind<T>, initial: T): Low<T> {
    const adapter = new DurableJsonFile<T>(path, kind, this.dir, this.backups, {
      note: (file, message) => this.recovered.push({ file, message, at: now() }),
    });
    return new Low<T>(adapter, initial);
  }

  private async readOrDefault<T extends { schemaVersion: number }>(path: string, kind: FileKind<T>, initial: T): Promise<Low<T>> {
    const db = this.low(path, kind, initial);
    await db.read();
    return db;
  }

  private async readRequired<T extends { schemaVersion: number }>(path: string, kind: FileKind<T>, missing: string): Promise<Low<T>> {
    const db = this.low(path, kind, null as unknown as T);
    await db.read();
    if (db.data === null) throw new ProjectError('not-a-project', missing);
    return db;
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
