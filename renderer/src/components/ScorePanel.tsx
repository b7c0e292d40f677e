import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import type { Rubric } from '../../../shared/model/rubric.ts';
import { RECOMMENDATIONS, type CaseScore, type Recommendation } from '../../../shared/model/scoring.ts';
import { ratingForKey } from '../lib/rating-keys.ts';
import { useLocalised } from '../lib/use-labels.ts';
import { useApp } from '../state/context.ts';

/**
 * The reviewer's scoring of the open case: a rating per rubric criterion, the spans that justify
 * it (the selected annotation can be linked as evidence), a comment and a recommendation.
 */
export function ScorePanel() {
  const { t } = useTranslation();
  const name = useLocalised();
  const detail = useApp((s) => s.detail);
  const conn = useApp((s) => s.conn);
  const run = useApp((s) => s.run);
  const refreshCases = useApp((s) => s.refreshCases);
  const selectedSpanId = useApp((s) => s.selectedSpanId);
  const selectSpan = useApp((s) => s.selectSpan);
  const reviewer = useApp((s) => s.info?.reviewer ?? null);
  const [rubric, setRubric] = useState<Rubric | null>(null);
  const [score, setScore] = useState<CaseScore | null>(null);
  const [comment, setComment] = useState('');
  const caseId = detail?.summary.id;

  useEffect(() => {
    void conn.api.getRubric({}).then(setRubric);
  }, [conn]);
  // Bumped by each save: scores asked for before it are older than what the save returned.
  const saves = useRef(0);
  useEffect(() => {
    if (!caseId || !reviewer) return;
    let live = true;
    const asked = saves.current;
    void conn.api.getScores({ caseId }).then((all) => {
      if (!live || asked !== saves.current) return;
      setScore(all[reviewer] ?? null);
      setComment(all[reviewer]?.comment ?? '');
    });
    return () => {
      live = false;
    };
  }, [caseId, reviewer, conn]);
  if (!detail || !rubric) return null;

  const save = async (patch: Parameters<typeof conn.api.setScore>[0]) => {
    saves.current++;
    const next = await run(conn.api.setScore(patch));
    if (next) {
      setScore(next);
      void refreshCases();
    }
  };
  const spanText = (id: string) => detail.spans.find((s) => s.id === id)?.quote.exact ?? id;

  return (
    <section className="score-panel" aria-label={t('score.title')}>
      {rubric.criteria.map((c) => {
        const value = score?.ratings[c.id] ?? null;
        // Spans deleted since they were cited are left out (and dropped on the next save).
        const evidence = (score?.evidence[c.id] ?? []).filter((id) => detail.spans.some((s) => s.id === id));
        return (
          <fieldset key={c.id} className="criterion">
            <legend title={name(c.description)}>
              {name(c.name)} <span className="muted small">{name(c.description)}</span>
            </legend>
            {/* One stop in the tab order (the rating, else the lowest); digits and arrows rate, Delete clears. */}
            <div
              className="rating"
              role="radiogroup"
              aria-label={name(c.name)}
              aria-keyshortcuts={`${c.min}-${c.max} ArrowLeft ArrowRight Delete`}
              onKeyDown={(e) => {
                if (e.altKey || e.ctrlKey || e.metaKey) return;
                const next = ratingForKey(e.key, value, c.min, c.max);
                if (next === undefined) return;
                e.preventDefault();
                if (next !== value) void save({ caseId: detail.summary.id, ratings: { [c.id]: next } });
                e.currentTarget.querySelector<HTMLElement>(`[data-rating="${next ?? c.min}"]`)?.focus();
              }}
            >
              {Array.from({ length: c.max - c.min + 1 }, (_, i) => c.min + i).map((v) => (
                <button
                  key={v}
                  type="button"
                  role="radio"
                  data-rating={v}
                  tabIndex={(value ?? c.min) === v ? 0 : -1}
                  aria-checked={value === v}
                  className={value === v ? 'on' : ''}
                  onClick={() => void save({ caseId: detail.summary.id, ratings: { [c.id]: value === v ? null : v } })}
                >
                  {v}
                </button>
              ))}
            </div>
            <div className="evidence">
              {evidence.map((id) => (
                <span key={id} className="chip evidence-chip">
                  <button type="button" className="link" onClick={() => selectSpan(id)} title={t('score.showEvidence')}>
                    “{spanText(id).slice(0, 16)}”
                  </button>
                  <button type="button" className="icon" aria-label={t('score.unlinkEvidence', { quote: spanText(id).slice(0, 16) })} onClick={() => void save({ caseId: detail.summary.id, evidence: { [c.id]: evidence.filter((x) => x !== id) } })}>
                    ×
                  </button>
                </span>
              ))}
              <button
                type="button"
                disabled={!selectedSpanId || evidence.includes(selectedSpanId)}
                onClick={() => selectedSpanId && void save({ caseId: detail.summary.id, evidence: { [c.id]: [...evidence, selectedSpanId] } })}
              >
                {t('app.plus')} {t('score.linkEvidence')}
              </button>
            </div>
          </fieldset>
        );
      })}
      <fieldset className="recommendation">
        <legend>{t('score.recommendation')}</legend>
        {RECOMMENDATIONS.map((r: Recommendation) => (
          <label key={r}>
            <input type="radio" name="recommendation" value={r} checked={score?.recommendation === r} onChange={() => void save({ caseId: detail.summary.id, recommendation: r })} /> {t(`recommendation.${r}`)}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{t('score.comment')}</span>
        <textarea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} onBlur={() => comment !== (score?.comment ?? '') && void save({ caseId: detail.summary.id, comment })} />
      </label>
    </section>
  );
}
