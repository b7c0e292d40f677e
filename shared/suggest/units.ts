/**
 * Units and measure words that may follow a number, and what they make of it: a count (4186名,
 * 127所), a rate (91%, 0.58‰, 2.50个百分点), an amount (1.42kg, 80万小时, 5530余万元), a time
 * span (12周, 3个月: usually when something happened, not how much), or an age (15岁: usually
 * who is counted, not a count).
 */
export type UnitKind = 'count' | 'rate' | 'amount' | 'time' | 'age';

export interface UnitMatch {
  /** Normalised: spaces and extraction debris ("$") removed, e.g. "/10万". */
  unit: string;
  kind: UnitKind;
  end: number;
}

const RATE = ['%', '％', '‰', '‱', '个百分点', '百分点'];
const COUNT = [
  '名', '人', '人次', '例', '例次', '个', '家', '所', '部', '项', '项次', '条', '场', '场次', '次', '篇', '期', '件', '件次', '支',
  '批', '座', '张', '床', '床位', '张床位', '块', '台', '辆', '种', '类', '户', '户次', '位', '份', '本', '套', '处', '间', '首',
  '门', '轮', '组', '队', '堂', '只', '株', '棵', '册', '幅', '集', '节', '课', '课时', '学时', '岗', '枚', '对', '款', '剂', '剂次',
  '针', '盒', '瓶', '包', '袋', '人日', '站', '起', '宗', '部门', '村', '镇', '乡', '县', '区', '市', '省', '地市', '县区', '乡镇',
  '街道', '社区', '栋', '层', '届', '届次', '万人次', '省市', '省份', '国家', '个国家', '辆次', '台次', '车次', '架次',
];
const AMOUNT = [
  '元', '万元', '亿元', '美元', 'kg', 'KG', '公斤', '千克', '克', 'g', 'mg', '吨', '米', '公里', '千米', 'km', '平方米', '平方公里',
  '㎡', 'm²', 'm2', '平米', '亩', '公顷', '升', '毫升', 'ml', 'mL', '小时', '分钟', '分', '秒', '度', '倍', '千卡', 'kcal', '步', 'cm',
  '厘米', '毫米', 'mm', 'min', '床日', '公斤/人', '方', '立方米', '升',
];
const TIME = ['年', '年间', '周年', '个月', '个多月', '月', '周', '天', '日', '个工作日', '工作日'];
const AGE = ['岁', '周岁'];

const TABLE: ReadonlyArray<{ unit: string; kind: UnitKind }> = [
  ...RATE.map((unit) => ({ unit, kind: 'rate' as const })),
  ...COUNT.map((unit) => ({ unit, kind: 'count' as const })),
  ...AMOUNT.map((unit) => ({ unit, kind: 'amount' as const })),
  ...TIME.map((unit) => ({ unit, kind: 'time' as const })),
  ...AGE.map((unit) => ({ unit, kind: 'age' as const })),
].sort((a, b) => b.unit.length - a.unit.length);

const FIRST_CHARS = new Set(TABLE.map((u) => u.unit[0]!));
const LATIN = /[A-Za-z]/;
const WORD_FINAL = new Set(['方']);

/** Spaces and "$" (left by formula extraction: "$236/10$ 万") may sit inside a quantity. */
export function skipGap(text: string, at: number, max = 3): number {
  let p = at;
  while (p < text.length && p - at < max && (text[p] === ' ' || text[p] === '\u3000' || text[p] === '$' || text[p] === '\t')) p++;
  return p;
}

/** The unit written at `at` (after optional spaces), longest match first. */
export function readUnit(text: string, at: number): UnitMatch | null {
  const p = skipGap(text, at);
  const c = text[p];
  if (c === undefined) return null;
  if (c === '/' || c === '／') return readPerUnit(text, p, '');
  if (!FIRST_CHARS.has(c)) return null;
  for (const u of TABLE) {
    if (!text.startsWith(u.unit, p)) continue;
    const end = p + u.unit.length;
    // Latin units must end a word: "5G" and "3D" are names, "1.42kg" is an amount.
    if (LATIN.test(u.unit) && LATIN.test(text[end] ?? '')) continue;
    // 方 (cubic metres) only stands alone: "213方；", not "6方面".
    if (WORD_FINAL.has(u.unit) && /\p{Script=Han}/u.test(text[end] ?? '')) continue;
    const per = text[skipGap(text, end)];
    if ((per === '/' || per === '／') && u.kind !== 'rate') {
      const perUnit = readPerUnit(text, skipGap(text, end), u.unit);
      if (perUnit) return perUnit;
    }
    return { unit: u.unit, kind: u.kind, end };
  }
  return null;
}

/**
 * "/10万", "/万", "/10 万人", "元/人", "元/例": a rate per population or a price per unit. The
 * part after the slash is at most a number, a magnitude and one measure word.
 */
function readPerUnit(text: string, slash: number, before: string): UnitMatch | null {
  const m = /^[/／][\s$]{0,3}(\d{0,6})[\s$]{0,3}(万|千|百)?[\s$]{0,2}(人次|人|例|次|年|床日|张|名|份|户|元)?/.exec(text.slice(slash, slash + 20));
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  const unit = `${before}/${m[1] ?? ''}${m[2] ?? ''}${m[3] ?? ''}`;
  // "/10万", "/万": per population, a rate; "/人", "/例": per head or case, an amount.
  const perPopulation = !before && (m[1] || m[2]);
  return { unit, kind: perPopulation ? 'rate' : 'amount', end: slash + m[0].replace(/[\s$]+$/, '').length };
}
