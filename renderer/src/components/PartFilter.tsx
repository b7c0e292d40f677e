import { useMemo } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import { useApp } from '../state/context.ts';

/** A choice of one part or category of the corpus (健康影响因素篇 …), or all of them: the views' common filter. */
export function PartFilter({ value, onChange }: { value: string; onChange: (part: string) => void }) {
  const { t } = useTranslation();
  const cases = useApp((s) => s.cases);
  const parts = useMemo(() => [...new Set(cases.map((c) => c.part).filter((p): p is string => !!p))], [cases]);
  return (
    <label className="field inline-filter">
      <span>{t('nav.part')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('nav.all')}</option>
        {parts.map((p) => (
          <option key={p}>{p}</option>
        ))}
      </select>
    </label>
  );
}
