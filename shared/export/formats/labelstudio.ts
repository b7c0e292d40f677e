import type { FieldValue } from '../../model/index.ts';
import { offsetConverter } from '../../text/units.ts';
import { fileText, isRecord, parseJson } from '../input.ts';
import { fieldsSchema } from '../schemas.ts';
import type { ParseIssue, ParsedSpan } from '../types.ts';
import type { ExportView } from '../view.ts';
import { attrs } from '../xml.ts';
import { emptyResult, singleFile, type FormatCodec } from './codec.ts';

/**
 * Label Studio JSON export: a list of tasks, each with `data.text` and one annotation per reviewer
 * whose `result` holds `labels` regions (`from_name` "label", `to_name` "text", as in Label
 * Studio's Named Entity Recognition template).
 *
 * Offsets: `value.start`/`value.end` count Unicode code points. Label Studio's frontend stores code
 * points rather than JavaScript indexes since the fix for emoji offsets (label-studio#1559, "store
 * code points instead of js length", merged as label-studio-frontend#308; the bugs were
 * label-studio#1008 and #1347, spans after an emoji off by one), which also matches Python slicing
 * in ML pipelines.
 *
 * Two files: `tasks.json`, the tasks to import, and `labeling-config.xml`, the labeling config to
 * create the project with (a Labels control "label" over the Text object "text", one Label per
 * label of the schema and per label only spans use), so every region Label Studio imports names a
 * control and a label its project has.
 *
 * `completed_by` is left out: Label Studio's import takes it only as the id of an existing member
 * of the project, and one unknown id (a fresh project has one member, the importer) fails the
 * whole import. The reviewer's name goes in `created_username`, which Label Studio's own exports
 * carry, and casebench reads back. The note goes in the region's `meta.text` (Label Studio's
 * per-region meta text) and casebench fields in `meta.fields`.
 */
const FROM_NAME = 'label';
const TO_NAME = 'text';

export const labelStudioFormat: FormatCodec = {
  steps: (view) => view.cases.length,

  write(view, progress) {
    let annotationId = 0;
    const tasks = view.cases.map((c, taskIndex) => {
      const conv = c.converter();
      const byReviewer = new Map<string, typeof c.spans>();
      for (const s of c.spans) {
        const list = byReviewer.get(s.span.reviewer);
        if (list) list.push(s);
        else byReviewer.set(s.span.reviewer, [s]);
      }
      const annotations = [...byReviewer].map(([reviewer, spans]) => ({
        id: ++annotationId,
        created_username: reviewer,
        result: spans.map(({ span, quote }) => {
          const meta: { text?: string[]; fields?: Record<string, FieldValue> } = {};
          if (span.note !== '') meta.text = [span.note];
          if (Object.keys(span.fields).length > 0) meta.fields = span.fields;
          return {
            id: span.id,
            type: 'labels',
            from_name: FROM_NAME,
            to_name: TO_NAME,
            value: { start: conv.toCodePoints(span.start), end: conv.toCodePoints(span.end), text: quote, labels: [span.label] },
            ...(meta.text || meta.fields ? { meta } : {}),
          };
        }),
        was_cancelled: false,
        ground_truth: false,
        created_at: earliest(spans.map((s) => s.span.createdAt)),
        updated_at: latest(spans.map((s) => s.span.updatedAt)),
        task: taskIndex + 1,
      }));
      progress.step();
      return {
        id: taskIndex + 1,
        data: { text: c.data.text, case_id: c.data.id, title: c.data.title, region: c.data.region, part: c.data.part },
        annotations,
        predictions: [],
      };
    });
    return [
      { path: 'tasks.json', data: `${JSON.stringify(tasks, null, 2)}\n` },
      { path: 'labeling-config.xml', data: labelingConfig(view) },
    ];
  },

  read(files) {
    const result = emptyResult();
    // The labeling config beside the tasks says nothing the tasks do not.
    const tasks = files.filter((f) => !f.path.endsWith('.xml'));
    const file = singleFile(tasks.length ? tasks : files, result);
    if (!file) return result;
    const read = readLabelStudio(fileText(file.data));
    for (const issue of read.issues) result.issues.push({ file: file.path, ...issue });
    for (const task of read.tasks) {
      if (task.caseId === undefined) result.issues.push({ file: file.path, message: `task ${task.ref}: no data.case_id; its spans are left out` });
      else result.cases.push(task.title === undefined ? { id: task.caseId, text: task.text } : { id: task.caseId, text: task.text, title: task.title });
    }
    for (const { task, span } of read.spans) {
      const caseId = read.tasks[task]!.caseId;
      if (caseId !== undefined) result.spans.push({ caseId, ...span });
    }
    return result;
  },
};

export interface LabelStudioTask {
  /** How to name the task in a message: its id, or its position. */
  ref: string;
  text: string;
  caseId?: string;
  title?: string;
}

export interface LabelStudioRead {
  tasks: LabelStudioTask[];
  /** Spans with UTF-16 offsets, by index into `tasks`; `where` names the region for messages. */
  spans: { task: number; where: string; span: Omit<ParsedSpan, 'caseId'> }[];
  issues: ParseIssue[];
}

/**
 * Reads a Label Studio JSON export (also used by `casebench annotations import`). Cancelled
 * annotations and predictions are skipped; every region of type "labels" becomes one span per label.
 */
export function readLabelStudio(content: string): LabelStudioRead {
  const out: LabelStudioRead = { tasks: [], spans: [], issues: [] };
  const parsed = parseJson(content);
  if (!parsed.ok) {
    out.issues.push({ line: parsed.line, message: parsed.message });
    return out;
  }
  const tasks = Array.isArray(parsed.value) ? parsed.value : isRecord(parsed.value) && 'data' in parsed.value ? [parsed.value] : null;
  if (!tasks) {
    out.issues.push({ message: 'not a Label Studio export: expected a list of tasks with "data" and "annotations"' });
    return out;
  }
  tasks.forEach((task, taskIndex) => {
    const ref = isRecord(task) && (typeof task.id === 'number' || typeof task.id === 'string') ? `#${task.id}` : `${taskIndex + 1}`;
    if (!isRecord(task) || !isRecord(task.data) || typeof task.data.text !== 'string') {
      out.issues.push({ message: `task ${ref}: no data.text` });
      return;
    }
    const text = task.data.text;
    const entry: LabelStudioTask = { ref, text };
    const caseId = task.data.case_id ?? task.data.caseId;
    if (typeof caseId === 'string' || typeof caseId === 'number') entry.caseId = String(caseId);
    if (typeof task.data.title === 'string') entry.title = task.data.title;
    const index = out.tasks.push(entry) - 1;
    const conv = offsetConverter(text);
    const annotations = Array.isArray(task.annotations) ? task.annotations : [];
    annotations.forEach((annotation, a) => {
      if (!isRecord(annotation) || annotation.was_cancelled === true) return;
      const reviewer = reviewerOf(annotation);
      const results = Array.isArray(annotation.result) ? annotation.result : [];
      results.forEach((region, r) => {
        const where = `task ${ref}, annotation ${a + 1}, result ${r + 1}`;
        if (!isRecord(region) || region.type !== 'labels') return;
        const value = region.value;
        if (!isRecord(value) || !isCount(value.start) || !isCount(value.end) || value.end < value.start) {
          out.issues.push({ message: `${where}: value.start/value.end must be whole numbers with start ≤ end` });
          return;
        }
        if (value.end > conv.codePointLength) {
          out.issues.push({ message: `${where}: end ${value.end} is beyond the text (${conv.codePointLength} code points)` });
          return;
        }
        const labels = Array.isArray(value.labels) ? value.labels.filter((l): l is string => typeof l === 'string' && l !== '') : [];
        if (labels.length === 0) {
          out.issues.push({ message: `${where}: no labels` });
          return;
        }
        const start = conv.toUtf16(value.start);
        const end = conv.toUtf16(value.end);
        const meta = isRecord(region.meta) ? region.meta : {};
        const note = Array.isArray(meta.text) ? meta.text.filter((t) => typeof t === 'string').join('\n') : '';
        const fields = fieldsSchema.safeParse(meta.fields ?? {});
        for (const label of labels) {
          const span: Omit<ParsedSpan, 'caseId'> = { start, end, label, quote: typeof value.text === 'string' ? value.text : text.slice(start, end), fields: fields.success ? fields.data : {} };
          if (typeof region.id === 'string') span.id = region.id;
          if (reviewer !== undefined) span.reviewer = reviewer;
          if (note !== '') span.note = note;
          out.spans.push({ task: index, where, span });
        }
      });
    });
  });
  return out;
}

/**
 * Who made an annotation: `created_username` (Label Studio writes " email, user id"; the email is
 * the person), else `completed_by` as {"email"} or as a user id.
 */
function reviewerOf(annotation: Record<string, unknown>): string | undefined {
  if (typeof annotation.created_username === 'string' && annotation.created_username.trim() !== '') return annotation.created_username.replace(/,\s*\d+\s*$/, '').trim() || annotation.created_username.trim();
  const by = annotation.completed_by;
  if (isRecord(by) && typeof by.email === 'string') return by.email;
  if (typeof by === 'number' || typeof by === 'string') return String(by);
  return undefined;
}

/** The labeling config of a project that takes the tasks: Named Entity Recognition over the case text. */
function labelingConfig(view: ExportView): string {
  const labels = view.labels.map((l) => {
    const hint = l.def ? `${l.def.name.zh} / ${l.def.name.en}` : undefined;
    const background = l.def && /^#[0-9a-f]{3,8}$/i.test(l.def.color) ? l.def.color : undefined;
    return `    <Label${attrs({ value: l.id, hint, background })}/>`;
  });
  return [
    '<View>',
    `  <Header${attrs({ value: '$title' })}/>`,
    `  <Labels${attrs({ name: FROM_NAME, toName: TO_NAME })}>`,
    ...labels,
    '  </Labels>',
    `  <Text${attrs({ name: TO_NAME, value: '$text', granularity: 'symbol' })}/>`,
    '</View>',
    '',
  ].join('\n');
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const earliest = (times: string[]) => times.reduce((a, b) => (b < a ? b : a));
const latest = (times: string[]) => times.reduce((a, b) => (b > a ? b : a));
