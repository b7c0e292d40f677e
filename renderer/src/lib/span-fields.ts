import type { FieldValue } from '../../../shared/model/annotation.ts';
import type { FieldDef, LabelDef } from '../../../shared/model/labels.ts';

const empty = (v: FieldValue | undefined) => v === null || v === undefined || v === '';

/** Would the label's field take this value as it is (the service refuses the others)? */
function fits(def: FieldDef, value: FieldValue): boolean {
  if (def.type === 'choice') return !def.choices || def.choices.includes(String(value));
  if (def.type === 'number' || def.type === 'year') return typeof value === 'number' || /^\s*-?[\d,，]+(\.\d+)?\s*$/.test(String(value));
  return true;
}

/**
 * A span's fields when it takes another label: what the new label defines (and can hold) stays,
 * the rest is dropped (an indicator relabelled as a lesson keeps no metric or value). `dropped`
 * names the keys with a value that were let go, for the editor to say so.
 */
export function fieldsForLabel(fields: Record<string, FieldValue>, label: LabelDef | undefined): { kept: Record<string, FieldValue>; dropped: string[] } {
  const kept: Record<string, FieldValue> = {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (empty(value)) continue;
    const def = label?.fields.find((f) => f.key === key);
    if (def && fits(def, value)) kept[key] = value;
    else dropped.push(key);
  }
  return { kept, dropped };
}

/**
 * The fields worth showing in a list, each with its definition (for its localised name): the
 * span's own label first, then any label of the schema (a field left from an old label). A key
 * no label defines has no name to show, and is left out rather than shown as a raw key.
 */
export function namedFields(fields: Record<string, FieldValue>, label: LabelDef | undefined, labels: readonly LabelDef[]): Array<{ def: FieldDef; value: FieldValue }> {
  const out: Array<{ def: FieldDef; value: FieldValue }> = [];
  const order = label?.fields.map((f) => f.key) ?? [];
  const keys = Object.keys(fields).sort((a, b) => (order.includes(a) ? order.indexOf(a) : Infinity) - (order.includes(b) ? order.indexOf(b) : Infinity));
  for (const key of keys) {
    const value = fields[key]!;
    if (empty(value)) continue;
    const def = label?.fields.find((f) => f.key === key) ?? labels.flatMap((l) => l.fields).find((f) => f.key === key);
    if (def) out.push({ def, value });
  }
  return out;
}
