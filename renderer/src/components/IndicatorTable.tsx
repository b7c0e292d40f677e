import { useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import type { FieldValue } from '../../../shared/model/annotation.ts';
import { useApp } from '../state/context.ts';

/** The columns of the table: the indicator fields a reader compares across cases. */
const COLUMNS = ['metric', 'baselineYear', 'baseline', 'year', 'value', 'unit', 'direction', 'change', 'changeUnit'] as const;
type Column = (typeof COLUMNS)[number];
const NUMERIC = new Set<Column>(['baseline', 'baselineYear', 'year', 'value', 'change']);
const CHOICES: Partial<Record<Column, string[]>> = { direction: ['', 'up', 'down', 'none'], changeUnit: ['', 'pp', '%', 'abs'] };

interface Row {
  key: string;
  kind: 'span' | 'suggestion';
  id: string;
  start: number;
  end: number;
  text: string;
  fields: Record<string, FieldValue>;
}

/**
 * The case's indicators as a table — metric, baseline (year and value), later value, unit,
 * change — every cell editable: the reviewer's indicator spans save as they are edited; a
 * pending suggestion keeps the corrections and is accepted with them.
 */
export function IndicatorTable() {
  const { t } = useTranslation();
  const detail = useApp((s) => s.detail);
  const reviewer = useApp((s) => s.info?.reviewer ?? null);
  const suggestions = useApp((s) => s.suggestions);
  const epoch = useApp((s) => s.editorEpoch);
  if (!detail) return null;
  const rows: Row[] = [
    ...detail.spans.filter((s) => s.reviewer === reviewer && s.label === 'indicator').map((s) => ({ key: `s:${s.id}:${epoch}`, kind: 'span' as const, id: s.id, start: s.start, end: s.end, text: s.quote.exact, fields: s.fields })),
    ...(suggestions?.caseId === detail.summary.id ? suggestions.items : [])
      .filter((s) => s.label === 'indicator' && s.state === 'pending')
      .map((s) => ({ key: `g:${s.id}`, kind: 'suggestion' as const, id: s.id, start: s.start, end: s.end, text: s.text, fields: s.fields })),
  ].sort((a, b) => a.start - b.start);

  return (
    <section className="indicator-table" aria-label={t('indicators.title')}>
      <p className="muted small">{t('indicators.hint', { spans: rows.filter((r) => r.kind === 'span').length, suggestions: rows.filter((r) => r.kind === 'suggestion').length })}</p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('indicators.quote')}</th>
              {COLUMNS.map((c) => (
                <th key={c} scope="col">
                  {t(`indicators.columns.${c}`)}
                </th>
              ))}
              <th scope="col">
                <span className="sr-only">{t('indicators.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <IndicatorRow key={r.key} row={r} />
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? <p className="muted">{t('indicators.empty')}</p> : null}
    </section>
  );
}

function IndicatorRow({ row }: { row: Row }) {
  const { t } = useTranslation();
  const updateSpan = useApp((s) => s.updateSpan);
  const decide = useApp((s) => s.decideSuggestions);
  const reveal = useApp((s) => s.revealRange);
  const selectSpan = useApp((s) => s.selectSpan);
  const focus = useApp((s) => s.focusSuggestion);
  const [fields, setFields] = useState<Record<string, FieldValue>>(row.fields);
  const suggestion = row.kind === 'suggestion';
  const parse = (key: Column, raw: string): FieldValue => (raw === '' ? null : NUMERIC.has(key) && /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw);
  // A span saves a cell when it is left (or a choice is made); a suggestion keeps its edits until accepted.
  const save = (key: Column, value: FieldValue) => {
    if (!suggestion && value !== (row.fields[key] ?? null)) void updateSpan(row.id, { fields: { ...row.fields, [key]: value } });
  };

  return (
    <tr className={suggestion ? 'suggested' : ''}>
      <th scope="row">
        <button
          type="button"
          className="link"
          onClick={() => {
            reveal(row.start, row.end);
            if (suggestion) focus(row.id);
            else selectSpan(row.id);
          }}
        >
          {suggestion ? <span className="badge">{t('indicators.suggested')}</span> : null} <span lang="zh-CN">{row.text}</span>
        </button>
      </th>
      {COLUMNS.map((c) => {
        const value = fields[c] ?? null;
        const label = t('app.labelled', { label: t(`indicators.columns.${c}`), value: row.text });
        return (
          <td key={c}>
            {CHOICES[c] ? (
              <select
                aria-label={label}
                value={value === null ? '' : String(value)}
                onChange={(e) => {
                  const v = parse(c, e.target.value);
                  setFields({ ...fields, [c]: v });
                  save(c, v);
                }}
              >
                {CHOICES[c]!.map((x) => (
                  <option key={x} value={x}>
                    {x ? t(`indicators.choices.${x}`) : '—'}
                  </option>
                ))}
              </select>
            ) : (
              <input aria-label={label} className={c === 'metric' ? 'wide' : 'narrow'} inputMode={NUMERIC.has(c) ? 'decimal' : undefined} value={value === null ? '' : String(value)} onChange={(e) => setFields({ ...fields, [c]: parse(c, e.target.value) })} onBlur={() => save(c, value)} />
            )}
          </td>
        );
      })}
      <td>
        {suggestion ? (
          <span className="decide">
            <button type="button" aria-label={t('suggest.accept')} onClick={() => void decide([{ id: row.id, accept: true, fields }])}>
              ✓
            </button>
            <button type="button" aria-label={t('suggest.reject')} onClick={() => void decide([{ id: row.id, accept: false }])}>
              ✕
            </button>
          </span>
        ) : null}
      </td>
    </tr>
  );
}
