import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { RecentProject } from '../../shared/api/types.ts';
import { writeFileDurably } from '../store/atomic-write.ts';

const recentFile = z.object({ projects: z.array(z.object({ dir: z.string(), name: z.string(), openedAt: z.string() })) });

/** The list of recently opened projects, kept in the host's settings folder. */
export class RecentProjects {
  constructor(
    private readonly file: string,
    private readonly keep = 12,
  ) {}

  async list(): Promise<RecentProject[]> {
    try {
      const parsed = recentFile.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      return parsed.success ? parsed.data.projects : [];
    } catch {
      return [];
    }
  }

  async touch(dir: string, name: string): Promise<void> {
    const projects = [{ dir, name, openedAt: new Date().toISOString() }, ...(await this.list()).filter((p) => p.dir !== dir)].slice(0, this.keep);
    await mkdir(dirname(this.file), { recursive: true });
    await writeFileDurably(this.file, JSON.stringify({ projects }, null, 2));
  }
}
