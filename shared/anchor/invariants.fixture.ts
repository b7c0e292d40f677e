import { makeQuote } from './quote.ts';
import type { Anchor, AnchorOutcome } from './reanchor.ts';
import { similarity } from './similarity.ts';
import { DEFAULT_THRESHOLDS } from './thresholds.ts';

/**
 * What every re-anchoring outcome must satisfy, whatever the edit; returns the violations found
 * (empty when all is well). Placed spans lie in the new text without cutting a surrogate pair
 * and carry the quote of where they lie; unchanged and moved spans cover exactly the old quote,
 * refound spans a text highly similar to it; orphans carry a reason and no offsets.
 */
export function invariantViolations(newText: string, anchors: readonly Anchor[], outcomes: readonly AnchorOutcome[]): string[] {
  const problems: string[] = [];
  if (outcomes.length !== anchors.length) problems.push(`${outcomes.length} outcomes for ${anchors.length} anchors`);
  outcomes.forEach((o, i) => {
    const a = anchors[i];
    const say = (what: string) => problems.push(`${o.id}: ${what}`);
    if (!a || o.id !== a.id) return say('outcome out of order');
    if (o.status === 'orphaned') {
      if (o.start !== undefined || o.end !== undefined || o.quote) say('orphan with a position');
      if (!o.reason) say('orphan without a reason');
      return;
    }
    const { start, end } = o;
    if (start === undefined || end === undefined || !(0 <= start && start <= end && end <= newText.length)) return say(`bad offsets ${start}-${end}`);
    for (const pos of [start, end]) {
      const before = newText.charCodeAt(pos - 1);
      const after = newText.charCodeAt(pos);
      if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) say(`offset ${pos} splits a surrogate pair`);
    }
    if (JSON.stringify(o.quote) !== JSON.stringify(makeQuote(newText, start, end))) say('quote does not match the new text');
    const text = newText.slice(start, end);
    if (o.status === 'refound') {
      if (similarity(text, a.quote.exact) < DEFAULT_THRESHOLDS.quote) say(`refound on dissimilar text "${text}"`);
    } else if (text !== a.quote.exact) say(`${o.status} on "${text}", not "${a.quote.exact}"`);
    if (o.status === 'unchanged' && (start !== a.start || end !== a.end)) say('unchanged but at new offsets');
  });
  return problems;
}
