import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import type { RevisionInfo } from '../../../shared/api/types.ts';
import type { RevisionConflict } from '../../../shared/api/sync-types.ts';
import { compareTexts } from '../../../shared/compare/text-parts.ts';
import { formatDateTime } from '../lib/format.ts';
import { revisionNote } from '../lib/revision-note.ts';
import { useApp } from '../state/context.ts';
import type { TextIndexRef } from '../reader/text-index.ts';
import { shownRevision } from '../lib/revision-number.ts';

/**
 * For editors: edit the case text in place, see what changed since the previous revision, and
 * work through the annotations the re-anchoring could not place.
 */
export function RevisionPanel({ index }: { index: TextIndexRef }) {
  const { t, i18n } = useTranslation();
  const detail = useApp((s) => s.detail);
  const conn = useApp((s) => s.conn);
  const run = useApp((s) => s.run);
  const revise = useApp((s) => s.revise);
  const lastReport = useApp((s) => s.lastReport);
  const reloadCase = useApp((s) => s.reloadCase);
  const refreshCases = useApp((s) => s.refreshCases);
  const notify = useApp((s) => s.notify);
  const [editing, setEditing] = useState(false);
  // The case the draft is of: another case opened meanwhile shows its own text, not this draft
  // (which comes back, unsaved, when that case is opened again).
  const [draftFor, setDraftFor] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [note, setNote] = useState('');
  // Why the last save failed: the form stays open with the edited text, and says so.
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [revisions, setRevisions] = useState<RevisionInfo[]>([]);
  // Texts saved as revisions of this case that another writer's revision came before.
  const [conflicts, setConflicts] = useState<RevisionConflict[]>([]);
  const changeEpoch = useApp((s) => s.changeEpoch);
  const checkExternalChanges = useApp((s) => s.checkExternalChanges);
  const [previous, setPrevious] = useState<{ caseId: string; revision: number; text: string } | null>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  // Where the focus goes when the form opens (the text) and closes (the button that opened it).
  const focusNext = useRef<'text' | 'button' | null>(null);
  useEffect(() => {
    if (focusNext.current === 'text') textArea.current?.focus();
    else if (focusNext.current === 'button') editButton.current?.focus();
    focusNext.current = null;
    // oxlint-disable-next-line react/exhaustive-effect-dependencies -- runs when the form opens or closes (its elements are then in the DOM)
  }, [editing]);
  // A resolved orphan leaves the queue with the button just pressed: the focus goes on to the
  // orphan now in its place (or the queue's heading when it is empty), not to the page.
  const orphanList = useRef<HTMLOListElement>(null);
  const orphanHeading = useRef<HTMLHeadingElement>(null);
  const orphanFocus = useRef<number | null>(null);
  const orphans = detail?.orphans;
  useEffect(() => {
    const at = orphanFocus.current;
    if (at === null) return;
    orphanFocus.current = null;
    const items = orphanList.current?.querySelectorAll<HTMLElement>('.orphan') ?? [];
    const next = items[Math.min(at, items.length - 1)]?.querySelector<HTMLElement>('button');
    (next ?? orphanHeading.current)?.focus();
    // oxlint-disable-next-line react/exhaustive-effect-dependencies -- runs when the queue has re-rendered
  }, [orphans]);
  const closeForm = () => {
    focusNext.current = 'button';
    setEditing(false);
  };

  const caseId = detail?.summary.id;
  const revision = detail?.revision ?? 0;
  useEffect(() => {
    if (!caseId) return;
    void conn.api.listRevisionConflicts({ caseId }).then(setConflicts);
    // oxlint-disable-next-line react/exhaustive-effect-dependencies -- a revision, other writers' changes (`changeEpoch`) or a save just refused (`saving`) may bring conflicts
  }, [caseId, revision, conn, changeEpoch, saving]);
  useEffect(() => {
    if (!caseId) return;
    void conn.api.listRevisions({ caseId }).then(setRevisions);
    if (revision > 0) void conn.api.getRevisionText({ caseId, revision: revision - 1 }).then((r) => setPrevious({ caseId, revision, text: r.text }));
  }, [caseId, revision, conn]);
  if (!detail) return null;

  const settle = async (conflict: RevisionConflict, action: 'apply' | 'discard') => {
    const done = await run(conn.api.resolveRevisionConflict({ caseId: conflict.caseId, id: conflict.id, action }));
    if (!done) return;
    notify({ kind: 'info', text: action === 'apply' ? t('sync.applied', { revision: shownRevision(done.revision) }) : t('sync.discarded') });
    setConflicts(await conn.api.listRevisionConflicts({ caseId: conflict.caseId }));
    await Promise.all([reloadCase(), refreshCases(), checkExternalChanges()]);
  };

  const resolve = async (input: Parameters<typeof conn.api.resolveOrphan>[0]) => {
    const at = detail.orphans.findIndex((o) => o.id === input.id);
    if ((await run(conn.api.resolveOrphan(input))) === null) return;
    orphanFocus.current = at;
    await Promise.all([reloadCase(), refreshCases()]);
  };

  return (
    <section className="revision-panel" aria-label={t('panel.revisions')}>
      {editing && draftFor === caseId ? (
        <form
          className="revise-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (saving) return;
            if (draft === detail.text) {
              notify({ kind: 'info', text: t('revise.noChange') });
              return;
            }
            setSaving(true);
            setSaveError(null);
            void revise(draft, note).then((outcome) => {
              setSaving(false);
              if (outcome.ok) closeForm();
              else {
                setSaveError(outcome.conflict ? t('revise.conflict') : t('revise.failed', { message: outcome.message }));
                textArea.current?.focus();
              }
            });
          }}
          aria-describedby={saveError ? 'revise-error' : undefined}
        >
          {saveError ? (
            <p id="revise-error" className="error" role="alert">
              ⚠ {saveError}
            </p>
          ) : null}
          <label className="field">
            <span>{t('reader.caseText')}</span>
            <textarea ref={textArea} className="revise-text" value={draft} onChange={(e) => setDraft(e.target.value)} rows={18} lang="zh-CN" />
          </label>
          <label className="field">
            <span>{t('revise.note')}</span>
            <input value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('revise.notePlaceholder')} />
          </label>
          <div className="row">
            <button type="submit" className="primary" disabled={saving}>
              {t('revise.save')}
            </button>
            <button type="button" onClick={closeForm}>
              {t('revise.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          ref={editButton}
          onClick={() => {
            setDraft(detail.text);
            setDraftFor(detail.summary.id);
            setNote('');
            setSaveError(null);
            focusNext.current = 'text';
            setEditing(true);
          }}
        >
          ✎ {t('revise.edit')}
        </button>
      )}
      {lastReport && lastReport.caseId === detail.summary.id ? (
        <p className="report" role="status">
          {t('revise.report', { unchanged: lastReport.unchanged, moved: lastReport.moved, refound: lastReport.refound, orphaned: lastReport.orphaned })}
        </p>
      ) : null}

      {conflicts.length ? (
        <section className="revision-conflicts" aria-labelledby="revision-conflicts-heading">
          <h4 id="revision-conflicts-heading">
            <span aria-hidden="true">⚠ </span>
            {t('sync.revisionConflicts')} ({conflicts.length})
          </h4>
          <p className="muted small">{t('sync.revisionConflictsHelp')}</p>
          <ol className="revision-conflict-list">
            {conflicts.map((c) => (
              <li key={c.id}>
                <p>
                  {t('sync.revisionConflict', { revision: shownRevision(c.revision), author: c.author, time: formatDateTime(c.createdAt, i18n.language), base: shownRevision(c.baseRevision), current: shownRevision(c.currentRevision) })}
                  {c.note ? ` · ${revisionNote(c.note, t)}` : ''}
                </p>
                <details className="diff">
                  <summary>{t('sync.compare')}</summary>
                  <DiffView before={c.currentText} after={c.text} />
                </details>
                <div className="row">
                  <button type="button" className="primary" onClick={() => void settle(c, 'apply')}>
                    {t('sync.apply')}
                  </button>
                  <button type="button" onClick={() => void settle(c, 'discard')}>
                    {t('sync.discard')}
                  </button>
                </div>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <h4 ref={orphanHeading} tabIndex={-1}>
        {t('revise.orphans')}
      </h4>
      {detail.orphans.length === 0 ? <p className="muted">{t('revise.noOrphans')}</p> : null}
      <ol className="orphans" ref={orphanList}>
        {detail.orphans.map((o) => (
          <li key={o.id} className="orphan">
            <p>{t('revise.was', { quote: o.quote.exact })}</p>
            {o.orphan?.candidate ? (
              <p className="muted small">
                {t('revise.candidate', { score: o.orphan.candidate.score.toFixed(2), text: detail.text.slice(o.orphan.candidate.start, o.orphan.candidate.end) })}
              </p>
            ) : null}
            <div className="row">
              <button
                type="button"
                onClick={() => {
                  const sel = index.current?.selection();
                  if (!sel || sel.end <= sel.start) notify({ kind: 'info', text: t('revise.selectFirst') });
                  else void resolve({ action: 'place', caseId: detail.summary.id, id: o.id, start: sel.start, end: sel.end });
                }}
              >
                {t('revise.place')}
              </button>
              {o.orphan?.candidate ? (
                <button type="button" onClick={() => void resolve({ action: 'place', caseId: detail.summary.id, id: o.id, start: o.orphan!.candidate!.start, end: o.orphan!.candidate!.end })}>
                  {t('revise.placeCandidate')}
                </button>
              ) : null}
              <button type="button" className="danger" onClick={() => void resolve({ action: 'drop', caseId: detail.summary.id, id: o.id })}>
                {t('revise.drop')}
              </button>
            </div>
          </li>
        ))}
      </ol>

      {previous && previous.caseId === caseId && previous.revision === revision ? (
        <details className="diff">
          <summary>{t('revise.diff')}</summary>
          <DiffView before={previous.text} after={detail.text} />
        </details>
      ) : null}
      <h4>{t('revise.history')}</h4>
      <ol className="revisions">
        {revisions.map((r) => (
          <li key={r.revision}>
            {t('reader.revision', { n: shownRevision(r.revision) })} · {formatDateTime(r.createdAt, i18n.language)} · {r.author}
            {r.note ? ` · ${revisionNote(r.note, t)}` : ''}
            {r.report ? <div className="muted small">{t('revise.report', { ...r.report })}</div> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Changes between two texts, deletions struck through and insertions underlined (not by colour alone). */
function DiffView({ before, after }: { before: string; after: string }) {
  // The levelled diff the text comparison and the re-anchoring use: a long revision is compared,
  // not given up on (a plain character diff timed out and showed the text as unchanged).
  const { parts } = useMemo(() => compareTexts(before, after), [before, after]);
  return (
    <div className="diff-view" lang="zh-CN">
      {parts.map((p, i) =>
        p.kind === 'added' ? (
          <ins key={i}>{p.text}</ins>
        ) : p.kind === 'removed' ? (
          <del key={i}>{p.text}</del>
        ) : (
          <span key={i}>{p.text.length > 80 ? `${p.text.slice(0, 30)} … ${p.text.slice(-30)}` : p.text}</span>
        ),
      )}
    </div>
  );
}
