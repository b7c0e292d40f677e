/**
 * The reader's highlight path, driven step by step from bench/reader.bench.ts (which measures
 * each step's main-thread work through the DevTools protocol), beside the usual alternative of
 * wrapping every span in an element of its own, and beside the reader's former way of scrolling
 * (only the ranges in a window around the screen registered, the window moved on every scrolled
 * frame). It uses the renderer's real modules: paragraph layout, offset index, highlight plan and
 * the incremental painter.
 */
import type { SpanAnnotation } from '../../shared/model/annotation.ts';
import { defaultLabelSchema } from '../../shared/model/labels.ts';
import { highlightCss, planHighlights } from '../../renderer/src/reader/highlight-plan.ts';
import { HighlightPainter, installStyles } from '../../renderer/src/reader/paint.ts';
import { layoutParagraphs } from '../../renderer/src/reader/paragraphs.ts';
import { TextIndex } from '../../renderer/src/reader/text-index.ts';

const labels = defaultLabelSchema().labels;
installStyles('highlights', highlightCss(labels));
const root = document.getElementById('root')!;
const scroller = document.getElementById('scroller')!;
const painter = new HighlightPainter();
let index: TextIndex | null = null;
let text = '';
let shown: SpanAnnotation[] = [];

/** Resolves just after the next frame is painted (a message posted from rAF runs after the frame). */
const frame = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.addEventListener('message', () => resolve());
      channel.port1.start();
      channel.port2.postMessage(null);
    }),
  );

function makeSpans(n: number, seed = 11): SpanAnnotation[] {
  let x = seed;
  const rnd = (k: number) => ((x = (x * 1103515245 + 12345) % 2 ** 31) % k);
  return Array.from({ length: n }, (_, i) => {
    const start = rnd(text.length - 20);
    return { id: `s${seed}-${i}`, caseId: 'c', start, end: start + 2 + rnd(16), quote: { exact: '', prefix: '', suffix: '' }, label: labels[i % labels.length]!.id, fields: {}, note: '', reviewer: 'r', origin: 'manual', revision: 0, createdAt: '', updatedAt: '' };
  });
}

function renderPlain(): void {
  root.replaceChildren(
    ...layoutParagraphs(text, []).map((p) => {
      const el = document.createElement('p');
      el.dataset.start = String(p.start);
      el.textContent = p.text;
      return el;
    }),
  );
  index = new TextIndex(root);
}

/**
 * The former reader's window: the paragraphs on screen with a screen's margin each side (found
 * by binary search, as it did), as text offsets.
 */
function screenWindow(): { start: number; end: number } {
  const view = scroller.getBoundingClientRect();
  const top = view.top - view.height;
  const bottom = view.bottom + view.height;
  const paragraphs = root.querySelectorAll<HTMLElement>('[data-start]');
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid]!.getBoundingClientRect().bottom < top) lo = mid + 1;
    else hi = mid;
  }
  let start = text.length;
  let end = 0;
  for (let i = lo; i < paragraphs.length; i++) {
    const r = paragraphs[i]!.getBoundingClientRect();
    if (r.top > bottom) break;
    const s = Number(paragraphs[i]!.dataset.start);
    start = Math.min(start, s);
    end = Math.max(end, s + (paragraphs[i]!.textContent?.length ?? 0) + 1);
  }
  return end > start ? { start, end } : { start: 0, end: text.length };
}

/** The alternative: split the text at every span boundary and wrap each piece in nested <mark>s. */
function renderWrapped(list: readonly SpanAnnotation[]): void {
  const bounds = new Set<number>([0, text.length]);
  for (const s of list) bounds.add(s.start).add(s.end);
  const cuts = [...bounds].sort((a, b) => a - b);
  const paragraphs: HTMLElement[] = [];
  let p = document.createElement('p');
  for (let i = 0; i < cuts.length - 1; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    text.slice(a, b).split('\n').forEach((part, k) => {
      if (k > 0) {
        paragraphs.push(p);
        p = document.createElement('p');
      }
      if (!part) return;
      let node: Node = document.createTextNode(part);
      for (const s of list) {
        if (s.start <= a && b <= s.end) {
          const mark = document.createElement('mark');
          mark.className = `label-${s.label}`;
          mark.append(node);
          node = mark;
        }
      }
      p.append(node);
    });
  }
  paragraphs.push(p);
  root.replaceChildren(...paragraphs);
}

const plan = () => planHighlights({ spans: shown, labels, reviewer: 'r', showOthers: false, selectedId: shown.at(-1)?.id ?? null });
const paint = () => painter.paint(index!, plan());
/** The former way: only the ranges meeting the window around the screen. */
const paintWindow = () => {
  const w = screenWindow();
  painter.paint(index!, plan().map((g) => ({ ...g, ranges: g.ranges.filter((r) => r.end >= w.start && r.start <= w.end) })));
};

/** Steps: each returns after the frame that shows its result. */
const steps = {
  async load(t: string) {
    text = t;
    return text.length;
  },
  /** Plain text shown, no spans: the starting point of each measurement. */
  async reset() {
    painter.clear();
    shown = [];
    renderPlain();
    scroller.scrollTop = 0;
    await frame();
  },
  async idle() {
    await frame();
  },
  async highlights(n: number) {
    shown = makeSpans(n);
    paint();
    await frame();
  },
  async windowed(n: number) {
    shown = makeSpans(n);
    paintWindow();
    await frame();
  },
  async wrapped(n: number) {
    shown = makeSpans(n);
    renderWrapped(shown);
    await frame();
  },
  /** One more span, as a label hotkey adds it. */
  async hotkeyHighlight(i: number) {
    shown = [...shown, makeSpans(1, 1000 + i)[0]!];
    paint();
    await frame();
  },
  async hotkeyWrapped(i: number) {
    shown = [...shown, makeSpans(1, 1000 + i)[0]!];
    renderWrapped(shown);
    await frame();
  },
  async clearHighlights() {
    painter.clear();
    shown = [];
    await frame();
  },
  async clearWrapped() {
    renderPlain();
    await frame();
  },
  /** One step of scrolling: the reader does nothing on scroll (its highlights stay as they are). */
  async scrollStep(y: number) {
    scroller.scrollTop = y;
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    await frame();
    return scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight;
  },
  /** The former reader: on each scrolled frame, the painted window moved with the screen. */
  async scrollStepWindowed(y: number) {
    scroller.scrollTop = y;
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    paintWindow();
    await frame();
    return scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight;
  },
};

(window as unknown as { bench: typeof steps }).bench = steps;
document.title = 'ready';
