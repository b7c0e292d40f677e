import { memo } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import { setLanguage } from '../i18n/index.ts';
import { historyText } from '../lib/history-label.ts';
import { primaryName } from '../lib/keys.ts';
import { useLocalised } from '../lib/use-labels.ts';
import { useApp } from '../state/context.ts';
import { VIEWS } from '../state/views.ts';

export { VIEWS };

export const TopBar = memo(function TopBar() {
  const { t, i18n } = useTranslation();
  const info = useApp((s) => s.info);
  const history = useApp((s) => s.history);
  const showOthers = useApp((s) => s.showOthers);
  const openDialog = useApp((s) => s.openDialog);
  const undo = useApp((s) => s.undo);
  const redo = useApp((s) => s.redo);
  const toggleOthers = useApp((s) => s.toggleOthers);
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  const schema = useApp((s) => s.schema);
  const name = useLocalised();
  // The service names its steps by stable English ids ('section: confirm-all'): say them in the interface language.
  const step = (label: string) => historyText(label, schema?.labels ?? [], t, name);
  return (
    <header className="topbar" role="banner">
      <div className="brand" aria-label={t('app.name')}>
        casebench
      </div>
      <button type="button" className="project" onClick={() => openDialog('project')} title={info?.dir}>
        {t('app.labelled', { label: t('top.project'), value: info?.name ?? '…' })}
      </button>
      <button type="button" className="add-texts" onClick={() => openDialog('import')} title={t('structure.addTextsHint')}>
        {t('app.plus')} <span className="add-texts-label">{t('structure.addTexts')}</span>
      </button>
      <nav className="views" aria-label={t('views.label')}>
        {VIEWS.map((v, i) => (
          <button key={v} type="button" aria-pressed={view === v} className={view === v ? 'on' : ''} onClick={() => setView(v)} aria-keyshortcuts={`Alt+Shift+${i + 1}`}>
            {t(`views.${v}`)}
          </button>
        ))}
      </nav>
      <div className="spacer" />
      {/* Below 1500 px the tools show their sign alone: the words stay their accessible name and tooltip. */}
      <button type="button" onClick={() => void undo()} disabled={!history.canUndo} title={history.undoLabel ? t('top.undoWhat', { what: step(history.undoLabel) }) : t('top.undo')} aria-keyshortcuts="Control+Z">
        <span aria-hidden="true">↶</span> <span className="tool-label">{t('top.undo')}</span>
      </button>
      <button type="button" onClick={() => void redo()} disabled={!history.canRedo} title={history.redoLabel ? t('top.redoWhat', { what: step(history.redoLabel) }) : t('top.redo')} aria-keyshortcuts="Control+Shift+Z">
        <span aria-hidden="true">↷</span> <span className="tool-label">{t('top.redo')}</span>
      </button>
      <button type="button" onClick={() => openDialog('search')} aria-keyshortcuts="Control+F" title={`${t('top.search')} (${primaryName}+F)`}>
        <span aria-hidden="true">⌕</span> <span className="tool-label">{t('top.search')}</span> <kbd>{primaryName}+F</kbd>
      </button>
      <button type="button" onClick={() => openDialog('export')} title={t('top.export')}>
        <span aria-hidden="true">⇩</span> <span className="tool-label">{t('top.export')}</span>
      </button>
      <label className="toggle" title={t('top.showOthersHint')}>
        <input type="checkbox" checked={showOthers} onChange={() => void toggleOthers()} />
        <span className="tool-label">{t('top.showOthers')}</span>
        <span className="tool-short" aria-hidden="true">
          {t('top.showOthersShort')}
        </span>
      </label>
      <button type="button" className="reviewer-badge" onClick={() => openDialog('reviewer')} aria-label={t('top.reviewerSwitch', { reviewer: info?.reviewer ?? '—' })} title={t('top.reviewerSwitch', { reviewer: info?.reviewer ?? '—' })}>
        <span className="tool-label">{t('app.labelled', { label: t('top.reviewer'), value: '' })}</span>
        {info?.reviewer ?? '—'}
      </button>
      <button type="button" onClick={() => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')} aria-label={t('top.languageLabel')} lang={i18n.language === 'en' ? 'zh-CN' : 'en'}>
        {t('top.language')}
      </button>
      <button type="button" onClick={() => openDialog('shortcuts')} aria-keyshortcuts="Shift+?" aria-label={t('top.shortcuts')}>
        ?
      </button>
    </header>
  );
});
