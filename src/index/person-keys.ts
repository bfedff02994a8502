import { baseName } from "./facts";
import { normKey, slugOf, targetOf } from "./records";

/**
 * The keys that name person notes (path, name, first name, aliases, their slugs), and the
 * resolution of references to people, remembered until a key they read changes.
 *
 * Kept up to date one person note at a time. Files that resolved a reference say so (`use`), so
 * that when a person note comes, goes or is renamed, only the files whose references now find
 * someone else are derived again.
 */
export class PersonKeys {
  /** Key → paths of the person notes carrying it, in order of arrival. */
  private readonly byKey = new Map<string, string[]>();
  /** Resolutions remembered: target → person path or null. */
  private readonly memo = new Map<string, string | null>();
  /** Slug → targets remembered whose slug it is (a target is looked up as itself, then as slug). */
  private readonly bySlug = new Map<string, Set<string>>();
  /** Target → files whose derived entries used its resolution. */
  private readonly users = new Map<string, Set<string>>();
  /** Resolutions forgotten since the last `settle`, with what they were. */
  private readonly previous = new Map<string, string | null>();
  /** Keys whose person notes changed since the last `settle`. */
  private readonly changed = new Set<string>();

  constructor(private readonly seqOf: (path: string) => number) {}

  /** Paths of the person notes carrying `key`, in order of arrival. */
  paths(key: string): readonly string[] | undefined {
    return this.byKey.get(key);
  }

  add(path: string, keys: readonly string[]): void {
    const seq = this.seqOf(path);
    for (const key of keys) {
      const paths = this.byKey.get(key);
      if (!paths) {
        this.byKey.set(key, [path]);
      } else {
        if (paths.includes(path)) continue;
        let at = paths.length;
        while (at > 0 && this.seqOf(paths[at - 1] as string) > seq) at--;
        paths.splice(at, 0, path);
      }
      this.touch(key);
    }
  }

  remove(path: string, keys: readonly string[]): void {
    for (const key of keys) {
      const paths = this.byKey.get(key);
      const at = paths ? paths.indexOf(path) : -1;
      if (!paths || at < 0) continue;
      paths.splice(at, 1);
      if (paths.length === 0) this.byKey.delete(key);
      this.touch(key);
    }
  }

  /** The person note a reference names: a link target, a path, a name, an alias or a slug. */
  resolve(ref: string): string | null {
    return this.resolveTarget(targetOf(ref));
  }

  /** As `resolve`, for a reference already reduced by `targetOf`. */
  resolveTarget(target: string): string | null {
    if (!target) return null;
    const known = this.memo.get(target);
    if (known !== undefined) return known;
    const slug = slugOf(target);
    const candidates = this.byKey.get(target) ?? this.byKey.get(slug) ?? [];
    let found: string | null = null;
    if (candidates.length > 0) {
      // An exact name wins over an alias or a first name shared by several people; among equals,
      // the shortest path (the note nearest the top of the vault), then the first in order.
      let exact = false;
      for (const path of candidates) {
        const name = normKey(baseName(path).replace(/^@/, ""));
        if (name === target || slugOf(name) === slug) {
          if (!exact || before(path, found as string)) found = path;
          exact = true;
        } else if (!exact && (found === null || before(path, found))) {
          found = path;
        }
      }
    }
    this.memo.set(target, found);
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
    for (const [target, before] of this.previous) {
      const users = this.users.get(target);
      if (users && this.resolveTarget(target) !== before) for (const path of users) files.add(path);
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
    const known = this.memo.get(target);
    if (known === undefined) return;
    if (!this.previous.has(target)) this.previous.set(target, known);
    this.memo.delete(target);
    const slug = slugOf(target);
    const targets = this.bySlug.get(slug);
    targets?.delete(target);
    if (targets?.size === 0) this.bySlug.delete(slug);
  }
}

/** Which of two person notes a shared name goes to: the shorter path, then the first in order. */
function before(a: string, b: string): boolean {
  return a.length !== b.length ? a.length < b.length : a < b;
}
