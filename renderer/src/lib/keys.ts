/** True when a key event belongs to a text field (shortcuts must not steal typing). */
export function isTyping(e: KeyboardEvent | React.KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  if (!t) return false;
  const tag = t.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || t.isContentEditable;
}

/** What `ownsArrowKeys` looks at: an element, or a stand-in for one in tests. */
export interface KeyTarget {
  tagName: string;
  isContentEditable?: boolean;
  closest?(selector: string): unknown;
}

/** Widgets that give Alt+↑/↓ (and the arrows) a meaning of their own. */
const ARROW_ROLES = '[role="listbox"],[role="combobox"],[role="slider"],[role="spinbutton"],[role="menu"],[role="menubar"],[role="tree"],[role="grid"]';

/**
 * True when the arrow keys belong to the focused control: a text field, a <select> (Alt+↓
 * opens its list), an editable element or a widget with arrow-key behaviour. Window-wide
 * shortcuts on arrows (Alt+↑/↓ to change case) leave those alone.
 */
export function ownsArrowKeys(target: KeyTarget | null | undefined): boolean {
  if (!target) return false;
  if (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName.toUpperCase()) || target.isContentEditable) return true;
  return !!target.closest?.(ARROW_ROLES);
}

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Ctrl on Windows and Linux, ⌘ on macOS. */
export function primary(e: KeyboardEvent | React.KeyboardEvent): boolean {
  return isMac ? e.metaKey : e.ctrlKey;
}

export const primaryName = isMac ? '⌘' : 'Ctrl';
