import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import type { ExportJob } from '../../../shared/api/types.ts';
import { EXPORT_FORMATS, type FormatId } from '../../../shared/export/catalog.ts';
import { downloadExport } from '../api/http-transport.ts';
import { useApp } from '../state/context.ts';
import { Dialog } from './Dialog.tsx';

/** Export in every format, with progress; in a browser the result downloads, on the desktop it is shown where it was written. */
export function ExportDialog() {
  const { t, i18n } = useTranslation();
  const conn = useApp((s) => s.conn);
  const info = useApp((s) => s.info);
  const openDialog = useApp((s) => s.openDialog);
  const run = useApp((s) => s.run);
  const [format, setFormat] = useState<FormatId>('json');
  const [reviewers, setReviewers] = useState<string[]>([]);
  const [job, setJob] = useState<ExportJob | null>(null);

  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = setInterval(() => {
      void conn.api.exportStatus({ jobId: job.id }).then(setJob);
    }, 150);
    return () => clearInterval(timer);
  }, [job, conn]);

  const def = EXPORT_FORMATS.find((f) => f.id === format)!;
  return (
    <Dialog id="export" title={t('export.title')} onClose={() => openDialog(null)} wide>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(conn.api.startExport({ format, ...(reviewers.length ? { reviewers } : {}) })).then((j) => j && setJob(j));
        }}
      >
        <fieldset className="formats">
          <legend>{t('export.format')}</legend>
          {EXPORT_FORMATS.map((f) => (
            <label key={f.id} className="format-option">
              <input type="radio" name="format" value={f.id} checked={format === f.id} onChange={() => setFormat(f.id)} />
              <span>
                {/* Described in the interface language by format id; the catalog's English for a format added since. */}
                <strong>{f.id}</strong> — {i18n.exists(`export.formats.${f.id}`) ? t(`export.formats.${f.id}`) : f.label}
              </span>
            </label>
          ))}
        </fieldset>
        <p className="muted">{t('export.unit', { unit: t(`export.units.${def.offsetUnit}`) })}</p>
        {info && info.reviewers.length > 1 ? (
          <fieldset className="chips">
            <legend>{t('export.reviewers')}</legend>
            {info.reviewers.map((r) => (
              <label key={r}>
                <input type="checkbox" checked={reviewers.includes(r)} onChange={(e) => setReviewers(e.target.checked ? [...reviewers, r] : reviewers.filter((x) => x !== r))} /> {r}
              </label>
            ))}
            <span className="muted">{reviewers.length ? '' : t('export.allReviewers')}</span>
          </fieldset>
        ) : null}
        <button type="submit" className="primary" disabled={job?.state === 'running'}>
          {t('export.start')}
        </button>
      </form>
      {job ? (
        <div className="export-status" role="status" aria-live="polite">
          {job.state === 'running' ? (
            <>
              <progress max={job.total || 1} value={job.done} />
              <span>{t('export.running', { done: job.done, total: job.total || '…' })}</span>
            </>
          ) : job.state === 'done' ? (
            <>
              <p>{t('export.done', { path: job.output })}</p>
              {conn.host === 'browser' && conn.token ? (
                <button type="button" className="primary" onClick={() => void run(downloadExport(conn.token!, job.id))}>
                  ⇩ {t('export.download')}
                </button>
              ) : null}
            </>
          ) : (
            <p className="error">{t('export.failed', { message: job.error })}</p>
          )}
        </div>
      ) : null}
    </Dialog>
  );
}
