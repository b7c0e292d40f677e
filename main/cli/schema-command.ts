import type { Command } from 'commander';
import { ApiError } from '../../shared/api/errors.ts';
import type { LabelSchema } from '../../shared/model/labels.ts';
import { printJson, readTextFile } from './io.ts';
import { openCliProject } from './project.ts';

/** The largest schema file `schema --set` reads (a schema holds at most 40 labels). */
const MAX_SCHEMA_BYTES = 1024 * 1024;

/** `schema DIR [--json]` and `schema DIR --set FILE.json`: the project's label schema. */
export function registerSchemaCommand(program: Command): void {
  program
    .command('schema')
    .description("print the project's label schema (id, names, hotkey, cue, fields), or replace it with --set")
    .argument('<dir>', 'the project folder')
    .option('--json', 'print the schema as JSON (the shape --set reads)')
    .option('--set <file>', 'replace the schema with this JSON file ({"labels": [...]}, as --json prints); hotkeys the reader uses and removing labels still in use are refused')
    .action(async (dir: string, opts: { json?: boolean; set?: string }) => {
      const { api, store } = await openCliProject(dir);
      let schema: LabelSchema;
      if (opts.set) {
        const before = store.schema.labels.map((l) => l.id);
        schema = await api.setSchema({ schema: readSchemaFile(opts.set) as LabelSchema });
        await store.flush();
        const after = schema.labels.map((l) => l.id);
        const added = after.filter((id) => !before.includes(id));
        const removed = before.filter((id) => !after.includes(id));
        const change = [added.length ? `added ${added.join(', ')}` : '', removed.length ? `removed ${removed.join(', ')}` : ''].filter(Boolean).join('; ');
        process.stderr.write(`updated the label schema: ${schema.labels.length} labels${change ? ` (${change})` : ''}\n`);
      } else schema = await api.getSchema({});
      if (opts.json) return printJson(schema);
      process.stdout.write(formatSchema(schema));
    });
}

/** A schema file: decoded like other inputs, parsed as JSON with a message naming the file. Validation is the API's. */
export function readSchemaFile(file: string): unknown {
  const text = readTextFile(file, MAX_SCHEMA_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ApiError('invalid-input', `${file}: not valid JSON (${(e as Error).message})`);
  }
  // Also accept the API payload, {"schema": {"labels": [...]}}.
  if (value && typeof value === 'object' && !Array.isArray(value) && !('labels' in value) && 'schema' in value) return (value as { schema: unknown }).schema;
  return value;
}

/** The schema as a person reads it: one block per label. */
export function formatSchema(schema: LabelSchema): string {
  const lines: string[] = [];
  for (const l of schema.labels) {
    lines.push(`${l.id}  ${l.name.zh} / ${l.name.en}  key ${l.hotkey}  cue ${l.cue}  glyph ${l.glyph}  colour ${l.color}`);
    if (!l.fields.length) lines.push('    fields: —');
    for (const f of l.fields) lines.push(`    ${f.key}  ${f.name.zh} / ${f.name.en}  ${f.type}${f.choices ? `: ${f.choices.map((c) => c || '(empty)').join(' | ')}` : ''}`);
  }
  return lines.join('\n') + '\n';
}
