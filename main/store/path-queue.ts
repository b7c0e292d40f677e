/**
 * Runs tasks one at a time per key (a file's path), in the order they were queued: the
 * read-check-write of one file in this process never interleaves with another of the same
 * file, while different files go on in parallel. A failed task does not stop the ones after it.
 */
export class PathQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const result = before.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    // The last task of a key removes it: the map holds only keys with work queued.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Whether anything is queued or running for `key`. */
  busy(key: string): boolean {
    return this.tails.has(key);
  }
}
