import { memo, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import { SECTION_KINDS, type SectionKind } from '../../../shared/model/sections.ts';
import type { TaggedSection } from '../../../shared/model/review.ts';
import { useApp } from '../state/context.ts';
import { defaultSectionLevel, sectionLevelChoices } from '../reader/outline.ts';
import type { TextIndexRef } from '../reader/text-index.ts';
import { CaseStructure } from './lazy-parts.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';

const short = (text: string) => (text.length > 16 ? `${text.slice(0, 15)}…` : text);

/** A new section heading waiting for its level (chosen in the outline's foot). */
interface Adding {
  start: number;
  headingEnd: number;
  quote: string;
  level: number;
}

/**
 * The case's sections: choose one to jump to it. A reviewer tags them here: confirm, change
 * kinds, move the heading to the selection, add a section at the selection (at a level they
 * choose), remove one. Kinds show as words (not colour alone); the tagging controls open per
 * section. A control that goes away with its action (Confirm, Remove, Add) hands the focus on.
 */
export const Outline = memo(function Outline({ index }: { index: TextIndexRef }) {
  const { t } = useTranslation();
  const detail = useApp((s) => s.detail);
  const conn = useApp((s) => s.conn);
  const run = useApp((s) => s.run);
  const reloadCase = useApp((s) => s.reloadCase);
  const notify = useApp((s) => s.notify);
  const [editing, setEditing] = useState<number | null>(null);
  const [adding, setAdding] = useState<Adding | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const nav = useRef<HTMLElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  // The ✎ editor opens below its heading, often under the column's fold: it is brought into
  // view (the outline scrolls, not the page), and the keys go to its first choice.
  useEffect(() => {
    if (editing === null) return;
    const editor = nav.current?.querySelector<HTMLElement>(`[data-section-index="${editing}"] .section-editor`);
    editor?.scrollIntoView({ block: 'nearest' });
    editor?.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
  }, [editing]);
  // A control to focus once the outline has re-rendered with new sections or the add form (a
  // CSS selector inside the outline). Set before the call: the store re-renders synchronously.
  const focusAfter = useRef<string | null>(null);
  const sections = detail?.sections;
  useEffect(() => {
    const target = focusAfter.current;
    if (!target) return;
    focusAfter.current = null;
    nav.current?.querySelector<HTMLElement>(target)?.focus();
    // oxlint-disable-next-line react/exhaustive-effect-dependencies -- runs when the outline has re-rendered with new sections or the add form
  }, [sections, adding]);
  if (!detail || !sections) return null;
  const caseId = detail.summary.id;
  const top = sections.length ? Math.min(...sections.map((s) => s.level)) : 1;

  const tag = async (input: Parameters<typeof conn.api.tagSection>[0]) => {
    if ((await run(conn.api.tagSection(input))) === null) return false;
    await reloadCase();
    return true;
  };
  const editButtonOf = (i: number) => `[data-section-index="${i}"] button.edit`;
  const jump = (s: TaggedSection) => {
    document.querySelector(`[data-start="${s.start}"]`)?.scrollIntoView({ block: 'start' });
    index.current?.select(s.start, s.start);
    document.querySelector<HTMLElement>('.reader-text')?.focus({ preventScroll: true });
  };
  const selection = () => {
    const sel = index.current?.selection();
    if (!sel || sel.end <= sel.start) {
      notify({ kind: 'info', text: t('reader.noSelection') });
      return null;
    }
    return sel;
  };
  const startAdding = () => {
    const sel = selection();
    if (!sel) return;
    const quote = detail.text.slice(sel.start, sel.end);
    focusAfter.current = 'select.add-level';
    setAdding({ start: sel.start, headingEnd: sel.end, quote, level: defaultSectionLevel(sections, sel.start, quote) });
  };
  const stopAdding = () => {
    setAdding(null);
    // The form goes; its button stays.
    setTimeout(() => addButton.current?.focus(), 0);
  };

  return (
    <nav className="outline" aria-label={t('reader.outline')} ref={nav}>
      <div className="outline-head">
        <h3>{t('reader.outline')}</h3>
        <button type="button" onClick={() => void tag({ action: 'confirm-all', caseId })}>
          {t('section.confirmAll')}
        </button>
      </div>
      {sections.length === 0 ? <p className="muted">{t('reader.noSections')}</p> : null}
      <ol className="outline-list">
        {sections.map((s, i) => {
          const open = editing === i;
          const showKinds = s.level === top || open;
          return (
            <li key={`${s.start}-${i}`} className={`outline-item level-${Math.min(s.level - top + 1, 4)}`} data-section-index={i}>
              <div className="outline-row">
                <button type="button" className="jump" onClick={() => jump(s)} aria-label={t('section.jump', { heading: s.heading })}>
                  {s.numbering}
                  {s.heading}
                </button>
                <span className={s.confirmed ? 'confirmed' : 'unconfirmed'} title={s.confirmed ? t('section.confirmed') : t('section.unconfirmed')} aria-label={s.confirmed ? t('section.confirmed') : t('section.unconfirmed')}>
                  {s.confirmed ? '✔' : '?'}
                </span>
                <button type="button" className="icon edit" aria-expanded={open} aria-label={t('app.labelled', { label: t('section.kinds'), value: s.heading })} onClick={() => setEditing(open ? null : i)}>
                  ✎
                </button>
              </div>
              {showKinds && !open ? (
                <div className="kind-tags">
                  {s.kinds.map((k) => (
                    <span key={k} className={`kind-tag kind-${k}`}>
                      {t(`kinds.${k}`)}
                    </span>
                  ))}
                </div>
              ) : null}
              {open ? (
                <div className="section-editor">
                  <div className="kinds" role="group" aria-label={t('section.kinds')}>
                    {SECTION_KINDS.map((k: SectionKind) => {
                      const on = s.kinds.includes(k);
                      return (
                        <button
                          key={k}
                          type="button"
                          className={on ? `kind on kind-${k}` : `kind kind-${k}`}
                          aria-pressed={on}
                          onClick={() => {
                            const kinds = on ? s.kinds.filter((x) => x !== k) : [...s.kinds.filter((x) => x !== 'other'), k];
                            void tag({ action: 'set-kinds', caseId, index: i, kinds: kinds.length ? kinds : ['other'] });
                          }}
                        >
                          {on ? '✓ ' : ''}
                          {t(`kinds.${k}`)}
                        </button>
                      );
                    })}
                  </div>
                  <div className="section-actions">
                    {!s.confirmed ? (
                      <button
                        type="button"
                        onClick={() => {
                          // The button goes once confirmed: the focus moves to the section's own
                          // toggle (Enter there closes the editor, harmlessly; not "move here").
                          nav.current?.querySelector<HTMLElement>(editButtonOf(i))?.focus();
                          void tag({ action: 'confirm', caseId, index: i });
                        }}
                      >
                        {t('section.confirm')}
                      </button>
                    ) : null}
                    <button
                      type="button"
                      onClick={() => {
                        const sel = selection();
                        if (sel) void tag({ action: 'move', caseId, index: i, start: sel.start, headingEnd: sel.end });
                      }}
                    >
                      {t('section.moveHere')}
                    </button>
                    <button
                      type="button"
                      className="danger"
                      onClick={() => {
                        // The section after it takes its place (or the one before, at the end).
                        const next = Math.min(i, sections.length - 2);
                        focusAfter.current = next >= 0 ? editButtonOf(next) : 'button.add-section';
                        void tag({ action: 'remove', caseId, index: i }).then((done) => {
                          if (done) setEditing(null);
                          else focusAfter.current = null;
                        });
                      }}
                    >
                      {t('section.remove')}
                    </button>
                  </div>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      <div className="outline-foot">
        <button type="button" className="add-section" ref={addButton} aria-expanded={!!adding} onClick={() => (adding ? stopAdding() : startAdding())}>
          + {t('section.addHere')}
        </button>
        {adding ? (
          <form
            className="add-section-form"
            aria-label={t('section.addTitle')}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                stopAdding();
              }
            }}
            onSubmit={(e) => {
              e.preventDefault();
              const { start, headingEnd, level } = adding;
              void tag({ action: 'add', caseId, start, headingEnd, level, kinds: ['other'] }).then((done) => done && stopAdding());
            }}
          >
            <p className="muted small" lang="zh-CN">
              {t('section.newHeading', { quote: short(adding.quote) })}
            </p>
            <label className="field">
              <span>{t('section.level')}</span>
              <select
                className="add-level"
                value={adding.level}
                onChange={(e) => setAdding({ ...adding, level: Number(e.target.value) })}
                onKeyDown={(e) => {
                  // Enter on the level adds the section, as in a text field.
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    e.currentTarget.form?.requestSubmit();
                  }
                }}
              >
                {sectionLevelChoices(sections, adding.level).map((c) => (
                  <option key={c.level} value={c.level}>
                    {c.example ? t('section.levelLike', { n: c.level, heading: short(`${c.example.numbering}${c.example.heading}`) }) : t('section.levelN', { n: c.level })}
                  </option>
                ))}
              </select>
            </label>
            <div className="row">
              <button type="submit" className="primary">
                {t('section.add')}
              </button>
              <button type="button" onClick={stopAdding}>
                {t('app.cancel')}
              </button>
            </div>
          </form>
        ) : null}
        <button type="button" onClick={() => setConfirmReset(true)}>
          {t('section.reset')}
        </button>
      </div>
      {confirmReset ? (
        <ConfirmDialog
          id="section-reset"
          title={t('section.resetTitle')}
          message={t('section.resetConfirm')}
          confirm={t('section.resetButton')}
          onConfirm={() => void tag({ action: 'reset', caseId })}
          onCancel={() => setConfirmReset(false)}
        />
      ) : null}
      <Suspense fallback={null}>
        <CaseStructure index={index} />
      </Suspense>
    </nav>
  );
});
