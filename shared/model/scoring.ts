/** 入选 / 待定 / 不入选: a reviewer's recommendation for the next compendium. */
export const RECOMMENDATIONS = ['include', 'pending', 'exclude'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** One reviewer's scoring of one case on the project's rubric. */
export interface CaseScore {
  /** Criterion id → rating on its scale (null: not rated yet). */
  ratings: Record<string, number | null>;
  /** Criterion id → ids of the spans that justify the rating. */
  evidence: Record<string, string[]>;
  comment: string;
  recommendation: Recommendation | null;
  updatedAt: string;
}
