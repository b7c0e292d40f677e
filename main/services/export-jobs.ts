import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { zipSync } from 'fflate';
import type { ExportJob } from '../../shared/api/types.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { exportDataset, formatById, FORMAT_IDS, type ExportResult, type FormatId } from '../../shared/export/index.ts';
import { writeFileDurably, writeFolderDurably } from '../store/atomic-write.ts';
import { removeStaleTemps } from '../store/stale-temps.ts';
import { ownFolder } from '../store/inside-project.ts';
import { buildDataset } from './dataset.ts';
import type { ProjectService } from './project-service.ts';

/**
 * Write an export where it was asked for: a file, a folder of files, or a .zip of them, as every
 * project file is written (temporary, fsync, rename), so a crash never leaves a file cut short
 * under the export's name. A new folder appears whole; into a folder that exists already (the
 * command line's --out), each file is replaced whole. Temporaries an earlier, killed export of
 * the same name left are removed first.
 */
export async function writeExport(result: ExportResult, format: FormatId, out: string): Promise<string[]> {
  const layout = formatById(format)!.layout;
  await removeStaleTemps(dirname(out), { of: basename(out) });
  if (out.endsWith('.zip') && layout === 'directory') {
    await writeFileDurably(out, zipFiles(result));
    return [out];
  }
  if (layout === 'file') {
    await writeFileDurably(out, result.files[0]!.data);
    return [out];
  }
  const written = result.files.map((f) => join(out, f.path));
  if (!existsSync(out)) {
    await writeFolderDurably(out, result.files);
    return written;
  }
  for (const f of result.files) {
    await removeStaleTemps(dirname(join(out, f.path)), { of: basename(f.path) });
    await writeFileDurably(join(out, f.path), f.data);
  }
  return written;
}

export function zipFiles(result: ExportResult): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const f of result.files) entries[f.path] = typeof f.data === 'string' ? new TextEncoder().encode(f.data) : f.data;
  return zipSync(entries);
}

export function parseFormat(format: string): FormatId {
  if (!(FORMAT_IDS as readonly string[]).includes(format)) throw new ApiError('invalid-input', `unknown export format "${format}"; one of ${FORMAT_IDS.join(', ')}`);
  return format as FormatId;
}

/**
 * Exports started from the UI run as jobs the UI polls for progress. Output goes to the
 * project's exports/ folder; serve mode offers it for download, the desktop shows where it is.
 */
export class ExportJobs {
  private readonly jobs = new Map<string, ExportJob>();
  /** Media types of single-document jobs (not dataset formats). */
  private readonly documentTypes = new Map<string, string>();

  constructor(private readonly service: () => ProjectService) {}

  start(formatName: string, reviewers?: string[]): ExportJob {
    const format = parseFormat(formatName);
    const job: ExportJob = { id: randomUUID(), format, state: 'running', done: 0, total: 0, offsetUnit: null, files: [], output: null, error: null };
    this.jobs.set(job.id, job);
    void this.run(job, format, reviewers);
    return { ...job };
  }

  /** The compendium draft as a DOCX or Markdown file, named after its title, as a job like the others. */
  startCompendium(format: 'docx' | 'md', title: string, render: () => Promise<Uint8Array | string>): ExportJob {
    const type = format === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'text/markdown';
    return this.startDocument(`compendium-${format}`, 'compendium', format, type, render, safeName(title));
  }

  /**
   * One document made by `render` (the compendium, the lessons library), written to exports/ as
   * `<project>-<name>-<time>`, or `<base>-<time>` when the document has a name of its own.
   */
  startDocument(format: string, name: string, extension: string, mediaType: string, render: () => Promise<Uint8Array | string>, base?: string): ExportJob {
    const job: ExportJob = { id: randomUUID(), format, state: 'running', done: 0, total: 1, offsetUnit: null, files: [], output: null, error: null };
    this.jobs.set(job.id, job);
    this.documentTypes.set(job.id, mediaType);
    void (async () => {
      try {
        const service = this.service();
        const data = await render();
        const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
        const out = freeName(join(await ownFolder(service.store.dir, 'exports'), `${base ?? `${safeName(service.store.info.name)}-${name}`}-${stamp}`), `.${extension}`);
        await writeFileDurably(out, data);
        job.files = [{ path: relative(service.store.dir, out), bytes: (await stat(out)).size }];
        job.output = out;
        job.done = 1;
        job.state = 'done';
      } catch (e) {
        job.state = 'failed';
        job.error = e instanceof Error ? e.message : String(e);
      }
    })();
    return { ...job };
  }

  status(id: string): ExportJob {
    const job = this.jobs.get(id);
    if (!job) throw new ApiError('not-found', `no export job "${id}"`);
    return { ...job, files: [...job.files] };
  }

  private async run(job: ExportJob, format: FormatId, reviewers?: string[]): Promise<void> {
    try {
      const service = this.service();
      const dataset = await buildDataset(service, reviewers);
      job.total = dataset.cases.length;
      // Let a poll see the job running before the synchronous export work starts.
      await new Promise((r) => setTimeout(r, 0));
      const result = exportDataset(dataset, format, { ...(reviewers ? { reviewers } : {}), onProgress: (done, total) => Object.assign(job, { done, total }) });
      const def = formatById(format)!;
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
      // exports/ must be the project's own folder, not a link elsewhere.
      const out = freeName(join(await ownFolder(service.store.dir, 'exports'), `${safeName(service.store.info.name)}-${format}-${stamp}`), def.layout === 'file' ? `.${def.extension}` : '');
      const written = await writeExport(result, format, out);
      job.files = await Promise.all(written.map(async (p) => ({ path: relative(service.store.dir, p), bytes: (await stat(p)).size })));
      job.output = out;
      job.offsetUnit = result.offsetUnit;
      job.done = job.total;
      job.state = 'done';
    } catch (e) {
      job.state = 'failed';
      job.error = e instanceof Error ? e.message : String(e);
    }
  }

  /** The finished export as one download: the file itself, or a zip of a folder export. */
  async download(id: string): Promise<{ name: string; type: string; data: Uint8Array } | null> {
    const job = this.jobs.get(id);
    if (!job || job.state !== 'done' || !job.output) return null;
    const name = job.output.split(/[\\/]/).pop()!;
    const documentType = this.documentTypes.get(id);
    if (documentType) return { name, type: documentType, data: await readFile(job.output) };
    const def = formatById(job.format as FormatId)!;
    if (def.layout === 'file') return { name, type: def.mediaType.split(';')[0]!, data: await readFile(job.output) };
    const files: Record<string, Uint8Array> = {};
    for (const rel of await listFiles(job.output)) files[rel] = await readFile(join(job.output, rel));
    return { name: `${name}.zip`, type: 'application/zip', data: zipSync(files) };
  }
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else out.push(rel);
  }
  return out;
}

/** `<base><ext>`, or `<base>-2<ext>`… when an export of the same second has that name: one export never replaces another. */
function freeName(base: string, ext: string): string {
  let out = `${base}${ext}`;
  for (let n = 2; existsSync(out); n++) out = `${base}-${n}${ext}`;
  return out;
}

function safeName(name: string): string {
  return name.replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 60) || 'casebench';
}
