/**
 * The stretch of text on screen, with a margin of a screen or more each side: the reader paints
 * highlights only there, because Chromium's cost of repainting highlights grows with the number
 * of ranges registered, not the number visible.
 */
export interface TextWindow {
  start: number;
  end: number;
}

export function visibleWindow(root: HTMLElement, scroller: HTMLElement, textLength: number, margin = 1): TextWindow {
  const view = scroller.getBoundingClientRect();
  const pad = view.height * margin;
  const top = view.top - pad;
  const bottom = view.bottom + pad;
  const paragraphs = root.querySelectorAll<HTMLElement>('[data-start]');
  let start = textLength;
  let end = 0;
  // Paragraphs are in text order and laid out top to bottom: binary search the first visible one.
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid]!.getBoundingClientRect().bottom < top) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const r = p.getBoundingClientRect();
    if (r.top > bottom) break;
    const s = Number(p.dataset.start);
    start = Math.min(start, s);
    end = Math.max(end, s + (p.textContent?.length ?? 0) + 1);
  }
  return end > start ? { start, end } : { start: 0, end: textLength };
}

/** Does the range [start, end) meet the window? */
export function inWindow(w: TextWindow | null, start: number, end: number): boolean {
  return !w || (end >= w.start && start <= w.end);
}
