import type { IsoDate } from "../domain/types";

/**
 * The dates files add to "last seen", by key and file, with the latest per key remembered. Keys
 * are references as written (reduced by `targetOf`), or `log:` and a path; the references are
 * also found by their slug, since a reference no person note carries is looked up by its slug.
 */
export class SeenDates {
  private readonly byKey = new Map<string, Map<string, IsoDate>>();
  private readonly latestOf = new Map<string, IsoDate | null>();
  /** Slug → the keys (not `log:` ones) with that slug. */
  private readonly bySlug = new Map<string, Set<string>>();

  constructor(private readonly slugOf: (key: string) => string) {}

  /** Adds a file's dates (`[key, date, key, date…]`); `changed` hears of each key touched. */
  add(path: string, seen: readonly string[], changed: (key: string) => void): void {
    for (let i = 0; i + 1 < seen.length; i += 2) {
      const key = seen[i] as string;
      const date = seen[i + 1] as IsoDate;
      let byPath = this.byKey.get(key);
      if (!byPath) {
        this.byKey.set(key, (byPath = new Map<string, IsoDate>()));
        if (!key.startsWith("log:")) {
          const slug = this.slugOf(key);
          let keys = this.bySlug.get(slug);
          if (!keys) this.bySlug.set(slug, (keys = new Set()));
          keys.add(key);
        }
      }
      const current = byPath.get(path);
      if (current === undefined || date > current) byPath.set(path, date);
      this.latestOf.delete(key);
      changed(key);
    }
  }

  remove(path: string, seen: readonly string[], changed: (key: string) => void): void {
    for (let i = 0; i < seen.length; i += 2) {
      const key = seen[i] as string;
      const byPath = this.byKey.get(key);
      if (!byPath?.delete(path)) continue;
      if (byPath.size === 0) {
        this.byKey.delete(key);
        if (!key.startsWith("log:")) {
          const slug = this.slugOf(key);
          const keys = this.bySlug.get(slug);
          keys?.delete(key);
          if (keys?.size === 0) this.bySlug.delete(slug);
        }
      }
      this.latestOf.delete(key);
      changed(key);
    }
  }

  /** The keys holding dates whose slug is `slug`. */
  withSlug(slug: string): ReadonlySet<string> | undefined {
    return this.bySlug.get(slug);
  }

  /** The latest date on or before `today` under any of the keys (a later one is not a meeting yet). */
  latest(keys: Iterable<string>, today: IsoDate): IsoDate | null {
    let latest: IsoDate | null = null;
    for (const key of keys) {
      let date = this.latestOf.get(key);
      if (date === undefined) {
        date = null;
        for (const d of this.byKey.get(key)?.values() ?? []) if (date === null || d > date) date = d;
        this.latestOf.set(key, date);
      }
      if (date !== null && date > today) {
        date = null;
        for (const d of this.byKey.get(key)?.values() ?? []) if (d <= today && (date === null || d > date)) date = d;
      }
      if (date !== null && (latest === null || date > latest)) latest = date;
    }
    return latest;
  }

  clear(): void {
    this.byKey.clear();
    this.latestOf.clear();
    this.bySlug.clear();
  }
}
