import { nameKey, pathKey } from "./records";

const NOBODY: ReadonlySet<string> = new Set();

/**
 * Running logs and whose they are: the note a person's `log` property names (found by path or by
 * name, as a link would be), else the person's dateless 1:1 note (of several, the first: the
 * shortest path, then the first in the alphabet).
 *
 * - Several people naming the same note: it belongs to the one whose note comes first in that
 *   order (`logOf` gives it to each; the index tells the others it is not theirs).
 * - A note named by path wins over notes of the same name elsewhere; among notes of the same name
 *   the first in that order wins; among paths differing in case only, too.
 *
 * Nothing depends on the order in which files arrived.
 *
 * Kept up to date one file at a time; `settle…` returns what changed so that only those files and
 * people are derived again.
 */
export class LogOwners {
  /** Person path → key of the note their `log` property names. */
  private readonly wanted = new Map<string, string>();
  /** Note key → people whose `log` names it. */
  private readonly wantedBy = new Map<string, Set<string>>();
  /** Person path → the note their `log` property found. */
  private readonly propertyLog = new Map<string, string>();
  /** Note path → people whose `log` property found it. */
  private readonly namedBy = new Map<string, Set<string>>();
  /** People whose `log` must be looked up again. */
  private readonly lookUp = new Set<string>();
  /** Note paths by path key and by name key; built when the first `log` property appears. */
  private names: { byPath: Map<string, string[]>; byName: Map<string, string[]> } | null = null;

  /** Dateless 1:1 note → the person it is about (when no `log` property owns the note). */
  private readonly candidateOf = new Map<string, string>();
  /** Person → their dateless 1:1 notes. */
  private readonly candidates = new Map<string, Set<string>>();
  /** Person → the dateless note that is their log, when no `log` property gives one. */
  private readonly chosen = new Map<string, string>();
  /** Note → the person it was chosen for. */
  private readonly chosenFor = new Map<string, string>();
  /** People whose chosen log must be checked again. */
  private readonly choose = new Set<string>();

  constructor(private readonly allPaths: () => Iterable<string>) {}

  // ---- files and people come and go -------------------------------------------------------------

  fileAdded(path: string): void {
    if (!this.names) return;
    push(this.names.byPath, pathKey(path), path);
    push(this.names.byName, nameKey(path), path);
    this.noteNamesChanged(path);
  }

  fileRemoved(path: string): void {
    if (this.names) {
      pull(this.names.byPath, pathKey(path), path);
      pull(this.names.byName, nameKey(path), path);
      this.noteNamesChanged(path);
    }
    this.setCandidate(path, null);
  }

  /** The note key a person's `log` property names, or null (no such property, or not a person). */
  setWanted(person: string, key: string | null): void {
    const before = this.wanted.get(person) ?? null;
    if (before === key) return;
    if (before !== null) {
      const people = this.wantedBy.get(before);
      people?.delete(person);
      if (people?.size === 0) this.wantedBy.delete(before);
    }
    if (key === null) {
      this.wanted.delete(person);
    } else {
      this.wanted.set(person, key);
      let people = this.wantedBy.get(key);
      if (!people) this.wantedBy.set(key, (people = new Set()));
      people.add(person);
    }
    this.lookUp.add(person);
  }

  /** Records whether a file is a dateless 1:1 note about `person` not owned by a `log` property. */
  setCandidate(path: string, person: string | null): void {
    const before = this.candidateOf.get(path) ?? null;
    if (before === person) return;
    if (before !== null) {
      const notes = this.candidates.get(before);
      notes?.delete(path);
      if (notes?.size === 0) this.candidates.delete(before);
      this.choose.add(before);
    }
    if (person === null) {
      this.candidateOf.delete(path);
    } else {
      this.candidateOf.set(path, person);
      let notes = this.candidates.get(person);
      if (!notes) this.candidates.set(person, (notes = new Set()));
      notes.add(path);
      this.choose.add(person);
    }
  }

  // ---- settling ---------------------------------------------------------------------------------

  /**
   * Looks up the `log` properties that may have changed. Returns the notes whose owner by
   * property changed, and the people whose property log changed.
   */
  settleProperties(): { notes: Set<string>; people: Set<string> } {
    const notes = new Set<string>();
    const people = new Set<string>();
    for (const person of this.lookUp) {
      const key = this.wanted.get(person);
      const found = key === undefined ? null : this.find(key);
      const before = this.propertyLog.get(person) ?? null;
      if (found === before) continue;
      if (before !== null) {
        const owners = this.namedBy.get(before);
        owners?.delete(person);
        if (owners?.size === 0) this.namedBy.delete(before);
        notes.add(before);
      }
      if (found === null) {
        this.propertyLog.delete(person);
      } else {
        this.propertyLog.set(person, found);
        let owners = this.namedBy.get(found);
        if (!owners) this.namedBy.set(found, (owners = new Set()));
        owners.add(person);
        notes.add(found);
      }
      people.add(person);
      this.choose.add(person);
    }
    this.lookUp.clear();
    return { notes, people };
  }

  /** Chooses the logs of people without a `log` property again; returns whose log changed. */
  settleChosen(): Set<string> {
    const changed = new Set<string>();
    for (const person of this.choose) {
      let pick: string | null = null;
      if (!this.propertyLog.has(person)) pick = first(this.candidates.get(person) ?? []);
      const before = this.chosen.get(person) ?? null;
      if (pick === before) continue;
      if (before !== null) {
        this.chosen.delete(person);
        if (this.chosenFor.get(before) === person) this.chosenFor.delete(before);
      }
      if (pick !== null) {
        this.chosen.set(person, pick);
        this.chosenFor.set(pick, person);
      }
      changed.add(person);
    }
    this.choose.clear();
    return changed;
  }

  get pending(): boolean {
    return this.lookUp.size > 0 || this.choose.size > 0;
  }

  // ---- queries ----------------------------------------------------------------------------------

  /** The people whose `log` property names the note (its owner among them). */
  namers(path: string): ReadonlySet<string> {
    return this.namedBy.get(path) ?? NOBODY;
  }

  /** The person whose `log` property names this note (the first in order of several). */
  ownerByProperty(path: string): string | null {
    const owners = this.namedBy.get(path);
    return owners ? first(owners) : null;
  }

  /** Whose log a note is: by property, else chosen among dateless 1:1 notes. */
  ownerOf(path: string): string | null {
    return this.ownerByProperty(path) ?? this.chosenFor.get(path) ?? null;
  }

  logOf(person: string): string | null {
    return this.propertyLog.get(person) ?? this.chosen.get(person) ?? null;
  }

  /** The note a person's `log` property finds, if any. */
  propertyLogOf(person: string): string | null {
    return this.propertyLog.get(person) ?? null;
  }

  /** The dateless 1:1 note chosen as a person's log, when they have no `log` property. */
  chosenLogOf(person: string): string | null {
    return this.chosen.get(person) ?? null;
  }

  clear(): void {
    this.wanted.clear();
    this.wantedBy.clear();
    this.propertyLog.clear();
    this.namedBy.clear();
    this.lookUp.clear();
    this.names = null;
    this.candidateOf.clear();
    this.candidates.clear();
    this.chosen.clear();
    this.chosenFor.clear();
    this.choose.clear();
  }

  // ---- internals --------------------------------------------------------------------------------

  private noteNamesChanged(path: string): void {
    for (const key of [pathKey(path), nameKey(path)]) {
      for (const person of this.wantedBy.get(key) ?? []) this.lookUp.add(person);
    }
  }

  /** The note a `log` property's key names: by path (last to arrive), else by name (first). */
  private find(key: string): string | null {
    if (!this.names) {
      const byPath = new Map<string, string[]>();
      const byName = new Map<string, string[]>();
      for (const path of this.allPaths()) {
        push(byPath, pathKey(path), path);
        push(byName, nameKey(path), path);
      }
      this.names = { byPath, byName };
    }
    const byPath = this.names.byPath.get(key);
    if (byPath) return first(byPath);
    const byName = this.names.byName.get(key);
    return byName ? first(byName) : null;
  }
}

function push(map: Map<string, string[]>, key: string, path: string): void {
  const paths = map.get(key);
  if (!paths) map.set(key, [path]);
  else if (!paths.includes(path)) paths.push(path);
}

function pull(map: Map<string, string[]>, key: string, path: string): void {
  const paths = map.get(key);
  if (!paths) return;
  const at = paths.indexOf(path);
  if (at >= 0) paths.splice(at, 1);
  if (paths.length === 0) map.delete(key);
}

/** The first of some paths: the shortest, then the first in the alphabet. */
function first(paths: Iterable<string>): string | null {
  let pick: string | null = null;
  for (const path of paths) {
    if (pick === null || path.length < pick.length || (path.length === pick.length && path < pick)) pick = path;
  }
  return pick;
}
