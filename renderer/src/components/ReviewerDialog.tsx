import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reviewerName } from '../../../shared/model/schemas.ts';
import { useApp } from '../state/context.ts';
import { Dialog } from './Dialog.tsx';

/** First run (and "switch reviewer"): who is annotating. */
export function ReviewerDialog() {
  const { t } = useTranslation();
  const info = useApp((s) => s.info);
  const setReviewer = useApp((s) => s.setReviewer);
  const openDialog = useApp((s) => s.openDialog);
  const [name, setName] = useState(info?.reviewer ?? '');
  const valid = reviewerName.safeParse(name.trim()).success;
  const submit = (n: string) => {
    if (reviewerName.safeParse(n).success) void setReviewer(n);
  };
  return (
    <Dialog id="reviewer" title={t('reviewer.title')} onClose={() => info?.reviewer && openDialog(null)}>
      <p>{t('reviewer.prompt')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit(name.trim());
        }}
      >
        <label className="field">
          <span>{t('reviewer.name')}</span>
          <input autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder={t('reviewer.placeholder')} aria-invalid={!!name && !valid} />
        </label>
        {name && !valid ? <p className="error" role="alert">{t('reviewer.invalid')}</p> : null}
        {info?.reviewers.length ? (
          <fieldset className="chips">
            <legend>{t('reviewer.existing')}</legend>
            {info.reviewers.map((r) => (
              <button key={r} type="button" onClick={() => submit(r)}>
                {r}
              </button>
            ))}
          </fieldset>
        ) : null}
        <button type="submit" className="primary" disabled={!valid}>
          {t('reviewer.start')}
        </button>
      </form>
    </Dialog>
  );
}
