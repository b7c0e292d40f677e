import type { HighlightGroup } from './highlight-plan.ts';
import type { TextIndex } from './text-index.ts';

/** Whether this browser has the CSS Custom Highlight API (Chromium 105+, the Electron shell). */
export const canHighlight = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

/**
 * Paints highlight groups with the CSS Custom Highlight API: one Highlight per group, holding
 * plain Range objects. No element is created per span, so thousands of spans cost no layout.
 * Repaints are incremental: ranges are kept per text index and only the ranges that came or
 * went are added to or removed from their highlight, so a hotkey adds one range, not a thousand.
 *
 * Every range of the case is registered, on screen or not, and nothing changes while the reader
 * scrolls. A Chromium trace showed why that matters: any change to any Highlight makes Chromium
 * drop and rebuild every custom-highlight marker of the document and repaint each text node that
 * carries one (HighlightRegistry::ValidateHighlightMarkers, "DocumentMarker change"). Registering
 * only a window around the screen and moving it on scroll therefore turned every scrolled frame
 * into a full repaint and re-raster of the text; with the set left alone, scrolling is the
 * compositor moving tiles it has already drawn, as it is for plain text.
 */
export class HighlightPainter {
  private index: TextIndex | null = null;
  private readonly ranges = new Map<string, Range>();
  private readonly current = new Map<string, Map<string, Range>>();

  paint(index: TextIndex, groups: readonly HighlightGroup[]): void {
    if (!canHighlight) return;
    if (index !== this.index) {
      // New paragraphs, new text nodes: every cached range is stale.
      this.index = index;
      this.ranges.clear();
      for (const name of this.current.keys()) CSS.highlights.delete(name);
      this.current.clear();
    }
    for (const g of groups) {
      const wanted = new Map<string, Range>();
      for (const r of mergeOverlaps(g.ranges)) {
        const key = `${r.start}:${r.end}`;
        let range = this.ranges.get(key);
        if (!range) {
          const made = index.range(r.start, r.end);
          if (!made) continue;
          this.ranges.set(key, (range = made));
        }
        wanted.set(key, range);
      }
      const before = this.current.get(g.name);
      const highlight = CSS.highlights.get(g.name);
      if (before && highlight) {
        for (const [key, range] of before) if (!wanted.has(key)) highlight.delete(range);
        for (const [key, range] of wanted) if (!before.has(key)) highlight.add(range);
      } else {
        CSS.highlights.set(g.name, new Highlight(...wanted.values()));
      }
      this.current.set(g.name, wanted);
    }
    // A group painted before and left out of this plan (no selection now, suggestions hidden)
    // is cleared, not left on screen.
    const planned = new Set(groups.map((g) => g.name));
    for (const name of this.current.keys()) {
      if (planned.has(name)) continue;
      CSS.highlights.delete(name);
      this.current.delete(name);
    }
  }

  /** Take every highlight off the page and forget the ranges (the next paint starts afresh). */
  clear(): void {
    if (!canHighlight) return;
    for (const name of this.current.keys()) CSS.highlights.delete(name);
    this.current.clear();
    this.ranges.clear();
    this.index = null;
  }
}

/**
 * Overlapping ranges of one group paint the same as their union (same colour, same underline),
 * so they are registered as one: fewer ranges, less work for every repaint (Chromium rebuilds its
 * markers from all of them on each change).
 */
export function mergeOverlaps(ranges: ReadonlyArray<{ start: number; end: number }>): Array<{ start: number; end: number }> {
  if (ranges.length < 2) return [...ranges];
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const out = [{ ...sorted[0]! }];
  for (let i = 1; i < sorted.length; i++) {
    const r = sorted[i]!;
    const last = out[out.length - 1]!;
    if (r.start < last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** One-shot painting (no cache): for code that paints once. */
export function paintHighlights(index: TextIndex, groups: readonly HighlightGroup[]): void {
  new HighlightPainter().paint(index, groups);
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
