import type { Suggestion } from './suggestion.ts';

/** A suggestion with an id that reviewers' decisions refer to. */
export type IdentifiedSuggestion = Suggestion & { id: string };

/** FNV-1a over UTF-16 units: small, fast and stable; collisions are told apart by the label and occurrence. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/**
 * Ids from content, not position: the label, the quoted text and which occurrence of that
 * quote it is. Suggesting again, or after a revision that left the passage alone, gives the
 * same ids, so a reviewer's accept or reject carries over; a rewritten passage is a new
 * suggestion, which is right, since it is new text.
 */
export function identify(suggestions: readonly Suggestion[]): IdentifiedSuggestion[] {
  const seen = new Map<string, number>();
  return suggestions.map((s) => {
    const key = `${s.label}\u0000${s.text}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return { ...s, id: `sg-${s.label}-${fnv1a(key)}-${n}` };
  });
}
