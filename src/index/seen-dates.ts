import type { IsoDate } from "../domain/types";

/** The dates files add to people's "last seen", by person and file, with the latest remembered. */
export class SeenDates {
  private readonly byPerson = new Map<string, Map<string, IsoDate>>();
  private readonly latestOf = new Map<string, IsoDate | null>();

  /** Adds a file's dates (`[person, date, person, date…]`); `changed` hears of each person touched. */
  add(path: string, seen: readonly string[], changed: (person: string) => void): void {
    for (let i = 0; i + 1 < seen.length; i += 2) {
      const person = seen[i] as string;
      const date = seen[i + 1] as IsoDate;
      let byPath = this.byPerson.get(person);
      if (!byPath) this.byPerson.set(person, (byPath = new Map<string, IsoDate>()));
      const current = byPath.get(path);
      if (current === undefined || date > current) byPath.set(path, date);
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
      date = null;
      for (const d of this.byPerson.get(person)?.values() ?? []) if (date === null || d > date) date = d;
      this.latestOf.set(person, date);
    }
    if (date !== null && date > today) {
      date = null;
      for (const d of this.byPerson.get(person)?.values() ?? []) if (d <= today && (date === null || d > date)) date = d;
    }
    return date;
  }

  clear(): void {
    this.byPerson.clear();
    this.latestOf.clear();
  }
}
