import { chineseNumeral } from './number-tokens.ts';

/**
 * The document's own enumeration of points: （一）…（二）…, 一、…二、…, 一是…二是…, 1.…2.…,
 * (1)…(2)…, ①…②…, 第一，…第二，…. "一是" also runs inside a paragraph ("一是领导重视。……二是……"),
 * so a marker may follow a sentence or clause end as well as a line start.
 */
export interface EnumerationMarker {
  family: string;
  value: number;
  /** Where the marker starts and where the point's own text starts, after it. */
  start: number;
  bodyStart: number;
}

const CN = '[一二三四五六七八九十]{1,3}';
const LINE_START = String.raw`(?:^|(?<=\n)[\s　]*)`;
/** After a full stop as well: "（一）甲。（二）乙。" may run on in one paragraph. */
const POINT_START = String.raw`(?:^|(?<=[\n。；;！？!?])[\s　]*)`;
const SENTENCE_START = String.raw`(?:^|(?<=[\n。；;！？!?：:，,])[\s　]*)`;

const FAMILIES: ReadonlyArray<{ family: string; re: RegExp }> = [
  { family: 'paren-cn', re: new RegExp(String.raw`${POINT_START}[（(][\s　]*(${CN})[\s　]*[）)][\s　]*`, 'g') },
  { family: 'dun-cn', re: new RegExp(String.raw`${LINE_START}(${CN})[\s　]*[、．.][\s　]*`, 'g') },
  { family: 'shi', re: new RegExp(String.raw`${SENTENCE_START}(${CN})是(?![的否])`, 'g') },
  { family: 'di', re: new RegExp(String.raw`${SENTENCE_START}第(${CN})[，,、：:]`, 'g') },
  { family: 'arabic', re: new RegExp(String.raw`${SENTENCE_START}(\d{1,2})[\s　]*[.．、](?![\d])[\s　]*`, 'g') },
  { family: 'paren-arabic', re: new RegExp(String.raw`${SENTENCE_START}[（(][\s　]*(\d{1,2})[\s　]*[）)][\s　]*`, 'g') },
  { family: 'circled', re: new RegExp(String.raw`${SENTENCE_START}([①②③④⑤⑥⑦⑧⑨⑩])[\s　]*`, 'g') },
];
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';

function markerValue(token: string): number | null {
  if (/^\d+$/.test(token)) return Number(token);
  const circled = CIRCLED.indexOf(token);
  if (circled >= 0) return circled + 1;
  return chineseNumeral(token);
}

/**
 * The outermost run of consecutively numbered markers (1, 2, 3 … of one family) in `text`, or
 * an empty list when the text has fewer than two. Offsets are relative to `text`.
 */
export function outermostEnumeration(text: string): EnumerationMarker[] {
  let best: EnumerationMarker[] = [];
  for (const { family, re } of FAMILIES) {
    const markers: EnumerationMarker[] = [];
    for (const m of text.matchAll(re)) {
      const value = markerValue(m[1]!);
      if (value === null) continue;
      // The marker proper starts at the numeral or bracket, after any leading whitespace.
      const lead = m[0].length - m[0].trimStart().length;
      markers.push({ family, value, start: m.index + lead, bodyStart: m.index + m[0].length });
    }
    const chain = consecutiveChain(markers);
    if (chain.length >= 2 && (best.length === 0 || chain[0]!.start < best[0]!.start)) best = chain;
  }
  return best;
}

/** 1, 2, 3 … in text order, starting from the first marker numbered 1. */
function consecutiveChain(markers: readonly EnumerationMarker[]): EnumerationMarker[] {
  const first = markers.findIndex((m) => m.value === 1);
  if (first < 0) return [];
  const chain = [markers[first]!];
  for (let i = first + 1; i < markers.length; i++) {
    if (markers[i]!.value === chain[chain.length - 1]!.value + 1) chain.push(markers[i]!);
  }
  return chain;
}
