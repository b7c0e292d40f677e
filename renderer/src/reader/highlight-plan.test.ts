import { describe, expect, it } from 'vitest';
import type { SpanAnnotation } from '../../../shared/model/annotation.ts';
import { defaultLabelSchema } from '../../../shared/model/labels.ts';
import { FOCUSED_SUGGESTION, highlightCss, isOthersHighlight, labelHighlight, OTHERS_HIGHLIGHT, othersHighlight, planHighlights, SELECTED_HIGHLIGHT, shade, suggestionHighlight } from './highlight-plan.ts';
import { mergeOverlaps } from './paint.ts';

const labels = defaultLabelSchema().labels;
let n = 0;
const span = (start: number, end: number, label: string, reviewer = 'alice', extra: Partial<SpanAnnotation> = {}): SpanAnnotation => ({
  id: `s${++n}`,
  caseId: 'c',
  start,
  end,
  label,
  reviewer,
  quote: { exact: '', prefix: '', suffix: '' },
  fields: {},
  note: '',
  origin: 'manual',
  revision: 0,
  createdAt: '',
  updatedAt: '',
  ...extra,
});

const ranges = (groups: ReturnType<typeof planHighlights>, name: string) => groups.find((g) => g.name === name)?.ranges ?? [];

describe('planHighlights', () => {
  it('groups the reviewer’s spans by label, overlapping ones included', () => {
    const spans = [span(0, 5, 'indicator'), span(3, 9, 'lesson'), span(2, 4, 'indicator')];
    const g = planHighlights({ spans, labels, reviewer: 'alice', showOthers: false, selectedId: null });
    expect(ranges(g, labelHighlight('indicator'))).toEqual([{ start: 0, end: 5 }, { start: 2, end: 4 }]);
    expect(ranges(g, labelHighlight('lesson'))).toEqual([{ start: 3, end: 9 }]);
    // Every label has a group, even an empty one, so painting can clear it.
    expect(g.map((x) => x.name)).toEqual(expect.arrayContaining(labels.map((l) => labelHighlight(l.id))));
  });

  // Whose span, which label, "show others" on or off → the group it is painted in (none: not painted).
  it.each([
    ['mine', 'alice', 'lesson', false, labelHighlight('lesson')],
    ['mine, others shown', 'alice', 'lesson', true, labelHighlight('lesson')],
    ["bob's, hidden", 'bob', 'lesson', false, null],
    ["bob's lesson", 'bob', 'lesson', true, othersHighlight('lesson')],
    ["bob's indicator", 'bob', 'indicator', true, othersHighlight('indicator')],
    ["bob's span with a label this schema lacks", 'bob', 'retired', true, OTHERS_HIGHLIGHT],
    ['mine with a label this schema lacks', 'alice', 'retired', true, null],
  ])("%s → %s", (_name, reviewer, label, showOthers, expected) => {
    const g = planHighlights({ spans: [span(6, 8, label, reviewer)], labels, reviewer: 'alice', showOthers, selectedId: null });
    expect(g.filter((x) => x.ranges.length).map((x) => x.name)).toEqual(expected ? [expected] : []);
    // Every group of other reviewers' spans can be told (and counted) by its name.
    expect(g.filter((x) => isOthersHighlight(x.name)).map((x) => x.name)).toEqual([...labels.map((l) => othersHighlight(l.id)), OTHERS_HIGHLIGHT]);
  });

  it('leaves orphans and empty spans out, and marks the selected span', () => {
    const orphan = span(0, 5, 'indicator', 'alice', { orphan: { previousStart: 0, previousEnd: 5, fromRevision: 0, reason: 'deleted' } });
    const selected = span(10, 12, 'practice');
    const g = planHighlights({ spans: [orphan, span(7, 7, 'lesson'), selected], labels, reviewer: 'alice', showOthers: true, selectedId: selected.id });
    expect(ranges(g, labelHighlight('indicator'))).toEqual([]);
    expect(ranges(g, labelHighlight('lesson'))).toEqual([]);
    expect(ranges(g, SELECTED_HIGHLIGHT)).toEqual([{ start: 10, end: 12 }]);
  });

  it('paints pending spans before the server confirms them', () => {
    const g = planHighlights({ spans: [], pending: [span(1, 3, 'policy')], labels, reviewer: 'alice', showOthers: false, selectedId: null });
    expect(ranges(g, labelHighlight('policy'))).toEqual([{ start: 1, end: 3 }]);
  });

  it('paints pending suggestions dashed, apart from spans; decided ones not at all; the focused one marked', () => {
    const suggestions = [
      { id: 'a', label: 'indicator', start: 0, end: 4, state: 'pending' },
      { id: 'b', label: 'lesson', start: 10, end: 30, state: 'pending' },
      { id: 'c', label: 'indicator', start: 40, end: 44, state: 'accepted' },
      { id: 'd', label: 'indicator', start: 50, end: 54, state: 'rejected' },
    ];
    const g = planHighlights({ spans: [span(40, 44, 'indicator')], suggestions, focusedSuggestionId: 'b', labels, reviewer: 'alice', showOthers: false, selectedId: null });
    expect(ranges(g, suggestionHighlight('indicator'))).toEqual([{ start: 0, end: 4 }]);
    expect(ranges(g, suggestionHighlight('lesson'))).toEqual([{ start: 10, end: 30 }]);
    expect(ranges(g, FOCUSED_SUGGESTION)).toEqual([{ start: 10, end: 30 }]);
    expect(ranges(g, labelHighlight('indicator'))).toEqual([{ start: 40, end: 44 }]);
    const css = highlightCss(labels);
    expect(css).toMatch(/::highlight\(cb-suggest-indicator\) \{ text-decoration: underline overline dashed/);
  });

  // Hidden suggestions: only the one in focus is painted (so the keys never act on an unseen one).
  it.each([
    ['shown (the default)', undefined, 'b', { a: true, b: true }, true],
    ['shown', true, null, { a: true, b: true }, false],
    ['hidden, one in focus', false, 'b', { a: false, b: true }, true],
    ['hidden, none in focus', false, null, { a: false, b: false }, false],
    ['hidden, the focused one decided', false, 'c', { a: false, b: false }, false],
  ])('suggestions %s, focus %s', (_name, showSuggestions, focusedSuggestionId, painted, focusPainted) => {
    const suggestions = [
      { id: 'a', label: 'indicator', start: 0, end: 4, state: 'pending' },
      { id: 'b', label: 'lesson', start: 10, end: 30, state: 'pending' },
      { id: 'c', label: 'lesson', start: 40, end: 50, state: 'accepted' },
    ];
    const g = planHighlights({ spans: [], suggestions, focusedSuggestionId, showSuggestions, labels, reviewer: 'alice', showOthers: false, selectedId: null });
    expect({ a: ranges(g, suggestionHighlight('indicator')).length > 0, b: ranges(g, suggestionHighlight('lesson')).length > 0 }).toEqual(painted);
    expect(ranges(g, FOCUSED_SUGGESTION).length > 0).toBe(focusPainted);
  });

  it('5,000 spans are grouped in one pass, none lost', () => {
    const spans = Array.from({ length: 5000 }, (_, i) => span(i, i + 3, labels[i % labels.length]!.id));
    const g = planHighlights({ spans, labels, reviewer: 'alice', showOthers: false, selectedId: null });
    expect(g.reduce((sum, x) => sum + x.ranges.length, 0)).toBe(5000);
  });
});

describe('highlightCss', () => {
  it('gives every label a colour and an underline style of its own', () => {
    const css = highlightCss(labels);
    const decorations = labels.map((l) => new RegExp(`::highlight\\(${labelHighlight(l.id)}\\) \\{[^}]*text-decoration: (underline \\w+ [\\d.]+px)`).exec(css)?.[1]);
    expect(decorations.every(Boolean)).toBe(true);
    expect(new Set(decorations).size).toBe(labels.length);
  });

  // Own spans underlined, others' overlined, suggestions boxed: told apart by where the lines
  // are, and each label by its line style, not by colour alone.
  it.each(labels.map((l) => [l.id, l.cue] as const))('%s (%s): own, others and suggestion lines differ without colour', (id) => {
    const css = highlightCss(labels);
    const line = (group: string) => new RegExp(`::highlight\\(${group}\\) \\{[^}]*text-decoration: ([a-z ]+?) ([a-z]+) [\\d.]+px`).exec(css)?.slice(1, 3);
    const own = line(labelHighlight(id));
    const others = line(othersHighlight(id));
    const suggested = line(suggestionHighlight(id));
    expect(own?.[0]).toBe('underline');
    expect(others?.[0]).toBe('overline');
    expect(suggested?.[0]).toBe('underline overline');
    // The label's line style is kept for the others' spans: their label can be read in the text.
    expect(others?.[1]).toBe(own?.[1]);
  });

  it("gives other reviewers' spans a style per label, one per line style and tint", () => {
    const css = highlightCss(labels);
    const styles = labels.map((l) => new RegExp(`::highlight\\(${othersHighlight(l.id)}\\) \\{([^}]*)\\}`).exec(css)?.[1]);
    expect(styles.every(Boolean)).toBe(true);
    expect(new Set(styles).size).toBe(labels.length);
    expect(css).toContain(`::highlight(${OTHERS_HIGHLIGHT}) {`);
  });

  it('darkens colours for underlines', () => {
    expect(shade('#ffffff', -0.5)).toBe('#808080');
    expect(shade('#000000', 0.5)).toBe('#808080');
  });
});

describe('mergeOverlaps', () => {
  it.each([
    [[], []],
    [[{ start: 0, end: 3 }], [{ start: 0, end: 3 }]],
    [
      [{ start: 5, end: 9 }, { start: 0, end: 3 }, { start: 2, end: 6 }],
      [{ start: 0, end: 9 }],
    ],
    // Touching ranges stay apart: two spans side by side are two spans.
    [
      [{ start: 0, end: 3 }, { start: 3, end: 5 }],
      [{ start: 0, end: 3 }, { start: 3, end: 5 }],
    ],
    [
      [{ start: 0, end: 10 }, { start: 2, end: 4 }, { start: 12, end: 13 }],
      [{ start: 0, end: 10 }, { start: 12, end: 13 }],
    ],
  ])('%j → %j', (input, expected) => {
    expect(mergeOverlaps(input)).toEqual(expected);
  });
});
