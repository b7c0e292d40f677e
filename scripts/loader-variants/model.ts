import type { SectionKind } from '../../shared/model/sections.ts';
import type { SeedId, SeedTruth, TruthCase } from './truth.ts';

/**
 * A case as the generator renders it: the truth's case split into blocks, so each variant can
 * lay out the same headings and paragraphs its own way.
 */
export type Block =
  /** A heading on a line of its own. `depth` is its level inside the case (1 = top-level section). */
  | { type: 'heading'; depth: number; numbering: string; label: string; kinds: SectionKind[]; printed?: string }
  /** A paragraph; `runIn` when it opens with a heading ("（一）抓实四项重点。一是……"). */
  | { type: 'para'; text: string; runIn?: { depth: number; numbering: string; kinds: SectionKind[]; lead: string } }
  | { type: 'table'; rows: string[][] };

export interface CaseModel {
  /** `seed:ordinal`, so a variant's expected case says where it came from. */
  source: string;
  seed: SeedId;
  title: string;
  region: string | null;
  unit: string | null;
  part: string | null;
  blocks: Block[];
  /** Newspaper bylines of the case ("□本报记者 王潇雨"), put back where the layout has room. */
  bylines: string[];
  /** The person a newspaper column introduces ("国家卫生健康委规划司爱卫工作办处长王璐"). */
  speaker: string | null;
}

export interface DocModel {
  seed: SeedId;
  title: string | null;
  cases: CaseModel[];
}

export function caseModel(seed: SeedId, c: TruthCase): CaseModel {
  const blocks: Block[] = [];
  let at = 0;
  for (const para of c.text.split('\n')) {
    const section = c.sections.find((s) => s.start === at);
    at += para.length + 1;
    if (para.includes('\t')) {
      const cells = para.split('\t').map((x) => x.trim());
      const last = blocks.at(-1);
      if (last?.type === 'table') last.rows.push(cells);
      else blocks.push({ type: 'table', rows: [cells] });
      continue;
    }
    if (section && section.runIn) {
      const lead = para.slice(0, section.headingEnd - section.start);
      blocks.push({ type: 'para', text: para, runIn: { depth: section.level, numbering: section.numbering, kinds: section.kinds, lead } });
    } else if (section) {
      const label = section.numbering && para.startsWith(section.numbering) ? para.slice(section.numbering.length).trim() : para.trim();
      blocks.push({ type: 'heading', depth: section.level, numbering: section.numbering, label, kinds: section.kinds });
    } else blocks.push({ type: 'para', text: para });
  }
  return {
    source: `${seed}:${c.ordinal}`,
    seed,
    title: c.title,
    region: c.region,
    unit: c.unit,
    part: c.part,
    blocks,
    bylines: c.marks.filter((m) => m.kind === 'byline').map((m) => m.text),
    speaker: c.marks.find((m) => m.kind === 'speaker')?.text ?? null,
  };
}

export function docModel(truth: SeedTruth, ordinals?: readonly number[]): DocModel {
  const seed = truth.seed as SeedId;
  const picked = ordinals ? ordinals.map((o) => truth.cases[o - 1]!) : truth.cases;
  return { seed, title: truth.title, cases: picked.map((c) => caseModel(seed, c)) };
}

/** A heading block's text as printed: as a layout renumbered it, or as the seed had it. */
export const headingText = (b: Extract<Block, { type: 'heading' }>) => b.printed ?? `${b.numbering}${b.label}`;

/** The top-level section kinds of a case, in order. */
export function topKinds(c: CaseModel): SectionKind[][] {
  const out: SectionKind[][] = [];
  for (const b of c.blocks) {
    if (b.type === 'heading' && b.depth === 1) out.push(b.kinds);
    else if (b.type === 'para' && b.runIn?.depth === 1) out.push(b.runIn.kinds);
  }
  return out;
}
