import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProject, openProject } from '../services/open-project.ts';

/** A process id that no process has now: one that just ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

const tempsIn = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).filter((n) => n.endsWith('.tmp')).sort();

describe('temporary files a crash leaves are removed when the project opens', () => {
  it('removes those of writers no longer running, and old ones; keeps writes in progress and files not casebench’s', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'casebench-temps-')), 'p');
    await (await createProject(dir, [])).service.store.flush();
    const dead = deadPid();
    const put = (rel: string, data = '{"half') => {
      mkdirSync(join(dir, rel, '..'), { recursive: true });
      writeFileSync(join(dir, rel), data);
      return rel;
    };
    const stale = [
      put(`.casebench.json.${dead}.0a1b2c3d.tmp`),
      put(`corpus/cases/.c1.json.${dead}.00000000.tmp`),
      put(`reviews/alice.spans/.c1.json.${dead}.11111111.tmp`),
      put(`backups/.schema.json.20260101T000000000Z.json.${dead}.22222222.tmp`),
      put(`exports/.ds-brat.${dead}.33333333.tmp/alice/case.ann`, 'T1'),
    ];
    const old = put(`.rubric.json.${process.pid}.44444444.tmp`);
    utimesSync(join(dir, old), new Date(Date.now() - 2 * 3600_000), new Date(Date.now() - 2 * 3600_000));
    const running = put(`reviews/.bob.json.${process.pid}.55555555.tmp`);
    const theirs = [put('notes.tmp', 'mine'), put('sources/.draft.tmp', 'mine')];

    // Removed in the background of the opening: done once the project is flushed.
    await (await openProject(dir)).store.flush();
    const left = tempsIn(dir);
    expect(left).toEqual([running, ...theirs].sort());
    for (const rel of stale) expect(existsSync(join(dir, rel))).toBe(false);
    expect(existsSync(join(dir, 'exports', `.ds-brat.${dead}.33333333.tmp`))).toBe(false);
  });

  it('after writers are killed, opening leaves no temporary file of theirs', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'casebench-temps-')), 'p');
    await (await createProject(dir, null)).service.store.flush();
    for (let kill = 0; kill < 3; kill++) {
      await new Promise<void>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'crash-writer.fixture.ts'), dir, String(kill + 1)], { stdio: ['ignore', 'pipe', 'ignore'] });
        child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), 120 + kill * 70));
        child.on('exit', () => resolve());
      });
    }
    await (await openProject(dir)).store.flush();
    expect(tempsIn(dir)).toEqual([]);
  }, 60_000);
});
