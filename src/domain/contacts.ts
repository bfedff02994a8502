/**
 * Contacts brought in from elsewhere (vCard, CSV) and the plan of importing them as person notes.
 * Reading the formats is in `vcard.ts` and `contacts-csv.ts`; both give `Contact`s.
 *
 * Decisions:
 * - A contact without a usable name is a bad row: listed with the reason, never imported. A
 *   contact with a bad birthday or relationship is imported without it, with a warning.
 * - Existing people are matched by their name and aliases (as written, and as slugs: "José
 *   García" matches "Jose Garcia"), never by a first name alone. A contact matching two people
 *   is skipped, so that nothing is written to the wrong note.
 * - An existing person is updated only in properties that are empty. First and last name are not
 *   written when they say no more than the note's name already does ("Anya" and "Petrova" for
 *   "Anya Petrova"), so exporting and importing again changes nothing.
 * - Two contacts of the file with the same name (or the same file name) are one person: the
 *   later one fills what the first lacks and is listed as merged.
 * - Team is the organizational unit (ORG's department, the Department column), else the
 *   organization; role is the job title.
 */
import { personNotePath, fileNameKey, safeFileName } from "./paths";
import { readProperty } from "./person";
import { lookupKey, peopleByName } from "./person-names";
import { isEmptyValue, personNoteText } from "./person-note";
import { splitName } from "./people-table";
import { daysInMonth, isValidIsoDate } from "./dates";
import { RELATIONSHIPS, type Birthday, type Relationship } from "./types";
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
// The import plan

/** A person note of the vault, with its properties as they are, to judge what is empty. */
export interface ExistingPerson {
  path: string;
  name: string;
  aliases: string[];
  frontmatter: Record<string, unknown> | null;
}

export interface ImportOptions {
  peopleFolder: string;
  /** The relationship chosen in the dialog, for contacts that bring none. */
  relationship: Relationship | null;
  /** Tags chosen in the dialog, added to every contact's. */
  tags: string[];
  queueHeading: string;
  /** Whether a file exists at a path (any case). */
  exists?: (path: string) => boolean;
}

export interface ImportCreate {
  contact: Contact;
  path: string;
  name: string;
  text: string;
}

export interface ImportUpdate {
  contact: Contact;
  path: string;
  name: string;
  /** Property values to set where the note has none (canonical names). */
  values: Record<string, unknown>;
}

export interface ImportPlan {
  creates: ImportCreate[];
  updates: ImportUpdate[];
  /** Contacts that match a person whose note has everything already. */
  unchanged: { contact: Contact; path: string; name: string }[];
  skipped: BadRow[];
  warnings: { row: number; label: string; name: string; message: string }[];
}

/** The property values a contact gives, with the dialog's relationship and tags. */
function contactValues(contact: Contact, options: ImportOptions): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (contact.firstName) values["first-name"] = contact.firstName;
  if (contact.lastName) values["last-name"] = contact.lastName;
  const aliases = uniqueTexts(contact.aliases).filter((alias) => lookupKey(alias) !== lookupKey(contact.name));
  if (aliases.length > 0) values.aliases = aliases;
  const relationship = contact.relationship ?? options.relationship;
  if (relationship) values.relationship = relationship;
  if (contact.role) values.role = contact.role;
  if (contact.team) values.team = contact.team;
  if (contact.birthday) values.birthday = contact.birthday;
  const tags = toTags([...contact.tags, ...options.tags]);
  if (tags.length > 0) values.tags = tags;
  return values;
}

/** Fills what `into` lacks from `from` (a later contact with the same name). */
function mergeContact(into: Contact, from: Contact): void {
  into.firstName ??= from.firstName;
  into.lastName ??= from.lastName;
  into.birthday ??= from.birthday;
  into.relationship ??= from.relationship;
  into.role ??= from.role;
  into.team ??= from.team;
  into.aliases = uniqueTexts([...into.aliases, ...from.aliases]);
  into.tags = toTags([...into.tags, ...from.tags]);
}

/**
 * What importing the contacts would do: person notes to create, people to update (only empty
 * properties), and rows skipped with their reason. Pure; the bad rows of reading come first.
 */
export function planImport(read: ContactsRead, people: readonly ExistingPerson[], options: ImportOptions): ImportPlan {
  const exists = options.exists ?? (() => false);
  const find = peopleByName(people);
  const plan: ImportPlan = { creates: [], updates: [], unchanged: [], skipped: [...read.bad], warnings: [] };

  // One contact per name: later ones with the same name (or file name) are merged into the first.
  const firstByKey = new Map<string, Contact>();
  const contacts: Contact[] = [];
  for (const original of read.contacts) {
    const contact: Contact = { ...original, aliases: [...original.aliases], tags: [...original.tags], warnings: [...original.warnings] };
    const keys = [lookupKey(contact.name), `file:${fileNameKey(contact.name)}`];
    const earlier = keys.map((key) => firstByKey.get(key)).find((c) => c !== undefined);
    if (earlier) {
      mergeContact(earlier, contact);
      plan.skipped.push({ row: contact.row, label: contact.label, reason: `${contact.name}: the same person as ${earlier.label.toLowerCase()}; merged into it.` });
      continue;
    }
    for (const key of keys) firstByKey.set(key, contact);
    contacts.push(contact);
  }

  const claimed = new Map<string, Contact>();
  for (const contact of contacts) {
    for (const message of contact.warnings) plan.warnings.push({ row: contact.row, label: contact.label, name: contact.name, message });
    const values = contactValues(contact, options);
    const matches = find(contact.name);
    if (matches.length > 1) {
      const names = matches.map((p) => p.name).join(", ");
      plan.skipped.push({ row: contact.row, label: contact.label, reason: `${contact.name} matches several people (${names}); nothing was changed.` });
      continue;
    }
    const person = matches[0];
    if (person) {
      const earlier = claimed.get(person.path);
      if (earlier) {
        plan.skipped.push({ row: contact.row, label: contact.label, reason: `${contact.name}: the same person as ${earlier.label.toLowerCase()} (${person.name}).` });
        continue;
      }
      claimed.set(person.path, contact);
      const split = splitName(person.name);
      const missing: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(values)) {
        if (!isEmptyValue(readProperty(person.frontmatter ?? {}, key))) continue;
        if (key === "first-name" && value === split.firstName) continue;
        if (key === "last-name" && value === split.lastName) continue;
        missing[key] = value;
      }
      if (Object.keys(missing).length > 0) plan.updates.push({ contact, path: person.path, name: person.name, values: missing });
      else plan.unchanged.push({ contact, path: person.path, name: person.name });
      continue;
    }
    const fileName = safeFileName(contact.name);
    const path = personNotePath({ folder: options.peopleFolder, name: fileName });
    if (exists(path)) {
      plan.skipped.push({ row: contact.row, label: contact.label, reason: `${contact.name}: a note "${path}" exists and is not a person note.` });
      continue;
    }
    const aliases = (values.aliases as string[] | undefined) ?? [];
    if (fileName !== contact.name) aliases.unshift(contact.name);
    const text = personNoteText(
      {
        firstName: contact.firstName,
        lastName: contact.lastName,
        aliases,
        relationship: (values.relationship as Relationship | undefined) ?? null,
        role: contact.role,
        team: contact.team,
        birthday: contact.birthday,
        tags: (values.tags as string[] | undefined) ?? [],
      },
      options.queueHeading,
    );
    plan.creates.push({ contact, path, name: contact.name, text });
  }
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Export

/** What an export writes about a person. */
export interface ExportContact {
  name: string;
  firstName: string | null;
  lastName: string | null;
  aliases: string[];
  relationship: Relationship | null;
  role: string | null;
  team: string | null;
  tags: string[];
  birthday: Birthday | null;
}

/** What an export says about a row of the People table (the birthday comes from the note). */
export function exportContact(row: PersonRow, birthday: Birthday | null): ExportContact {
  return {
    name: row.name,
    firstName: row.firstName,
    lastName: row.lastName,
    aliases: [...row.aliases],
    relationship: row.relationship,
    role: row.role,
    team: row.team,
    tags: [...row.tags],
    birthday,
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
