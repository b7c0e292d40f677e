type Key = { key: string; altKey?: boolean; ctrlKey?: boolean; metaKey?: boolean };

/**
 * What a key pressed on a closed <select> means when its choice is saved only once committed.
 * Chromium changes a closed select's value (and fires `change`) on every arrow key and on type-
 * ahead letters: those only browse. Enter commits, Escape goes back to the saved choice; a pick
 * from the opened list (mouse, or Alt+↓ then Enter) arrives as a `change` with no browsing key
 * before it, and commits too, as does leaving the control.
 */
export function selectKeyIntent(e: Key): 'browse' | 'commit' | 'revert' | 'none' {
  if (e.key === 'Enter') return 'commit';
  if (e.key === 'Escape') return 'revert';
  if (e.ctrlKey || e.metaKey || e.altKey) return 'none';
  if (['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown'].includes(e.key)) return 'browse';
  if ([...e.key].length === 1 && e.key !== ' ') return 'browse';
  return 'none';
}

/**
 * Keys in the label palette: arrows (and Home/End) move the focus along the list, wrapping
 * around; a label's hotkey picks that label, as it does in the reader.
 */
export function paletteKey(e: Key, current: number, hotkeys: readonly string[]): { focus: number } | { pick: number } | null {
  const n = hotkeys.length;
  if (!n || e.ctrlKey || e.metaKey || e.altKey) return null;
  const at = current < 0 ? -1 : current;
  switch (e.key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return { focus: (at + 1) % n };
    case 'ArrowUp':
    case 'ArrowLeft':
      return { focus: at <= 0 ? n - 1 : at - 1 };
    case 'Home':
      return { focus: 0 };
    case 'End':
      return { focus: n - 1 };
  }
  const pick = hotkeys.indexOf(e.key);
  return pick >= 0 ? { pick } : null;
}
