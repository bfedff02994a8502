import { dateInFileName, datedHeading, parseIsoDate } from "../domain/dates";
import type { IsoDate } from "../domain/types";
import { baseName, isInFolder, linkTargetKey, parentPath, type FileFacts } from "./facts";
import { interned, internedOrNull } from "./intern";

/** The settings that decide what a note is. */
export interface RecognitionSettings {
  peopleFolder: string;
  meetingsFolder: string;
  personTags: string[];
  meetingTags: string[];
  /** A note used as a template is never a person or a meeting. */
  templatePath: string;
}

export type MeetingStatus = "held" | "skipped" | "cancelled";

export interface LogEntry {
  date: IsoDate;
  line: number;
  level: number;
  status: MeetingStatus;
}

export type FileKind =
  | { kind: "person" }
  | {
      kind: "meeting";
      /** How the person was named in the note, e.g. `Anya Petrova`, `john-appleseed`; null: unknown. */
      personRef: string | null;
      personRefSource: "property" | "tag" | "folder" | "file name" | null;
      date: IsoDate | null;
      status: MeetingStatus;
      /** Dated headings: the note is a running log when it has no date of its own. */
      entries: LogEntry[];
      /**
       * A date the note gives that is no day (`date: 2026-02-30`, or such a file name): the note
       * is one meeting on an unknown day, never a running log.
       */
      badDate: string | null;
      /** A `status` that is not held, skipped or cancelled, as written (the 1:1 counts as held). */
      unknownStatus: string | null;
    }
  | { kind: "dated"; date: IsoDate }
  | { kind: "other" };

/** The entries of a 1:1 note with a date of its own: none (one array shared by all). */
const NO_ENTRIES = Object.freeze([]) as unknown as LogEntry[];

const MEETING_TYPES = new Set(["one-on-one", "1:1", "1-1", "121", "one on one", "oneonone", "1on1"]);
const PERSON_TYPES = new Set(["person", "people", "contact"]);
const ONE_ON_ONE_IN_NAME = /(^|[\s_\-.(])(1[-:]1s?|1on1|121|one[\s_-]on[\s_-]one)($|[\s_\-.)])/i;

function lowerStrings(value: unknown): string[] {
  if (typeof value === "string") return [value.trim().toLowerCase()];
  if (Array.isArray(value)) {
    return value.filter((item): item is string => typeof item === "string").map((item) => item.trim().toLowerCase());
  }
  if (typeof value === "number") return [String(value)];
  return [];
}

/** A property value by name (names given in lower case), case-insensitively. */
export function property(frontmatter: Record<string, unknown> | null, ...names: string[]): unknown {
  if (!frontmatter) return undefined;
  for (const name of names) {
    if (name in frontmatter) return frontmatter[name];
  }
  // Spelled otherwise: only a key with a capital letter can be (most notes have none).
  for (const key of Object.keys(frontmatter)) {
    if (hasCapital(key) && names.includes(key.toLowerCase())) return frontmatter[key];
  }
  return undefined;
}

/** Whether lower-casing may change `text`: an ASCII capital, or a character past ASCII. */
function hasCapital(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 65 && code <= 90) || code > 127) return true;
  }
  return false;
}

/** A folder named `templates`, `template`, `_templates` or `_template` anywhere in the path. */
const TEMPLATE_FOLDER = /(?:^|\/)_?templates?\//i;

function isTemplate(path: string, settings: RecognitionSettings): boolean {
  if (settings.templatePath && path.replace(/\.md$/i, "") === settings.templatePath.replace(/\.md$/i, "")) {
    return true;
  }
  return TEMPLATE_FOLDER.test(path);
}

/** `kanban-plugin: basic`, `excalidraw-plugin: parsed`, `database-plugin: basic`… */
function ownedByPlugin(frontmatter: Record<string, unknown> | null): boolean {
  return frontmatter !== null && Object.keys(frontmatter).some((key) => /-plugin$/i.test(key));
}

function hasTag(facts: FileFacts, tags: string[]): boolean {
  return facts.tags.some((tag) => tags.includes(tag));
}

/** Text of a `person` property: a link's target, or the plain text. */
function personFromProperty(value: unknown): string | null {
  const first = Array.isArray(value) ? (value as unknown[]).find((item) => typeof item === "string") : value;
  if (typeof first !== "string") return null;
  const text = first.trim();
  const link = /^\[\[([^\]]+)\]\]$/.exec(text);
  const ref = link?.[1] !== undefined ? linkTargetKey(link[1]) : text.replace(/^@/, "");
  if (ref === "" || /^_+[A-Z]+_+$/.test(ref)) return null; // empty or a template placeholder
  return ref;
}

/** The person a tag names: `people/anya-petrova` → `anya-petrova` (tags lower-cased, without `#`). */
export function personFromTags(tags: readonly string[]): string | null {
  for (const tag of tags) {
    const match = /^(?:people|person|persons|1-1|one-on-one)\/(.+)$/.exec(tag);
    if (match?.[1]) return match[1];
  }
  return null;
}

/** `2024-11-13 John Appleseed` → `John Appleseed`; `NomePersona_1-1` → `NomePersona`. */
export function personFromFileName(name: string): string | null {
  const rest = name
    .replace(/_/g, " ")
    .replace(/\d{4}-\d{2}-\d{2}/g, " ")
    .replace(/^@/, "")
    .replace(/\b(?:1[-:]1s?|1on1|one[\s_-]on[\s_-]one)\b/gi, " ")
    .replace(/(?:^|\s)121(?:\s|$)/g, " ")
    .replace(/\b(?:with|meeting|notes?)\b/gi, " ")
    .replace(/[_—–\-:]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return rest.length > 0 && /\p{L}/u.test(rest) ? rest : null;
}

/** A `status` property: held unless it says skipped or cancelled; anything else is unknown. */
function meetingStatus(value: unknown): { status: MeetingStatus; unknown: string | null } {
  if (value === null || value === undefined) return { status: "held", unknown: null };
  const text = typeof value === "string" ? value.trim().toLowerCase() : null;
  if (text === "" || text === "held") return { status: "held", unknown: null };
  if (text === "skipped") return { status: "skipped", unknown: null };
  if (text === "cancelled" || text === "canceled") return { status: "cancelled", unknown: null };
  return { status: "held", unknown: shown(value) };
}

/** A property value as the user would recognize it in a message (short). */
function shown(value: unknown): string {
  let text: string;
  if (typeof value === "string") text = value.trim();
  else if (typeof value === "number" || typeof value === "boolean") text = String(value);
  else if (Array.isArray(value)) text = "a list";
  else if (value instanceof Date) text = "a date";
  else text = "an object";
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** A date the note gives that is no day: a `date` property that is not empty, or a file name's. */
function badDateOf(value: unknown, name: string): string | null {
  if (value !== null && value !== undefined && !(typeof value === "string" && value.trim() === "")) return shown(value);
  const m = /(?:^|\D)(\d{4}-\d{2}-\d{2})(?:\D|$)/.exec(name);
  return m?.[1] ?? null;
}

function headingStatus(text: string): MeetingStatus {
  if (/\bskipped\b/i.test(text)) return "skipped";
  if (/\bcancell?ed\b/i.test(text)) return "cancelled";
  return "held";
}

export function logEntries(facts: FileFacts): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const heading of facts.headings) {
    const date = datedHeading(heading.text);
    if (date) entries.push({ date: interned(date), line: heading.line, level: heading.level, status: headingStatus(heading.text) });
  }
  return entries;
}

/** Decides what a note is by the generous rules of "Notes the user already has". */
export function classify(facts: FileFacts, settings: RecognitionSettings): FileKind {
  if (isTemplate(facts.path, settings)) return { kind: "other" };
  const fm = facts.frontmatter;
  const types = lowerStrings(property(fm, "type"));
  const name = baseName(facts.path);

  const explicitMeeting = types.some((type) => MEETING_TYPES.has(type));
  const explicitPerson = types.some((type) => PERSON_TYPES.has(type));
  // A board, drawing or database kept by another plugin is never a person or a 1:1 by place alone.
  if (!explicitMeeting && !explicitPerson && ownedByPlugin(fm)) {
    const date = parseIsoDate(property(fm, "date"));
    return date ? { kind: "dated", date } : { kind: "other" };
  }
  const isPerson =
    !explicitMeeting &&
    (explicitPerson || isInFolder(facts.path, settings.peopleFolder) || hasTag(facts, settings.personTags));
  if (isPerson) return { kind: "person" };

  const inMeetingsFolder = settings.meetingsFolder !== "" && isInFolder(facts.path, settings.meetingsFolder);
  const isMeeting =
    explicitMeeting || inMeetingsFolder || hasTag(facts, settings.meetingTags) || ONE_ON_ONE_IN_NAME.test(name);
  const date = internedOrNull(parseIsoDate(property(fm, "date")) ?? dateInFileName(name));

  if (isMeeting) {
    let personRef: string | null = personFromProperty(property(fm, "person", "people", "with"));
    let source: "property" | "tag" | "folder" | "file name" | null = personRef ? "property" : null;
    if (!personRef) {
      personRef = personFromTags(facts.tags);
      if (personRef) source = "tag";
    }
    const folder = parentPath(facts.path);
    if (!personRef && inMeetingsFolder && folder.toLowerCase() !== settings.meetingsFolder.toLowerCase()) {
      personRef = baseName(folder);
      source = "folder";
    }
    if (!personRef) {
      personRef = personFromFileName(name);
      if (personRef) source = "file name";
    }
    const status = meetingStatus(property(fm, "status"));
    const badDate = date ? null : badDateOf(property(fm, "date"), name);
    return {
      kind: "meeting",
      personRef,
      personRefSource: source,
      date,
      status: status.status,
      entries: date || badDate !== null ? NO_ENTRIES : logEntries(facts),
      badDate,
      unknownStatus: status.unknown,
    };
  }
  if (date) return { kind: "dated", date };
  return { kind: "other" };
}
