import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import type { SourceLayout } from '../../../shared/api/types.ts';
import { useApp } from '../state/context.ts';
import { pdfDocument } from './pdf-documents.ts';

/** Width the page is drawn at, in CSS pixels (the dialog's wide size). */
const PAGE_WIDTH = 760;

/**
 * The pages a range stands on, drawn by PDF.js, with the range's boxes marked on them: a
 * reviewer sees the span where it is printed. The marks are outlined as well as tinted, and
 * the page says in words which page it is and that the range is marked.
 */
export function PdfPages({ layout, quote }: { layout: SourceLayout; quote: string }) {
  const pages = [...new Set(layout.boxes.map((b) => b.page))].sort((a, b) => a - b);
  return (
    <div className="pdf-pages">
      {pages.map((p) => (
        <PdfPage key={p} layout={layout} page={p} quote={quote} />
      ))}
    </div>
  );
}

function PdfPage({ layout, page, quote }: { layout: SourceLayout; page: number; quote: string }) {
  const { t } = useTranslation();
  const api = useApp((s) => s.conn.api);
  const project = useApp((s) => s.info?.dir ?? '');
  const canvas = useRef<HTMLCanvasElement>(null);
  const firstMark = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const size = layout.pages[page - 1] ?? { width: 595, height: 842 };
  const scale = PAGE_WIDTH / size.width;
  useEffect(() => {
    let live = true;
    let task: { cancel(): void } | null = null;
    void (async () => {
      try {
        const doc = await pdfDocument(api, project, layout.documentId);
        const pdfPage = await doc.getPage(page);
        const el = canvas.current;
        if (!live || !el) return;
        const ratio = window.devicePixelRatio || 1;
        const viewport = pdfPage.getViewport({ scale: scale * ratio });
        el.width = Math.floor(viewport.width);
        el.height = Math.floor(viewport.height);
        const render = pdfPage.render({ canvas: el, viewport });
        task = render;
        await render.promise;
        if (live) setState('ready');
      } catch (e) {
        if (live && (e as { name?: string }).name !== 'RenderingCancelledException') setState('failed');
      }
    })();
    return () => {
      live = false;
      task?.cancel();
    };
  }, [api, project, layout.documentId, page, scale]);
  useEffect(() => {
    if (state === 'ready') firstMark.current?.scrollIntoView({ block: 'center' });
  }, [state]);
  const boxes = layout.boxes.filter((b) => b.page === page);
  return (
    <figure className="pdf-page" data-page={page} data-state={state}>
      <figcaption className="muted small">{t('source.page', { page, pages: layout.pages.length })}</figcaption>
      <div className="pdf-sheet" style={{ width: PAGE_WIDTH, height: size.height * scale }}>
        <canvas ref={canvas} style={{ width: PAGE_WIDTH, height: size.height * scale }} aria-label={t('source.pageImage', { page })} />
        {boxes.map((b, i) => (
          <div
            key={i}
            ref={i === 0 ? firstMark : undefined}
            className="pdf-mark"
            style={{ left: b.x * scale, top: b.y * scale, width: b.width * scale, height: b.height * scale }}
            {...(i === 0 ? { role: 'mark', 'aria-label': t('source.marked', { quote }) } : { 'aria-hidden': true })}
          />
        ))}
        {state === 'loading' && <p className="pdf-status muted">{t('app.loading')}</p>}
        {state === 'failed' && <p className="pdf-status">{t('source.pageFailed')}</p>}
      </div>
    </figure>
  );
}
