import { LABEL_CUES, READER_KEYS, type FieldDef, type LabelDef } from '../../../shared/model/labels.ts';

/** What stops a schema being saved, said per label so the editor can point at it. */
export interface SchemaProblem {
  kind: 'name' | 'glyph' | 'hotkey-missing' | 'hotkey-taken' | 'hotkey-reader' | 'field-key' | 'field-duplicate' | 'field-name' | 'choices';
  /** The label's name (or id when it has none yet). */
  label: string;
  key?: string;
}

const FIELD_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * The problems of a draft schema, in label order. The service validates again on save; checking
 * here too lets the editor say what is wrong while the person types, in their language.
 */
export function schemaProblems(labels: readonly LabelDef[]): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const hotkeyOwners = new Map<string, number>();
  for (const l of labels) if (l.hotkey) hotkeyOwners.set(l.hotkey, (hotkeyOwners.get(l.hotkey) ?? 0) + 1);
  for (const l of labels) {
    const label = l.name.zh.trim() || l.id;
    if (!l.name.zh.trim() || !l.name.en.trim()) out.push({ kind: 'name', label });
    if (!l.glyph.trim()) out.push({ kind: 'glyph', label });
    if (!l.hotkey) out.push({ kind: 'hotkey-missing', label });
    else if (READER_KEYS.includes(l.hotkey)) out.push({ kind: 'hotkey-reader', label, key: l.hotkey });
    else if ((hotkeyOwners.get(l.hotkey) ?? 0) > 1) out.push({ kind: 'hotkey-taken', label, key: l.hotkey });
    const seen = new Set<string>();
    for (const f of l.fields) {
      if (!FIELD_KEY.test(f.key)) out.push({ kind: 'field-key', label, key: f.key });
      else if (seen.has(f.key)) out.push({ kind: 'field-duplicate', label, key: f.key });
      seen.add(f.key);
      if (!f.name.zh.trim() || !f.name.en.trim()) out.push({ kind: 'field-name', label, key: f.key });
      if (f.type === 'choice' && !(f.choices ?? []).some((c) => c !== '')) out.push({ kind: 'choices', label, key: f.key });
    }
  }
  return out;
}

/** Colours for new labels, distinct from the defaults and readable under dark text. */
const NEW_COLOURS = ['#4db6ac', '#f06292', '#aed581', '#ffb74d', '#90a4ae', '#9575cd', '#4fc3f7', '#dce775'];

/** A new label (named in both languages, as every label is): an unused id, the first free digit as hotkey, a colour and cue not yet taken. */
export function freshLabel(existing: readonly LabelDef[]): LabelDef {
  let n = existing.length + 1;
  while (existing.some((l) => l.id === `label-${n}`)) n++;
  const hotkey = '1234567890'.split('').find((k) => !existing.some((l) => l.hotkey === k)) ?? '';
  const color = NEW_COLOURS.find((c) => !existing.some((l) => l.color.toLowerCase() === c)) ?? NEW_COLOURS[n % NEW_COLOURS.length]!;
  const cue = LABEL_CUES.find((c) => !existing.some((l) => l.cue === c)) ?? LABEL_CUES[n % LABEL_CUES.length]!;
  return { id: `label-${n}`, name: { zh: `新标签${n}`, en: `Label ${n}` }, color, cue, glyph: String(n).slice(-2), hotkey, fields: [] };
}

/** A new text field with a key not yet used on the label. */
export function freshField(existing: readonly FieldDef[]): FieldDef {
  let n = existing.length + 1;
  while (existing.some((f) => f.key === `field${n}`)) n++;
  return { key: `field${n}`, name: { zh: `字段${n}`, en: `Field ${n}` }, type: 'text' };
}
