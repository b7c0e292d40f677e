import type { SpanAnnotation } from '../model/annotation.ts';
import type { TaggedSection } from '../model/review.ts';

/** What the renderers need of a case. */
export interface CompendiumCase {
  id: string;
  title: string;
  region: string | null;
  /** The reporting unit (报送单位), where the source names one. */
  unit?: string | null;
  text: string;
  sections: readonly TaggedSection[];
  indicators: readonly SpanAnnotation[];
}

/**
 * The line under a case's title that says where it comes from: its reporting unit, under its
 * region when the unit's name does not say it ("河北省" + "妇幼健康促进行动工作组"), else its
 * region; null when the source says neither. Worded as the loader reads it back ("报送单位：…",
 * the region from the unit's name), so a draft loaded again keeps each case's region and unit.
 */
export function sourceLine(c: Pick<CompendiumCase, 'region' | 'unit'>): string | null {
  const unit = c.unit?.trim() ?? '';
  const region = c.region?.trim() ?? '';
  const from = unit && region && !unit.startsWith(region) ? `${region}${unit}` : unit || region;
  return from ? `报送单位：${from}` : null;
}
