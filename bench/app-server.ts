/**
 * `casebench serve` for the benchmarks, in a process of its own: the same workbench handlers and
 * HTTP server, but serving a renderer built into a folder of the benchmark's (out/renderer is the
 * end-to-end tests' and the desktop app's). Prints `open <url>` when ready, then, on each line
 * "memory" read from stdin, the process's memory as `memory <rss> <heapUsed>` in bytes.
 *
 *   tsx bench/app-server.ts PROJECT_DIR RENDERER_DIR REVIEWER
 */
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openCliProject } from '../main/cli/project.ts';
import { RecentProjects } from '../main/services/recent-projects.ts';
import { serveWorkbench } from '../main/serve/serve-workbench.ts';
import { startServer } from '../main/serve/server.ts';

const [projectDir, rendererDir, reviewer] = process.argv.slice(2) as [string, string, string];
const { service } = await openCliProject(projectDir, { reviewer, createReviewer: true });
const workbench = await serveWorkbench(service, new RecentProjects(join(projectDir, '..', 'recent-projects.json')));
const server = await startServer({ handlers: workbench.handlers, rendererDir, download: (jobId) => workbench.service.exports.download(jobId) });
process.stdout.write(`open ${server.url}\n`);
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'memory') {
    const m = process.memoryUsage();
    process.stdout.write(`memory ${m.rss} ${m.heapUsed}\n`);
  }
});
process.once('SIGTERM', () => void service.store.flush().then(() => server.close()).then(() => process.exit(0)));
