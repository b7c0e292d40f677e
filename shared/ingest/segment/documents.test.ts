import { describe, expect, it } from 'vitest';
import { loadDocument } from '../load.ts';

const SECTIONS = (name: string) => ['一、工作背景', `${name}高度重视健康促进工作，把健康融入所有政策，加强组织领导，建立了完善的工作机制，各部门协同推进。`, '二、主要做法', `${name}建立了工作机制，开展健康科普，覆盖城乡居民，健康素养水平稳步提升，群众获得感明显增强。`, '三、工作成效', `${name}居民健康素养水平从2019年19.18%提升到2021年26.82%，成效明显，得到群众的广泛认可和好评。`];
const batch = (n: number, names: string[]) => names.flatMap((name, i) => [`第${n}批健康河北行动推进典型经验案例${'一二三四'[i]}`, `${name}推进健康促进的实践`, ...SECTIONS(name)]);
const news = ['健康报  2022年12月1日 星期四  第3版 · 健康中国', ...['聚焦重点合力攻坚', '打造健康江西示范县', '建立社会共治机制'].flatMap((h, i) => [h, `第${i + 1}篇报道的正文，记者走访了当地的卫生健康部门，了解到当地在健康中国行动中开展了一系列工作，取得了明显的成效，群众普遍表示满意。`, `这是第${i + 1}篇报道的第二段，介绍了下一步的工作打算和具体的措施安排，内容较长，包含了很多细节。`])];

describe('two documents in one file', () => {
  it('a batch, then a newspaper page under its masthead: both documents and all their cases', () => {
    const doc = loadDocument([...batch(2, ['石家庄市', '唐山市', '保定市']), ...news].join('\n'), 'x.txt');
    expect(doc.cases.map((c) => c.title)).toEqual(['石家庄市推进健康促进的实践', '唐山市推进健康促进的实践', '保定市推进健康促进的实践', '聚焦重点合力攻坚', '打造健康江西示范县', '建立社会共治机制']);
    expect(doc.warnings.find((w) => w.code === 'several-documents')?.severity).toBe('info');
    expect(doc.cases.map((c) => c.ordinal)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('a document is not split at its own attachments', () => {
    const notice = ['某省推进委员会办公室关于印发典型经验案例的通知', '各有关单位：', '现将典型经验案例印发给你们，请结合实际学习借鉴，认真抓好落实，推动各项工作取得新成效。', '附件1', '典型经验案例名单', '1．石家庄市：石家庄市推进健康促进的实践', '2．唐山市：唐山市推进健康促进的实践', '3．保定市：保定市推进健康促进的实践', '附件2'];
    const doc = loadDocument([...notice, ...['石家庄市', '唐山市', '保定市'].flatMap((name) => [`${name}推进健康促进的实践`, `——${name}`, ...SECTIONS(name)])].join('\n'), 'x.txt');
    expect(doc.cases).toHaveLength(3);
    expect(doc.warnings.some((w) => w.code === 'several-documents')).toBe(false);
  });
});

describe('a file of compendia', () => {
  const compendium = (book: string, names: string[], listed: string[]) => [
    `${book}典型案例汇编`,
    '目  录',
    ...listed.map((n, i) => `${i + 1}．${n}推进健康促进的实践 ………… ${i * 4 + 1}`),
    ...names.flatMap((n) => [`${n}推进健康促进的实践`, ...SECTIONS(n)]),
  ];

  it('each is a document of its own, and a table-of-contents entry no case carries is pointed at in its own table', () => {
    const text = [...compendium('甲省', ['石家庄市', '唐山市', '保定市'], ['石家庄市', '唐山市', '保定市']), ...compendium('乙省', ['郑州市', '开封市', '洛阳市'], ['郑州市', '开封市', '洛阳市', '安阳市'])].join('\n');
    const doc = loadDocument(text, 'x.txt');
    expect(doc.cases.map((c) => c.title.slice(0, 3))).toEqual(['石家庄', '唐山市', '保定市', '郑州市', '开封市', '洛阳市']);
    const missing = doc.warnings.find((w) => w.code === 'toc-entry-missing')!;
    expect(doc.rawText.slice(missing.at!.start, missing.at!.end)).toBe('4．安阳市推进健康促进的实践 ………… 13');
  });
});
