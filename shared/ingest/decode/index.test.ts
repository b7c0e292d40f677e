import { describe, expect, it } from 'vitest';
import { IngestError } from '../errors.ts';
import { decodeSource } from './index.ts';

const enc = (s: string) => new Uint8Array(Buffer.from(s));

describe('decodeSource picks an input decoder per kind of input', () => {
  it.each([
    ['plain text', 'notes.txt', '一、工作背景\n体重是评价人体营养的重要指标。\n', 'plain-text'],
    ['Markdown by extension', 'case.md', '# 标题\n正文。\n', 'markdown'],
    ['Markdown by its look', 'case.txt', '# **文件**\n\n## 一、工作背景\n\n正文。\n\n### 二、主要做法\n\n**一是**加强领导。\n', 'markdown'],
    ['tab-separated by its look', 'table.txt', '序号\t省\t市\t县\n1\t浙江省\t宁波市\t象山县\n\t典型经验：……\t\t\n2\t上海市\t黄浦区\t\n', 'tab-separated'],
  ] as const)('%s', (_name, file, text, kind) => {
    expect(decodeSource(enc(text), file).kind).toBe(kind);
  });

  it('strips Markdown markers and keeps their hints', () => {
    const { lines } = decodeSource(enc('## **三、推进成效**\n\n**（一）群众意识增强。**通过宣传。\n\n---\n'), 'a.md');
    expect(lines.map((l) => l.text.text)).toEqual(['三、推进成效', '', '（一）群众意识增强。通过宣传。', '', '', '']);
    expect(lines[0]!.mdHeading).toBe(2);
    expect(lines[2]!.boldLead).toBe('（一）群众意识增强。');
  });

  it('strips HTML tags and entities and maps what is left to the raw text', () => {
    const raw = '<p>典型经验：象山县&nbsp;打造品牌。</p>';
    const { lines, rawText } = decodeSource(enc(raw), 'a.txt');
    const line = lines[0]!.text;
    expect(line.text).toBe('典型经验：象山县 打造品牌。');
    const i = line.text.indexOf('打造');
    expect(rawText.slice(line.toRaw(i), line.toRaw(i) + 2)).toBe('打造');
  });

  it('handles CRLF, CR and LF line ends alike', () => {
    for (const eol of ['\r\n', '\r', '\n']) {
      const { lines } = decodeSource(enc(['一、背景', '正文。', ''].join(eol)), 'a.txt');
      expect(lines.map((l) => l.text.text)).toEqual(['一、背景', '正文。', '']);
    }
  });

  it.each([
    ['a PDF', enc('%PDF-1.7\n…'), /a\.pdf: this is a PDF file/],
    ['a broken zip', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /a\.docx: is a zip file that cannot be opened/],
  ])('names %s instead of decoding it as garbage', (_name, bytes, message) => {
    const file = _name === 'a PDF' ? 'a.pdf' : 'a.docx';
    expect(() => decodeSource(bytes, file)).toThrow(IngestError);
    expect(() => decodeSource(bytes, file)).toThrow(message);
  });
});

describe('invisible characters', () => {
  it.each([
    ['a zero-width space PDFs leave', '健康\u200b中国', '健康中国'],
    ['a BOM inside a line', '健康\ufeff中国', '健康中国'],
    ['a joiner that joins nothing', '健康\u200d中国', '健康中国'],
    ['a joiner that makes one emoji of three', '家庭👨\u200d👩\u200d👧参与', '家庭👨\u200d👩\u200d👧参与'],
    ['a joiner after an emoji with its variation selector', '❤\ufe0f\u200d🔥', '❤\ufe0f\u200d🔥'],
  ])('%s', (_what, line, expected) => {
    expect(decodeSource(enc(`${line}\n`), 'a.txt').lines[0]!.text.text).toBe(expected);
  });
});
