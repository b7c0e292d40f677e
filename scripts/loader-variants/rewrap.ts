/**
 * Re-wraps: the cases hard-wrapped at 16 to 80 characters, with and without blank lines
 * between lines, some with page numbers and running headers at each page break, as text
 * extracted from printed pages looks. Subsets of cases keep the files small.
 */
import { nativeFlow } from './native.ts';
import { docModel } from './model.ts';
import { Prng } from './prng.ts';
import { readAllTruth, type SeedId } from './truth.ts';
import { wrapText, type WrapOptions } from './wrap.ts';
import { writeVariant, type Family, type Written } from './write.ts';

const WIDTHS = [16, 20, 34, 50, 80] as const;
const ROTATION: SeedId[] = ['hebei2022', 'hc2024', 'henan2022', 'news2022', 'hebei2022', 'hc2024', 'henan2022', 'counties2022', 'hebei2022', 'hc2024'];
const PAGE_NUMBERS = [(p: number) => `— ${p} —`, (p: number) => String(p), (p: number) => `- ${p} -`, (p: number) => `第 ${p} 页`, (p: number) => `${p}`];
const HEADERS: Record<SeedId, string> = {
  hc2024: '健康中国行动典型案例汇编',
  henan2022: '健康中原行动典型经验案例',
  counties2022: '2022年度健康县区建设典型经验',
  hebei2022: '第二批健康河北行动推进典型经验案例',
  news2022: '健康报  2022年12月1日',
};

export const rewrap: Family = {
  kind: 'rewrap',
  generate() {
    const truth = readAllTruth();
    const out: Written[] = [];
    let k = 0;
    for (const width of WIDTHS) {
      for (const blank of [false, true]) {
        const seed = ROTATION[k++]!;
        const name = `${seed}-w${width}${blank ? '-blank' : ''}`;
        const rng = new Prng(name);
        const all = truth[seed].cases.map((c) => c.ordinal);
        const ordinals = seed === 'news2022' || seed === 'counties2022' ? all : rng.sample(all, rng.int(5, 8));
        const flow = nativeFlow(docModel(truth[seed], ordinals));
        const furniture = seed !== 'counties2022' && (blank || width >= 34);
        const options: WrapOptions = {
          width,
          blankBetweenLines: blank,
          blankBetweenParagraphs: !blank && rng.chance(0.5),
          indent: rng.pick(['', '　　', '    ']),
          ...(furniture ? { pageLines: rng.int(24, 40), pageNumber: rng.pick(PAGE_NUMBERS), runningHeader: (p: number) => (p % 2 === 0 ? HEADERS[seed] : null) } : {}),
        };
        const about = `${seed}, ${ordinals.length} cases, wrapped at ${width} characters${blank ? ' with a blank line after every line' : ''}${options.blankBetweenParagraphs ? ', blank lines between paragraphs' : ''}${furniture ? `, page numbers every ${options.pageLines} lines and running headers on even pages` : ''}`;
        out.push(writeVariant(flow.expected('rewrap', name, `${name}.txt`, about), wrapText(flow.items, options, rng)));
      }
    }
    return out;
  },
};
