import { agreementItem } from "../domain/follow-ups";
import { personRow } from "../domain/people-table";
import type { IsoDate } from "../domain/types";
import type { AgreementItem, PersonRow } from "../domain/view-models";
import type { AgreementEntry, NoteProblem, PeopleIndex, PersonEntry } from "../index/people-index";

/**
 * What every view reads from the index, as plain data. `agreements` are made on first read, from
 * the index as it is then (read them when the data is handed over): a view that shows only
 * people never waits for every agreement to be converted.
 */
export interface ViewData {
  readonly today: IsoDate;
  readonly agreements: AgreementItem[];
  readonly people: PersonRow[];
  /** 1:1 notes with problems that no person's row shows (their person has no note). */
  readonly notesToCheck: readonly NoteProblem[];
}

/**
 * Each index entry is converted once: the index keeps the same entry objects while their files do
 * not change, so after an edit only the entries of that file are new. The views' models cache
 * sort keys per item object and expect items never to change: a changed agreement is a new item.
 * Agreements are found again in the previous conversion (see `convertAgreements`), people rows by
 * their entries.
 */
const personRows = new WeakMap<PersonEntry, { today: IsoDate; row: PersonRow }>();

interface ConvertedAgreements {
  /** The version of the index's list these were converted from. */
  version: number;
  /** The entries converted (a copy: the index changes its list in place), and their items. */
  entries: readonly AgreementEntry[];
  items: AgreementItem[];
}

interface ConvertedPeople {
  /** The version of the index's list these were made from, and the day. */
  version: number;
  today: IsoDate;
  rows: PersonRow[];
  /** The index's list of note problems, and those of it without a person. */
  problems: readonly NoteProblem[];
  notesToCheck: readonly NoteProblem[];
}

/** The last conversions per index: unchanged lists give the same arrays. */
const lastAgreements = new WeakMap<PeopleIndex, ConvertedAgreements>();
const lastPeople = new WeakMap<PeopleIndex, ConvertedPeople>();

export function viewData(index: PeopleIndex, today: IsoDate): ViewData {
  const { rows, notesToCheck } = peopleData(index, today);
  let agreements: AgreementItem[] | null = null;
  return {
    today,
    people: rows,
    notesToCheck,
    get agreements(): AgreementItem[] {
      return (agreements ??= agreementItems(index));
    },
  };
}

/**
 * What the status bar counts: the index's agreements as they are (it reads their due dates only,
 * so no item is made for them) and the people's rows, shared with `viewData`.
 */
export function statusData(index: PeopleIndex, today: IsoDate): { today: IsoDate; agreements: readonly AgreementEntry[]; people: PersonRow[] } {
  return { today, agreements: index.agreements(), people: peopleData(index, today).rows };
}

function agreementItems(index: PeopleIndex): AgreementItem[] {
  const version = index.version("agreements");
  const before = lastAgreements.get(index);
  if (before?.version === version) return before.items;
  const current = index.agreements();
  const items = convertAgreements(current, before);
  lastAgreements.set(index, { version, entries: current.slice(), items });
  return items;
}

function peopleData(index: PeopleIndex, today: IsoDate): ConvertedPeople {
  const version = index.version("people");
  const problems = index.noteProblems();
  const before = lastPeople.get(index);
  const sameRows = before?.version === version && before.today === today;
  if (before && sameRows && before.problems === problems) return before;
  const rows = before && sameRows ? before.rows : index.people().map((entry) => rowOf(entry, today));
  const notesToCheck = before?.problems === problems ? before.notesToCheck : problems.filter((p) => p.personPath === null);
  const next = { version, today, rows, problems, notesToCheck };
  lastPeople.set(index, next);
  return next;
}

function rowOf(entry: PersonEntry, today: IsoDate): PersonRow {
  const cached = personRows.get(entry);
  if (cached?.today === today) return cached.row;
  const row = personRow(entry, today);
  personRows.set(entry, { today, row });
  return row;
}

/** How far ahead a walk over the previous list looks for an entry before calling it new. */
const LOOK_AHEAD = 8;

/**
 * The items of a sorted list of entries. After an edit the list is the previous one with a few
 * entries taken out and a few put in, so a walk over both reuses the previous items by position.
 * Where the lists differ by more than a few entries in a row, the previous items are looked up in
 * a map, made then; a list that shares nothing with the previous one (after a rebuild) is
 * converted without either.
 */
function convertAgreements(entries: readonly AgreementEntry[], before: ConvertedAgreements | undefined): AgreementItem[] {
  const n = entries.length;
  const out = new Array<AgreementItem>(n);
  const prev = before?.entries ?? [];
  const prevItems = before?.items ?? [];
  const m = prev.length;
  // Related lists: the same last entry, or one found by the walk.
  let walking = m > 0;
  let related = m > 0 && entries[n - 1] === prev[m - 1];
  let rest: Map<AgreementEntry, AgreementItem> | null = null;
  let j = 0;
  for (let i = 0; i < n; i++) {
    const entry = entries[i] as AgreementEntry;
    if (walking) {
      if (prev[j] === entry) {
        out[i] = prevItems[j++] as AgreementItem;
        related = true;
        continue;
      }
      let found = -1;
      for (let k = j + 1; k < m && k <= j + LOOK_AHEAD; k++) {
        if (prev[k] === entry) {
          found = k;
          break;
        }
      }
      if (found >= 0) {
        j = found;
        out[i] = prevItems[j++] as AgreementItem;
        related = true;
        continue;
      }
      if (!related && i >= 8 * LOOK_AHEAD) {
        walking = false; // nothing in common: every entry is new
      } else if (related && rest === null && !isNear(entries, i + 1, prev[j])) {
        rest = new Map<AgreementEntry, AgreementItem>();
        for (let k = 0; k < m; k++) rest.set(prev[k] as AgreementEntry, prevItems[k] as AgreementItem);
        walking = false;
      }
    }
    out[i] = rest?.get(entry) ?? agreementItem(entry);
  }
  return out;
}

/** Whether `entry` is among `entries[from … from + LOOK_AHEAD - 1]`. */
function isNear(entries: readonly AgreementEntry[], from: number, entry: AgreementEntry | undefined): boolean {
  const end = Math.min(entries.length, from + LOOK_AHEAD);
  for (let i = from; i < end; i++) if (entries[i] === entry) return true;
  return false;
}
