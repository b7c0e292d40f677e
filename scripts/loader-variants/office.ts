/**
 * LibreOffice and poppler, driven from the generator: Word → PDF through office/convert.py
 * (TOC updated over UNO), pdftotext with and without -layout, pdffonts, pdftoppm, qpdf.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFontsConf } from './fonts.conf.ts';

/** The Debian python, which has python3-uno (a pyenv python on PATH would not). */
const PYTHON = '/usr/bin/python3';

/** Convert Word files to PDF in one LibreOffice run; prints LibreOffice's page counts. */
export function wordToPdf(jobs: Array<{ in: string; out: string }>): void {
  const dir = mkdtempSync(join(tmpdir(), 'casebench-pdf-'));
  const list = join(dir, 'jobs.json');
  writeFileSync(list, JSON.stringify(jobs));
  execFileSync(PYTHON, [join(import.meta.dirname, 'office/convert.py'), list], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, FONTCONFIG_FILE: writeFontsConf() }, timeout: 20 * 60_000 });
}

/** pdftotext: 'plain' (its reading order), 'layout' (-layout), or 'raw' (-raw: content-stream order, which for LibreOffice's PDFs is the document's order). */
export const pdftotext = (pdf: string, mode: 'plain' | 'layout' | 'raw'): string =>
  execFileSync('pdftotext', [...(mode === 'plain' ? [] : [`-${mode}`]), '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });

/** The fonts a PDF embeds, as pdffonts lists them (name and type). */
export function pdffonts(pdf: string): string[] {
  const out = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return [...new Set(out.map((l) => l.split(/\s+/).slice(0, 2).join(' ')))];
}

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
