import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../errors.ts';
import { loadDocument } from '../load.ts';

const NS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"';
/** An .odt as LibreOffice writes one: the mimetype entry first and stored, then content.xml. */
const odt = (body: string) =>
  zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8(`<?xml version="1.0"?><office:document-content ${NS}><office:body><office:text>${body}</office:text></office:body></office:document-content>`) });

describe('OpenDocument text (.odt)', () => {
  it('loads headings, paragraphs, spaces, notes left out and tables as rows', () => {
    const doc = loadDocument(
      odt(
        '<text:h text:outline-level="1">创新模式<text:s/>全民共建</text:h><text:p>——鹤壁市</text:p>' +
          '<text:h text:outline-level="2">一、工作背景</text:h><text:p>近年来，鹤壁市𠀀😀坚持<text:note><text:note-body><text:p>脚注</text:p></text:note-body></text:note>发展理念。</text:p>' +
          '<text:h text:outline-level="2">二、主要做法</text:h><text:p>建立机制&amp;开展工作。</text:p>' +
          '<table:table><table:table-row><table:table-cell><text:p>指标</text:p></table:table-cell><table:table-cell><text:p>2021年</text:p></table:table-cell></table:table-row>' +
          '<table:table-row><table:table-cell><text:p>健康素养水平</text:p></table:table-cell><table:table-cell><text:p>26.82%</text:p></table:table-cell></table:table-row></table:table>' +
          '<text:h text:outline-level="2">三、经验启示</text:h><text:p>领导重视是前提。</text:p>',
      ),
      'case.odt',
    );
    expect(doc.encoding).toBe('odt');
    const c = doc.cases[0]!;
    expect([c.title, c.region]).toEqual(['创新模式 全民共建', '鹤壁市']);
    expect(c.text.split('\n')).toEqual(['一、工作背景', '近年来，鹤壁市𠀀😀坚持发展理念。', '二、主要做法', '建立机制&开展工作。', '指标\t2021年', '健康素养水平\t26.82%', '三、经验启示', '领导重视是前提。']);
    expect(c.sections.filter((s) => s.level === 1).map((s) => s.kinds[0])).toEqual(['background', 'practices', 'lessons']);
  });

  it.each([
    ['an empty document', odt('<text:p/>'), 'empty', /no text/],
    ['an old Word .doc', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'unsupported', /save it as \.docx/],
    ['an RTF file', strToU8('{\\rtf1\\ansi 健康}'), 'unsupported', /RTF file; save it as \.docx/],
  ])('refuses %s with what to do', (_what, bytes, code, message) => {
    let error: unknown;
    try {
      loadDocument(bytes, 'in/file.bin');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe(code);
    expect((error as IngestError).message).toMatch(/^in\/file\.bin: /);
    expect((error as IngestError).message).toMatch(message);
  });
});
