/**
 * Undo and redo for annotation work. Every operation records how to undo and redo itself as
 * closures over the store (add ↔ delete, before ↔ after), so undoing goes through the same
 * durable write path as editing. One history per reviewer: switching reviewer switches stacks.
 */
export interface Change {
  label: string;
  caseId: string;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

export class History {
  private readonly done: Change[] = [];
  private readonly undone: Change[] = [];

  constructor(private readonly limit = 500) {}

  push(change: Change): void {
    this.done.push(change);
    if (this.done.length > this.limit) this.done.shift();
    this.undone.length = 0;
  }

  async undo(): Promise<Change | null> {
    const change = this.done.pop();
    if (!change) return null;
    try {
      await change.undo();
    } catch (e) {
      this.done.push(change);
      throw e;
    }
    this.undone.push(change);
    return change;
  }

  async redo(): Promise<Change | null> {
    const change = this.undone.pop();
    if (!change) return null;
    try {
      await change.redo();
    } catch (e) {
      this.undone.push(change);
      throw e;
    }
    this.done.push(change);
    return change;
  }

  get state() {
    const u = this.done[this.done.length - 1];
    const r = this.undone[this.undone.length - 1];
    return { canUndo: !!u, canRedo: !!r, undoLabel: u?.label ?? null, redoLabel: r?.label ?? null };
  }

  /** Forget changes to a case whose text was revised: their offsets belong to the old text. */
  dropCase(caseId: string): void {
    const keep = (c: Change) => c.caseId !== caseId;
    const d = this.done.filter(keep);
    const u = this.undone.filter(keep);
    this.done.length = 0;
    this.undone.length = 0;
    this.done.push(...d);
    this.undone.push(...u);
  }
}
