/**
 * Chromium for the benchmarks: Debian's, driven by playwright-core, with vsync and the frame-rate
 * limit off so that a frame's cost is its work, not the wait for the next vsync; and the main
 * thread's work of one step, from the DevTools protocol's TaskDuration (script, style, layout,
 * paint), which does not depend on when the next frame happens to come.
 */
import type { CDPSession, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

export async function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CASEBENCH_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu-vsync', '--disable-frame-rate-limit'],
  });
}

/** Main-thread work of `step()` in this page, in ms. */
export async function mainThreadWork(cdp: CDPSession, step: () => Promise<unknown>): Promise<number> {
  const taskTime = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  const t0 = await taskTime();
  await step();
  return (await taskTime()) - t0;
}

export async function metricsSession(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return cdp;
}

export const medianOf = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const p95Of = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;
