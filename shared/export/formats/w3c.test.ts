import { describe, expect, it } from 'vitest';
import { exportDataset, parseExport } from '../index.ts';
import { buildDataset, withReviews } from '../testing/datasets.ts';

const TEXT = '😀健康𠀀素养水平达到26.82%，较上年提升';
const START = TEXT.indexOf('26.82%');
const dataset = () =>
  buildDataset(
    [{ id: 'hb 01', text: TEXT, title: '河北' }],
    [{ caseId: 'hb 01', start: START, end: START + 6, label: 'indicator', reviewer: '张三', fields: { value: 26.82, unit: '%', year: null }, note: '见表2' }],
  );
const collectionOf = () => JSON.parse(exportDataset(dataset(), 'w3c').files[0]!.data as string);

describe('w3c export', () => {
  it('writes a reviewer’s section tags as classifying annotations over the section, and reads them back', () => {
    const section = { heading: '😀健康𠀀', numbering: '', level: 1, kinds: ['practices' as const, 'results' as const], start: 0, headingEnd: 6, end: TEXT.length, source: 'loader' as const, confirmed: true };
    const ds = withReviews(dataset(), [{ caseId: 'hb 01', reviewer: 'bob', review: { status: 'done', sections: [section] } }]);
    const out = exportDataset(ds, 'w3c').files;
    const anno = JSON.parse(out[0]!.data as string).first.items[1];
    expect(anno).toEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:casebench:section:hb%2001:bob:0',
      type: 'Annotation',
      motivation: 'classifying',
      creator: { id: 'urn:casebench:reviewer:bob', type: 'Person', nickname: 'bob' },
      body: [
        { type: 'TextualBody', purpose: 'classifying', value: 'practices' },
        { type: 'TextualBody', purpose: 'classifying', value: 'results' },
        { type: 'TextualBody', purpose: 'describing', format: 'application/json', value: '{"heading":"😀健康𠀀","numbering":"","level":1,"headingEnd":4,"source":"loader","confirmed":true}' },
      ],
      target: { source: 'urn:casebench:case:hb%2001', selector: { type: 'TextPositionSelector', start: 0, end: [...TEXT].length } },
    });
    const parsed = parseExport('w3c', out);
    expect(parsed.issues).toEqual([]);
    expect(parsed.spans).toHaveLength(1);
    expect(parsed.cases[0]!.reviews).toEqual({ bob: { sections: [section] } });
  });

  it('is an AnnotationCollection with the Web Annotation context first', () => {
    const c = collectionOf();
    expect(c['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(c.type).toBe('AnnotationCollection');
    expect(c.total).toBe(1);
    expect(c.first).toMatchObject({ id: 'urn:casebench:project:%E6%B5%8B%E8%AF%95%E9%A1%B9%E7%9B%AE:page:0', type: 'AnnotationPage', partOf: c.id, startIndex: 0 });
  });

  it('targets the case by URN with a quote selector and a position selector in code points', () => {
    const anno = collectionOf().first.items[0];
    expect(anno.target.source).toBe('urn:casebench:case:hb%2001');
    // 😀 and 𠀀 before the span: 12 UTF-16 units, 10 code points.
    expect(START).toBe(12);
    expect(anno.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: '26.82%', prefix: '😀健康𠀀素养水平达到', suffix: '，较上年提升' },
      { type: 'TextPositionSelector', start: 10, end: 16 },
    ]);
  });

  it('tags with the label, comments with the note, describes with the fields, and names its creator', () => {
    const anno = collectionOf().first.items[0];
    expect(anno.body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'indicator' },
      { type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: '见表2' },
      { type: 'TextualBody', purpose: 'describing', format: 'application/json', value: '{"value":26.82,"unit":"%","year":null}' },
    ]);
    expect(anno).toMatchObject({ type: 'Annotation', creator: { type: 'Person', nickname: '张三' }, created: '2024-05-01T08:00:00.000Z', modified: '2024-05-02T09:30:00.000Z' });
  });

  it('embeds the case texts so code points can be converted back', () => {
    expect(collectionOf()['casebench:sources']).toEqual([{ id: 'urn:casebench:case:hb%2001', type: 'Text', format: 'text/plain', label: '河北', value: TEXT }]);
  });
});

const anno = (target: unknown, body: unknown = { purpose: 'tagging', value: 'indicator' }) => ({ type: 'Annotation', body, target });

describe('w3c import', () => {
  const source = { '@context': 'http://www.w3.org/ns/anno.jsonld', 'casebench:sources': [{ id: 'urn:x:doc', value: TEXT }] };

  it('finds a span from a quote selector alone, preferring the occurrence whose context matches', () => {
    const text = '提升10%，再提升10%';
    const parsed = parseExport('w3c', [
      { path: 'a.jsonld', data: JSON.stringify({ 'casebench:sources': [{ id: 'doc', value: text }], items: [anno({ source: 'doc', selector: { type: 'TextQuoteSelector', exact: '10%', prefix: '再提升' } })] }) },
    ]);
    expect(parsed.spans).toEqual([{ caseId: 'doc', start: 9, end: 12, label: 'indicator', quote: '10%', fields: {} }]);
  });

  it.each([
    ['no target source', anno({ selector: [] }), /target has no source/],
    ['an unknown source', anno({ source: 'urn:x:other', selector: [] }), /no text for urn:x:other/],
    ['a position beyond the text', anno({ source: 'urn:x:doc', selector: { type: 'TextPositionSelector', start: 0, end: 99 } }), /end 99 is beyond the text \(22 code points\)/],
    ['reversed positions', anno({ source: 'urn:x:doc', selector: { type: 'TextPositionSelector', start: 5, end: 2 } }), /whole-number start ≤ end/],
    ['no selector', anno({ source: 'urn:x:doc' }), /no TextPositionSelector or TextQuoteSelector/],
    ['a quote not in the text', anno({ source: 'urn:x:doc', selector: { type: 'TextQuoteSelector', exact: '99%' } }), /quote "99%" not found/],
    ['no tagging body', anno({ source: 'urn:x:doc', selector: { type: 'TextPositionSelector', start: 0, end: 1 } }, { purpose: 'commenting', value: 'x' }), /no tagging body/],
  ])('reports an annotation with %s', (_name, annotation, message) => {
    const parsed = parseExport('w3c', [{ path: 'a.jsonld', data: JSON.stringify({ ...source, items: [annotation] }) }]);
    expect(parsed.spans).toEqual([]);
    expect(parsed.issues.map((i) => i.message)).toEqual([expect.stringMatching(message)]);
  });

  it('reports selectors that disagree with each other', () => {
    const selector = [
      { type: 'TextQuoteSelector', exact: '26.82%' },
      { type: 'TextPositionSelector', start: 0, end: 6 },
    ];
    const parsed = parseExport('w3c', [{ path: 'a.jsonld', data: JSON.stringify({ ...source, items: [anno({ source: 'urn:x:doc', selector })] }) }]);
    expect(parsed.issues.map((i) => i.message)).toEqual([expect.stringMatching(/quote "26.82%" differs from the text there "😀健康𠀀素养"/)]);
  });

  it('reports a document that is not a Web Annotation', () => {
    expect(parseExport('w3c', [{ path: 'a.jsonld', data: '{"hello": 1}' }]).issues).toEqual([{ file: 'a.jsonld', message: expect.stringMatching(/not a Web Annotation document/) }]);
  });
});
