/** HTML, simple: each seed as a converter writes it (h1–h6, p, strong leads, tables for rows). */
import { htmlBody, simplePage } from './html.ts';
import { docModel } from './model.ts';
import { countyWideFlow, nativeFlow } from './native.ts';
import { Prng } from './prng.ts';
import { readAllTruth, type SeedId } from './truth.ts';
import { writeVariant, type Family } from './write.ts';

const SUBSETS: Record<SeedId, number | 'all'> = { hc2024: 10, henan2022: 'all', counties2022: 'all', hebei2022: 8, news2022: 'all' };

export const htmlSimple: Family = {
  kind: 'html-simple',
  generate() {
    const truth = readAllTruth();
    return (Object.keys(SUBSETS) as SeedId[]).map((seed) => {
      const rng = new Prng(`html-simple-${seed}`);
      const all = truth[seed].cases.map((c) => c.ordinal);
      const n = SUBSETS[seed];
      const doc = docModel(truth[seed], n === 'all' ? all : rng.sample(all, n));
      const flow = seed === 'counties2022' ? countyWideFlow(doc) : nativeFlow(doc);
      const title = flow.items.find((i) => i.role === 'doc-title')?.text ?? doc.cases[0]!.title;
      return writeVariant(flow.expected('html-simple', seed, `${seed}.html`, `${doc.cases.length} ${seed} cases as simple HTML${seed === 'counties2022' ? ' (the county table as a <table>)' : ''}`), simplePage(title, htmlBody(flow.items)));
    });
  },
};
