import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { vi } from 'vitest';
import { main } from './index.ts';

export const ROOT = join(import.meta.dirname, '../..');
export const SEED = (name: string) => join(ROOT, 'seeds', name);
/** The smallest seed: ten newspaper cases, newspaper-healthy-china-01 … -10. */
export const NEWSPAPER = SEED('newspaper-healthy-china-action-provinces.txt');

/** Run the CLI in-process and capture what it prints. */
export async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err += String(chunk);
    return true;
  });
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    vi.restoreAllMocks();
  }
}

/** A fresh scratch folder. */
export function scratch(prefix = 'casebench-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

let template: string | null = null;

/** A project made from the newspaper seed (made once per test file, copied for each test). */
export async function newsProject(): Promise<string> {
  if (!template) {
    template = join(scratch(), 'template');
    const made = await run(['init', template, '--from', NEWSPAPER, '--name', 'news']);
    if (made.code !== 0) throw new Error(`init failed: ${made.err}`);
  }
  const dir = join(scratch(), 'p');
  cpSync(template, dir, { recursive: true });
  return dir;
}

/** Every file under `dir` with its size and modification time: to show that a failed command wrote nothing. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else out[relative(dir, path)] = `${createHash('sha1').update(readFileSync(path)).digest('hex')}@${st.mtimeMs}`;
    }
  };
  walk(dir);
  return out;
}

/** The latest text of a case, read from the project's files. */
export function caseText(dir: string, caseId: string): { text: string; revisions: number; author: string } {
  const file = JSON.parse(readFileSync(join(dir, 'corpus', 'cases', `${caseId}.json`), 'utf8')) as { case: { revisions: Array<{ text: string; author: string }> } };
  const revs = file.case.revisions;
  return { text: revs[revs.length - 1]!.text, revisions: revs.length, author: revs[revs.length - 1]!.author };
}

/** UTF-16LE with a BOM, as Windows tools save text. */
export function utf16(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}
