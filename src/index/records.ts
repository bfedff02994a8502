import { isOpenStatus, parseAgreement, parseTaskLine } from "../domain/agreement";
import { personSlug } from "../domain/person-names";
import type { IsoDate, Owner, Person } from "../domain/types";
import { personOfTags } from "../domain/recognition/candidates";
import type { LogEntry, NoteShape, NoteText } from "../domain/recognition/note";
import { headingEntries } from "../domain/recognition/when";
import { baseName } from "../domain/paths";
import { passesGlobalFilter, type TasksConventions } from "../domain/tasks-conventions";
import { linkTargetKey, type FileFacts } from "./facts";
import { interned } from "./intern";

/** An open task of a file, as read from its text. */
export interface OpenTask {
  line: number;
  original: string;
  /** The line read as an agreement, when first needed (a note out of scope never needs it). */
  agreement?: TaskAgreement | null;
  /** Date of the log entry the task sits under, if any. */
  entryDate: IsoDate | null;
  /**
   * Whom the line names, outside person notes and 1:1 notes (in them: null, not needed): its first
   * link, else its first person tag (`#people/anya-petrova` → `anya-petrova`).
   */
  firstLink: string | null;
}

/**
 * What the index keeps of an open agreement: what the lists show and sort by. The rest of the
 * parse (the line taken apart, tags, block id) is made again from the line when it is written,
 * and is not kept for tens of thousands of lines.
 */
export interface TaskAgreement {
  text: string;
  due: IsoDate | null;
  recurring: boolean;
  owner: Owner;
  /** A name before a colon that may be the owner (see `ParsedAgreement.lead`), or null. */
  lead: { name: string; text: string } | null;
}

/** The owners with nothing of their own: one object each, shared by every agreement. */
const ME: Owner = Object.freeze({ kind: "me" });
const NOBODY: Owner = Object.freeze({ kind: "none" });

/** The agreement a task holds: null for a line with nothing in it. (Only open tasks are read.) */
export function agreementOf(task: OpenTask): TaskAgreement | null {
  if (task.agreement === undefined) {
    const parsed = parseAgreement(task.original);
    // An empty task, or a template's prompt in italics (`- [ ] _Any follow-ups?_`), is no agreement.
    const prompt = parsed !== null && parsed.owner.kind === "none" && /^(?:_[^_]+_|\*[^*]+\*)$/.test(parsed.text.trim());
    if (!parsed || (parsed.text.trim() === "" && parsed.owner.kind === "none") || prompt) {
      task.agreement = null;
    } else {
      const owner = parsed.owner.kind === "me" ? ME : parsed.owner.kind === "none" ? NOBODY : parsed.owner;
      task.agreement = {
        text: parsed.text,
        due: parsed.due === null ? null : interned(parsed.due),
        recurring: parsed.recurring,
        owner,
        lead: parsed.lead,
      };
    }
  }
  return task.agreement;
}

/** What the index holds of one file: what it is, and what it adds to the derived lists. */
export interface FileRecord {
  facts: FileFacts;
  kind: NoteShape;
  /** What the text says beyond the metadata, when the text was read for it (person and meeting notes). */
  text: NoteText | null;
  person: Person | null;
  tasks: readonly OpenTask[];
  /** The properties block could not be read, and holds more than blank lines and comments. */
  propertiesBroken: boolean;
}

/** Shared by the many files without any (never changed). */
const NO_TASKS: readonly OpenTask[] = Object.freeze([]);
/** The tasks of a file whose text was not read (the index did not need it then). */
export const UNREAD_TASKS: readonly OpenTask[] = Object.freeze([]);
const NO_LINKS: FileFacts["links"] = Object.freeze([]) as unknown as FileFacts["links"];

/**
 * A list to keep, at its final length: an array grown by `push` keeps room for more (16 slots
 * for one item), which adds up over tens of thousands of files.
 */
export function trimmed<T>(items: T[]): T[] {
  return items.length === 0 ? items : items.slice();
}

export const normKey = (text: string): string => text.trim().toLowerCase();

/** ISO dates compare as strings; the index holds valid dates only. */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `People/Anya.md` → `people/anya`: how a path is named by a link with its folder. */
export function pathKey(path: string): string {
  return normKey(path.replace(/\.md$/i, ""));
}

/** `People/Anya.md` → `anya`: how a note is named by a link without folder. */
export function nameKey(path: string): string {
  return normKey(baseName(path));
}

/** The display name the index gives a person note: base name without one leading `@`. */
export function nameOfPath(path: string): string {
  return interned(baseName(path).replace(/^@/, ""));
}

/** How many texts the caches below remember before they start again. */
const CACHE_SIZE = 50_000;
const targets = new Map<string, string>();
const slugs = new Map<string, string>();

/** The key a reference is looked up by: `[[People/Anya|A]]` → `people/anya`, `@anya` → `anya`. */
export function targetOf(ref: string): string {
  let target = targets.get(ref);
  if (target === undefined) {
    if (targets.size > CACHE_SIZE) targets.clear();
    target = normKey(linkTargetKey(ref)).replace(/^@/, "");
    targets.set(ref, target);
  }
  return target;
}

/** `personSlug`, remembered: the same few names are slugged again and again. */
export function slugOf(key: string): string {
  let slug = slugs.get(key);
  if (slug === undefined) {
    if (slugs.size > CACHE_SIZE) slugs.clear();
    slug = personSlug(key);
    slugs.set(key, slug);
  }
  return slug;
}

/** Dated headings of a note that is not a 1:1 note, used when a person's `log` property names it. */
export function heldEntries(facts: FileFacts): LogEntry[] {
  return headingEntries(facts).filter((entry) => entry.status === "held");
}

export function readOpenTasks(facts: FileFacts, text: string, kind: NoteShape, queueHeading: string, tasks: TasksConventions): readonly OpenTask[] {
  const open = facts.tasks.filter((task) => isOpenStatus(task.status, tasks.statuses));
  if (open.length === 0) return NO_TASKS;
  const lines = new LineReader(text);
  const headings = kind.kind === "person" ? [...facts.headings].sort((a, b) => a.line - b.line) : [];
  const entries = kind.kind === "meeting" ? kind.entries : [];
  const queue = normKey(queueHeading);
  // The first link of a task's line names whom it is with outside person notes (a meeting may be
  // a group's: its tasks are then with whom they name).
  const links = kind.kind === "person" ? NO_LINKS : facts.links;
  const found: OpenTask[] = [];
  for (const task of open) {
    const raw = lines.line(task.line);
    if (raw === null) continue;
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    // The line as read now (the cache may lag behind it); with a global filter set in Tasks, a
    // checkbox without it is no task.
    const taskLine = parseTaskLine(line);
    if (!taskLine || !isOpenStatus(taskLine.status, tasks.statuses) || !passesGlobalFilter(taskLine.body, tasks.globalFilter)) continue;
    const original = ownCopy(line);
    // Under the person note's queue heading these are talking points, not agreements.
    if (kind.kind === "person") {
      const heading = lastBefore(headings, task.line);
      if (heading && normKey(heading.text) === queue) continue;
    }
    const entry = lastBefore(entries, task.line);
    const firstLink = links === NO_LINKS ? null : (links.find((link) => link.line === task.line)?.target ?? personOfTags(tagsOn(original)));
    // Every field from the start (`agreement` too): a field added later costs the object more.
    found.push({ line: task.line, original, agreement: undefined, entryDate: entry?.date ?? null, firstLink });
  }
  return found.length > 0 ? trimmed(found) : NO_TASKS;
}

/** The tags written on a line, lower-cased and without `#`, as a note's tags are given. */
export function tagsOn(line: string): string[] {
  const tags: string[] = [];
  const tag = /(?:^|\s)#([\p{L}\p{N}_\-/]+)/gu;
  for (let match = tag.exec(line); match !== null; match = tag.exec(line)) {
    const text = (match[1] as string).toLowerCase();
    if (!/^\d+$/.test(text)) tags.push(text);
  }
  return tags;
}

/**
 * Lines of a text by number, without cutting the whole text into lines: a note with a few open
 * tasks among hundreds of lines gives only those few. Fastest when asked in increasing order.
 */
export class LineReader {
  private lineNo = 0;
  private start = 0;

  constructor(private readonly text: string) {}

  /** Line `n` (0-based, without its `\n`), or null past the end. */
  line(n: number): string | null {
    if (n < 0) return null;
    if (n < this.lineNo) {
      this.lineNo = 0;
      this.start = 0;
    }
    while (this.lineNo < n) {
      const end = this.text.indexOf("\n", this.start);
      if (end < 0) return null;
      this.start = end + 1;
      this.lineNo++;
    }
    const end = this.text.indexOf("\n", this.start);
    return this.text.slice(this.start, end < 0 ? undefined : end);
  }
}

/**
 * A string of its own: a line cut from a note's text may keep the whole text in memory for as long
 * as the line is kept (JavaScript engines share the characters of substrings). Joined to another
 * string and cut again, its characters are copied.
 */
function ownCopy(line: string): string {
  return ` ${line}`.slice(1);
}

/** The last item before `line`, in an array in the order given. */
export function lastBefore<T extends { line: number }>(items: readonly T[], line: number): T | undefined {
  let found: T | undefined;
  for (const item of items) if (item.line < line) found = item;
  return found;
}
