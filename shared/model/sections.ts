/** What a top-level section of a typical case is about. A section may carry several kinds ("成效和经验"). */
export const SECTION_KINDS = ['background', 'practices', 'results', 'lessons', 'problems', 'plans', 'other'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

/**
 * A heading-delimited region of a case text. Offsets are UTF-16 code units into the case's text:
 * `start` is where the heading starts, `headingEnd` where its text ends, `end` where the next
 * section of the same or a higher level starts (or the case ends).
 */
export interface Section {
  heading: string;
  /** The enumeration the document used ("一、", "（二）", "1.", "一是"), or "" when unnumbered. */
  numbering: string;
  /** 1 for 一、 headings, 2 for （一）, 3 for 1., 4 for (1) … Unnumbered headings take the level they stand at. */
  level: number;
  kinds: SectionKind[];
  start: number;
  headingEnd: number;
  end: number;
  /** True when the heading runs into its paragraph ("（一）抓实四项重点。一是……"). */
  runIn?: boolean;
}
