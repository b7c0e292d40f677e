import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import { DOCUMENT_SHAPES } from '../../../shared/model/document.ts';
import { paragraphAt, READING_CHOICES, type OutlineEdit, type OutlineView } from '../../../shared/outline/index.ts';
import type { TextIndexRef } from '../reader/text-index.ts';
import { useApp } from '../state/context.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { CaseFields, HeadingForm, WarningNote, type HeadingDraft } from './StructureParts.tsx';
import './structure.css';

const clip = (text: string, n = 24) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

/**
 * The open case's structure, for everyone in the project: split it at the paragraph at the
 * caret, merge it with the next case, change its title, region and part, make the paragraph at
 * the caret a heading or body text, drop it as not a case, or reload its file with the current
 * loader. Each is one step of the undo history (the top bar's Undo, {primary}+Z). The loader's
 * notes about this case are listed, each jumping to its paragraph.
 */
export function CaseStructure({ index }: { index: TextIndexRef }) {
  const { t } = useTranslation();
  const detail = useApp((s) => s.detail);
  const conn = useApp((s) => s.conn);
  const run = useApp((s) => s.run);
  const notify = useApp((s) => s.notify);
  const reloadCase = useApp((s) => s.reloadCase);
  const refreshCases = useApp((s) => s.refreshCases);
  const refreshInfo = useApp((s) => s.refreshInfo);
  const openCase = useApp((s) => s.openCase);
  const revealRange = useApp((s) => s.revealRange);
  const [outline, setOutline] = useState<OutlineView | null>(null);
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState<'fields' | 'split' | 'heading' | 'drop' | null>(null);
  const [heading, setHeading] = useState<HeadingDraft | null>(null);
  const [splitTitle, setSplitTitle] = useState('');
  const [caret, setCaret] = useState<number | null>(null);
  // The paragraph a split or heading form was opened at: the form's own field takes the focus (and
  // the selection) out of the reader, and the form must not follow the caret away.
  const [formAt, setFormAt] = useState<{ start: number; end: number } | null>(null);
  const caseId = detail?.summary.id ?? null;
  const documentId = detail?.summary.documentId ?? null;
  const text = detail?.text ?? '';

  // The outline is read again whenever the case changes under the panel: a correction, or an undo
  // or redo of one from the top bar (which may leave the revision as it was: an unrevised case
  // takes the corrected text as loaded).
  const revision = detail?.revision;
  const shape = detail ? JSON.stringify([detail.summary.title, detail.summary.region, detail.summary.part, detail.text.length, detail.sections.map((s) => [s.start, s.level, s.kinds])]) : '';
  useEffect(() => {
    if (!documentId) return;
    let live = true;
    // A document whose source was not kept cannot be corrected: the panel then says nothing.
    conn.api.getOutline({ documentId }).then(
      (view) => live && setOutline(view),
      () => live && setOutline(null),
    );
    return () => {
      live = false;
    };
    // oxlint-disable-next-line react/exhaustive-effect-dependencies -- the outline changes with the case, its revision, text and outline
  }, [conn, documentId, caseId, revision, shape]);

  // The caret follows the reader's selection; a selection elsewhere (a field of this panel) leaves it where it was.
  useEffect(() => {
    const update = () => {
      const reader = index.current;
      const sel = reader?.selection();
      if (sel) return setCaret(sel.start);
      const anchor = document.getSelection()?.anchorNode;
      if (anchor?.isConnected && reader && !reader.root.contains(anchor)) return;
      setCaret(null);
    };
    update();
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
    // oxlint-disable-next-line react/exhaustive-effect-dependencies -- another case or revision is another index: the caret is read again
  }, [index, caseId, revision]);

  if (!detail || !caseId || !documentId || !outline) return null;
  const mine = outline.cases.find((c) => c.id === caseId);
  if (!mine) return null;
  const position = outline.cases.indexOf(mine);
  const isLast = position === outline.cases.length - 1;
  const paragraph = caret === null ? null : paragraphAt(text, Math.min(caret, text.length));
  const atHeading = paragraph ? mine.paragraphs.find((p) => p.start === paragraph.start)?.heading : undefined;

  const correct = async (edit: OutlineEdit) => {
    setBusy(true);
    try {
      // The outline the edit was made on: one another workbench changed since refuses an edit that no longer fits as a conflict.
      const r = await run(conn.api.correctOutline({ documentId, edit, seen: { corrections: outline.corrections.length, last: outline.corrections.at(-1)?.id ?? null, cases: outline.cases.map((c) => c.id) } }));
      if (!r) return false;
      setOutline(r.view);
      // Another shape or reading loads the file again (annotations are re-anchored when read): say so, not "0 moved".
      const reloaded = edit.op === 'shape' || edit.op === 'reading';
      notify({ kind: 'info', text: reloaded ? t('structure.reloaded', { cases: r.view.cases.length, unfit: r.view.unfit.length }) : t('structure.changed', { op: t(`structure.op.${edit.op}`), moved: r.spans.moved + r.spans.restored, orphaned: r.spans.orphaned }) });
      await refreshCases();
      void refreshInfo();
      if (r.view.cases.some((c) => c.id === caseId)) await reloadCase();
      else {
        // This case went (dropped): the one before it takes its place.
        const next = r.view.cases[Math.max(0, Math.min(position - 1, r.view.cases.length - 1))];
        if (next) await openCase(next.id);
      }
      // Back to the text: the control used may be gone or disabled now.
      document.querySelector<HTMLElement>('.reader-text')?.focus({ preventScroll: true });
      return true;
    } finally {
      setBusy(false);
    }
  };
  /** Close a form, and give the focus back to the button that opened it (the form's fields are gone). */
  const closeForm = (opener: string) => {
    setForm(null);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`.case-structure .${opener}`)?.focus());
  };
  const needCaret = () => {
    if (paragraph) return true;
    notify({ kind: 'info', text: t('structure.noCaret') });
    return false;
  };

  return (
    <section className="case-structure" aria-labelledby="case-structure-title">
      <h3 id="case-structure-title">{t('structure.panelTitle')}</h3>
      <p className="muted small">{t('structure.panelHint')}</p>
      <p className="caret muted" aria-live="polite">
        {paragraph ? t('structure.atCaret', { text: clip(text.slice(paragraph.start, paragraph.end)) }) : t('structure.noCaret')}
      </p>
      <div className="buttons">
        <button type="button" className="split-at-caret" disabled={busy || !paragraph || paragraph.start === 0 || !text.slice(paragraph.end).trim()} onClick={() => needCaret() && void correct({ op: 'split', caseId, at: paragraph!.start, titleFromParagraph: true })}>
          {t('structure.splitTitle')}
        </button>
        <button
          type="button"
          className="split-keep"
          disabled={busy || !paragraph || paragraph.start === 0}
          onClick={() => {
            if (!needCaret()) return;
            setFormAt(paragraph);
            setForm('split');
          }}
        >
          {t('structure.splitBody')}
        </button>
        <button type="button" className="merge-next" disabled={busy || isLast} onClick={() => void correct({ op: 'merge', caseId })}>
          {t('structure.merge')}
        </button>
        <button type="button" className="edit-case" disabled={busy} aria-expanded={form === 'fields'} onClick={() => setForm(form === 'fields' ? null : 'fields')}>
          {t('structure.edit')}
        </button>
        <button
          type="button"
          className="toggle-heading"
          disabled={busy || !paragraph}
          onClick={() => {
            if (!needCaret()) return;
            if (atHeading) void correct({ op: 'make-body', caseId, at: paragraph!.start });
            else {
              setHeading({ index: 0, level: 1, text: text.slice(paragraph!.start, paragraph!.end) });
              setFormAt(paragraph);
              setForm('heading');
            }
          }}
        >
          {atHeading ? t('structure.makeBody') : t('structure.makeHeading')}
        </button>
        <button type="button" className="drop-case danger" disabled={busy || outline.cases.length === 1} onClick={() => setForm('drop')}>
          {t('structure.dropCase')}
        </button>
      </div>
      {form === 'fields' ? (
        <CaseFields
          c={mine}
          busy={busy}
          onCancel={() => closeForm('edit-case')}
          onSave={(edits) =>
            void (async () => {
              for (const e of edits) if (!(await correct(e))) return;
              setForm(null);
            })()
          }
        />
      ) : null}
      {form === 'split' && formAt ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!splitTitle.trim()) return;
            void correct({ op: 'split', caseId, at: formAt.start, titleFromParagraph: false, title: splitTitle.trim() }).then((done) => {
              if (!done) return;
              setForm(null);
              setSplitTitle('');
            });
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              closeForm('split-keep');
            }
          }}
        >
          <label className="field">
            <span>{t('structure.newTitle')}</span>
            {/* oxlint-disable-next-line jsx-a11y/no-autofocus -- the form opens for this one field */}
            <input autoFocus value={splitTitle} onChange={(e) => setSplitTitle(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={!splitTitle.trim() || busy}>
            {t('structure.save')}
          </button>
          <button type="button" onClick={() => closeForm('split-keep')}>
            {t('app.cancel')}
          </button>
        </form>
      ) : null}
      {form === 'heading' && heading && formAt ? (
        <HeadingForm
          draft={heading}
          onCancel={() => closeForm('toggle-heading')}
          onSubmit={(level, kinds) => {
            setForm(null);
            void correct({ op: 'make-heading', caseId, at: formAt.start, level, kinds });
          }}
        />
      ) : null}
      {form === 'drop' ? (
        <ConfirmDialog
          id="drop-case"
          title={t('structure.confirmDropTitle')}
          message={t('structure.confirmDrop', { title: mine.title })}
          confirm={t('structure.confirmDropButton')}
          onConfirm={() => void correct({ op: 'drop-case', caseId })}
          onCancel={() => setForm(null)}
        />
      ) : null}
      <div className="row">
        <label className="field">
          <span>{t('structure.shape')}</span>
          <select value={outline.format} disabled={busy} onChange={(e) => void correct({ op: 'shape', shape: e.target.value as OutlineView['format'] })}>
            {DOCUMENT_SHAPES.map((s) => (
              <option key={s} value={s}>
                {t(`structure.shapes.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('structure.reading')}</span>
          <select value={outline.reading ?? 'auto'} disabled={busy} onChange={(e) => void correct({ op: 'reading', reading: e.target.value as (typeof READING_CHOICES)[number] })}>
            {READING_CHOICES.map((r) => (
              <option key={r} value={r}>
                {t(`structure.readings.${r}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <button
        type="button"
        className="reload-document"
        disabled={busy}
        onClick={() =>
          void (async () => {
            setBusy(true);
            try {
              const r = await run(conn.api.reloadDocument({ documentId }));
              if (!r) return;
              setOutline(r.view);
              // A case the loader no longer finds keeps its annotations where they were: say which, so the
              // reviewer can move them (its text may now also be in another case), not find it later.
              const kept = r.kept.map((id) => r.view.cases.find((c) => c.id === id)?.title ?? id);
              notify({ kind: 'info', text: [t('structure.reloaded', { cases: r.view.cases.length, unfit: r.unfit.length }), kept.length ? t('structure.reloadKept', { count: kept.length, titles: kept.join(t('app.listSeparator')) }) : ''].filter(Boolean).join('\n') });
              await refreshCases();
              if (r.view.cases.some((c) => c.id === caseId)) await reloadCase();
              else if (r.view.cases[0]) await openCase(r.view.cases[0].id);
            } finally {
              setBusy(false);
            }
          })()
        }
      >
        {t('structure.reload')}
      </button>
      {mine.warnings.length ? (
        <div className="case-warnings" role="group" aria-label={t('structure.caseWarnings', { count: mine.warnings.length })}>
          <p className="small">{t('structure.caseWarnings', { count: mine.warnings.length })}</p>
          {mine.warnings.map((w, i) => (
            <button key={i} type="button" className="note-jump" disabled={w.at === null} onClick={() => w.at !== null && revealRange(w.at, w.at, true)}>
              <WarningNote w={w} inline />
            </button>
          ))}
        </div>
      ) : null}
      {outline.unfit.length ? (
        <div className="note warn small unfit" role="note">
          <p>{t('structure.unfitTitle')}</p>
          <ul>
            {outline.unfit.map((u) => (
              <li key={u.correction.id}>{t('structure.unfitItem', { op: t(`structure.op.${u.correction.op}`), at: 'at' in u.correction ? clip(u.correction.at.exact) : '—', reason: t(`structure.unfit.${u.reason}`) })}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
