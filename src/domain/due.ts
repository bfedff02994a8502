/**
 * When a person is due for a 1:1, and upcoming birthdays.
 */
import { addCadence, cadenceLengthDays } from "./cadence";
import { addDays, daysBetween, daysInMonth, formatRelativeDue, fromParts, isValidIsoDate, LAST_DATE, maxDate, toParts } from "./dates";
import type { Birthday, Cadence, DueStatus, IsoDate } from "./types";

/** The due-soon window: the larger of `days` and `percent`% of the cadence length. */
export interface DueWindow {
  days: number;
  percent: number;
}

export const DEFAULT_DUE_WINDOW: DueWindow = { days: 2, percent: 25 };

export interface DueInput {
  lastSeen: IsoDate | null;
  /** Null counts as `none`: apply the default cadence from the settings before calling. */
  cadence: Cadence | null;
  archived: boolean;
  snoozeUntil: IsoDate | null;
  /** When the person note was created (its local date); a never-seen person is due from then. */
  created: IsoDate | null;
}

export interface DueInfo {
  status: DueStatus;
  nextDue: IsoDate | null;
  /** Days from today to `nextDue`: 0 due today, negative overdue. Null without `nextDue`. */
  daysUntilDue: number | null;
}

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

/** The due-soon window in days for a cadence; never negative. */
export function dueSoonDays(cadence: Cadence | null, window: DueWindow = DEFAULT_DUE_WINDOW): number {
  const days = Math.floor(finiteOr(window.days, DEFAULT_DUE_WINDOW.days));
  const percent = finiteOr(window.percent, DEFAULT_DUE_WINDOW.percent);
  const length = cadence ? (cadenceLengthDays(cadence) ?? 0) : 0;
  return Math.max(0, days, Math.floor((length * percent) / 100));
}

function valid(date: IsoDate | null | undefined): IsoDate | null {
  return isValidIsoDate(date) ? date : null;
}

/**
 * Archived → `archived`; snoozed until after today → `snoozed`; no cadence → `ok` without a next
 * due date; never seen → `never-seen`, due from the creation date; otherwise the next due date is
 * last seen + cadence: `overdue` after it, `due-soon` within the window, else `ok` (and `ok`
 * without a next due date when it would fall after the calendar's last day, see `dueProblem`).
 * Invalid dates in the input count as absent.
 */
export function dueInfo(input: DueInput, today: IsoDate, window: DueWindow = DEFAULT_DUE_WINDOW): DueInfo {
  const cadence: Cadence = input.cadence ?? { kind: "none" };
  const lastSeen = valid(input.lastSeen);
  const snoozeUntil = valid(input.snoozeUntil);
  const created = valid(input.created);
  if (input.archived) return { status: "archived", nextDue: null, daysUntilDue: null };

  let nextDue: IsoDate | null = null;
  if (cadence.kind !== "none") nextDue = lastSeen ? addCadence(lastSeen, cadence) : created;

  if (snoozeUntil !== null && daysBetween(today, snoozeUntil) > 0) {
    const until = cadence.kind === "none" ? null : maxDate(nextDue, snoozeUntil);
    return { status: "snoozed", nextDue: until, daysUntilDue: until ? daysBetween(today, until) : null };
  }
  if (cadence.kind === "none") return { status: "ok", nextDue: null, daysUntilDue: null };
  const daysUntilDue = nextDue ? daysBetween(today, nextDue) : null;
  if (lastSeen === null) return { status: "never-seen", nextDue, daysUntilDue };
  if (daysUntilDue === null) return { status: "ok", nextDue, daysUntilDue };
  if (daysUntilDue < 0) return { status: "overdue", nextDue, daysUntilDue };
  if (daysUntilDue <= dueSoonDays(cadence, window)) return { status: "due-soon", nextDue, daysUntilDue };
  return { status: "ok", nextDue, daysUntilDue };
}

/**
 * Where a person's next 1:1 stands, in words: "5 days overdue", "due today", "due in 2 days",
 * "snoozed", "archived"; "" when nothing is due yet, there is no cadence, or they were never seen
 * (which is said where their last meeting is).
 */
export function personDueWords(info: Pick<DueInfo, "status" | "nextDue">, today: IsoDate): string {
  switch (info.status) {
    case "overdue":
    case "due-soon": {
      const words = info.nextDue === null ? "" : formatRelativeDue(info.nextDue, today);
      return words !== "" ? words : info.status === "overdue" ? "overdue" : "due soon";
    }
    case "snoozed":
    case "archived":
      return info.status;
    default:
      return "";
  }
}

/**
 * What is wrong with last seen for counting when someone is due: a date so far ahead that one
 * cadence after it falls after the calendar's last day (9999-12-31), which leaves no next due
 * date. Null when nothing is wrong.
 */
export function dueProblem(lastSeen: IsoDate | null, cadence: Cadence | null): string | null {
  if (!isValidIsoDate(lastSeen) || cadence === null || cadence.kind === "none") return null;
  if (addCadence(lastSeen, cadence) !== null) return null;
  return `Last seen ${lastSeen} is so far ahead that the next 1:1 would come after ${LAST_DATE}, the end of the calendar; write the day you last met.`;
}

/** True for people who should be met now or soon (never seen counts when its date has come). */
export function isDue(info: DueInfo): boolean {
  if (info.status === "overdue" || info.status === "due-soon") return true;
  return info.status === "never-seen" && (info.daysUntilDue === null || info.daysUntilDue <= 0);
}

/**
 * Sort groups: people with a due date, most overdue first (a never-seen person counts as overdue
 * since the note was created); never seen without a date; no cadence; snoozed (soonest back first);
 * archived.
 */
function urgencyGroup(info: DueInfo): number {
  switch (info.status) {
    case "archived":
      return 4;
    case "snoozed":
      return 3;
    case "never-seen":
      return info.daysUntilDue === null ? 1 : 0;
    default:
      return info.daysUntilDue === null ? 2 : 0;
  }
}

/** Most urgent first; ties are 0, so a stable sort keeps the caller's order (e.g. by name). */
export function compareByUrgency(a: DueInfo, b: DueInfo): number {
  const ga = urgencyGroup(a);
  const gb = urgencyGroup(b);
  if (ga !== gb) return ga - gb;
  const da = a.daysUntilDue ?? Number.POSITIVE_INFINITY;
  const db = b.daysUntilDue ?? Number.POSITIVE_INFINITY;
  if (da === db) return 0;
  return da < db ? -1 : 1;
}

function birthdayIn(birthday: Birthday, year: number): IsoDate {
  const month = Math.min(12, Math.max(1, Math.trunc(finiteOr(birthday.month, 1))));
  const day = Math.min(daysInMonth(year, month), Math.max(1, Math.trunc(finiteOr(birthday.day, 1))));
  return fromParts(year, month, day);
}

/** The next birthday on or after today; 29 February is kept on 28 February in other years. */
export function nextBirthday(birthday: Birthday, today: IsoDate): IsoDate {
  const { year } = toParts(today);
  const thisYear = birthdayIn(birthday, year);
  return thisYear >= today ? thisYear : birthdayIn(birthday, year + 1); // valid dates of 4-digit years order as strings
}

/** The age a person turns on `birthdayDate` (one of their birthdays); null without a birth year. */
export function ageOnBirthday(birthday: Birthday, birthdayDate: IsoDate): number | null {
  if (birthday.year === null || !Number.isFinite(birthday.year)) return null;
  return toParts(birthdayDate).year - birthday.year;
}

/** Days from today until `date`: 0 today, negative in the past. */
export function daysUntil(date: IsoDate, today: IsoDate): number {
  return daysBetween(today, date);
}

/** The first day of the due-soon window before `nextDue`, for display. */
export function dueSoonFrom(nextDue: IsoDate, cadence: Cadence | null, window: DueWindow = DEFAULT_DUE_WINDOW): IsoDate {
  return addDays(nextDue, -dueSoonDays(cadence, window));
}
