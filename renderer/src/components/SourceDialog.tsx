import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import type { SourceExcerpt } from '../../../shared/api/types.ts';
import { PdfPages } from '../pdf/PdfPages.tsx';
import { useApp } from '../state/context.ts';
import { Dialog } from './Dialog.tsx';

/**
 * A range of the case shown in the file it was loaded from: the source lines around it, with
 * line numbers and the range marked, so a reviewer can check what the extraction did. From a
 * PDF, the page itself comes first, drawn as printed, with the range's boxes marked.
 */
export function SourceDialog({ caseId, start, end, onClose }: { caseId: string; start: number; end: number; onClose: () => void }) {
  const { t } = useTranslation();
  const conn = useApp((s) => s.conn);
  const run = useApp((s) => s.run);
  const [excerpt, setExcerpt] = useState<SourceExcerpt | null>(null);
  useEffect(() => {
    let live = true;
    void run(conn.api.sourceExcerpt({ caseId, start, end })).then((x) => live && setExcerpt(x));
    return () => {
      live = false;
    };
  }, [conn, run, caseId, start, end]);
  return (
    <Dialog id="source" title={t('source.title')} onClose={onClose} wide>
      {!excerpt ? (
        <p className="muted">{t('app.loading')}</p>
      ) : excerpt.found ? (
        <>
          {excerpt.layout && excerpt.layout.boxes.length > 0 ? (
            <>
              <p className="muted small">{t('source.wherePage', { file: excerpt.file, page: excerpt.layout.boxes[0]!.page })}</p>
              <PdfPages layout={excerpt.layout} quote={excerpt.quote} />
              <p className="muted small">{t('source.asRead')}</p>
            </>
          ) : (
            <p className="muted small">{t('source.where', { file: excerpt.file, line: excerpt.lines.find((l) => l.mark)?.number ?? '?' })}</p>
          )}
          <ol className="source-lines" lang="zh-CN">
            {excerpt.lines.map((l) => (
              <li key={l.number} value={l.number} className={l.mark ? 'marked' : ''}>
                {l.mark ? (
                  <>
                    {l.text.slice(0, l.mark.start)}
                    <mark>{l.text.slice(l.mark.start, l.mark.end)}</mark>
                    {l.text.slice(l.mark.end)}
                  </>
                ) : (
                  l.text || '\u00a0'
                )}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p>{t('source.notInSource', { quote: excerpt.quote })}</p>
      )}
    </Dialog>
  );
}
