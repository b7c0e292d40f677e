import { memo, useDeferredValue, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import type { CaseSummary } from '../../../shared/api/types.ts';
import { REVIEW_STATUSES, type ReviewStatus } from '../../../shared/model/review.ts';
import { useLocalised } from '../lib/use-labels.ts';
import { useApp } from '../state/context.ts';

const STATUS_MARK: Record<ReviewStatus, string> = { todo: '○', 'in-progress': '◐', done: '●' };
const NO_CASES: CaseSummary[] = [];

/** All cases grouped by document and part, with filters; the current case is marked. */
export const Navigator = memo(function Navigator() {
  const { t } = useTranslation();
  const name = useLocalised();
  const cases = useApp((s) => s.cases);
  const info = useApp((s) => s.info);
  const schema = useApp((s) => s.schema);
  const filters = useApp((s) => s.filters);
  const caseId = useApp((s) => s.caseId);
  const setFilters = useApp((s) => s.setFilters);
  const openCase = useApp((s) => s.openCase);
  const reviewer = info?.reviewer ?? null;
  const list = useRef<HTMLDivElement>(null);

  // The open case stays in sight: after a search jump, Alt+↓ or an undo in another case.
  // The list is drawn just after the rest of the screen (its first render shows none): the case's
  // text comes up without waiting for hundreds or thousands of rows to be made and laid out.
  const shown = useDeferredValue(cases, NO_CASES);
  useEffect(() => {
    // `shown`: the row is there to scroll to only once the deferred list has been drawn.
    if (caseId && shown.length > 0) list.current?.querySelector(`[data-case-id="${CSS.escape(caseId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [caseId, shown]);

  const groups = useMemo(() => {
    const out: Array<{ doc: string; title: string; parts: Array<{ part: string | null; cases: CaseSummary[] }> }> = [];
    for (const c of shown) {
      let g = out.find((x) => x.doc === c.documentId);
      if (!g) out.push((g = { doc: c.documentId, title: c.documentTitle, parts: [] }));
      let p = g.parts[g.parts.length - 1];
      if (!p || p.part !== c.part) g.parts.push((p = { part: c.part, cases: [] }));
      p.cases.push(c);
    }
    return out;
  }, [shown]);

  const parts = useMemo(() => [...new Set(cases.map((c) => c.part).filter((p): p is string => !!p))], [cases]);

  return (
    <nav className="navigator" aria-label={t('nav.title')}>
      <details className="filters" open={Object.keys(filters).length > 0}>
        <summary>
          {t('nav.filters')} · {t('nav.count', { count: cases.length })}
        </summary>
        <label className="field">
          <span>{t('nav.document')}</span>
          <select value={filters.documentId ?? ''} onChange={(e) => void setFilters({ ...filters, documentId: e.target.value || undefined, part: undefined })}>
            <option value="">{t('nav.all')}</option>
            {info?.documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('nav.part')}</span>
          <select value={filters.part ?? ''} onChange={(e) => void setFilters({ ...filters, part: e.target.value || undefined })}>
            <option value="">{t('nav.all')}</option>
            {parts.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('nav.region')}</span>
          <input value={filters.region ?? ''} placeholder={t('nav.regionPlaceholder')} onChange={(e) => void setFilters({ ...filters, region: e.target.value || undefined })} />
        </label>
        <label className="field">
          <span>{t('nav.label')}</span>
          <select value={filters.label ?? ''} onChange={(e) => void setFilters({ ...filters, label: e.target.value || undefined })}>
            <option value="">{t('nav.all')}</option>
            {schema?.labels.map((l) => (
              <option key={l.id} value={l.id}>
                {l.glyph} {name(l.name)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('nav.status')}</span>
          <select value={filters.status ?? ''} onChange={(e) => void setFilters({ ...filters, status: (e.target.value || undefined) as ReviewStatus | undefined })}>
            <option value="">{t('nav.all')}</option>
            {REVIEW_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('nav.reviewer')}</span>
          <select value={filters.reviewer ?? ''} onChange={(e) => void setFilters({ ...filters, reviewer: e.target.value || undefined })}>
            <option value="">{t('nav.all')}</option>
            {info?.reviewers.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void setFilters({})}>
          {t('nav.clear')}
        </button>
      </details>
      {cases.length === 0 ? <p className="muted">{t('nav.noCases')}</p> : null}
      <div className="case-groups" ref={list}>
        {groups.map((g) => (
          <section key={g.doc} className="case-group" aria-label={g.title}>
            <h3 className="doc-title">{g.title}</h3>
            {g.parts.map((p, i) => (
              <div key={`${p.part}-${i}`}>
                {p.part ? <h4 className="part-title">{p.part}</h4> : null}
                <ol className="case-list">
                  {p.cases.map((c) => (
                    <CaseItem key={c.id} c={c} current={c.id === caseId} reviewer={reviewer} onOpen={openCase} />
                  ))}
                </ol>
              </div>
            ))}
          </section>
        ))}
      </div>
    </nav>
  );
});

/**
 * One case of the list. A row re-renders only when its case, its being current or the reviewer
 * changes: moving to the next case redraws two rows, not the whole list (which has thousands in
 * a large library), and each row asks for its translated strings only then.
 */
const CaseItem = memo(function CaseItem({ c, current, reviewer, onOpen }: { c: CaseSummary; current: boolean; reviewer: string | null; onOpen: (id: string) => Promise<void> }) {
  const { t } = useTranslation();
  const status = (reviewer && c.status[reviewer]) || 'todo';
  const mine = reviewer ? (c.spanCounts[reviewer] ?? 0) : 0;
  const statusName = t(`status.${status}`);
  return (
    <li>
      <button type="button" className={current ? 'case current' : 'case'} aria-current={current ? 'true' : undefined} onClick={() => void onOpen(c.id)} data-case-id={c.id}>
        <span className={`status ${status}`} title={statusName} aria-label={statusName}>
          {STATUS_MARK[status]}
        </span>
        <span className="case-title">
          <span className="ordinal">{c.ordinal}.</span> {c.title}
        </span>
        <span className="case-meta">
          {c.region ? <span>{c.region}</span> : null}
          {mine ? <span className="count">{t('nav.annotated', { count: mine })}</span> : null}
          {c.orphanCount ? <span className="orphans">⚠ {c.orphanCount}</span> : null}
          {c.score !== null ? (
            <span className="score" title={t('nav.scoreTitle')}>
              {t('nav.score', { score: c.score.toFixed(2) })}
            </span>
          ) : null}
        </span>
      </button>
    </li>
  );
});
