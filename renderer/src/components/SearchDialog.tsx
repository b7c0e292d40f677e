import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import type { SearchHit } from '../../../shared/api/types.ts';
import { useApp } from '../state/context.ts';
import { Dialog } from './Dialog.tsx';

const LIMIT = 200;

/** Full-text search of the whole corpus; choosing a hit opens its case with the hit selected. */
export function SearchDialog() {
  const { t } = useTranslation();
  const conn = useApp((s) => s.conn);
  const openCase = useApp((s) => s.openCase);
  const openDialog = useApp((s) => s.openDialog);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    let live = true;
    const timer = setTimeout(() => {
      void conn.api.search({ query: q, limit: LIMIT }).then((h) => live && setHits(h));
    }, 80);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, conn]);
  const shown = query.trim() ? hits : [];
  const go = (h: SearchHit) => {
    openDialog(null);
    void openCase(h.caseId, { start: h.start, end: h.end, select: true });
  };
  return (
    <Dialog id="search" title={t('search.title')} onClose={() => openDialog(null)} wide>
      <input
        type="search"
        autoFocus
        className="search-input"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t('search.placeholder')}
        aria-label={t('search.title')}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && shown[0]) go(shown[0]);
          if (e.key === 'ArrowDown') (document.querySelector('.search-hits button') as HTMLElement | null)?.focus();
        }}
      />
      {query.trim() ? (
        <p className="muted" role="status">
          {shown.length ? (shown.length >= LIMIT ? t('search.more', { count: LIMIT }) : t('search.results', { count: shown.length })) : t('search.none')}
        </p>
      ) : null}
      <ol className="search-hits">
        {shown.map((h, i) => (
          <li key={`${h.caseId}-${h.start}-${i}`}>
            <button
              type="button"
              onClick={() => go(h)}
              onKeyDown={(e) => {
                const items = [...document.querySelectorAll<HTMLElement>('.search-hits button')];
                const at = items.indexOf(e.currentTarget);
                if (e.key === 'ArrowDown') items[at + 1]?.focus();
                if (e.key === 'ArrowUp') (items[at - 1] ?? document.querySelector<HTMLElement>('.search-input'))?.focus();
              }}
            >
              <span className="hit-case">{h.caseTitle}</span>
              <span className="hit-text" lang="zh-CN">
                …{h.before}
                <mark>{h.match}</mark>
                {h.after}…
              </span>
            </button>
          </li>
        ))}
      </ol>
    </Dialog>
  );
}
