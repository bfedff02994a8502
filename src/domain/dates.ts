/**
 * Local calendar dates as `YYYY-MM-DD` strings.
 *
 * Arithmetic works on day numbers (days since 1970-01-01 in the proleptic Gregorian calendar), so
 * it never meets a clock time, a time zone or a daylight-saving jump. The only places a real
 * clock or a `Date` is read are `systemClock` and `parseIsoDate` (for `Date` objects), and both
 * use the local calendar date, never UTC.
 *
 * This is the one module that registers dayjs plugins.
 */
import dayjs from "dayjs";
import advancedFormat from "dayjs/plugin/advancedFormat";
import customParseFormat from "dayjs/plugin/customParseFormat";
import isoWeek from "dayjs/plugin/isoWeek";
import weekOfYear from "dayjs/plugin/weekOfYear";
import weekYear from "dayjs/plugin/weekYear";
import type { IsoDate } from "./types";

dayjs.extend(customParseFormat);
// moment's formatting tokens, as Obsidian's core Templates knows them: `Do`, `Q`, `X`, `x`, `k`
// (advancedFormat), locale weeks `w` and week-years `gggg` (weekOfYear, weekYear), ISO weeks `W`
// and week-years `GGGG` (isoWeek).
dayjs.extend(advancedFormat);
dayjs.extend(weekOfYear);
dayjs.extend(weekYear);
dayjs.extend(isoWeek);
// `z` and `zzz` (advancedFormat) ask for the time zone's name, which only dayjs's time-zone plugin
// gives: here it is the short or long name the system gives for local time ("CET", "GMT+14").
dayjs.extend((_option, Dayjs) => {
  const proto = Dayjs.prototype as unknown as { offsetName(this: dayjs.Dayjs, type?: string): string };
  proto.offsetName = function (type) {
    const format = new Intl.DateTimeFormat("en-US", { timeZoneName: type === "long" ? "long" : "short" });
    return format.formatToParts(this.toDate()).find((part) => part.type === "timeZoneName")?.value ?? "";
  };
});

/** Where "today" comes from: the system clock in the plugin, a fixed date in tests. */
export interface Clock {
  today(): IsoDate;
}

export const systemClock: Clock = {
  today: () => localDateOf(new Date()),
};

/** A clock stuck on one date. Throws on an invalid date: it is meant for tests and demos. */
export function fixedClock(date: IsoDate): Clock {
  if (!isValidIsoDate(date)) throw new RangeError(`Not a valid date: ${String(date)}`);
  return { today: () => date };
}

export function todayFrom(clock: Clock): IsoDate {
  return clock.today();
}

/**
 * Obsidian's "Date & time" property (`2026-11-14T10:30`, no zone): the date part counts, when the
 * time is one of the day (00:00 to 23:59:59; `25:61` is none).
 */
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?$/;

/** The first and the last day of the calendar: dates are written with a year of four digits. */
export const FIRST_DATE: IsoDate = "0000-01-01";
export const LAST_DATE: IsoDate = "9999-12-31";

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True for a `YYYY-MM-DD` string naming a day that exists (2026-02-30 does not). */
export function isValidIsoDate(value: unknown): value is IsoDate {
  return isoDateNumber(value) >= 0;
}

/**
 * A valid date (as `isValidIsoDate` says) as the number YYYYMMDD, which orders as the dates do:
 * "2026-11-07" → 20261107. -1 for anything else.
 */
export function isoDateNumber(value: unknown): number {
  // `YYYY-MM-DD` in ASCII digits, read without a regular expression: lists of tens of thousands
  // of dates are checked.
  if (typeof value !== "string" || value.length !== 10) return -1;
  if (value.charCodeAt(4) !== 0x2d || value.charCodeAt(7) !== 0x2d) return -1;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  const valid = year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  return valid ? year * 10000 + month * 100 + day : -1;
}

/** The number written by the ASCII digits `text[start … start + count - 1]`; -1 if one is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * A date from a property value: a `YYYY-MM-DD` string (trimmed, checked for existence), an
 * Obsidian date-and-time string without a zone (its date part), or a JS `Date` (its local
 * calendar date). Anything else is null.
 */
export function parseIsoDate(value: unknown): IsoDate | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : localDateOf(value);
  }
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (isValidIsoDate(text)) return text;
  const m = LOCAL_DATE_TIME.exec(text);
  if (m && isValidIsoDate(m[1])) return m[1];
  return null;
}

/** The local calendar date of an instant. */
export function localDateOf(instant: Date): IsoDate {
  return fromParts(instant.getFullYear(), instant.getMonth() + 1, instant.getDate());
}

export function fromParts(year: number, month: number, day: number): IsoDate {
  const y = String(Math.abs(year)).padStart(4, "0");
  return `${year < 0 ? "-" : ""}${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Year, month (1-12) and day of a valid date. Throws a RangeError on an invalid one. */
export function toParts(date: IsoDate): DateParts {
  if (!isValidIsoDate(date)) throw new RangeError(`Not a valid date: ${String(date)}`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** Days since 1970-01-01 (negative before it). Civil-from-days arithmetic, no `Date`. */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = toParts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Day numbers of the calendar's first and last days (see `FIRST_DATE`, `LAST_DATE`). */
const FIRST_DAY = toDayNumber(FIRST_DATE);
const LAST_DAY = toDayNumber(LAST_DATE);

/**
 * The date of a day number (see `toDayNumber`). A day before the calendar's first day or after
 * its last is that first or last day: date arithmetic never leaves the calendar, nor throws.
 */
export function fromDayNumber(dayNumber: number): IsoDate {
  const z = Math.min(LAST_DAY, Math.max(FIRST_DAY, Math.trunc(dayNumber) || 0)) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return fromParts(year, month, day);
}

/** `days` later (earlier when negative); the calendar's first or last day at most (see `fromDayNumber`). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + (Math.trunc(days) || 0));
}

export function addWeeks(date: IsoDate, weeks: number): IsoDate {
  return addDays(date, Math.trunc(weeks) * 7);
}

/**
 * Calendar months; the day is clamped to the target month (Jan 31 + 1 month = Feb 28 or 29), the
 * month to the calendar's first or last (see `FIRST_DATE`, `LAST_DATE`).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = toParts(date);
  const index = Math.min(LAST_MONTH, Math.max(0, year * 12 + (month - 1) + (Math.trunc(months) || 0)));
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  return fromParts(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/** Months from January of year 0 to the calendar's last month, December 9999. */
const LAST_MONTH = 9999 * 12 + 11;

/** Calendar days from `a` to `b`: positive when `b` is later. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** -1, 0 or 1, for sorting. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  const d = toDayNumber(a) - toDayNumber(b);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/** The latest valid date among the arguments; nulls and invalid strings are ignored. */
export function maxDate(...dates: (IsoDate | null | undefined)[]): IsoDate | null {
  let best: IsoDate | null = null;
  for (const date of dates) {
    if (!isValidIsoDate(date)) continue;
    if (best === null || compareDates(date, best) > 0) best = date;
  }
  return best;
}

/** The earliest valid date among the arguments; nulls and invalid strings are ignored. */
export function minDate(...dates: (IsoDate | null | undefined)[]): IsoDate | null {
  let best: IsoDate | null = null;
  for (const date of dates) {
    if (!isValidIsoDate(date)) continue;
    if (best === null || compareDates(date, best) < 0) best = date;
  }
  return best;
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

/** "due today", "due tomorrow", "due in 3 days", "1 day overdue", "3 days overdue"; "" if invalid. */
export function formatRelativeDue(due: IsoDate, today: IsoDate): string {
  if (!isValidIsoDate(due) || !isValidIsoDate(today)) return "";
  const d = daysBetween(today, due);
  if (d === 0) return "due today";
  if (d === 1) return "due tomorrow";
  if (d > 1) return `due in ${d} days`;
  return `${plural(-d, "day")} overdue`;
}

/**
 * "never", "today", "yesterday", "3 days ago" (up to 13 days), "2 weeks ago" (up to 59 days),
 * "3 months ago" (up to a year), "1 year ago"; a date after today reads "tomorrow" or "in 3 days".
 */
export function formatLastSeen(date: IsoDate | null, today: IsoDate): string {
  if (date === null || !isValidIsoDate(date) || !isValidIsoDate(today)) return "never";
  const d = daysBetween(date, today);
  if (d === 0) return "today";
  if (d === 1) return "yesterday";
  if (d === -1) return "tomorrow";
  if (d < 0) return `in ${plural(-d, "day")}`;
  if (d < 14) return `${plural(d, "day")} ago`;
  if (d < 60) return `${plural(Math.floor(d / 7), "week")} ago`;
  if (d < 365) return `${plural(Math.max(2, Math.floor(d / 30.44)), "month")} ago`;
  return `${plural(Math.floor(d / 365.25) || 1, "year")} ago`;
}

/**
 * A date written with a format pattern as moment (Obsidian's core Templates) writes it:
 * `YYYY-MM-DD`, `dddd D MMMM`, `Do` (21st), `Q` (quarter), `w`/`gggg` (week and week-year, weeks
 * Sunday to Saturday, week 1 holding January 1st), `W`/`GGGG` (ISO week and week-year), `X`/`x`
 * (Unix seconds/milliseconds). A date stands for noon of that day, local time — far from midnight,
 * so that no change of clocks moves it into another day or week — and time tokens read 12:00.
 * Invalid dates give an empty string.
 */
export function formatDate(date: IsoDate, pattern: string): string {
  if (!isValidIsoDate(date)) return "";
  const { year, month, day } = toParts(date);
  const noon = new Date(year, month - 1, day, 12);
  if (year < 100) noon.setFullYear(year, month - 1, day);
  return dayjs(noon).format(pattern);
}

/** A date read strictly with a dayjs pattern (`DD.MM.YYYY`), or null. */
export function parseDateWithFormat(text: string, pattern: string): IsoDate | null {
  if (typeof text !== "string" || typeof pattern !== "string") return null;
  const parsed = dayjs(text.trim(), pattern, true);
  return parsed.isValid() ? parsed.format("YYYY-MM-DD") : null;
}
