import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import type { LessonEntry } from '../../../shared/api/types.ts';
import { useApp } from '../state/context.ts';
import { PartFilter } from './PartFilter.tsx';
import { JobStatus, useExportJob } from './JobStatus.tsx';

/**
 * The lessons library: every 经验启示 a reviewer accepted or marked, across the corpus, grouped
 * by case; filtered by part, document and words; opened in the reader; exported as CSV,
 * Markdown or JSON Lines. The reviewer is the current one, or the consensus or a colleague.
 */
export function LessonsView() {
  const { t } = useTranslation();
  const conn = useApp((s) => s.conn);
  const run = useApp((s) => s.run);
  const info = useApp((s) => s.info);
  const cases = useApp((s) => s.cases);
  const openCase = useApp((s) => s.openCase);
  const setView = useApp((s) => s.setView);
  const [reviewer, setReviewer] = useState(info?.reviewer ?? '');
  const [part, setPart] = useState('');
  const [documentId, setDocumentId] = useState('');
  const [query, setQuery] = useState('');
  const [entries, setEntries] = useState<LessonEntry[] | null>(null);
  const [job, startJob] = useExportJob();
  const documents = useMemo(() => [...new Map(cases.map((c) => [c.documentId, c.documentTitle])).entries()], [cases]);
  const filter = useMemo(() => ({ ...(reviewer ? { reviewer } : {}), ...(part ? { part } : {}), ...(documentId ? { documentId } : {}), ...(query.trim() ? { query: query.trim() } : {}) }), [reviewer, part, documentId, query]);

  useEffect(() => {
    let live = true;
    // Typing in the search box: wait for a pause before asking again.
    const timer = setTimeout(() => void run(conn.api.listLessons(filter)).then((r) => live && r && setEntries(r)), 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [conn, run, filter]);

  const groups = useMemo(() => {
    const out: Array<{ caseId: string; first: LessonEntry; items: LessonEntry[] }> = [];
    for (const e of entries ?? []) {
      const last = out[out.length - 1];
      if (last?.caseId === e.caseId) last.items.push(e);
      else out.push({ caseId: e.caseId, first: e, items: [e] });
    }
    return out;
  }, [entries]);

  const open = (e: LessonEntry) => {
    setView('annotate');
    void openCase(e.caseId, { start: e.start, end: e.end, select: false });
  };

  return (
    <main className="view lessons-view" aria-label={t('views.lessons')}>
      <header className="view-head">
        <h1>{t('lessons.title')}</h1>
        <label className="field inline-filter">
          <span>{t('lessons.reviewer')}</span>
          <select value={reviewer} onChange={(e) => setReviewer(e.target.value)}>
            {(info?.reviewers ?? []).map((r) => (
              <option key={r} value={r}>
                {r === info?.reviewer ? t('lessons.me', { name: r }) : r}
              </option>
            ))}
          </select>
        </label>
        <PartFilter value={part} onChange={setPart} />
        <label className="field inline-filter">
          <span>{t('lessons.document')}</span>
          <select value={documentId} onChange={(e) => setDocumentId(e.target.value)}>
            <option value="">{t('nav.all')}</option>
            {documents.map(([id, title]) => (
              <option key={id} value={id}>
                {title}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline-filter">
          <span>{t('lessons.search')}</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('lessons.searchPlaceholder')} />
        </label>
      </header>
      <div className="row lessons-actions">
        <span className="muted">{entries ? t('lessons.count', { lessons: entries.length, cases: groups.length }) : t('app.loading')}</span>
        {(['csv', 'md', 'jsonl'] as const).map((format) => (
          <button key={format} type="button" disabled={!entries?.length} onClick={() => void startJob(conn.api.exportLessons({ ...filter, format }))}>
            ⇩ {t(`lessons.export.${format}`)}
          </button>
        ))}
      </div>
      <JobStatus job={job} />
      {entries && !entries.length ? <p className="muted">{t('lessons.empty')}</p> : null}
      {groups.map((g) => (
        <section key={g.caseId} className="lesson-case" aria-labelledby={`lessons-${g.caseId}`}>
          <h2 id={`lessons-${g.caseId}`}>
            {g.first.region ? t('app.labelled', { label: g.first.region, value: g.first.caseTitle }) : g.first.caseTitle}
          </h2>
          <p className="muted small">{[g.first.documentTitle, g.first.part].filter(Boolean).join(' · ')}</p>
          <ol>
            {g.items.map((e) => (
              <li key={e.spanId}>
                <button type="button" className="link lesson-headline" onClick={() => open(e)} title={t('lessons.open')}>
                  {e.headline}
                </button>
                {e.section ? <span className="muted small"> · {e.section}</span> : null}
                {e.text !== e.headline ? (
                  <p className="lesson-text" lang="zh-CN">
                    {e.text}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </main>
  );
}
