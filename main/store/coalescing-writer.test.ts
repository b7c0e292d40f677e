import { describe, expect, it } from 'vitest';
import { CoalescingWriter } from './coalescing-writer.ts';

describe('CoalescingWriter', () => {
  it('turns a burst into one write in flight and one follow-up with the newest state', async () => {
    const w = new CoalescingWriter();
    const written: number[] = [];
    let state = 0;
    const write = () => {
      const snapshot = state;
      return new Promise<void>((resolve) => setTimeout(() => {
        written.push(snapshot);
        resolve();
      }, 5));
    };
    const acks: Promise<void>[] = [];
    for (let i = 1; i <= 10; i++) {
      state = i;
      acks.push(w.write(write));
    }
    await Promise.all(acks);
    expect(written).toEqual([1, 10]);
  });

  it('acknowledges a request only after a write that started after it', async () => {
    const w = new CoalescingWriter();
    const log: string[] = [];
    let n = 0;
    const write = () => {
      const id = ++n;
      log.push(`start ${id}`);
      return new Promise<void>((r) => setTimeout(() => {
        log.push(`end ${id}`);
        r();
      }, 2));
    };
    log.push('request a');
    const first = w.write(write).then(() => log.push('ack a'));
    log.push('request b');
    const second = w.write(write).then(() => log.push('ack b'));
    await Promise.all([first, second]);
    const at = (e: string) => log.indexOf(e);
    // b was requested while write 1 was in flight: it must wait for write 2, which starts after it.
    expect(at('request b')).toBeLessThan(at('start 2'));
    expect(at('ack a')).toBeGreaterThan(at('end 1'));
    expect(at('ack b')).toBeGreaterThan(at('end 2'));
    expect(log.filter((e) => e.startsWith('start'))).toEqual(['start 1', 'start 2']);
  });

  it('passes a failed write on to its waiters, and keeps working', async () => {
    const w = new CoalescingWriter();
    await expect(w.write(() => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    await expect(w.write(() => Promise.resolve())).resolves.toBeUndefined();
  });
});
