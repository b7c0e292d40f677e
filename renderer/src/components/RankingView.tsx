import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import type { Rubric } from '../../../shared/model/rubric.ts';
import type { CaseScore } from '../../../shared/model/scoring.ts';
import { ratingDistributions, type RankingRow } from '../../../shared/scoring/ranking.ts';
import { useLocalised } from '../lib/use-labels.ts';
import { useApp } from '../state/context.ts';
import { PartFilter } from './PartFilter.tsx';
import { BarChart } from './BarChart.tsx';
import { RubricEditor } from './RubricEditor.tsx';
import { SPREAD_SHARE, spreadThreshold, wideSpread } from '../../../shared/scoring/spread.ts';

/** The adjudicated reviewer: not a rater, so not in the charts (nor in the ranking, see scoring.ts). */
const CONSENSUS = 'consensus';
const fmt = (n: number | null, d = 2) => (n === null ? '—' : n.toFixed(d));

/**
 * Cases ranked by the reviewers' weighted scores, with their spread; distributions as charts of
 * the cases the filters keep, on the current rubric.
 */
export function RankingView() {
  const { t } = useTranslation();
  const name = useLocalised();
  const conn = useApp((s) => s.conn);
  const run = useApp((s) => s.run);
  const openCase = useApp((s) => s.openCase);
  const setView = useApp((s) => s.setView);
  const [part, setPart] = useState('');
  const [region, setRegion] = useState('');
  const [rows, setRows] = useState<RankingRow[]>([]);
  const [rubric, setRubric] = useState<Rubric | null>(null);
  // Each scored case's ratings by reviewer, fetched once per case while the view is open: the
  // charts count the ratings of the rows shown, so they follow the filters and the rubric.
  const [ratings, setRatings] = useState<ReadonlyMap<string, Record<string, CaseScore>>>(new Map());
  const [editing, setEditing] = useState(false);
  // Bumped when the rubric changes: weights change the ranking.
  const [version, setVersion] = useState(0);

  useEffect(() => {
    void conn.api.ranking({ ...(part ? { part } : {}), ...(region ? { region } : {}) }).then(setRows);
    // oxlint-disable-next-line react/exhaustive-effect-dependencies -- `version` says the rubric changed
  }, [conn, part, region, version]);
  useEffect(() => {
    void conn.api.getRubric({}).then(setRubric);
  }, [conn]);
  useEffect(() => {
    const missing = rows.filter((r) => r.score !== null && !ratings.has(r.caseId)).map((r) => r.caseId);
    if (!missing.length) return;
    let live = true;
    void Promise.all(missing.map(async (caseId) => [caseId, (await run(conn.api.getScores({ caseId }))) ?? {}] as const)).then((loaded) => {
      if (live) setRatings((before) => new Map([...before, ...loaded]));
    });
    return () => {
      live = false;
    };
  }, [conn, run, rows, ratings]);
  const scored = useMemo(() => rows.filter((r) => r.score !== null), [rows]);
  const dist = useMemo(() => {
    if (!rubric || scored.some((r) => !ratings.has(r.caseId))) return null;
    const cases = scored.map((r) => ({ ...r, scores: Object.fromEntries(Object.entries(ratings.get(r.caseId)!).filter(([who]) => who !== CONSENSUS)) }));
    return ratingDistributions(rubric, cases);
  }, [rubric, scored, ratings]);
  if (!rubric) return null;

  return (
    <main className="view ranking-view" aria-label={t('views.ranking')}>
      <header className="view-head">
        <h1>{t('ranking.title')}</h1>
        <PartFilter value={part} onChange={setPart} />
        <label className="field inline-filter">
          <span>{t('nav.region')}</span>
          <input value={region} onChange={(e) => setRegion(e.target.value)} placeholder={t('nav.regionPlaceholder')} />
        </label>
        <span className="muted">{t('ranking.scored', { count: scored.length, total: rows.length })}</span>
        <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          ✎ {t('rubric.edit')}
        </button>
      </header>
      {editing ? (
        <RubricEditor
          rubric={rubric}
          onSaved={(r) => {
            setRubric(r);
            setEditing(false);
            setVersion((v) => v + 1);
          }}
          onClose={() => setEditing(false)}
        />
      ) : null}
      {dist ? (
        <section className="charts" aria-label={t('ranking.distributions')}>
          {rubric.criteria.map((c) => (
            <BarChart key={c.id} title={name(c.name)} labels={Object.keys(dist.perCriterion[c.id] ?? {})} values={Object.values(dist.perCriterion[c.id] ?? {})} />
          ))}
          {Object.entries(dist.perReviewer).map(([r, counts]) => (
            <BarChart key={r} title={t('ranking.byReviewer', { reviewer: r })} labels={Object.keys(counts)} values={Object.values(counts)} />
          ))}
        </section>
      ) : null}
      <table className="ranking">
        <thead>
          <tr>
            <th scope="col">{t('ranking.rank')}</th>
            <th scope="col">{t('ranking.case')}</th>
            <th scope="col">{t('nav.region')}</th>
            <th scope="col">{t('ranking.score')}</th>
            <th scope="col">{t('ranking.spread')}</th>
            <th scope="col">{t('ranking.reviewers')}</th>
            {rubric.criteria.map((c) => (
              <th key={c.id} scope="col">
                {name(c.name)}
              </th>
            ))}
            <th scope="col">{t('ranking.recommendations')}</th>
          </tr>
        </thead>
        <tbody>
          {scored.map((r) => (
            <tr key={r.caseId}>
              <td>{r.rank}</td>
              <td>
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    setView('annotate');
                    void openCase(r.caseId);
                  }}
                >
                  {r.title}
                </button>
                <span className="muted small"> {r.part}</span>
              </td>
              <td>{r.region}</td>
              <td className="num">{fmt(r.score)}</td>
              {wideSpread(r.range, rubric) ? (
                <td className="num disagree" title={t('ranking.wideSpread', { threshold: fmt(spreadThreshold(rubric)), share: SPREAD_SHARE * 100 })}>
                  {fmt(r.range)} ⚠
                </td>
              ) : (
                <td className="num">{fmt(r.range)}</td>
              )}
              <td className="num">{r.reviewers}</td>
              {rubric.criteria.map((c) => (
                <td key={c.id} className="num">
                  {fmt(r.byCriterion[c.id] ?? null, 1)}
                </td>
              ))}
              <td>
                {t('recommendation.include')} {r.recommendations.include} · {t('recommendation.pending')} {r.recommendations.pending} · {t('recommendation.exclude')} {r.recommendations.exclude}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {scored.length === 0 ? <p className="muted">{t('ranking.none')}</p> : null}
    </main>
  );
}
