import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import { LABEL_CUES, type FieldDef, type LabelDef, type LabelSchema } from '../../../shared/model/labels.ts';
import { useApp } from '../state/context.ts';
import { Dialog } from './Dialog.tsx';
import { freshField, freshLabel, schemaProblems, type SchemaProblem } from '../lib/label-schema-draft.ts';

/** A label row as edited: `isNew` labels and fields may still change their id / key. */
interface DraftLabel extends LabelDef {
  isNew: boolean;
  newFieldKeys: string[];
}

/**
 * The project's label schema, editable: names, colour, second cue, glyph, hotkey and fields of
 * each label; add, reorder and remove labels. Ids of existing labels and keys of existing fields
 * stay fixed, so annotations keep their label and field values. The service refuses to remove
 * a label that annotations still use; the hotkey rules are checked here as you type.
 */
export function LabelSchemaEditor() {
  const { t, i18n } = useTranslation();
  const schema = useApp((s) => s.schema);
  const saveSchema = useApp((s) => s.saveSchema);
  const openDialog = useApp((s) => s.openDialog);
  const notify = useApp((s) => s.notify);
  const conn = useApp((s) => s.conn);
  const run = useApp((s) => s.run);
  // How many annotations use each label: a label in use cannot be removed (it would hide them).
  const [inUse, setInUse] = useState<Record<string, number>>({});
  useEffect(() => {
    void run(conn.api.stats({})).then((st) => st && setInUse(st.byLabel));
  }, [conn, run]);
  const [labels, setLabels] = useState<DraftLabel[]>(() => (schema?.labels ?? []).map((l) => ({ ...l, name: { ...l.name }, fields: l.fields.map((f) => ({ ...f })), isNew: false, newFieldKeys: [] })));
  const problems = schemaProblems(labels);
  const change = (i: number, patch: Partial<DraftLabel>) => setLabels(labels.map((l, k) => (k === i ? { ...l, ...patch } : l)));
  const changeField = (i: number, j: number, patch: Partial<FieldDef>) => change(i, { fields: labels[i]!.fields.map((f, k) => (k === j ? { ...f, ...patch } : f)) });
  const move = (i: number, by: -1 | 1) => {
    const next = [...labels];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    setLabels(next);
  };
  const problemText = (p: SchemaProblem) => t(`schemaEditor.problem.${p.kind}`, { label: p.label, key: p.key ?? '' });
  const name = (l: LabelDef) => (i18n.language === 'en' ? l.name.en : l.name.zh) || l.id;

  return (
    <Dialog id="label-schema" title={t('schemaEditor.title')} onClose={() => openDialog(null)} wide>
      <form
        className="schema-editor"
        onSubmit={(e) => {
          e.preventDefault();
          if (problems.length) return;
          const next: LabelSchema = { labels: labels.map(({ isNew: _n, newFieldKeys: _k, ...l }) => ({ ...l, fields: l.fields.map((f) => (f.type === 'choice' ? f : { key: f.key, name: f.name, type: f.type })) })) };
          void saveSchema(next).then((ok) => {
            if (!ok) return;
            openDialog(null);
            notify({ kind: 'info', text: t('schemaEditor.saved') });
          });
        }}
      >
        <p className="muted small">{t('schemaEditor.hint')}</p>
        {labels.map((l, i) => (
          <fieldset key={i} className="schema-label">
            <legend>
              <span className={`label-chip label-${l.id}`} style={{ ['--label-color' as string]: l.color }} aria-hidden="true">
                {l.glyph}
              </span>{' '}
              {name(l)} <code className="muted">{l.id}</code>
            </legend>
            <div className="schema-row">
              <label>
                {t('schemaEditor.nameZh')}
                <input value={l.name.zh} required maxLength={40} onChange={(e) => change(i, { name: { ...l.name, zh: e.target.value } })} />
              </label>
              <label>
                {t('schemaEditor.nameEn')}
                <input value={l.name.en} required maxLength={40} onChange={(e) => change(i, { name: { ...l.name, en: e.target.value } })} />
              </label>
              <label>
                {t('schemaEditor.color')}
                <input type="color" value={l.color} onChange={(e) => change(i, { color: e.target.value })} />
              </label>
              <label>
                {t('schemaEditor.cue')}
                <select value={l.cue} onChange={(e) => change(i, { cue: e.target.value as LabelDef['cue'] })}>
                  {LABEL_CUES.map((c) => (
                    <option key={c} value={c}>
                      {t(`schemaEditor.cues.${c}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('schemaEditor.glyph')}
                <input className="narrow" value={l.glyph} required maxLength={2} onChange={(e) => change(i, { glyph: e.target.value })} />
              </label>
              <label>
                {t('schemaEditor.hotkey')}
                <input className="narrow" value={l.hotkey} required maxLength={1} onChange={(e) => change(i, { hotkey: e.target.value })} />
              </label>
            </div>
            <table className="figures schema-fields">
              <caption>{t('schemaEditor.fields', { count: l.fields.length })}</caption>
              {l.fields.length ? (
                <thead>
                  <tr>
                    <th scope="col">{t('schemaEditor.fieldKey')}</th>
                    <th scope="col">{t('schemaEditor.nameZh')}</th>
                    <th scope="col">{t('schemaEditor.nameEn')}</th>
                    <th scope="col">{t('schemaEditor.fieldType')}</th>
                    <th scope="col">{t('schemaEditor.choices')}</th>
                    <th scope="col">
                      <span className="sr-only">{t('schemaEditor.removeField')}</span>
                    </th>
                  </tr>
                </thead>
              ) : null}
              <tbody>
                {l.fields.map((f, j) => {
                  const keyFixed = !l.isNew && !l.newFieldKeys.includes(f.key);
                  const label = `${name(l)} ${j + 1}`;
                  return (
                    <tr key={j}>
                      <td>
                        <input
                          aria-label={`${t('schemaEditor.fieldKey')} ${label}`}
                          value={f.key}
                          readOnly={keyFixed}
                          title={keyFixed ? t('schemaEditor.keyFixed') : undefined}
                          onChange={(e) => {
                            const key = e.target.value;
                            change(i, { fields: l.fields.map((x, k) => (k === j ? { ...x, key } : x)), newFieldKeys: l.newFieldKeys.map((k) => (k === f.key ? key : k)) });
                          }}
                        />
                      </td>
                      <td>
                        <input aria-label={`${t('schemaEditor.nameZh')} ${label}`} value={f.name.zh} required maxLength={40} onChange={(e) => changeField(i, j, { name: { ...f.name, zh: e.target.value } })} />
                      </td>
                      <td>
                        <input aria-label={`${t('schemaEditor.nameEn')} ${label}`} value={f.name.en} required maxLength={40} onChange={(e) => changeField(i, j, { name: { ...f.name, en: e.target.value } })} />
                      </td>
                      <td>
                        <select aria-label={`${t('schemaEditor.fieldType')} ${label}`} value={f.type} onChange={(e) => changeField(i, j, { type: e.target.value as FieldDef['type'], ...(e.target.value === 'choice' && !f.choices ? { choices: [] } : {}) })}>
                          {(['text', 'number', 'year', 'choice'] as const).map((ty) => (
                            <option key={ty} value={ty}>
                              {t(`schemaEditor.types.${ty}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        {f.type === 'choice' ? (
                          <input
                            aria-label={`${t('schemaEditor.choices')} ${label}`}
                            placeholder={t('schemaEditor.choicesHint')}
                            value={(f.choices ?? []).join(t('schemaEditor.choicesSeparator'))}
                            onChange={(e) => changeField(i, j, { choices: e.target.value.split(/[,，、]/).map((c) => c.trim()).filter((c, k, all) => c !== '' || k === all.length - 1) })}
                          />
                        ) : null}
                      </td>
                      <td>
                        <button type="button" aria-label={`${t('schemaEditor.removeField')} ${f.name.zh || f.key}`} onClick={() => change(i, { fields: l.fields.filter((_, k) => k !== j) })}>
                          ✕
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <div className="row">
              <button
                type="button"
                onClick={() => {
                  const f = freshField(l.fields);
                  change(i, { fields: [...l.fields, f], newFieldKeys: [...l.newFieldKeys, f.key] });
                }}
              >
                {t('app.plus')} {t('schemaEditor.addField')}
              </button>
              <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`${t('schemaEditor.up')} ${name(l)}`}>
                ↑
              </button>
              <button type="button" disabled={i === labels.length - 1} onClick={() => move(i, 1)} aria-label={`${t('schemaEditor.down')} ${name(l)}`}>
                ↓
              </button>
              <button type="button" disabled={labels.length <= 1 || (inUse[l.id] ?? 0) > 0} aria-describedby={(inUse[l.id] ?? 0) > 0 ? `in-use-${l.id}` : undefined} onClick={() => setLabels(labels.filter((_, k) => k !== i))}>
                {t('schemaEditor.removeLabel', { label: name(l) })}
              </button>
              {(inUse[l.id] ?? 0) > 0 ? (
                <span id={`in-use-${l.id}`} className="muted small">
                  {t('schemaEditor.inUse', { count: inUse[l.id] })}
                </span>
              ) : null}
            </div>
          </fieldset>
        ))}
        {problems.length ? (
          <ul className="schema-problems" role="alert">
            {problems.map((p, k) => (
              <li key={k}>⚠ {problemText(p)}</li>
            ))}
          </ul>
        ) : null}
        <div className="row">
          <button type="button" onClick={() => setLabels([...labels, { ...freshLabel(labels), isNew: true, newFieldKeys: [] }])}>
            {t('app.plus')} {t('schemaEditor.addLabel')}
          </button>
          <span className="spacer" />
          <button type="submit" className="primary" disabled={problems.length > 0}>
            {t('schemaEditor.save')}
          </button>
          <button type="button" onClick={() => openDialog(null)}>
            {t('app.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
