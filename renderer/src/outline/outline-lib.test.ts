import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Correction } from '../../../shared/outline/index.ts';
import { fileContent, toBase64 } from './file-content.ts';
import { emptyHistory, pushStep, redoStep, undoStep } from './preview-history.ts';
import { en } from '../i18n/en.ts';
import { zhCN } from '../i18n/zh-CN.ts';

const k = (id: string): Correction => ({ op: 'shape', id, shape: 'plain' });

describe('the import preview history', () => {
  it('undoes and redoes steps in order, and a new step forgets what was undone', () => {
    let h = pushStep(emptyHistory, { document: 0, before: [], after: [k('k1')] });
    h = pushStep(h, { document: 1, before: [], after: [k('k1')] });
    const u = undoStep(h)!;
    expect(u.step.document).toBe(1);
    const u2 = undoStep(u.history)!;
    expect(u2.step).toEqual({ document: 0, before: [], after: [k('k1')] });
    expect(undoStep(u2.history)).toBeNull();
    const r = redoStep(u2.history)!;
    expect(r.step.document).toBe(0);
    expect(pushStep(r.history, { document: 0, before: [k('k1')], after: [k('k1'), k('k2')] }).undone).toEqual([]);
  });
});

describe('file content', () => {
  it.each([
    ['ASCII', 'hello'],
    ['Chinese with 𠀀 and emoji', '健康行动𠀀👩‍⚕️'],
    ['empty', ''],
  ])('encodes %s as base64 the way Node decodes it', async (_what, text) => {
    const bytes = new TextEncoder().encode(text);
    expect(Buffer.from(toBase64(bytes), 'base64').toString('utf8')).toBe(text);
    const file = Object.assign(new Blob([bytes]), { name: 'a.txt' });
    expect(await fileContent(file)).toEqual({ name: 'a.txt', content: Buffer.from(bytes).toString('base64') });
  });

  it('encodes large files in chunks', () => {
    const bytes = new Uint8Array(300_000).map((_, i) => i % 251);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});

describe('outline steps in the undo history', () => {
  it.each(['split', 'merge', 'retitle', 'drop-case', 'make-heading', 'reload'] as const)('names "outline: %s" in the interface language', async (op) => {
    const { parseHistoryLabel } = await import('../lib/history-label.ts');
    expect(parseHistoryLabel(`outline: ${op}`, [])).toEqual({ key: `outline.${op}` });
  });

  it('leaves an unknown outline step as the service named it', async () => {
    const { parseHistoryLabel } = await import('../lib/history-label.ts');
    expect(parseHistoryLabel('outline: fold', [])).toBeNull();
  });
});

describe('the loader\'s notes in the interface language', () => {
  /** Every warning code the loader writes (an object literal `{ code: '…'` in shared/ingest). */
  const codes = (() => {
    const found = new Set<string>();
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, e.name);
        if (e.isDirectory()) walk(path);
        else if (e.name.endsWith('.ts') && !e.name.includes('.test.')) for (const m of readFileSync(path, 'utf8').matchAll(/\{\s*code:\s*'([a-z-]+)'/g)) found.add(m[1]!);
      }
    };
    walk(join(import.meta.dirname, '../../../shared/ingest'));
    return [...found].sort();
  })();

  it('finds the codes', () => expect(codes).toContain('section-cycle-restart'));

  it.each([
    ['zh-CN', zhCN],
    ['en', en],
  ] as const)('has a meaning for each in %s (else only the loader\'s English message is shown)', (_lang, messages) => {
    const meanings = messages.structure.codes as Record<string, string>;
    expect(codes.filter((c) => !meanings[c])).toEqual([]);
  });
});
