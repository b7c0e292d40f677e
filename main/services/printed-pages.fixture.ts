import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Printing a DOCX the way an editor does, with LibreOffice, and reading the pages back with
 * pdftotext: what the print test checks the compendium draft against.
 */

const ROOT = resolve(import.meta.dirname, '../..');
/** Debian's Python, which has LibreOffice's `uno` module (a pyenv python on PATH has not). */
export const SYSTEM_PYTHON = '/usr/bin/python3';

const runs = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });
  return !r.error && r.status === 0;
};

/** What the print test needs and this machine lacks, each with how to install it. */
export function missingPrintTools(): string[] {
  const missing: string[] = [];
  if (!runs('soffice', ['--version'])) missing.push('LibreOffice (soffice): apt-get install -y libreoffice-writer fonts-noto-cjk');
  if (!runs('pdftotext', ['-v'])) missing.push('pdftotext: apt-get install -y poppler-utils');
  if (!runs(SYSTEM_PYTHON, ['-c', 'import uno'])) missing.push(`LibreOffice's Python bridge for ${SYSTEM_PYTHON}: apt-get install -y python3-uno`);
  return missing;
}

/**
 * The environment LibreOffice prints in: a profile of its own (so a LibreOffice already running
 * is left alone), and fontconfig told the aliases of build/fontconfig, so the faces the draft
 * names by their Windows names print in the free faces Linux has.
 */
function printEnvironment(dir: string): { env: NodeJS.ProcessEnv; profile: string } {
  mkdirSync(dir, { recursive: true });
  const fonts = join(dir, 'fonts.conf');
  writeFileSync(
    fonts,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd"><fontconfig><include>${join(ROOT, 'build/fontconfig/65-casebench-cjk.conf')}</include><include ignore_missing="yes">/etc/fonts/fonts.conf</include></fontconfig>`,
  );
  return { env: { ...process.env, FONTCONFIG_FILE: fonts }, profile: pathToFileURL(join(dir, 'profile')).href };
}

function check(r: ReturnType<typeof spawnSync>, what: string): void {
  if (r.error || r.status !== 0) throw new Error(`${what} failed (${r.error?.message ?? `exit ${r.status}`}): ${String(r.stderr ?? '').slice(0, 500)}`);
}

/** `soffice --headless --convert-to pdf`: the document printed as it opens, its fields as they were written. */
export function printAsOpened(docx: string, dir: string): string {
  const { env, profile } = printEnvironment(dir);
  check(spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, docx], { env, encoding: 'utf8', timeout: 180_000 }), 'soffice --convert-to pdf');
  return join(dir, basename(docx).replace(/\.docx$/i, '.pdf'));
}

/** The document printed after LibreOffice updated its table of contents (scripts/lo-print.py). */
export function printUpdated(docx: string, dir: string): string {
  const { env, profile } = printEnvironment(dir);
  const out = join(dir, basename(docx).replace(/\.docx$/i, '.updated.pdf'));
  check(spawnSync(SYSTEM_PYTHON, [join(ROOT, 'scripts/lo-print.py'), docx, out, profile], { env, encoding: 'utf8', timeout: 180_000 }), 'LibreOffice (update indexes, export PDF)');
  return out;
}

export interface PrintedPage {
  /** 1-based, as the PDF counts them. */
  physical: number;
  /** The page's lines with text, the page number line left out. */
  lines: string[];
  /** What the page number line says ("1", "IV"), or null when the page has none. */
  number: string | null;
}

const PAGE_NUMBER = /^—\s*([IVXLCDM]+|\d+)\s*—$/;

/** The pages of a PDF as pdftotext reads them (keeping the layout, so a line is a printed line). */
export function printedPages(pdf: string): PrintedPage[] {
  const r = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  check(r, 'pdftotext');
  const pages = r.stdout.split('\f');
  if (pages[pages.length - 1]!.trim() === '') pages.pop();
  return pages.map((text, i) => {
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    const last = lines[lines.length - 1] ?? '';
    const number = PAGE_NUMBER.exec(last)?.[1] ?? null;
    return { physical: i + 1, lines: number === null ? lines : lines.slice(0, -1), number };
  });
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
export function romanValue(s: string): number {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]!]!;
    total += i + 1 < s.length && ROMAN[s[i + 1]!]! > v ? -v : v;
  }
  return total;
}

/** Text without any white space: lines wrap, and pdftotext spaces glyphs as it sees them. */
export const squeeze = (s: string) => s.replace(/\s+/g, '');

/**
 * The entries of a printed table of contents, each with the page number it gives: an entry's
 * lines run until one ends in a dot leader and a number (a title that fills its line leaves a
 * leader of a dot or two).
 */
export function tocEntries(pages: readonly PrintedPage[]): Array<{ text: string; page: number }> {
  const start = pages.findIndex((p) => p.lines.some((l) => squeeze(l) === '目录'));
  if (start < 0) return [];
  const entries: Array<{ text: string; page: number }> = [];
  let pending = '';
  for (const p of pages.slice(start)) {
    if (p.number !== null && /^\d+$/.test(p.number)) break; // the body has begun
    for (const line of p.lines) {
      if (squeeze(line) === '目录') continue;
      const end = /(?:\.|…|·)+\s*(\d+)$/.exec(line);
      pending += line;
      if (end) {
        entries.push({ text: squeeze(pending.replace(/(?:\s*(?:\.|…|·)+\s*)+\d+$/, '')), page: Number(end[1]) });
        pending = '';
      }
    }
  }
  return entries;
}
