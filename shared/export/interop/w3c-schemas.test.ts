import { describe, expect, it } from 'vitest';
import { exportDataset } from '../index.ts';
import { awkwardDataset, seedDataset } from './datasets.fixture.ts';
import { assertions, failures } from './web-annotation-suite.fixture.ts';

/**
 * casebench's W3C export against the W3C Web Annotation test suite's own MUST assertions:
 * the collection, its embedded page, and every annotation taken out of the collection on its own
 * (as a consumer that stores or forwards annotations one by one has them).
 */
const pageMusts = assertions('collections/pages/');
const collectionMusts = assertions('collections/');
const annotationMusts = assertions('annotations/');

const collectionOf = (dataset: ReturnType<typeof seedDataset>) => JSON.parse(exportDataset(dataset, 'w3c').files[0]!.data as string) as { first: { items: unknown[] } };

describe.each([
  ['the seeds, three reviewers with outlines', seedDataset],
  ['𠀀, 😀, line separators and overlaps', awkwardDataset],
])('w3c export of %s', (_name, dataset) => {
  it('has the suite’s assertions to run', () => {
    expect([pageMusts.length, collectionMusts.length, annotationMusts.length]).toEqual([11, 2, 6]);
  });

  it('passes every page MUST (5.2), the page embedded as the collection’s first', () => {
    expect(failures(pageMusts, collectionOf(dataset()))).toEqual([]);
  });

  it('passes the collection MUSTs (5.1)', () => {
    expect(failures(collectionMusts, collectionOf(dataset()))).toEqual([]);
  });

  it('passes every annotation MUST (3.1, 3.2.5) for each annotation taken out of the collection', () => {
    const items = collectionOf(dataset()).first.items;
    expect(items.length).toBeGreaterThan(5);
    const failed = items.flatMap((item, i) => failures(annotationMusts, item).map((f) => `item ${i}: ${f}`));
    expect(failed).toEqual([]);
  });
});

describe('the suite itself', () => {
  it('fails a page without an id and an annotation without @context, so a pass means something', () => {
    const page = { type: 'AnnotationPage', items: [] };
    expect(failures(pageMusts, page)).toEqual([expect.stringMatching(/^5\.2-pageIdValidated\.json: ERROR: Annotation Page is missing id key/)]);
    const annotation = { id: 'urn:x:1', type: 'Annotation', target: 'urn:x:t' };
    expect(failures(annotationMusts, annotation)).toEqual([expect.stringMatching(/^3\.1-annotationContextValidated\.json/)]);
  });
});
