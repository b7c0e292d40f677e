import { z } from 'zod';
import { isRecord } from '../input.ts';
import { LAYER_SCHEMAS, readReviews, selectedReviews } from '../layers.ts';
import { describeZodError, fieldsSchema, offsetSchema } from '../schemas.ts';
import type { ParsedCase, ParsedSpan } from '../types.ts';
import { emptyResult, singleJsonFile, type FormatCodec } from './codec.ts';

/**
 * Everything, as it is (offsets in UTF-16 code units, as casebench stores them), with a format
 * tag and version so a later casebench can read old files:
 *
 *   project, schema (the label schema), rubric, documents,
 *   cases: each with its current text and revision, the loader's sections, the metadata its
 *     reviewers agree on, each reviewer's status, `reviews` (reviewer → status, section tags,
 *     metadata and tags, scores) and `revisions` (number, author, note, date, length of each),
 *   spans (every selected reviewer's, at the current text), orphans (spans awaiting a person).
 *
 * Version 2 added `rubric`, `reviews` and `revisions`; a version 1 file reads as before.
 */
export const JSON_FORMAT_VERSION = 2;
const FORMAT_TAG = 'casebench-dataset';

const caseSchema = z.object({ id: z.string(), text: z.string(), title: z.string().optional() });
const spanSchema = z.object({
  id: z.string().optional(),
  caseId: z.string(),
  start: offsetSchema,
  end: offsetSchema,
  label: z.string().min(1),
  quote: z.object({ exact: z.string() }),
  reviewer: z.string().optional(),
  fields: fieldsSchema.optional(),
  note: z.string().optional(),
});

export const jsonFormat: FormatCodec = {
  steps: () => 1,

  write(view, progress) {
    const keep = (s: { reviewer: string }) => view.selects(s.reviewer);
    const { project, schema, rubric, documents, cases, spans, orphans } = view.dataset;
    const out = {
      format: FORMAT_TAG,
      formatVersion: JSON_FORMAT_VERSION,
      offsetUnit: 'utf16',
      project,
      schema,
      ...(rubric ? { rubric } : {}),
      documents,
      cases: cases.map((c) => {
        const status = Object.fromEntries(Object.entries(c.status).filter(([r]) => view.selects(r)));
        return c.reviews ? { ...c, status, reviews: Object.fromEntries(selectedReviews(c, view.selects)) } : { ...c, status };
      }),
      spans: spans.filter(keep),
      orphans: orphans.filter(keep),
    };
    progress.step();
    return [{ path: 'dataset.json', data: `${JSON.stringify(out, null, 2)}\n` }];
  },

  read(files) {
    const result = emptyResult();
    const file = singleJsonFile(files, result);
    if (!file) return result;
    const root = file.value;
    if (!isRecord(root) || !Array.isArray(root.cases) || !Array.isArray(root.spans)) {
      result.issues.push({ file: file.path, message: 'not a casebench dataset: expected an object with "cases" and "spans" arrays' });
      return result;
    }
    if (root.format !== FORMAT_TAG) result.issues.push({ file: file.path, message: `expected "format": "${FORMAT_TAG}", found ${JSON.stringify(root.format)}; reading anyway` });
    if (typeof root.formatVersion === 'number' && root.formatVersion > JSON_FORMAT_VERSION) {
      result.issues.push({ file: file.path, message: `written by a newer casebench (formatVersion ${root.formatVersion}); reading what this version understands` });
    }
    if (root.offsetUnit !== undefined && root.offsetUnit !== 'utf16') {
      result.issues.push({ file: file.path, message: `offsetUnit ${JSON.stringify(root.offsetUnit)} is not supported (expected "utf16")` });
      return result;
    }
    root.cases.forEach((value, i) => {
      const c = caseSchema.safeParse(value);
      if (!c.success) {
        result.issues.push({ file: file.path, message: `cases[${i}]: ${describeZodError(c.error)}` });
        return;
      }
      const out: ParsedCase = c.data.title === undefined ? { id: c.data.id, text: c.data.text } : c.data;
      readLayers(value as Record<string, unknown>, out, (path, message) => result.issues.push({ file: file.path, message: `cases[${i}].${path}: ${message}` }));
      result.cases.push(out);
    });
    root.spans.forEach((value, i) => {
      const s = spanSchema.safeParse(value);
      if (!s.success) {
        result.issues.push({ file: file.path, message: `spans[${i}]: ${describeZodError(s.error)}` });
        return;
      }
      const { quote, ...rest } = s.data;
      const span: ParsedSpan = { ...rest, quote: quote.exact };
      if (span.note === '') delete span.note;
      result.spans.push(span);
    });
    return result;
  },
};

/** A case's sections, metadata and reviews, where present and sound; each bad part is an issue. */
function readLayers(raw: Record<string, unknown>, out: ParsedCase, issue: (path: string, message: string) => void): void {
  for (const key of ['sections', 'meta'] as const) {
    if (raw[key] === undefined) continue;
    const part = LAYER_SCHEMAS[key].safeParse(raw[key]);
    if (part.success) Object.assign(out, { [key]: part.data });
    else issue(key, describeZodError(part.error));
  }
  if (raw.reviews !== undefined) out.reviews = readReviews(raw.reviews, issue);
}
