/**
 * How the Tasks plugin decides what a checkbox line is, as far as One-on-Ones follows it: the type
 * of each status symbol (to do, in progress, on hold, done, cancelled, not a task), and its global
 * filter. Read from Tasks' own settings when it is installed, else Tasks' defaults.
 */

/** The status types of Tasks. */
export type StatusType = "TODO" | "IN_PROGRESS" | "ON_HOLD" | "DONE" | "CANCELLED" | "NON_TASK";

export interface TasksConventions {
  /** Status symbol → type, as Tasks' status settings give them (the first entry for a symbol wins). */
  readonly statuses: ReadonlyMap<string, StatusType>;
  /** Text a checkbox line must contain to be a task; "" when every checkbox is one. */
  readonly globalFilter: string;
}

/** Tasks' own defaults: `[ ]` to do, `[x]` done, `[/]` in progress, `[-]` cancelled; no global filter. */
export const TASKS_DEFAULTS: TasksConventions = Object.freeze({
  statuses: new Map<string, StatusType>([
    [" ", "TODO"],
    ["x", "DONE"],
    ["/", "IN_PROGRESS"],
    ["-", "CANCELLED"],
  ]),
  globalFilter: "",
});

const STATUS_TYPES: readonly StatusType[] = ["TODO", "IN_PROGRESS", "ON_HOLD", "DONE", "CANCELLED", "NON_TASK"];

/** The types whose tasks Tasks lists as "not done". */
const OPEN_TYPES: ReadonlySet<StatusType> = new Set<StatusType>(["TODO", "IN_PROGRESS", "ON_HOLD"]);

/**
 * The type of a status symbol: the one Tasks' status settings give it; a symbol they do not name
 * is to do, as in Tasks (`[!]`, `[?]`, `[h]`…) — except `X`, which is done, as Obsidian and
 * Dataview read it.
 */
export function statusType(symbol: string, statuses: ReadonlyMap<string, StatusType> = TASKS_DEFAULTS.statuses): StatusType {
  return statuses.get(symbol) ?? (symbol === "X" ? "DONE" : "TODO");
}

/**
 * An agreement is open when Tasks would list it as not done: its status is to do, in progress or
 * on hold (see `statusType`). `[>]` is closed whatever the settings say: earlier versions of
 * One-on-Ones marked forwarded originals with it, and their open copy lives on elsewhere.
 */
export function isOpenStatus(symbol: string, statuses: ReadonlyMap<string, StatusType> = TASKS_DEFAULTS.statuses): boolean {
  if (symbol === ">") return false;
  return OPEN_TYPES.has(statusType(symbol, statuses));
}

/**
 * Tasks' global filter: with one set, a checkbox is a task only when the text after its `[ ]`
 * contains the filter (anywhere, as written, case included). Without one, every checkbox is.
 */
export function passesGlobalFilter(body: string, globalFilter: string): boolean {
  return globalFilter === "" || body.includes(globalFilter);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Status entries as Tasks saves them (`{ symbol, type, … }`), added in order, the first per symbol kept. */
function addStatuses(into: Map<string, StatusType>, entries: unknown): void {
  if (!Array.isArray(entries)) return;
  for (const entry of entries) {
    if (!isRecord(entry)) continue;
    // Tasks reads a custom status saved without a symbol as `space`, and an unknown type as TODO.
    const symbol = entry.symbol === undefined ? " " : entry.symbol;
    if (typeof symbol !== "string" || symbol.length !== 1 || into.has(symbol)) continue;
    const type = STATUS_TYPES.find((t) => t === entry.type) ?? "TODO";
    into.set(symbol, type);
  }
}

/**
 * Tasks' conventions from the settings Tasks saved (its `data.json`), read defensively: what is
 * missing or not understood is taken from Tasks' defaults, as Tasks itself does.
 */
export function tasksConventionsFrom(saved: unknown): TasksConventions {
  if (!isRecord(saved)) return TASKS_DEFAULTS;
  const filter = typeof saved.globalFilter === "string" && saved.globalFilter.trim() !== "" ? saved.globalFilter : "";
  let statuses = TASKS_DEFAULTS.statuses;
  if (isRecord(saved.statusSettings) && Array.isArray(saved.statusSettings.coreStatuses)) {
    const read = new Map<string, StatusType>();
    addStatuses(read, saved.statusSettings.coreStatuses);
    addStatuses(read, saved.statusSettings.customStatuses);
    statuses = read;
  }
  return { statuses, globalFilter: filter };
}

/** True when two sets of conventions read every line the same way. */
export function sameConventions(a: TasksConventions, b: TasksConventions): boolean {
  if (a.globalFilter !== b.globalFilter || a.statuses.size !== b.statuses.size) return false;
  for (const [symbol, type] of a.statuses) if (b.statuses.get(symbol) !== type) return false;
  return true;
}
