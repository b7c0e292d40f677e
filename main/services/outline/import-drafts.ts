import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { ApiError } from '../../../shared/api/errors.ts';
import { IngestError } from '../../../shared/ingest/index.ts';
import type { ImportPreview } from '../../../shared/outline/api-types.ts';
import { correctionFor, EditRefused, freshCaseId, nextCorrectionId, outlineView, type Correction, type OutlineEdit, type OutlineView } from '../../../shared/outline/index.ts';
import type { ProjectStore } from '../../store/project-store.ts';
import { importCorrected, uniqueDocumentId, type ImportedDocument } from './import-corrected.ts';
import { loadCorrected } from './load-input.ts';

interface DraftFile {
  name: string;
  bytes: Uint8Array;
  id: string;
  corrections: Correction[];
}

interface Draft {
  files: DraftFile[];
  errors: ImportPreview['errors'];
  /** The project the files are for (null: a new project). */
  projectDir: string | null;
  touched: number;
}

/** Drafts kept at once: a preview someone walked away from does not hold its files for ever. */
const KEPT = 4;

/**
 * Files being added, before anything is written: each loaded, its outline shown, corrected
 * (the corrections kept here, per file) and finally committed. The files' bytes stay in memory
 * until then; the newest few drafts are kept.
 */
export class ImportDrafts {
  private readonly drafts = new Map<string, Draft>();
  private clock = 0;

  /** Load the files and show their outlines. `store`: the project they are for (null: a new one), whose document ids they must not take. */
  async preview(files: ReadonlyArray<{ name: string; bytes: Uint8Array }>, store: ProjectStore | null): Promise<ImportPreview> {
    const draft: Draft = { files: [], errors: [], projectDir: store?.dir ?? null, touched: ++this.clock };
    const chosen = new Set<string>();
    for (const f of files) {
      const name = basename(f.name.replace(/\\/g, '/'));
      const id = uniqueDocumentId(store, name, chosen);
      try {
        await loadCorrected(f.bytes, name, id, []);
      } catch (e) {
        if (!(e instanceof IngestError)) throw e;
        draft.errors.push({ file: name, message: e.message });
        continue;
      }
      chosen.add(id);
      draft.files.push({ name, bytes: f.bytes, id, corrections: [] });
    }
    const draftId = randomUUID();
    this.drafts.set(draftId, draft);
    for (const [id, d] of [...this.drafts].sort((a, b) => a[1].touched - b[1].touched).slice(0, Math.max(0, this.drafts.size - KEPT))) if (d !== draft) this.drafts.delete(id);
    return { draftId, documents: await Promise.all(draft.files.map((f) => this.view(f))), errors: draft.errors };
  }

  /**
   * Correct one file's outline: make `edit` on it (appended to its corrections), or set its
   * corrections to `corrections` (undo and redo in the preview, or a corrections file).
   */
  async edit(draftId: string, index: number, change: { edit?: OutlineEdit | undefined; corrections?: Correction[] | undefined }): Promise<OutlineView> {
    const file = this.file(draftId, index);
    if (change.corrections) {
      file.corrections = [...change.corrections];
    }
    if (change.edit) {
      const applied = await loadCorrected(file.bytes, file.name, file.id, file.corrections);
      const taken = new Set([...applied.document.cases.map((c) => c.id), ...file.corrections.flatMap((k) => (k.op === 'split' ? [k.newCaseId] : []))]);
      let k: Correction;
      try {
        k = correctionFor(applied.document, change.edit, { correctionId: nextCorrectionId(file.corrections), newCaseId: freshCaseId(file.id, taken) });
      } catch (e) {
        if (e instanceof EditRefused) throw new ApiError('invalid-input', e.message);
        throw e;
      }
      const next = [...file.corrections, k];
      const check = await loadCorrected(file.bytes, file.name, file.id, next);
      if (check.unfit.some((u) => u.correction.id === k.id)) throw new ApiError('conflict', `that correction does not fit ${file.name} (${check.unfit.find((u) => u.correction.id === k.id)!.reason})`);
      file.corrections = next;
    }
    return this.view(file);
  }

  /** Add the draft's files to a project, each with its corrections; the draft is then gone. */
  async commit(draftId: string, store: ProjectStore, author: string, corrections?: ReadonlyArray<Correction[]>): Promise<ImportedDocument[]> {
    const draft = this.draft(draftId);
    if (draft.projectDir !== null && draft.projectDir !== store.dir) throw new ApiError('conflict', 'these files were previewed for another project: add them again');
    if (corrections && corrections.length !== draft.files.length) throw new ApiError('invalid-input', `corrections for ${corrections.length} files, but ${draft.files.length} were previewed`);
    if (!draft.files.length) throw new ApiError('invalid-input', `none of the files can be loaded: ${draft.errors.map((e) => e.message).join('; ')}`);
    const taken = new Set(store.documents.map((d) => d.id));
    const clash = draft.files.find((f) => taken.has(f.id));
    if (clash) throw new ApiError('conflict', `the project has a document "${clash.id}" now: add ${clash.name} again`);
    const imported = await importCorrected(
      store,
      draft.files.map((f, i) => ({ name: f.name, bytes: f.bytes, id: f.id, corrections: corrections?.[i] ?? f.corrections })),
      author,
    );
    this.drafts.delete(draftId);
    return imported;
  }

  /** The draft's directory check for a new project (commit into a project made for it). */
  isForNewProject(draftId: string): boolean {
    return this.draft(draftId).projectDir === null;
  }

  private async view(f: DraftFile): Promise<OutlineView> {
    const applied = await loadCorrected(f.bytes, f.name, f.id, f.corrections);
    return outlineView(applied.document, f.corrections, applied.unfit);
  }

  private draft(draftId: string): Draft {
    const d = this.drafts.get(draftId);
    if (!d) throw new ApiError('not-found', 'this import preview is no longer open: add the files again');
    d.touched = ++this.clock;
    return d;
  }

  private file(draftId: string, index: number): DraftFile {
    const f = this.draft(draftId).files[index];
    if (!f) throw new ApiError('not-found', `no file ${index} in this import preview`);
    return f;
  }
}
