import { describe, expect, it } from 'vitest';
import { loadDocument } from '../ingest/index.ts';
import type { LoadedDocument } from '../model/document.ts';
import { applyCorrections } from './apply.ts';
import { correction as correctionSchema, type Correction } from './corrections.ts';
import { correctionFor, EditRefused, freshCaseId, nextCorrectionId, type OutlineEdit } from './edits.ts';
import { handMadeDocument } from './outline.fixture.ts';

/** A document whose loader got three things wrong: case 2's title is in case 1's text, "经验启示" was taken for a case, front matter opens case 1. */
const SPECS = [
  { title: '甲市推进健康促进', paragraphs: ['目录：见下', '一、工作背景', '近年来，甲市居民健康素养水平从18.2%提高到29.5%。', '二、主要做法', '建立机制，统筹推进。', '乙县：创新慢病管理', '一、工作背景', '乙县高血压患者约5万人𠀀。'], headings: [1, 3, 6] },
  { title: '经验启示', paragraphs: ['领导重视是前提 👩‍⚕️。'] },
  { title: '丙区打造健康社区', paragraphs: ['一、工作背景', '丙区有社区32个。'], headings: [0] },
];
const doc = () => handMadeDocument(SPECS);

/** Make one edit the way the workbench does: on the document as corrected so far. */
function edit(loaded: LoadedDocument, list: Correction[], e: OutlineEdit): Correction[] {
  const current = applyCorrections(loaded, list).document;
  const taken = new Set(current.cases.map((c) => c.id));
  return [...list, correctionFor(current, e, { correctionId: nextCorrectionId(list), newCaseId: freshCaseId(current.id, taken) })];
}
const offsetOf = (d: LoadedDocument, caseId: string, text: string) => d.cases.find((c) => c.id === caseId)!.text.indexOf(text);
const titles = (d: LoadedDocument) => d.cases.map((c) => c.title);

describe('applyCorrections', () => {
  it.each<[string, (d: LoadedDocument) => OutlineEdit, (after: LoadedDocument) => void]>([
    [
      'split at a paragraph that is the missed title',
      (d) => ({ op: 'split', caseId: 'doc-01', at: offsetOf(d, 'doc-01', '乙县：创新慢病管理'), titleFromParagraph: true }),
      (a) => {
        expect(titles(a)).toEqual(['甲市推进健康促进', '创新慢病管理', '经验启示', '丙区打造健康社区']);
        expect(a.cases[1]).toMatchObject({ id: 'doc-x1', region: '乙县', ordinal: 2, text: '一、工作背景\n乙县高血压患者约5万人𠀀。' });
        expect(a.cases[1]!.sections).toEqual([expect.objectContaining({ heading: '一、工作背景', start: 0, end: a.cases[1]!.text.length })]);
        expect(a.cases[0]!.text.endsWith('建立机制，统筹推进。')).toBe(true);
        expect(a.cases[0]!.sections.at(-1)!.end).toBe(a.cases[0]!.text.length);
      },
    ],
    [
      'split keeping the paragraph as body, with a given title',
      (d) => ({ op: 'split', caseId: 'doc-01', at: offsetOf(d, 'doc-01', '乙县：创新慢病管理'), titleFromParagraph: false, title: '乙县慢病' }),
      (a) => expect(a.cases[1]).toMatchObject({ title: '乙县慢病', region: null, text: '乙县：创新慢病管理\n一、工作背景\n乙县高血压患者约5万人𠀀。' }),
    ],
    [
      'merge a false case into the one before, its title line back as text',
      () => ({ op: 'merge', caseId: 'doc-01' }),
      (a) => {
        expect(titles(a)).toEqual(['甲市推进健康促进', '丙区打造健康社区']);
        expect(a.cases[0]!.text.endsWith('乙县高血压患者约5万人𠀀。\n经验启示\n领导重视是前提 👩‍⚕️。')).toBe(true);
      },
    ],
    ['retitle', () => ({ op: 'retitle', caseId: 'doc-03', title: '丙区：打造健康社区' }), (a) => expect(a.cases[2]!.title).toBe('丙区：打造健康社区')],
    ['set the region', () => ({ op: 'set-region', caseId: 'doc-03', region: '丙区' }), (a) => expect(a.cases[2]!.region).toBe('丙区')],
    ['set the part', () => ({ op: 'set-part', caseId: 'doc-03', part: '健康环境篇' }), (a) => expect(a.cases[2]!.part).toBe('健康环境篇')],
    ['clear the region', () => ({ op: 'set-region', caseId: 'doc-03', region: '' }), (a) => expect(a.cases[2]!.region).toBeNull()],
    ['drop a case that is not one', () => ({ op: 'drop-case', caseId: 'doc-02' }), (a) => expect(titles(a)).toEqual(['甲市推进健康促进', '丙区打造健康社区'])],
    [
      'drop front matter inside a case',
      () => ({ op: 'drop-text', caseId: 'doc-01', at: 0, to: 0 }),
      (a) => {
        expect(a.cases[0]!.text.startsWith('一、工作背景\n近年来')).toBe(true);
        expect(a.cases[0]!.sections.map((s) => [s.heading, s.start])).toEqual([
          ['一、工作背景', 0],
          ['二、主要做法', a.cases[0]!.text.indexOf('二、主要做法')],
          ['一、工作背景', a.cases[0]!.text.lastIndexOf('一、工作背景')],
        ]);
      },
    ],
    [
      'make a paragraph a heading, with level and kinds',
      (d) => ({ op: 'make-heading', caseId: 'doc-01', at: offsetOf(d, 'doc-01', '乙县：创新慢病管理'), level: 2, kinds: ['practices'] }),
      (a) => {
        const s = a.cases[0]!.sections.find((x) => x.heading === '乙县：创新慢病管理')!;
        expect(s).toMatchObject({ level: 2, kinds: ['practices'], numbering: '' });
        // Level 2 under 二、主要做法, which now ends at the next level-1 heading.
        expect(s.end).toBe(a.cases[0]!.text.lastIndexOf('一、工作背景'));
      },
    ],
    ['make a heading body text', (d) => ({ op: 'make-body', caseId: 'doc-03', at: offsetOf(d, 'doc-03', '一、工作背景') }), (a) => expect(a.cases[2]!.sections).toEqual([])],
    [
      "change a heading's level and kinds",
      (d) => ({ op: 'set-heading', caseId: 'doc-01', at: offsetOf(d, 'doc-01', '二、主要做法'), kinds: ['practices', 'results'], level: 2 }),
      (a) => expect(a.cases[0]!.sections.find((s) => s.heading === '二、主要做法')).toMatchObject({ level: 2, kinds: ['practices', 'results'] }),
    ],
  ])('%s', (_what, makeEdit, check) => {
    const loaded = doc();
    const list = edit(loaded, [], makeEdit(loaded));
    const result = applyCorrections(loaded, list);
    expect(result.unfit).toEqual([]);
    expect(result.applied).toEqual(list);
    check(result.document);
    // Every correction is what its file format allows (a corrections file round-trips).
    for (const c of list) expect(correctionSchema.parse(JSON.parse(JSON.stringify(c)))).toEqual(c);
    // The offset maps still point at the same text in the source.
    for (const c of result.document.cases) {
      const runs = c.sourceMap.runs;
      for (let i = 0; i < runs.length; i += 3) expect(c.text.slice(runs[i]!, runs[i]! + runs[i + 2]!)).toBe(loaded.rawText.slice(runs[i + 1]!, runs[i + 1]! + runs[i + 2]!));
    }
  });

  it.each<[string, (d: LoadedDocument) => Correction, string]>([
    ['a merge anchored on the first case', (d) => ({ ...correctionFor(d, { op: 'retitle', caseId: 'doc-01', title: 'x' }, { correctionId: 'k1', newCaseId: 'x' }), op: 'merge' }) as Correction, 'first-case'],
    ['a split where a case starts already', (d) => ({ op: 'split', id: 'k1', at: { start: d.cases[1]!.sourceMap.runs[1]!, exact: '领导重视', prefix: '' }, titleFromParagraph: true, newCaseId: 'doc-x1' }), 'case-start'],
    ['text that is not in the file', () => ({ op: 'retitle', id: 'k1', at: { start: 3, exact: '这段话从来没有', prefix: '' }, title: 'x' }), 'not-found'],
    ['text that is in no case', () => ({ op: 'retitle', id: 'k1', at: { start: 0, exact: '前言', prefix: '' }, title: 'x' }), 'no-case'],
    ['a split whose new id a case has', (d) => ({ ...(correctionFor(d, { op: 'split', caseId: 'doc-01', at: 10, titleFromParagraph: true }, { correctionId: 'k1', newCaseId: 'doc-03' }) as Correction) }), 'id-taken'],
    ['a heading change where no heading starts', (d) => correctionFor(d, { op: 'make-body', caseId: 'doc-02', at: 0 }, { correctionId: 'k1', newCaseId: 'x' }), 'not-a-heading'],
    ['a heading where one is', (d) => correctionFor(d, { op: 'make-heading', caseId: 'doc-03', at: 0, level: 1, kinds: ['other'] }, { correctionId: 'k1', newCaseId: 'x' }), 'already-a-heading'],
    ['a shape the document was not loaded as', () => ({ op: 'shape', id: 'k1', shape: 'newspaper' }), 'other-shape'],
  ])('lists %s as unfit and changes nothing', (_what, make, reason) => {
    const loaded = doc();
    const k = make(loaded);
    const result = applyCorrections(loaded, [k]);
    expect(result.unfit).toEqual([{ correction: k, reason }]);
    expect(result.document.cases).toEqual(loaded.cases);
  });

  it.each<[string, OutlineEdit, RegExp]>([
    ['a split at the first paragraph', { op: 'split', caseId: 'doc-02', at: 0, titleFromParagraph: true }, /already starts/],
    ['a merge of the last case', { op: 'merge', caseId: 'doc-03' }, /last case/],
    ['an unknown case', { op: 'retitle', caseId: 'doc-09', title: 'x' }, /no case "doc-09"/],
    ['an offset past the end', { op: 'make-body', caseId: 'doc-02', at: 999 }, /past the end/],
    // Its last paragraph as a new case's title would leave that case no text at all.
    ['a split at the last paragraph that takes it as the title', { op: 'split', caseId: 'doc-03', at: '一、工作背景\n'.length, titleFromParagraph: true }, /no text after it/],
  ])('refuses %s with a reason', (_what, e, message) => {
    expect(() => correctionFor(doc(), e, { correctionId: 'k1', newCaseId: 'doc-x1' })).toThrow(EditRefused);
    expect(() => correctionFor(doc(), e, { correctionId: 'k1', newCaseId: 'doc-x1' })).toThrow(message);
  });

  it('splits at the last paragraph when it stays as text, under a title given', () => {
    const loaded = doc();
    const list = edit(loaded, [], { op: 'split', caseId: 'doc-03', at: '一、工作背景\n'.length, titleFromParagraph: false, title: '丙区的做法' });
    const after = applyCorrections(loaded, list).document;
    expect(after.cases.at(-1)).toMatchObject({ id: 'doc-x1', title: '丙区的做法', text: '丙区有社区32个。' });
    expect(after.cases.at(-2)!.text).toBe('一、工作背景');
  });

  it('keeps the case it was given when a later correction names a case that was dropped', () => {
    const loaded = doc();
    let list = edit(loaded, [], { op: 'drop-case', caseId: 'doc-02' });
    const stale = correctionFor(loaded, { op: 'retitle', caseId: 'doc-02', title: '新标题' }, { correctionId: 'k9', newCaseId: 'x' });
    list = [...list, stale];
    const result = applyCorrections(loaded, list);
    expect(result.unfit).toEqual([{ correction: stale, reason: 'no-case' }]);
    expect(titles(result.document)).toEqual(['甲市推进健康促进', '丙区打造健康社区']);
  });
});

describe('corrections re-apply after a re-load', () => {
  /** The three fixes a reviewer makes on the hand-made document, one after the other. */
  const fixes = (loaded: LoadedDocument) => {
    let list: Correction[] = [];
    list = edit(loaded, list, { op: 'drop-text', caseId: 'doc-01', at: 0, to: 0 });
    const d1 = applyCorrections(loaded, list).document;
    list = edit(loaded, list, { op: 'split', caseId: 'doc-01', at: offsetOf(d1, 'doc-01', '乙县：创新慢病管理'), titleFromParagraph: true });
    list = edit(loaded, list, { op: 'merge', caseId: 'doc-x1' });
    list = edit(loaded, list, { op: 'retitle', caseId: 'doc-03', title: '打造健康社区' });
    list = edit(loaded, list, { op: 'set-region', caseId: 'doc-03', region: '丙区' });
    return list;
  };

  it('gives the same outline on the same text loaded again', () => {
    const list = fixes(doc());
    const first = applyCorrections(doc(), list);
    const again = applyCorrections(doc(), JSON.parse(JSON.stringify(list)) as Correction[]);
    expect(again.unfit).toEqual([]);
    expect(again.document).toEqual(first.document);
    expect(titles(again.document)).toEqual(['甲市推进健康促进', '创新慢病管理', '打造健康社区']);
    expect(again.document.cases[1]!.text).toBe('一、工作背景\n乙县高血压患者约5万人𠀀。\n经验启示\n领导重视是前提 👩‍⚕️。');
  });

  it('finds its places again in a slightly edited file, and lists the correction whose text is gone', () => {
    const list = fixes(doc());
    const edited = handMadeDocument([
      { ...SPECS[0]!, paragraphs: ['目录：见下', '新加的一段说明文字。', ...SPECS[0]!.paragraphs.slice(1, 4), '建立工作机制，统筹推进。', ...SPECS[0]!.paragraphs.slice(5)] },
      SPECS[1]!,
      { ...SPECS[2]!, paragraphs: ['丙区有社区32个，常住人口45万。'], headings: [] },
    ]);
    const result = applyCorrections(edited, list);
    expect(titles(result.document)).toEqual(['甲市推进健康促进', '创新慢病管理', '丙区打造健康社区']);
    // The front matter drop covered one paragraph; the new paragraph after it stays.
    expect(result.document.cases[0]!.text.startsWith('新加的一段说明文字。\n一、工作背景')).toBe(true);
    expect(result.document.cases[0]!.text).toContain('建立工作机制，统筹推进。');
    // The retitle and region were anchored on 丙区's first paragraph "一、工作背景", which is gone:
    // the other cases' "一、工作背景" are not taken for it.
    expect(result.unfit.map((u) => [u.correction.op, u.reason])).toEqual([
      ['retitle', 'not-found'],
      ['set-region', 'not-found'],
    ]);
    expect(result.document.cases[2]).toMatchObject({ title: '丙区打造健康社区', region: null });
  });

  it('lists what no longer fits when the anchored text is gone', () => {
    const loaded = doc();
    const list = edit(loaded, [], { op: 'make-body', caseId: 'doc-03', at: 0 });
    const edited = handMadeDocument([SPECS[0]!, SPECS[1]!, { title: '丙区打造健康社区', paragraphs: ['丙区有社区32个。'] }]);
    const result = applyCorrections(edited, list);
    expect(result.unfit.map((u) => [u.correction.id, u.reason])).toEqual([['k1', 'not-found']]);
  });
});

describe('on the real loader', () => {
  const MD = [
    '# 甲市：推进全民健康促进',
    '## 一、工作背景',
    '近年来，甲市居民健康素养水平从2019年的18.2%提高到2023年的29.5%。',
    '## 二、主要做法',
    '（一）健全工作机制。市政府成立健康促进委员会。',
    '# 三、经验启示',
    '领导重视是前提，部门协同是关键。',
    '# 乙县：创新慢性病管理新模式',
    '## 一、工作背景',
    '乙县高血压患者约5万人，规范管理率不足40%。',
    '丙区：打造健康社区',
    '## 一、工作背景',
    '丙区有社区32个，常住人口45万人。',
  ].join('\n\n');

  /** The case holding a paragraph, and the paragraph's offset in it. */
  const find = (d: LoadedDocument, text: string) => {
    const c = d.cases.find((x) => x.text.split('\n').includes(text));
    if (!c) throw new Error(`no case holds the paragraph "${text}": the loader reads the fixture differently now`);
    return { caseId: c.id, at: c.text.split('\n').indexOf(text) === 0 ? 0 : c.text.indexOf(`\n${text}`) + 1 };
  };
  const fix = (loaded: LoadedDocument) => {
    let list: Correction[] = [];
    const cur = () => applyCorrections(loaded, list).document;
    const bing = find(cur(), '丙区：打造健康社区');
    list = edit(loaded, list, { op: 'split', caseId: bing.caseId, at: bing.at, titleFromParagraph: true });
    // Whatever case the loader made of "三、经验启示", it belongs to 甲市's case.
    const now = cur().cases;
    const lessons = now.findIndex((c) => c.title.includes('经验启示'));
    if (lessons > 0) {
      const before = now[lessons - 1]!;
      list = edit(loaded, list, { op: 'merge', caseId: before.id });
    }
    return list;
  };

  it('re-applies to the same bytes loaded again, and to an edited file', () => {
    const bytes = new TextEncoder().encode(MD);
    const loaded = loadDocument(bytes, 'fix.md');
    const list = fix(loaded);
    const first = applyCorrections(loaded, list);
    expect(first.unfit).toEqual([]);
    const again = applyCorrections(loadDocument(new TextEncoder().encode(MD), 'fix.md'), list);
    expect(again.document.cases).toEqual(first.document.cases);
    const bing = again.document.cases.find((c) => c.title.includes('打造健康社区'))!;
    expect(bing.region).toBe('丙区');
    expect(bing.text).toBe(first.document.cases.find((c) => c.title.includes('打造健康社区'))!.text);

    const edited = MD.replace('近年来，', '近五年来，').replace('丙区有社区32个', '丙区共有社区32个');
    const later = applyCorrections(loadDocument(new TextEncoder().encode(edited), 'fix.md'), list);
    expect(later.unfit).toEqual([]);
    expect(later.document.cases.map((c) => c.title)).toEqual(first.document.cases.map((c) => c.title));
    expect(later.document.cases.find((c) => c.title.includes('打造健康社区'))!.text).toContain('丙区共有社区32个');
  });
});
