import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../ingest/load.ts';
import { INDICATOR_FIELDS } from '../model/labels.ts';
import type { LoadedCase } from '../model/document.ts';
import type { Section } from '../model/sections.ts';
import { splitsSurrogatePair } from '../text/units.ts';
import { GOAL, meetsGoals } from './eval/goals.ts';
import { GOLD, HELD_OUT } from './eval/gold.ts';
import { resolveGold } from './eval/resolve.ts';
import { scoreSuggestions } from './eval/score.ts';
import { suggest, type Suggestion } from './index.ts';

const SEEDS = join(import.meta.dirname, '../../seeds');
const manifest = JSON.parse(readFileSync(join(SEEDS, 'manifest.json'), 'utf8')) as { documents: Array<{ id: string; file: string }> };
const cases: LoadedCase[] = manifest.documents.flatMap((d) => loadDocument(readFileSync(join(SEEDS, d.file)), d.file, { id: d.id }).cases);

function checkInvariants(text: string, suggestions: readonly Suggestion[]): void {
  let previous = -1;
  for (const s of suggestions) {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(text.length);
    expect(s.text).toBe(text.slice(s.start, s.end));
    expect(splitsSurrogatePair(text, s.start)).toBe(false);
    expect(splitsSurrogatePair(text, s.end)).toBe(false);
    expect(s.score).toBeGreaterThanOrEqual(0);
    expect(s.score).toBeLessThanOrEqual(1);
    expect(s.start).toBeGreaterThanOrEqual(previous);
    previous = s.start;
    if (s.label === 'indicator') {
      for (const f of INDICATOR_FIELDS) expect(s.fields).toHaveProperty(f.key);
      for (const f of INDICATOR_FIELDS) if (f.choices && s.fields[f.key] !== null) expect(f.choices).toContain(s.fields[f.key]);
    } else expect(typeof s.fields.headline).toBe('string');
  }
}

describe('invariants over every case of the five seeds', () => {
  it('loads the whole sample corpus', () => {
    expect(cases.length).toBe(87);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    checkInvariants(c.text, suggest(c.text, c.sections));
  });
});

describe('invariants on arbitrary text (property)', () => {
  const pieces = fc.constantFrom(
    '从2019年', '19.18%', '提升到', '2021年', '26.82%', '由', '降至', '分别', '、', '和', '3.6万余名', '约', '近', '以上', '个百分点', '较2020年增长',
    '全省第一', '第9届', '（一）', '一是', '二是', '。', '，', '\n', '𠀀', '😀', '健康', '人', '名', '%', '1', '23', '．', '８', '$', '\t', '《', '》', '“', '”',
  );
  it('keeps every invariant, with or without a lessons section', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), fc.boolean(), (parts, withSection) => {
        const text = parts.join('');
        const sections: Section[] = withSection && text.length > 0 ? [{ heading: '经验启示', numbering: '', level: 1, kinds: ['lessons'], start: 0, headingEnd: 0, end: text.length }] : [];
        checkInvariants(text, suggest(text, sections));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the evaluation set', () => {
  it('resolves against the loaded seeds (every quote found, every case found once)', () => {
    for (const set of [GOLD, HELD_OUT]) expect(resolveGold(set, cases).errors).toEqual([]);
  });

  it('covers at least 12 cases from all five documents, with change expressions and 分别 lists', () => {
    const gold = resolveGold(GOLD, cases);
    expect(gold.caseIds.size).toBeGreaterThanOrEqual(12);
    expect(new Set(cases.filter((c) => gold.caseIds.has(c.id)).map((c) => c.documentId))).toEqual(new Set(manifest.documents.map((d) => d.id)));
    expect(gold.spans.filter((s) => s.fields?.baseline !== undefined).length).toBeGreaterThanOrEqual(10);
    expect(gold.spans.filter((s) => s.label === 'indicator' && /^[0-9.]+[%‰]?$|^[0-9.]+个百分点$/.test(s.text) && s.fields).length).toBeGreaterThanOrEqual(3);
  });

  it('meets the goals: indicators and lessons P ≥ 0.90, R ≥ 0.95, every change parsed right', () => {
    const gold = resolveGold(GOLD, cases);
    const report = scoreSuggestions(
      gold.spans,
      cases.filter((c) => gold.caseIds.has(c.id)).map((c) => ({ caseId: c.id, suggestions: suggest(c.text, c.sections) })),
    );
    expect(report.indicator.precision).toBeGreaterThanOrEqual(GOAL.indicator.precision);
    expect(report.indicator.recall).toBeGreaterThanOrEqual(GOAL.indicator.recall);
    expect(report.lesson.precision).toBeGreaterThanOrEqual(GOAL.lesson.precision);
    expect(report.lesson.recall).toBeGreaterThanOrEqual(GOAL.lesson.recall);
    expect(report.changes.valuesRight).toBe(report.changes.total);
    expect(report.changes.fieldAccuracy).toBeGreaterThanOrEqual(GOAL.changeFieldAccuracy);
    expect(meetsGoals(report)).toBe(true);
  });
});
