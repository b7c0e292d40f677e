import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import { MAX_INPUT_BYTES, type Correction, type ImportPreview, type OutlineEdit, type OutlineView } from '../../../shared/outline/index.ts';
import { isTyping, primary, primaryName } from '../lib/keys.ts';
import { fileContent } from '../outline/file-content.ts';
import { emptyHistory, pushStep, redoStep, undoStep, type PreviewHistory } from '../outline/preview-history.ts';
import { useApp } from '../state/context.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { Dialog } from './Dialog.tsx';
import { OutlinePreview } from './OutlinePreview.tsx';
import { LoadProgressStatus } from '../pdf/LoadProgress.tsx';

const ACCEPT = '.txt,.md,.markdown,.docx,.htm,.html,.csv,.tsv,.pdf,text/plain,text/markdown,text/html';

/**
 * Adding texts: choose files, see the outline the loader found for each (cases, regions, parts,
 * top-level sections, the loader's notes at their place), correct it, and only then write — into
 * the open project, or into a new project. Corrections here are undone and redone within the
 * dialog ({primary}+Z), since nothing is written until the import.
 */
export function ImportDialog({ target }: { target: 'open' | 'new' }) {
  const { t } = useTranslation();
  const conn = useApp((s) => s.conn);
  const run = useApp((s) => s.run);
  const openDialog = useApp((s) => s.openDialog);
  const notify = useApp((s) => s.notify);
  const afterProjectSwitch = useApp((s) => s.afterProjectSwitch);
  const refreshInfo = useApp((s) => s.refreshInfo);
  const refreshCases = useApp((s) => s.refreshCases);
  const [files, setFiles] = useState<File[]>([]);
  const [dir, setDir] = useState('');
  const [name, setName] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [docs, setDocs] = useState<OutlineView[]>([]);
  const [history, setHistory] = useState<PreviewHistory>(emptyHistory);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirmClose, setConfirmClose] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const root = useRef<HTMLDivElement>(null);
  // While the outline is read again every control is disabled, and a disabled control loses the
  // focus to the page: where it was (or, gone, the outline it was in) takes it back afterwards.
  // (No element: the first case of the outline, where a person goes once the files are read.)
  const focusBack = useRef<{ element: HTMLElement | null; outline: HTMLElement | null } | null>(null);
  useEffect(() => {
    const back = focusBack.current;
    if (busy || !back) return;
    focusBack.current = null;
    const now = document.activeElement;
    if (back.element && now && now !== document.body && root.current?.closest('dialog')?.contains(now)) return;
    const usable = (el: HTMLElement | null | undefined) => !!el?.isConnected && !(el as HTMLButtonElement).disabled;
    const fallback = (back.outline?.isConnected ? back.outline : root.current)?.querySelector<HTMLElement>('.case-head');
    (usable(back.element) ? back.element : fallback)?.focus();
    // oxlint-disable-next-line react/exhaustive-effect-dependencies -- runs once the outline has re-rendered with the new documents
  }, [busy, docs]);

  const busyWith = async <T,>(what: string, p: () => Promise<T>): Promise<T | null> => {
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (active && root.current?.contains(active)) focusBack.current = { element: active, outline: active.closest<HTMLElement>('.outline-preview') };
    setBusy(what);
    try {
      return await run(p());
    } finally {
      setBusy(null);
    }
  };

  const load = async () => {
    // Said before the files are read into the page (the service refuses them anyway).
    const bytes = files.reduce((n, f) => n + f.size, 0);
    if (bytes > MAX_INPUT_BYTES) {
      notify({ kind: 'error', text: t('structure.tooLarge', { size: (bytes / 1048576).toFixed(1), limit: MAX_INPUT_BYTES / 1048576 }) });
      return;
    }
    const sent = await busyWith(t('structure.loading'), async () => conn.api.previewImport({ files: await Promise.all(files.map(fileContent)), target }));
    if (!sent) return;
    setPreview(sent);
    setDocs(sent.documents);
    setHistory(emptyHistory);
    // The outline is what comes next: its first case takes the focus.
    focusBack.current = { element: null, outline: null };
  };

  const setCorrections = async (document: number, corrections: Correction[]) => {
    if (!preview) return null;
    const view = await busyWith(t('structure.loading'), () => conn.api.editImport({ draftId: preview.draftId, document, corrections }));
    if (view) setDocs((all) => all.map((d, i) => (i === document ? view : d)));
    return view;
  };

  const onEdit = (document: number) => async (edit: OutlineEdit) => {
    if (!preview) return false;
    const before = docs[document]!.corrections;
    const view = await busyWith(t('structure.loading'), () => conn.api.editImport({ draftId: preview.draftId, document, edit }));
    if (!view) return false;
    setDocs((all) => all.map((d, i) => (i === document ? view : d)));
    setHistory((h) => pushStep(h, { document, before, after: view.corrections }));
    return true;
  };

  const undo = async () => {
    const u = undoStep(history);
    if (u && (await setCorrections(u.step.document, u.step.before))) setHistory(u.history);
  };
  const redo = async () => {
    const r = redoStep(history);
    if (r && (await setCorrections(r.step.document, r.step.after))) setHistory(r.history);
  };

  const commit = async () => {
    if (!preview) return;
    const info = await busyWith(t('structure.committing'), () =>
      conn.api.commitImport({ draftId: preview.draftId, corrections: docs.map((d) => d.corrections), ...(target === 'new' ? { dir: dir.trim(), ...(name.trim() ? { name: name.trim() } : {}) } : {}) }),
    );
    if (!info) return;
    const cases = docs.reduce((n, d) => n + d.cases.length, 0);
    openDialog(null);
    if (target === 'new') await afterProjectSwitch(info);
    else await Promise.all([refreshInfo(), refreshCases()]);
    notify({ kind: 'info', text: t('structure.imported', { count: docs.length, cases }) });
  };

  // Corrections live only in this dialog until the import: closing with some made asks first (Esc is easily pressed).
  const made = docs.reduce((n, d) => n + d.corrections.length, 0);
  const close = () => (made ? setConfirmClose(true) : openDialog(null));

  return (
    <>
      <Dialog id="import" title={target === 'new' ? t('structure.importNewTitle') : t('structure.importTitle')} onClose={close} wide>
        <div
          className="import-dialog"
          ref={root}
          onKeyDown={(e) => {
            if (!preview || isTyping(e) || !primary(e)) return;
            const key = e.key.toLowerCase();
            if (key === 'z' || key === 'y') {
              e.preventDefault();
              void (key === 'y' || e.shiftKey ? redo() : undo());
            }
          }}
        >
          <form
            className="import-choose"
            onSubmit={(e) => {
              e.preventDefault();
              if (files.length) void load();
            }}
          >
            <p className="muted small">{t('structure.filesHint')}</p>
            <div className="row">
              <input ref={picker} type="file" multiple accept={ACCEPT} className="file-input" aria-label={t('structure.chooseFiles')} onChange={(e) => setFiles([...(e.target.files ?? [])])} />
              <button type="submit" disabled={!files.length || !!busy}>
                {t('structure.preview')}
              </button>
            </div>
            {files.length ? <p className="small">{t('structure.chosen', { count: files.length, names: files.map((f) => f.name).join(t('app.listSeparator')) })}</p> : null}
            {target === 'new' ? (
              <div className="row">
                <label className="field grow">
                  <span>{t('structure.folder')}</span>
                  <input className="new-project-dir" value={dir} onChange={(e) => setDir(e.target.value)} placeholder={t('home.folderPlaceholder')} />
                </label>
                <label className="field">
                  <span>{t('structure.name')}</span>
                  <input value={name} onChange={(e) => setName(e.target.value)} />
                </label>
              </div>
            ) : null}
          </form>
          {busy ? (
            <p className="muted" role="status">
              {busy} <LoadProgressStatus />
            </p>
          ) : null}
          {preview?.errors.length ? (
            <div className="note warn" role="note">
              <p>{t('structure.notLoaded')}</p>
              <ul>
                {preview.errors.map((e) => (
                  <li key={e.file}>{e.message}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {preview ? (
            <>
              <p className="muted small">{t('structure.keys', { undo: `${primaryName}+Z`, redo: `${primaryName}+Shift+Z` })}</p>
              {docs.map((d, i) => (
                <OutlinePreview key={d.documentId} view={d} busy={!!busy} onEdit={onEdit(i)} />
              ))}
              <div className="row import-foot">
                <button type="button" className="undo-correction" disabled={!history.done.length || !!busy} onClick={() => void undo()} aria-keyshortcuts="Control+Z">
                  ↶ {t('structure.undo')}
                </button>
                <button type="button" className="redo-correction" disabled={!history.undone.length || !!busy} onClick={() => void redo()} aria-keyshortcuts="Control+Shift+Z">
                  ↷ {t('structure.redo')}
                </button>
                <span className="spacer" />
                <button type="button" onClick={close}>
                  {t('app.cancel')}
                </button>
                <button type="button" className="primary commit-import" disabled={!docs.length || !!busy || (target === 'new' && !dir.trim())} onClick={() => void commit()}>
                  {target === 'new' ? t('structure.commitNew') : t('structure.commit', { count: docs.length })}
                </button>
              </div>
            </>
          ) : null}
        </div>
      </Dialog>
      {/* Beside the dialog, not in it: React would hand its Esc (cancel) to the import dialog too, which asks again. */}
      {confirmClose ? (
        <ConfirmDialog id="discard-import" title={t('structure.discardTitle')} message={t('structure.discard', { count: made })} confirm={t('structure.discardButton')} onConfirm={() => openDialog(null)} onCancel={() => setConfirmClose(false)} />
      ) : null}
    </>
  );
}
