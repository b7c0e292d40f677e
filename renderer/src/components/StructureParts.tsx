import { useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import { classifyHeading } from '../../../shared/ingest/section-kinds.ts';
import { SECTION_KINDS, type SectionKind } from '../../../shared/model/sections.ts';
import type { OutlineEdit, PlacedWarning } from '../../../shared/outline/index.ts';

/**
 * A loader note: its severity in words (never by colour alone), what it means in the interface
 * language when the code is known, and the loader's own message beside it.
 */
export function WarningNote({ w, inline }: { w: PlacedWarning; inline?: boolean }) {
  const { t } = useTranslation();
  const meaning = t(`structure.codes.${w.code}`, { defaultValue: '' });
  const Tag = inline ? 'span' : 'p';
  return (
    <Tag className={`loader-note ${w.severity}`} role="note" data-code={w.code}>
      <span className="severity">
        {w.severity === 'warning' ? '⚠ ' : 'ℹ '}
        {t(`structure.severity.${w.severity}`)}
      </span>{' '}
      {meaning ? <span>{meaning}</span> : null} <span className="muted small">{w.message}</span>
    </Tag>
  );
}

/** A case's title, region and part, edited together; saving makes one correction per field changed. */
export function CaseFields({ c, busy, onSave, onCancel }: { c: { id: string; title: string; region: string | null; part: string | null }; busy: boolean; onSave: (edits: OutlineEdit[]) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(c.title);
  const [region, setRegion] = useState(c.region ?? '');
  const [part, setPart] = useState(c.part ?? '');
  return (
    <form
      className="inline-form case-fields"
      onSubmit={(e) => {
        e.preventDefault();
        const edits: OutlineEdit[] = [];
        if (title.trim() && title.trim() !== c.title) edits.push({ op: 'retitle', caseId: c.id, title: title.trim() });
        if (region.trim() !== (c.region ?? '')) edits.push({ op: 'set-region', caseId: c.id, region: region.trim() || null });
        if (part.trim() !== (c.part ?? '')) edits.push({ op: 'set-part', caseId: c.id, part: part.trim() || null });
        if (edits.length) onSave(edits);
        else onCancel();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <label className="field">
        <span>{t('structure.title')}</span>
        {/* oxlint-disable-next-line jsx-a11y/no-autofocus -- the form opens to edit this field */}
        <input className="case-title-input" autoFocus value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('structure.region')}</span>
        <input className="case-region-input" value={region} onChange={(e) => setRegion(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('structure.part')}</span>
        <input className="case-part-input" value={part} onChange={(e) => setPart(e.target.value)} />
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={busy || !title.trim()}>
          {t('structure.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}

export interface HeadingDraft {
  index: number;
  level: number;
  text: string;
}

/** A paragraph made a section heading: its level and kinds (proposed from its wording). */
export function HeadingForm({ draft, onSubmit, onCancel }: { draft: HeadingDraft; onSubmit: (level: number, kinds: SectionKind[]) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [level, setLevel] = useState(draft.level);
  const [kinds, setKinds] = useState<SectionKind[]>(() => classifyHeading(draft.text.slice(0, 40)));
  return (
    <form
      className="inline-form heading-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(level, kinds.length ? kinds : ['other']);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <label className="field">
        <span>{t('structure.headingLevel')}</span>
        {/* oxlint-disable-next-line jsx-a11y/no-autofocus -- the form opens for the heading's level */}
        <select autoFocus value={level} onChange={(e) => setLevel(Number(e.target.value))}>
          {[1, 2, 3, 4].map((n) => (
            <option key={n} value={n}>
              {t('structure.heading', { level: n })}
            </option>
          ))}
        </select>
      </label>
      <div className="kinds" role="group" aria-label={t('structure.headingKinds')}>
        {SECTION_KINDS.map((k) => {
          const on = kinds.includes(k);
          return (
            <button key={k} type="button" className={on ? `kind on kind-${k}` : `kind kind-${k}`} aria-pressed={on} onClick={() => setKinds(on ? kinds.filter((x) => x !== k) : [...kinds.filter((x) => x !== 'other'), k])}>
              {on ? '✓ ' : ''}
              {t(`kinds.${k}`)}
            </button>
          );
        })}
      </div>
      <div className="row">
        <button type="submit" className="primary">
          {t('structure.makeHeading')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}
