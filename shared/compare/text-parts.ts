import { diffTexts } from '../anchor/text-diff.ts';

export interface TextPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

export interface TextComparison {
  parts: TextPart[];
  /** False when some stretch was too costly to diff character by character and is shown replaced whole. */
  complete: boolean;
}

/**
 * Two texts as kept, removed and added parts, for showing side by side. A plain character diff
 * of two editions of a case (thousands of characters, rewritten in places) runs out of time and
 * gives nothing; the levelled diff the re-anchoring uses (paragraphs, sentences, clauses, then
 * characters, within a time budget) gives the differences a reader would point at.
 */
export function compareTexts(oldText: string, newText: string, timeoutMs = 300): TextComparison {
  const { map, complete } = diffTexts(oldText, newText, { timeoutMs });
  const parts: TextPart[] = [];
  const push = (kind: TextPart['kind'], text: string) => {
    if (text) parts.push({ kind, text });
  };
  let oldPos = 0;
  let newPos = 0;
  for (const r of map.ranges) {
    push('same', oldText.slice(oldPos, r.oldStart));
    newPos += r.oldStart - oldPos;
    push('removed', oldText.slice(r.oldStart, r.oldStart + r.oldSize));
    push('added', newText.slice(newPos, newPos + r.newSize));
    oldPos = r.oldStart + r.oldSize;
    newPos += r.newSize;
  }
  push('same', oldText.slice(oldPos));
  return { parts, complete };
}
