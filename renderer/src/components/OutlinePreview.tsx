import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import { DOCUMENT_SHAPES } from '../../../shared/model/document.ts';
import { READING_CHOICES, type OutlineCase, type OutlineEdit, type OutlineView, type PlacedWarning } from '../../../shared/outline/index.ts';
import { isTyping } from '../lib/keys.ts';
import { CaseFields, HeadingForm, WarningNote, type HeadingDraft } from './StructureParts.tsx';
import './structure.css';

const clip = (text: string, n = 90) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

/**
 * One file's outline as the loader (and the corrections so far) read it, with the corrections
 * at hand: every case with its title, region, part and top-level sections, the loader's notes at
 * the place they concern, and each case's paragraphs to split at, make headings of, or drop.
 * Everything works by keyboard: ↑/↓ through a case's paragraphs, S/B split, H heading, Delete
 * drop; M on a case merges it with the next. `onEdit` makes one correction (one undoable step).
 */
export function OutlinePreview({ view, busy, onEdit }: { view: OutlineView; busy: boolean; onEdit: (edit: OutlineEdit) => Promise<boolean> }) {
  const { t } = useTranslation();
  // Cases whose paragraphs are shown (the only case of a one-case file, to begin with).
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(view.cases.length === 1 ? [view.cases[0]!.id] : []));
  const [editing, setEditing] = useState<string | null>(null);
  const root = useRef<HTMLElement>(null);
  // Where the focus goes once the outline re-rendered after a correction (a CSS selector in it).
  const focusAfter = useRef<string | null>(null);
  useEffect(() => {
    const target = focusAfter.current;
    if (!target) return;
    focusAfter.current = null;
    root.current?.querySelector<HTMLElement>(target)?.focus();
    // oxlint-disable-next-line react/exhaustive-effect-dependencies -- runs when the outline has re-rendered after a correction
  }, [view, open, editing]);

  const edit = async (e: OutlineEdit, focus?: string) => {
    const done = await onEdit(e);
    if (done && focus) focusAfter.current = focus;
    return done;
  };
  const between = (after: string | null) => view.warnings.filter((w) => w.after === after);
  const low = view.confidence < 0.7;

  return (
    <section className="outline-preview" ref={root} aria-label={view.file}>
      <header className="preview-head">
        <h3>{view.file}</h3>
        <span>{t('structure.cases', { count: view.cases.length })}</span>
        <span className={low ? 'confidence low' : 'confidence'}>
          {low ? '⚠ ' : ''}
          {t('structure.confidence', { value: view.confidence.toFixed(2) })}
        </span>
        <label className="field inline-select">
          <span>{t('structure.shape')}</span>
          <select value={view.format} disabled={busy} onChange={(e) => void edit({ op: 'shape', shape: e.target.value as OutlineView['format'] })}>
            {DOCUMENT_SHAPES.map((s) => (
              <option key={s} value={s}>
                {t(`structure.shapes.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline-select">
          <span>{t('structure.reading')}</span>
          <select value={view.reading ?? 'auto'} disabled={busy} onChange={(e) => void edit({ op: 'reading', reading: e.target.value as (typeof READING_CHOICES)[number] })}>
            {READING_CHOICES.map((r) => (
              <option key={r} value={r}>
                {t(`structure.readings.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="muted small">{t('structure.corrections', { count: view.corrections.length })}</span>
      </header>
      {low ? (
        <p className="note warn" role="note">
          {t('structure.lowConfidence')}
        </p>
      ) : null}
      {view.unfit.length ? (
        <div className="note warn" role="note">
          <p>{t('structure.unfitTitle')}</p>
          <ul>
            {view.unfit.map((u) => (
              <li key={u.correction.id}>{t('structure.unfitItem', { op: t(`structure.op.${u.correction.op}`), at: 'at' in u.correction ? clip(u.correction.at.exact, 24) : '—', reason: t(`structure.unfit.${u.reason}`) })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <Unplaced warnings={between(null)} label={t('structure.beforeFirst')} />
      <ol className="preview-cases">
        {view.cases.map((c, i) => (
          <li key={c.id} className="preview-case" data-case-id={c.id}>
            <PreviewCase
              c={c}
              isLast={i === view.cases.length - 1}
              onlyCase={view.cases.length === 1}
              expanded={open.has(c.id)}
              editing={editing === c.id}
              busy={busy}
              onToggle={() => {
                const next = new Set(open);
                if (!next.delete(c.id)) next.add(c.id);
                setOpen(next);
              }}
              onEditing={(on) => {
                setEditing(on ? c.id : null);
                if (!on) focusAfter.current = `[data-case-id="${c.id}"] .case-head`;
              }}
              edit={edit}
            />
            <Unplaced warnings={between(c.id)} label={t('structure.afterCase', { ordinal: c.ordinal })} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function Unplaced({ warnings, label }: { warnings: PlacedWarning[]; label: string }) {
  if (!warnings.length) return null;
  return (
    <div className="unplaced" role="group" aria-label={label}>
      <p className="muted small">{label}</p>
      {warnings.map((w, i) => (
        <WarningNote key={i} w={w} />
      ))}
    </div>
  );
}

interface CaseProps {
  c: OutlineCase;
  isLast: boolean;
  onlyCase: boolean;
  expanded: boolean;
  editing: boolean;
  busy: boolean;
  onToggle: () => void;
  onEditing: (on: boolean) => void;
  edit: (e: OutlineEdit, focus?: string) => Promise<boolean>;
}

function PreviewCase({ c, isLast, onlyCase, expanded, editing, busy, onToggle, onEditing, edit }: CaseProps) {
  const { t } = useTranslation();
  const [active, setActive] = useState(0);
  const [splitting, setSplitting] = useState<number | null>(null);
  const [heading, setHeading] = useState<HeadingDraft | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const caseWarnings = c.warnings.filter((w) => w.at === null);
  const head = `[data-case-id="${c.id}"] .case-head`;
  const paragraphSel = (i: number) => `[data-case-id="${c.id}"] [data-paragraph="${i}"]`;
  const merge = () => !isLast && void edit({ op: 'merge', caseId: c.id }, head);
  const drop = () => !onlyCase && void edit({ op: 'drop-case', caseId: c.id });

  const moveTo = (i: number) => {
    const n = Math.max(0, Math.min(c.paragraphs.length - 1, i));
    setActive(n);
    list.current?.querySelector<HTMLElement>(`[data-paragraph="${n}"]`)?.focus();
  };
  const splitAt = (i: number, titleFromParagraph: boolean, title?: string) =>
    void edit({ op: 'split', caseId: c.id, at: c.paragraphs[i]!.start, titleFromParagraph, ...(title ? { title } : {}) }, titleFromParagraph ? head : paragraphSel(0));
  // A last paragraph taken as a title would leave the new case no text: it can only stay text.
  const isLastText = (i: number) => !c.paragraphs.slice(i + 1).some((p) => p.text.trim());
  const toggleHeading = (i: number) => {
    const p = c.paragraphs[i]!;
    if (p.heading) void edit({ op: 'make-body', caseId: c.id, at: p.start }, paragraphSel(i));
    else setHeading({ index: i, level: 1, text: p.text });
  };

  return (
    <>
      <div
        className="case-head"
        tabIndex={0}
        aria-label={t('structure.caseLabel', { ordinal: c.ordinal, title: c.title })}
        aria-expanded={expanded}
        onKeyDown={(e) => {
          if (isTyping(e) || e.target !== e.currentTarget) return;
          const key = e.key.toLowerCase();
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            onToggle();
          } else if (key === 'm' && !e.ctrlKey && !e.metaKey) {
            e.preventDefault();
            merge();
          } else if (key === 't' && !e.ctrlKey && !e.metaKey) {
            e.preventDefault();
            onEditing(true);
          } else if (e.key === 'Delete') {
            e.preventDefault();
            drop();
          }
        }}
      >
        <span className="ordinal">{c.ordinal}.</span> <strong className="case-title">{c.title}</strong>
        <span className="case-meta muted small">
          {t('app.labelled', { label: t('structure.region'), value: c.region ?? t('structure.none') })} · {t('app.labelled', { label: t('structure.part'), value: c.part ?? t('structure.none') })}
        </span>
      </div>
      {c.sections.length ? (
        <ul className="preview-sections" aria-label={t('structure.sections')}>
          {c.sections.map((s, i) => (
            <li key={i}>
              {s.numbering}
              {s.heading}{' '}
              {s.kinds.map((k) => (
                <span key={k} className={`kind-tag kind-${k}`}>
                  {t(`kinds.${k}`)}
                </span>
              ))}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{t('structure.noSections')}</p>
      )}
      {caseWarnings.map((w, i) => (
        <WarningNote key={i} w={w} />
      ))}
      <div className="case-actions">
        <button type="button" className="toggle-paragraphs" aria-expanded={expanded} onClick={onToggle}>
          {expanded ? t('structure.hideParagraphs') : t('structure.showParagraphs', { count: c.paragraphs.length })}
        </button>
        <button type="button" className="merge-next" disabled={busy || isLast} onClick={merge} aria-keyshortcuts="M">
          {t('structure.merge')}
        </button>
        <button type="button" className="edit-case" disabled={busy} aria-expanded={editing} onClick={() => onEditing(!editing)} aria-keyshortcuts="T">
          {t('structure.edit')}
        </button>
        <button type="button" className="drop-case danger" disabled={busy || onlyCase} onClick={drop} aria-keyshortcuts="Delete">
          {t('structure.dropCase')}
        </button>
      </div>
      {editing ? (
        <CaseFields
          c={c}
          busy={busy}
          onCancel={() => onEditing(false)}
          onSave={async (edits) => {
            for (const e of edits) if (!(await edit(e))) return;
            onEditing(false);
          }}
        />
      ) : null}
      {expanded ? (
        <ol className="paragraphs" ref={list} aria-label={t('structure.paragraphs', { title: c.title })}>
          {c.paragraphs.map((p, i) => (
            <li
              key={p.start}
              data-paragraph={i}
              data-at={p.start}
              tabIndex={i === active ? 0 : -1}
              className={p.heading ? 'paragraph is-heading' : 'paragraph'}
              onFocus={() => setActive(i)}
              onKeyDown={(e) => {
                if (isTyping(e) || e.target !== e.currentTarget || e.ctrlKey || e.metaKey || e.altKey) return;
                const key = e.key.toLowerCase();
                if (e.key === 'ArrowDown') moveTo(i + 1);
                else if (e.key === 'ArrowUp') moveTo(i - 1);
                else if (e.key === 'Home') moveTo(0);
                else if (e.key === 'End') moveTo(c.paragraphs.length - 1);
                else if (key === 's' && i > 0 && !isLastText(i)) splitAt(i, true);
                else if (key === 'b' && i > 0) setSplitting(i);
                else if (key === 'h') toggleHeading(i);
                else if (e.key === 'Delete') void edit({ op: 'drop-text', caseId: c.id, at: p.start, to: p.start }, paragraphSel(Math.max(0, i - 1)));
                else return;
                e.preventDefault();
              }}
            >
              <span className="paragraph-text" lang="zh-CN">
                {p.heading ? <span className="heading-badge">{t('structure.heading', { level: p.heading.level })}</span> : null}
                {clip(p.text)}
              </span>
              {p.heading ? (
                <span className="kind-tags">
                  {p.heading.kinds.map((k) => (
                    <span key={k} className={`kind-tag kind-${k}`}>
                      {t(`kinds.${k}`)}
                    </span>
                  ))}
                </span>
              ) : null}
              {c.warnings
                .filter((w) => w.at === p.start)
                .map((w, k) => (
                  <WarningNote key={k} w={w} />
                ))}
              <span className="paragraph-actions">
                <button type="button" className="split-title" tabIndex={-1} disabled={busy || i === 0 || isLastText(i)} onClick={() => splitAt(i, true)} aria-keyshortcuts="S">
                  {t('structure.splitTitle')}
                </button>
                <button type="button" className="split-body" tabIndex={-1} disabled={busy || i === 0} onClick={() => setSplitting(i)} aria-keyshortcuts="B">
                  {t('structure.splitBody')}
                </button>
                <button type="button" className="toggle-heading" tabIndex={-1} disabled={busy} onClick={() => toggleHeading(i)} aria-keyshortcuts="H">
                  {p.heading ? t('structure.makeBody') : t('structure.makeHeading')}
                </button>
                <button type="button" className="drop-paragraph" tabIndex={-1} disabled={busy} onClick={() => void edit({ op: 'drop-text', caseId: c.id, at: p.start, to: p.start })} aria-keyshortcuts="Delete">
                  {t('structure.dropParagraph')}
                </button>
              </span>
              {splitting === i ? (
                <SplitTitleForm
                  onCancel={() => {
                    setSplitting(null);
                    moveTo(i);
                  }}
                  onSubmit={(title) => {
                    setSplitting(null);
                    splitAt(i, false, title);
                  }}
                />
              ) : null}
              {heading?.index === i ? (
                <HeadingForm
                  draft={heading}
                  onCancel={() => {
                    setHeading(null);
                    moveTo(i);
                  }}
                  onSubmit={(level, kinds) => {
                    setHeading(null);
                    void edit({ op: 'make-heading', caseId: c.id, at: p.start, level, kinds }, paragraphSel(i));
                  }}
                />
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </>
  );
}

function SplitTitleForm({ onSubmit, onCancel }: { onSubmit: (title: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (title.trim()) onSubmit(title.trim());
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
        <span>{t('structure.newTitle')}</span>
        {/* oxlint-disable-next-line jsx-a11y/no-autofocus -- the form opens for this one field */}
        <input autoFocus value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={!title.trim()}>
        {t('structure.save')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('app.cancel')}
      </button>
    </form>
  );
}
