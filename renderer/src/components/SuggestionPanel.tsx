import { useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import type { SuggestionItem } from '../../../shared/api/types.ts';
import type { FieldValue } from '../../../shared/model/annotation.ts';
import { groupBySection } from '../reader/suggestion-nav.ts';
import { formatDateTime } from '../lib/format.ts';
import { labelById, useLocalised } from '../lib/use-labels.ts';
import { useApp } from '../state/context.ts';
import { FieldInput } from './SpanEditor.tsx';

/**
 * The fields worth a glance in a list: an indicator's metric, value and change; a lesson's
 * headline. Units and years are written by the interface language (个百分点 / pp, 2020年 / 2020).
 */
export function fieldSummary(s: Pick<SuggestionItem, 'label' | 'fields'>, t: (key: string, values?: Record<string, unknown>) => string): string {
  const f = s.fields;
  if (s.label === 'lesson') return typeof f.headline === 'string' ? f.headline : '';
  const has = (v: unknown) => v !== null && v !== undefined;
  const value = has(f.value) ? `${f.value}${f.unit ?? ''}` : '';
  const arrow = f.direction === 'down' ? '↓' : f.direction === 'up' ? '↑' : '±';
  const change = has(f.change) ? (f.changeUnit === 'pp' ? t('suggest.changePoints', { arrow, change: f.change }) : `${arrow}${f.change}${f.changeUnit === '%' ? '%' : ''}`) : '';
  const baseline = has(f.baseline) ? `${f.baselineYear ? t('suggest.baselineInYear', { baseline: f.baseline, year: f.baselineYear }) : f.baseline} → ` : '';
  return [f.metric, `${baseline}${value}`, change].filter(Boolean).join(' · ');
}

/**
 * The case's suggestions, by section: accept or reject each (or every one in a section), the
 * one in focus opened with its parsed fields to correct before accepting. The same keys work in
 * the reader: n next, a accept, x reject, Shift+A accept the section.
 */
export function SuggestionPanel() {
  const { t, i18n } = useTranslation();
  const name = useLocalised();
  const detail = useApp((s) => s.detail);
  const schema = useApp((s) => s.schema);
  const view = useApp((s) => s.suggestions);
  const focusedId = useApp((s) => s.focusedSuggestionId);
  const focus = useApp((s) => s.focusSuggestion);
  const decide = useApp((s) => s.decideSuggestions);
  const generate = useApp((s) => s.generateSuggestions);
  const reveal = useApp((s) => s.revealRange);
  const [showDecided, setShowDecided] = useState(false);
  if (!detail || !view || view.caseId !== detail.summary.id) return null;

  const counts = { pending: 0, accepted: 0, rejected: 0, covered: 0 };
  for (const s of view.items) counts[s.state]++;
  // Covered ones stay in sight (marked, not pending): a person may still take their fields.
  const shown = view.items.filter((s) => showDecided || s.state === 'pending' || s.state === 'covered');
  const groups = groupBySection(shown, detail.sections);

  return (
    <section className="suggestion-panel" aria-label={t('suggest.title')}>
      <p className="muted small">
        {view.generatedAt ? t('suggest.counts', counts) : t('suggest.none')}
        {view.generatedAt ? ` · ${t('suggest.made', { at: formatDateTime(view.generatedAt, i18n.language) })}` : ''}
      </p>
      <div className="row">
        <button type="button" onClick={() => void generate()}>
          ✦ {view.generatedAt ? t('suggest.again') : t('suggest.generate')}
        </button>
        <label className="toggle">
          <input type="checkbox" checked={showDecided} onChange={(e) => setShowDecided(e.target.checked)} /> {t('suggest.showDecided')}
        </label>
      </div>
      <p className="muted small keys-hint">{t('suggest.keys')}</p>
      {groups.map((g) => {
        const pending = g.items.filter((s) => s.state === 'pending');
        return (
          <div key={g.start} className="suggestion-group">
            <h3>
              <span>{g.heading ?? t('suggest.noSection')}</span>
              {pending.length ? (
                <button type="button" className="small" onClick={() => void decide(pending.map((s) => ({ id: s.id, accept: true })))}>
                  ✓ {t('suggest.acceptSection', { count: pending.length })}
                </button>
              ) : null}
            </h3>
            <ol>
              {g.items.map((s) => {
                const label = labelById(schema?.labels, s.label);
                return (
                  <li key={s.id} className={`suggestion state-${s.state}${s.id === focusedId ? ' focused' : ''}`}>
                    <button
                      type="button"
                      className="suggestion-text"
                      aria-pressed={s.id === focusedId}
                      onClick={() => {
                        focus(s.id);
                        reveal(s.start, s.end);
                      }}
                    >
                      <span className={`label-chip label-${s.label}`} aria-label={label ? name(label.name) : s.label}>
                        {label?.glyph}
                      </span>{' '}
                      <span lang="zh-CN">{s.text.length > 48 ? `${s.text.slice(0, 46)}…` : s.text}</span>
                      <span className="span-fields">{fieldSummary(s, t)}</span>
                    </button>
                    {s.state === 'pending' ? (
                      <span className="decide">
                        <button type="button" aria-label={t('suggest.accept')} title={`${t('suggest.accept')} (a)`} onClick={() => void decide([{ id: s.id, accept: true }])}>
                          ✓
                        </button>
                        <button type="button" aria-label={t('suggest.reject')} title={`${t('suggest.reject')} (x)`} onClick={() => void decide([{ id: s.id, accept: false }])}>
                          ✕
                        </button>
                      </span>
                    ) : s.state === 'covered' ? (
                      <span className="decide">
                        <span className="state">≈ {t('suggest.covered')}</span>
                        <button type="button" title={t('suggest.mergeHint')} onClick={() => void decide([{ id: s.id, accept: true }])}>
                          {t('suggest.merge')}
                        </button>
                      </span>
                    ) : (
                      <span className="state">{s.state === 'accepted' ? `✓ ${t('suggest.accepted')}` : `✕ ${t('suggest.rejected')}`}</span>
                    )}
                    {s.id === focusedId && s.state === 'pending' ? <FieldsBeforeAccept key={s.id} item={s} /> : null}
                  </li>
                );
              })}
            </ol>
          </div>
        );
      })}
    </section>
  );
}

/** The focused suggestion's parsed fields, to correct before accepting it. */
function FieldsBeforeAccept({ item }: { item: SuggestionItem }) {
  const { t } = useTranslation();
  const schema = useApp((s) => s.schema);
  const decide = useApp((s) => s.decideSuggestions);
  const label = labelById(schema?.labels, item.label);
  const [fields, setFields] = useState<Record<string, FieldValue>>(item.fields);
  if (!label?.fields.length) return null;
  return (
    <form
      className="fields suggestion-fields"
      onSubmit={(e) => {
        e.preventDefault();
        void decide([{ id: item.id, accept: true, fields }]);
      }}
    >
      {label.fields.map((f) => (
        <FieldInput key={f.key} idPrefix="suggestion-field" def={f} value={fields[f.key] ?? null} disabled={false} onChange={(v) => setFields({ ...fields, [f.key]: v })} onBlur={() => undefined} />
      ))}
      <button type="submit" className="primary">
        ✓ {t('suggest.acceptEdited')}
      </button>
    </form>
  );
}
