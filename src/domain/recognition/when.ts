/**
 * When a meeting was, and the entries of a log.
 *
 * A note's own date is, in this order: its `date` property (or `day`, `meeting-date`), a date in
 * its file name (with or without a time: `2023-06-23-1430 …`, `20230301`), a dated folder
 * (`2026-01-08/`, `2026/01/08/`), a `Date:` line near the top, its `created` property.
 *
 * A log's entries are its headings that start with a date, at any level, ISO or written out
 * (`## 2026-11-21`, `### July 23, 2026`); "skipped" or "cancelled" in the heading says the 1:1
 * did not take place. A person note's log is its dated headings; when it has none, its lines
 * that start with a date (`- 2026-11-21 coffee`); and in either case its fields that record a
 * talk (`(lastTalk:: 2024-07-15)`).
 */
import { parseIsoDate } from "../dates";
import { dateInFileName, datedHeading, dateOfFolders } from "../written-dates";
import { baseName } from "../paths";
import { property, type LogEntry, type MeetingStatus, type NoteFacts, type NoteText } from "./note";

export type NoteDate = { date: string; why: string } | { bad: string } | null;

/** A property value as the user would recognize it in a message (short). */
export function shownValue(value: unknown): string {
  let text: string;
  if (typeof value === "string") text = value.trim();
  else if (typeof value === "number" || typeof value === "boolean") text = String(value);
  else if (Array.isArray(value)) text = "a list";
  else if (value instanceof Date) text = "a date";
  else text = "an object";
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/**
 * The note's own date (see the module's header), a date that is no day, or nothing. A note that
 * is not a meeting has a date only by its property, its file name or its folder (`ofMeeting`
 * false): a `created` date says when a note was written, not when someone was seen.
 */
export function noteDate(facts: NoteFacts, text: NoteText | null, ofMeeting = true): NoteDate {
  const fm = facts.frontmatter;
  const dateProperty = property(fm, "date", "day", "meeting-date", "meeting_date");
  const fromProperty = parseIsoDate(Array.isArray(dateProperty) && dateProperty.length === 1 ? dateProperty[0] : dateProperty);
  if (fromProperty) return { date: fromProperty, why: "the date property" };
  if (!isEmpty(dateProperty)) return { bad: shownValue(dateProperty) };
  const name = baseName(facts.path);
  const fromName = dateInFileName(name);
  if (fromName) return { date: fromName, why: "the file name" };
  const written = /(?:^|\D)(\d{4}-\d{2}-\d{2})(?:\D|$)/.exec(name);
  if (written?.[1]) return { bad: written[1] };
  const fromFolder = dateOfFolders(facts.path);
  if (fromFolder) return { date: fromFolder, why: "its folder" };
  if (!ofMeeting) return null;
  if (text?.dateLine) return { date: text.dateLine, why: "the Date line" };
  const created = parseIsoDate(property(fm, "created", "creation-date", "created-at"));
  if (created) return { date: created, why: "the created property" };
  return null;
}

function headingStatus(text: string): MeetingStatus {
  if (/\bskipped\b/i.test(text)) return "skipped";
  if (/\bcancell?ed\b/i.test(text)) return "cancelled";
  return "held";
}

/** The headings that start with a date, as log entries, in the order of the note. */
export function headingEntries(facts: NoteFacts): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const heading of facts.headings) {
    const date = datedHeading(heading.text);
    if (date) entries.push({ date, line: heading.line, level: heading.level, status: headingStatus(heading.text) });
  }
  return entries;
}

/** A person note's log (see the module's header), in the order of the note. */
export function personLogEntries(facts: NoteFacts, text: NoteText | null): LogEntry[] {
  const headings = headingEntries(facts);
  if (text === null) return headings;
  const lines = headings.length > 0 ? [] : text.datedLines;
  const entries: LogEntry[] = [...headings];
  for (const found of [...lines, ...text.contactFields]) {
    if (!entries.some((e) => e.line === found.line && e.date === found.date)) entries.push({ date: found.date, line: found.line, level: 0, status: "held" });
  }
  return entries.sort((a, b) => a.line - b.line);
}
