import { memo, useEffect, useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import type { FileConflict } from '../../../shared/api/sync-types.ts';
import { useApp } from '../state/context.ts';

const SOURCES: Record<FileConflict['source'], string> = { syncthing: 'Syncthing', dropbox: 'Dropbox', onedrive: 'OneDrive', git: 'git' };

/**
 * Conflict copies file sync or git left of project files (two machines changed one at once),
 * shown for a person to decide: keep the file, keep the copy, or merge both where the service
 * can. Also says how many revision conflicts wait in cases' revision panels.
 */
export const SyncConflicts = memo(function SyncConflicts() {
  const { t } = useTranslation();
  const conn = useApp((s) => s.conn);
  const run = useApp((s) => s.run);
  const notify = useApp((s) => s.notify);
  const counts = useApp((s) => s.syncConflicts);
  const check = useApp((s) => s.checkExternalChanges);
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<FileConflict[]>([]);
  useEffect(() => {
    if (open && counts.files) void conn.api.listFileConflicts({}).then(setList);
  }, [open, counts.files, conn]);
  if (!counts.files && !counts.revisions) return null;

  const resolve = async (c: FileConflict, keep: 'current' | 'copy' | 'merge') => {
    const done = await run(conn.api.resolveFileConflict({ id: c.id, keep }));
    if (!done) return;
    notify({ kind: 'info', text: done.setAside ? t('sync.resolved', { file: done.file, aside: done.setAside }) : t('sync.resolvedNothingAside', { file: done.file }) });
    setList(await conn.api.listFileConflicts({}));
    // A kept copy or a merge changed a file under the page: everything shown is read again.
    await check(true);
  };

  return (
    <section className="sync-conflicts" role="region" aria-label={t('sync.revisionConflicts')}>
      {counts.files ? (
        <p>
          <span aria-hidden="true">⚠ </span>
          {t('sync.fileConflicts', { count: counts.files })}{' '}
          <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t('sync.hide') : t('sync.show')}
          </button>
        </p>
      ) : null}
      {counts.revisions ? <p className="muted small">{t('sync.revisionConflictsElsewhere', { count: counts.revisions })}</p> : null}
      {open ? (
        <ul className="file-conflicts">
          {list.map((c) => (
            <li key={c.id}>
              <p>{t('sync.copyOf', { file: c.file, copy: c.copy, source: SOURCES[c.source] })}</p>
              <ul className="muted small">
                {c.differences.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
              <div className="row">
                <button type="button" onClick={() => void resolve(c, 'current')}>
                  {t('sync.keepCurrent')}
                </button>
                <button type="button" onClick={() => void resolve(c, 'copy')}>
                  {t('sync.keepCopy')}
                </button>
                {c.canMerge ? (
                  <button type="button" className="primary" onClick={() => void resolve(c, 'merge')}>
                    {t('sync.merge')}
                  </button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
});
