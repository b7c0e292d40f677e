import { describe, expect, it } from 'vitest';
import { exportDataset, parseExport } from '../index.ts';
import { buildDataset } from '../testing/datasets.ts';

const TEXT = '😀覆盖率达到26.82%';
const dataset = () =>
  buildDataset(
    [{ id: 'hb-01', text: TEXT, title: '河北' }, { id: 'hb-02', text: '无标注' }],
    [
      { caseId: 'hb-01', start: 7, end: 13, label: 'indicator', reviewer: 'bob', fields: { value: 26.82 }, note: '核对' },
      { caseId: 'hb-01', start: 0, end: 2, label: 'innovation', reviewer: 'alice' },
    ],
  );
const tasksOf = () => JSON.parse(exportDataset(dataset(), 'labelstudio').files[0]!.data as string);

describe('labelstudio export', () => {
  it('writes a labeling config beside the tasks, with a Label per schema label', () => {
    const [tasks, config] = exportDataset(dataset(), 'labelstudio').files;
    expect(tasks!.path).toBe('tasks.json');
    expect(config).toMatchObject({ path: 'labeling-config.xml' });
    expect(config!.data).toContain('<Labels name="label" toName="text">');
    expect(config!.data).toContain('<Label value="indicator" hint="指标 / Indicator" background=');
    expect(config!.data).toContain('<Text name="text" value="$text" granularity="symbol"/>');
  });

  it('writes one task per case with data.text and the case id', () => {
    const tasks = tasksOf();
    expect(tasks).toHaveLength(2);
    expect(tasks[0]).toMatchObject({ id: 1, data: { text: TEXT, case_id: 'hb-01', title: '河北' }, predictions: [] });
    expect(tasks[1].annotations).toEqual([]);
  });

  it('writes one annotation per reviewer, with labels regions in code points', () => {
    const [alice, bob] = tasksOf()[0].annotations;
    // No completed_by: Label Studio takes it only as the id of a member the project already has.
    expect(alice).toMatchObject({ created_username: 'alice', was_cancelled: false, task: 1 });
    expect(alice).not.toHaveProperty('completed_by');
    expect(bob).toMatchObject({ created_username: 'bob' });
    expect(bob.result).toEqual([
      // 😀 is one code point: 26.82% starts at 6, not at its UTF-16 offset 7.
      { id: 's1', type: 'labels', from_name: 'label', to_name: 'text', value: { start: 6, end: 12, text: '26.82%', labels: ['indicator'] }, meta: { text: ['核对'], fields: { value: 26.82 } } },
    ]);
  });
});

describe('labelstudio import', () => {
  it('reads an export written by Label Studio: numeric completed_by, cancelled annotations, predictions', () => {
    const tasks = [
      {
        id: 7,
        data: { text: TEXT, case_id: 'hb-01' },
        annotations: [
          { id: 1, completed_by: 3, result: [{ id: 'r1', type: 'labels', from_name: 'label', to_name: 'text', value: { start: 6, end: 12, text: '26.82%', labels: ['Indicator', 'Number'] } }] },
          { id: 2, completed_by: 4, was_cancelled: true, result: [{ type: 'labels', value: { start: 0, end: 1, labels: ['X'] } }] },
          { id: 3, completed_by: { id: 5, email: 'li@example.org' }, result: [{ type: 'choices', value: { choices: ['good'] } }] },
          { id: 4, completed_by: 6, created_username: ' wang@example.org, 6', result: [{ id: 'r4', type: 'labels', value: { start: 0, end: 1, text: '😀', labels: ['Lesson'] } }] },
        ],
        predictions: [{ result: [{ type: 'labels', value: { start: 0, end: 1, labels: ['Pred'] } }] }],
      },
    ];
    const parsed = parseExport('labelstudio', [{ path: 'ls.json', data: JSON.stringify(tasks) }]);
    expect(parsed.issues).toEqual([]);
    expect(parsed.spans).toEqual([
      { caseId: 'hb-01', start: 7, end: 13, label: 'Indicator', quote: '26.82%', id: 'r1', reviewer: '3', fields: {} },
      { caseId: 'hb-01', start: 7, end: 13, label: 'Number', quote: '26.82%', id: 'r1', reviewer: '3', fields: {} },
      // created_username as Label Studio writes it, " email, user id": the email is the annotator.
      { caseId: 'hb-01', start: 0, end: 2, label: 'Lesson', quote: '😀', id: 'r4', reviewer: 'wang@example.org', fields: {} },
    ]);
  });

  it.each([
    ['not JSON', '[{"data": ', /malformed JSON/],
    ['not a list of tasks', '{"foo": 1}', /not a Label Studio export/],
    ['a task without text', '[{"id": 1, "data": {"image": "x.jpg"}}]', /task #1: no data\.text/],
    ['a task without a case id', '[{"data": {"text": "abc"}, "annotations": []}]', /task 1: no data\.case_id/],
    ['a region beyond the text', '[{"data": {"text": "abc", "case_id": "c"}, "annotations": [{"result": [{"type": "labels", "value": {"start": 0, "end": 9, "labels": ["X"]}}]}]}]', /end 9 is beyond the text \(3 code points\)/],
    ['a region without labels', '[{"data": {"text": "abc", "case_id": "c"}, "annotations": [{"result": [{"type": "labels", "value": {"start": 0, "end": 1, "labels": []}}]}]}]', /result 1: no labels/],
    ['reversed offsets', '[{"data": {"text": "abc", "case_id": "c"}, "annotations": [{"result": [{"type": "labels", "value": {"start": 2, "end": 1, "labels": ["X"]}}]}]}]', /start ≤ end/],
  ])('reports %s', (_name, data, message) => {
    const parsed = parseExport('labelstudio', [{ path: 'ls.json', data }]);
    expect(parsed.spans).toEqual([]);
    expect(parsed.issues.map((i) => i.message).join('\n')).toMatch(message);
  });
});
