import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../../../shared/model/labels.ts';
import { historyText, parseHistoryLabel } from './history-label.ts';

const labels = defaultLabelSchema().labels;
const indicator = labels.find((l) => l.id === 'indicator')!;

describe('parseHistoryLabel', () => {
  it.each([
    ['add Indicator', { key: 'addSpan', label: indicator, raw: 'Indicator' }],
    ['edit Indicator', { key: 'editSpan', label: indicator, raw: 'Indicator' }],
    ['edit Retired label', { key: 'editSpan', label: null, raw: 'Retired label' }],
    ['add span', { key: 'addSpan', label: null, raw: '' }],
    ['delete span', { key: 'deleteSpan' }],
    ['edit case metadata', { key: 'editMeta' }],
    ['set status done', { key: 'setStatus', status: 'done' }],
    ['set status in-progress', { key: 'setStatus', status: 'in-progress' }],
    ['section: confirm', { key: 'section.confirm' }],
    ['section: confirm-all', { key: 'section.confirm-all' }],
    ['section: set-kinds', { key: 'section.set-kinds' }],
    ['section: reset', { key: 'section.reset' }],
    ['drop orphan', { key: 'dropOrphan' }],
    ['place orphan', { key: 'placeOrphan' }],
    ['score', { key: 'score' }],
    ['adjudicate', { key: 'adjudicate' }],
    ['accept suggestion', { key: 'acceptSuggestion' }],
    ['reject suggestion', { key: 'rejectSuggestion' }],
    ['decide 12 suggestions', { key: 'decideSuggestions', count: 12 }],
    ['import 3 annotations', { key: 'importSpans', count: 3 }],
    ['section: teleport', null],
    ['something new', null],
  ])('%s', (label, expected) => {
    expect(parseHistoryLabel(label, labels)).toEqual(expected);
  });
});

describe('historyText', () => {
  // A stand-in for i18next: the key and its values, so the test shows what would be looked up.
  const t = (key: string, values?: Record<string, unknown>) => (values ? `${key}${JSON.stringify(values)}` : key);
  const zh = (n: { zh: string }) => n.zh;
  it.each([
    ['edit Indicator', 'history.editSpanLabelled{"label":"指标"}'],
    ['edit Retired label', 'history.editSpanLabelled{"label":"Retired label"}'],
    ['add span', 'history.addSpan'],
    ['set status done', 'history.setStatus{"status":"status.done{\\"defaultValue\\":\\"done\\"}"}'],
    ['section: confirm-all', 'history.section.confirm-all'],
    ['decide 2 suggestions', 'history.decideSuggestions{"count":2}'],
    ['something new', 'something new'],
  ])('%s', (label, expected) => {
    expect(historyText(label, labels, t, zh)).toBe(expected);
  });
});
