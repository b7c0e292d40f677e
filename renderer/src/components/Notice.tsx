import { memo, useEffect } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import { useApp } from '../state/context.ts';

/**
 * Messages and errors, announced to screen readers; info messages fade, errors and notes of
 * repaired files stay until dismissed.
 */
export const Notice = memo(function Notice() {
  const { t } = useTranslation();
  const notice = useApp((s) => s.notice);
  const notify = useApp((s) => s.notify);
  useEffect(() => {
    if (notice?.kind !== 'info') return;
    const timer = setTimeout(() => notify(null), 6000);
    return () => clearTimeout(timer);
  }, [notice, notify]);
  if (!notice) return null;
  return (
    <div className={`notice ${notice.kind}`} role={notice.kind === 'info' ? 'status' : 'alert'}>
      <span className="notice-icon" aria-hidden="true">
        {notice.kind === 'info' ? 'ℹ' : '⚠'}
      </span>
      <span className="notice-text">
        {notice.kind === 'recovered' ? <strong className="notice-heading">{t('app.recovered')}</strong> : null}
        {notice.kind === 'recovered' ? <br /> : null}
        {notice.text}
      </span>
      <button type="button" onClick={() => notify(null)}>
        {t('app.dismiss')}
      </button>
    </div>
  );
});
