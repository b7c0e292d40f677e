/**
 * Offsets of the case text ↔ positions in the reader's DOM. The reader renders one <p> per
 * paragraph (a heading may be a <span> at its start); paragraphs are joined by one "\n" in the
 * case text that has no node of its own. Built once per render, looked up by binary search.
 */
export class TextIndex {
  private readonly nodes: Text[] = [];
  private readonly starts: number[] = [];
  private readonly startOf = new Map<Node, number>();

  constructor(readonly root: HTMLElement) {
    for (const p of root.querySelectorAll<HTMLElement>('[data-start]')) {
      let at = Number(p.dataset.start);
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n as Text;
        this.nodes.push(text);
        this.starts.push(at);
        this.startOf.set(text, at);
        at += text.data.length;
      }
    }
  }

  /** The DOM position of a text offset (at a paragraph break: the end of the paragraph before it). */
  position(offset: number): { node: Text; offset: number } | null {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return this.nodes[0] ? { node: this.nodes[0], offset: 0 } : null;
    const node = this.nodes[found]!;
    return { node, offset: Math.min(offset - this.starts[found]!, node.data.length) };
  }

  range(start: number, end: number): Range | null {
    const a = this.position(start);
    const b = this.position(end);
    if (!a || !b) return null;
    const r = new Range();
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
    return r;
  }

  /** The text offset of a DOM position inside the reader, or null when it is outside the text. */
  offsetOf(node: Node, offset: number): number | null {
    const start = this.startOf.get(node);
    if (start !== undefined) return start + offset;
    // An element position (e.g. the end of a <p>): use its text before that child.
    if (node.nodeType === Node.ELEMENT_NODE && this.root.contains(node)) {
      const el = node as Element;
      const p = el.closest<HTMLElement>('[data-start]');
      if (!p) return null;
      let at = Number(p.dataset.start);
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const limit = el.childNodes[offset];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (limit && (limit === n || limit.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
        at += (n as Text).data.length;
      }
      return at;
    }
    return null;
  }

  /** The text offsets of the current selection, if it lies in the reader. */
  selection(): { start: number; end: number } | null {
    const sel = document.getSelection();
    if (!sel || sel.rangeCount === 0) return null;
    const r = sel.getRangeAt(0);
    if (!this.root.contains(r.startContainer) || !this.root.contains(r.endContainer)) return null;
    const start = this.offsetOf(r.startContainer, r.startOffset);
    const end = this.offsetOf(r.endContainer, r.endOffset);
    return start === null || end === null ? null : { start: Math.min(start, end), end: Math.max(start, end) };
  }

  select(start: number, end: number): void {
    const a = this.position(start);
    const b = this.position(end);
    const sel = document.getSelection();
    if (a && b && sel) sel.setBaseAndExtent(a.node, a.offset, b.node, b.offset);
  }

  /** The text offset under a point (for clicks on highlights, which have no elements of their own). */
  offsetAtPoint(x: number, y: number): number | null {
    const pos = document.caretPositionFromPoint?.(x, y);
    if (pos) return this.offsetOf(pos.offsetNode, pos.offset);
    return null;
  }
}

/** The open case's index, as the reader keeps it: read when used (a click, a key), so that a new index re-renders nothing. */
export interface TextIndexRef {
  current: TextIndex | null;
}
