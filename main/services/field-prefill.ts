import type { FieldValue } from '../../shared/model/annotation.ts';
import type { LabelDef } from '../../shared/model/labels.ts';
import type { CaseRecord } from '../store/file-kinds.ts';
import type { ProjectService } from './project-service.ts';
import { suggestionSet } from './suggestions.ts';

/**
 * The fields a span marked by hand starts with: those the suggestion parser gives the same
 * place — an indicator's metric, value, unit, baseline and year, a lesson's headline — so a
 * hand-marked "37.7%" is filled as the suggestion of it would be. The suggestion taken is one of
 * the span's label the span holds or overlaps (the largest overlap); none, no fields.
 */
export function prefilledFields(service: ProjectService, c: CaseRecord, label: LabelDef, start: number, end: number): Record<string, FieldValue> {
  if (!label.fields.length) return {};
  const set = suggestionSet(c, service.sectionsOf(service.reviewer, c), service.now());
  let best: { overlap: number; fields: Record<string, FieldValue> } | null = null;
  for (const s of set.items) {
    if (s.label !== label.id) continue;
    const overlap = Math.min(end, s.end) - Math.max(start, s.start);
    if (overlap > 0 && (!best || overlap > best.overlap)) best = { overlap, fields: s.fields };
  }
  if (!best) return {};
  const known = new Set(label.fields.map((f) => f.key));
  const out: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(best.fields)) if (known.has(key) && value !== null && value !== '') out[key] = value;
  return out;
}
