import { z } from 'zod';
import { jsonLines } from '../input.ts';
import { describeZodError, fieldsSchema, offsetSchema } from '../schemas.ts';
import type { OffsetUnit } from '../types.ts';
import type { ImportedSpan, ImportResult } from './types.ts';

/**
 * casebench's own import lines, one span a line:
 *   {"case": "hc2024-03", "start": 120, "end": 126, "label": "indicator", "quote": "26.82%"}
 * "case" is a case id or title. Offsets count UTF-16 code units unless the line (or the caller)
 * says "unit": "codepoint" — the unit Python's str indexes use, convenient for model output.
 */
const lineSchema = z
  .object({
    case: z.union([z.string().min(1), z.number()]),
    start: offsetSchema,
    end: offsetSchema,
    label: z.string().min(1),
    quote: z.string().optional(),
    fields: fieldsSchema.optional(),
    note: z.string().optional(),
    reviewer: z.string().optional(),
    unit: z.enum(['utf16', 'codepoint']).optional(),
  })
  .refine((v) => v.end >= v.start, { message: 'must not be before start', path: ['end'] });

export function readCasebenchLines(content: string, defaultUnit: OffsetUnit, out: ImportResult): void {
  for (const { line, parsed } of jsonLines(content)) {
    if (!parsed.ok) {
      out.errors.push({ line, message: `line ${line}: ${parsed.message}` });
      continue;
    }
    const record = lineSchema.safeParse(parsed.value);
    if (!record.success) {
      out.errors.push({ line, message: `line ${line}: ${describeZodError(record.error)}` });
      continue;
    }
    const { case: ref, unit, ...rest } = record.data;
    const span: ImportedSpan = { where: `line ${line}`, line, caseRef: { kind: 'id-or-title', value: String(ref) }, unit: unit ?? defaultUnit, ...rest };
    out.spans.push(span);
  }
}
