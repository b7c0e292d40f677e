import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FIXTURE = join(import.meta.dirname, 'export-writer.fixture.ts');

function runAndKill(out: string, format: string, killAfterMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, out, format], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d: Buffer) => {
      if (!timer && d.toString().includes('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited on its own (${code}): ${err}`))));
  });
}

/** A whole export of one round: every line of it from the same round, and its end marker there. */
function wholeRound(text: string): number {
  const end = /END (\d+)\n$/.exec(text);
  expect(end, `cut short: ends ${JSON.stringify(text.slice(-40))}`).not.toBeNull();
  const round = Number(end![1]);
  expect(text.includes(`"round":${round === 0 ? 1 : round - 1},`)).toBe(false);
  return round;
}

describe('an export killed while it is written', () => {
  it.each([
    ['a file', 'json'],
    ['a new folder', 'brat'],
    ['each file of a folder that exists', 'brat-into'],
  ])('leaves %s whole under its name, or none (SIGKILL at random moments)', async (_what, mode) => {
    const root = mkdtempSync(join(tmpdir(), 'casebench-export-crash-'));
    const out = join(root, mode === 'json' ? 'dataset.json' : 'dataset');
    for (let kill = 0; kill < 4; kill++) await runAndKill(out, mode, 150 + kill * 131);
    const exports = readdirSync(root).filter((n) => !n.endsWith('.tmp'));
    expect(exports.length).toBeGreaterThan(0);
    for (const name of exports) {
      const at = join(root, name);
      if (mode === 'json') {
        wholeRound(readFileSync(at, 'utf8'));
        continue;
      }
      const round = wholeRound(readFileSync(join(at, 'alice', 'case.txt'), 'utf8'));
      if (mode === 'brat') {
        // A new folder appears with all its files, of one round.
        expect(readFileSync(join(at, 'alice', 'case.ann'), 'utf8')).toBe(`END ${round}\n`);
        expect(readFileSync(join(at, 'annotation.conf'), 'utf8')).toBe(`round ${round}\n`);
      } else {
        for (const [file, text] of [['alice/case.ann', /^END \d+\n$/], ['annotation.conf', /^round \d+\n$/]] as const) if (existsSync(join(at, file))) expect(readFileSync(join(at, file), 'utf8')).toMatch(text);
      }
    }
    // An export of a name cleans up after the killed ones before it: at most the last kill's temporary is left.
    if (mode !== 'brat') expect(readdirSync(root).filter((n) => n.endsWith('.tmp')).length).toBeLessThanOrEqual(1);
  }, 120_000);
});
