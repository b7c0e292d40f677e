import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { RecentProject } from '../../shared/api/types.ts';
import { writeFileDurably } from '../store/atomic-write.ts';

const recentFile = z.object({
  projects: z.array(z.object({ dir: z.string(), name: z.string(), openedAt: z.string(), reviewer: z.string().optional() })),
  /** Who last annotated on this machine: the default for a project not opened before. */
  lastReviewer: z.string().optional(),
});
type RecentFile = z.infer<typeof recentFile>;

/**
 * The recently opened projects and who was annotating in each, kept in the host's settings
 * folder (not in the project: a shared project folder is opened by several people).
 */
export class RecentProjects {
  constructor(
    private readonly file: string,
    private readonly keep = 12,
  ) {}

  private async read(): Promise<RecentFile> {
    try {
      const parsed = recentFile.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      return parsed.success ? parsed.data : { projects: [] };
    } catch {
      return { projects: [] };
    }
  }

  private async write(data: RecentFile): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    await writeFileDurably(this.file, JSON.stringify(data, null, 2));
  }

  async list(): Promise<RecentProject[]> {
    return (await this.read()).projects.map(({ dir, name, openedAt }) => ({ dir, name, openedAt }));
  }

  async touch(dir: string, name: string): Promise<void> {
    const data = await this.read();
    const before = data.projects.find((p) => p.dir === dir);
    const entry = { dir, name, openedAt: new Date().toISOString(), ...(before?.reviewer ? { reviewer: before.reviewer } : {}) };
    await this.write({ ...data, projects: [entry, ...data.projects.filter((p) => p.dir !== dir)].slice(0, this.keep) });
  }

  /** Who annotated in this project last on this machine. */
  async projectReviewer(dir: string): Promise<string | null> {
    return (await this.read()).projects.find((p) => p.dir === dir)?.reviewer ?? null;
  }

  /** Who annotated in this project last, or else who annotated anywhere last, on this machine. */
  async reviewerFor(dir: string): Promise<string | null> {
    return (await this.projectReviewer(dir)) ?? (await this.read()).lastReviewer ?? null;
  }

  async rememberReviewer(dir: string, reviewer: string): Promise<void> {
    const data = await this.read();
    await this.write({ lastReviewer: reviewer, projects: data.projects.map((p) => (p.dir === dir ? { ...p, reviewer } : p)) });
  }
}
