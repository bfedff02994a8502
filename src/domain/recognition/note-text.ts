/**
 * What a note's text says that its metadata does not: a `Date:` line and an Attendees line (or
 * section) near the top, lines and table rows that start with a date (a log of contacts: `-
 * 2026-11-21 coffee`, `2023-07-01 @ 11:54 Telefonat`, `| 2026-01-15 | Coffee |`), inline fields
 * that record a talk (`(lastTalk:: 2024-07-15)`), and template code that was never filled in.
 * Code blocks and the properties block are not read.
 */
import type { IsoDate } from "../types";
import { dateAtStart, dateOfLabelLine } from "../written-dates";

export interface DatedLine {
  line: number;
  date: IsoDate;
}

export interface NoteText {
  /** A `Date:` line near the top: `**Date:** 2026-01-08`, `date:: July 28, 2025`. */
  dateLine: IsoDate | null;
  /** Who an Attendees or Participants line near the top names: link targets and plain names. */
  attendees: string[];
  /** Lines that start with a date (not headings, not tasks). */
  datedLines: DatedLine[];
  /** Inline fields that record a talk or a contact: `(lastTalk:: 2024-07-15)`, `last_contact:: …`. */
  contactFields: DatedLine[];
  /** Template code never filled in: `<% tp.date.now() %>` (a left-over cursor mark aside), `{{title}}`. */
  templateCode: boolean;
}

/** How many lines after the properties count as "near the top". */
const TOP_LINES = 20;

const ATTENDEE_WORDS = "attendees|participants|people|present|with|who|teilnehmer(?:innen)?|anwesend|partecipanti|participantes|участники|参与者|参会人";
const ATTENDEES_LABEL = new RegExp(`^\\s*(?:[-*+]\\s+)?[[(]?(?:\\*\\*|__)?(${ATTENDEE_WORDS})(?:\\*\\*|__)?\\s*(?::{1,2}|：)\\s*(?:\\*\\*|__)?`, "i");
/** `## Attendees` as a heading, the list under it. */
const ATTENDEES_HEADING = new RegExp(`^\\s*#{1,6}\\s+(?:${ATTENDEE_WORDS})\\s*:?\\s*$`, "i");

const CONTACT_FIELD = /(?:^|[\s([])([A-Za-z_-]+)::\s*\[{0,2}(\d{4}-\d{2}-\d{2})/g;
const CONTACT_KEYS = new Set(["lasttalk", "lastcontact", "lastcontacted", "lastseen", "lastmet", "lastcall", "lastinteraction", "talked", "met", "contacted"]);

const TEMPLATER = /<%[\s\S]*?%>/g;
const CORE_PLACEHOLDER = /\{\{\s*(?:title|date|time)(?::[^}]*)?\s*\}\}/i;

/** The names in an attendee list: `[[Anya]], Sam (sam@x.org); cody.henshaw@redis.com`. */
export function namesInList(text: string): string[] {
  const names: string[] = [];
  // `[participants:: [[A]], [[B]] ]`: the field's closing bracket is not part of a name.
  const trimmed = text.trimEnd();
  const unbracketed = trimmed.endsWith("]") && !trimmed.endsWith("]]") ? trimmed.slice(0, -1) : trimmed;
  const cleaned = unbracketed.replace(/\(([^)]*@[^)]*)\)/g, "");
  for (const part of cleaned.split(/\s*(?:[,;]|\s&\s|\sand\s|\sund\s)\s*/)) {
    let name = part.trim().replace(/^[-*+]\s+/, "").replace(/\*\*|__/g, "").trim();
    const link = /^\[\[([^\]|#]+)(?:[#|][^\]]*)?\]\]/.exec(name);
    if (link?.[1]) name = link[1].trim();
    const email = /^([\p{L}\p{N}._-]+)@[\w.-]+$/u.exec(name);
    if (email?.[1]) name = email[1].replace(/[._]+/g, " ");
    // `Madeline (VP of Sales)`: a remark in brackets is not part of the name.
    name = name.replace(/^@/, "").replace(/\s*\([^)]*\)\s*$/, "").trim();
    if (name !== "" && name.length <= 80 && !names.includes(name)) names.push(name);
  }
  return names;
}

/** Template code never filled in: `{{title}}`, `{{date:YYYY}}`, `<% tp.date.now() %>` (a left-over cursor mark aside). */
export function hasTemplateCode(line: string): boolean {
  if (CORE_PLACEHOLDER.test(line)) return true;
  TEMPLATER.lastIndex = 0;
  for (let m = TEMPLATER.exec(line); m !== null; m = TEMPLATER.exec(line)) {
    if (!/^<%[-_*]?\s*tp\.file\.cursor\(\s*\d*\s*\)\s*[-_]?%>$/.test(m[0])) return true;
  }
  return false;
}

/** The end of the properties block that opens the text (the first line after it), or 0. */
function bodyStartOf(lines: readonly string[]): number {
  if (!/^---\s*$/.test(lines[0] ?? "")) return 0;
  for (let i = 1; i < lines.length; i++) if (/^(?:---|\.\.\.)\s*$/.test(lines[i] ?? "")) return i + 1;
  return 0;
}

/** Reads what the text says (see the module's header). Never throws. */
export function readNoteText(text: string): NoteText {
  const lines = text.split("\n");
  const start = bodyStartOf(lines);
  const out: NoteText = { dateLine: null, attendees: [], datedLines: [], contactFields: [], templateCode: false };
  // The properties block may hold template code too (`created: <% tp.date.now() %>`).
  for (let i = 0; i < start; i++) if (hasTemplateCode(lines[i] ?? "")) out.templateCode = true;
  let fence: string | null = null;
  let top = 0;
  let listAttendees = false;
  for (let i = start; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/\r$/, "");
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fenceMark) {
      if (fence === null) fence = fenceMark[0] as string;
      else if (fenceMark.startsWith(fence)) fence = null;
      continue;
    }
    if (fence !== null) continue;
    if (!out.templateCode && hasTemplateCode(line)) out.templateCode = true;
    const nearTop = line.trim() !== "" && top++ < TOP_LINES;
    if (nearTop) {
      out.dateLine ??= dateOfLabelLine(line);
      if (ATTENDEES_HEADING.test(line) && out.attendees.length === 0) {
        listAttendees = true;
        continue;
      }
      const label = ATTENDEES_LABEL.exec(line);
      if (label && out.attendees.length === 0) {
        const rest = line.slice(label[0].length);
        out.attendees = namesInList(rest);
        listAttendees = rest.trim() === "";
        continue;
      }
      if (listAttendees) {
        const item = /^\s*[-*+]\s+(.*)$/.exec(line);
        if (item) {
          out.attendees.push(...namesInList(item[1] ?? "").filter((name) => !out.attendees.includes(name)));
          continue;
        }
        listAttendees = false;
      }
    }
    CONTACT_FIELD.lastIndex = 0;
    for (let m = CONTACT_FIELD.exec(line); m !== null; m = CONTACT_FIELD.exec(line)) {
      const key = (m[1] ?? "").toLowerCase().replace(/[_-]/g, "");
      const date = CONTACT_KEYS.has(key) ? dateAtStart(m[2] ?? "")?.date : undefined;
      if (date) out.contactFields.push({ line: i, date });
    }
    if (/^\s*#{1,6}\s/.test(line) || /^\s*(?:>\s*)*[-*+]\s+\[.\]/.test(line)) continue;
    // A list item, a quote, or a table row (`| 2026-01-15 | Coffee | … |`) may start with a date.
    const body = line.replace(/^\s*(?:>\s*)*(?:[-*+]|\d+[.)]|\|)?\s*(?:\*\*|__)?\[{0,2}/, "");
    const dated = dateAtStart(body);
    if (dated) out.datedLines.push({ line: i, date: dated.date });
  }
  return out;
}
