import { useRef, useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import type { FieldValue, SpanAnnotation } from '../../../shared/model/annotation.ts';
import type { FieldDef } from '../../../shared/model/labels.ts';
import { formatDateTime } from '../lib/format.ts';
import { selectKeyIntent } from '../lib/key-intents.ts';
import { fieldsForLabel } from '../lib/span-fields.ts';
import { labelById, useLocalised } from '../lib/use-labels.ts';
import { useApp } from '../state/context.ts';
import { SourceDialog } from './SourceDialog.tsx';

/** Edit the selected span: its label, its fields (an indicator's metric, value, unit …), its note; or delete it. */
export function SpanEditor({ span }: { span: SpanAnnotation }) {
  const { t, i18n } = useTranslation();
  const name = useLocalised();
  const schema = useApp((s) => s.schema);
  const reviewer = useApp((s) => s.info?.reviewer);
  const updateSpan = useApp((s) => s.updateSpan);
  const deleteSpan = useApp((s) => s.deleteSpan);
  const selectSpan = useApp((s) => s.selectSpan);
  const label = labelById(schema?.labels, span.label);
  // The parent keys this editor by span (and restarts it after undo or reload), so the drafts
  // start from the stored values and the editor's own saves do not disturb typing.
  const [fields, setFields] = useState<Record<string, FieldValue>>(span.fields);
  const [note, setNote] = useState(span.note);
  const [showSource, setShowSource] = useState(false);
  // The label choice: browsing it with the keys only moves the draft; it is saved (one undo
  // step) when committed: Enter, a pick from the opened list, or leaving the control.
  const [labelDraft, setLabelDraft] = useState(span.label);
  const committedLabel = useRef(span.label);
  const browsing = useRef(false);
  // Names of the fields the last relabelling let go (the new label has no such fields).
  const [dropped, setDropped] = useState<string[]>([]);
  const readOnly = span.reviewer !== reviewer;
  const dirty = JSON.stringify(normalise(fields)) !== JSON.stringify(normalise(span.fields)) || note !== span.note;

  const save = () => {
    if (dirty) void updateSpan(span.id, { fields, note });
  };

  const commitLabel = (next: string) => {
    if (readOnly || next === committedLabel.current) return;
    const from = labelById(schema?.labels, committedLabel.current);
    committedLabel.current = next;
    // Fields the new label does not define go with the old one, in the same step (undo brings
    // them back): an indicator made a lesson keeps no metric or value.
    const { kept, dropped: gone } = fieldsForLabel(fields, labelById(schema?.labels, next));
    setFields(kept);
    setDropped(gone.map((key) => from?.fields.find((f) => f.key === key)?.name).flatMap((n) => (n ? [name(n)] : [])));
    void updateSpan(span.id, { label: next, fields: kept });
  };

  // Esc anywhere in the editor closes it, as it closes a dialog: what was typed is saved first
  // (fields save when left, so Esc keeps them too), and the keys go back to the reader.
  // An Esc something inside took for itself (a label choice reverted) does not close it.
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented || showSource) return;
    e.preventDefault();
    e.stopPropagation();
    if (!readOnly) save();
    selectSpan(null);
    document.querySelector<HTMLElement>('.reader-text')?.focus();
  };

  return (
    <section className="span-editor" aria-label={t('span.title')} onKeyDown={onKeyDown}>
      <header>
        <span className={`label-chip label-${span.label}`} aria-hidden="true">
          {label?.glyph}
        </span>
        <blockquote className="quote" lang="zh-CN">
          {span.quote.exact}
        </blockquote>
      </header>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <label className="field">
          <span>{t('span.label')}</span>
          <select
            id="span-editor-label"
            value={labelDraft}
            disabled={readOnly}
            onKeyDown={(e) => {
              const intent = selectKeyIntent(e);
              browsing.current = intent === 'browse';
              if (intent === 'commit') {
                e.preventDefault();
                commitLabel(labelDraft);
              } else if (intent === 'revert' && labelDraft !== committedLabel.current) {
                e.preventDefault();
                setLabelDraft(committedLabel.current);
              }
            }}
            onChange={(e) => {
              setLabelDraft(e.target.value);
              if (!browsing.current) commitLabel(e.target.value);
              browsing.current = false;
            }}
            onBlur={() => commitLabel(labelDraft)}
          >
            {schema?.labels.map((l) => (
              <option key={l.id} value={l.id}>
                {l.glyph} {name(l.name)} ({l.hotkey})
              </option>
            ))}
          </select>
        </label>
        {span.textChanged ? (
          <div className="text-changed-note" role="status">
            <p className="small">
              ⚠ {t('span.textChanged', { was: span.textChanged.was })} {t(span.textChanged.reparsed ? 'span.reparsed' : 'span.checkFields')}
            </p>
            {!readOnly ? (
              <button type="button" onClick={() => void updateSpan(span.id, { fields })}>
                {t('span.fieldsChecked')}
              </button>
            ) : null}
          </div>
        ) : null}
        <p className="small dropped-fields" role="status">
          {dropped.length ? t('span.droppedFields', { fields: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(dropped) }) : null}
        </p>
        {label?.fields.length ? (
          <fieldset className="fields">
            <legend>{t('span.fields')}</legend>
            {label.fields.map((f) => (
              <FieldInput key={f.key} def={f} value={fields[f.key] ?? null} disabled={readOnly} onChange={(v) => setFields({ ...fields, [f.key]: v })} onBlur={save} />
            ))}
          </fieldset>
        ) : null}
        <label className="field">
          <span>{t('span.note')}</span>
          <textarea value={note} disabled={readOnly} rows={2} onChange={(e) => setNote(e.target.value)} onBlur={save} />
        </label>
        <p className="muted small">
          {t('app.labelled', { label: t('span.reviewer'), value: span.reviewer })} · {t(`span.origin.${span.origin}`)} · {t('span.created', { at: formatDateTime(span.createdAt, i18n.language) })}
        </p>
        <div className="row">
          {!readOnly ? (
            <>
              <button type="submit" className="primary" disabled={!dirty}>
                {t('span.save')}
              </button>
              <button type="button" className="danger" onClick={() => void deleteSpan(span.id)} aria-keyshortcuts="Delete">
                {t('span.delete')}
              </button>
            </>
          ) : null}
          <button type="button" onClick={() => setShowSource(true)}>
            {t('source.show')}
          </button>
          <button type="button" onClick={() => selectSpan(null)}>
            {t('span.close')}
          </button>
        </div>
      </form>
      {showSource ? <SourceDialog caseId={span.caseId} start={span.start} end={span.end} onClose={() => setShowSource(false)} /> : null}
    </section>
  );
}

/** One field of a label, typed as the label defines it (also used for a suggestion's fields before accepting). */
export function FieldInput({ def, value, disabled, onChange, onBlur, idPrefix = 'field' }: { def: FieldDef; value: FieldValue; disabled: boolean; onChange: (v: FieldValue) => void; onBlur: () => void; idPrefix?: string }) {
  const name = useLocalised();
  const { t, i18n } = useTranslation();
  // The built-in indicator choices (up, pp, …) have names; a project's own choices show as typed.
  const choiceName = (c: string) => (c && i18n.exists(`indicators.choices.${c}`) ? t(`indicators.choices.${c}`) : c);
  const id = `${idPrefix}-${def.key}`;
  if (def.type === 'choice') {
    return (
      <label className="field inline" htmlFor={id}>
        <span>{name(def.name)}</span>
        <select id={id} value={value === null ? '' : String(value)} disabled={disabled} onChange={(e) => onChange(e.target.value || null)} onBlur={onBlur}>
          <option value="">—</option>
          {def.choices?.map((c) => (
            <option key={c} value={c}>
              {choiceName(c)}
            </option>
          ))}
        </select>
      </label>
    );
  }
  const numeric = def.type === 'number' || def.type === 'year';
  return (
    <label className="field inline" htmlFor={id}>
      <span>{name(def.name)}</span>
      <input
        id={id}
        inputMode={numeric ? 'decimal' : undefined}
        value={value === null ? '' : String(value)}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value === '' ? null : numeric && /^-?\d+(\.\d+)?$/.test(e.target.value) ? Number(e.target.value) : e.target.value)}
        onBlur={onBlur}
      />
    </label>
  );
}

/** Fields compared without empty values and regardless of key order. */
function normalise(fields: Record<string, FieldValue>): Array<[string, FieldValue]> {
  return Object.entries(fields)
    .filter(([, v]) => v !== null && v !== '')
    .sort(([a], [b]) => a.localeCompare(b));
}
