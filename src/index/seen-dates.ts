import type { IsoDate } from "../domain/types";

/**
 * The dates files add to people's "last seen", by person and file, with the latest remembered.
 * A file may add several dates for one person (a log's entries, a daily note of a later day): all
 * are kept, since which of them counts depends on the day it is.
 */
export class SeenDates {
  private readonly byPerson = new Map<string, Map<string, IsoDate | IsoDate[]>>();
  private readonly latestOf = new Map<string, IsoDate | null>();

  /** Adds a file's dates (`[person, date, person, date…]`); `changed` hears of each person touched. */
  add(path: string, seen: readonly string[], changed: (person: string) => void): void {
    for (let i = 0; i + 1 < seen.length; i += 2) {
      const person = seen[i] as string;
      const date = seen[i + 1] as IsoDate;
      let byPath = this.byPerson.get(person);
      if (!byPath) this.byPerson.set(person, (byPath = new Map<string, IsoDate | IsoDate[]>()));
      const current = byPath.get(path);
      if (current === undefined) byPath.set(path, date);
      else if (typeof current === "string") {
        if (current !== date) byPath.set(path, [current, date]);
      } else if (!current.includes(date)) current.push(date);
      this.latestOf.delete(person);
      changed(person);
    }
  }

  remove(path: string, seen: readonly string[], changed: (person: string) => void): void {
    for (let i = 0; i < seen.length; i += 2) {
      const person = seen[i] as string;
      const byPath = this.byPerson.get(person);
      if (!byPath?.delete(path)) continue;
      if (byPath.size === 0) this.byPerson.delete(person);
      this.latestOf.delete(person);
      changed(person);
    }
  }

  /** A person's latest date on or before `today` (a note prepared for a later day is not a meeting yet). */
  latest(person: string, today: IsoDate): IsoDate | null {
    let date = this.latestOf.get(person);
    if (date === undefined) {
      date = this.latestUpTo(person, null);
      this.latestOf.set(person, date);
    }
    return date !== null && date > today ? this.latestUpTo(person, today) : date;
  }

  /** A person's latest date on or before `today`, leaving out `date` as the file at `path` adds it. */
  latestApart(person: string, today: IsoDate, path: string, date: IsoDate): IsoDate | null {
    let latest: IsoDate | null = null;
    for (const [from, dates] of this.byPerson.get(person) ?? []) {
      for (const d of typeof dates === "string" ? [dates] : dates) {
        if (d <= today && !(from === path && d === date) && (latest === null || d > latest)) latest = d;
      }
    }
    return latest;
  }

  /** The latest of a person's dates, or of those on or before `until`. */
  private latestUpTo(person: string, until: IsoDate | null): IsoDate | null {
    let latest: IsoDate | null = null;
    const consider = (d: IsoDate) => {
      if ((until === null || d <= until) && (latest === null || d > latest)) latest = d;
    };
    for (const dates of this.byPerson.get(person)?.values() ?? []) {
      if (typeof dates === "string") consider(dates);
      else for (const d of dates) consider(d);
    }
    return latest;
  }

  clear(): void {
    this.byPerson.clear();
    this.latestOf.clear();
  }
}
