const DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 12 → 十二, 20 → 二十, 30 → 三十 (enough for case and section numbers). */
export function cn(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
export const circled = (n: number) => CIRCLED[n - 1] ?? `(${n})`;

export const pad2 = (n: number) => String(n).padStart(2, '0');

/** "浙江省宁波市象山县" → ["浙江省", "宁波市", "象山县"]; a municipality has no city ("北京市丰台区" → ["北京市", "", "丰台区"]). */
export function splitPlace(region: string): [string, string, string] {
  const m = /^(北京市|天津市|上海市|重庆市|.+?(?:自治区|省))(.*)$/.exec(region);
  if (!m) return ['', '', region];
  const [, province, rest] = m as unknown as [string, string, string];
  if (/^(北京|天津|上海|重庆)市$/.test(province)) return [province, '', rest];
  const city = /^(.+?(?:自治州|地区|盟|市))(.*)$/.exec(rest);
  return city ? [province, city[1]!, city[2]!] : [province, '', rest];
}
