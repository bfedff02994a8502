import { inferYou, type MeetingNames } from "../domain/recognition/you";

/**
 * Who you seem to be, from the names side by side in the vault's meetings (see `inferYou`), kept
 * up to date one file at a time. Only files that name two or more people are held; the answer is
 * worked out again when asked after a change, never by the order files came in.
 */
export class InferredYou {
  private readonly lists = new Map<string, MeetingNames>();
  private answer: string | null = null;
  private stale = false;

  /** The names a meeting file puts side by side (two or more), or nothing. */
  set(path: string, oneOnOne: boolean, names: readonly string[]): void {
    const had = this.lists.has(path);
    if (names.length < 2) {
      if (had) {
        this.lists.delete(path);
        this.stale = true;
      }
      return;
    }
    const before = this.lists.get(path);
    if (before && before.oneOnOne === oneOnOne && before.names.length === names.length && before.names.every((n, i) => n === names[i])) return;
    this.lists.set(path, { oneOnOne, names });
    this.stale = true;
  }

  remove(path: string): void {
    if (this.lists.delete(path)) this.stale = true;
  }

  /** Your name as the meetings suggest it (see `inferYou`), or null. */
  get(): string | null {
    if (this.stale) {
      this.answer = inferYou([...this.lists.values()]);
      this.stale = false;
    }
    return this.answer;
  }

  clear(): void {
    this.lists.clear();
    this.answer = null;
    this.stale = false;
  }
}
