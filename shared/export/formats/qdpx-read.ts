import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strFromU8, strToU8 } from 'fflate';
import { SECTION_KINDS, type FieldValue, type SectionKind } from '../../model/index.ts';
import { offsetConverter, type OffsetConverter } from '../../text/units.ts';
import { unzipBounded, ZipTooLargeError } from '../../zip/unzip-bounded.ts';
import { withSectionDetails } from '../layers.ts';
import { isRecord, ownEntry, parseJson } from '../input.ts';
import { fieldsSchema } from '../schemas.ts';
import type { ExportFile, ParsedCase, ParsedReview, ParsedSection, ParsedSpan, ParseResult } from '../types.ts';
import { emptyResult, singleFile } from './codec.ts';
import { CASE_ID_VARIABLE, FIELDS_PREFIX, LABEL_ID_PREFIX, SECTION_GROUP_MARK, SECTION_KIND_PREFIX, SECTION_PREFIX } from './qdpx-names.ts';

/**
 * Reads a REFI-QDA project (.qdpx zip, or its project.qde alone when sources are inline as
 * PlainTextContent): TextSources become cases, each Coding of a PlainTextSelection a span —
 * except codings of casebench's section-kind codes: a selection with those is a section of its
 * user's outline (the case's `reviews`). Positions are code points of the source text and come
 * back as UTF-16 offsets.
 */

const REPEATED = new Set(['User', 'Code', 'Variable', 'TextSource', 'PlainTextSelection', 'Coding', 'NoteRef', 'VariableValue', 'Note']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  removeNSPrefix: true,
  // Decodes numeric character references (&#10; in attributes), which XML requires.
  htmlEntities: true,
  isArray: (name) => REPEATED.has(name),
});

type Node = Record<string, unknown>;

export function readQdpx(files: readonly ExportFile[]): ParseResult {
  const result = emptyResult();
  const file = singleFile(files, result);
  if (!file) return result;
  const where = { file: file.path };
  let entries: Record<string, Uint8Array>;
  if (typeof file.data === 'string') {
    if (!file.data.trimStart().startsWith('<')) {
      result.issues.push({ ...where, message: 'a .qdpx file is a zip archive: pass its bytes, not text' });
      return result;
    }
    entries = { 'project.qde': strToU8(file.data) };
  } else {
    try {
      // Only the project and its plain texts are read (not the PDFs, audio and pictures a QDA
      // program keeps beside them), and none may expand beyond the limits (a zip bomb).
      entries = unzipBounded(file.data, isProjectOrText, 'a REFI-QDA project');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      result.issues.push({ ...where, message: error instanceof ZipTooLargeError ? message : `not a readable zip archive: ${message}` });
      return result;
    }
  }
  const qdeName = Object.keys(entries).find((name) => name.toLowerCase() === 'project.qde') ?? Object.keys(entries).find((name) => name.toLowerCase().endsWith('.qde'));
  if (!qdeName) {
    result.issues.push({ ...where, message: 'no project.qde in the archive' });
    return result;
  }
  const xml = decode(entries[qdeName]!);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    result.issues.push({ ...where, line: valid.err.line, message: `${qdeName} is not well-formed XML: ${valid.err.msg}` });
    return result;
  }
  const project = (parser.parse(xml) as Node).Project;
  if (!isRecord(project)) {
    result.issues.push({ ...where, message: `${qdeName} has no <Project> root element` });
    return result;
  }
  readProject(project, entries, file.path, result);
  return result;
}

/** The entries a reader needs: the project (.qde) and the plain texts its TextSources point at (REFI-QDA keeps them as .txt). */
const isProjectOrText = (name: string) => /\.(qde|txt)$/i.test(name);

function readProject(project: Node, entries: Record<string, Uint8Array>, file: string, result: ParseResult): void {
  const users = new Map(list(child(project, 'Users'), 'User').map((u) => [attr(u, 'guid'), attr(u, 'name')]));
  const codes = new Map<string, string>();
  const sectionKinds = new Map<string, SectionKind>();
  collectCodes(list(child(project, 'CodeBook'), 'Codes').flatMap((c) => list(c, 'Code')), codes, sectionKinds);
  const caseIdVariable = list(child(project, 'Variables'), 'Variable').find((v) => attr(v, 'name') === CASE_ID_VARIABLE);
  const notes = new Map(list(child(project, 'Notes'), 'Note').map((n) => [attr(n, 'guid'), textOf(n.PlainTextContent)]));

  for (const source of list(child(project, 'Sources'), 'TextSource')) {
    const name = attr(source, 'name') ?? attr(source, 'guid') ?? '?';
    const text = sourceText(source, entries);
    if (text === null) {
      result.issues.push({ file, message: `TextSource "${name}": its text (${attr(source, 'plainTextPath') ?? 'no plainTextPath'}) is not in the archive` });
      continue;
    }
    const idValue = caseIdVariable && list(source, 'VariableValue').find((v) => attr(child(v, 'VariableRef'), 'targetGUID') === attr(caseIdVariable, 'guid'));
    const caseId = (idValue && textOf(idValue.TextValue)) || name;
    const parsedCase: ParsedCase = { id: caseId, text, title: name };
    result.cases.push(parsedCase);
    const conv = offsetConverter(text);
    for (const sel of list(source, 'PlainTextSelection')) {
      const startCp = count(attr(sel, 'startPosition'));
      const endCp = count(attr(sel, 'endPosition'));
      if (startCp === null || endCp === null || endCp < startCp || endCp > conv.codePointLength) {
        result.issues.push({ file, message: `selection ${attr(sel, 'guid')} in "${name}": positions ${attr(sel, 'startPosition')}–${attr(sel, 'endPosition')} are not within the text (${conv.codePointLength} characters)` });
        continue;
      }
      const start = conv.toUtf16(startCp);
      const end = conv.toUtf16(endCp);
      const reviewer = users.get(attr(sel, 'creatingUser') ?? '');
      const note = list(sel, 'NoteRef')
        .map((r) => notes.get(attr(r, 'targetGUID') ?? ''))
        .filter((n): n is string => n !== undefined && n !== '')
        .join('\n');
      const description = textOf(sel.Description);
      const codings = list(sel, 'Coding').map((coding) => attr(child(coding, 'CodeRef'), 'targetGUID') ?? '');
      const kinds = [...new Set(codings.map((target) => sectionKinds.get(target)).filter((k): k is SectionKind => k !== undefined))];
      if (kinds.length > 0) {
        const section = readSection(description, kinds, start, end, attr(sel, 'name') ?? '', conv);
        // Without a user it is no one's tagging: the case's own outline.
        if (reviewer === undefined) (parsedCase.sections ??= []).push(section);
        else (ownEntry((parsedCase.reviews ??= {}), reviewer, (): ParsedReview => ({})).sections ??= []).push(section);
      }
      const fields = readFields(description);
      for (const target of codings) {
        if (sectionKinds.has(target)) continue;
        const label = codes.get(target);
        if (label === undefined) {
          result.issues.push({ file, message: `selection ${attr(sel, 'guid')} in "${name}" is coded with ${target}, which is not in the CodeBook` });
          continue;
        }
        const span: ParsedSpan = { caseId, start, end, label, quote: text.slice(start, end), fields };
        if (reviewer) span.reviewer = reviewer;
        if (note !== '') span.note = note;
        result.spans.push(span);
      }
    }
  }
}

/**
 * Codes nest (sub-codes); each maps to the casebench label id kept in its Description, else its
 * name — or, marked as a section kind, to that kind (the group holding the kinds is no label).
 */
function collectCodes(codes: Node[], into: Map<string, string>, sectionKinds: Map<string, SectionKind>): void {
  for (const code of codes) {
    const lines = textOf(code.Description).split('\n');
    const marked = lines.find((line) => line.startsWith(LABEL_ID_PREFIX));
    const kind = lines.find((line) => line.startsWith(SECTION_KIND_PREFIX))?.slice(SECTION_KIND_PREFIX.length);
    const guid = attr(code, 'guid');
    if (guid && kind !== undefined && (SECTION_KINDS as readonly string[]).includes(kind)) sectionKinds.set(guid, kind as SectionKind);
    else if (guid && !lines.includes(SECTION_GROUP_MARK)) into.set(guid, marked ? marked.slice(LABEL_ID_PREFIX.length) : (attr(code, 'name') ?? guid));
    collectCodes(list(code, 'Code'), into, sectionKinds);
  }
}

/** A section from its selection: kinds from the codes, the rest from the Description where casebench wrote one. */
function readSection(description: string, kinds: SectionKind[], start: number, end: number, name: string, conv: OffsetConverter): ParsedSection {
  const section: ParsedSection = { heading: name, kinds, level: 1, start, end };
  if (!description.startsWith(SECTION_PREFIX)) return section;
  const parsed = parseJson(description.slice(SECTION_PREFIX.length));
  return withSectionDetails(section, parsed.ok ? parsed.value : null, conv);
}

function sourceText(source: Node, entries: Record<string, Uint8Array>): string | null {
  if (source.PlainTextContent !== undefined) return textOf(source.PlainTextContent);
  const path = attr(source, 'plainTextPath');
  if (!path) return null;
  // internal://x.txt lives in the archive's sources/ folder (REFI-QDA 1.5, "internal" URLs).
  const inner = path.startsWith('internal://') ? `sources/${path.slice('internal://'.length)}` : path;
  const entry = entries[inner] ?? entries[inner.replace(/^sources\//, 'Sources/')];
  return entry ? decode(entry) : null;
}

function readFields(description: string): Record<string, FieldValue> {
  if (!description.startsWith(FIELDS_PREFIX)) return {};
  const parsed = parseJson(description.slice(FIELDS_PREFIX.length));
  const fields = parsed.ok ? fieldsSchema.safeParse(parsed.value) : undefined;
  return fields?.success ? fields.data : {};
}

function decode(bytes: Uint8Array): string {
  const text = strFromU8(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function child(node: unknown, name: string): Node | undefined {
  if (!isRecord(node)) return undefined;
  const value = node[name];
  const first = Array.isArray(value) ? value[0] : value;
  return isRecord(first) ? first : undefined;
}

function list(node: unknown, name: string): Node[] {
  if (!isRecord(node)) return [];
  const value = node[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(isRecord);
}

function attr(node: unknown, name: string): string | undefined {
  const value = isRecord(node) ? node[`@_${name}`] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The text of an element: a string, or the #text of an element that also has attributes. */
function textOf(value: unknown): string {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v === 'string') return v;
  return isRecord(v) && typeof v['#text'] === 'string' ? v['#text'] : '';
}

function count(s: string | undefined): number | null {
  return s !== undefined && /^\d+$/.test(s) ? Number(s) : null;
}
