import type { KeyStrength } from "../domain/person-names";
import { ME } from "../domain/recognition/choose-person";
import { slugOf, targetOf } from "./records";

/** What a reference names: a person note's path (or `ME`), nobody, or the people it could mean. */
type Resolution = string | null | readonly string[];

/** One person note (or you) carrying a key, and how surely the key names them. */
interface Holder {
  path: string;
  strength: KeyStrength;
  /** The note is your own: what names it names you. */
  me: boolean;
}

/**
 * The keys that name person notes (path, name, aliases, first name, their slugs) and you, and
 * the resolution of references to people, remembered until a key they read changes.
 *
 * A reference names the person whose own name it is (of several notes with one name, the
 * shortest path, then the first in the alphabet, as a link resolves); else the one person whose
 * alias or first name it is. A name that could mean two or more people — the alias of one and the
 * first name of another, or the alias or first name of several — names nobody (`couldBe` lists
 * them). The order in which notes arrive never matters. `full` lookups leave first names out.
 *
 * Kept up to date one person note at a time. Files that resolved a reference say so (`use`), so
 * that when a person note comes, goes or is renamed, only the files whose references now find
 * someone else are derived again.
 */
export class PersonKeys {
  /** Key → the person notes (and you) carrying it. */
  private readonly byKey = new Map<string, Holder[]>();
  /** Resolutions remembered: (`=` for a full lookup) target → person path, null, or the people it could mean. */
  private readonly memo = new Map<string, Resolution>();
  /** Slug → targets remembered whose slug it is (a target is looked up as itself, then as slug). */
  private readonly bySlug = new Map<string, Set<string>>();
  /** Target → files whose derived entries used its resolution. */
  private readonly users = new Map<string, Set<string>>();
  /** Resolutions forgotten since the last `settle`, with what they were. */
  private readonly previous = new Map<string, Resolution>();
  /** Keys whose person notes changed since the last `settle`. */
  private readonly changed = new Set<string>();

  /** Paths of the person notes carrying `key`, in the order of their paths. */
  paths(key: string): readonly string[] | undefined {
    const holders = this.byKey.get(key);
    return holders?.map((h) => h.path);
  }

  /** Adds the keys of a person note (`me`: your own note, which names you) or of you (`ME`). */
  add(path: string, keys: readonly { key: string; strength: KeyStrength }[], me = false): void {
    for (const { key, strength } of keys) {
      const holders = this.byKey.get(key);
      if (!holders) {
        this.byKey.set(key, [{ path, strength, me }]);
      } else {
        const own = holders.find((h) => h.path === path);
        if (own) {
          if (own.strength === strength && own.me === me) continue;
          own.strength = strength;
          own.me = me;
        } else {
          holders.push({ path, strength, me });
          holders.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        }
      }
      this.touch(key);
    }
  }

  remove(path: string, keys: readonly string[]): void {
    for (const key of keys) {
      const holders = this.byKey.get(key);
      const at = holders ? holders.findIndex((h) => h.path === path) : -1;
      if (!holders || at < 0) continue;
      holders.splice(at, 1);
      if (holders.length === 0) this.byKey.delete(key);
      this.touch(key);
    }
  }

  /** The person note a reference names: a link target, a path, a name, an alias or a slug. */
  resolve(ref: string): string | null {
    return this.resolveTarget(targetOf(ref));
  }

  /** As `resolve`, for a reference already reduced by `targetOf`; `full` leaves first names out. */
  resolveTarget(target: string, full = false): string | null {
    const found = this.resolution(target, full);
    return typeof found === "string" ? found : null;
  }

  /** The people (paths, or `ME`) a reference could mean when it names nobody because it could mean several; else none. */
  couldBe(ref: string): readonly string[] {
    const found = this.resolution(targetOf(ref), false);
    return typeof found === "object" && found !== null ? found : NOBODY;
  }

  private resolution(target: string, full: boolean): Resolution {
    if (!target) return null;
    const memoKey = full ? `=${target}` : target;
    const known = this.memo.get(memoKey);
    if (known !== undefined) return known;
    const slug = slugOf(target);
    const found = pick([...(this.byKey.get(target) ?? []), ...(slug !== target ? (this.byKey.get(slug) ?? []) : [])], full);
    this.memo.set(memoKey, found);
    let targets = this.bySlug.get(slug);
    if (!targets) this.bySlug.set(slug, (targets = new Set()));
    targets.add(target);
    return found;
  }

  /** Records that `path`'s derived entries read the resolutions of `targets` (replacing `before`). */
  use(path: string, before: readonly string[], targets: readonly string[]): void {
    if (before === targets) return;
    for (const target of before) {
      if (targets.includes(target)) continue;
      const users = this.users.get(target);
      users?.delete(path);
      if (users?.size === 0) this.users.delete(target);
    }
    for (const target of targets) {
      if (before.includes(target)) continue;
      let users = this.users.get(target);
      if (!users) this.users.set(target, (users = new Set()));
      users.add(path);
    }
  }

  /**
   * After person notes changed: the files whose remembered resolutions now give another person,
   * and the keys that changed (their people may be named differently, or have a namesake now).
   */
  settle(): { files: Set<string>; keys: Set<string> } {
    const files = new Set<string>();
    for (const [memoKey, before] of this.previous) {
      const full = memoKey.startsWith("=");
      const target = full ? memoKey.slice(1) : memoKey;
      const users = this.users.get(target);
      if (users && !sameResolution(this.resolution(target, full), before)) for (const path of users) files.add(path);
    }
    this.previous.clear();
    const keys = new Set(this.changed);
    this.changed.clear();
    return { files, keys };
  }

  get pending(): boolean {
    return this.changed.size > 0 || this.previous.size > 0;
  }

  clear(): void {
    this.byKey.clear();
    this.memo.clear();
    this.bySlug.clear();
    this.users.clear();
    this.previous.clear();
    this.changed.clear();
  }

  /** Forgets the resolutions that read `key`, keeping what they were for `settle`. */
  private touch(key: string): void {
    this.changed.add(key);
    this.forget(key);
    const targets = this.bySlug.get(key);
    if (targets) for (const target of [...targets]) this.forget(target);
  }

  private forget(target: string): void {
    for (const memoKey of [target, `=${target}`]) {
      const known = this.memo.get(memoKey);
      if (known === undefined) continue;
      if (!this.previous.has(memoKey)) this.previous.set(memoKey, known);
      this.memo.delete(memoKey);
    }
    const slug = slugOf(target);
    const targets = this.bySlug.get(slug);
    targets?.delete(target);
    if (targets?.size === 0) this.bySlug.delete(slug);
  }
}

const NOBODY: readonly string[] = Object.freeze([]);

/**
 * What the holders of a key name (see the class): the person whose own name it is; else the one
 * person whose alias or first name it is; else, when several have it, the list of them.
 */
function pick(holders: readonly Holder[], full: boolean): Resolution {
  let named: string | null = null;
  const others: string[] = [];
  for (const h of holders) {
    if (full && h.strength === 2) continue;
    const path = h.me ? ME : h.path;
    if (h.strength === 0) {
      if (named === null || before(path, named)) named = path;
    } else if (!others.includes(path)) others.push(path);
  }
  if (named !== null) return named;
  if (others.length <= 1) return others[0] ?? null;
  return others.sort();
}

function sameResolution(a: Resolution, b: Resolution): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  return a.length === b.length && a.every((path, i) => path === b[i]);
}

/** Which of two person notes a shared name goes to: the shorter path, then the first in order. */
function before(a: string, b: string): boolean {
  return a.length !== b.length ? a.length < b.length : a < b;
}
