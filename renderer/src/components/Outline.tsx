import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTION_KINDS, type SectionKind } from '../../../shared/model/sections.ts';
import type { TaggedSection } from '../../../shared/model/review.ts';
import { useApp } from '../state/context.ts';
import type { TextIndex } from '../reader/text-index.ts';

/**
 * The case's sections: choose one to jump to it. A reviewer tags them here: confirm, change
 * kinds, move the heading to the selection, add a section at the selection, remove one. Kinds
 * show as words (not colour alone); the tagging controls open per section.
 */
export function Outline({ index }: { index: TextIndex | null }) {
  const { t } = useTranslation();
  const detail = useApp((s) => s.detail);
  const conn = useApp((s) => s.conn);
  const run = useApp((s) => s.run);
  const reloadCase = useApp((s) => s.reloadCase);
  const notify = useApp((s) => s.notify);
  const [editing, setEditing] = useState<number | null>(null);
  if (!detail) return null;
  const caseId = detail.summary.id;
  const sections = detail.sections;
  const top = sections.length ? Math.min(...sections.map((s) => s.level)) : 1;

  const tag = async (input: Parameters<typeof conn.api.tagSection>[0]) => {
    if ((await run(conn.api.tagSection(input))) !== null) await reloadCase();
  };
  const jump = (s: TaggedSection) => {
    document.querySelector(`[data-start="${s.start}"]`)?.scrollIntoView({ block: 'start' });
    index?.select(s.start, s.start);
    document.querySelector<HTMLElement>('.reader-text')?.focus({ preventScroll: true });
  };
  const selection = () => {
    const sel = index?.selection();
    if (!sel || sel.end <= sel.start) {
      notify({ kind: 'info', text: t('reader.noSelection') });
      return null;
    }
    return sel;
  };

  return (
    <nav className="outline" aria-label={t('reader.outline')}>
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
                <button type="button" className="icon edit" aria-expanded={open} aria-label={`${t('section.kinds')}: ${s.heading}`} onClick={() => setEditing(open ? null : i)}>
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
                      <button type="button" onClick={() => void tag({ action: 'confirm', caseId, index: i })}>
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
                    <button type="button" className="danger" onClick={() => void tag({ action: 'remove', caseId, index: i }).then(() => setEditing(null))}>
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
        <button
          type="button"
          onClick={() => {
            const sel = selection();
            if (sel) void tag({ action: 'add', caseId, start: sel.start, headingEnd: sel.end, level: top, kinds: ['other'] });
          }}
        >
          ＋ {t('section.addHere')}
        </button>
        <button type="button" onClick={() => void tag({ action: 'reset', caseId })}>
          {t('section.reset')}
        </button>
      </div>
    </nav>
  );
}
