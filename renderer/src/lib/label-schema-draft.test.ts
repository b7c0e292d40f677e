import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultLabelSchema, type LabelDef } from '../../../shared/model/labels.ts';
import { editableLabelSchema } from '../../../shared/model/schemas.ts';
import { freshField, freshLabel, schemaProblems } from './label-schema-draft.ts';

const labels = () => defaultLabelSchema().labels;
const edit = (i: number, patch: Partial<LabelDef>) => labels().map((l, k) => (k === i ? { ...l, ...patch } : l));

describe('schemaProblems', () => {
  it('finds none in the default schema', () => {
    expect(schemaProblems(labels())).toEqual([]);
  });

  it.each<[string, LabelDef[], Array<{ kind: string; label: string; key?: string }>]>([
    ['a hotkey the reader uses', edit(1, { hotkey: 'a' }), [{ kind: 'hotkey-reader', label: '经验启示', key: 'a' }]],
    ['a hotkey two labels share', edit(1, { hotkey: '1' }), [{ kind: 'hotkey-taken', label: '指标', key: '1' }, { kind: 'hotkey-taken', label: '经验启示', key: '1' }]],
    ['no hotkey', edit(0, { hotkey: '' }), [{ kind: 'hotkey-missing', label: '指标' }]],
    ['no glyph', edit(2, { glyph: ' ' }), [{ kind: 'glyph', label: '主要做法' }]],
    ['no English name (named by its id when it has no name)', edit(3, { name: { zh: '', en: '' } }), [{ kind: 'name', label: 'innovation' }]],
    ['a field key that is not an identifier', edit(1, { fields: [{ key: '要点', name: { zh: '要点', en: 'Headline' }, type: 'text' }] }), [{ kind: 'field-key', label: '经验启示', key: '要点' }]],
    [
      'a field key used twice',
      edit(1, { fields: [{ key: 'a', name: { zh: '甲', en: 'A' }, type: 'text' }, { key: 'a', name: { zh: '乙', en: 'B' }, type: 'number' }] }),
      [{ kind: 'field-duplicate', label: '经验启示', key: 'a' }],
    ],
    ['a choice field without choices', edit(2, { fields: [{ key: 'level', name: { zh: '层级', en: 'Level' }, type: 'choice', choices: [''] }] }), [{ kind: 'choices', label: '主要做法', key: 'level' }]],
  ])('%s', (_what, draft, expected) => {
    expect(schemaProblems(draft)).toEqual(expected);
  });

  // The editor and the service must agree: what the editor lets through, the API accepts, and the other way round.
  it('agrees with the API schema on hotkeys (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 1 }), { minLength: 6, maxLength: 6 }), (keys) => {
        const draft = labels().map((l, i) => ({ ...l, hotkey: keys[i]! }));
        expect(schemaProblems(draft).length === 0).toBe(editableLabelSchema.safeParse({ labels: draft }).success);
      }),
    );
  });
});

describe('freshLabel and freshField', () => {
  it('make a label the API accepts, with a free id, hotkey, colour and cue', () => {
    const first = freshLabel(labels());
    expect(first).toMatchObject({ id: 'label-7', hotkey: '7', name: { zh: '新标签7', en: 'Label 7' } });
    expect(labels().map((l) => l.cue)).not.toContain(undefined);
    const second = freshLabel([...labels(), first]);
    expect(second.id).toBe('label-8');
    expect(second.hotkey).toBe('8');
    expect(second.color).not.toBe(first.color);
    const draft = [...labels(), first, second];
    expect(schemaProblems(draft)).toEqual([]);
    expect(editableLabelSchema.safeParse({ labels: draft }).success).toBe(true);
  });

  it('gives a field a key not yet used on the label', () => {
    const a = freshField([]);
    const b = freshField([a]);
    expect([a.key, b.key]).toEqual(['field1', 'field2']);
    expect(freshField([{ ...a, key: 'field2' }]).key).toBe('field3');
  });
});
