import { describe, expect, it } from 'vitest';
import { PathQueue } from './path-queue.ts';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('PathQueue', () => {
  it('runs the tasks of one key one at a time, in order, a read-modify-write across awaits losing nothing', async () => {
    const queue = new PathQueue();
    let value = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        queue.run('a', async () => {
          const read = value;
          await tick();
          value = read + 1;
          order.push(i);
        }),
      ),
    );
    expect(value).toBe(20);
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('runs different keys side by side', async () => {
    const queue = new PathQueue();
    let running = 0;
    let most = 0;
    await Promise.all(
      ['a', 'b', 'c'].map((k) =>
        queue.run(k, async () => {
          most = Math.max(most, ++running);
          await tick();
          running--;
        }),
      ),
    );
    expect(most).toBe(3);
  });

  it('goes on after a failed task, and forgets a key once its work is done', async () => {
    const queue = new PathQueue();
    const failed = queue.run('a', async () => {
      throw new Error('no');
    });
    const next = queue.run('a', async () => 'yes');
    await expect(failed).rejects.toThrow('no');
    await expect(next).resolves.toBe('yes');
    await tick();
    expect(queue.busy('a')).toBe(false);
  });
});
