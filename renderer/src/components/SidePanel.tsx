import { memo, Suspense } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import { useApp } from '../state/context.ts';
import type { SideTab } from '../state/store.ts';
import type { TextIndexRef } from '../reader/text-index.ts';
import { AnnotationList } from './AnnotationList.tsx';
// The other tabs load on first use (the annotations tab is the one shown first).
import { IndicatorTable, MetaPanel, RevisionPanel, ScorePanel, SuggestionPanel } from './lazy-parts.ts';
import { SpanEditor } from './SpanEditor.tsx';

const TABS: SideTab[] = ['annotations', 'suggestions', 'indicators', 'score', 'meta', 'revisions'];

export const SidePanel = memo(function SidePanel({ index }: { index: TextIndexRef }) {
  const { t } = useTranslation();
  const detail = useApp((s) => s.detail);
  const tab = useApp((s) => s.sideTab);
  const setTab = useApp((s) => s.setSideTab);
  const selected = useApp((s) => s.detail?.spans.find((x) => x.id === s.selectedSpanId) ?? null);
  const epoch = useApp((s) => s.editorEpoch);
  const pendingSuggestions = useApp((s) => (s.suggestions?.caseId === s.detail?.summary.id ? (s.suggestions?.items.filter((x) => x.state === 'pending').length ?? 0) : 0));
  if (!detail) return <aside className="side-panel" />;
  return (
    <aside className="side-panel" aria-label={t('panel.annotations')}>
      {selected ? <SpanEditor key={`${selected.id}:${epoch}`} span={selected} /> : null}
      <div className="tabs" role="tablist">
        {TABS.map((x) => (
          <button key={x} type="button" role="tab" id={`tab-${x}`} aria-selected={tab === x} aria-controls={`tabpanel-${x}`} onClick={() => setTab(x)}>
            {t(`panel.${x}`)}
            {x === 'revisions' && detail.orphans.length ? ` ⚠${detail.orphans.length}` : ''}
            {x === 'suggestions' && pendingSuggestions ? ` ${pendingSuggestions}` : ''}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabpanel">
        <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
          {tab === 'annotations' ? <AnnotationList /> : tab === 'suggestions' ? <SuggestionPanel /> : tab === 'indicators' ? <IndicatorTable /> : tab === 'score' ? <ScorePanel key={detail.summary.id} /> : tab === 'meta' ? <MetaPanel key={`${detail.summary.id}:${JSON.stringify(detail.meta)}`} /> : <RevisionPanel index={index} />}
        </Suspense>
      </div>
    </aside>
  );
});
