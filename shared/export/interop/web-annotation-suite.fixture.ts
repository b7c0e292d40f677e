// oxlint-disable-next-line no-restricted-imports -- the vendored test suite is read from disk
import { readdirSync, readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/**
 * The W3C Web Annotation test suite's MUST assertions (vendored in ../formats/vendor), run the
 * way the suite runs them: each assertion file is a draft-04 JSON Schema a conforming document
 * must be valid against; its errorMessage says what is wrong.
 */
const ROOT = new URL('../formats/vendor/web-annotation-tests/', import.meta.url);

export interface Assertion {
  id: string;
  errorMessage: string;
  validate(document: unknown): boolean;
}

function load(folder: string): unknown[] {
  const dir = new URL(folder, ROOT);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as unknown);
}

function suite(): Ajv {
  // The suite's own keywords (assertionType, errorMessage, …) are metadata, not vocabulary.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const schema of load('definitions/')) ajv.addSchema(schema as object);
  return ajv;
}

/** The assertions of one folder of the suite ('collections/pages/', 'collections/', 'annotations/'). */
export function assertions(folder: string): Assertion[] {
  const ajv = suite();
  return load(folder).map((schema) => {
    const s = schema as { id: string; errorMessage: string };
    const validate = ajv.compile(s);
    return { id: s.id, errorMessage: s.errorMessage, validate: (doc) => validate(doc) as boolean };
  });
}

/** The assertions a document fails, as "id: errorMessage". */
export function failures(list: readonly Assertion[], document: unknown): string[] {
  return list.filter((a) => !a.validate(document)).map((a) => `${a.id}: ${a.errorMessage}`);
}
