import type { FormatId } from '../catalog.ts';
import { bratFormat } from './brat.ts';
import type { FormatCodec } from './codec.ts';
import { conllFormat } from './conll.ts';
import { csvFormat } from './csv.ts';
import { doccanoFormat } from './doccano.ts';
import { jsonFormat } from './json.ts';
import { jsonlFormat } from './jsonl.ts';
import { labelStudioFormat } from './labelstudio.ts';
import { qdpxFormat } from './qdpx.ts';
import { w3cFormat } from './w3c.ts';

export const CODECS: Record<FormatId, FormatCodec> = {
  json: jsonFormat,
  jsonl: jsonlFormat,
  csv: csvFormat,
  w3c: w3cFormat,
  labelstudio: labelStudioFormat,
  doccano: doccanoFormat,
  brat: bratFormat,
  conll: conllFormat,
  qdpx: qdpxFormat,
};

export type { FormatCodec, ParseOptions } from './codec.ts';
