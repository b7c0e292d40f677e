import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { exportDataset } from '../index.ts';
import type { ExportFile } from '../types.ts';
import { awkwardDataset, seedDataset } from './datasets.fixture.ts';

/**
 * The checks Label Studio's import makes of a task file and its project's labeling config:
 * an annotation's completed_by must be the id of an existing member (a fresh project has one, the
 * importer), so an export must leave it out or name the annotator by {"email"}; every region's
 * from_name/to_name must be a control and an object tag of the config, the object's value a key
 * of the task data, and every label a <Label value> of that control.
 */
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['Label', 'Labels', 'Text'].includes(name) });

interface Config {
  controls: Map<string, { toName: string; labels: Set<string> }>;
  objects: Map<string, string>;
}

function readConfig(xml: string): Config {
  const view = (parser.parse(xml) as { View: { Labels?: Record<string, unknown>[]; Text?: Record<string, string>[] } }).View;
  const controls = new Map((view.Labels ?? []).map((l) => [l.name as string, { toName: l.toName as string, labels: new Set(((l.Label as Record<string, string>[]) ?? []).map((x) => x.value!)) }]));
  const objects = new Map((view.Text ?? []).map((t) => [t.name!, t.value!]));
  return { controls, objects };
}

function problems(files: ExportFile[]): string[] {
  const tasksFile = files.find((f) => f.path.endsWith('.json'));
  const configFile = files.find((f) => f.path.endsWith('.xml'));
  if (!tasksFile || !configFile) return [`expected a task file and a labeling config, got ${files.map((f) => f.path).join(', ')}`];
  const config = readConfig(configFile.data as string);
  const out: string[] = [];
  const tasks = JSON.parse(tasksFile.data as string) as { data: Record<string, unknown>; annotations: { completed_by?: unknown; result: { from_name: string; to_name: string; value: { labels: string[] } }[] }[] }[];
  for (const [t, task] of tasks.entries()) {
    for (const [a, annotation] of task.annotations.entries()) {
      const by = annotation.completed_by;
      if (by !== undefined && !(typeof by === 'object' && by !== null && typeof (by as { email?: unknown }).email === 'string')) out.push(`task ${t} annotation ${a}: completed_by ${JSON.stringify(by)} is not a member of a fresh project`);
      for (const r of annotation.result) {
        const control = config.controls.get(r.from_name);
        if (!control) out.push(`task ${t}: from_name ${r.from_name} is no control of the config`);
        else if (control.toName !== r.to_name) out.push(`task ${t}: to_name ${r.to_name} is not the control's toName ${control.toName}`);
        const object = config.objects.get(r.to_name);
        if (!object) out.push(`task ${t}: to_name ${r.to_name} is no object of the config`);
        else if (!(object.slice(1) in task.data)) out.push(`task ${t}: the config reads ${object}, which the task data lacks`);
        for (const label of r.value.labels) if (!control?.labels.has(label)) out.push(`task ${t}: label ${label} is not in the config`);
      }
    }
  }
  return out;
}

describe.each([
  ['the seeds, three reviewers', seedDataset],
  ['𠀀, 😀 and line separators, two reviewers', awkwardDataset],
])('labelstudio export of %s', (_name, dataset) => {
  it('imports into a fresh Label Studio project: no member ids, every region and label in the labeling config written beside it', () => {
    const files = exportDataset(dataset(), 'labelstudio').files;
    expect(files.map((f) => f.path)).toEqual(['tasks.json', 'labeling-config.xml']);
    expect(problems(files)).toEqual([]);
  });
});

describe('the Label Studio checks themselves', () => {
  it('find a member id and a label the config lacks, so a pass means something', () => {
    const tasks = [{ data: { text: 'ab' }, annotations: [{ completed_by: 1, result: [{ from_name: 'label', to_name: 'text', value: { labels: ['X'] } }] }] }];
    const config = '<View><Labels name="label" toName="text"><Label value="Y"/></Labels><Text name="text" value="$text"/></View>';
    expect(problems([{ path: 't.json', data: JSON.stringify(tasks) }, { path: 'c.xml', data: config }])).toEqual(['task 0 annotation 0: completed_by 1 is not a member of a fresh project', 'task 0: label X is not in the config']);
  });
});
