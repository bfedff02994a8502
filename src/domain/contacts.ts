/**
 * Contacts brought in from elsewhere (vCard, CSV), and people written out for address books.
 * Reading the formats is in `vcard.ts` and `contacts-csv.ts`; both give `Contact`s. The plan of
 * importing them as person notes is in `contacts-plan.ts`.
 *
 * Decisions:
 * - A contact without a usable name is a bad row: listed with the reason, never imported. A
 *   contact with a bad birthday or relationship is imported without it, with a warning.
 * - Team is the organizational unit (ORG's department, the Department column), else the
 *   organization; role is the job title.
 */
import { nameWords } from "./contact-match";
import { safeFileName } from "./paths";
import { lookupKey } from "./person-names";
import { daysInMonth, isValidIsoDate } from "./dates";
import { RELATIONSHIPS, type Birthday, type Person, type Relationship } from "./types";
import type { PersonRow } from "./view-models";

export interface Contact {
  /** Card number (vCard) or spreadsheet row (CSV, the header is row 1). */
  row: number;
  /** "Card 3", "Row 7": how the preview names where the contact came from. */
  label: string;
  name: string;
  firstName: string | null;
  lastName: string | null;
  aliases: string[];
  /** `YYYY-MM-DD`, or `--MM-DD` when the year is unknown. */
  birthday: string | null;
  relationship: Relationship | null;
  role: string | null;
  team: string | null;
  tags: string[];
  /** What was left out of this contact, in words. */
  warnings: string[];
}

export interface BadRow {
  row: number;
  /** "Card 3", "Row 7", "Line 12". */
  label: string;
  reason: string;
}

export interface ContactsRead {
  contacts: Contact[];
  bad: BadRow[];
}

// ---------------------------------------------------------------------------------------------
// Reading values

/** Spaces collapsed, control characters dropped; "" when nothing is left. */
export function cleanText(text: string | null | undefined): string {
  if (typeof text !== "string") return "";
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    out += code < 0x20 || (code >= 0x7f && code <= 0x9f) ? " " : char;
  }
  return out.replace(/\s+/g, " ").trim();
}

export function nonEmpty(text: string | null | undefined): string | null {
  const clean = cleanText(text);
  return clean === "" ? null : clean;
}

/** Whether a name can name a person: some letter or digit, and usable as a file name. */
export function usableName(name: string): boolean {
  return /[\p{L}\p{N}]/u.test(name) && safeFileName(name) !== "";
}

const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+$/u;

/** A full name from its parts: "Anya Petrova"; Chinese, Japanese, Korean family name first, unspaced. */
export function composeName(first: string | null, middle: string | null, last: string | null): string {
  const f = cleanText(first);
  const m = cleanText(middle);
  const l = cleanText(last);
  if (f !== "" && l !== "" && m === "" && CJK.test(f) && CJK.test(l)) return `${l}${f}`;
  return [f, m, l].filter((part) => part !== "").join(" ");
}

/**
 * Given and family name from a full name: the last word is the family name and the words before
 * it the given name; a name of one word (an emoji alone is no word: "🎸 Leo") is a given name
 * alone. Emoji and other signs stay with the word next to them.
 */
export function nameParts(name: string): { given: string; family: string | null } {
  const text = cleanText(name);
  const words = nameWords(text);
  const last = words[words.length - 1];
  if (words.length < 2 || last === undefined) return { given: text, family: null };
  const at = text.lastIndexOf(last);
  return { given: text.slice(0, at).trim(), family: text.slice(at).trim() };
}

/**
 * A label as an Obsidian tag: spaces become `-`, `#` and characters tags cannot hold go;
 * null when nothing is left or only digits are (a tag needs something else).
 */
export function toTag(label: string): string | null {
  const tag = cleanText(label)
    .replace(/^#+/, "")
    .replace(/\s+/g, "-")
    .replace(/[^\p{L}\p{N}\p{M}_/-]/gu, "")
    .replace(/-{2,}/g, "-")
    .replace(/\/{2,}/g, "/")
    .replace(/^[-/]+|[-/]+$/g, "");
  if (tag === "" || /^[\d/-]+$/.test(tag)) return null;
  return tag;
}

/** Labels as tags, without duplicates (ignoring case), in order. */
export function toTags(labels: readonly string[]): string[] {
  const out: string[] = [];
  for (const label of labels) {
    const tag = toTag(label);
    if (tag !== null && !out.some((t) => t.toLowerCase() === tag.toLowerCase())) out.push(tag);
  }
  return out;
}

export function uniqueTexts(texts: readonly (string | null | undefined)[]): string[] {
  const out: string[] = [];
  for (const text of texts) {
    const clean = cleanText(text);
    if (clean !== "" && !out.some((t) => lookupKey(t) === lookupKey(clean))) out.push(clean);
  }
  return out;
}

const RELATIONSHIP_WORDS: Record<string, Relationship> = {
  colleague: "peer",
  coworker: "peer",
  "direct report": "report",
  boss: "manager",
  "skip-level": "skip",
  relative: "family",
  kin: "family",
};

/** A relationship as written in a file, or null. */
export function parseRelationship(text: string | null | undefined): Relationship | null {
  const key = cleanText(text).toLowerCase();
  if (key === "") return null;
  const known = RELATIONSHIPS.find((r) => r === key);
  if (known) return known;
  return Object.prototype.hasOwnProperty.call(RELATIONSHIP_WORDS, key) ? (RELATIONSHIP_WORDS[key] ?? null) : null;
}

export type DateOrder = "month-first" | "day-first";

function monthDay(month: number, day: number): string | null {
  // Without a year, 29 February is a real birthday.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2000, month)) return null;
  return `--${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * A birthday as a property value, or why it cannot be one. Reads `1990-04-02`, `19900402`,
 * `1990-04-02T00:00:00Z`, `--04-02`, `--0402`, `2.4.1990` (day first), and `4/2/1990` in the
 * given order; Outlook's empty `0/0/00` is no birthday. Two-digit years are refused.
 */
export function parseBirthday(text: string | null | undefined, order: DateOrder = "month-first"): { value: string | null; problem: string | null } {
  const raw = cleanText(text);
  if (raw === "" || /^0?0[/.]0?0[/.](?:00|0000)$/.test(raw)) return { value: null, problem: null };
  const bad = { value: null, problem: `Birthday "${raw}" is not a date; it was left out.` };
  let m = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(raw);
  if (m) {
    const date = `${m[1]}-${m[2]}-${m[3]}`;
    return isValidIsoDate(date) ? { value: date, problem: null } : bad;
  }
  m = /^--(\d{2})-?(\d{2})$/.exec(raw);
  if (m) {
    const value = monthDay(Number(m[1]), Number(m[2]));
    return value ? { value, problem: null } : bad;
  }
  m = /^(\d{1,2})([/.])(\d{1,2})\2(\d{2}|\d{4})$/.exec(raw);
  if (m) {
    if ((m[4] ?? "").length === 2) return { value: null, problem: `Birthday "${raw}" has a two-digit year; write the year in full. It was left out.` };
    const a = Number(m[1]);
    const b = Number(m[3]);
    const dayFirst = m[2] === "." || order === "day-first";
    const [month, day] = dayFirst ? [b, a] : [a, b];
    const date = `${m[4]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    return isValidIsoDate(date) ? { value: date, problem: null } : bad;
  }
  return bad;
}

/** A birthday property value from a parsed `Birthday`. */
export function birthdayValue(birthday: Birthday): string {
  const mm = String(birthday.month).padStart(2, "0");
  const dd = String(birthday.day).padStart(2, "0");
  return birthday.year === null ? `--${mm}-${dd}` : `${String(birthday.year).padStart(4, "0")}-${mm}-${dd}`;
}

// ---------------------------------------------------------------------------------------------
// Export

/** What an export writes about a person. */
export interface ExportContact {
  name: string;
  /** The `first-name` and `last-name` properties; without them, the parts of the name (`nameParts`). */
  firstName: string | null;
  lastName: string | null;
  aliases: string[];
  relationship: Relationship | null;
  role: string | null;
  team: string | null;
  tags: string[];
  birthday: Birthday | null;
}

/** What an export says about a row of the People table (names and birthday come from the note). */
export function exportContact(row: PersonRow, person: Pick<Person, "firstName" | "lastName" | "birthday"> | null): ExportContact {
  return {
    name: row.name,
    firstName: nonEmpty(person?.firstName),
    lastName: nonEmpty(person?.lastName),
    aliases: [...row.aliases],
    relationship: row.relationship,
    role: row.role,
    team: row.team,
    tags: [...row.tags],
    birthday: person?.birthday ?? null,
  };
}

/**
 * A free file name in a folder: `People export 2026-11-21.vcf`, else `… 2.vcf`, `… 3.vcf`…
 * `taken` says whether a path is in use (ignoring case).
 */
export function freePath(folder: string, stem: string, extension: string, taken: (path: string) => boolean): string {
  const prefix = folder === "" ? "" : `${folder.replace(/\/+$/, "")}/`;
  for (let n = 1; ; n++) {
    const path = `${prefix}${stem}${n === 1 ? "" : ` ${n}`}.${extension}`;
    if (!taken(path)) return path;
  }
}

/**
 * The text of a contacts file given as bytes: UTF-8 (with or without a byte order mark),
 * UTF-16 with a byte order mark, else Windows-1252 (what older Outlook writes).
 */
export function decodeContactsFile(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "UTF-16" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "UTF-16" };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "UTF-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(body), encoding: "Windows-1252" };
  }
}
