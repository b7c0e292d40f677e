import { describe, expect, it } from 'vitest';
import { scoreDocument } from '../../bench/loader-score.ts';
import { docModel } from '../../scripts/loader-variants/model.ts';
import { nativeFlow } from '../../scripts/loader-variants/native.ts';
import { Prng } from '../../scripts/loader-variants/prng.ts';
import { readAllTruth, type SeedId } from '../../scripts/loader-variants/truth.ts';
import { wrapText } from '../../scripts/loader-variants/wrap.ts';
import { loadDocument } from './load.ts';

/**
 * Every sample, whole, hard-wrapped at widths the committed variants do not use (18 to 72
 * columns), with and without a blank line after each line and an indent, some with page numbers:
 * the line joiner decides from each text's own statistics, so no width is special. Made here from
 * the truth with the variants' generator (scripts/loader-variants), not read from fixtures.
 */
const truth = readAllTruth();
const inputs = (Object.keys(truth) as SeedId[]).flatMap((seed) =>
  [18, 24, 28, 40, 45, 60, 72].flatMap((width) =>
    [false, true].flatMap((blank) =>
      ['', '　　'].map((indent) => {
        const name = `${seed}-w${width}${blank ? 'b' : ''}${indent ? 'i' : ''}`;
        const rng = new Prng(`${name}probe`);
        const flow = nativeFlow(docModel(truth[seed], truth[seed].cases.map((c) => c.ordinal)));
        const pages = rng.chance(0.5) && seed !== 'counties2022' ? { pageLines: rng.int(24, 40), pageNumber: (p: number) => `— ${p} —` } : {};
        const text = wrapText(flow.items, { width, blankBetweenLines: blank, blankBetweenParagraphs: !blank && rng.chance(0.5), indent, ...pages }, rng);
        return { name, text, expected: flow.expected('rewrap-widths', name, `${name}.txt`, '') };
      }),
    ),
  ),
);

describe('the samples re-wrapped at other widths', () => {
  it.each(inputs.map((i) => [i.name, i] as const))('%s: every case, every title', (_name, input) => {
    const s = scoreDocument(input.expected, loadDocument(new Uint8Array(Buffer.from(input.text)), `${input.name}.txt`, { id: input.name }));
    expect([s.loadedCases, s.titlesRight]).toEqual([s.expectedCases, s.expectedCases]);
  });
});
