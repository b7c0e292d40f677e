/**
 * Small seeded perturbations so the variants are not all shaped like the samples: other
 * numbering schemes, other words for the same section, cases picked and mixed across seeds.
 */
import type { SectionKind } from '../../shared/model/sections.ts';
import { docModel, type Block, type CaseModel } from './model.ts';
import type { Prng } from './prng.ts';
import type { SeedId, SeedTruth } from './truth.ts';

/** How a layout numbers a heading: its index among its siblings (1-based) and its label → the printed heading. */
export type Scheme = (index: number, label: string) => string;

/**
 * Renumber a case's headings (and run-in leads) by depth. A depth with no scheme keeps the
 * seed's numbering. Returns a new case.
 */
export function renumber(c: CaseModel, schemes: Partial<Record<number, Scheme>>): CaseModel {
  const counters: number[] = [];
  const blocks: Block[] = c.blocks.map((b) => {
    const depth = b.type === 'heading' ? b.depth : b.type === 'para' && b.runIn ? b.runIn.depth : 0;
    if (!depth) return b;
    counters.length = depth;
    counters[depth - 1] = (counters[depth - 1] ?? 0) + 1;
    const scheme = schemes[depth];
    if (!scheme) return b;
    const index = counters[depth - 1]!;
    if (b.type === 'heading') {
      return { ...b, printed: scheme(index, b.label) };
    }
    if (b.type !== 'para' || !b.runIn) return b;
    const old = b.runIn.numbering;
    if (!old || !b.text.startsWith(old)) return b; // unnumbered run-in leads ("一是") stay as they are
    const leadLabel = b.runIn.lead.slice(old.length).trimStart();
    const printedLead = scheme(index, leadLabel);
    return { ...b, text: printedLead + b.text.slice(b.runIn.lead.length), runIn: { ...b.runIn, numbering: printedLead.slice(0, printedLead.length - leadLabel.length), lead: printedLead } };
  });
  return { ...c, blocks };
}

export const SCHEMES = {
  cnComma: ((i, l) => `${cnNum(i)}、${l}`) as Scheme,
  cnParen: ((i, l) => `（${cnNum(i)}）${l}`) as Scheme,
  arabicFull: ((i, l) => `${i}．${l}`) as Scheme,
  arabicDot: ((i, l) => `${i}.${l}`) as Scheme,
  arabicParen: ((i, l) => `（${i}）${l}`) as Scheme,
  twoDigit: ((i, l) => `${String(i).padStart(2, '0')} ${l}`) as Scheme,
  bracket: ((_i, l) => `【${l}】`) as Scheme,
  none: ((_i, l) => l) as Scheme,
};

function cnNum(n: number): string {
  const d = '〇一二三四五六七八九';
  return n < 10 ? d[n]! : n < 20 ? `十${n % 10 ? d[n % 10] : ''}` : `${d[Math.floor(n / 10)]}十${n % 10 ? d[n % 10] : ''}`;
}

/** Words for the same section kind that compendia use; a heading with one of them may take another. */
const SYNONYMS: Partial<Record<SectionKind, string[]>> = {
  background: ['工作背景', '背景', '基本情况', '项目背景', '背景情况'],
  practices: ['主要做法', '具体做法', '主要举措', '做法与举措', '工作举措'],
  results: ['工作成效', '取得成效', '主要成效', '实施成效', '推进成效'],
  lessons: ['经验启示', '经验与启示', '几点启示', '经验体会', '启示与思考'],
};

/** Give some top-level headings another word for the same kind. */
export function varySectionWords(c: CaseModel, rng: Prng, p = 0.35): CaseModel {
  const blocks = c.blocks.map((b) => {
    if (b.type !== 'heading' || b.depth !== 1 || b.kinds.length !== 1) return b;
    const words = SYNONYMS[b.kinds[0]!];
    if (!words?.includes(b.label) || !rng.chance(p)) return b;
    const label = rng.pick(words);
    return { ...b, label, printed: b.printed?.replace(b.label, label) };
  });
  return { ...c, blocks };
}

/** Drop a case's top-level section of a kind (its heading and everything to the next top-level heading). */
export function dropSection(c: CaseModel, kind: SectionKind): CaseModel {
  const out: Block[] = [];
  let dropping = false;
  for (const b of c.blocks) {
    const top = (b.type === 'heading' && b.depth === 1) || (b.type === 'para' && b.runIn?.depth === 1);
    if (top) dropping = b.type === 'heading' ? b.kinds.includes(kind) && b.kinds.length === 1 : b.type === 'para' && b.runIn!.kinds.includes(kind) && b.runIn!.kinds.length === 1;
    if (!dropping) out.push(b);
  }
  return { ...c, blocks: out };
}

/** The seeds whose cases have sections: the layouts draw from these. */
export const STRUCTURED: SeedId[] = ['hc2024', 'henan2022', 'hebei2022'];

/** `n` cases drawn from the structured seeds, mixed, in a random order. */
export function mixCases(truth: Record<SeedId, SeedTruth>, rng: Prng, n: number): CaseModel[] {
  const pool = STRUCTURED.flatMap((seed) => docModel(truth[seed]).cases);
  return rng.shuffle(pool).slice(0, n);
}
