/**
 * The People table and "People due": rows built from the index, filtered, sorted and copied as
 * Markdown or CSV.
 *
 * Decisions:
 * - Names and other text compare as `collation.ts` says: `Intl.Collator("en", { sensitivity:
 *   "base", numeric: true })`, with sort keys computed once per row.
 * - Nulls (and empty text) sort last in both directions. Ties are broken by name (in the chosen
 *   name order, always ascending), then by path, so the order is total and stable.
 * - Relationship groups: colleagues = report, manager, peer, skip, mentor, mentee, and people
 *   without a relationship (the plugin is mostly used at work, and someone left out of both groups
 *   would be easy to lose); friends = friend, family; `other` appears under "all" only.
 * - Cadence sorts by its length in days; `none` counts as empty.
 * - Text search: every word of the query must occur in the name, an alias, the role, the team or
 *   a tag (`#team` finds the tag `team/payments`), ignoring case and accents ("jose" finds "José").
 * - Tags match without case and with their nested tags: `team` matches `Team/Payments`, not
 *   `teammates`.
 * - Rows are values: sort keys and search text are computed once per row object and kept (weakly)
 *   with it, so re-sorting or re-filtering the same rows is cheap. A changed person is a new row.
 */
import { cadenceLengthDays, formatCadence, parseCadence } from "./cadence";
import { compareSortText, foldForSearch, matchesWords, searchWords, sortText, type SortText } from "./collation";
import { addDays, daysBetween, isValidIsoDate } from "./dates";
import { compareByUrgency, isDue, nextBirthday, type DueInfo } from "./due";
import type { Cadence, IsoDate, Person, Problem, Relationship } from "./types";
import type { PeopleColumn, PeopleQuery, PersonRow, RelationshipGroup } from "./view-models";

// ---------------------------------------------------------------------------------------------
// Rows

/** What `personRow` reads from the index's `PersonEntry`. */
export interface PersonEntryLike {
  path: string;
  name: string;
  person: Pick<
    Person,
    "aliases" | "relationship" | "role" | "team" | "tags" | "birthday" | "firstName" | "lastName" | "archived"
  >;
  cadence: Cadence;
  cadenceIsDefault: boolean;
  lastSeen: IsoDate | null;
  due: DueInfo;
  openAgreements: number;
  problems: readonly Pick<Problem, "message">[];
}

function nonEmpty(text: string | null | undefined): string | null {
  if (typeof text !== "string") return null;
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}

/**
 * First and last name: the properties when present; else the last word of the name is the last
 * name and the words before it the first name; a single word is both.
 */
export function splitName(name: string, firstName?: string | null, lastName?: string | null): { firstName: string; lastName: string } {
  let first: string;
  let last: string;
  const space = lastSpaceOfPlainName(name);
  if (space === -1) {
    first = last = name;
  } else if (space >= 0) {
    first = name.slice(0, space);
    last = name.slice(space + 1);
  } else {
    const words = name.trim().split(/\s+/).filter((w) => w !== "");
    last = words.length > 0 ? (words[words.length - 1] ?? "") : name.trim();
    first = words.length > 1 ? words.slice(0, -1).join(" ") : last;
  }
  return { firstName: nonEmpty(firstName) ?? first, lastName: nonEmpty(lastName) ?? last };
}

/**
 * For a name whose words are separated by single spaces, with no other white space (most names):
 * where its last space is, -1 for one word. -2 for any other name, which is split by a regular
 * expression. Control characters and all of Unicode's spaces count as other white space.
 */
function lastSpaceOfPlainName(name: string): number {
  let last = -1;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x20) {
      if (i === last + 1 || i === name.length - 1) return -2; // first, doubled or last
      last = i;
    } else if (c < 0x20 || (c >= 0x7f && c <= 0xa0) || c === 0x1680 || c === 0x180e || (c >= 0x2000 && c <= 0x200a) || (c >= 0x2028 && c <= 0x2029) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) {
      return -2;
    }
  }
  return last;
}

export function personRow(entry: PersonEntryLike, today: IsoDate): PersonRow {
  const p = entry.person;
  const { firstName, lastName } = splitName(entry.name, p.firstName, p.lastName);
  return {
    path: entry.path,
    name: entry.name,
    firstName,
    lastName,
    aliases: [...p.aliases],
    relationship: p.relationship,
    role: nonEmpty(p.role),
    team: nonEmpty(p.team),
    tags: [...p.tags],
    cadence: formatCadence(entry.cadence),
    cadenceIsDefault: entry.cadenceIsDefault,
    lastSeen: isValidIsoDate(entry.lastSeen) ? entry.lastSeen : null,
    nextDue: isValidIsoDate(entry.due.nextDue) ? entry.due.nextDue : null,
    status: entry.due.status,
    daysUntilDue: entry.due.daysUntilDue,
    openAgreements: entry.openAgreements,
    nextBirthday: p.birthday ? nextBirthday(p.birthday, today) : null,
    archived: p.archived,
    problems: entry.problems.map((problem) => problem.message),
  };
}

// ---------------------------------------------------------------------------------------------
// Filtering

const COLLEAGUES: ReadonlySet<Relationship> = new Set<Relationship>(["report", "manager", "peer", "skip", "mentor", "mentee"]);
const FRIENDS: ReadonlySet<Relationship> = new Set<Relationship>(["friend", "family"]);

/** Whether a relationship belongs to a group; no relationship counts as a colleague. */
export function inRelationshipGroup(relationship: Relationship | null, group: RelationshipGroup): boolean {
  switch (group) {
    case "all":
      return true;
    case "colleagues":
      return relationship === null || COLLEAGUES.has(relationship);
    case "friends":
      return relationship !== null && FRIENDS.has(relationship);
  }
}

/** A tag filter as typed (`#Team/`) → `team`; null when blank. */
function normalizeTag(tag: string | null): string | null {
  if (tag === null) return null;
  const clean = tag.trim().replace(/^#+/, "").replace(/\/+$/, "").toLowerCase();
  return clean === "" ? null : clean;
}

/** True when one of the tags is `tag` or nested under it (`team` matches `team/payments`). */
export function hasTag(tags: readonly string[], tag: string): boolean {
  const wanted = normalizeTag(tag);
  if (wanted === null) return true;
  return tags.some((t) => tagMatches(t, wanted));
}

function tagMatches(rowTag: string, wanted: string): boolean {
  const t = rowTag.replace(/^#+/, "").toLowerCase();
  return t === wanted || (t.length > wanted.length && t.startsWith(wanted) && t.charAt(wanted.length) === "/");
}

function rowHaystack(row: PersonRow): string {
  const keys = keysOf(row);
  if (keys.haystack === undefined) {
    // The name, aliases, role, team and tags (as `#tag`), one a line.
    let text = row.name;
    for (const alias of row.aliases) text += `\n${alias}`;
    text += `\n${row.role ?? ""}\n${row.team ?? ""}`;
    for (const tag of row.tags) text += `\n#${tag}`;
    keys.haystack = foldForSearch(text);
  }
  return keys.haystack;
}

/** True when a row passes the query's filters (archived, group, tag, text). */
export function rowMatches(row: PersonRow, query: Omit<PeopleQuery, "sort" | "nameOrder">): boolean {
  return matchesPrepared(row, query.showArchived, query.group, normalizeTag(query.tag), searchWords(query.text));
}

function matchesPrepared(row: PersonRow, showArchived: boolean, group: RelationshipGroup, tag: string | null, words: readonly string[]): boolean {
  if (row.archived && !showArchived) return false;
  if (!inRelationshipGroup(row.relationship, group)) return false;
  if (tag !== null && !row.tags.some((t) => tagMatches(t, tag))) return false;
  return words.length === 0 || matchesWords(rowHaystack(row), words);
}

// ---------------------------------------------------------------------------------------------
// Sorting

type SortValue = number | string | SortText | null;

/** What sorting and searching need of a row, computed once per row object. */
interface RowKeys {
  first: SortText;
  last: SortText;
  /** The row's name, and its sort text once two rows are compared that far. */
  name: string;
  full?: SortText;
  haystack?: string;
  values: Partial<Record<PeopleColumn, SortValue>>;
}

const rowKeys = new WeakMap<PersonRow, RowKeys>();

function keysOf(row: PersonRow): RowKeys {
  let keys = rowKeys.get(row);
  if (keys === undefined) {
    keys = { first: sortText(row.firstName), last: sortText(row.lastName), name: row.name, values: {} };
    rowKeys.set(row, keys);
  }
  return keys;
}

function fullName(keys: RowKeys): SortText {
  return (keys.full ??= sortText(keys.name));
}

/** By first name (then last, then full name) or by last name (then first, then full name). */
function compareByName(a: RowKeys, b: RowKeys, order: "first" | "last"): number {
  const c = order === "first" ? compareSortText(a.first, b.first) || compareSortText(a.last, b.last) : compareSortText(a.last, b.last) || compareSortText(a.first, b.first);
  return c || compareSortText(fullName(a), fullName(b));
}

interface Decorated {
  row: PersonRow;
  keys: RowKeys;
  value: SortValue;
}

function textValue(text: string | null): SortText | null {
  const clean = nonEmpty(text);
  return clean === null ? null : sortText(clean);
}

function cadenceDays(cadence: string): number | null {
  const parsed = parseCadence(cadence);
  return "cadence" in parsed ? cadenceLengthDays(parsed.cadence) : null;
}

function computeValue(row: PersonRow, column: PeopleColumn): SortValue {
  switch (column) {
    case "name":
      return null; // compared through the name keys
    case "relationship":
      return textValue(row.relationship);
    case "role":
      return textValue(row.role);
    case "team":
      return textValue(row.team);
    case "tags":
      return textValue(row.tags.join(", "));
    case "cadence":
      return cadenceDays(row.cadence);
    case "lastSeen":
      return isValidIsoDate(row.lastSeen) ? row.lastSeen : null;
    case "nextDue":
      return isValidIsoDate(row.nextDue) ? row.nextDue : null;
    case "nextBirthday":
      return isValidIsoDate(row.nextBirthday) ? row.nextBirthday : null;
    case "openAgreements":
      return row.openAgreements;
    case "problems":
      return row.problems.length;
  }
}

function sortValue(row: PersonRow, keys: RowKeys, column: PeopleColumn): SortValue {
  let value = keys.values[column];
  if (value === undefined) value = keys.values[column] = computeValue(row, column);
  return value;
}

/** Values of one column compare as numbers, as dates (ISO strings order as dates) or as text. */
function compareValues(a: Exclude<SortValue, null>, b: Exclude<SortValue, null>): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") return a === b ? 0 : a < b ? -1 : 1;
  if (typeof a === "object" && typeof b === "object") return compareSortText(a, b);
  return 0;
}

/** Filters and sorts the rows; never adds one. */
export function buildPeopleTable(rows: readonly PersonRow[], query: PeopleQuery): PersonRow[] {
  const tag = normalizeTag(query.tag);
  const words = searchWords(query.text);
  const { column, direction } = query.sort;
  const sign = direction === "descending" ? -1 : 1;
  const order = query.nameOrder;

  const kept: Decorated[] = [];
  for (const row of rows) {
    if (!matchesPrepared(row, query.showArchived, query.group, tag, words)) continue;
    const keys = keysOf(row);
    kept.push({ row, keys, value: column === "name" ? null : sortValue(row, keys, column) });
  }

  const byPath = (a: Decorated, b: Decorated) => (a.row.path < b.row.path ? -1 : a.row.path > b.row.path ? 1 : 0);
  if (column === "name") {
    kept.sort((a, b) => sign * compareByName(a.keys, b.keys, order) || byPath(a, b));
  } else {
    kept.sort((a, b) => {
      const va = a.value;
      const vb = b.value;
      if (va !== null || vb !== null) {
        if (va === null) return 1;
        if (vb === null) return -1;
        const c = compareValues(va, vb);
        if (c !== 0) return sign * c;
      }
      return compareByName(a.keys, b.keys, order) || byPath(a, b);
    });
  }
  return kept.map((d) => d.row);
}

// ---------------------------------------------------------------------------------------------
// People due and birthdays

/**
 * People to meet now or soon: overdue, due soon, and never seen once their date has come; never
 * archived or snoozed people. Most urgent first, then by first name.
 */
export function peopleDue(rows: readonly PersonRow[]): PersonRow[] {
  const due = rows.filter((row) => !row.archived && isDue(row));
  return due
    .map((row) => ({ row, keys: keysOf(row) }))
    .sort((a, b) => compareByUrgency(a.row, b.row) || compareByName(a.keys, b.keys, "first") || (a.row.path < b.row.path ? -1 : a.row.path > b.row.path ? 1 : 0))
    .map((d) => d.row);
}

export interface UpcomingBirthday {
  row: PersonRow;
  date: IsoDate;
  /** 0 today, 1 tomorrow… */
  inDays: number;
}

/**
 * Birthdays from today to `days` days ahead (inclusive), soonest first, archived people left out.
 * Reads each row's `nextBirthday`, so build the rows with the same `today`.
 */
export function upcomingBirthdays(rows: readonly PersonRow[], today: IsoDate, days = 14): UpcomingBirthday[] {
  const limit = addDays(today, Math.max(0, Math.floor(Number.isFinite(days) ? days : 14)));
  const out: (UpcomingBirthday & { keys: RowKeys })[] = [];
  for (const row of rows) {
    const date = row.nextBirthday;
    if (row.archived || !isValidIsoDate(date) || date < today || date > limit) continue;
    out.push({ row, date, inDays: daysBetween(today, date), keys: keysOf(row) });
  }
  out.sort((a, b) => a.inDays - b.inDays || compareByName(a.keys, b.keys, "first") || (a.row.path < b.row.path ? -1 : a.row.path > b.row.path ? 1 : 0));
  return out.map(({ row, date, inDays }) => ({ row, date, inDays }));
}

// ---------------------------------------------------------------------------------------------
// Columns and copying

/**
 * How much a column matters when the pane is narrow: 1 is shown at every width (who, when next,
 * when last, and the row's actions, which are not a column of data), and as the pane narrows the
 * columns with the highest number are hidden first. Where the table turns into a list of cards,
 * every column is shown again, on the card under the first ones.
 */
export type ColumnPriority = 1 | 2 | 3 | 4 | 5;

export const PEOPLE_COLUMNS: readonly { id: PeopleColumn; title: string; priority: ColumnPriority }[] = [
  { id: "name", title: "Name", priority: 1 },
  { id: "relationship", title: "Relationship", priority: 2 },
  { id: "role", title: "Role", priority: 4 },
  { id: "team", title: "Team", priority: 4 },
  { id: "tags", title: "Tags", priority: 5 },
  { id: "cadence", title: "Cadence", priority: 3 },
  { id: "lastSeen", title: "Last seen", priority: 1 },
  { id: "nextDue", title: "Next due", priority: 1 },
  { id: "openAgreements", title: "Open agreements", priority: 3 },
  { id: "nextBirthday", title: "Next birthday", priority: 5 },
  { id: "problems", title: "Problems", priority: 2 },
];

const ALL_COLUMNS: readonly PeopleColumn[] = PEOPLE_COLUMNS.map((c) => c.id);

function columnTitle(column: PeopleColumn): string {
  return PEOPLE_COLUMNS.find((c) => c.id === column)?.title ?? column;
}

/** A cell as plain text, as copied: dates as `YYYY-MM-DD`, lists joined with ", " (problems "; "). */
export function peopleCellText(row: PersonRow, column: PeopleColumn): string {
  switch (column) {
    case "name":
      return row.name;
    case "relationship":
      return row.relationship ?? "";
    case "role":
      return row.role ?? "";
    case "team":
      return row.team ?? "";
    case "tags":
      return row.tags.join(", ");
    case "cadence":
      return row.cadence;
    case "lastSeen":
      return row.lastSeen ?? "";
    case "nextDue":
      return row.nextDue ?? "";
    case "openAgreements":
      return String(row.openAgreements);
    case "nextBirthday":
      return row.nextBirthday ?? "";
    case "problems":
      return row.problems.join("; ");
  }
}

function markdownCell(text: string): string {
  return text.replace(/\r\n|\r|\n/g, "<br>").replace(/\|/g, "\\|").trim();
}

/** A GFM table of the rows (`|` escaped, line breaks as `<br>`), ending with a newline. */
export function peopleToMarkdown(rows: readonly PersonRow[], columns: readonly PeopleColumn[] = ALL_COLUMNS): string {
  if (columns.length === 0) return "";
  const line = (cells: string[]) => `| ${cells.join(" | ")} |\n`;
  let out = line(columns.map((c) => markdownCell(columnTitle(c))));
  out += line(columns.map(() => "---"));
  for (const row of rows) out += line(columns.map((c) => markdownCell(peopleCellText(row, c))));
  return out;
}

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * CSV per RFC 4180: a header row, CRLF line endings (after the last row too), fields with a comma,
 * a quote or a line break quoted, quotes doubled; a cell starting with `=`, `+`, `-`, `@`, a tab
 * or a carriage return gets a leading `'` so that spreadsheets do not run it as a formula.
 */
export function peopleToCsv(rows: readonly PersonRow[], columns: readonly PeopleColumn[] = ALL_COLUMNS): string {
  if (columns.length === 0) return "";
  let out = `${columns.map((c) => csvField(columnTitle(c))).join(",")}\r\n`;
  for (const row of rows) out += `${columns.map((c) => csvField(peopleCellText(row, c))).join(",")}\r\n`;
  return out;
}
