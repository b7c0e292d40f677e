/**
 * Two documents in one file, as people paste them: a notice followed by a second notice from
 * another office; a compendium with the county table attached after an 附件 line; a provincial
 * batch followed by a newspaper page under its masthead. The expected outline keeps the split.
 */
import { FlowBuilder } from './flow.ts';
import { NEWSPAPER, SECOND_NOTICE } from './front-matter.ts';
import { docModel } from './model.ts';
import { batchFlow, compendiumFlow, countyFlow, newspaperFlow, noticeFlow } from './native.ts';
import { plainText } from './plain.ts';
import { Prng } from './prng.ts';
import { readAllTruth, type SeedId, type SeedTruth } from './truth.ts';
import { writeVariant, type Family } from './write.ts';

type Truths = Record<SeedId, SeedTruth>;

const pick = (truth: Truths, seed: SeedId, rng: Prng, n: number) => docModel(truth[seed], rng.sample(truth[seed].cases.map((c) => c.ordinal), n));

const RUNS: Array<{ name: string; about: string; build(truth: Truths, rng: Prng): FlowBuilder }> = [
  {
    name: 'two-notices',
    about: 'the Henan notice with 4 of its cases, then a second notice (Hebei office header, number, addressees) with 4 Hebei cases',
    build(truth, rng) {
      const f = noticeFlow(pick(truth, 'henan2022', rng, 4));
      f.newDocument(SECOND_NOTICE.title);
      f.add({ role: 'doc-meta', text: SECOND_NOTICE.issuer });
      f.add({ role: 'doc-meta', text: SECOND_NOTICE.number });
      f.add({ role: 'doc-title', text: SECOND_NOTICE.title });
      f.add({ role: 'front', text: SECOND_NOTICE.addressees });
      for (const p of SECOND_NOTICE.body) f.add({ role: 'front', text: p });
      f.add({ role: 'boundary', text: '附件' });
      return batchFlow(pick(truth, 'hebei2022', rng, 4), undefined, f);
    },
  },
  {
    name: 'compendium-with-county-attachment',
    about: 'a compendium of 5 cases, then 附件2 and the county table (8 rows) as a document of its own',
    build(truth, rng) {
      const f = compendiumFlow(pick(truth, 'hc2024', rng, 5));
      return countyFlow(pick(truth, 'counties2022', rng, 8), f);
    },
  },
  {
    name: 'batch-then-newspaper',
    about: 'a provincial batch of 4 cases, then a newspaper page under its masthead with 4 reports',
    build(truth, rng) {
      const f = batchFlow(pick(truth, 'hebei2022', rng, 4));
      f.newDocument(NEWSPAPER.masthead);
      f.add({ role: 'doc-meta', text: `${NEWSPAPER.masthead}  ${NEWSPAPER.date}  ${NEWSPAPER.page}` });
      return newspaperFlow(docModel(truth.news2022, [1, 2, 3, 4]), f);
    },
  },
];

export const concatenated: Family = {
  kind: 'concatenated',
  generate() {
    const truth = readAllTruth();
    return RUNS.map(({ name, about, build }) => {
      const rng = new Prng(name);
      const flow = build(truth, rng);
      return writeVariant(flow.expected('concatenated', name, `${name}.txt`, about), plainText(flow.items, { blank: rng.chance(0.5), leaders: true }));
    });
  },
};
