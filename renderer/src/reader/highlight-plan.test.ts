import { describe, expect, it } from 'vitest';
import type { SpanAnnotation } from '../../../shared/model/annotation.ts';
import { defaultLabelSchema } from '../../../shared/model/labels.ts';
import { FOCUSED_SUGGESTION, highlightCss, labelHighlight, OTHERS_HIGHLIGHT, planHighlights, SELECTED_HIGHLIGHT, shade, suggestionHighlight } from './highlight-plan.ts';
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

  it("shows other reviewers' spans only when asked, in their own group", () => {
    const spans = [span(0, 5, 'indicator'), span(6, 8, 'lesson', 'bob')];
    expect(ranges(planHighlights({ spans, labels, reviewer: 'alice', showOthers: false, selectedId: null }), OTHERS_HIGHLIGHT)).toEqual([]);
    const g = planHighlights({ spans, labels, reviewer: 'alice', showOthers: true, selectedId: null });
    expect(ranges(g, OTHERS_HIGHLIGHT)).toEqual([{ start: 6, end: 8 }]);
    expect(ranges(g, labelHighlight('lesson'))).toEqual([]);
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
