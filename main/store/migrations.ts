/**
 * Ordered migrations of one kind of project file. Each file carries `schemaVersion`; reading an
 * older file runs every migration from its version up, in order; a newer file is refused rather
 * than misread.
 */
export interface Migration {
  from: number;
  to: number;
  describe: string;
  migrate(data: Record<string, unknown>): Record<string, unknown>;
}

export class NewerFileError extends Error {}

export function migrate(data: unknown, current: number, migrations: readonly Migration[], file: string): Record<string, unknown> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('not a JSON object');
  let doc = data as Record<string, unknown>;
  let version = typeof doc.schemaVersion === 'number' ? doc.schemaVersion : 0;
  if (version > current) {
    throw new NewerFileError(`${file} was written by a newer casebench (schema ${version}, this one reads up to ${current}); update casebench to open it`);
  }
  while (version < current) {
    const step = migrations.find((m) => m.from === version);
    if (!step) throw new Error(`no migration from schema ${version} to ${current}`);
    doc = { ...step.migrate(doc), schemaVersion: step.to };
    version = step.to;
  }
  return doc;
}
