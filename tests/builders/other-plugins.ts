/**
 * How the Tasks and Dataview plugins read a task line, written from their documentation (not
 * from their code, and not from ours), for tests that check that what One-on-Ones writes reads the
 * same to them:
 *
 * - Tasks (publish.obsidian.md/tasks): a task is a list item with `[c]` whose description contains
 *   the global filter, when one is set. Its status type comes from the status settings, and a
 *   symbol they do not name is TODO ("Status Types", "Core Statuses"); "not done" is TODO,
 *   IN_PROGRESS and ON_HOLD. Fields are read from the end of the line backwards: in the emoji
 *   format `📅 date` (due) and `✅ date` (done), in the Dataview format `[due:: date]` and
 *   `[completion:: date]` (or in parentheses); tags and a block link may follow them ("Tasks
 *   Emoji Format", "Dataview Format").
 * - Dataview (blacksmithgu.github.io/obsidian-dataview): `completed` is true for `[x]` and `[X]`
 *   only, `checked` for any status but a space ("Metadata on Tasks and Lists"). Bracketed inline
 *   fields `[key:: value]` and `(key:: value)` anywhere in the line, and the date shorthands
 *   `📅`/`🗓️ date` (due) and `✅ date` (completion).
 * - Obsidian's Live Preview reads `[a] [b]` — one space between a `]` and a `[` — as a
 *   reference-style link and hides the second part; Tasks documents two spaces (or a comma)
 *   between fields.
 */

export type TasksStatusType = "TODO" | "IN_PROGRESS" | "ON_HOLD" | "DONE" | "CANCELLED" | "NON_TASK";

export interface TasksSetup {
  /** Status symbol → type, as in Tasks' status settings. */
  statuses: Record<string, TasksStatusType>;
  globalFilter: string;
  format: "emoji" | "dataview";
}

/** Tasks' default status settings: core `space` and `x`, custom `/` and `-`. */
export const TASKS_DEFAULT_STATUSES: Record<string, TasksStatusType> = { " ": "TODO", x: "DONE", "/": "IN_PROGRESS", "-": "CANCELLED" };

export interface ReadTask {
  notDone: boolean;
  due: string | null;
  done: string | null;
}

const LIST_TASK = /^[ \t>]*(?:[-*+]|\d+[.)]) +\[(.)\] ?(.*)$/;
const DATE = "(\\d{4}-\\d{2}-\\d{2})";

/** A line as Tasks reads it, or null when Tasks does not take it for a task. */
export function readAsTasks(line: string, setup: TasksSetup): ReadTask | null {
  const m = LIST_TASK.exec(line);
  if (!m) return null;
  const symbol = m[1] as string;
  let rest = (m[2] as string).trim();
  if (setup.globalFilter !== "" && !rest.includes(setup.globalFilter)) return null;
  const type = setup.statuses[symbol] ?? "TODO";
  rest = rest.replace(/ *\^[A-Za-z0-9-]+$/, "");
  const endings =
    setup.format === "emoji"
      ? { due: new RegExp(`📅\\uFE0F? *${DATE}$`), done: new RegExp(`✅\\uFE0F? *${DATE}$`) }
      : { due: new RegExp(`[[(]due:: *${DATE}[\\])]$`), done: new RegExp(`[[(]completion:: *${DATE}[\\])]$`) };
  let due: string | null = null;
  let done: string | null = null;
  for (;;) {
    rest = rest.trimEnd();
    const tag = /(?:^| )#[^ #]+$/.exec(rest);
    if (tag) {
      rest = rest.slice(0, tag.index);
      continue;
    }
    const d = endings.due.exec(rest);
    if (d) {
      due ??= d[1] as string;
      rest = rest.slice(0, d.index);
      continue;
    }
    const c = endings.done.exec(rest);
    if (c) {
      done ??= c[1] as string;
      rest = rest.slice(0, c.index);
      continue;
    }
    break;
  }
  return { notDone: type === "TODO" || type === "IN_PROGRESS" || type === "ON_HOLD", due, done };
}

export interface DataviewTask {
  completed: boolean;
  checked: boolean;
  due: string | null;
  completion: string | null;
}

/** A task line as Dataview reads it, or null for a line that is not a task. */
export function readAsDataview(line: string): DataviewTask | null {
  const m = LIST_TASK.exec(line);
  if (!m) return null;
  const symbol = m[1] as string;
  const text = m[2] as string;
  const fields = new Map<string, string>();
  for (const f of text.matchAll(/[[(]([^[\]():]+)::([^[\]()]*)[\])]/g)) {
    const key = (f[1] as string).trim().toLowerCase();
    if (!fields.has(key)) fields.set(key, (f[2] as string).trim());
  }
  const due = new RegExp(`(?:📅|📆|🗓\\uFE0F?) *${DATE}`).exec(text);
  const completion = new RegExp(`✅ *${DATE}`).exec(text);
  if (due && !fields.has("due")) fields.set("due", due[1] as string);
  if (completion && !fields.has("completion")) fields.set("completion", completion[1] as string);
  return {
    completed: symbol === "x" || symbol === "X",
    checked: symbol !== " ",
    due: fields.get("due") ?? null,
    completion: fields.get("completion") ?? null,
  };
}

/** The Dataview fields Live Preview hides: those right after a `]` and one space. */
export function hiddenInLivePreview(line: string): string[] {
  return Array.from(line.matchAll(/\] (\[[^[\]]+::[^[\]]*\])/g), (m) => m[1] as string);
}
