import { FlowBuilder, type Expected } from './flow.ts';
import { docModel } from './model.ts';
import type { SeedTruth } from './truth.ts';

/** What loading a seed's own text (re-encoded, say) must give: the truth itself. */
export function truthExpected(truth: SeedTruth, kind: string, name: string, input: string, about: string): Expected {
  const f = new FlowBuilder();
  f.setDocumentTitle(truth.title);
  const doc = docModel(truth);
  for (const c of doc.cases) {
    f.beginCase(c, { region: c.region, part: c.part });
    f.addBlocks(c);
  }
  return f.expected(kind, name, input, about);
}
