import { describe, expect, it } from 'vitest';
import { MappedString } from '../mapped-string.ts';
import type { Paragraph } from '../paragraphs.ts';
import { blockCues } from './block-heading.ts';

const para = (text: string, extra: Partial<Paragraph> = {}): Paragraph => ({ text: MappedString.fromRaw(text), firstLine: 0, lastLine: 0, lineCount: 1, maxWidth: 0, columnWidth: 0, ...extra });

describe('what a block says by itself', () => {
  it.each<[string, Partial<Paragraph>, string | null, string | null]>([
    ['一、工作背景', {}, 'n:cn', 'background'],
    ['（一）工作背景', {}, 'n:paren-cn', 'background'],
    ['01 主要做法', {}, 'n:zero-digit', 'practices'],
    ['【经验启示】', {}, 'bracket', 'lessons'],
    ['存在问题', {}, 'plain', 'problems'],
    ['1．鹤壁市：创新模式 全民共建 努力实现健康科普全覆盖', {}, 'n:digit', null],
    ['案例3', {}, 'marker', null],
    ['创新模式 全民共建', { mdHeading: 2 }, 'h2', null],
    ['创新模式 全民共建', { style: { bold: true } }, 'plain:b', null],
    ['案例名称：推动控烟立法', {}, 'field', null],
    ['近年来，全市持续推进控烟工作，取得明显成效。', {}, null, null],
    ['（一）加强领导。成立了以市长为组长的领导小组，统筹推进各项工作。', {}, null, null],
  ])('%s', (text, extra, cls, kind) => {
    const c = blockCues(para(text, extra));
    expect(c.heading?.cls ?? null).toBe(cls);
    expect(c.heading?.kinds?.[0] ?? null).toBe(kind);
  });

  it.each([
    ['——鹤壁市', 'attribution'],
    ['本报讯（记者 张三）近日，我市召开会议。', 'dateline'],
    ['——第9届互联网+健康中国大会分论坛侧记', 'subtitle'],
    ['案例类别：重点人群篇', 'category'],
    ['案例正文：', 'label'],
  ] as const)('%s is a %s', (text, cue) => {
    const c = blockCues(para(text));
    expect(Boolean(c[cue])).toBe(true);
    expect(c.heading).toBeNull();
  });
});
