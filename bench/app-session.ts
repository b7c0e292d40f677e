/**
 * The real workbench for the benchmarks: the renderer built from the current sources into a
 * folder of the benchmark's own, served with a project by bench/app-server.ts in a child process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type InlineConfig } from 'vite';

const ROOT = join(import.meta.dirname, '..');

/** Build the renderer into a new temporary folder (with `build` options merged over its config); returns the folder. */
export async function buildRenderer(overrides: InlineConfig['build'] = {}): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'casebench-bench-renderer-'));
  await build({ configFile: join(ROOT, 'renderer/vite.config.ts'), logLevel: 'error', build: { ...overrides, outDir, emptyOutDir: true } });
  return outDir;
}

export interface AppServer {
  /** http://127.0.0.1:port */
  base: string;
  token: string;
  /** The server process's resident memory and V8 heap in use, in bytes. */
  memory(): Promise<{ rss: number; heapUsed: number }>;
  stop(): Promise<void>;
}

export async function startAppServer(projectDir: string, rendererDir: string, reviewer = 'bench'): Promise<AppServer> {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'bench/app-server.ts'), projectDir, rendererDir, reviewer], {
    cwd: ROOT,
    env: { ...process.env, CASEBENCH_SETTINGS_DIR: join(projectDir, '..', 'settings') },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const waiting: Array<(line: string) => void> = [];
  let log = '';
  let buffer = '';
  child.stdout!.on('data', (d: Buffer) => {
    log += d.toString();
    buffer += d.toString();
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      for (const w of waiting.splice(0)) w(line);
    }
  });
  const nextLine = (prefix: string) =>
    new Promise<string>((resolve, reject) => {
      const listen = (line: string) => (line.startsWith(prefix) ? resolve(line) : waiting.push(listen));
      waiting.push(listen);
      child.once('exit', (code) => reject(new Error(`the bench server stopped (${code}): ${log}`)));
    });
  const url = (await nextLine('open ')).slice('open '.length);
  const [base, token] = url.split('/#token=') as [string, string];
  return {
    base,
    token,
    async memory() {
      const reply = nextLine('memory ');
      child.stdin!.write('memory\n');
      const [, rss, heapUsed] = (await reply).split(' ');
      return { rss: Number(rss), heapUsed: Number(heapUsed) };
    },
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
