import { describe, expect, it } from 'vitest';
import { identify } from './ids.ts';
import type { Suggestion } from './suggestion.ts';

const s = (label: Suggestion['label'], start: number, text: string): Suggestion => ({ label, start, end: start + text.length, text, fields: {}, section: null, score: 1 });

describe('identify', () => {
  it('gives ids by content: the same quote elsewhere keeps its id, a repeat gets its own', () => {
    const a = identify([s('indicator', 10, '91%'), s('indicator', 40, '91%'), s('lesson', 80, '领导重视是前提')]);
    const moved = identify([s('indicator', 15, '91%'), s('indicator', 45, '91%'), s('lesson', 90, '领导重视是前提')]);
    expect(moved.map((x) => x.id)).toEqual(a.map((x) => x.id));
    expect(new Set(a.map((x) => x.id)).size).toBe(3);
    expect(a[0]!.id).toMatch(/^sg-indicator-[0-9a-z]+-0$/);
    expect(a[1]!.id).toMatch(/-1$/);
  });

  it('tells labels and texts apart, astral characters included', () => {
    const ids = identify([s('indicator', 0, '𠀀5%'), s('indicator', 0, '𠀁5%'), s('lesson', 0, '𠀀5%')]).map((x) => x.id);
    expect(new Set(ids).size).toBe(3);
  });
});
