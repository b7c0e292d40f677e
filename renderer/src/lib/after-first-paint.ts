import { useEffect, useState } from 'react';

/** Longest the panels wait for the first contentful paint (a page that never reports one, or a browser without paint timing). */
const LONGEST_WAIT_MS = 400;

/** Resolves once the page has painted text for the first time (or after LONGEST_WAIT_MS). */
function firstContentfulPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, LONGEST_WAIT_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    if (typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes('paint')) return done();
    const observer = new PerformanceObserver((list) => {
      if (!list.getEntries().some((e) => e.name === 'first-contentful-paint')) return;
      observer.disconnect();
      done();
    });
    observer.observe({ type: 'paint', buffered: true });
  });
}

/**
 * False until `ready` is true and the page has painted its first text, then true for good. The
 * workbench's first screen shows the case's text first and the navigator, outline and side panel
 * once it is on screen: rendered together, their work (a hundred-odd titles and labels to lay
 * out, scripts loaded on demand) ran beside the rasterising of the text's CJK glyphs on a
 * machine's few cores and held the text back by a good part of the cold start.
 */
export function useAfterFirstPaint(ready: boolean): boolean {
  const [passed, setPassed] = useState(false);
  useEffect(() => {
    if (!ready || passed) return;
    let live = true;
    void firstContentfulPaint().then(() => live && setPassed(true));
    return () => {
      live = false;
    };
  }, [ready, passed]);
  return passed;
}
