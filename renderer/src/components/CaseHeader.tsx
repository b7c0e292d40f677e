import { memo } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import { useLocalised } from '../lib/use-labels.ts';
import { useApp } from '../state/context.ts';
import { shownRevision } from '../lib/revision-number.ts';

/** The open case: title, where it is from, and the label bar (a button per label, with its key). */
export const CaseHeader = memo(function CaseHeader({ onLabel }: { onLabel: (labelId: string) => void }) {
  const { t } = useTranslation();
  const name = useLocalised();
  const detail = useApp((s) => s.detail);
  const schema = useApp((s) => s.schema);
  const reviewer = useApp((s) => s.info?.reviewer ?? null);
  const openDialog = useApp((s) => s.openDialog);
  const showSuggestions = useApp((s) => s.showSuggestions);
  const setShowSuggestions = useApp((s) => s.setShowSuggestions);
  if (!detail) return null;
  const s = detail.summary;
  const status = (reviewer && s.status[reviewer]) || 'todo';
  // The reviewer's annotations whose text a revision changed (their fields to check).
  const changed = detail.spans.filter((x) => x.reviewer === reviewer && x.textChanged).length;
  return (
    <header className="case-header">
      <h1 className="case-heading" lang="zh-CN">
        {s.title}
      </h1>
      <p className="case-sub">
        {[s.region, s.unit, s.part, s.documentTitle].filter(Boolean).join(' · ')} · {t('reader.revision', { n: shownRevision(detail.revision) })} · {t('reader.characters', { count: s.length })} ·{' '}
        <span className={`status-text ${status}`}>{t(`status.${status}`)}</span>
      </p>
      {changed > 0 ? (
        <p className={status === 'done' ? 'text-changed-note done' : 'text-changed-note'} role="status">
          ⚠ {t(status === 'done' ? 'reader.changedSinceDone' : 'reader.changedSpans', { count: changed })}
        </p>
      ) : null}
      <div className="label-bar" role="toolbar" aria-label={t('reader.palette')}>
        {schema?.labels.map((l) => (
          <button
            key={l.id}
            type="button"
            className={`label-button label-${l.id}`}
            onMouseDown={(e) => e.preventDefault() /* keep the text selection */}
            onClick={() => onLabel(l.id)}
            aria-keyshortcuts={l.hotkey}
            title={t('reader.applyLabel', { label: name(l.name), key: l.hotkey })}
          >
            <span className={`label-chip label-${l.id}`} aria-hidden="true">
              {l.glyph}
            </span>
            {name(l.name)}
            <kbd>{l.hotkey}</kbd>
          </button>
        ))}
        <button type="button" className="label-edit" onClick={() => openDialog('labels')}>
          ⚙ {t('schemaEditor.open')}
        </button>
      </div>
      <div className="case-hint-row">
        <p id="reader-hint" className="muted small">
          {t('reader.textHint')}
        </p>
        {/* Suggestions' dashed boxes can cover whole paragraphs: they can be hidden (S in the reader). */}
        <label className="toggle suggestions-toggle" title={t('reader.showSuggestionsHint')}>
          <input type="checkbox" checked={showSuggestions} onChange={(e) => setShowSuggestions(e.target.checked)} aria-keyshortcuts="S" />
          {t('reader.showSuggestions')} <kbd>S</kbd>
        </label>
      </div>
    </header>
  );
});
