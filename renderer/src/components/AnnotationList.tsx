import { useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import type { SpanAnnotation } from '../../../shared/model/annotation.ts';
import { namedFields } from '../lib/span-fields.ts';
import { useLocalised } from '../lib/use-labels.ts';
import { useApp } from '../state/context.ts';

/** The case's annotations, by label or in text order; choosing one selects it and scrolls to it. */
export function AnnotationList() {
  const { t, i18n } = useTranslation();
  const name = useLocalised();
  const detail = useApp((s) => s.detail);
  const schema = useApp((s) => s.schema);
  const reviewer = useApp((s) => s.info?.reviewer ?? null);
  const showOthers = useApp((s) => s.showOthers);
  const selectedSpanId = useApp((s) => s.selectedSpanId);
  const selectSpan = useApp((s) => s.selectSpan);
  const openCase = useApp((s) => s.openCase);
  const [byLabel, setByLabel] = useState(true);
  if (!detail || !schema) return null;
  const spans = detail.spans.filter((s) => showOthers || s.reviewer === reviewer);

  const item = (s: SpanAnnotation) => {
    const label = schema.labels.find((l) => l.id === s.label);
    // Fields by their names in the interface language (never their keys), choices by their names too.
    const summary = namedFields(s.fields, label, schema.labels)
      .map(({ def, value }) => {
        const shown = def.type === 'choice' && i18n.exists(`indicators.choices.${value}`) ? t(`indicators.choices.${value}`) : String(value);
        return t('app.labelled', { label: name(def.name), value: shown });
      })
      .join(' · ');
    return (
      <li key={s.id}>
        <button
          type="button"
          className={s.id === selectedSpanId ? 'span-item selected' : 'span-item'}
          aria-pressed={s.id === selectedSpanId}
          onClick={() => {
            selectSpan(s.id);
            void openCase(detail.summary.id, { start: s.start, end: s.end, select: false }).then(() => selectSpan(s.id));
          }}
        >
          <span className={`label-chip label-${s.label}`} aria-label={label ? name(label.name) : s.label}>
            {label?.glyph ?? '?'}
          </span>
          <span className="span-quote" lang="zh-CN">
            {s.quote.exact.length > 60 ? s.quote.exact.slice(0, 60) + '…' : s.quote.exact}
          </span>
          {summary ? <span className="span-fields">{summary}</span> : null}
          {s.textChanged ? (
            <span className="span-changed" title={t('span.textChanged', { was: s.textChanged.was })}>
              ⚠ {t(s.textChanged.reparsed ? 'span.reparsedShort' : 'span.checkFieldsShort')}
            </span>
          ) : null}
          {s.reviewer !== reviewer ? <span className="span-reviewer">{s.reviewer}</span> : null}
        </button>
      </li>
    );
  };

  return (
    <section className="annotation-list" aria-label={t('panel.annotations')}>
      <div className="segmented" role="radiogroup" aria-label={t('panel.annotations')}>
        <button type="button" role="radio" aria-checked={byLabel} onClick={() => setByLabel(true)}>
          {t('panel.byLabel')}
        </button>
        <button type="button" role="radio" aria-checked={!byLabel} onClick={() => setByLabel(false)}>
          {t('panel.inTextOrder')}
        </button>
      </div>
      {spans.length === 0 ? <p className="muted">{t('panel.noSpans')}</p> : null}
      {byLabel ? (
        schema.labels
          .map((l) => ({ l, list: spans.filter((s) => s.label === l.id) }))
          .filter((g) => g.list.length)
          .map(({ l, list }) => (
            <details key={l.id} open className="label-group">
              <summary>
                <span className={`label-chip label-${l.id}`} aria-hidden="true">
                  {l.glyph}
                </span>{' '}
                {name(l.name)} <span className="muted">({list.length})</span>
              </summary>
              <ol>{list.map(item)}</ol>
            </details>
          ))
      ) : (
        <ol>{spans.map(item)}</ol>
      )}
    </section>
  );
}
