export { loadDocument, documentIdFromFile, SHAPES, READINGS, type LoadOptions, type Reading } from './load.ts';
export { IngestError, type IngestErrorCode } from './errors.ts';
export { DEFAULT_MAX_BYTES } from './decode/charset.ts';
export { decodeSource, type DecodedSource, type InputDecoder, type InputKind } from './decode/index.ts';
export { MappedString, mapToRaw } from './mapped-string.ts';
export { classifyHeading } from './section-kinds.ts';
export { caseId } from './case-builder.ts';
