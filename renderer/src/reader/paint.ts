import type { HighlightGroup } from './highlight-plan.ts';
import type { TextIndex } from './text-index.ts';

/** Whether this browser has the CSS Custom Highlight API (Chromium 105+, the Electron shell). */
export const canHighlight = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

/**
 * Paint highlight groups with the CSS Custom Highlight API: one Highlight per group, holding
 * plain Range objects. No element is created per span, so thousands of spans cost no layout,
 * and clearing them is one call.
 */
export function paintHighlights(index: TextIndex, groups: readonly HighlightGroup[]): void {
  if (!canHighlight) return;
  for (const g of groups) {
    const ranges: Range[] = [];
    for (const r of g.ranges) {
      const range = index.range(r.start, r.end);
      if (range) ranges.push(range);
    }
    if (ranges.length) CSS.highlights.set(g.name, new Highlight(...ranges));
    else CSS.highlights.delete(g.name);
  }
}

export function clearHighlights(names: readonly string[]): void {
  if (!canHighlight) return;
  for (const n of names) CSS.highlights.delete(n);
}

const installed = new Map<string, CSSStyleSheet>();

/** Install (or replace) the app's dynamic styles without an inline <style> element (the CSP forbids those). */
export function installStyles(id: string, css: string): void {
  const previous = installed.get(id);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  installed.set(id, sheet);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets.filter((s) => s !== previous), sheet];
}
