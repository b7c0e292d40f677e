import type { CaseModel, DocModel } from './model.ts';

/** Apply a text conversion (simplified → traditional, say) to everything a case prints. */
export function convertCase(c: CaseModel, f: (s: string) => string): CaseModel {
  const n = <T extends string | null>(s: T): T => (s === null ? s : (f(s) as T));
  return {
    ...c,
    title: f(c.title),
    region: n(c.region),
    unit: n(c.unit),
    part: n(c.part),
    speaker: n(c.speaker),
    bylines: c.bylines.map(f),
    blocks: c.blocks.map((b) => {
      if (b.type === 'heading') return { ...b, numbering: f(b.numbering), label: f(b.label) };
      if (b.type === 'table') return { ...b, rows: b.rows.map((r) => r.map(f)) };
      return { ...b, text: f(b.text), ...(b.runIn ? { runIn: { ...b.runIn, numbering: f(b.runIn.numbering), lead: f(b.runIn.lead) } } : {}) };
    }),
  };
}

export const convertDoc = (d: DocModel, f: (s: string) => string): DocModel => ({ ...d, title: d.title === null ? null : f(d.title), cases: d.cases.map((c) => convertCase(c, f)) });
