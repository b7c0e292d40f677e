import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { createSampleProject } from '../services/open-project.ts';
import { RecentProjects } from '../services/recent-projects.ts';
import { settingsDir } from '../services/settings-dir.ts';
import { ensureRendererBuilt } from '../serve/renderer-build.ts';
import { serveWorkbench } from '../serve/serve-workbench.ts';
import { startServer } from '../serve/server.ts';
import { openCliProject } from './project.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the workbench to a browser on 127.0.0.1 (without DIR: the bundled corpus in a scratch project)')
    .argument('[dir]', 'project folder; created from the bundled corpus if it holds no project')
    .option('--port <n>', 'port to listen on (default: any free port)', (v) => Number.parseInt(v, 10))
    .option('--reviewer <name>', 'who is annotating (otherwise the page asks)')
    .option('--allow <folder>', 'a folder the page may open and create projects in, with the folders below it (repeatable; otherwise only the project served)', (v: string, all: string[]) => [...all, resolve(v)], [] as string[])
    .action(async (dir: string | undefined, opts: { port?: number; reviewer?: string; allow: string[] }) => {
      const log = (line: string) => process.stdout.write(line + '\n');
      let projectDir: string;
      if (!dir) {
        projectDir = join(mkdtempSync(join(tmpdir(), 'casebench-scratch-')), 'sample');
        await createSampleProject(projectDir, '样例语料 Sample corpus');
        log(`scratch project with the bundled corpus (and suggestions): ${projectDir}`);
      } else {
        projectDir = resolve(dir);
        if (!existsSync(join(projectDir, 'casebench.json'))) {
          await createSampleProject(projectDir);
          log(`created a project with the bundled corpus (and suggestions) in ${projectDir}`);
        }
      }
      const { service } = await openCliProject(projectDir, { reviewer: opts.reviewer ?? null, createReviewer: true });
      const workbench = await serveWorkbench(service, new RecentProjects(join(settingsDir(), 'recent-projects.json')), opts.allow);
      const rendererDir = await ensureRendererBuilt(log);
      const server = await startServer({
        handlers: workbench.handlers,
        rendererDir,
        download: (jobId) => workbench.service.exports.download(jobId),
        ...(opts.port ? { port: opts.port } : {}),
      });
      log(`casebench is serving ${projectDir}`);
      if (opts.allow.length) log(`the page may also open and create projects in ${opts.allow.join(', ')}`);
      log(`open ${server.url}`);
      const stop = async () => {
        await workbench.service.store.flush();
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
      await new Promise(() => undefined); // serve until stopped
    });
}
