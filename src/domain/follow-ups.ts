/**
 * The Follow-ups view: open agreements from all 1:1 notes and logs, filtered, sorted and grouped
 * by due date or by person.
 *
 * Decisions:
 * - Sections: overdue before today; due soon from today to today + `dueSoonDays` inclusive; later
 *   after that; no due date last. A due date that is not a valid date counts as no due date.
 * - Items sort by due date (none last), then person (locale-aware, nobody last), then text, then
 *   path and line, so the order is total.
 * - "Theirs" is every agreement not owned by me, unassigned ones included: Mine and Theirs split
 *   All, so no agreement is hidden from both.
 * - Grouped by person, a group is the person's note path; an agreement whose person is known only
 *   by name (no note) is grouped under that name. Groups sort by their most urgent item (earliest
 *   due date, no date last), then by name; "No person" comes last.
 * - Search: every word must occur in the text, owner, person or source, ignoring case and accents.
 * - Speed (30,000 items): the sort is nearly linear (see `sortAll`) and is kept with the array,
 *   so a new query or a new day only filters the sorted list again; the next list after an edit
 *   (the same items, give or take a few) is derived from the last one (see `update`).
 */
import { addDays, daysBetween, formatRelativeDue, isoDateNumber, isValidIsoDate } from "./dates";
import { COLLATOR, compareSortText, foldForSearch, matchesWords, quickCompare, searchWords, sortText, type SortText } from "./collation";
import { baseName } from "./paths";
import { personName } from "./person";
import type { IsoDate } from "./types";
import type { AgreementItem, FollowUpGroup, FollowUpSection, FollowUpsModel, FollowUpsQuery } from "./view-models";

/** Agreements are "due soon" from today to this many days ahead. */
export const AGREEMENT_DUE_SOON_DAYS = 3;

/** The sections in display order with their titles. */
export const FOLLOW_UP_SECTIONS: readonly { id: FollowUpSection; title: string }[] = [
  { id: "overdue", title: "Overdue" },
  { id: "due-soon", title: "Due soon" },
  { id: "later", title: "Later" },
  { id: "no-date", title: "No due date" },
];

export const NO_PERSON_TITLE = "No person";

/** What `agreementItem` reads from the index's `AgreementEntry` (which adds the owner itself). */
export interface AgreementEntryLike {
  /** `path:line` — changes when the line moves; use path, line and original to write. */
  id: string;
  path: string;
  line: number;
  /** The line as it was read (without line ending), to find it again before writing. */
  original: string;
  /** The description without owner and fields; may hold links. */
  text: string;
  due: IsoDate | null;
  recurring: boolean;
  ownerIsMe: boolean;
  /** Display name of the owner: "Me", a person's name, or the name as written. */
  ownerName: string | null;
  /** The person this agreement was made with (the 1:1's person). */
  personPath: string | null;
  personName: string | null;
  /** Date of the meeting (note or log entry) it was written in. */
  meetingDate: IsoDate | null;
}

// ---------------------------------------------------------------------------------------------
// Items

function wikilinkName(inner: string): string {
  const bar = inner.indexOf("|");
  if (bar >= 0) {
    const alias = inner.slice(bar + 1).trim();
    if (alias !== "") return alias;
  }
  let target = bar >= 0 ? inner.slice(0, bar) : inner;
  if (target.endsWith("\\")) target = target.slice(0, -1); // `[[Note\|Alias]]` inside a table
  const hash = target.indexOf("#");
  const note = (hash >= 0 ? target.slice(0, hash) : target).trim();
  if (note === "") return hash >= 0 ? target.slice(hash + 1).replace(/^\^/, "").trim() : "";
  const file = note.slice(note.lastIndexOf("/") + 1);
  return file.length > 3 && file.slice(-3).toLowerCase() === ".md" ? file.slice(0, -3) : file;
}

/**
 * Where the destination of a Markdown link that opens at `open` (just after `(`) ends: the index
 * of its `)`, allowing balanced parentheses and a title; -1 when it does not close on the line.
 */
function destinationEnd(text: string, open: number): number {
  let depth = 0;
  let quote = 0;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return -1;
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 && i > open && text.charCodeAt(i - 1) === 0x20) {
      quote = c; // a "title"
    } else if (c === 0x28) {
      depth++;
    } else if (c === 0x29) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/**
 * Links shown as their names: `[[Target|Alias]]` → "Alias", `[[Folder/Target#Heading]]` →
 * "Target", `[[#Heading]]` → "Heading", `[text](url)` → "text"; embeds likewise. Everything else
 * is kept as written.
 */
export function displayText(text: string): string {
  let at = text.indexOf("[");
  if (at < 0) return text;
  let out = "";
  let copied = 0;
  while (at >= 0) {
    const start = at > copied && text.charCodeAt(at - 1) === 0x21 ? at - 1 : at; // `!` of an embed
    if (text.charCodeAt(at + 1) === 0x5b) {
      const close = text.indexOf("]]", at + 2);
      const inner = close >= 0 ? text.slice(at + 2, close) : "";
      const name = close >= 0 && !inner.includes("[") ? wikilinkName(inner) : "";
      if (name !== "") {
        out += text.slice(copied, start) + name;
        copied = close + 2;
        at = text.indexOf("[", copied);
        continue;
      }
    } else {
      const labelEnd = text.indexOf("]", at + 1);
      if (labelEnd >= 0 && text.charCodeAt(labelEnd + 1) === 0x28) {
        const label = text.slice(at + 1, labelEnd);
        const end = label.includes("[") ? -1 : destinationEnd(text, labelEnd + 2);
        if (end >= 0) {
          out += text.slice(copied, start) + label.trim();
          copied = end + 1;
          at = text.indexOf("[", copied);
          continue;
        }
      }
    }
    at = text.indexOf("[", at + 1);
  }
  if (copied === 0) return text;
  const result = out + text.slice(copied);
  return result.includes("  ") ? result.replace(/ {2,}/g, " ").trim() : result.trim();
}

/** "1:1 of 2026-11-07" for an agreement made in a meeting, else the note's name. */
export function sourceLabel(path: string, meetingDate: IsoDate | null): string {
  return isValidIsoDate(meetingDate) ? `1:1 of ${meetingDate}` : baseName(path);
}

export function agreementItem(entry: AgreementEntryLike): AgreementItem {
  return {
    id: entry.id,
    path: entry.path,
    line: entry.line,
    original: entry.original,
    text: displayText(entry.text),
    ownerName: entry.ownerName,
    ownerIsMe: entry.ownerIsMe,
    personName: entry.personName,
    personPath: entry.personPath,
    due: isValidIsoDate(entry.due) ? entry.due : null,
    recurring: entry.recurring,
    sourceLabel: sourceLabel(entry.path, entry.meetingDate),
  };
}

/** "3 days overdue", "due today", "due tomorrow", "due in 5 days"; "" without a due date. */
export function dueInWords(due: IsoDate | null, today: IsoDate): string {
  return due === null ? "" : formatRelativeDue(due, today);
}

// ---------------------------------------------------------------------------------------------
// Sections

function windowDays(days: number): number {
  return Number.isFinite(days) ? Math.max(0, Math.floor(days)) : AGREEMENT_DUE_SOON_DAYS;
}

/** The section of a due date. Throws a RangeError when `today` is not a valid date. */
export function followUpSection(due: IsoDate | null, today: IsoDate, dueSoonDays: number = AGREEMENT_DUE_SOON_DAYS): FollowUpSection {
  if (!isValidIsoDate(today)) throw new RangeError(`Not a valid date: ${String(today)}`);
  if (due === null || !isValidIsoDate(due)) return "no-date";
  const days = daysBetween(today, due);
  if (days < 0) return "overdue";
  return days <= windowDays(dueSoonDays) ? "due-soon" : "later";
}

// ---------------------------------------------------------------------------------------------
// Building the model

function foldedHaystack(item: AgreementItem): string {
  return foldForSearch(`${item.text}\n${item.ownerName ?? ""}\n${item.personName ?? ""}\n${item.sourceLabel}`);
}

/** True when an item passes the owner filter and the search. */
export function followUpMatches(item: AgreementItem, query: Pick<FollowUpsQuery, "owner" | "search">): boolean {
  const words = searchWords(query.search);
  return ownerPasses(item, query.owner) && (words.length === 0 || matchesWords(foldedHaystack(item), words));
}

function ownerPasses(item: AgreementItem, owner: FollowUpsQuery["owner"]): boolean {
  return owner === "all" || (owner === "mine") === item.ownerIsMe;
}

/** Who an item is grouped under: the person's note, else their name; null for nobody. */
function personKey(item: AgreementItem): string | null {
  if (item.personPath !== null && item.personPath !== "") return item.personPath;
  if (item.personName !== null && item.personName.trim() !== "") return item.personName;
  return null;
}

function personTitle(item: AgreementItem): string {
  const name = item.personName?.trim();
  if (name) return name;
  return item.personPath ? personName(item.personPath) : NO_PERSON_TITLE;
}

/** A person items are grouped under. */
interface Person {
  /** The person's note path, else their name. */
  key: string;
  title: string;
  sort: SortText;
  /** Position of the first item under this person in the list (it gives the title); -1: none. */
  first: number;
}

/**
 * All items of one list in display order (which depends neither on the query nor on today), with
 * what filtering and grouping need, per position in the list.
 */
interface Prepared {
  /** A copy of the items, to tell what a later list changed. */
  items: readonly AgreementItem[];
  /** Positions of the items in display order. */
  order: Int32Array;
  /** Index into `dates`, -1 without a valid due date. */
  date: Int32Array;
  /** Valid due dates, each once, in no order; and each as a number (see `isoDateNumber`). */
  dates: IsoDate[];
  dateNumbers: number[];
  /** A date's number → index into `dates`. */
  dateIndex: Map<number, number>;
  /** Index into `people`, -1 for nobody. */
  person: Int32Array;
  people: Person[];
  /** Person key → index into `people`. */
  personIndex: Map<string, number>;
  /** Folded search text, made on the first search (null until then). */
  haystacks: (string | undefined)[] | null;
}

/** The prepared list per array, and the latest one (kept until the next), from which the next list is derived. */
const prepared = new WeakMap<readonly AgreementItem[], Prepared>();
let latest: Prepared | null = null;

/**
 * The prepared list of `items`. Items are values (a changed agreement is a new item), so a list
 * that holds the same items as the one prepared before, give or take a few, keeps its order and
 * keys: the new items are put in place and the gone ones left out (see `update`). Only a list
 * that differs in many items is sorted from scratch (see `sortAll`).
 */
function prepare(items: readonly AgreementItem[]): Prepared {
  const base = prepared.get(items) ?? latest;
  const next = (base !== null && update(base, items)) || sortAll(items);
  prepared.set(items, next);
  latest = next;
  return next;
}

/** The collation key of an item's text; null when only the collator can order it. */
function textKeyOf(item: AgreementItem): string | null {
  return sortText(item.text).key;
}

/** Texts' keys by position, made when the texts alone do not tell their order (see `quickCompare`). */
type TextKeys = (string | null | undefined)[];

/**
 * Text, then path, line and position, of the items at positions `a` and `b`. Text keys made on
 * the way are kept in `keys` by position, when given.
 */
function compareTies(items: readonly AgreementItem[], a: number, b: number, keys: TextKeys | null): number {
  const ia = items[a] as AgreementItem;
  const ib = items[b] as AgreementItem;
  let text = quickCompare(ia.text, ib.text);
  if (text === null) {
    let ka = keys?.[a];
    if (ka === undefined) ka = textKeyOf(ia);
    let kb = keys?.[b];
    if (kb === undefined) kb = textKeyOf(ib);
    if (keys) {
      keys[a] = ka;
      keys[b] = kb;
    }
    text = ka !== null && kb !== null ? (ka === kb ? 0 : ka < kb ? -1 : 1) : COLLATOR.compare(ia.text, ib.text);
  }
  return text || comparePlaces(items, a, b);
}

/** Path, line, then position of the items at positions `a` and `b`: the order of equal texts. */
function comparePlaces(items: readonly AgreementItem[], a: number, b: number): number {
  const ia = items[a] as AgreementItem;
  const ib = items[b] as AgreementItem;
  return (ia.path === ib.path ? 0 : ia.path < ib.path ? -1 : 1) || ia.line - ib.line || a - b;
}

/** The display order of two positions: due date (none last), person (nobody last), then ties. */
function comparePositions(prep: Prepared, a: number, b: number): number {
  const da = prep.date[a] as number;
  const db = prep.date[b] as number;
  if (da !== db) {
    if (da < 0) return 1;
    if (db < 0) return -1;
    return (prep.dateNumbers[da] as number) < (prep.dateNumbers[db] as number) ? -1 : 1;
  }
  const pa = prep.person[a] as number;
  const pb = prep.person[b] as number;
  if (pa !== pb) {
    if (pa < 0) return 1;
    if (pb < 0) return -1;
    return comparePeople(prep.people[pa] as Person, prep.people[pb] as Person);
  }
  return compareTies(prep.items, a, b, null);
}

/** By title as the collator orders it, then by key (the keys of two people differ). */
function comparePeople(a: Person, b: Person): number {
  return compareSortText(a.sort, b.sort) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** The rank of each value in `order`, a permutation of 0 … n - 1. */
function ranks(order: Int32Array): Int32Array {
  const rank = new Int32Array(order.length);
  for (let r = 0; r < order.length; r++) rank[order[r] as number] = r;
  return rank;
}

function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** A stable counting sort of `input` (positions) by `slot[position]` in `0 … slots - 1`. */
function countingSort(input: Int32Array, slot: Int32Array, slots: number): Int32Array {
  const starts = new Int32Array(slots + 1);
  for (let i = 0; i < input.length; i++) {
    const s = (slot[input[i] as number] as number) + 1;
    starts[s] = (starts[s] as number) + 1;
  }
  for (let s = 1; s <= slots; s++) starts[s] = (starts[s] as number) + (starts[s - 1] as number);
  const out = new Int32Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const position = input[i] as number;
    const s = slot[position] as number;
    out[starts[s] as number] = position;
    starts[s] = (starts[s] as number) + 1;
  }
  return out;
}

/** Runs of tied items up to this long are sorted by insertion (see `sortShortRun`). */
const SHORT_RUN = 12;

/**
 * Sorts a short run `order[start … end - 1]`, positions tied on date and person, in place by
 * insertion: by text and the rest. Text keys are made only for texts that need them, once each,
 * kept in `keys` by position.
 */
function sortShortRun(items: readonly AgreementItem[], order: Int32Array, start: number, end: number, keys: TextKeys): void {
  for (let j = start + 1; j < end; j++) {
    const current = order[j] as number;
    let k = j - 1;
    while (k >= start && compareTies(items, order[k] as number, current, keys) > 0) {
      order[k + 1] = order[k] as number;
      k--;
    }
    order[k + 1] = current;
  }
}

/** The valid due dates of a list, each once (the fields of `Prepared` of the same names). */
type DateTable = Pick<Prepared, "dates" | "dateNumbers" | "dateIndex">;

/**
 * The index of an item's due date in `table`, -1 without a valid one. A date not there yet is
 * added, to the table `own()` returns (which may copy a table shared with an earlier list).
 */
function dateOf(item: AgreementItem, table: DateTable, own?: () => DateTable): number {
  const number = item.due === null ? -1 : isoDateNumber(item.due);
  if (number < 0) return -1;
  const known = table.dateIndex.get(number);
  if (known !== undefined) return known;
  const into = own ? own() : table;
  const d = into.dates.push(item.due as IsoDate) - 1;
  into.dateNumbers.push(number);
  into.dateIndex.set(number, d);
  return d;
}

/**
 * Sorts by due date (none last), person (by name, nobody last) and text. Dates are checked once
 * per distinct date and ordered as strings, people are ranked once per distinct person, and the
 * main sort is two stable counting sorts; only items tied on date and person are compared.
 */
function sortAll(items: readonly AgreementItem[]): Prepared {
  const n = items.length;
  const table: DateTable = { dates: [], dateNumbers: [], dateIndex: new Map() };
  const { dates, dateNumbers, dateIndex } = table;
  const personIndex = new Map<string, number>();
  const people: Person[] = [];
  const itemDate = new Int32Array(n);
  const person = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const item = items[i] as AgreementItem;
    itemDate[i] = dateOf(item, table);
    const key = personKey(item);
    let p = -1;
    if (key !== null) {
      const known = personIndex.get(key);
      if (known === undefined) {
        const title = personTitle(item);
        p = people.push({ key, title, sort: sortText(title), first: i }) - 1;
        personIndex.set(key, p);
      } else {
        p = known;
      }
    }
    person[i] = p;
  }

  // Ranks: dates by their numbers; people by name, then key. (Typed arrays: plain arrays made by
  // `map` differ in their kind of elements from one list to the next, which costs recompiling.)
  const dateRank = ranks(identity(dates.length).sort((a, b) => (dateNumbers[a] as number) - (dateNumbers[b] as number)));
  const personRank = ranks(identity(people.length).sort((a, b) => comparePeople(people[a] as Person, people[b] as Person)));

  const dateSlot = new Int32Array(n);
  const personSlot = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const d = itemDate[i] as number;
    const p = person[i] as number;
    dateSlot[i] = d < 0 ? dates.length : (dateRank[d] as number);
    personSlot[i] = p < 0 ? people.length : (personRank[p] as number);
  }
  const prep: Prepared = {
    items: items.slice(),
    order: countingSort(countingSort(identity(n), personSlot, people.length + 1), dateSlot, dates.length + 1),
    date: itemDate,
    dates,
    dateNumbers,
    dateIndex,
    person,
    people,
    personIndex,
    haystacks: null,
  };
  const order = prep.order;
  const keys: TextKeys = new Array<string | null | undefined>(n);
  // Runs tied on date and person: short ones sorted at once, long ones (many agreements with one
  // person and no date, say) once their texts are ranked, each distinct text compared once.
  const long: number[] = [];
  for (let start = 0; start < n; ) {
    const first = order[start] as number;
    let end = start + 1;
    while (end < n) {
      const next = order[end] as number;
      if (dateSlot[next] !== dateSlot[first] || personSlot[next] !== personSlot[first]) break;
      end++;
    }
    if (end - start > SHORT_RUN) long.push(start, end);
    else if (end - start > 1) sortShortRun(prep.items, order, start, end, keys);
    start = end;
  }
  if (long.length > 0) sortLongRuns(prep.items, order, long);
  return prep;
}

/**
 * Sorts the runs `order[long[k] … long[k + 1] - 1]` (k even) by text, then path, line and
 * position: the distinct texts of all runs are sorted once, and items compared by their texts'
 * ranks.
 */
function sortLongRuns(items: readonly AgreementItem[], order: Int32Array, long: readonly number[]): void {
  const rankOf = new Map<string, number>();
  const texts: string[] = [];
  for (let k = 0; k < long.length; k += 2) {
    for (let j = long[k] as number; j < (long[k + 1] as number); j++) {
      const text = (items[order[j] as number] as AgreementItem).text;
      if (!rankOf.has(text)) {
        rankOf.set(text, 0);
        texts.push(text);
      }
    }
  }
  const sorted = texts.map(sortText).sort(compareSortText);
  // Texts the collator holds equal share a rank: path and line order them.
  for (let t = 0, rank = 0; t < sorted.length; t++) {
    if (t > 0 && compareSortText(sorted[t - 1] as SortText, sorted[t] as SortText) !== 0) rank++;
    rankOf.set((sorted[t] as SortText).raw, rank);
  }
  const rank = new Int32Array(items.length);
  for (let k = 0; k < long.length; k += 2) {
    const start = long[k] as number;
    const end = long[k + 1] as number;
    for (let j = start; j < end; j++) {
      const i = order[j] as number;
      rank[i] = rankOf.get((items[i] as AgreementItem).text) as number;
    }
    const run = order.subarray(start, end);
    run.sort((a, b) => (rank[a] as number) - (rank[b] as number) || comparePlaces(items, a, b));
  }
}

/** How far ahead the walk over the previous list looks for an item before calling it new. */
const LOOK_AHEAD = 8;

/** Whether `item` is among `items[from … from + LOOK_AHEAD - 1]`. */
function isNear(items: readonly AgreementItem[], from: number, item: AgreementItem | undefined): boolean {
  const end = Math.min(items.length, from + LOOK_AHEAD);
  for (let i = from; i < end; i++) if (items[i] === item) return true;
  return false;
}

/**
 * `items` prepared from an earlier list: a walk over both lists (items are compared by identity)
 * finds the items kept, in the same relative order, and the new ones. Where the lists differ by
 * more than a few items in a row, the rest of the earlier list is looked up in a map. The kept
 * items keep their order and keys; the new ones are sorted and merged in. Null when a full sort
 * is the better way: many new items, or a person whose group title would come from another item.
 */
function update(prev: Prepared, items: readonly AgreementItem[]): Prepared | null {
  const old = prev.items;
  const n = items.length;
  const m = old.length;
  const limit = Math.max(16, n >> 5);
  const newOf = new Int32Array(m).fill(-1); // old position → new position, -1: gone
  const added: number[] = [];
  let rest: Map<AgreementItem, number> | null = null; // the earlier items from where the walk stood
  let j = 0;
  for (let i = 0; i < n; i++) {
    const item = items[i] as AgreementItem;
    if (j < m && old[j] === item) {
      newOf[j++] = i;
      continue;
    }
    let found = -1;
    if (rest === null) {
      const end = Math.min(m, j + 1 + LOOK_AHEAD);
      for (let k = j + 1; k < end; k++) {
        if (old[k] === item) {
          found = k;
          break;
        }
      }
      // Neither a few items taken out here nor a few put in: look the rest up, if the lists are
      // related at all (an item kept already, or the same last item).
      if (found < 0 && j < m && (j > 0 || items[n - 1] === old[m - 1]) && !isNear(items, i + 1, old[j])) {
        rest = new Map<AgreementItem, number>();
        for (let k = m - 1; k >= j; k--) rest.set(old[k] as AgreementItem, k);
      }
    }
    if (rest !== null && found < 0) {
      const k = rest.get(item);
      if (k !== undefined && k >= j) found = k;
    }
    if (found >= 0) {
      newOf[found] = i;
      j = found + 1;
    } else if (added.push(i) > limit) {
      return null;
    }
  }
  if (added.length === 0 && n === m) return prev;

  const date = new Int32Array(n).fill(-1);
  const person = new Int32Array(n).fill(-1);
  const haystacks = prev.haystacks === null ? null : new Array<string | undefined>(n);
  for (let k = 0; k < m; k++) {
    const i = newOf[k] as number;
    if (i < 0) continue;
    date[i] = prev.date[k] as number;
    person[i] = prev.person[k] as number;
    if (haystacks !== null) haystacks[i] = prev.haystacks?.[k];
  }

  // A person's group takes its title from the person's first item in the list: where that item
  // is gone, the next one must have the same title.
  let lost = 0;
  const lostFirst = new Uint8Array(prev.people.length);
  const people = prev.people.map((who, p): Person => {
    const first = who.first < 0 ? -1 : (newOf[who.first] as number);
    if (who.first >= 0 && first < 0) {
      lostFirst[p] = 1;
      lost++;
    }
    return { key: who.key, title: who.title, sort: who.sort, first };
  });
  for (let i = 0; i < n && lost > 0; i++) {
    const p = person[i] as number;
    if (p < 0 || lostFirst[p] !== 1) continue;
    lostFirst[p] = 0;
    lost--;
    const who = people[p] as Person;
    if (personTitle(items[i] as AgreementItem) !== who.title) return null;
    who.first = i;
  }

  // The maps may be shared with earlier lists: copied before anything is added.
  let table: DateTable = prev;
  let ownDates = false;
  const ownTable = (): DateTable => {
    if (!ownDates) {
      table = { dates: table.dates.slice(), dateNumbers: table.dateNumbers.slice(), dateIndex: new Map(table.dateIndex) };
      ownDates = true;
    }
    return table;
  };
  let { personIndex } = prev;
  let ownPeople = false;
  for (const i of added) {
    const item = items[i] as AgreementItem;
    date[i] = dateOf(item, table, ownTable);
    const key = personKey(item);
    let p = -1;
    if (key !== null) {
      const known = personIndex.get(key);
      if (known === undefined) {
        if (!ownPeople) {
          personIndex = new Map(personIndex);
          ownPeople = true;
        }
        const title = personTitle(item);
        p = people.push({ key, title, sort: sortText(title), first: i }) - 1;
        personIndex.set(key, p);
      } else {
        p = known;
        const who = people[p] as Person;
        if (who.first < 0 || i < who.first) {
          const title = personTitle(item);
          if (title !== who.title) {
            if (who.first >= 0) return null;
            people[p] = { key, title, sort: sortText(title), first: i };
          } else {
            who.first = i;
          }
        }
      }
    }
    person[i] = p;
  }

  const { dates, dateNumbers, dateIndex } = table;
  const prep: Prepared = { items: items.slice(), order: new Int32Array(n), date, dates, dateNumbers, dateIndex, person, people, personIndex, haystacks };
  const kept = new Int32Array(n - added.length);
  let w = 0;
  for (let k = 0; k < m; k++) {
    const i = newOf[prev.order[k] as number] as number;
    if (i >= 0) kept[w++] = i;
  }
  added.sort((a, b) => comparePositions(prep, a, b));
  const order = prep.order;
  let r = 0;
  w = 0;
  for (const a of added) {
    let lo = r;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (comparePositions(prep, kept[mid] as number, a) < 0) lo = mid + 1;
      else hi = mid;
    }
    order.set(kept.subarray(r, lo), w);
    w += lo - r;
    r = lo;
    order[w++] = a;
  }
  order.set(kept.subarray(r), w);
  return prep;
}

function emptyCounts(): Record<FollowUpSection, number> {
  return { overdue: 0, "due-soon": 0, later: 0, "no-date": 0 };
}

const SECTION_INDEX: Record<FollowUpSection, number> = { overdue: 0, "due-soon": 1, later: 2, "no-date": 3 };

/**
 * Filters, sorts and groups the agreements. Empty groups are left out; `counts` and `total` are
 * over the filtered items. Throws a RangeError when `today` is not a valid date.
 *
 * The sorted order of a list is kept (weakly) with the array and reused while the array holds the
 * same items, so changing the query or the day costs one pass over the sorted list.
 */
export function buildFollowUps(
  items: readonly AgreementItem[],
  query: FollowUpsQuery,
  today: IsoDate,
  dueSoonDays: number = AGREEMENT_DUE_SOON_DAYS,
): FollowUpsModel {
  if (!isValidIsoDate(today)) throw new RangeError(`Not a valid date: ${String(today)}`);
  const soonUntil = addDays(today, windowDays(dueSoonDays));
  const words = searchWords(query.search);
  const prep = prepare(items);
  const { order, date, person } = prep;
  const haystacks = words.length > 0 ? (prep.haystacks ??= new Array<string | undefined>(order.length)) : null;
  const sectionOf = new Int8Array(prep.dates.length);
  for (let d = 0; d < sectionOf.length; d++) {
    const due = prep.dates[d] as IsoDate;
    sectionOf[d] = due < today ? 0 : due <= soonUntil ? 1 : 2;
  }
  const byPerson = query.groupBy === "person";

  const sections: AgreementItem[][] = [[], [], [], []];
  const sectionCounts = [0, 0, 0, 0];
  const personItems: AgreementItem[][] = byPerson ? prep.people.map(() => []) : [];
  const personGroups: number[] = [];
  const nobody: AgreementItem[] = [];
  for (let j = 0; j < order.length; j++) {
    const i = order[j] as number;
    const item = items[i] as AgreementItem;
    if (!ownerPasses(item, query.owner)) continue;
    if (haystacks !== null) {
      let haystack = haystacks[i];
      if (haystack === undefined) haystack = haystacks[i] = foldedHaystack(item);
      if (!matchesWords(haystack, words)) continue;
    }
    const d = date[i] as number;
    const section = d < 0 ? 3 : (sectionOf[d] as number);
    sectionCounts[section] = (sectionCounts[section] as number) + 1;
    if (!byPerson) {
      (sections[section] as AgreementItem[]).push(item);
    } else {
      const p = person[i] as number;
      if (p < 0) {
        nobody.push(item);
      } else {
        const list = personItems[p] as AgreementItem[];
        if (list.length === 0) personGroups.push(p);
        list.push(item);
      }
    }
  }

  const counts = emptyCounts();
  let total = 0;
  for (const { id } of FOLLOW_UP_SECTIONS) {
    counts[id] = sectionCounts[SECTION_INDEX[id]] as number;
    total += counts[id];
  }
  const groups: FollowUpGroup[] = [];
  if (byPerson) {
    // First appearance in (date, person) order: most urgent item first, then name.
    for (const p of personGroups) {
      const who = prep.people[p] as Person;
      groups.push({ key: `person:${who.key}`, title: who.title, items: personItems[p] as AgreementItem[] });
    }
    if (nobody.length > 0) groups.push({ key: "person:", title: NO_PERSON_TITLE, items: nobody });
  } else {
    for (const { id, title } of FOLLOW_UP_SECTIONS) {
      const list = sections[SECTION_INDEX[id]] as AgreementItem[];
      if (list.length > 0) groups.push({ key: id, title, items: list });
    }
  }
  return { groups, total, counts };
}
