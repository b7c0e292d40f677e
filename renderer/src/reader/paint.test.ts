import { beforeAll, describe, expect, it } from 'vitest';
import type { HighlightGroup } from './highlight-plan.ts';
import type { TextIndex } from './text-index.ts';

// The CSS Custom Highlight API, as far as the painter uses it: a registry of named sets of ranges.
class FakeHighlight extends Set<unknown> {
  constructor(...ranges: unknown[]) {
    super(ranges);
  }
}
const registry = new Map<string, FakeHighlight>();
let HighlightPainter: typeof import('./paint.ts').HighlightPainter;

beforeAll(async () => {
  Object.assign(globalThis, { CSS: { highlights: registry }, Highlight: FakeHighlight });
  ({ HighlightPainter } = await import('./paint.ts'));
});

/** A text index whose ranges are just their offsets. */
const index = { range: (start: number, end: number) => ({ start, end }) } as unknown as TextIndex;
const g = (name: string, ...ranges: Array<[number, number]>): HighlightGroup => ({ name, ranges: ranges.map(([start, end]) => ({ start, end })) });
/** What is on screen: each registered highlight and its ranges, by name. */
const painted = () => Object.fromEntries([...registry].map(([name, h]) => [name, [...h].map((r) => `${(r as { start: number }).start}-${(r as { end: number }).end}`).sort()]));

describe('HighlightPainter', () => {
  // Successive plans → what is registered after the last one.
  it.each([
    ['one group', [[g('a', [0, 2], [5, 7])]], { a: ['0-2', '5-7'] }],
    ['a range removed', [[g('a', [0, 2], [5, 7])], [g('a', [5, 7])]], { a: ['5-7'] }],
    ['a range added', [[g('a', [0, 2])], [g('a', [0, 2], [5, 7])]], { a: ['0-2', '5-7'] }],
    ['overlapping ranges as one', [[g('a', [0, 4], [2, 6])]], { a: ['0-6'] }],
    ['touching ranges stay two', [[g('a', [0, 2], [2, 4])]], { a: ['0-2', '2-4'] }],
    ['ranges of two groups stay apart', [[g('a', [0, 2]), g('b', [2, 4])]], { a: ['0-2'], b: ['2-4'] }],
    // The selection (or the focused suggestion) gone: its group is no longer in the plan.
    ['a group left out of the next plan is cleared', [[g('a', [0, 2]), g('cb-selected', [0, 2])], [g('a', [0, 2])]], { a: ['0-2'] }],
    ['every group left out', [[g('a', [0, 2]), g('b', [3, 4])], []], {}],
    ['a group back again', [[g('s', [1, 2])], [], [g('s', [1, 2])]], { s: ['1-2'] }],
  ] as Array<[string, HighlightGroup[][], Record<string, string[]>]>)('%s', (_name, plans, expected) => {
    registry.clear();
    const painter = new HighlightPainter();
    for (const plan of plans) painter.paint(index, plan);
    expect(painted()).toEqual(expected);
  });

  // Chromium rebuilds all its highlight markers and repaints their text on any change to a
  // Highlight: a repaint that changes nothing must not touch them (scrolling never does).
  it('paints the same plan again without touching the registered highlights', () => {
    registry.clear();
    const painter = new HighlightPainter();
    const plan = [g('a', [0, 2], [5, 7]), g('cb-selected', [5, 7])];
    painter.paint(index, plan);
    const touched: string[] = [];
    for (const [name, h] of registry) {
      h.add = (r: unknown) => (touched.push(`${name} add`), Set.prototype.add.call(h, r) as FakeHighlight);
      h.delete = (r: unknown) => (touched.push(`${name} delete`), Set.prototype.delete.call(h, r));
    }
    const set = registry.set.bind(registry);
    registry.set = (name, h) => (touched.push(`${name} set`), set(name, h));
    painter.paint(index, plan.map((x) => ({ ...x, ranges: x.ranges.map((r) => ({ ...r })) })));
    painter.paint(index, [g('a', [0, 2], [5, 7], [8, 9]), g('cb-selected', [8, 9])]);
    registry.set = set;
    expect(touched).toEqual(['a add', 'cb-selected delete', 'cb-selected add']);
  });

  it('starts afresh after clear', () => {
    registry.clear();
    const painter = new HighlightPainter();
    painter.paint(index, [g('a', [0, 2])]);
    painter.clear();
    expect(painted()).toEqual({});
    painter.paint(index, [g('a', [0, 2])]);
    expect(painted()).toEqual({ a: ['0-2'] });
  });
});
