import { isInstitution, leadingPlaceName } from '../regions.ts';
import type { BlockCues } from './block-heading.ts';

/**
 * The reporting unit's name on a line of its own under a title, with no dash or brackets to say
 * so ("石家庄市卫生健康委员会", "河北医科大学第一医院"): who the case is from, not its title, and
 * not a heading of the case. Read alone it looks like a short title, and a title ending in 中心
 * or 医院 ("打造区域医疗中心") looks like it; so a line counts only where it stands right under a
 * title and over the case's text, and only when it names a place first or the layout repeats
 * (two titles or more over such a line).
 */
export function markUnitLines(cues: BlockCues[], texts: readonly string[]): void {
  const found: number[] = [];
  for (let i = 1; i < cues.length; i++) {
    if (isUnitLine(cues[i]!, texts[i]!) && isTitleOver(cues, texts, i - 1) && opensText(cues[i + 1])) found.push(i);
  }
  const repeated = found.length >= 2;
  for (const i of found) {
    if (!repeated && leadingPlaceName(texts[i]!) === null) continue;
    cues[i] = { ...cues[i]!, heading: null, attribution: texts[i]!.replace(/\s+/g, ''), body: false };
  }
}

/** A short unpunctuated line ending in an institution's name, read as a plain heading. */
function isUnitLine(c: BlockCues, text: string): boolean {
  const h = c.heading;
  if (!h || h.kinds || !h.cls.startsWith('plain') || c.attribution) return false;
  const t = text.replace(/\s+/g, '');
  return t.length >= 4 && t.length <= 40 && !/[，,。；;：:！!？?“”"《》]/.test(t) && isInstitution(t);
}

/**
 * What follows a unit line is the case: a section heading or its text. A notice's signature
 * ("河北省卫生健康委员会" over the date) stands under the last line of a list, not over text.
 */
function opensText(next: BlockCues | undefined): boolean {
  return !!next && (!!next.heading?.kinds || (next.body && !next.dateline));
}

/**
 * A title-like heading that is not a unit line itself. A case marker carrying no title
 * ("……典型经验案例十七") stands over the title, which may well end in 中心 or 医院.
 */
function isTitleOver(cues: readonly BlockCues[], texts: readonly string[], i: number): boolean {
  const h = cues[i]!.heading;
  if (!h || h.kinds || h.cls === 'field' || (h.marker && !h.marker.title)) return false;
  return !isUnitLine(cues[i]!, texts[i]!);
}
