/** How a label's highlight differs from the others besides its colour (never colour alone). */
export const LABEL_CUES = ['solid', 'double', 'dotted', 'dashed', 'wavy', 'thick'] as const;
export type LabelCue = (typeof LABEL_CUES)[number];

export interface Localised {
  zh: string;
  en: string;
}

export interface FieldDef {
  key: string;
  name: Localised;
  type: 'text' | 'number' | 'year' | 'choice';
  choices?: string[];
}

export interface LabelDef {
  id: string;
  name: Localised;
  /** CSS colour, used for the highlight background. */
  color: string;
  /** Second cue: underline style, and a short glyph shown in lists and the gutter. */
  cue: LabelCue;
  glyph: string;
  /** A single key pressed with a selection to apply the label. */
  hotkey: string;
  fields: FieldDef[];
}

export interface LabelSchema {
  labels: LabelDef[];
}

/**
 * Keys the reader already gives a meaning (section jumps l/r/b/p, suggestions n/a/x and s to
 * show or hide them, spans j/k, sections [ ], the shortcuts sheet ?). A label hotkey is checked
 * before them, so a label on one of these would silently take the key away: the schema editor
 * refuses them instead.
 */
export const READER_KEYS: readonly string[] = ['l', 'L', 'r', 'R', 'b', 'B', 'p', 'P', 'n', 'N', 'a', 'A', 'x', 's', 'S', 'j', 'k', '[', ']', '?', ' '];

const year = (key: string, zh: string, en: string): FieldDef => ({ key, name: { zh, en }, type: 'year' });
const text = (key: string, zh: string, en: string): FieldDef => ({ key, name: { zh, en }, type: 'text' });
const num = (key: string, zh: string, en: string): FieldDef => ({ key, name: { zh, en }, type: 'number' });

export const INDICATOR_FIELDS: readonly FieldDef[] = [
  text('metric', '指标', 'Metric'),
  num('value', '数值', 'Value'),
  text('unit', '单位', 'Unit'),
  num('baseline', '基线值', 'Baseline'),
  year('baselineYear', '基线年份', 'Baseline year'),
  year('year', '年份', 'Year'),
  { key: 'direction', name: { zh: '方向', en: 'Direction' }, type: 'choice', choices: ['up', 'down', 'none'] },
  num('change', '变化量', 'Change'),
  { key: 'changeUnit', name: { zh: '变化单位', en: 'Change unit' }, type: 'choice', choices: ['pp', '%', 'abs'] },
  { key: 'approx', name: { zh: '约数', en: 'Approximate' }, type: 'choice', choices: ['约', '余', '近', '超过', '以上', '及以上', '多', '左右', '上下', ''] },
];

/** The default schema for this field; every call returns a fresh copy a project can edit. */
export function defaultLabelSchema(): LabelSchema {
  return JSON.parse(JSON.stringify(DEFAULT_SCHEMA)) as LabelSchema;
}

const DEFAULT_SCHEMA: LabelSchema = {
    labels: [
      { id: 'indicator', name: { zh: '指标', en: 'Indicator' }, color: '#ffd54f', cue: 'solid', glyph: '数', hotkey: '1', fields: [...INDICATOR_FIELDS] },
      { id: 'lesson', name: { zh: '经验启示', en: 'Lesson' }, color: '#81c784', cue: 'double', glyph: '启', hotkey: '2', fields: [text('headline', '要点', 'Headline')] },
      { id: 'practice', name: { zh: '主要做法', en: 'Practice' }, color: '#64b5f6', cue: 'dotted', glyph: '法', hotkey: '3', fields: [] },
      { id: 'innovation', name: { zh: '创新点', en: 'Innovation' }, color: '#ba68c8', cue: 'wavy', glyph: '新', hotkey: '4', fields: [] },
      { id: 'policy', name: { zh: '政策文件', en: 'Policy document' }, color: '#a1887f', cue: 'dashed', glyph: '文', hotkey: '5', fields: [text('issuer', '发文机关', 'Issuer'), text('docNumber', '文号', 'Document number')] },
      { id: 'challenge', name: { zh: '问题与挑战', en: 'Challenge' }, color: '#e57373', cue: 'thick', glyph: '难', hotkey: '6', fields: [] },
    ],
};
