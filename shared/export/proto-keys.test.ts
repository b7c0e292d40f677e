import { afterEach, describe, expect, it } from 'vitest';
import type { TaggedSection } from '../model/index.ts';
import { exportDataset, parseExport } from './index.ts';
import type { FormatId } from './catalog.ts';
import { buildDataset, withReviews } from './testing/datasets.ts';

/**
 * Names from a file become keys of plain objects (reviewer → review). A reviewer named
 * "__proto__" must be a reviewer like any other: not a way to set properties on every object.
 */
const TEXT = '😀健康𠀀素养水平达到26.82%，较上年提升';
const section: TaggedSection = { heading: '😀健康𠀀', numbering: '', level: 1, kinds: ['practices'], start: 0, headingEnd: 6, end: TEXT.length, source: 'reviewer', confirmed: true };
const polluted = () => ({}) as Record<string, unknown>;

afterEach(() => {
  // Never leave a polluted prototype to the tests after this one.
  delete (Object.prototype as Record<string, unknown>).sections;
});

describe('a reviewer named "__proto__" in an export read back', () => {
  it.each<FormatId>(['w3c', 'qdpx', 'json', 'jsonl'])('%s: its sections are its own, and no object gains a property', (format) => {
    const ds = withReviews(buildDataset([{ id: 'hb-01', text: TEXT, title: '河北' }], [{ caseId: 'hb-01', start: 0, end: 2, label: 'indicator', reviewer: '__proto__' }]), [
      { caseId: 'hb-01', reviewer: '__proto__', review: { status: 'done', sections: [section] } },
    ]);
    const parsed = parseExport(format, exportDataset(ds, format).files);
    expect(polluted().sections).toBeUndefined();
    const reviews = parsed.cases[0]!.reviews!;
    expect(Object.hasOwn(reviews, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(reviews, '__proto__')!.value.sections).toEqual([section]);
    expect(Object.getPrototypeOf(reviews)).toBe(Object.prototype);
  });
});
