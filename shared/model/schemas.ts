import { z } from 'zod';
import { SECTION_KINDS } from './sections.ts';
import { LABEL_CUES, READER_KEYS } from './labels.ts';
import { REVIEW_STATUSES } from './review.ts';
import { RECOMMENDATIONS } from './scoring.ts';

/**
 * Runtime schemas of the model, used wherever data crosses a trust boundary: API payloads (IPC
 * and HTTP), files read from a project folder, and imported annotation files. They mirror the
 * interfaces in this folder; the `satisfies`-style checks at the bottom keep the two in step.
 */
export const offset = z.number().int().nonnegative();
export const id = z.string().min(1).max(200);
/** Reviewer names become file names: letters (any script), digits, dot, dash, underscore. */
export const reviewerName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u, 'a reviewer name is letters, digits, ".", "-" or "_", starting with a letter or digit');

export const sectionKind = z.enum(SECTION_KINDS);
export const reviewStatus = z.enum(REVIEW_STATUSES);
export const fieldValue = z.union([z.string().max(2000), z.number().finite(), z.null()]);
export const fields = z.record(z.string().max(64), fieldValue);

export const textQuote = z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() });

export const orphanInfo = z.object({
  previousStart: offset,
  previousEnd: offset,
  fromRevision: z.number().int().nonnegative(),
  reason: z.string(),
  candidate: z.object({ start: offset, end: offset, score: z.number() }).optional(),
});

export const spanAnnotation = z
  .object({
    id,
    caseId: id,
    start: offset,
    end: offset,
    quote: textQuote,
    label: id,
    fields,
    note: z.string().max(20_000),
    reviewer: reviewerName,
    origin: z.enum(['manual', 'suggestion', 'import', 'adjudication']),
    revision: z.number().int().nonnegative(),
    createdAt: z.string(),
    updatedAt: z.string(),
    orphan: orphanInfo.optional(),
    fieldsFrom: z.literal('parser').optional(),
    textChanged: z.object({ fromRevision: z.number().int().nonnegative(), was: z.string(), reparsed: z.literal(true).optional() }).optional(),
  })
  .refine((s) => s.end >= s.start, { message: 'a span ends before it starts' });

export const section = z.object({
  heading: z.string().max(500),
  numbering: z.string().max(20),
  level: z.number().int().min(1).max(9),
  kinds: z.array(sectionKind).min(1),
  start: offset,
  headingEnd: offset,
  end: offset,
  runIn: z.boolean().optional(),
});

export const taggedSection = section.extend({ source: z.enum(['loader', 'reviewer']), confirmed: z.boolean() });

export const caseSections = z.object({ caseId: id, revision: z.number().int().nonnegative(), sections: z.array(taggedSection) });

export const caseMeta = z.object({
  title: z.string().max(300).optional(),
  region: z.string().max(100).optional(),
  category: z.string().max(100).optional(),
  year: z.number().int().min(1900).max(2200).optional(),
  tags: z.array(z.string().min(1).max(50)).max(100),
});

const localised = z.object({ zh: z.string().min(1).max(60), en: z.string().min(1).max(60) });
export const fieldDef = z.object({
  key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/).max(40),
  name: localised,
  type: z.enum(['text', 'number', 'year', 'choice']),
  choices: z.array(z.string().max(40)).optional(),
});
export const labelDef = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/).max(40),
  name: localised,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  cue: z.enum(LABEL_CUES),
  glyph: z.string().min(1).max(2),
  hotkey: z.string().length(1),
  fields: z.array(fieldDef),
});
export const labelSchema = z
  .object({ labels: z.array(labelDef).min(1).max(40) })
  .refine((s) => new Set(s.labels.map((l) => l.id)).size === s.labels.length, { message: 'label ids must be unique' })
  .refine((s) => new Set(s.labels.map((l) => l.hotkey)).size === s.labels.length, { message: 'label hotkeys must be unique' });

/**
 * A schema as a person edits it: besides being well formed, no hotkey may take a key the
 * reader already uses. (Files on disk are read with `labelSchema`, so a hand-edited file with
 * such a key still opens.)
 */
export const editableLabelSchema = labelSchema.refine((s) => !s.labels.some((l) => READER_KEYS.includes(l.hotkey)), {
  message: `a label hotkey may not be one of the reader's keys (${READER_KEYS.filter((k) => k !== ' ').join(' ')}, space)`,
});

export const rubricCriterion = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/).max(40),
    name: localised,
    description: z.object({ zh: z.string().max(500), en: z.string().max(500) }),
    min: z.number().int(),
    max: z.number().int(),
    weight: z.number().positive().max(100),
  })
  .refine((c) => c.max > c.min, { message: 'a scale must go up' });
export const rubric = z
  .object({ criteria: z.array(rubricCriterion).min(1).max(20) })
  .refine((r) => new Set(r.criteria.map((c) => c.id)).size === r.criteria.length, { message: 'criterion ids must be unique' });

/** A suggestion as stored: where, what, its parsed fields and the section it came from. */
export const storedSuggestion = z.object({
  id,
  label: z.enum(['indicator', 'lesson']),
  start: offset,
  end: offset,
  text: z.string(),
  fields,
  section: z.string().nullable(),
  score: z.number().min(0).max(1),
});
export const suggestionSet = z.object({ revision: z.number().int().nonnegative(), generatedAt: z.string(), items: z.array(storedSuggestion) });
export const suggestionDecision = z.enum(['accepted', 'rejected']);

export const recommendation = z.enum(RECOMMENDATIONS);
export const caseScore = z.object({
  ratings: z.record(z.string().max(40), z.number().finite().nullable()),
  evidence: z.record(z.string().max(40), z.array(id).max(200)),
  comment: z.string().max(20_000),
  recommendation: recommendation.nullable(),
  updatedAt: z.string(),
});

export const compendiumDraft = z.object({
  title: z.string().min(1).max(200),
  parts: z.array(z.object({ title: z.string().min(1).max(100), caseIds: z.array(id).max(2000) })).max(100),
  indicatorTables: z.boolean(),
  updatedAt: z.string(),
  issuer: z.string().max(200).optional(),
  preface: z.string().max(20_000).optional(),
  rule: z
    .object({ recommendations: z.array(recommendation).min(1), minScore: z.number().finite().nullable(), groupBy: z.enum(['part', 'none']) })
    .optional(),
});

/** A clear one-paragraph message from a zod error, for CLI output and API errors. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 8)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}
