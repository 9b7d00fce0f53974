/**
 * Binary min-heap ordered by a numeric key, ties broken by insertion order (so pops are
 * deterministic and stable). Used to merge the events of open sessions by time.
 */
export class MinHeap<T> {
  private readonly keys: number[] = [];
  private readonly seqs: number[] = [];
  private readonly items: T[] = [];
  private seq = 0;

  /** Number of queued items. */
  get size(): number {
    return this.items.length;
  }

  /** Smallest key, or undefined when empty. */
  peekKey(): number | undefined {
    return this.keys[0];
  }

  /** Adds `item` with `key`. */
  push(key: number, item: T): void {
    this.keys.push(key);
    this.seqs.push(this.seq++);
    this.items.push(item);
    this.up(this.items.length - 1);
  }

  /** Removes and returns the item with the smallest (key, insertion) pair. */
  pop(): T | undefined {
    const n = this.items.length;
    if (n === 0) return undefined;
    const top = this.items[0];
    this.move(n - 1, 0);
    this.keys.pop();
    this.seqs.pop();
    this.items.pop();
    if (this.items.length > 1) this.down(0);
    return top;
  }

  private less(i: number, j: number): boolean {
    const ki = this.keys[i] ?? 0;
    const kj = this.keys[j] ?? 0;
    return ki < kj || (ki === kj && (this.seqs[i] ?? 0) < (this.seqs[j] ?? 0));
  }

  private move(from: number, to: number): void {
    this.keys[to] = this.keys[from] ?? 0;
    this.seqs[to] = this.seqs[from] ?? 0;
    this.items[to] = this.items[from] as T;
  }

  private swap(i: number, j: number): void {
    const k = this.keys[i] ?? 0;
    const s = this.seqs[i] ?? 0;
    const it = this.items[i] as T;
    this.move(j, i);
    this.keys[j] = k;
    this.seqs[j] = s;
    this.items[j] = it;
  }

  private up(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) return;
      this.swap(i, p);
      i = p;
    }
  }

  private down(i: number): void {
    const n = this.items.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.less(l, m)) m = l;
      if (r < n && this.less(r, m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
}
