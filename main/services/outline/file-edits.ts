import { z } from 'zod';
import { ApiError } from '../../../shared/api/errors.ts';
import type { LoadedDocument } from '../../../shared/model/document.ts';
import { correctionFor, EditRefused, freshCaseId, nextCorrectionId, outlineEdit, type Correction, type OutlineEdit } from '../../../shared/outline/index.ts';
import { loadCorrected } from './load-input.ts';

/** A paragraph named by the text it starts with, for people writing edits by hand. */
const paragraphRef = z.union([z.number().int().nonnegative(), z.string().min(1).max(500)]);

/**
 * An edit as a corrections file may give it: an OutlineEdit whose `at` and `to` may be the text
 * a paragraph starts with (instead of an offset), and whose `caseId` may then be left out.
 */
export const fileEdit = z.object({ op: z.string(), caseId: z.string().min(1).max(200).optional(), at: paragraphRef.optional(), to: paragraphRef.optional() }).passthrough();
export type FileEdit = z.infer<typeof fileEdit>;

/** The case and offset of the paragraph starting with `text` (in `caseId`, or the one case that has it). */
function findParagraph(doc: LoadedDocument, text: string, caseId: string | undefined): { caseId: string; at: number } {
  const hits: Array<{ caseId: string; at: number }> = [];
  for (const c of doc.cases) {
    if (caseId && c.id !== caseId) continue;
    let at = 0;
    for (const p of c.text.split('\n')) {
      if (p.startsWith(text)) hits.push({ caseId: c.id, at });
      at += p.length + 1;
    }
  }
  if (hits.length === 1) return hits[0]!;
  throw new ApiError('invalid-input', hits.length ? `${hits.length} paragraphs start with "${text}": give the caseId, or more of the text` : `no paragraph${caseId ? ` of ${caseId}` : ''} starts with "${text}"`);
}

/**
 * Corrections for a file: the anchored ones it has, then its edits made one after the other on
 * the outline so far (as a person makes them in the workbench), each turned into an anchored
 * correction. An edit that cannot be made stops with its reason.
 */
export async function correctionsWithEdits(bytes: Uint8Array, name: string, id: string, corrections: readonly Correction[], edits: readonly FileEdit[], taken: ReadonlySet<string> = new Set()): Promise<Correction[]> {
  const list = [...corrections];
  for (const [i, raw] of edits.entries()) {
    const doc = (await loadCorrected(bytes, name, id, list)).document;
    const e: Record<string, unknown> = { ...raw };
    let caseId = raw.caseId;
    for (const key of ['at', 'to'] as const) {
      const ref = raw[key];
      if (typeof ref !== 'string') continue;
      let found: { caseId: string; at: number };
      try {
        found = findParagraph(doc, ref, caseId);
      } catch (err) {
        if (err instanceof ApiError) throw new ApiError(err.code, `edit ${i + 1} (${raw.op}) of ${name}: ${err.message}`);
        throw err;
      }
      caseId = found.caseId;
      e[key] = found.at;
    }
    if (caseId) e.caseId = caseId;
    const parsed = outlineEdit.safeParse(e);
    if (!parsed.success) throw new ApiError('invalid-input', `edit ${i + 1} (${raw.op}) of ${name}: ${parsed.error.issues.map((x) => `${x.path.join('.') || '(edit)'}: ${x.message}`).join('; ')}`);
    const ids = new Set([...taken, ...doc.cases.map((c) => c.id), ...list.flatMap((k) => (k.op === 'split' ? [k.newCaseId] : []))]);
    try {
      list.push(correctionFor(doc, parsed.data as OutlineEdit, { correctionId: nextCorrectionId(list), newCaseId: freshCaseId(id, ids) }));
    } catch (err) {
      if (err instanceof EditRefused) throw new ApiError('invalid-input', `edit ${i + 1} (${raw.op}) of ${name}: ${err.message}`);
      throw err;
    }
  }
  return list;
}
