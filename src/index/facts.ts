import type { NoteFacts } from "../domain/recognition/note";
import { isOpenStatus, TASKS_DEFAULTS, type StatusType } from "../domain/tasks-conventions";
import type { IsoDate } from "../domain/types";

/**
 * What the index needs to know about one Markdown file, taken from the metadata cache by the
 * adapter. Plain data, so the index can be fed by Obsidian, by tests, or by a benchmark.
 */
export interface FileFacts extends NoteFacts {
  /** Local date the file was created (for people never seen). */
  created: IsoDate | null;
  /**
   * Task list items: line number and status character. Only open ones (see `isOpenStatus`)
   * matter to the index, which tells them apart with the status settings it is given.
   */
  tasks: { line: number; status: string }[];
  /**
   * The note opens with a properties block that was not read: not valid YAML, or not a map of
   * names to values. (A block of blank or comment lines only reads as nothing too: the index
   * tells the two apart from the text.)
   */
  propertiesUnread?: boolean;
}

/** True when the properties block that opens `text` holds nothing but blank and comment lines. */
export function blankPropertiesBlock(text: string): boolean {
  const lines = text.split("\n");
  if (!/^---[ \t]*\r?$/.test(lines[0] ?? "")) return false;
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/\r$/, "");
    if (/^---[ \t]*$/.test(line)) return true;
    if (line.trim() !== "" && !line.trimStart().startsWith("#")) return false;
  }
  return false;
}

/**
 * A plain copy of facts with some fields replaced. Facts may read their lists lazily (from
 * getters): `{ ...facts }` would leave those out, this does not.
 */
export function copyFacts(facts: FileFacts, changes: Partial<FileFacts> = {}): FileFacts {
  const copy: FileFacts = {
    path: facts.path,
    created: facts.created,
    frontmatter: facts.frontmatter,
    tags: facts.tags,
    headings: facts.headings,
    links: facts.links,
    tasks: facts.tasks,
    bodyTags: facts.bodyTags,
    taskLines: facts.taskLines,
    bodyStart: facts.bodyStart,
    ...changes,
  };
  if (facts.propertiesUnread && !("propertiesUnread" in changes)) copy.propertiesUnread = true;
  return copy;
}

export function hasOpenTask(facts: FileFacts, statuses: ReadonlyMap<string, StatusType> = TASKS_DEFAULTS.statuses): boolean {
  return facts.tasks.some((task) => isOpenStatus(task.status, statuses));
}

/** `1-1s/Anya Petrova/2026-11-21.md` → `1-1s/Anya Petrova`; a root file → "". */
export function parentPath(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

/** The target of a link as the user wrote it: `[[People/Anya|A]]` → `People/Anya`. */
export function linkTargetKey(target: string): string {
  let text = target;
  const pipe = text.indexOf("|");
  if (pipe >= 0) text = text.slice(0, pipe);
  const hash = text.indexOf("#");
  if (hash >= 0) text = text.slice(0, hash);
  return text.trim().replace(/\.md$/i, "");
}
