import type { SpanAnnotation } from '../../shared/model/annotation.ts';
import type { RevisionRecord } from '../store/file-kinds.ts';
import { parserFields } from './field-prefill.ts';

/**
 * A span carried from revision `from` onto the next text, when that text changed what it
 * quotes (37.7% became 37.8%): its fields may say what the old text said. Fields the parser
 * made are read again from the new text; typed ones are kept, and the span is marked so the
 * workbench asks a person to check them (the mark also tells a case marked 已审 that its
 * annotated text changed). An edit of the span clears the mark.
 */
export function noteTextChange(before: SpanAnnotation, after: SpanAnnotation, from: number, next: RevisionRecord): SpanAnnotation {
  if (before.quote.exact === after.quote.exact) return after;
  // Over several revisions, the text it quoted first is what a person last saw checked.
  const was = before.textChanged?.was ?? before.quote.exact;
  const fromRevision = before.textChanged?.fromRevision ?? from;
  if (after.fieldsFrom === 'parser') {
    const fields = parserFields(next.text, next.sections, after.label, after.start, after.end);
    if (fields) return { ...after, fields, textChanged: { fromRevision, was, reparsed: true } };
    // The parser finds no figure there now: the old fields are a person's to judge.
    const { fieldsFrom: _gone, ...rest } = after;
    return { ...rest, textChanged: { fromRevision, was } };
  }
  return { ...after, textChanged: { fromRevision, was } };
}
