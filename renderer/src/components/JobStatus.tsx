import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import type { ExportJob } from '../../../shared/api/types.ts';
import { downloadExport } from '../api/http-transport.ts';
import { useApp } from '../state/context.ts';

/** A document export (compendium, lessons library) as a job: start it, follow its progress. */
export function useExportJob(): [ExportJob | null, (start: Promise<ExportJob>) => Promise<void>] {
  const conn = useApp((s) => s.conn);
  const run = useApp((s) => s.run);
  const [job, setJob] = useState<ExportJob | null>(null);
  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = setInterval(() => void conn.api.exportStatus({ jobId: job.id }).then(setJob), 150);
    return () => clearInterval(timer);
  }, [job, conn]);
  const start = useCallback(async (p: Promise<ExportJob>) => {
    const j = await run(p);
    if (j) setJob(j);
  }, [run]);
  return [job, start];
}

/** Where the job stands; once done, where the file is and (in a browser) a download button. */
export function JobStatus({ job }: { job: ExportJob | null }) {
  const { t } = useTranslation();
  const conn = useApp((s) => s.conn);
  const run = useApp((s) => s.run);
  if (!job) return null;
  return (
    <div className="export-status" role="status">
      {job.state === 'done' ? (
        <>
          {t('export.done', { path: job.output })}
          {conn.host === 'browser' && conn.token ? (
            <button type="button" onClick={() => void run(downloadExport(conn.token!, job.id))}>
              ⇩ {t('export.download')}
            </button>
          ) : null}
        </>
      ) : job.state === 'failed' ? (
        <span className="error">{t('export.failed', { message: job.error })}</span>
      ) : (
        t('export.running', { done: job.done, total: job.total })
      )}
    </div>
  );
}
