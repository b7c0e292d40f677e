import type { FieldValue } from '../../shared/model/annotation.ts';
import type { LabelDef } from '../../shared/model/labels.ts';
import type { Section } from '../../shared/model/sections.ts';
import { identify } from '../../shared/suggest/ids.ts';
import { suggest } from '../../shared/suggest/index.ts';
import type { CaseRecord } from '../store/file-kinds.ts';
import type { ProjectService } from './project-service.ts';

/**
 * The fields the suggestion parser gives a place of a text for a label: those of the
 * suggestion of that label the place holds or overlaps (the largest overlap), empty values left
 * out; null when the parser suggests nothing there. An indicator's metric, value, unit, baseline
 * and year; a lesson's headline.
 */
export function parserFields(text: string, sections: readonly Section[], labelId: string, start: number, end: number): Record<string, FieldValue> | null {
  let best: { overlap: number; fields: Record<string, FieldValue> } | null = null;
  for (const s of identify(suggest(text, sections))) {
    if (s.label !== labelId) continue;
    const overlap = Math.min(end, s.end) - Math.max(start, s.start);
    if (overlap > 0 && (!best || overlap > best.overlap)) best = { overlap, fields: s.fields };
  }
  if (!best) return null;
  return Object.fromEntries(Object.entries(best.fields).filter(([, v]) => v !== null && v !== ''));
}

/**
 * The fields a span marked by hand starts with: the parser's for the same place, so a
 * hand-marked "37.7%" is filled as the suggestion of it would be (only fields the label has).
 */
export function prefilledFields(service: ProjectService, c: CaseRecord, label: LabelDef, start: number, end: number): Record<string, FieldValue> {
  if (!label.fields.length) return {};
  const latest = c.revisions[c.revisions.length - 1]!;
  const fields = parserFields(latest.text, service.sectionsOf(service.reviewer, c), label.id, start, end) ?? {};
  const known = new Set(label.fields.map((f) => f.key));
  return Object.fromEntries(Object.entries(fields).filter(([key]) => known.has(key)));
}
