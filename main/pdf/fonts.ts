/**
 * What a PDF font's name says about it. Real files embed many names for the same typeface
 * ("FZXBSJW--GB1-0" and "方正小标宋简体" are both 小标宋; "ABCDEF+SimHei", "HYShuSongErKW" …), so a
 * name is secondary evidence: headings are found from size and from a family that differs from
 * the body's, and the class below only orders heading styles of the same size.
 */
export type FontClass = 'xiaobiaosong' | 'hei' | 'kai' | 'fangsong' | 'song' | 'other';

export interface FontInfo {
  /** The name without the subset prefix ("ABCDEF+"), as the file names it. */
  family: string;
  fontClass: FontClass;
  /** The name says bold, black, heavy or semibold. */
  bold: boolean;
}

const CLASSES: ReadonlyArray<[FontClass, RegExp]> = [
  ['xiaobiaosong', /xbs|xiaobiaosong|小标宋|biaosong|标宋|FZXBS|FZDBS|DaBiaoSong|大标宋/i],
  ['fangsong', /fangsong|仿宋|FS_?GB|\bFS\b|STFangsong|FZFS/i],
  ['kai', /kai|楷|STKaiti|FZKT|UKai/i],
  ['hei', /hei|黑|gothic|yahei|sans|PingFang|DengXian|等线|Source\s*Han\s*Sans|FZHT|STHeiti|Arial|Helvetica|Verdana/i],
  ['song', /song|宋|ming|serif|SimSun|NSimSun|STSong|FZSS|Times|Roman|Georgia|Garamond/i],
];

const BOLD = /bold|black|heavy|semibold|demibold|extrabold|ultrabold|[-,]W[6-9]\b|[-_]B$|粗/i;

/** Strip the subset tag and PostScript suffixes ("ABCDEF+NotoSansCJKsc-Bold" → "NotoSansCJKsc-Bold"). */
export function fontFamily(name: string | undefined): string {
  if (!name) return 'unknown';
  return name.replace(/^[A-Z]{6}\+/, '').trim() || 'unknown';
}

export function classifyFont(name: string | undefined): FontInfo {
  const family = fontFamily(name);
  const fontClass = CLASSES.find(([, re]) => re.test(family))?.[0] ?? 'other';
  return { family, fontClass, bold: BOLD.test(family) };
}

/**
 * How strongly a class marks a heading at equal size, official style first: 小标宋 (titles),
 * 黑体 (level 1), 楷体 (level 2), then bold body faces. Lower ranks higher.
 */
export function headingRank(fontClass: FontClass, bold: boolean): number {
  const base = { xiaobiaosong: 0, hei: 1, kai: 2, song: 3, fangsong: 3, other: 3 }[fontClass];
  return base - (bold ? 0.5 : 0);
}
