import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import type { LoadProgress } from '../../../shared/api/types.ts';
import { useApp } from '../state/context.ts';

const POLL_MS = 400;

/**
 * How far the host has got reading the files being loaded (a long PDF, page by page), polled
 * from `loadProgress` while this is shown: put it beside a call that loads files (previewImport).
 */
export function LoadProgressStatus() {
  const { t } = useTranslation();
  const api = useApp((s) => s.conn.api);
  const [loads, setLoads] = useState<LoadProgress[]>([]);
  useEffect(() => {
    let live = true;
    const poll = async () => {
      const now = await api.loadProgress({}).catch(() => [] as LoadProgress[]);
      if (live) setLoads(now);
    };
    const timer = setInterval(() => void poll(), POLL_MS);
    void poll();
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api]);
  return (
    <>
      {loads.map((l) => (
        <span key={l.file} className="load-progress">
          <label>
            {t('pdfProgress.reading', { file: l.file, page: l.page, pages: l.pages })}
            <progress max={l.pages} value={l.page} />
          </label>
        </span>
      ))}
    </>
  );
}
