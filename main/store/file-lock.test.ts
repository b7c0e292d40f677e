import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockPathFor, withFileLock } from './file-lock.ts';

const folder = () => mkdtempSync(join(tmpdir(), 'casebench-lock-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('withFileLock', () => {
  it('lets one holder at a time read-modify-write a file, across awaits, and removes the lock after', async () => {
    const dir = folder();
    const target = join(dir, 'counter.json');
    let value = 0;
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 12 }, () =>
        withFileLock(target, async () => {
          most = Math.max(most, ++inside);
          const read = value;
          await sleep(2);
          value = read + 1;
          inside--;
        }),
      ),
    );
    expect(value).toBe(12);
    expect(most).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('breaks at once the lock of a process that no longer runs (killed while holding it)', async () => {
    const dir = folder();
    const target = join(dir, 'schema.json');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(lockPathFor(target), `${gone} ${hostname()} abcdef`);
    const started = Date.now();
    await withFileLock(target, async () => undefined, { timeoutMs: 5000 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(existsSync(lockPathFor(target))).toBe(false);
  });

  it('waits for a live holder in another process, and takes over once it is killed', async () => {
    const dir = folder();
    const target = join(dir, 'rubric.json');
    const holder = spawn(process.execPath, ['--import', 'tsx', '-e', `import { withFileLock } from ${JSON.stringify(join(import.meta.dirname, 'file-lock.ts'))}; await withFileLock(${JSON.stringify(target)}, async () => { process.stdout.write('held'); await new Promise(() => setInterval(() => {}, 1000)); });`], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => holder.stdout.on('data', () => resolve()));
    let got = false;
    const waiting = withFileLock(target, async () => {
      got = true;
    });
    await sleep(150);
    expect(got).toBe(false);
    holder.kill('SIGKILL');
    await waiting;
    expect(got).toBe(true);
  });

  it('gives up with a conflict naming the holder when a live holder does not let go', async () => {
    const dir = folder();
    const target = join(dir, 'compendium.json');
    writeFileSync(lockPathFor(target), `${process.pid} ${hostname()} 123456`);
    await expect(withFileLock(target, async () => undefined, { timeoutMs: 100 })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining(`process ${process.pid}`) });
  });

  it('breaks a lock older than staleMs whatever holds it (an owner on another machine)', async () => {
    const dir = folder();
    const target = join(dir, 'documents.json');
    writeFileSync(lockPathFor(target), `1 another-host 123456`);
    await sleep(60);
    await withFileLock(target, async () => undefined, { staleMs: 50, timeoutMs: 2000 });
    expect(readdirSync(dir)).toEqual([]);
  });
});
