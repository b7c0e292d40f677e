import { describe, expect, it } from 'vitest';
import { SEGMENT_LEVELS, splitAfter, splitParagraphs } from './segments.ts';

describe('splitAfter', () => {
  it.each([
    ['', '\n', []],
    ['一', '\n', ['一']],
    ['一\n二', '\n', ['一\n', '二']],
    ['一\n\n二\n', '\n', ['一\n', '\n', '二\n']],
    ['抓实重点。一是建机制；二是讲科普！', SEGMENT_LEVELS[1], ['抓实重点。', '一是建机制；', '二是讲科普！']],
    ['全社会、各部门，积极开展', SEGMENT_LEVELS[2], ['全社会、', '各部门，', '积极开展']],
    ['𠀀村。😀', SEGMENT_LEVELS[1], ['𠀀村。', '😀']],
  ] as const)('%j', (text, marks, segments) => {
    expect(splitAfter(text, marks)).toEqual(segments);
    expect(splitAfter(text, marks).join('')).toBe(text);
  });

  it('cuts paragraphs after each line break', () => {
    expect(splitParagraphs('一、背景\n正文')).toEqual(['一、背景\n', '正文']);
  });
});
