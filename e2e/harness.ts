import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = join(import.meta.dirname, '..');
export const ARTIFACTS = join(ROOT, 'e2e', 'artifacts');

export interface Served {
  dir: string;
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Start `casebench serve` on a fresh project (created from the bundled corpus), or on the
 * project in `projectDir` (made by the test), and wait for its URL.
 */
export async function serve(args: string[] = [], projectDir?: string): Promise<Served> {
  const dir = projectDir ?? join(mkdtempSync(join(tmpdir(), 'casebench-e2e-')), 'project');
  const child = spawn(process.execPath, [join(ROOT, 'bin/casebench.js'), 'serve', dir, ...args], {
    cwd: ROOT,
    env: { ...process.env, CASEBENCH_SETTINGS_DIR: join(dir, '..', 'settings') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}${err}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /open (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited (${code}): ${out}${err}`)));
  });
  return {
    dir,
    url,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CASEBENCH_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A page that fails the test on any script error or console error. */
export async function openPage(browser: Browser, url: string, errors: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console error: ${m.text()}`);
  });
  await page.goto(url);
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** What is on disk right now: a reviewer's spans in a case, their index, a case file. */
export const disk = {
  spans(dir: string, reviewer: string, caseId: string) {
    try {
      return (JSON.parse(readFileSync(join(dir, 'reviews', `${reviewer}.spans`, `${caseId}.json`), 'utf8')) as { spans: Array<Record<string, any>> }).spans;
    } catch {
      return [];
    }
  },
  reviewer(dir: string, reviewer: string) {
    return JSON.parse(readFileSync(join(dir, 'reviews', `${reviewer}.json`), 'utf8')) as { cases: Record<string, Record<string, any>> };
  },
  caseFile(dir: string, caseId: string) {
    return JSON.parse(readFileSync(join(dir, 'corpus', 'cases', `${caseId}.json`), 'utf8')) as { case: { revisions: Array<{ text: string; revision: number }> } };
  },
};

/** Poll until `check` holds (the UI acknowledges writes asynchronously). */
export async function eventually<T>(check: () => T | null | undefined | false | Promise<T | null | undefined | false>, timeoutMs = 5000): Promise<T> {
  const start = Date.now();
  let last: unknown;
  while (Date.now() - start < timeoutMs) {
    try {
      const v = await check();
      if (v) return v as T;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw last instanceof Error ? last : new Error('condition not met in time');
}

/** Select text in the reader (scrolled into view): the n-th occurrence of `text` in the case text. */
export async function selectInReader(page: Page, text: string, occurrence = 0): Promise<void> {
  const ok = await page.evaluate(
    ({ text: wanted, occurrence: nth }) => {
      const root = document.querySelector('.reader-text')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const data = (n as Text).data;
        for (let i = data.indexOf(wanted); i >= 0; i = data.indexOf(wanted, i + 1)) {
          if (seen++ === nth) {
            // As a person would: the text is on screen when it is selected.
            n.parentElement!.scrollIntoView({ block: 'center' });
            document.getSelection()!.setBaseAndExtent(n, i, n, i + wanted.length);
            return true;
          }
        }
      }
      return false;
    },
    { text, occurrence },
  );
  if (!ok) throw new Error(`"${text}" not found in the reader`);
}

export interface Session {
  served: Served;
  browser: Browser;
  page: Page;
}

/** A fresh project under `casebench serve`, Chromium, and the workbench open in a page. */
export async function startSession(errors: string[]): Promise<Session> {
  const served = await serve();
  const browser = await launchBrowser();
  return { served, browser, page: await openPage(browser, served.url, errors) };
}

export async function endSession(session: Partial<Session>): Promise<void> {
  await session.browser?.close();
  await session.served?.stop();
}

/** Open a case from the navigator, as a person would, and wait for its text. */
export async function openCaseFromNavigator(page: Page, id: string): Promise<void> {
  await page.click(`[data-case-id="${id}"]`);
  await page.waitForFunction((wanted) => location.hash === `#/case/${wanted}`, id);
  await page.waitForSelector('.reader-text p');
}
