import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompendiumView as View } from '../../../shared/api/types.ts';
import type { CompendiumDraft } from '../../../shared/compendium/draft.ts';
import { RECOMMENDATIONS, type Recommendation } from '../../../shared/model/scoring.ts';
import type { RankingRow } from '../../../shared/scoring/ranking.ts';
import { useApp } from '../state/context.ts';
import { JobStatus, useExportJob } from './JobStatus.tsx';
import { TextCompare } from './TextCompare.tsx';

/**
 * The editors' compendium builder: select cases by recommendation and score, group them into
 * parts, order them (the numbering and table of contents follow), see each case's completeness
 * checks, and export the draft as DOCX or Markdown.
 */
export function CompendiumView() {
  const { t } = useTranslation();
  const conn = useApp((s) => s.conn);
  const run = useApp((s) => s.run);
  const [view, setView] = useState<View | null>(null);
  const [rows, setRows] = useState<RankingRow[]>([]);
  const [recommend, setRecommend] = useState<Recommendation[]>(['include']);
  const [minScore, setMinScore] = useState('');
  const [job, startJob] = useExportJob();

  useEffect(() => {
    void conn.api.getCompendium({}).then(setView);
    void conn.api.ranking({}).then(setRows);
  }, [conn]);

  const draft = view?.draft ?? null;
  const titleOf = (id: string) => rows.find((r) => r.caseId === id)?.title ?? id;
  const save = async (next: CompendiumDraft) => {
    const v = await run(conn.api.setCompendium({ draft: next }));
    if (v) setView(v);
  };
  const move = (part: number, index: number, delta: -1 | 1) => {
    if (!draft) return;
    const parts = draft.parts.map((p) => ({ ...p, caseIds: [...p.caseIds] }));
    const list = parts[part]!.caseIds;
    const target = index + delta;
    if (target < 0 || target >= list.length) return;
    [list[index], list[target]] = [list[target]!, list[index]!];
    void save({ ...draft, parts });
  };
  const moveToPart = (from: number, index: number, to: number) => {
    if (!draft || from === to) return;
    const parts = draft.parts.map((p) => ({ ...p, caseIds: [...p.caseIds] }));
    const [id] = parts[from]!.caseIds.splice(index, 1);
    parts[to]!.caseIds.push(id!);
    void save({ ...draft, parts });
  };
  const inDraft = new Set(draft?.parts.flatMap((p) => p.caseIds) ?? []);

  return (
    <main className="view compendium-view" aria-label={t('views.compendium')}>
      <header className="view-head">
        <h1>{t('compendium.title')}</h1>
        <fieldset className="chips">
          <legend>{t('compendium.select')}</legend>
          {RECOMMENDATIONS.map((r) => (
            <label key={r}>
              <input type="checkbox" checked={recommend.includes(r)} onChange={(e) => setRecommend(e.target.checked ? [...recommend, r] : recommend.filter((x) => x !== r))} /> {t(`recommendation.${r}`)}
            </label>
          ))}
          <label>
            {t('compendium.minScore')} <input className="narrow" inputMode="decimal" value={minScore} onChange={(e) => setMinScore(e.target.value)} />
          </label>
          <button
            type="button"
            className="primary"
            disabled={!recommend.length}
            onClick={() =>
              void run(conn.api.proposeCompendium({ title: draft?.title ?? t('compendium.defaultTitle'), recommendations: recommend, minScore: minScore ? Number(minScore) : null })).then((v) => v && setView(v))
            }
          >
            {t('compendium.propose')}
          </button>
        </fieldset>
      </header>
      <div className="compendium-body">
        <section className="candidates" aria-label={t('compendium.candidates')}>
          <h2>{t('compendium.candidates')}</h2>
          <ol>
            {rows
              .filter((r) => r.score !== null)
              .map((r) => (
                <li key={r.caseId}>
                  <button
                    type="button"
                    disabled={inDraft.has(r.caseId) || !draft?.parts.length}
                    aria-label={t('compendium.add', { title: r.title })}
                    onClick={() => draft && void save({ ...draft, parts: draft.parts.map((p, i) => (i === draft.parts.length - 1 ? { ...p, caseIds: [...p.caseIds, r.caseId] } : p)) })}
                  >
                    ＋
                  </button>{' '}
                  {r.rank}. {r.title} <span className="muted small">{r.score?.toFixed(2)} · {t('recommendation.include')} {r.recommendations.include}</span>
                </li>
              ))}
          </ol>
        </section>
        <section className="draft" aria-label={t('compendium.draft')}>
          {draft ? (
            <>
              <label className="field">
                <span>{t('compendium.draftTitle')}</span>
                <input defaultValue={draft.title} onBlur={(e) => e.target.value && e.target.value !== draft.title && void save({ ...draft, title: e.target.value })} />
              </label>
              <label>
                <input type="checkbox" checked={draft.indicatorTables} onChange={(e) => void save({ ...draft, indicatorTables: e.target.checked })} /> {t('compendium.indicatorTables')}
              </label>
              {draft.parts.map((part, p) => (
                <div key={p} className="draft-part">
                  <input className="part-title" aria-label={t('compendium.partTitle')} defaultValue={part.title} onBlur={(e) => e.target.value && e.target.value !== part.title && void save({ ...draft, parts: draft.parts.map((x, i) => (i === p ? { ...x, title: e.target.value } : x)) })} />
                  <ol>
                    {part.caseIds.map((id, i) => {
                      const issues = view?.checks[id] ?? [];
                      return (
                        <li key={id} className="draft-case">
                          <span className="toc-number">{i + 1}．</span>
                          <span className="draft-title">{titleOf(id)}</span>
                          {issues.length ? (
                            <details className="checks">
                              <summary>⚠ {t('compendium.issues', { count: issues.length })}</summary>
                              <ul>
                                {issues.map((x, k) => (
                                  <li key={k}>{x.message}</li>
                                ))}
                              </ul>
                            </details>
                          ) : (
                            <span className="ok">✔ {t('compendium.complete')}</span>
                          )}
                          <span className="draft-actions">
                            <button type="button" onClick={() => move(p, i, -1)} aria-label={t('compendium.up')} disabled={i === 0}>
                              ↑
                            </button>
                            <button type="button" onClick={() => move(p, i, 1)} aria-label={t('compendium.down')} disabled={i === part.caseIds.length - 1}>
                              ↓
                            </button>
                            <select aria-label={t('compendium.toPart')} value={p} onChange={(e) => moveToPart(p, i, Number(e.target.value))}>
                              {draft.parts.map((x, k) => (
                                <option key={k} value={k}>
                                  {x.title}
                                </option>
                              ))}
                            </select>
                            <button type="button" aria-label={t('compendium.remove')} onClick={() => void save({ ...draft, parts: draft.parts.map((x, k) => (k === p ? { ...x, caseIds: x.caseIds.filter((c) => c !== id) } : x)) })}>
                              ✕
                            </button>
                          </span>
                        </li>
                      );
                    })}
                  </ol>
                </div>
              ))}
              <button type="button" onClick={() => void save({ ...draft, parts: [...draft.parts, { title: t('compendium.newPart'), caseIds: [] }] })}>
                ＋ {t('compendium.addPart')}
              </button>
              <h2>{t('compendium.toc')}</h2>
              <ol className="toc">
                {view?.toc.map((e, i) => (
                  <li key={i} className={`toc-${e.kind}`}>
                    {e.number}
                    {e.title}
                  </li>
                ))}
              </ol>
              <div className="row">
                {(['docx', 'md'] as const).map((format) => (
                  <button key={format} type="button" className="primary" onClick={() => void startJob(conn.api.exportCompendium({ format }))}>
                    ⇩ {t(`compendium.export.${format}`)}
                  </button>
                ))}
              </div>
              <JobStatus job={job} />
            </>
          ) : (
            <p className="muted">{t('compendium.noDraft')}</p>
          )}
        </section>
      </div>
      <TextCompare />
    </main>
  );
}
