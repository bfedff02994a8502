/**
 * Note paths and safe file names.
 *
 * A person's name becomes a file name that every platform Obsidian runs on accepts and that an
 * Obsidian link can point to. `safeFileName` returns "" when nothing usable is left (a name made
 * only of forbidden characters): callers must check for it and tell the user, never create a
 * note named "". Different names can give the same file (`Anya: PM` and `Anya PM`, or `anya` and
 * `Anya` on a case-insensitive disk): `fileNameCollision` says when two names do.
 */
import { isValidIsoDate, toParts } from "./dates";
import type { IsoDate } from "./types";

/** Characters Obsidian or some file system refuses in a file name. */
const FORBIDDEN = /[\\/:*?"<>|#^[\]]/g;
/** Names Windows reserves for devices, with or without an extension. */
const RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/** The longest file name, in UTF-8 bytes, before `.md`: room is left for the extension. */
export const MAX_FILE_NAME_BYTES = 200;

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/** Whole code points (never half a surrogate pair) up to `max` UTF-8 bytes. */
function truncateUtf8(text: string, max: number): string {
  let bytes = 0;
  let out = "";
  for (const char of text) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (bytes + size > max) break;
    bytes += size;
    out += char;
  }
  return out;
}

export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (const char of text) bytes += utf8Length(char.codePointAt(0) ?? 0);
  return bytes;
}

/**
 * Control characters (C0, C1) become spaces; lone surrogates (not encodable in UTF-8), bidi
 * overrides and isolates, and the byte order mark (they make a name look like another) go.
 */
function withoutUnsafeCharacters(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) out += " ";
    else if (code >= 0xd800 && code <= 0xdfff) continue;
    else if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0xfeff) continue;
    else out += char;
  }
  return out;
}

function tidy(name: string): string {
  let text = name
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/\s+/g, " ")
    .replace(/\.{2,}/g, ".")
    .replace(/^[\s.]+/, "")
    .replace(/[\s.]+$/, "");
  const dot = text.indexOf(".");
  const stem = (dot < 0 ? text : text.slice(0, dot)).trimEnd();
  if (RESERVED.test(stem)) text = stem + "_" + (dot < 0 ? "" : text.slice(dot));
  return text;
}

/**
 * A name made safe as a file name (without extension): no `\ / : * ? " < > | # ^ [ ]` (each run
 * becomes a space), no control, bidi-override or lone surrogate characters, spaces collapsed, no
 * leading dots, no `..`, no trailing dots or spaces, Windows device names (`CON`, `COM1`…) get a
 * `_`, NFC, at most 200 UTF-8 bytes cut between characters. "" when nothing is left.
 */
export function safeFileName(name: string): string {
  let text = withoutUnsafeCharacters(String(name)).normalize("NFC").replace(FORBIDDEN, " ");
  text = tidy(text);
  // Cutting or normalizing can expose a trailing dot or space again: repeat until stable.
  for (let round = 0; round < 5; round++) {
    const next = tidy(truncateUtf8(text, MAX_FILE_NAME_BYTES).normalize("NFC"));
    if (next === text) break;
    text = next;
  }
  return text;
}

/** Whether a name can be used as it is: non-empty and unchanged by `safeFileName`. */
export function isSafeFileName(name: string): boolean {
  return name !== "" && safeFileName(name) === name;
}

/** The key two names share when they would be the same file on a case-insensitive disk. */
export function fileNameKey(name: string): string {
  return safeFileName(name).toLowerCase();
}

/**
 * Whether two different names would be stored as the same file (after `safeFileName`, ignoring
 * case as macOS and Windows do). Names that give "" never collide: they are refused anyway.
 */
export function fileNameCollision(a: string, b: string): boolean {
  if (a === b) return false;
  const key = fileNameKey(a);
  return key !== "" && key === fileNameKey(b);
}

/** A name as the user means it: NFC, runs of spaces as one, no spaces at the ends. */
function typedName(name: string): string {
  return String(name).normalize("NFC").replace(/\s+/g, " ").trim();
}

/** Whether two names are the same name, however they were spaced or composed (case counts). */
export function isSameName(a: string, b: string): boolean {
  return typedName(a) === typedName(b);
}

/**
 * The name among `taken` that is a different name but would be stored in the same file as
 * `name` ("Kim: the builder" and "Kim the builder", "kim lee" and "Kim Lee"), or null. A name
 * equal to one of `taken` (however it was spaced or composed) is that person, not a clash.
 */
export function nameClash(name: string, taken: readonly string[]): string | null {
  const key = fileNameKey(name);
  if (key === "") return null;
  if (taken.some((other) => isSameName(other, name))) return null;
  return taken.find((other) => fileNameKey(other) === key) ?? null;
}

/** A vault path as Obsidian writes it: `/` only, single, none at the ends, NFC; "" is the root. */
export function normalizeVaultPath(path: string): string {
  return path
    .replace(/[\\/]+/g, "/")
    .replace(/^\/+|\/+$/g, "")
    .replace(/[\u00a0\u202f]/g, " ")
    .normalize("NFC");
}

function joinPath(folder: string, rest: string): string {
  const base = normalizeVaultPath(folder);
  return normalizeVaultPath(base === "" ? rest : `${base}/${rest}`);
}

/**
 * The default name of a per-meeting note: `1-1s/Anya Petrova/2026-11-21 Anya Petrova.md`. It
 * carries the date (the notes of one person sort by it) and the person (a tab tells meetings apart,
 * and `[[2026-11-21]]` stays the daily note); the recognizer reads it as a 1:1 with that person.
 */
export const DEFAULT_NOTE_PATTERN = "{{person}}/{{date}} {{person}}";

/** The default of versions before 2, which named a 1:1 note by its date alone. */
export const FORMER_DEFAULT_NOTE_PATTERN = "{{person}}/{{date}}";

const PATTERN_TOKEN = /\{\{[ \t]*([A-Za-z_]+)[ \t]*\}\}/g;
const PATTERN_TOKENS = ["person", "date", "year", "month", "day"];

export interface MeetingPathInput {
  /** The 1:1 folder; "" for the vault root. */
  folder: string;
  /** Default `{{person}}/{{date}} {{person}}`; also `{{year}}`, `{{month}}`, `{{day}}`; `/` separates folders. */
  pattern?: string;
  personName: string;
  date: IsoDate;
}

/**
 * The path of a per-meeting note: the pattern filled in, each folder and the file name made safe
 * on their own (a `/` in a name never creates a folder), `.md` added. Parts left empty are
 * dropped; if nothing is left the date is the name.
 */
export function meetingNotePath(input: MeetingPathInput): string {
  const pattern = (input.pattern ?? "").trim() || DEFAULT_NOTE_PATTERN;
  const parts = isValidIsoDate(input.date) ? toParts(input.date) : null;
  const values: Record<string, string> = {
    // Made safe on its own too, so that a name is the same in a folder and in a file name.
    person: safeFileName(input.personName),
    date: input.date,
    year: parts ? String(parts.year).padStart(4, "0") : "",
    month: parts ? String(parts.month).padStart(2, "0") : "",
    day: parts ? String(parts.day).padStart(2, "0") : "",
  };
  const segments = pattern
    .replace(/\.md$/i, "")
    .split(/[\\/]+/)
    .map((segment) =>
      safeFileName(
        segment.replace(PATTERN_TOKEN, (whole: string, name: string) => values[name.toLowerCase()] ?? whole),
      ),
    )
    .filter((segment) => segment !== "");
  if (segments.length === 0) segments.push(safeFileName(input.date) || "Untitled");
  return joinPath(input.folder, `${segments.join("/")}.md`);
}

/**
 * `1-1s/Anya Petrova 1-1s.md`: a new running log of a person. It never takes the person note's
 * own name, so `[[Anya Petrova]]` keeps leading to her note; the recognizer reads it as a log of
 * hers. "" when the name has nothing usable.
 */
export function logNotePath(input: { folder: string; personName: string }): string {
  const name = safeFileName(input.personName);
  return name === "" ? "" : joinPath(input.folder, `${safeFileName(`${name} 1-1s`)}.md`);
}

/** `People/Anya Petrova.md`. "" when the name has nothing usable. */
export function personNotePath(input: { folder: string; name: string }): string {
  const name = safeFileName(input.name);
  return name === "" ? "" : joinPath(input.folder, `${name}.md`);
}

/**
 * What is wrong with a per-meeting name pattern, or null. It must place the note inside the 1:1
 * folder (not absolute, no `..`), contain `{{date}}` and `{{person}}` (without the person, two
 * people met on the same day would share one note), and use only known placeholders.
 */
export function validatePattern(pattern: string): string | null {
  const text = pattern.trim();
  if (text === "") return "The pattern is empty.";
  if (/^[\\/]/.test(text) || /^[A-Za-z]:/.test(text)) {
    return "The pattern must be a path inside the 1:1 folder, not an absolute path.";
  }
  if (text.split(/[\\/]+/).some((segment) => segment.trim() === "..")) {
    return "The pattern must not leave the 1:1 folder with \"..\".";
  }
  const names = Array.from(text.matchAll(PATTERN_TOKEN), (match) => (match[1] ?? "").toLowerCase());
  const unknown = names.filter((name) => !PATTERN_TOKENS.includes(name));
  if (unknown.length > 0) {
    const list = Array.from(new Set(unknown), (name) => `{{${name}}}`).join(", ");
    return `Unknown placeholder ${list}: use {{person}}, {{date}}, {{year}}, {{month}} or {{day}}.`;
  }
  if (/[{}]/.test(text.replace(PATTERN_TOKEN, ""))) return "The pattern has a brace outside a placeholder.";
  if (!names.includes("date")) return "The pattern must contain {{date}}, so that each meeting gets its own note.";
  if (!names.includes("person")) {
    return "The pattern must contain {{person}}, so that two people met on the same day get separate notes.";
  }
  return null;
}

/** `People/Anya Petrova.md` → `Anya Petrova`. */
export function baseName(path: string): string {
  const file = path.slice(path.lastIndexOf("/") + 1);
  return hasMdExtension(file) ? file.slice(0, -3) : file;
}

/** Ends with `.md`, in any case (as `/\.md$/i` tests, without a regular expression). */
function hasMdExtension(name: string): boolean {
  const n = name.length;
  return (
    n >= 3 &&
    name.charCodeAt(n - 3) === 0x2e &&
    (name.charCodeAt(n - 2) | 0x20) === 0x6d &&
    (name.charCodeAt(n - 1) | 0x20) === 0x64
  );
}

/** Whether `path` lies inside `folder` (at any depth); "" means the whole vault. */
export function isInFolder(path: string, folder: string): boolean {
  if (folder === "") return true;
  return path.toLowerCase().startsWith(folder.toLowerCase() + "/");
}
