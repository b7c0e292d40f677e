import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * The parts of the workbench its first screen does not show — dialogs, the side panel's other
 * tabs, the original-file view — each in a chunk of its own, loaded on first use: the reviewer's
 * screen comes up without parsing them (nor zod, which the reviewer dialog's name check brings,
 * nor the text-diff code of the import preview). Once the first case is on screen they are
 * fetched while the page is idle (`warmLazyParts`), so opening one later does not wait either.
 */
const loaders: Array<() => Promise<unknown>> = [];

function part<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(load: () => Promise<M>, name: K): LazyExoticComponent<M[K]> {
  loaders.push(load);
  return lazy(async () => ({ default: (await load())[name] }));
}

export const ReviewerDialog = part(() => import('./ReviewerDialog.tsx'), 'ReviewerDialog');
export const SearchDialog = part(() => import('./SearchDialog.tsx'), 'SearchDialog');
export const ExportDialog = part(() => import('./ExportDialog.tsx'), 'ExportDialog');
export const ShortcutsDialog = part(() => import('./ShortcutsDialog.tsx'), 'ShortcutsDialog');
export const ProjectDialog = part(() => import('./ProjectDialog.tsx'), 'ProjectDialog');
export const LabelPalette = part(() => import('./LabelPalette.tsx'), 'LabelPalette');
export const LabelSchemaEditor = part(() => import('./LabelSchemaEditor.tsx'), 'LabelSchemaEditor');
export const ImportDialog = part(() => import('./ImportDialog.tsx'), 'ImportDialog');
export const SuggestionPanel = part(() => import('./SuggestionPanel.tsx'), 'SuggestionPanel');
export const IndicatorTable = part(() => import('./IndicatorTable.tsx'), 'IndicatorTable');
export const ScorePanel = part(() => import('./ScorePanel.tsx'), 'ScorePanel');
export const MetaPanel = part(() => import('./MetaPanel.tsx'), 'MetaPanel');
export const RevisionPanel = part(() => import('./RevisionPanel.tsx'), 'RevisionPanel');
// Shown once the document's outline has been fetched: loading its code (the outline corrections,
// zod, the text diff) alongside costs the first screen nothing.
export const CaseStructure = part(() => import('./CaseStructure.tsx'), 'CaseStructure');
export const SourceDialog = part(() => import('./SourceDialog.tsx'), 'SourceDialog');

let warmed = false;

/** Fetch every part in the background, once, when the page is idle (after the first case is shown). */
export function warmLazyParts(): void {
  if (warmed) return;
  warmed = true;
  const idle = (fn: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 200));
  const next = (i: number) => {
    if (i >= loaders.length) return;
    idle(() => void loaders[i]!().then(() => next(i + 1), () => next(i + 1)));
  };
  next(0);
}
