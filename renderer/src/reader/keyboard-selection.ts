import type { TextIndex } from './text-index.ts';

type Direction = 'forward' | 'backward';

/**
 * Keyboard selection in the reader, which is not editable: the browser's own Selection.modify
 * moves and extends by character, line or line boundary as it would in an editor, and clause
 * steps stop after Chinese punctuation. Returns true when the key was a selection key.
 */
export function handleSelectionKey(e: React.KeyboardEvent, index: TextIndex, text: string): boolean {
  const sel = document.getSelection();
  if (!sel) return false;
  const arrows: Record<string, [Direction, 'character' | 'line']> = {
    ArrowRight: ['forward', 'character'],
    ArrowLeft: ['backward', 'character'],
    ArrowDown: ['forward', 'line'],
    ArrowUp: ['backward', 'line'],
  };
  const arrow = arrows[e.key];
  const boundary = e.key === 'Home' ? 'backward' : e.key === 'End' ? 'forward' : null;
  if (!arrow && !boundary) return false;
  if (e.altKey && !e.shiftKey) return false; // Alt+arrows belong to case navigation
  if (!sel.rangeCount || !index.root.contains(sel.anchorNode)) index.select(0, 0);
  const alter = e.shiftKey ? 'extend' : 'move';
  if (boundary && (e.ctrlKey || e.metaKey)) {
    // Ctrl/⌘+Home and End: to the start or end of the whole text, as in an editor (the reader
    // scrolls there); with Shift, the selection extends to it.
    const target = boundary === 'backward' ? 0 : text.length;
    const anchor = e.shiftKey ? (index.offsetOf(sel.anchorNode!, sel.anchorOffset) ?? target) : target;
    index.select(anchor, target);
    const scroller = index.root.parentElement;
    scroller?.scrollTo({ top: boundary === 'backward' ? 0 : scroller.scrollHeight });
  } else if (arrow && (e.ctrlKey || e.metaKey || e.altKey) && arrow[1] === 'character') {
    // By clause: to just after the next (or before the previous) punctuation mark.
    const focus = index.offsetOf(sel.focusNode!, sel.focusOffset) ?? 0;
    const target = clauseStep(text, focus, arrow[0]);
    const anchor = index.offsetOf(sel.anchorNode!, sel.anchorOffset) ?? focus;
    const a = index.position(e.shiftKey ? anchor : target);
    const f = index.position(target);
    if (a && f) sel.setBaseAndExtent(a.node, a.offset, f.node, f.offset);
  } else if (arrow) {
    sel.modify(alter, arrow[0], arrow[1]);
  } else {
    sel.modify(alter, boundary!, 'lineboundary');
  }
  e.preventDefault();
  return true;
}

const CLAUSE_END = /[，。；：！？、,;:!?\n]/;

export function clauseStep(text: string, from: number, direction: Direction): number {
  if (direction === 'forward') {
    for (let i = from; i < text.length; i++) if (CLAUSE_END.test(text[i]!) && i + 1 > from) return i + 1;
    return text.length;
  }
  for (let i = from - 2; i >= 0; i--) if (CLAUSE_END.test(text[i]!)) return i + 1;
  return 0;
}
