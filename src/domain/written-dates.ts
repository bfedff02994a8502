/**
 * Dates as people write them in note names, folders, headings and lines: ISO (`2026-07-23`, also
 * with `_`, `.` or `/`), compact (`20260723`), European (`23.07.2026`), written out in English,
 * German, Italian, French, Spanish or Russian (`July 23, 2026`, `23 July 2026`, `Monday, July 28,
 * 2025`, `23. Juli 2026`, `23 июля 2026`) and Chinese (`2026年7月23日`). Every date is checked
 * against the calendar (no 30 February); dates written out are read by dayjs. A date that runs on
 * into letters or digits (`2026-07-23abc`, `120260723`) is no date.
 */
import { fromParts, isValidIsoDate, parseDateWithFormat } from "./dates";
import type { IsoDate } from "./types";

const MONTHS: Record<string, number> = {};
function months(names: string, ...more: string[]): void {
  for (const list of [names, ...more]) list.split(" ").forEach((name, i) => (MONTHS[name] = i + 1));
}
months(
  "january february march april may june july august september october november december",
  "jan feb mar apr may jun jul aug sep oct nov dec",
  "januar februar märz april mai juni juli august september oktober november dezember",
  "jänner feb maerz apr mai jun jul aug sept okt nov dez",
  "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
  "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
  "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
  "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
  "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
);
MONTHS.sept = 9;

/** Weekday names that may open a written date ("Monday, July 28, 2025"). */
const WEEKDAY =
  /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)\.?,?\s+/i;

function monthOf(word: string): number | null {
  return MONTHS[word.toLowerCase().replace(/\.$/, "")] ?? null;
}

function checked(year: number, month: number, day: number): IsoDate | null {
  if (year < 1000 || year > 9999) return null;
  const date = fromParts(year, month, day);
  return isValidIsoDate(date) ? date : null;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

export interface FoundDate {
  date: IsoDate;
  /** Where the written date starts and ends in the text. */
  start: number;
  end: number;
}

/** Numeric forms, each with the order of its parts. */
const NUMERIC: { re: RegExp; order: "ymd" | "dmy" }[] = [
  { re: /^(\d{4})([-_./])(\d{2})\2(\d{2})/, order: "ymd" },
  { re: /^(\d{4})()(\d{2})(\d{2})/, order: "ymd" },
  { re: /^(\d{1,2})(\.)(\d{1,2})\.(\d{4})/, order: "dmy" },
];

/** A numeric date starting exactly at `text[0]`. */
function numericAt(text: string): { date: IsoDate; length: number } | null {
  for (const { re, order } of NUMERIC) {
    const m = re.exec(text);
    if (!m) continue;
    const [a, , b, c] = [Number(m[1]), m[2], Number(m[3]), Number(m[4])];
    const date = order === "ymd" ? checked(a, b, c) : checked(c, b, a);
    if (date && !isWordChar(text[m[0].length])) return { date, length: m[0].length };
  }
  return null;
}

const MONTH_FIRST = /^([\p{L}]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/u;
const DAY_FIRST = /^(\d{1,2})(?:\.|st|nd|rd|th|er|º)?\s+([\p{L}]+\.?),?\s+(\d{4})/u;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/;

const ENGLISH_MONTHS = "January February March April May June July August September October November December".split(" ");

/** A day of a month written out, read by dayjs (in English, to which the other languages' month names are turned). */
function writtenDay(year: string, month: number, day: string): IsoDate | null {
  const date = parseDateWithFormat(`${Number(day)} ${ENGLISH_MONTHS[month - 1] ?? ""} ${year}`, "D MMMM YYYY");
  return date !== null && Number(year) >= 1000 ? date : null;
}

/** A date written out with a month name (after an optional weekday), at the start of `text`. */
function writtenAt(text: string): { date: IsoDate; length: number } | null {
  // A day and a year are written in digits: most headings and lines have none near their start.
  if (!/\d/.test(text.slice(0, 40))) return null;
  const weekday = WEEKDAY.exec(text);
  const skip = weekday ? weekday[0].length : 0;
  const rest = text.slice(skip);
  let m = MONTH_FIRST.exec(rest);
  let date: IsoDate | null = null;
  if (m) {
    const month = monthOf(m[1] ?? "");
    date = month ? writtenDay(m[3] ?? "", month, m[2] ?? "") : null;
  }
  if (!date) {
    m = DAY_FIRST.exec(rest);
    const month = m ? monthOf(m[2] ?? "") : null;
    date = m && month ? writtenDay(m[3] ?? "", month, m[1] ?? "") : null;
  }
  if (!date) {
    m = CHINESE.exec(rest);
    date = m ? checked(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  }
  if (!date || !m) return null;
  const length = skip + m[0].length;
  return isWordChar(text[length]) ? null : { date, length };
}

/** The date written at the very start of `text` (numeric or written out), with its length. */
export function dateAtStart(text: string): { date: IsoDate; length: number } | null {
  if (typeof text !== "string" || text === "") return null;
  const first = text.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39) return numericAt(text) ?? writtenAt(text);
  return writtenAt(text);
}

/**
 * The first date in a note's name: ISO (`2024-11-13 John`, `Anya_2026_11_21`), compact
 * (`Diary-20230319`, `MoM 20230301`, not the 12-digit `202307161529` of a ticket number) or
 * European (`21.11.2026`). With its place, so that the rest of the name can be read.
 */
export function dateSpanInName(name: string): FoundDate | null {
  if (typeof name !== "string") return null;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code < 0x30 || code > 0x39 || (i > 0 && isDigitAt(name, i - 1))) continue;
    // Not part of a longer number: `202307161529` is a ticket number, not a date and a time.
    const found = numericAt(name.slice(i));
    if (found) return { date: found.date, start: i, end: i + found.length };
  }
  return null;
}

function isDigitAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 0x30 && code <= 0x39;
}

/** The first valid date in a file's base name (see `dateSpanInName`). */
export function dateInFileName(name: string): IsoDate | null {
  return dateSpanInName(name)?.date ?? null;
}

/**
 * The date a heading starts with: `2026-11-21`, `2026-11-21 — notes`, `[[2026-11-21]]`,
 * `[[2026-11-21|21 Nov]] notes`, `July 23, 2026`, `23.07.2026`, `Monday, July 28, 2025`. Leading
 * `#` marks are allowed. A linked date must be the whole link (`[[2026-11-21#Agenda]]` is not).
 */
export function datedHeading(heading: string): IsoDate | null {
  if (typeof heading !== "string") return null;
  const text = heading.replace(/^\s*(?:#{1,6}\s+)?/, "");
  if (text.startsWith("[[")) {
    const found = dateAtStart(text.slice(2));
    if (!found) return null;
    const after = text.slice(2 + found.length);
    return after.startsWith("]]") || after.startsWith("|") ? found.date : null;
  }
  return dateAtStart(text)?.date ?? null;
}

/**
 * The date of a note's folders: a folder named by a date (`2026-01-08/`), or a year, month and
 * day folder (`2026/01/08/`). The deepest wins.
 */
export function dateOfFolders(path: string): IsoDate | null {
  const folders = path.split("/").slice(0, -1);
  for (let i = folders.length - 1; i >= 0; i--) {
    const own = numericAt(folders[i] as string);
    if (own && own.length === (folders[i] as string).length) return own.date;
    if (i >= 2 && /^\d{4}$/.test(folders[i - 2] as string) && /^\d{1,2}$/.test(folders[i - 1] as string) && /^\d{1,2}$/.test(folders[i] as string)) {
      const date = checked(Number(folders[i - 2]), Number(folders[i - 1]), Number(folders[i]));
      if (date) return date;
    }
  }
  return null;
}

/** Labels of a date line: Date, When, Datum, Data, Fecha, Дата, 日期. */
const DATE_LABEL = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:date|when|datum|data|fecha|дата|日期)(?:\*\*|__)?\s*(?::{1,2}|：)\s*(?:\*\*|__)?\s*/i;

/** A line that gives a date: `**Date:** 2026-01-08`, `Date: July 28, 2025`, `date:: 2026-01-08`. */
export function dateOfLabelLine(line: string): IsoDate | null {
  const m = DATE_LABEL.exec(line);
  if (!m) return null;
  const rest = line.slice(m[0].length).replace(/^\[\[/, "");
  return dateAtStart(rest)?.date ?? null;
}
