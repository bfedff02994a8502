/**
 * A person note's properties read into a `Person`, robust to whatever a user (or another plugin)
 * put into the front matter. Nothing here throws: what cannot be read becomes a `Problem`.
 */
import { parseCadence } from "./cadence";
import { daysInMonth, maxDate, parseIsoDate } from "./dates";
import { baseName } from "./paths";
import { isPersonWord } from "./recognition/words";
import { RELATIONSHIPS } from "./types";
import type { Birthday, Cadence, IsoDate, Person, Problem, Relationship } from "./types";

export interface PersonSource {
  path: string;
  frontmatter: Record<string, unknown> | null | undefined;
  /** The note's title (its first heading of level 1), when it has one. */
  title?: string | null;
}

/** A property name folded for comparison: `Last-Seen`, `last_seen`, `lastSeen` → `lastseen`. */
export function foldPropertyName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, "");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * The value of the first of `names` present in the front matter, compared case-insensitively and
 * ignoring `-`, `_` and spaces. An exact spelling wins over a folded one. Missing → undefined.
 */
export function readProperty(frontmatter: unknown, ...names: string[]): unknown {
  if (!isRecord(frontmatter)) return undefined;
  const keys = Object.keys(frontmatter);
  for (const name of names) {
    if (keys.includes(name)) return frontmatter[name];
  }
  const wanted = new Set(names.map(foldPropertyName));
  for (const key of keys) {
    if (wanted.has(foldPropertyName(key))) return frontmatter[key];
  }
  return undefined;
}

/** A short, safe description of any value for a problem message. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (typeof value === "string") return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value instanceof Date) return "a date object";
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

/** Strips `[[target|alias]]` to the alias (or the target's base name) for display. */
function linkDisplay(text: string): string {
  const m = /^\[\[([^[\]|]*)(?:\|([^[\]]*))?\]\]$/.exec(text);
  if (!m) return text;
  const alias = (m[2] ?? "").trim();
  if (alias !== "") return alias;
  const target = (m[1] ?? "").split("#")[0] ?? "";
  return (target.split("/").pop() ?? target).trim();
}

/** Strips `[[target|alias]]` or `[[target#heading]]` to the target. */
export function linkTargetOf(text: string): string {
  const m = /^\[\[([^[\]|#]*)(?:[#|][^[\]]*)?\]\]$/.exec(text.trim());
  return m ? (m[1] ?? "").trim() : text.trim();
}

function scalarText(value: unknown): string | null {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "bigint" || typeof value === "boolean") return String(value);
  return null;
}

interface Reader {
  problems: Problem[];
  problem(field: string, message: string): void;
}

function makeReader(): Reader {
  const problems: Problem[] = [];
  return { problems, problem: (field, message) => problems.push({ field, message }) };
}

/** A text property: scalars become text, a list of scalars is joined, links show their text. */
function readText(r: Reader, field: string, label: string, value: unknown, keepLinks = false): string | null {
  if (value === null || value === undefined) return null;
  let text = scalarText(value);
  if (text === null && Array.isArray(value)) {
    const parts = value.map(scalarText);
    if (parts.every((p): p is string => p !== null)) text = parts.filter((p) => p !== "").join(", ");
  }
  if (text === null) {
    r.problem(field, `${label} should be text, not ${describeValue(value)}.`);
    return null;
  }
  text = keepLinks ? text : linkDisplay(text);
  return text === "" ? null : text;
}

function readList(r: Reader, field: string, label: string, value: unknown, split: RegExp, splitItems: boolean): string[] {
  if (value === null || value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  let bad = false;
  for (const item of items) {
    if (item === null || item === undefined) continue;
    const text = scalarText(item);
    if (text === null) {
      bad = true;
      continue;
    }
    for (const part of Array.isArray(value) && !splitItems ? [text] : text.split(split)) {
      const trimmed = part.trim();
      if (trimmed !== "" && !out.includes(trimmed)) out.push(trimmed);
    }
  }
  if (bad) r.problem(field, `${label} should be text or a list of text; some of it is ${describeValue(value)}.`);
  return out;
}

const RELATIONSHIP_SYNONYMS: Record<string, Relationship> = {
  "direct report": "report",
  direct: "report",
  "skip-level": "skip",
  "skip level": "skip",
  "skip-level manager": "skip",
  colleague: "peer",
  boss: "manager",
};

/**
 * The relationship a word names: one of the relationships (`report`, `mentor`…), in any case, or a
 * synonym (`direct report`, `skip-level`, `colleague`, `boss`); null for anything else.
 */
export function relationshipOf(text: string): Relationship | null {
  const key = text.trim().toLowerCase().replace(/\s+/g, " ");
  const known = RELATIONSHIPS.find((rel) => rel === key);
  if (known) return known;
  return Object.prototype.hasOwnProperty.call(RELATIONSHIP_SYNONYMS, key) ? (RELATIONSHIP_SYNONYMS[key] ?? null) : null;
}

function readRelationship(r: Reader, value: unknown): Relationship | null {
  const text = readText(r, "relationship", "Relationship", value);
  if (text === null) return null;
  const known = relationshipOf(text);
  if (known) return known;
  r.problem("relationship", `Relationship "${text}" is unknown; use one of: ${RELATIONSHIPS.join(", ")}.`);
  return null;
}

function readCadence(r: Reader, value: unknown): Cadence | null {
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) return null;
  const result = parseCadence(value);
  if ("cadence" in result) return result.cadence;
  r.problem("cadence", result.problem);
  return null;
}

function readDate(r: Reader, field: string, label: string, value: unknown): IsoDate | null {
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) return null;
  const items = Array.isArray(value) ? value : [value];
  const dates = items.map(parseIsoDate);
  const bad = items.filter(
    (item, i) => dates[i] === null && item !== null && item !== undefined && !(typeof item === "string" && item.trim() === ""),
  );
  if (bad.length > 0) {
    r.problem(field, `${label} ${describeValue(bad[0])} is not a valid date; write it as YYYY-MM-DD.`);
  }
  return maxDate(...dates);
}

/**
 * The properties that say when someone was last seen or contacted, as users and other plugins
 * name them: `last-seen`, `last_contact`, `lastContacted`, `lastTalk`… The latest of them counts.
 */
const LAST_SEEN_PROPERTIES = ["lastseen", "lastcontact", "lastcontacted", "lasttalk", "lastmet", "lastinteraction", "lastmeeting"];

function readLastSeen(r: Reader, frontmatter: unknown): IsoDate | null {
  if (!isRecord(frontmatter)) return null;
  const dates: (IsoDate | null)[] = [];
  for (const key of Object.keys(frontmatter)) {
    if (!LAST_SEEN_PROPERTIES.includes(foldPropertyName(key))) continue;
    dates.push(readDate(r, key, "Last seen", frontmatter[key]));
  }
  return maxDate(...dates);
}

/** `cadence_days: 90` → "90d". */
function daysCadence(value: unknown): unknown {
  if (typeof value === "number" && Number.isInteger(value) && value > 0) return `${value}d`;
  if (typeof value === "string" && /^\s*\d+\s*$/.test(value)) return `${value.trim()}d`;
  return value;
}

const BIRTHDAY_NO_YEAR = /^-{0,2}(\d{1,2})-(\d{1,2})$/;

function readBirthday(r: Reader, value: unknown): Birthday | null {
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) return null;
  const single = Array.isArray(value) && value.length === 1 ? (value[0] as unknown) : value;
  const date = parseIsoDate(single);
  if (date !== null) {
    return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
  }
  if (typeof single === "string") {
    const m = BIRTHDAY_NO_YEAR.exec(single.trim());
    if (m) {
      const month = Number(m[1]);
      const day = Number(m[2]);
      // Without a year, 29 February is a real birthday (a leap year is assumed).
      if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2000, month)) return { year: null, month, day };
    }
  }
  r.problem("birthday", `Birthday ${describeValue(single)} is not a valid date; write it as YYYY-MM-DD or --MM-DD.`);
  return null;
}

const TRUE_WORDS = new Set(["true", "yes", "y", "on", "1", "archived"]);
const FALSE_WORDS = new Set(["false", "no", "n", "off", "0", ""]);

function readBoolean(r: Reader, field: string, label: string, value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  if (typeof value === "string") {
    const key = value.trim().toLowerCase();
    if (TRUE_WORDS.has(key)) return true;
    if (FALSE_WORDS.has(key)) return false;
  }
  r.problem(field, `${label} should be true or false, not ${describeValue(value)}.`);
  return false;
}

function readTags(r: Reader, frontmatter: unknown): string[] {
  const value = readProperty(frontmatter, "tags", "tag");
  const tags = readList(r, "tags", "Tags", value, /[\s,]+/, true);
  const out: string[] = [];
  for (const tag of tags) {
    const clean = tag.replace(/^#+/, "");
    if (clean !== "" && !out.includes(clean)) out.push(clean);
  }
  return out;
}

/** The display name of a person note by its file: base name without a leading `@` or `!`. */
export function personName(path: string): string {
  const base = baseName(path);
  const stripped = base.replace(/^[@!]+\s*/, "").trim();
  return stripped === "" ? base : stripped;
}

/** Letters and digits only, lower case, accents dropped: `!AveryChen` and "Avery Chen" agree. */
function letters(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * The name a person is shown by.
 * - A note named as a slug or a handle — no spaces, in lower case (`ben-cohen`, `altan`), or
 *   joined words (`!AveryChen`) — shows the name its `name` (or `title`) property gives ("Ben
 *   Cohen"), or its title (its first heading) when the title spells the same letters ("Avery
 *   Chen"), starts with the file's one word ("Altan Stalker"), or says it in brackets ("Joshua
 *   VanAllen (JVA)" for `jva`); a bracketed remark after the title is left out.
 * - A note named with its type in front (`Person - Sarah Chen`) shows the name after it.
 * - Any other note shows its file name (without a leading `@` or `!`).
 */
export function displayName(path: string, frontmatter: unknown, title: string | null | undefined): string {
  const file = personName(path);
  const typed = /^(\p{L}+)\s+[-–—:]\s+(.+)$/u.exec(file);
  if (typed?.[1] && typed[2] && isPersonWord(typed[1])) return typed[2].trim();
  if (/\s/.test(file)) return file;
  const isSlug = file === file.toLowerCase();
  const isHandle = /^[@!]/.test(baseName(path)) || /\p{Ll}\p{Lu}/u.test(file);
  if (!isSlug && !isHandle) return file;
  const property = readProperty(frontmatter, "name", "full-name", "fullname", "title");
  const named = typeof property === "string" ? linkDisplay(property.trim()) : "";
  if (named !== "" && !/[[\]{}<>|#^]/.test(named) && (isSlug || letters(named) === letters(file))) return named;
  const heading = (title ?? "").trim();
  const bracket = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(heading);
  const plain = (bracket?.[1] ?? heading).trim();
  if (plain === "" || /[[\]{}<>|#^]/.test(plain)) return file;
  const fileLetters = letters(file);
  if (letters(plain) === fileLetters) return plain;
  if (!/[-_.]/.test(file) && letters(plain.split(/\s+/)[0] ?? "") === fileLetters) return plain;
  if (bracket?.[2] && letters(bracket[2]) === fileLetters) return plain;
  return file;
}

/** Direction overrides, embeddings and isolates: invisible, they make a name read as another. */
const DIRECTION_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
/** Characters that end a link's target in Obsidian: `[[C# Dev]]` points to "C". */
const LINK_BREAKING = /[#^[\]|]/;

/** What is wrong with the note's name as a person's name. */
function readName(r: Reader, name: string): string {
  if (name.trim() === "") {
    r.problem("name", "The note has no name; rename it after the person.");
    return name;
  }
  if (!/[\p{L}\p{N}]/u.test(name)) {
    r.problem("name", "The name has no letters or digits, so links and @names cannot tell this person apart; rename the note.");
  }
  if (DIRECTION_CONTROLS.test(name)) {
    r.problem("name", "The name holds invisible direction marks that make it read as something else; rename the note.");
  }
  if (LINK_BREAKING.test(name)) {
    r.problem("name", "The name holds a character that breaks links (# ^ [ ] |), so 1:1 notes cannot link to it; rename the note.");
  }
  return name;
}

/** Reads a person note. Never throws; what cannot be read is listed in `problems`. */
export function parsePerson(source: PersonSource): Person {
  const r = makeReader();
  const path = typeof source.path === "string" ? source.path : "";
  const fm: unknown = source.frontmatter;
  const prop = (...names: string[]): unknown => readProperty(fm, ...names);
  return {
    path,
    name: readName(r, displayName(path, fm, source.title)),
    aliases: readList(r, "aliases", "Aliases", prop("aliases", "alias"), /,/, false),
    relationship:
      readRelationship(r, prop("relationship", "relationship-type", "relation")) ??
      (readProperty(fm, "direct-report", "directReport", "direct_report") === true ? "report" : null),
    role: readText(r, "role", "Role", prop("role")),
    team: readText(r, "team", "Team", prop("team")),
    cadence: readCadence(r, prop("cadence", "frequency", "contact-frequency", "meets") ?? daysCadence(prop("cadence-days", "cadence_days", "cadenceDays"))),
    lastSeen: readLastSeen(r, fm),
    birthday: readBirthday(r, prop("birthday")),
    firstName: readText(r, "first-name", "First name", prop("first-name", "first_name", "firstName")),
    lastName: readText(r, "last-name", "Last name", prop("last-name", "last_name", "lastName")),
    archived: readBoolean(r, "archived", "Archived", prop("archived")),
    snoozeUntil: readDate(r, "snooze-until", "Snooze until", prop("snooze-until", "snooze_until", "snoozeUntil")),
    tags: readTags(r, fm),
    log: readLog(r, prop("log")),
    problems: r.problems,
  };
}

function readLog(r: Reader, value: unknown): string | null {
  const text = readText(r, "log", "Log", Array.isArray(value) && value.length === 1 ? (value[0] as unknown) : value, true);
  if (text === null) return null;
  const markdown = /^\[[^\]]*\]\(([^)]*)\)$/.exec(text);
  if (markdown) return safeDecode(markdown[1] ?? "").replace(/\.md$/i, "");
  const target = linkTargetOf(text);
  return target === "" ? null : target;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
