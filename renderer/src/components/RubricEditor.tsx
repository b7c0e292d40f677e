import { useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import type { Rubric, RubricCriterion } from '../../../shared/model/rubric.ts';
import { useApp } from '../state/context.ts';

/** A new criterion's id: stable, unique, and valid as the schema wants it (lower-case, digits, hyphens). */
function freshId(existing: readonly RubricCriterion[]): string {
  let n = existing.length + 1;
  while (existing.some((c) => c.id === `criterion-${n}`)) n++;
  return `criterion-${n}`;
}

/**
 * The project's rubric, editable: each criterion's names, description, scale and weight; add
 * or remove criteria. Saved as a whole (the service validates it); scores already given keep
 * their ratings, and a removed criterion simply stops counting.
 */
export function RubricEditor({ rubric, onSaved, onClose }: { rubric: Rubric; onSaved: (r: Rubric) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const conn = useApp((s) => s.conn);
  const run = useApp((s) => s.run);
  const [criteria, setCriteria] = useState<RubricCriterion[]>(rubric.criteria.map((c) => ({ ...c, name: { ...c.name }, description: { ...c.description } })));
  const change = (i: number, patch: Partial<RubricCriterion>) => setCriteria(criteria.map((c, k) => (k === i ? { ...c, ...patch } : c)));
  const num = (v: string, fallback: number) => (v.trim() === '' || !Number.isFinite(Number(v)) ? fallback : Number(v));

  return (
    <form
      className="rubric-editor"
      aria-label={t('rubric.title')}
      onSubmit={(e) => {
        e.preventDefault();
        // Made from the rubric shown: another writer's save since is merged with it, or refused —
        // then the newer rubric is shown here, to make the change again on.
        void run(conn.api.setRubric({ rubric: { criteria }, base: rubric })).then(async (saved) => {
          if (saved) onSaved(saved);
          else setCriteria((await conn.api.getRubric({})).criteria);
        });
      }}
    >
      <h2>{t('rubric.title')}</h2>
      <table className="figures">
        <thead>
          <tr>
            <th scope="col">{t('rubric.nameZh')}</th>
            <th scope="col">{t('rubric.nameEn')}</th>
            <th scope="col">{t('rubric.description')}</th>
            <th scope="col">{t('rubric.min')}</th>
            <th scope="col">{t('rubric.max')}</th>
            <th scope="col">{t('rubric.weight')}</th>
            <th scope="col">
              <span className="sr-only">{t('rubric.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {criteria.map((c, i) => (
            <tr key={c.id}>
              <td>
                <input aria-label={`${t('rubric.nameZh')} ${i + 1}`} value={c.name.zh} required maxLength={60} onChange={(e) => change(i, { name: { ...c.name, zh: e.target.value } })} />
              </td>
              <td>
                <input aria-label={`${t('rubric.nameEn')} ${i + 1}`} value={c.name.en} required maxLength={60} onChange={(e) => change(i, { name: { ...c.name, en: e.target.value } })} />
              </td>
              <td>
                <input aria-label={`${t('rubric.description')} ${i + 1}`} className="wide" value={c.description.zh} maxLength={500} onChange={(e) => change(i, { description: { ...c.description, zh: e.target.value } })} />
              </td>
              <td>
                <input aria-label={`${t('rubric.min')} ${i + 1}`} className="narrow" inputMode="numeric" value={c.min} onChange={(e) => change(i, { min: num(e.target.value, c.min) })} />
              </td>
              <td>
                <input aria-label={`${t('rubric.max')} ${i + 1}`} className="narrow" inputMode="numeric" value={c.max} onChange={(e) => change(i, { max: num(e.target.value, c.max) })} />
              </td>
              <td>
                <input aria-label={`${t('rubric.weight')} ${i + 1}`} className="narrow" inputMode="decimal" value={c.weight} onChange={(e) => change(i, { weight: num(e.target.value, c.weight) })} />
              </td>
              <td>
                <button type="button" aria-label={`${t('rubric.remove')} ${c.name.zh}`} disabled={criteria.length <= 1} onClick={() => setCriteria(criteria.filter((_, k) => k !== i))}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <button
          type="button"
          onClick={() => setCriteria([...criteria, { id: freshId(criteria), name: { zh: t('rubric.newZh'), en: 'New criterion' }, description: { zh: '', en: '' }, min: 1, max: 5, weight: 1 }])}
        >
          + {t('rubric.add')}
        </button>
        <button type="submit" className="primary">
          {t('rubric.save')}
        </button>
        <button type="button" onClick={onClose}>
          {t('rubric.close')}
        </button>
      </div>
    </form>
  );
}
