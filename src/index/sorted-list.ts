/**
 * A list kept in a total order, changed a few items at a time. Additions and removals wait until
 * the list is read; then a few are placed by binary search and spliced in place, and many are
 * sorted among themselves and merged in.
 *
 * The array handed out is the list's own and changes in place (a copy of 75,000 items would cost
 * more than the change itself): read it, do not keep it. `version` counts the changes, so a
 * reader can tell whether the list changed since it last looked.
 */
/** How many additions `prepare` sorts at a time. */
const RUN = 4096;

export class SortedList<T> {
  private items: T[] = [];
  /** Items to add; one also in `removed` was taken out again before the list was read. */
  private added: T[] = [];
  private readonly removed = new Set<T>();
  /** Sorted runs made by `prepare` from `added[0 … prepared)`, waiting to be merged in. */
  private runs: T[][] = [];
  private prepared = 0;
  private changes = 0;

  /** @param compare a total order: 0 only for an item with itself. */
  constructor(private readonly compare: (a: T, b: T) => number) {}

  /** Adds an item that is not in the list (or was removed since the list was last read). */
  add(item: T): void {
    if (this.removed.has(item)) this.removed.delete(item);
    else this.added.push(item);
  }

  /** Removes an item that is in the list, or was added since it was last read. */
  remove(item: T): void {
    this.removed.add(item);
  }

  get pending(): boolean {
    return this.added.length > 0 || this.removed.size > 0;
  }

  /** How many times the list has changed; read it after `get()`. */
  get version(): number {
    return this.changes;
  }

  /**
   * Does the sorting `get()` would do for many additions, a piece at a time: sorts runs of them,
   * then merges the runs two by one. Returns false when work is left (call again), true when
   * `get()` has only the last merge left.
   */
  prepare(shouldYield: () => boolean): boolean {
    if (this.removed.size > 0 || (this.prepared === 0 && this.added.length < RUN)) return true;
    while (this.prepared < this.added.length) {
      const run = this.added.slice(this.prepared, this.prepared + RUN);
      this.prepared += run.length;
      this.runs.push(run.sort(this.compare));
      if (shouldYield()) return false;
    }
    while (this.runs.length > 1) {
      this.runs.push(this.mergeRuns(this.runs.shift() as T[], this.runs.shift() as T[]));
      if (shouldYield()) return false;
    }
    return true;
  }

  get(): readonly T[] {
    if (!this.pending) return this.items;
    let adds = this.added;
    if (this.prepared > 0) {
      const runs = this.runs;
      if (this.prepared < this.added.length) runs.push(this.added.slice(this.prepared).sort(this.compare));
      while (runs.length > 1) runs.push(this.mergeRuns(runs.shift() as T[], runs.shift() as T[]));
      adds = runs[0] ?? [];
    }
    if (this.removed.size > 0) adds = adds.filter((item) => !this.removed.has(item));
    const count = adds.length + this.removed.size;
    if (count > 64 && count * 8 > this.items.length) this.items = this.merge(adds);
    else this.patch(adds);
    this.added = [];
    this.runs = [];
    this.prepared = 0;
    this.removed.clear();
    this.changes++;
    return this.items;
  }

  clear(): void {
    this.items = [];
    this.added = [];
    this.runs = [];
    this.prepared = 0;
    this.removed.clear();
    this.changes++;
  }

  /** Two sorted runs as one. */
  private mergeRuns(a: T[], b: T[]): T[] {
    const out: T[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      if (this.compare(b[j] as T, a[i] as T) < 0) out.push(b[j++] as T);
      else out.push(a[i++] as T);
    }
    while (i < a.length) out.push(a[i++] as T);
    while (j < b.length) out.push(b[j++] as T);
    return out;
  }

  /** Many changes: the additions are sorted, then merged with the items kept, in one pass. */
  private merge(adds: T[]): T[] {
    adds.sort(this.compare);
    const items = this.items;
    if (items.length === 0) return adds;
    const removed = this.removed;
    const out: T[] = [];
    let i = 0;
    let a = 0;
    while (i < items.length && a < adds.length) {
      const item = items[i] as T;
      if (removed.size > 0 && removed.has(item)) {
        i++;
        continue;
      }
      const add = adds[a] as T;
      if (this.compare(add, item) < 0) {
        out.push(add);
        a++;
      } else {
        out.push(item);
        i++;
      }
    }
    for (; i < items.length; i++) if (removed.size === 0 || !removed.has(items[i] as T)) out.push(items[i] as T);
    for (; a < adds.length; a++) out.push(adds[a] as T);
    return out;
  }

  /** A few changes: placed by binary search and spliced in, from the end of the list backwards. */
  private patch(additions: T[]): void {
    const items = this.items;
    const drop: number[] = [];
    const unlisted = this.added.length > 0 ? new Set(this.added) : null;
    for (const item of this.removed) {
      if (unlisted?.has(item)) continue; // added and taken out again: never in the list
      const at = this.find(item);
      if (at >= 0) drop.push(at);
    }
    drop.sort((a, b) => b - a);
    const adds = additions.sort(this.compare);
    // Where each addition goes (before the item now at that position), found before any splice.
    const at = adds.map((item) => this.lowerBound(item));
    let d = 0;
    for (let a = adds.length - 1; a >= 0 || d < drop.length; ) {
      const insertAt = a >= 0 ? (at[a] as number) : -1;
      const dropAt = d < drop.length ? (drop[d] as number) : -1;
      if (dropAt >= insertAt) {
        items.splice(dropAt, 1);
        d++;
      } else {
        items.splice(insertAt, 0, adds[a] as T);
        a--;
      }
    }
  }

  /** The position of `item`, or -1. */
  private find(item: T): number {
    const at = this.lowerBound(item);
    if (this.items[at] === item) return at;
    return this.items.indexOf(item);
  }

  /** The first position whose item does not come before `item`. */
  private lowerBound(item: T): number {
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.compare(this.items[mid] as T, item) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
