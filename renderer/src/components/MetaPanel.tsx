import { useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import type { CaseMeta } from '../../../shared/model/review.ts';
import { REVIEW_STATUSES } from '../../../shared/model/review.ts';
import { useApp } from '../state/context.ts';

/** The case's review status, metadata and tags (the current reviewer's). */
export function MetaPanel() {
  const { t } = useTranslation();
  const detail = useApp((s) => s.detail);
  const reviewer = useApp((s) => s.info?.reviewer ?? null);
  const setStatus = useApp((s) => s.setStatus);
  const conn = useApp((s) => s.conn);
  const run = useApp((s) => s.run);
  const reloadCase = useApp((s) => s.reloadCase);
  const refreshCases = useApp((s) => s.refreshCases);
  // Keyed by case and saved metadata in the side panel: the draft starts from what is saved.
  const [meta, setMeta] = useState<CaseMeta>(() => detail?.meta ?? { tags: [] });
  const [tag, setTag] = useState('');
  if (!detail) return null;
  const status = (reviewer && detail.summary.status[reviewer]) || 'todo';
  const save = async (next: CaseMeta) => {
    setMeta(next);
    if ((await run(conn.api.setCaseMeta({ caseId: detail.summary.id, meta: next }))) !== null) await Promise.all([reloadCase(), refreshCases()]);
  };
  const text = (key: 'title' | 'region' | 'category') => (
    <label className="field">
      <span>{t(`panel.${key}`)}</span>
      <input
        value={meta[key] ?? ''}
        placeholder={key === 'title' ? detail.summary.title : key === 'region' ? (detail.summary.region ?? '') : (detail.summary.part ?? '')}
        onChange={(e) => setMeta({ ...meta, [key]: e.target.value || undefined })}
      />
    </label>
  );
  return (
    <section className="meta-panel" aria-label={t('panel.meta')}>
      <fieldset className="status-choice">
        <legend>{t('panel.status')}</legend>
        {REVIEW_STATUSES.map((s) => (
          <label key={s}>
            <input type="radio" name="status" checked={status === s} onChange={() => void setStatus(s)} /> {t(`status.${s}`)}
          </label>
        ))}
      </fieldset>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save(meta);
        }}
      >
        {text('title')}
        {text('region')}
        {text('category')}
        <label className="field">
          <span>{t('panel.year')}</span>
          <input inputMode="numeric" value={meta.year ?? ''} onChange={(e) => setMeta({ ...meta, year: /^\d{4}$/.test(e.target.value) ? Number(e.target.value) : undefined })} />
        </label>
        <button type="submit">{t('panel.saveMeta')}</button>
      </form>
      <div className="tags">
        <span>{t('panel.tags')}</span>
        <ul>
          {meta.tags.map((x) => (
            <li key={x}>
              {x}{' '}
              <button type="button" className="icon" aria-label={t('panel.removeTag', { tag: x })} onClick={() => void save({ ...meta, tags: meta.tags.filter((y) => y !== x) })}>
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          aria-label={t('panel.addTag')}
          placeholder={t('panel.tagPlaceholder')}
          value={tag}
          onChange={(e) => setTag(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && tag.trim()) {
              e.preventDefault();
              void save({ ...meta, tags: [...new Set([...meta.tags, tag.trim()])] });
              setTag('');
            }
          }}
        />
      </div>
      {detail.marks.length ? (
        <div className="marks">
          <h4>{t('reader.marks')}</h4>
          <ul>
            {detail.marks.map((m, i) => (
              <li key={i}>
                <span className="muted">{t(`marks.${m.kind}`, { defaultValue: m.kind })}</span> {m.text}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
