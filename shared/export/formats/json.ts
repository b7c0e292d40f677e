import { z } from 'zod';
import { fileText, isRecord, parseJson } from '../input.ts';
import { describeZodError, fieldsSchema, offsetSchema } from '../schemas.ts';
import type { ParsedSpan } from '../types.ts';
import { emptyResult, singleFile, type FormatCodec } from './codec.ts';

/**
 * The whole Dataset as it is (offsets in UTF-16 code units, as casebench stores them), with a
 * format tag and version so a later casebench can read old files.
 */
export const JSON_FORMAT_VERSION = 1;
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
    const { project, schema, documents, cases, spans, orphans } = view.dataset;
    const out = {
      format: FORMAT_TAG,
      formatVersion: JSON_FORMAT_VERSION,
      offsetUnit: 'utf16',
      project,
      schema,
      documents,
      cases,
      spans: spans.filter(keep),
      orphans: orphans.filter(keep),
    };
    progress.step();
    return [{ path: 'dataset.json', data: `${JSON.stringify(out, null, 2)}\n` }];
  },

  read(files) {
    const result = emptyResult();
    const file = singleFile(files, result);
    if (!file) return result;
    const parsed = parseJson(fileText(file.data));
    if (!parsed.ok) {
      result.issues.push({ file: file.path, line: parsed.line, message: parsed.message });
      return result;
    }
    const root = parsed.value;
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
      if (!c.success) result.issues.push({ file: file.path, message: `cases[${i}]: ${describeZodError(c.error)}` });
      else result.cases.push(c.data.title === undefined ? { id: c.data.id, text: c.data.text } : c.data);
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
