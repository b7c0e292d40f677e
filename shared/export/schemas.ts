import { z } from 'zod';

/** Shapes shared by the JSON-based readers, and a readable account of what failed to match. */

export const fieldValueSchema = z.union([z.string(), z.number(), z.null()]);
export const fieldsSchema = z.record(z.string(), fieldValueSchema);
export const offsetSchema = z.number().int().min(0);

/** "start: Too small: expected number to be >=0; label: Invalid input: expected string, received number" */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
