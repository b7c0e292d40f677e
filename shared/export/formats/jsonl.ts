import { z } from 'zod';
import { sectionKind } from '../../model/schemas.ts';
import { fileText, jsonLines } from '../input.ts';
import { LAYER_SCHEMAS, readReviews, selectedReviews } from '../layers.ts';
import { describeZodError, fieldsSchema, offsetSchema } from '../schemas.ts';
import type { ParsedCase, ParsedSpan } from '../types.ts';
import { emptyResult, singleFile, type FormatCodec } from './codec.ts';

/**
 * One case a line, self-contained: its text, its sections as loaded, the metadata its reviewers
 * agree on, every selected reviewer's spans, and `reviews`: each selected reviewer's status,
 * section tags, metadata and tags, and scores — so a line can be streamed, grepped or fed to a
 * model on its own. Offsets are UTF-16 code units (the unit JavaScript indexes, as stored); each
 * line says so in `offsetUnit`.
 */

const spanSchema = z.object({
  id: z.string().optional(),
  start: offsetSchema,
  end: offsetSchema,
  label: z.string().min(1),
  quote: z.string(),
  reviewer: z.string().optional(),
  fields: fieldsSchema.optional(),
  note: z.string().optional(),
});
const lineSchema = z.object({
  id: z.string(),
  title: z.string().optional(),
  offsetUnit: z.literal('utf16').optional(),
  text: z.string(),
  spans: z.array(z.unknown()).optional(),
});
/** The loader's sections, as the line writes them: without the fields only a reviewer's layer has. */
const loaderSection = z.object({ heading: z.string(), kinds: z.array(sectionKind), level: z.number().int().min(1), start: offsetSchema, end: offsetSchema });

export const jsonlFormat: FormatCodec = {
  steps: (view) => view.cases.length,

  write(view, progress) {
    const lines = view.cases.map((c) => {
      const { id, title, region, part, text, sections, meta } = c.data;
      const reviews = c.data.reviews ? { reviews: Object.fromEntries(selectedReviews(c.data, view.selects)) } : {};
      const line = JSON.stringify({
        id,
        title,
        region,
        part,
        offsetUnit: 'utf16',
        text,
        sections: sections.map(({ heading, kinds, level, start, end }) => ({ heading, kinds, level, start, end })),
        meta,
        ...reviews,
        spans: c.spans.map(({ span, quote }) => ({
          id: span.id,
          start: span.start,
          end: span.end,
          label: span.label,
          quote,
          fields: span.fields,
          note: span.note,
          reviewer: span.reviewer,
        })),
      });
      progress.step();
      return line;
    });
    return [{ path: 'dataset.jsonl', data: lines.length > 0 ? `${lines.join('\n')}\n` : '' }];
  },

  read(files) {
    const result = emptyResult();
    const file = singleFile(files, result);
    if (!file) return result;
    for (const { line, parsed } of jsonLines(fileText(file.data))) {
      if (!parsed.ok) {
        result.issues.push({ file: file.path, line, message: parsed.message });
        continue;
      }
      const c = lineSchema.safeParse(parsed.value);
      if (!c.success) {
        result.issues.push({ file: file.path, line, message: `not a case line: ${describeZodError(c.error)}` });
        continue;
      }
      const out: ParsedCase = c.data.title === undefined ? { id: c.data.id, text: c.data.text } : { id: c.data.id, text: c.data.text, title: c.data.title };
      const raw = parsed.value as Record<string, unknown>;
      const issue = (path: string, message: string) => result.issues.push({ file: file.path, line, message: `${path}: ${message}` });
      if (raw.sections !== undefined) {
        const sections = z.array(loaderSection).safeParse(raw.sections);
        if (sections.success) out.sections = sections.data;
        else issue('sections', describeZodError(sections.error));
      }
      if (raw.meta !== undefined) {
        const meta = LAYER_SCHEMAS.meta.safeParse(raw.meta);
        if (meta.success) out.meta = meta.data;
        else issue('meta', describeZodError(meta.error));
      }
      if (raw.reviews !== undefined) out.reviews = readReviews(raw.reviews, issue);
      result.cases.push(out);
      (c.data.spans ?? []).forEach((value, i) => {
        const s = spanSchema.safeParse(value);
        if (!s.success) {
          result.issues.push({ file: file.path, line, message: `spans[${i}]: ${describeZodError(s.error)}` });
          return;
        }
        const span: ParsedSpan = { caseId: c.data.id, ...s.data };
        if (span.note === '') delete span.note;
        result.spans.push(span);
      });
    }
    return result;
  },
};
