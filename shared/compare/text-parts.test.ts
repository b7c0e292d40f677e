import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../ingest/load.ts';
import { compareTexts, type TextPart } from './text-parts.ts';

const side = (parts: readonly TextPart[], which: 'removed' | 'added') => parts.filter((p) => p.kind === 'same' || p.kind === which).map((p) => p.text).join('');
const changed = (parts: readonly TextPart[]) => parts.filter((p) => p.kind !== 'same').map((p) => `${p.kind === 'removed' ? '-' : '+'}${p.text}`);

describe('compareTexts', () => {
  it.each<[string, string, string, string[]]>([
    ['a typo fixed', '领导重视是前题。技术支撑是保障。', '领导重视是前提。技术支撑是保障。', ['-题', '+提']],
    ['a sentence added', '一、工作背景\n领导重视。\n', '一、工作背景\n领导重视。部门协同。\n', ['+部门协同。']],
    ['a paragraph deleted', '甲段。\n乙段。\n丙段。\n', '甲段。\n丙段。\n', ['-乙段。\n']],
    ['astral characters stay whole', '𠀀字😀。', '𠀀子😀。', ['-字', '+子']],
    ['nothing changed', '相同。', '相同。', []],
  ])('%s', (_what, a, b, expected) => {
    const { parts, complete } = compareTexts(a, b);
    expect(changed(parts)).toEqual(expected);
    expect(complete).toBe(true);
  });

  it('rebuilds both texts from its parts (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('甲', '乙', '。', '\n', '1', '𠀀', '😀'), maxLength: 80 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const { parts } = compareTexts(a, b);
        expect(side(parts, 'removed')).toBe(a);
        expect(side(parts, 'added')).toBe(b);
      }),
    );
  });

  // Two different cases of the 2024 compendium, thousands of characters each: a plain character
  // diff with a one-second timeout gives up on these and returns nothing.
  it('compares two long, different case texts of the seeds and still rebuilds both', () => {
    const raw = readFileSync(join(import.meta.dirname, '../../seeds/healthy-china-2024-typical-cases-compendium.txt'));
    const doc = loadDocument(raw, 'compendium.txt');
    const [a, b] = [doc.cases[0]!.text, doc.cases[1]!.text];
    expect(a.length).toBeGreaterThan(3000);
    const { parts } = compareTexts(a, b);
    expect(side(parts, 'removed')).toBe(a);
    expect(side(parts, 'added')).toBe(b);
    // The shared headings are found as kept text.
    expect(parts.some((p) => p.kind === 'same' && p.text.includes('主要做法'))).toBe(true);
  });
});
