import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportDataset, parseExport } from '../index.ts';
import type { TaggedSection } from '../../model/index.ts';
import { buildDataset, withReviews } from '../testing/datasets.ts';
import type { ExportDataset } from '../types.ts';
import { REFI_GUID } from '../uuid.ts';
import { claimOriginalSize } from '../../zip/crafted-zip.fixture.ts';

// 😀 and 𠀀 come before the spans: REFI-QDA positions count code points, so they shift by one each.
const TEXT = '😀前言𠀀：素养水平26.82%，<提升>&"显著"';
const dataset = () =>
  buildDataset(
    [
      { id: 'hb-01', text: TEXT, title: '河北 <案例> & "一"', region: '河北省', part: '健康影响因素篇' },
      { id: 'hb-02', text: '第二个案例', title: '' },
    ],
    [
      { caseId: 'hb-01', start: TEXT.indexOf('26.82%'), end: TEXT.indexOf('26.82%') + 6, label: 'indicator', reviewer: 'alice', fields: { metric: '素养水平', value: 26.82, unit: '%' }, note: 'checked <twice> & "ok"\nline 2' },
      { caseId: 'hb-01', start: 0, end: TEXT.length, label: 'practice', reviewer: '张三' },
      { caseId: 'hb-02', start: 0, end: 2, label: 'custom-label', reviewer: 'alice' },
    ],
  );

function unpack(ds: ExportDataset = dataset()) {
  const [file] = exportDataset(ds, 'qdpx').files;
  expect(file!.path).toBe('dataset.qdpx');
  const entries = unzipSync(file!.data as Uint8Array);
  const qde = strFromU8(entries['project.qde']!);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => ['User', 'Code', 'TextSource', 'PlainTextSelection', 'Note', 'Variable', 'VariableValue'].includes(n), htmlEntities: true, parseAttributeValue: false, parseTagValue: false });
  return { entries, qde, project: parser.parse(qde).Project };
}

describe('qdpx export', () => {
  it('writes well-formed XML in the REFI-QDA project namespace', () => {
    const { qde, project } = unpack();
    expect(XMLValidator.validate(qde)).toBe(true);
    expect(qde.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(project.xmlns).toBe('urn:QDA-XML:project:1.0');
    expect(project.origin).toBe('casebench');
  });

  it('has the required elements, in the order the schema sequence sets', () => {
    const { qde, project } = unpack();
    const order = ['<Users>', '<CodeBook>', '<Variables>', '<Sources>', '<Notes>'].map((tag) => qde.indexOf(tag));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(project.Users.User.map((u: { name: string }) => u.name)).toEqual(['alice', '张三']);
    const codes = project.CodeBook.Codes.Code;
    expect(codes.map((c: { name: string }) => c.name)).toEqual(['指标', '经验启示', '主要做法', '创新点', '政策文件', '问题与挑战', 'custom-label']);
    expect(codes[0]).toMatchObject({ isCodable: 'true', color: '#FFD54F', Description: 'casebench label id: indicator\nIndicator' });
    expect(codes.at(-1).color).toBeUndefined();
  });

  it('stores each case text as sources/<guid>.txt and points the TextSource at it', () => {
    const { entries, project } = unpack();
    const sources = project.Sources.TextSource;
    expect(sources).toHaveLength(2);
    for (const [i, text] of [TEXT, '第二个案例'].entries()) {
      const { guid, plainTextPath } = sources[i];
      expect(plainTextPath).toBe(`internal://${guid}.txt`);
      expect(strFromU8(entries[`sources/${guid}.txt`]!)).toBe(text);
    }
    expect(sources[0].name).toBe('河北 <案例> & "一"');
    expect(sources[1].name).toBe('hb-02');
    expect(sources[0].VariableValue.map((v: { TextValue: string }) => v.TextValue)).toEqual(['hb-01', '河北省', '健康影响因素篇']);
  });

  it('places selections in code points, coded, created by their reviewer, with notes', () => {
    const { project } = unpack();
    // Selections are in text order: the practice covering the whole text starts first.
    const [practice, indicator] = project.Sources.TextSource[0].PlainTextSelection;
    // "😀前言𠀀：素养水平" is 9 code points (11 UTF-16 units) before 26.82%.
    expect([indicator.startPosition, indicator.endPosition]).toEqual(['9', '15']);
    expect([practice.startPosition, practice.endPosition]).toEqual(['0', String([...TEXT].length)]);
    const users = Object.fromEntries(project.Users.User.map((u: { name: string; guid: string }) => [u.guid, u.name]));
    expect(users[indicator.creatingUser]).toBe('alice');
    const codeGuid = project.CodeBook.Codes.Code[0].guid;
    expect(indicator.Coding.CodeRef.targetGUID).toBe(codeGuid);
    expect(indicator.Description).toBe('casebench fields: {"metric":"素养水平","value":26.82,"unit":"%"}');
    expect(project.Notes.Note[0].guid).toBe(indicator.NoteRef.targetGUID);
    expect(project.Notes.Note[0].PlainTextContent).toBe('checked <twice> & "ok"\nline 2');
    expect(indicator.creationDateTime).toBe('2024-05-01T08:00:00.000Z');
  });

  it('gives every element a valid, unique GUID, the same on every export', () => {
    const { qde } = unpack();
    const guids = [...qde.matchAll(/ guid="([^"]+)"/g)].map((m) => m[1]!);
    expect(guids.length).toBeGreaterThan(10);
    for (const g of guids) expect(g).toMatch(REFI_GUID);
    expect(new Set(guids).size).toBe(guids.length);
    for (const ref of qde.matchAll(/(?:targetGUID|creatingUser)="([^"]+)"/g)) expect(guids).toContain(ref[1]);
    expect(exportDataset(dataset(), 'qdpx').files[0]!.data).toEqual(exportDataset(dataset(), 'qdpx').files[0]!.data);
  });

  it('writes reviewers’ section tags as selections coded with section-kind codes under 章节, and reads them back', () => {
    const section: TaggedSection = { heading: '😀前言𠀀', numbering: '一、', level: 1, kinds: ['background', 'lessons'], start: 0, headingEnd: 6, end: TEXT.length, source: 'reviewer', confirmed: true };
    const ds = withReviews(dataset(), [{ caseId: 'hb-01', reviewer: 'bob', review: { status: 'done', sections: [section], meta: { tags: ['X'] } } }]);
    const { project } = unpack(ds);
    expect(project.Users.User.map((u: { name: string }) => u.name)).toEqual(['alice', 'bob', '张三']);
    const group = project.CodeBook.Codes.Code.at(-1);
    expect([group.name, group.isCodable, group.Description]).toEqual(['章节', 'false', 'casebench section kinds\nSection kinds']);
    expect(group.Code.map((c: { name: string }) => c.name)).toEqual(['章节·工作背景', '章节·主要做法', '章节·成效', '章节·经验启示', '章节·存在问题', '章节·下一步', '章节·其他']);
    const selection = project.Sources.TextSource[0].PlainTextSelection.at(-1);
    // Code points: 😀 and 𠀀 count one each.
    expect([selection.name, selection.startPosition, selection.endPosition]).toEqual(['😀前言𠀀', '0', String([...TEXT].length)]);
    expect(selection.Coding.map((c: { CodeRef: { targetGUID: string } }) => c.CodeRef.targetGUID)).toEqual([group.Code[0].guid, group.Code[3].guid]);
    expect(JSON.parse(selection.Description.slice('casebench section: '.length))).toEqual({ heading: '😀前言𠀀', numbering: '一、', level: 1, headingEnd: 4, source: 'reviewer', confirmed: true });

    const parsed = parseExport('qdpx', exportDataset(ds, 'qdpx').files);
    expect(parsed.issues).toEqual([]);
    expect(parsed.spans.map((s) => s.label)).toEqual(['practice', 'indicator', 'custom-label']);
    expect(parsed.cases[0]!.reviews).toEqual({ bob: { sections: [section] } });
  });

  it('reads a section coded in a QDA program without casebench’s description: kinds and range, its name as heading', () => {
    const ds = withReviews(dataset(), [{ caseId: 'hb-02', reviewer: 'alice', review: { status: 'todo', sections: [{ heading: '第二', numbering: '', level: 2, kinds: ['results'], start: 0, headingEnd: 2, end: 5, source: 'loader', confirmed: false }] } }]);
    const entries = unzipSync(exportDataset(ds, 'qdpx').files[0]!.data as Uint8Array);
    const qde = strFromU8(entries['project.qde']!).replace(/<Description>casebench section: [^<]*<\/Description>/, '');
    const parsed = parseExport('qdpx', [{ path: 'x.qdpx', data: zipSync({ ...entries, 'project.qde': strToU8(qde) }) }]);
    expect(parsed.cases[1]!.reviews).toEqual({ alice: { sections: [{ heading: '第二', kinds: ['results'], level: 1, start: 0, end: 5 }] } });
  });

  it('replaces characters XML cannot carry, and says so', () => {
    const ds = dataset();
    ds.spans[0]!.note = 'form\ffeed and a lone \uD800 surrogate';
    const result = exportDataset(ds, 'qdpx');
    expect(result.warnings.map((w) => w.code)).toContain('xml-char-replaced');
    const qde = strFromU8(unzipSync(result.files[0]!.data as Uint8Array)['project.qde']!);
    expect(XMLValidator.validate(qde)).toBe(true);
    expect(qde).toContain('form\uFFFDfeed and a lone \uFFFD surrogate');
  });
});

describe('qdpx import', () => {
  it('reads a project.qde with inline PlainTextContent, nested codes and no casebench markers', () => {
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="from MAXQDA">
  <Users><User guid="11111111-1111-1111-1111-111111111111" name="Li"/></Users>
  <CodeBook><Codes>
    <Code guid="22222222-2222-2222-2222-222222222222" name="Results" isCodable="true">
      <Code guid="33333333-3333-3333-3333-333333333333" name="Numbers" isCodable="true"/>
    </Code>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="44444444-4444-4444-4444-444444444444" name="Interview 1">
      <PlainTextContent>😀 rose to 26.82%</PlainTextContent>
      <PlainTextSelection guid="55555555-5555-5555-5555-555555555555" startPosition="10" endPosition="16" creatingUser="11111111-1111-1111-1111-111111111111">
        <Coding guid="66666666-6666-6666-6666-666666666666"><CodeRef targetGUID="33333333-3333-3333-3333-333333333333"/></Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
</Project>`;
    const parsed = parseExport('qdpx', [{ path: 'x.qdpx', data: zipSync({ 'project.qde': strToU8(qde) }) }]);
    expect(parsed.issues).toEqual([]);
    expect(parsed.spans).toEqual([{ caseId: 'Interview 1', start: 11, end: 17, label: 'Numbers', quote: '26.82%', reviewer: 'Li', fields: {} }]);
  });

  it.each([
    ['text instead of zip bytes', 'PK not really', /zip archive: pass its bytes/],
    ['bytes that are not a zip', new Uint8Array([1, 2, 3, 4]), /not a readable zip archive/],
    ['a zip without project.qde', zipSync({ 'readme.txt': strToU8('hi') }), /no project\.qde/],
    ['malformed XML', zipSync({ 'project.qde': strToU8('<Project><Sources></Project>') }), /not well-formed XML/],
    ['another root element', zipSync({ 'project.qde': strToU8('<Codebook/>') }), /no <Project> root/],
    [
      'a source whose text is missing',
      zipSync({ 'project.qde': strToU8('<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources><TextSource guid="44444444-4444-4444-4444-444444444444" name="s" plainTextPath="internal://gone.txt"/></Sources></Project>') }),
      /TextSource "s": its text \(internal:\/\/gone\.txt\) is not in the archive/,
    ],
    // A zip bomb: 5 MiB of one comment squeezed into a few KiB is refused, not inflated.
    ['a project.qde that expands hundreds of times', zipSync({ 'project.qde': strToU8(`<Project>${'<!-- 健康促进 -->'.repeat(300_000)}</Project>`) }, { level: 9 }), /project\.qde expands \d+ times .* more than the 100 times a REFI-QDA project ever does/],
    ['a project.qde whose header claims 300 MiB', claimOriginalSize(zipSync({ 'project.qde': strToU8('<Project/>') }, { level: 0 }), 'project.qde', 300 * 1048576), /project\.qde expands \d+ times/],
  ])('reports %s', (_name, data, message) => {
    const parsed = parseExport('qdpx', [{ path: 'x.qdpx', data }]);
    expect(parsed.spans).toEqual([]);
    expect(parsed.issues.map((i) => i.message).join('\n')).toMatch(message);
  });

  it('reads the project and its texts, not the other files a QDA program keeps (PDFs, audio)', () => {
    const [file] = exportDataset(dataset(), 'qdpx').files;
    // zeros expand far more than 100 times, but a source PDF is never read
    const withMedia = zipSync({ ...unzipSync(file!.data as Uint8Array), 'sources/recording.pdf': new Uint8Array(4 * 1048576) });
    const parsed = parseExport('qdpx', [{ path: 'x.qdpx', data: withMedia }]);
    expect(parsed.issues).toEqual([]);
    expect(parsed.spans).toHaveLength(3);
  });

  it('reports selections outside the text and codings of unknown codes', () => {
    const result = exportDataset(dataset(), 'qdpx');
    const entries = unzipSync(result.files[0]!.data as Uint8Array);
    const qde = strFromU8(entries['project.qde']!)
      .replace(/startPosition="9" endPosition="15"/, 'startPosition="9" endPosition="999"')
      .replace(/(<PlainTextSelection[^>]*startPosition="0"[\s\S]*?<CodeRef targetGUID=")[^"]+/, '$100000000-0000-0000-0000-000000000000');
    const parsed = parseExport('qdpx', [{ path: 'x.qdpx', data: zipSync({ ...entries, 'project.qde': strToU8(qde) }) }]);
    expect(parsed.issues.map((i) => i.message)).toEqual([expect.stringMatching(/coded with 00000000-0000-0000-0000-000000000000, which is not in the CodeBook/), expect.stringMatching(/positions 9–999 are not within the text \(25 characters\)/)]);
    expect(parsed.spans.map((s) => s.label)).toEqual(['custom-label']);
  });
});
