/**
 * Traditional characters: cases converted with OpenCC (simplified → Taiwan or Hong Kong
 * standard), front matter too. The loader keeps the text as it is, so the expected titles are
 * converted the same way.
 */
import * as OpenCC from 'opencc-js';
import { FlowBuilder } from './flow.ts';
import { convertDoc } from './convert.ts';
import { docModel } from './model.ts';
import { nativeFlow } from './native.ts';
import { plainText } from './plain.ts';
import { Prng } from './prng.ts';
import { readAllTruth, type SeedId } from './truth.ts';
import { writeVariant, type Family } from './write.ts';

const RUNS: Array<{ seed: SeedId; to: 'tw' | 'twp' | 'hk'; cases: number | 'all' }> = [
  { seed: 'hc2024', to: 'tw', cases: 6 },
  { seed: 'henan2022', to: 'hk', cases: 5 },
  { seed: 'hebei2022', to: 'twp', cases: 5 },
  { seed: 'news2022', to: 'tw', cases: 'all' },
  { seed: 'counties2022', to: 'hk', cases: 'all' },
];

export const traditional: Family = {
  kind: 'traditional',
  generate() {
    const truth = readAllTruth();
    return RUNS.map(({ seed, to, cases }) => {
      const name = `${seed}-${to}`;
      const rng = new Prng(name);
      const all = truth[seed].cases.map((c) => c.ordinal);
      const convert = OpenCC.Converter({ from: 'cn', to });
      const doc = convertDoc(docModel(truth[seed], cases === 'all' ? all : rng.sample(all, cases)), convert);
      const flow: FlowBuilder = nativeFlow(doc);
      // The front matter comes from the simplified originals: convert it as it is printed.
      for (const item of flow.items) {
        if (item.role !== 'heading' && item.role !== 'para' && item.role !== 'table-row' && item.role !== 'case-title') item.text = convert(item.text);
        if (item.cells) item.cells = item.cells.map(convert);
      }
      flow.mapDocumentTitles(convert);
      const text = plainText(flow.items, { blank: rng.chance(0.5), indent: rng.pick(['', '　　']), leaders: true });
      return writeVariant(flow.expected('traditional', name, `${name}.txt`, `${doc.cases.length} ${seed} cases in traditional characters (OpenCC cn → ${to})`), text);
    });
  },
};
