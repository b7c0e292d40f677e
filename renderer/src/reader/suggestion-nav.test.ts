import { describe, expect, it } from 'vitest';
import type { TaggedSection } from '../../../shared/model/review.ts';
import { adjacentSuggestion, groupBySection, sectionAround, suggestionAt } from './suggestion-nav.ts';

const item = (id: string, start: number, end: number, state = 'pending') => ({ id, start, end, state: state as 'pending' | 'accepted' | 'rejected' });
const items = [item('a', 0, 10), item('b', 5, 8), item('c', 20, 25, 'rejected'), item('d', 30, 40), item('e', 50, 55)];
const section = (heading: string, start: number, end: number, level = 1): TaggedSection => ({ heading, numbering: '', level, kinds: [], start, headingEnd: start + 2, end, source: 'loader', confirmed: false });
const sections = [section('一、背景', 0, 28), section('（一）小节', 3, 20, 2), section('二、成效', 28, 60)];

describe('suggestionAt', () => {
  it.each([
    [6, null, 'b'], // the smallest under the caret
    [2, null, 'a'],
    [22, null, null], // rejected ones are not acted on
    [60, null, null],
    [60, 'd', 'd'], // the focused one wins wherever the caret is
    [6, 'c', 'b'], // …unless it is no longer pending
  ])('caret %s, focused %s → %s', (caret, focused, expected) => {
    expect(suggestionAt(items, caret, focused)?.id ?? null).toBe(expected);
  });
});

describe('adjacentSuggestion', () => {
  it.each([
    [0, null, 1, 'a'],
    [21, null, 1, 'd'],
    [56, null, 1, 'a'], // wraps
    [21, null, -1, 'b'],
    [0, null, -1, 'e'], // wraps back
    [0, 'b', 1, 'd'], // from the focused one, skipping the rejected
    [0, 'a', -1, 'e'],
  ] as const)('caret %s, focused %s, direction %s → %s', (caret, focused, direction, expected) => {
    expect(adjacentSuggestion(items, caret, focused, direction)?.id).toBe(expected);
  });

  it('has nothing to go to when nothing is pending', () => {
    expect(adjacentSuggestion([item('x', 0, 1, 'accepted')], 0, null, 1)).toBeNull();
  });
});

describe('sections', () => {
  it('finds the top-level section around a position, not a subsection', () => {
    expect(sectionAround(sections, 5)).toEqual({ start: 0, end: 28, heading: '一、背景' });
    expect(sectionAround(sections, 100)).toBeNull();
  });

  it('groups suggestions by top-level section in text order', () => {
    const g = groupBySection(items, sections);
    expect(g.map((x) => [x.heading, x.items.map((i) => i.id)])).toEqual([
      ['一、背景', ['a', 'b', 'c']],
      ['二、成效', ['d', 'e']],
    ]);
  });
});
