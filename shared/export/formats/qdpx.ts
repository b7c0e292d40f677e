import { strToU8, zipSync, type Zippable } from 'fflate';
import { SECTION_KINDS } from '../../model/index.ts';
import { sectionDetails, selectedReviews } from '../layers.ts';
import type { Progress } from '../progress.ts';
import { hasNonXmlChars, xmlText, attrs } from '../xml.ts';
import { compareStrings, type ExportCase, type ExportView } from '../view.ts';
import type { FormatCodec } from './codec.ts';
import { CASE_ID_VARIABLE, FIELDS_PREFIX, guidOf, LABEL_ID_PREFIX, QDA_NAMESPACE, SECTION_GROUP_MARK, SECTION_KIND_NAMES, SECTION_KIND_PREFIX, SECTION_PREFIX, VARIABLES } from './qdpx-names.ts';
import { readQdpx } from './qdpx-read.ts';

/**
 * REFI-QDA Project Exchange (.qdpx, REFI-QDA standard 1.5, schema urn:QDA-XML:project:1.0): a zip
 * with `project.qde` and the case texts as `sources/<guid>.txt` (UTF-8, no byte order mark), which
 * MAXQDA, NVivo, ATLAS.ti and QualCoder open as a project.
 *
 * Mapping: reviewers are Users; labels are Codes of the CodeBook; cases are TextSources (with
 * Variables for case id, region and part); each span is a PlainTextSelection created by its
 * reviewer, holding one Coding of its label's Code; a note is a Note in Notes, referenced from the
 * selection with NoteRef; fields go in the selection's Description as "casebench fields: {json}".
 * Section tags: each section of a reviewer's outline is a PlainTextSelection over the section
 * (heading to end) created by the reviewer, with a Coding per kind; the kinds are Codes under a
 * "章节" group, and the Description keeps what positions cannot ("casebench section: {json}":
 * heading, numbering, level, heading end in code points, source, confirmed).
 * Element order follows the schema's sequences (Project: Users, CodeBook, Variables, Sources,
 * Notes; TextSource: PlainTextSelection…, VariableValue…; PlainTextSelection: Description, Coding,
 * NoteRef).
 *
 * Offsets: startPosition/endPosition count Unicode code points of the plain text (REFI-QDA counts
 * characters of the UTF-8 source, not bytes or UTF-16 units).
 *
 * GUIDs are UUID v5 of names like "case:<id>", so the same dataset always gives the same project
 * and a re-export keeps the GUIDs a QDA program already knows. The zip entries carry the export
 * time as their date, so the bytes are reproducible too.
 */
export const qdpxFormat: FormatCodec = {
  steps: (view) => view.cases.length + 1,
  write: (view, progress) => [{ path: 'dataset.qdpx', data: writeQdpx(view, progress) }],
  read: (files) => readQdpx(files),
};

function writeQdpx(view: ExportView, progress: Progress): Uint8Array {
  const { project } = view.dataset;
  const created = isDateTime(project.exportedAt) ? project.exportedAt : undefined;
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Project${attrs({
      xmlns: QDA_NAMESPACE,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': `${QDA_NAMESPACE} http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd`,
      name: checked(view, project.name || 'casebench'),
      origin: 'casebench',
      creationDateTime: created,
    })}>`,
  ];
  const outlines = view.cases.some((c) => selectedReviews(c.data, view.selects).some(([, r]) => r.sections));
  const users = [...new Set([...view.reviewers, ...view.cases.flatMap((c) => selectedReviews(c.data, view.selects).filter(([, r]) => r.sections).map(([name]) => name))])].sort(compareStrings);
  if (users.length > 0) {
    out.push('<Users>', ...users.map((r) => `<User${attrs({ guid: guidOf.user(r), name: checked(view, r) })}/>`), '</Users>');
  }
  if (view.labels.length > 0 || outlines) {
    out.push('<CodeBook>', '<Codes>');
    for (const label of view.labels) {
      const name = label.def?.name.zh || label.id;
      const color = label.def && /^#[0-9a-f]{6}$/i.test(label.def.color) ? label.def.color.toUpperCase() : undefined;
      // The Description keeps the label id, so a code renamed in a QDA program still maps back.
      const description = `${LABEL_ID_PREFIX}${label.id}${label.def ? `\n${label.def.name.en}` : ''}`;
      out.push(`<Code${attrs({ guid: guidOf.code(label.id), name: checked(view, name), isCodable: 'true', color })}>`, `<Description>${xmlText(checked(view, description))}</Description>`, '</Code>');
    }
    if (outlines) {
      out.push(`<Code${attrs({ guid: guidOf.sectionGroup(), name: '章节', isCodable: 'false' })}>`, `<Description>${xmlText(`${SECTION_GROUP_MARK}\nSection kinds`)}</Description>`);
      for (const kind of SECTION_KINDS) {
        out.push(`<Code${attrs({ guid: guidOf.sectionKind(kind), name: SECTION_KIND_NAMES[kind], isCodable: 'true' })}>`, `<Description>${xmlText(`${SECTION_KIND_PREFIX}${kind}`)}</Description>`, '</Code>');
      }
      out.push('</Code>');
    }
    out.push('</Codes>', '</CodeBook>');
  }
  out.push('<Variables>', ...VARIABLES.map((v) => `<Variable${attrs({ guid: guidOf.variable(v), name: v, typeOfVariable: 'Text' })}/>`), '</Variables>');
  progress.step();

  const zip: Zippable = {};
  const mtime = created ? new Date(created) : new Date('1980-01-01T00:00:00Z');
  const notes: string[] = [];
  out.push('<Sources>');
  for (const c of view.cases) {
    const guid = guidOf.source(c.data.id);
    zip[`sources/${guid}.txt`] = [strToU8(c.data.text), { mtime }];
    out.push(`<TextSource${attrs({ guid, name: checked(view, c.data.title || c.data.id), plainTextPath: `internal://${guid}.txt`, creationDateTime: created })}>`);
    writeSelections(view, c, out, notes);
    writeSections(view, c, out);
    const values = { [CASE_ID_VARIABLE]: c.data.id, region: c.data.region, part: c.data.part };
    for (const v of VARIABLES) {
      const value = values[v];
      if (value) out.push('<VariableValue>', `<VariableRef${attrs({ targetGUID: guidOf.variable(v) })}/>`, `<TextValue>${xmlText(checked(view, value))}</TextValue>`, '</VariableValue>');
    }
    out.push('</TextSource>');
    progress.step();
  }
  out.push('</Sources>');
  if (notes.length > 0) out.push('<Notes>', ...notes, '</Notes>');
  out.push('</Project>', '');
  zip['project.qde'] = [strToU8(out.join('\n')), { mtime }];
  return zipSync(zip, { level: 6 });
}

function writeSelections(view: ExportView, c: ExportCase, out: string[], notes: string[]): void {
  const conv = c.converter();
  for (const { span, quote } of c.spans) {
    const user = guidOf.user(span.reviewer);
    const created = isDateTime(span.createdAt) ? span.createdAt : undefined;
    const modified = isDateTime(span.updatedAt) ? span.updatedAt : undefined;
    out.push(
      `<PlainTextSelection${attrs({
        guid: guidOf.selection(span.id),
        name: checked(view, excerpt(quote)),
        startPosition: conv.toCodePoints(span.start),
        endPosition: conv.toCodePoints(span.end),
        creatingUser: user,
        creationDateTime: created,
        modifyingUser: modified ? user : undefined,
        modifiedDateTime: modified,
      })}>`,
    );
    if (Object.keys(span.fields).length > 0) out.push(`<Description>${xmlText(checked(view, FIELDS_PREFIX + JSON.stringify(span.fields)))}</Description>`);
    out.push(`<Coding${attrs({ guid: guidOf.coding(span.id), creatingUser: user, creationDateTime: created })}>`, `<CodeRef${attrs({ targetGUID: guidOf.code(span.label) })}/>`, '</Coding>');
    if (span.note !== '') {
      const note = guidOf.note(span.id);
      out.push(`<NoteRef${attrs({ targetGUID: note })}/>`);
      notes.push(
        `<Note${attrs({ guid: note, name: checked(view, `${c.data.title || c.data.id}: ${excerpt(quote)}`), creatingUser: user, creationDateTime: created })}>`,
        `<PlainTextContent>${xmlText(checked(view, span.note))}</PlainTextContent>`,
        '</Note>',
      );
    }
    out.push('</PlainTextSelection>');
  }
}

/** Each selected reviewer's section tags in a case: a selection per section, coded with its kinds. */
function writeSections(view: ExportView, c: ExportCase, out: string[]): void {
  const conv = c.converter();
  for (const [reviewer, review] of selectedReviews(c.data, view.selects)) {
    const user = guidOf.user(reviewer);
    review.sections?.forEach((section, index) => {
      out.push(
        `<PlainTextSelection${attrs({ guid: guidOf.section(c.data.id, reviewer, index), name: checked(view, excerpt(section.heading) || c.data.id), startPosition: conv.toCodePoints(section.start), endPosition: conv.toCodePoints(section.end), creatingUser: user })}>`,
        `<Description>${xmlText(checked(view, SECTION_PREFIX + JSON.stringify(sectionDetails(section, conv))))}</Description>`,
        ...section.kinds.flatMap((kind) => [`<Coding${attrs({ guid: guidOf.sectionCoding(c.data.id, reviewer, index, kind), creatingUser: user })}>`, `<CodeRef${attrs({ targetGUID: guidOf.sectionKind(kind) })}/>`, '</Coding>']),
        '</PlainTextSelection>',
      );
    });
  }
}

/** The string as it is; a warning when XML cannot carry some of its characters (they become U+FFFD). */
function checked(view: ExportView, s: string): string {
  if (hasNonXmlChars(s)) view.warnings.push({ code: 'xml-char-replaced', message: `qdpx: control characters in ${JSON.stringify(excerpt(s))} cannot be written in XML and were replaced by U+FFFD` });
  return s;
}

/** A short, one-line excerpt for names shown in QDA programs' lists. */
function excerpt(s: string, max = 40): string {
  const chars = [...s.replace(/\s+/g, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

/** xsd:dateTime wants a full date and time; anything else is left out rather than rejected by a QDA program. */
function isDateTime(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(s);
}

