import { useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import { reviewerName } from '../../../shared/model/schemas.ts';
import { useApp } from '../state/context.ts';
import { Dialog } from './Dialog.tsx';

const CONSENSUS = 'consensus';
const fold = (name: string) => name.normalize('NFC').toLowerCase();

/**
 * First run (and "switch reviewer"): who is annotating. The name field starts empty — it held
 * the current name with the caret at its end, so typing 李四 made a reviewer 张三李四 — and the
 * known reviewers are offered, as buttons and as the field's suggestions. A name typed by
 * mistake can be removed while it has no work, and any reviewer renamed.
 */
export function ReviewerDialog() {
  const { t } = useTranslation();
  const info = useApp((s) => s.info);
  const setReviewer = useApp((s) => s.setReviewer);
  const openDialog = useApp((s) => s.openDialog);
  const [name, setName] = useState('');
  const known = info?.reviewers ?? [];
  const trimmed = name.trim();
  const valid = reviewerName.safeParse(trimmed).success;
  // Bob where bob exists: one file on macOS and Windows; the service refuses it too.
  const clash = known.find((r) => r !== trimmed && fold(r) === fold(trimmed));
  const submit = (n: string) => {
    if (reviewerName.safeParse(n).success && !known.some((r) => r !== n && fold(r) === fold(n))) void setReviewer(n);
  };
  return (
    <Dialog id="reviewer" title={t('reviewer.title')} onClose={() => info?.reviewer && openDialog(null)}>
      <p>{t('reviewer.prompt')}</p>
      {info?.reviewer ? <p className="muted small">{t('reviewer.current', { reviewer: info.reviewer })}</p> : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit(trimmed);
        }}
      >
        <label className="field">
          <span>{t('reviewer.name')}</span>
          <input autoFocus value={name} list="known-reviewers" onChange={(e) => setName(e.target.value)} placeholder={t('reviewer.placeholder')} aria-invalid={!!name && (!valid || !!clash)} />
          <datalist id="known-reviewers">
            {known.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
        </label>
        {name && !valid ? (
          <p className="error" role="alert">
            {t('reviewer.invalid')}
          </p>
        ) : null}
        {valid && clash ? (
          <p className="error" role="alert">
            {t('reviewer.caseClash', { name: trimmed, other: clash })}
          </p>
        ) : null}
        {known.length ? (
          <fieldset className="chips">
            <legend>{t('reviewer.existing')}</legend>
            {known.map((r) => (
              <button key={r} type="button" aria-pressed={r === info?.reviewer} onClick={() => submit(r)}>
                {r}
              </button>
            ))}
          </fieldset>
        ) : null}
        <button type="submit" className="primary" disabled={!valid || !!clash}>
          {t('reviewer.start')}
        </button>
      </form>
      {known.some((r) => r !== CONSENSUS) ? <ManageReviewers /> : null}
    </Dialog>
  );
}

/** Each reviewer with Rename (their work goes with the name) and Remove (only without work). */
function ManageReviewers() {
  const { t } = useTranslation();
  const info = useApp((s) => s.info);
  const cases = useApp((s) => s.cases);
  const renameReviewer = useApp((s) => s.renameReviewer);
  const removeReviewer = useApp((s) => s.removeReviewer);
  const notify = useApp((s) => s.notify);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [to, setTo] = useState('');
  const known = info?.reviewers ?? [];
  // What the case list shows of a reviewer's work; the service checks every kind of it again.
  const hasWork = (r: string) => cases.some((c) => (c.spanCounts[r] ?? 0) > 0 || (c.status[r] ?? 'todo') !== 'todo');
  const target = to.trim();
  const valid = reviewerName.safeParse(target).success && target !== CONSENSUS && !known.includes(target);
  return (
    <details className="manage-reviewers">
      <summary>{t('reviewer.manage')}</summary>
      <ul>
        {known
          .filter((r) => r !== CONSENSUS)
          .map((r) => (
            <li key={r} data-reviewer={r}>
              {renaming === r ? (
                <form
                  className="row"
                  onSubmit={async (e) => {
                    e.preventDefault();
                    if (!valid) return;
                    if (await renameReviewer(r, target)) {
                      notify({ kind: 'info', text: t('reviewer.renamed', { from: r, to: target }) });
                      setRenaming(null);
                    }
                  }}
                >
                  <label className="field grow">
                    <span>{t('reviewer.renameTo', { reviewer: r })}</span>
                    <input autoFocus value={to} onChange={(e) => setTo(e.target.value)} aria-invalid={!!to && !valid} />
                  </label>
                  <button type="submit" className="primary" disabled={!valid}>
                    {t('reviewer.saveName')}
                  </button>
                  <button type="button" onClick={() => setRenaming(null)}>
                    {t('reviewer.cancel')}
                  </button>
                </form>
              ) : (
                <div className="row">
                  <span className="grow">{r}</span>
                  <button
                    type="button"
                    onClick={() => {
                      setRenaming(r);
                      setTo('');
                    }}
                  >
                    {t('reviewer.rename')}
                  </button>
                  <button
                    type="button"
                    className="danger"
                    disabled={hasWork(r)}
                    title={hasWork(r) ? t('reviewer.hasWork', { reviewer: r }) : undefined}
                    aria-label={t('reviewer.removeLabel', { reviewer: r })}
                    onClick={async () => {
                      if (await removeReviewer(r)) notify({ kind: 'info', text: t('reviewer.removed', { reviewer: r }) });
                    }}
                  >
                    {t('reviewer.remove')}
                  </button>
                </div>
              )}
            </li>
          ))}
      </ul>
    </details>
  );
}
