/**
 * What the recognizer reads of one note, and what it says the note is. Plain data: Obsidian's
 * metadata cache gives the facts, the note's text gives `NoteText` where it was read.
 */
import type { IsoDate } from "../types";
import type { NoteText } from "./note-text";

/** One note's facts, as Obsidian's metadata cache gives them. */
export interface NoteFacts {
  path: string;
  frontmatter: Record<string, unknown> | null;
  /** Every tag of the note (properties and body), lower-cased, without `#`. */
  tags: string[];
  headings: { text: string; level: number; line: number }[];
  /** Links to notes (not embeds): target without alias or heading; line -1 is a property. */
  links: { target: string; line: number }[];
  /** Tags written in the body, with their lines (lower-cased, without `#`). */
  bodyTags?: { tag: string; line: number }[];
  /** Lines of task list items, done or not. */
  taskLines?: number[];
  /** The first line after the properties block (0 without one). */
  bodyStart?: number;
}

/** The settings that decide what a note is. */
export interface RecognitionSettings {
  peopleFolder: string;
  meetingsFolder: string;
  personTags: string[];
  meetingTags: string[];
  /** A note used as a template is never a person or a meeting. */
  templatePath: string;
  /** Your own name: it never makes a note someone else's, and your `@name` is `@me`. */
  myName: string;
  /** A meeting not marked as a 1:1 that names one other known person is listed as a 1:1 with them. */
  oneOtherPersonIsOneOnOne: boolean;
}

export type MeetingStatus = "held" | "skipped" | "cancelled";

export interface LogEntry {
  date: IsoDate;
  line: number;
  /** Heading level; 0 for a dated line or field. */
  level: number;
  status: MeetingStatus;
}

/** Where a note names someone, strongest first (see `personCandidates`). */
export type CandidateSource = "person property" | "people property" | "tag" | "text tag" | "attendees" | "link" | "folder" | "file name" | "title";

/** Whether a candidate was read from the note's name: its file name, title or folder. */
export function isNameSource(source: CandidateSource): boolean {
  return source === "file name" || source === "title" || source === "folder";
}

export interface Candidate {
  /** As written: a name, a slug, a link target. */
  text: string;
  source: CandidateSource;
  /** In words: `the participants property`, `the tag #people/anya-petrova`. */
  label: string;
}

export type NoteShape =
  | { kind: "person"; why: string }
  | {
      kind: "meeting";
      /** A 1:1 by its type, tag, folder or name; otherwise a meeting that may be with one person. */
      oneOnOne: boolean;
      /** A 1:1 only by its place or name (the 1:1 folder, its file name, title or folder). */
      weak: boolean;
      why: string;
      candidates: Candidate[];
      date: IsoDate | null;
      dateWhy: string | null;
      status: MeetingStatus;
      /** Dated headings: the note is a running log when it has entries of other days. */
      entries: LogEntry[];
      /** A date the note gives that is no day (`date: 2026-02-30`): one meeting on an unknown day. */
      badDate: string | null;
      /** A `status` that is not held, skipped or cancelled, as written (the 1:1 counts as held). */
      unknownStatus: string | null;
    }
  | { kind: "dated"; date: IsoDate; why: string }
  | { kind: "other"; why: string | null };

export type MeetingShape = Extract<NoteShape, { kind: "meeting" }>;

export type { NoteText };

/** A property value by name (names given in lower case), case-insensitively. */
export function property(frontmatter: Record<string, unknown> | null, ...names: string[]): unknown {
  if (!frontmatter) return undefined;
  for (const name of names) {
    if (name in frontmatter) return frontmatter[name];
  }
  // Spelled otherwise: only a key with a capital letter can be (most notes have none).
  for (const key of Object.keys(frontmatter)) {
    if (mayLowerCase(key) && names.includes(key.toLowerCase())) return frontmatter[key];
  }
  return undefined;
}

/** Whether lower-casing may change `text`: an ASCII capital, or a character past ASCII. */
function mayLowerCase(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 65 && code <= 90) || code > 127) return true;
  }
  return false;
}

/** The texts of a value: a string, or the strings of a list (nested lists too, as YAML reads `[[A]]`). */
export function textsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value === "number") return [String(value)];
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const item of value as unknown[]) {
    if (Array.isArray(item)) {
      // `people: [[Anya]]` unquoted is a list in a list: it was a link.
      const inner = textsOf(item);
      out.push(...(inner.length === 1 ? [`[[${inner[0] ?? ""}]]`] : inner));
    } else if (typeof item === "string" || typeof item === "number") {
      out.push(String(item));
    }
  }
  return out;
}

let lastPath = "";
let lastFolders: readonly string[] = [];

/** The folders of a path, outermost first: `a/b/c.md` → `a`, `b` (the last answer is kept: a note asks several times). */
export function foldersOf(path: string): readonly string[] {
  if (path !== lastPath) {
    lastFolders = path.split("/").slice(0, -1);
    lastPath = path;
  }
  return lastFolders;
}

/** The first heading of level 1, or null: a note's title. */
export function titleOf(facts: NoteFacts): string | null {
  const first = facts.headings.find((h) => h.level === 1);
  return first ? first.text : null;
}
