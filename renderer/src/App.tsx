import { lazy, Suspense, useCallback, useEffect, useRef } from 'react';
import { useTranslation } from './i18n/use-translation.ts';
import { useAfterFirstPaint } from './lib/after-first-paint.ts';
import { altDigit } from './lib/alt-digit.ts';
import { isTyping, ownsArrowKeys, primary } from './lib/keys.ts';
import { snapRange } from './reader/snap.ts';
import type { TextIndex, TextIndexRef } from './reader/text-index.ts';
import { installStyles } from './reader/paint.ts';
import { useApp, useAppStore } from './state/context.ts';
import { CaseHeader } from './components/CaseHeader.tsx';
import { Navigator } from './components/Navigator.tsx';
import { Notice } from './components/Notice.tsx';
import { SyncConflicts } from './components/SyncConflicts.tsx';
import { Outline } from './components/Outline.tsx';
import { Reader } from './components/Reader.tsx';
import { SidePanel } from './components/SidePanel.tsx';
import { TopBar, VIEWS } from './components/TopBar.tsx';
// Dialogs load on first use: none is on the first screen (see lazy-parts.ts).
import { ExportDialog, ImportDialog, LabelPalette, LabelSchemaEditor, ProjectDialog, ReviewerDialog, SearchDialog, ShortcutsDialog } from './components/lazy-parts.ts';

// The committee's and editors' views load on first use: the reviewer's screen opens without
// the charting library and the comparison code.
const AgreementView = lazy(() => import('./components/AgreementView.tsx').then((m) => ({ default: m.AgreementView })));
const CompareView = lazy(() => import('./components/CompareView.tsx').then((m) => ({ default: m.CompareView })));
const CompendiumView = lazy(() => import('./components/CompendiumView.tsx').then((m) => ({ default: m.CompendiumView })));
const LessonsView = lazy(() => import('./components/LessonsView.tsx').then((m) => ({ default: m.LessonsView })));
const RankingView = lazy(() => import('./components/RankingView.tsx').then((m) => ({ default: m.RankingView })));

export function App() {
  const { t, i18n } = useTranslation();
  const store = useAppStore();
  const dialog = useApp((s) => s.dialog);
  const info = useApp((s) => s.info);
  const schema = useApp((s) => s.schema);
  const caseKey = useApp((s) => s.caseId ?? '');
  const view = useApp((s) => s.view);
  // The indicator table needs room: the side panel widens while it is shown.
  const wideSide = useApp((s) => s.sideTab === 'indicators');
  // The reader's index of its text, kept in a ref: a case switch builds a new one, and the panels
  // read it only when used, so a new index re-renders nothing (a second render of the whole
  // workbench per switch, before).
  const index: TextIndexRef = useRef<TextIndex | null>(null);
  const keepIndex = useCallback((next: TextIndex | null) => {
    index.current = next;
  }, []);

  // Chip colours of the labels (the highlights themselves are styled by the reader).
  useEffect(() => {
    if (!schema) return;
    installStyles('label-chips', schema.labels.map((l) => `.label-${l.id} { --label-color: ${l.color}; }`).join('\n'));
  }, [schema]);

  const labelSelection = useCallback(
    (labelId: string) => {
      const s = store.getState();
      const sel = index.current?.selection();
      if (!s.detail || !sel || sel.end <= sel.start) {
        s.notify({ kind: 'info', text: t('reader.noSelection') });
        return;
      }
      const r = snapRange(s.detail.text, sel);
      if (r.end > r.start) void s.addSpan(r.start, r.end, labelId);
    },
    [store, t],
  );

  const moveCase = useCallback(
    (step: 1 | -1) => {
      const s = store.getState();
      const at = s.cases.findIndex((c) => c.id === s.caseId);
      const next = s.cases[at + step];
      if (next) void s.openCase(next.id);
    },
    [store],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = store.getState();
      if (s.dialog && e.key !== 'Escape') return;
      const key = e.key.toLowerCase();
      const alt = altDigit(e);
      if (primary(e) && key === 'z' && !isTyping(e)) {
        e.preventDefault();
        void (e.shiftKey ? s.redo() : s.undo());
      } else if (primary(e) && key === 'y' && !isTyping(e)) {
        e.preventDefault();
        void s.redo();
      } else if ((primary(e) && key === 'f') || (e.key === '/' && !isTyping(e))) {
        e.preventDefault();
        s.openDialog('search');
      } else if (e.key === '?' && !isTyping(e)) {
        e.preventDefault();
        s.openDialog('shortcuts');
      } else if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp') && !ownsArrowKeys(e.target as HTMLElement | null)) {
        // Not in a select, field or list: Alt+↓ opens a dropdown there, it does not change case.
        e.preventDefault();
        moveCase(e.key === 'ArrowDown' ? 1 : -1);
      } else if (alt?.shift && alt.digit >= 1 && alt.digit <= VIEWS.length) {
        // Alt+Shift+digit before Alt+digit: on AZERTY the shifted number row types the digit.
        e.preventDefault();
        s.setView(VIEWS[alt.digit - 1]!);
      } else if (alt && !alt.shift && alt.digit === 1) {
        e.preventDefault();
        // The open case (a selector list would give the first in document order, case 1).
        (document.querySelector<HTMLElement>('.navigator .case.current') ?? document.querySelector<HTMLElement>('.navigator .case'))?.focus();
      } else if (alt && !alt.shift && alt.digit === 2) {
        e.preventDefault();
        document.querySelector<HTMLElement>('.reader-text')?.focus();
      } else if (primary(e) && e.key === 'Enter' && !isTyping(e)) {
        e.preventDefault();
        void s.setStatus('done');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, moveCase]);

  // The native menus (desktop) speak the page's language: told on load and on every switch.
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  useEffect(() => {
    store.getState().conn.shell?.setLanguage(language);
  }, [store, language]);

  // Native menu commands (desktop) do what the same keys and buttons do.
  useEffect(() => {
    const shell = store.getState().conn.shell;
    if (!shell) return;
    return shell.onCommand((command) => {
      const s = store.getState();
      // The menu's Undo takes Ctrl/⌘+Z before the page sees it: in a text field it must undo the
      // typing, not an annotation.
      const field = document.activeElement as HTMLElement | null;
      const typing = !!field && (/^(INPUT|TEXTAREA|SELECT)$/.test(field.tagName) || field.isContentEditable);
      if ((command === 'undo' || command === 'redo') && typing) document.execCommand(command);
      else if (command === 'undo') void s.undo();
      else if (command === 'redo') void s.redo();
      else if (command === 'find') s.openDialog('search');
      else if (command === 'export') s.openDialog('export');
      else if (command === 'shortcuts') s.openDialog('shortcuts');
      else if (command === 'open-project' || command === 'new-project') s.openDialog('project');
      else if (command === 'next-case') moveCase(1);
      else if (command === 'previous-case') moveCase(-1);
    });
  }, [store, moveCase]);

  // The text first: the navigator, outline and side panel join it a frame later (see useAfterFirstPaint).
  const panels = useAfterFirstPaint(info !== null);

  if (!info) return <main className="loading">{t('app.loading')}</main>;
  return (
    <div className="app">
      <TopBar />
      {view === 'annotate' ? (
        <div className={wideSide ? 'workspace wide-side' : 'workspace'}>
          {/* Until then, empty boxes of their size: the text does not move when they come. */}
          {panels ? <Navigator /> : <nav className="navigator" aria-busy="true" />}
          <main className="center" aria-label={t('reader.caseText')}>
            <CaseHeader onLabel={labelSelection} />
            <div className="reading">
              {panels ? <Outline key={caseKey} index={index} /> : <nav className="outline" aria-busy="true" />}
              <div className="reader">
                <Reader onIndex={keepIndex} onLabel={labelSelection} />
              </div>
            </div>
          </main>
          {panels ? <SidePanel index={index} /> : <aside className="side-panel" aria-busy="true" />}
        </div>
      ) : view === 'compare' ? (
        <div className="workspace two">
          <Navigator />
          <Suspense fallback={<main className="view">{t('app.loading')}</main>}>
            <CompareView />
          </Suspense>
        </div>
      ) : (
        <div className="workspace one">
          <Suspense fallback={<main className="view">{t('app.loading')}</main>}>{view === 'ranking' ? <RankingView /> : view === 'agreement' ? <AgreementView /> : view === 'compendium' ? <CompendiumView /> : <LessonsView />}</Suspense>
        </div>
      )}
      <Notice />
      <SyncConflicts />
      <Suspense fallback={null}>
        {dialog === 'reviewer' ? <ReviewerDialog /> : null}
        {dialog === 'search' ? <SearchDialog /> : null}
        {dialog === 'export' ? <ExportDialog /> : null}
        {dialog === 'shortcuts' ? <ShortcutsDialog /> : null}
        {dialog === 'project' ? <ProjectDialog /> : null}
        {dialog === 'palette' ? <LabelPalette onPick={labelSelection} /> : null}
        {dialog === 'labels' ? <LabelSchemaEditor /> : null}
        {dialog === 'import' || dialog === 'import-new' ? <ImportDialog target={dialog === 'import' ? 'open' : 'new'} /> : null}
      </Suspense>
    </div>
  );
}
