import type { Section } from './sections.ts';

/** 未审 / 在审 / 已审 */
export const REVIEW_STATUSES = ['todo', 'in-progress', 'done'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Case metadata a reviewer or editor may correct or add to what the loader found. */
export interface CaseMeta {
  title?: string;
  region?: string;
  category?: string;
  year?: number;
  tags: string[];
}

/** A section as a reviewer sees it: the loader's proposal, confirmed, changed or added by hand. */
export interface TaggedSection extends Section {
  source: 'loader' | 'reviewer';
  confirmed: boolean;
}

/** A reviewer's layer of sections for one case; absent until the reviewer touches the outline. */
export interface CaseSections {
  caseId: string;
  revision: number;
  sections: TaggedSection[];
}
