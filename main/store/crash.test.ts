import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProject, openProject } from '../services/open-project.ts';

const FIXTURE = join(import.meta.dirname, 'crash-writer.fixture.ts');
const KILLS = 12;

/** Run the writer, let it acknowledge some writes, then SIGKILL it at a random moment. */
function runAndKill(dir: string, seed: number, killAfterMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dir, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!timer && out.includes('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own (${code}): ${err}`));
      // Only complete lines were acknowledged; a line cut by the kill was not.
      else resolve(out.split('\n').slice(0, -1).filter((l) => l !== 'ready'));
    });
  });
}

describe('crash safety', () => {
  it(`keeps every acknowledged write when the writer is killed with SIGKILL (${KILLS} kills)`, async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'casebench-crash-')), 'p');
    await (await createProject(dir, null)).service.store.flush();
    const expected = new Map<string, string>(); // span id → case id, for acknowledged adds not being deleted
    const deleted = new Map<string, string>(); // acknowledged deletes: must stay deleted
    let acknowledged = 0;
    for (let round = 0; round < KILLS; round++) {
      const lines = await runAndKill(dir, round + 1, 30 + ((round * 37) % 300));
      for (const line of lines) {
        const [op, caseId, id] = line.split(' ');
        if (op === 'add') expected.set(id!, caseId!);
        else expected.delete(id!); // "deleting" (maybe on disk, maybe not) or "del" (acknowledged)
        if (op === 'del') deleted.set(id!, caseId!);
      }
      acknowledged += lines.length;
      // After each kill the project opens, and everything acknowledged is there.
      const service = await openProject(dir);
      const present = new Set<string>();
      for (const caseId of new Set([...expected.values(), ...deleted.values()])) for (const s of await service.store.spans('crash', caseId)) present.add(s.id);
      const missing = [...expected.keys()].filter((id) => !present.has(id));
      expect(missing, `round ${round}: acknowledged adds missing`).toEqual([]);
      expect([...deleted.keys()].filter((id) => present.has(id)), `round ${round}: acknowledged deletes undone`).toEqual([]);
    }
    expect(acknowledged).toBeGreaterThan(KILLS * 3);
  }, 120_000);
});
