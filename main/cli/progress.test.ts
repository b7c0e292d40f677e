import { describe, expect, it } from 'vitest';
import { stderrProgress } from './progress.ts';

function stream(isTTY: boolean) {
  const out: string[] = [];
  return { out, s: { isTTY, write: (x: string) => out.push(x) } as unknown as NodeJS.WriteStream };
}

describe('stderrProgress', () => {
  it('updates one line in place on a terminal, and ends it', () => {
    const { out, s } = stream(true);
    const p = stderrProgress(s);
    for (let page = 1; page <= 100; page++) p.listener({ file: 'big.pdf', page, pages: 100 });
    expect(out[0]).toBe('\rreading big.pdf: page 1 of 100\u001b[K');
    expect(out.filter((x) => x === '\n')).toHaveLength(1);
    expect(out.join('').endsWith('page 100 of 100\u001b[K\n')).toBe(true);
  });

  it('writes a line every 25 pages into a log, and nothing for short files', () => {
    const { out, s } = stream(false);
    const p = stderrProgress(s);
    for (let page = 1; page <= 4; page++) p.listener({ file: 'small.pdf', page, pages: 4 });
    for (let page = 1; page <= 60; page++) p.listener({ file: 'big.pdf', page, pages: 60 });
    p.end();
    expect(out).toEqual(['reading big.pdf: page 25 of 60\n', 'reading big.pdf: page 50 of 60\n', 'reading big.pdf: page 60 of 60\n']);
  });

  it('closes a line an error interrupted', () => {
    const { out, s } = stream(true);
    const p = stderrProgress(s);
    p.listener({ file: 'big.pdf', page: 30, pages: 100 });
    p.end();
    expect(out.at(-1)).toBe('\n');
  });
});
