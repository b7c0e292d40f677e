import { describe, expect, it } from 'vitest';
import type { FieldValue } from '../../../shared/model/annotation.ts';
import { defaultLabelSchema } from '../../../shared/model/labels.ts';
import { fieldsForLabel, namedFields } from './span-fields.ts';

const labels = defaultLabelSchema().labels;
const label = (id: string) => labels.find((l) => l.id === id)!;
const indicatorFields = { metric: '成人超重率', value: 37.7, unit: '%', year: 2022, direction: 'up' };

describe('fieldsForLabel', () => {
  it.each<[string, Record<string, FieldValue>, string, Record<string, FieldValue>, string[]]>([
    ['indicator → lesson drops every indicator field', indicatorFields, 'lesson', {}, ['metric', 'value', 'unit', 'year', 'direction']],
    ['indicator → indicator keeps them all', indicatorFields, 'indicator', indicatorFields, []],
    ['lesson → indicator drops the headline', { headline: '领导重视是前提' }, 'indicator', {}, ['headline']],
    ['empty values are not reported as dropped', { metric: '', value: null, headline: '要点' }, 'lesson', { headline: '要点' }, []],
    ['a label without fields keeps nothing', { headline: '要点' }, 'practice', {}, ['headline']],
    ['a choice the new label does not offer is dropped', { direction: 'sideways', unit: '%' }, 'indicator', { unit: '%' }, ['direction']],
    ['a number field keeps numbers written as text', { value: '1,200', year: '二〇二二' }, 'indicator', { value: '1,200' }, ['year']],
  ])('%s', (_, fields, to, kept, dropped) => {
    expect(fieldsForLabel(fields, label(to))).toEqual({ kept, dropped });
  });

  it('drops everything when the label is unknown', () => {
    expect(fieldsForLabel({ metric: 'x' }, undefined)).toEqual({ kept: {}, dropped: ['metric'] });
  });
});

describe('namedFields', () => {
  const names = (fields: Record<string, FieldValue>, id: string) => namedFields(fields, label(id), labels).map((f) => `${f.def.name.zh}=${f.value}`);
  it.each<[string, Record<string, FieldValue>, string, string[]]>([
    ['in the order the label defines them', { year: 2022, metric: '超重率', value: 37.7 }, 'indicator', ['指标=超重率', '数值=37.7', '年份=2022']],
    ['empty values are left out', { metric: '', value: null, unit: '%' }, 'indicator', ['单位=%']],
    ['a field of another label is named by that label', { metric: '超重率', headline: '要点' }, 'lesson', ['要点=要点', '指标=超重率']],
    ['a key no label defines is never shown raw', { zzz: 'raw', headline: '要点' }, 'lesson', ['要点=要点']],
  ])('%s', (_, fields, id, expected) => {
    expect(names(fields, id)).toEqual(expected);
  });
});
