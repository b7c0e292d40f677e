import { FolderAccess } from '../services/folder-access.ts';
import type { ProjectService } from '../services/project-service.ts';
import type { RecentProjects } from '../services/recent-projects.ts';
import { Workbench } from '../services/workbench.ts';

/**
 * The workbench `casebench serve` offers a browser tab: a tab has no folder dialog, so it may
 * open and create projects only in the project served and in the folders given with `--allow`
 * (each with everything below it). Whoever holds the token reaches those, not the whole disk, and
 * sees only those among the machine's recent projects.
 */
export async function serveWorkbench(service: ProjectService, recent: RecentProjects, allowed: readonly string[] = []): Promise<Workbench> {
  const access = new FolderAccess();
  for (const dir of allowed) await access.grant(dir, true);
  return new Workbench(service, recent, { access });
}
