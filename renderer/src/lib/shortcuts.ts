import type { View } from '../state/store.ts';

/** One line of the shortcuts sheet: the keys as printed, and what they do (a key under `shortcuts.keys.`). */
export interface ShortcutRow {
  keys: string;
  what: string;
  /** For the view switches: which view (its name goes into the description). */
  view?: View;
}

export const SHORTCUT_GROUPS = ['navigate', 'annotate', 'suggestions', 'review', 'edit', 'app'] as const;

/**
 * Every key the workbench handles (App.tsx's window keys, the reader's keys, the palette's and
 * the span editor's), grouped for the sheet. `primary` is Ctrl or ⌘; `hotkeys` the labels' keys.
 */
export function shortcutSheet(primary: string, hotkeys: readonly string[], views: readonly View[]): Array<[(typeof SHORTCUT_GROUPS)[number], ShortcutRow[]]> {
  const labelKeys = hotkeys.length ? hotkeys.join(' ') : '1–6';
  return [
    [
      'navigate',
      [
        { keys: 'Alt+↓', what: 'nextCase' },
        { keys: 'Alt+↑', what: 'previousCase' },
        { keys: 'Alt+1', what: 'focusList' },
        { keys: 'Alt+2', what: 'focusText' },
        { keys: 'L', what: 'jumpLessons' },
        { keys: 'R', what: 'jumpResults' },
        { keys: 'B', what: 'jumpBackground' },
        { keys: 'P', what: 'jumpPractices' },
        { keys: ']', what: 'nextSection' },
        { keys: '[', what: 'previousSection' },
        ...views.map((view, i) => ({ keys: `Alt+Shift+${i + 1}`, what: 'view', view })),
      ],
    ],
    [
      'annotate',
      [
        { keys: '← → ↑ ↓  Home End', what: 'caret' },
        { keys: `${primary}+Home / ${primary}+End`, what: 'textEnds' },
        { keys: 'Shift+← → ↑ ↓', what: 'select' },
        { keys: 'Shift+Home / Shift+End', what: 'selectLine' },
        { keys: `${primary}+← →`, what: 'caretClause' },
        { keys: `${primary}+Shift+← →`, what: 'selectClause' },
        { keys: labelKeys, what: 'applyLabel' },
        { keys: 'Enter', what: 'palette' },
        { keys: `↑ ↓  ${labelKeys}`, what: 'paletteKeys' },
        { keys: 'J', what: 'nextSpan' },
        { keys: 'K', what: 'previousSpan' },
        { keys: 'Enter', what: 'editSpan' },
        { keys: '↑ ↓  Enter  Esc', what: 'relabel' },
        { keys: 'Esc', what: 'closeEditor' },
        { keys: 'Delete / Backspace', what: 'deleteSpan' },
        { keys: 'Esc', what: 'clearSelection' },
        { keys: `${primary}+Enter`, what: 'status' },
      ],
    ],
    [
      'suggestions',
      [
        { keys: 'N', what: 'nextSuggestion' },
        { keys: 'Shift+N', what: 'previousSuggestion' },
        { keys: 'A', what: 'acceptSuggestion' },
        { keys: 'X', what: 'rejectSuggestion' },
        { keys: 'Shift+A', what: 'acceptSection' },
        { keys: 'S', what: 'toggleSuggestions' },
      ],
    ],
    [
      'review',
      [
        { keys: '1–5  ← →  Home End', what: 'rate' },
        { keys: 'Delete / 0', what: 'clearRating' },
        { keys: '1 2 …', what: 'adoptVersion' },
        { keys: '0', what: 'adoptNone' },
        { keys: '↓ ↑  J K', what: 'nextDifference' },
      ],
    ],
    [
      'edit',
      [
        { keys: `${primary}+Z`, what: 'undo' },
        { keys: `${primary}+Shift+Z / ${primary}+Y`, what: 'redo' },
      ],
    ],
    [
      'app',
      [
        { keys: `${primary}+F / /`, what: 'search' },
        { keys: '?', what: 'shortcuts' },
        { keys: 'Esc', what: 'escape' },
      ],
    ],
  ];
}
