import { describe, expect, it } from 'vitest';
import type { CaseMeta } from '../model/index.ts';
import { agreedMeta } from './layers.ts';

describe('agreedMeta', () => {
  it.each<[string, (CaseMeta | undefined)[], CaseMeta]>([
    ['no reviewer metadata', [undefined, undefined], { tags: [] }],
    ['one reviewer: theirs', [{ tags: ['X'], category: '慢病', year: 2023 }], { tags: ['X'], category: '慢病', year: 2023 }],
    ['tags of everyone, first occurrence first', [{ tags: ['X', '𠀀'] }, { tags: ['Y', 'X'] }], { tags: ['X', '𠀀', 'Y'] }],
    ['a value all who set it agree on', [{ tags: [], region: '河北省' }, { tags: [] }, { tags: [], region: '河北省' }], { tags: [], region: '河北省' }],
    ['values they differ on are left out', [{ tags: [], year: 2023, title: 'a' }, { tags: [], year: 2024, title: 'a' }], { tags: [], title: 'a' }],
  ])('%s', (_name, metas, expected) => {
    expect(agreedMeta(metas)).toEqual(expected);
  });
});
