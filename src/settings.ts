import { QUEUE_HEADING } from "./constants";
import { DEFAULT_AGENDA_SECTIONS } from "./domain/agenda";
import { parseCadence } from "./domain/cadence";
import { isValidIsoDate } from "./domain/dates";
import { STARTS_REMEMBERED, type StartWrite } from "./domain/skip-last-seen";
import { DEFAULT_NOTE_PATTERN, FORMER_DEFAULT_NOTE_PATTERN, validatePattern } from "./domain/paths";
import { PEOPLE_COLUMNS } from "./domain/people-table";
import type { FollowUpsQuery, PeopleQuery } from "./domain/view-models";
import { DEFAULT_QUESTIONS } from "./domain/questions";
import { TASKS_DEFAULTS, type TasksConventions } from "./domain/tasks-conventions";
import type { IndexSettings } from "./index/people-index";
import {
  RELATIONSHIPS,
  type AgendaSection,
  type CarryOverMode,
  type DueDateSyntax,
  type NoteLayout,
  type Question,
  type Relationship,
} from "./domain/types";

export const SETTINGS_VERSION = 2;

export interface OneOnOnesSettings {
  settingsVersion: number;
  /** Notes in this folder are person notes. */
  peopleFolder: string;
  /** Where 1:1 notes and running logs are created (and recognized). */
  meetingsFolder: string;
  layout: NoteLayout;
  /** Path of a per-meeting note inside the 1:1 folder, without `.md`. */
  notePathPattern: string;
  /** A note whose text replaces the agenda skeleton; empty for the built-in skeleton. */
  templatePath: string;
  agendaSections: AgendaSection[];
  carryOver: CarryOverMode;
  dueDateSyntax: DueDateSyntax;
  /** Write `✅ YYYY-MM-DD` when an agreement is ticked off. */
  doneDates: boolean;
  dueSoonDays: number;
  dueSoonPercent: number;
  /** Cadence used when a person note has none, per relationship (and for no relationship). */
  defaultCadence: Record<Relationship | "unset", string>;
  /** A daily note or a note with a `date` property that links a person counts as seeing them. */
  datedNotesCountAsSeen: boolean;
  /** Your own name: notes that name you and one other person are with that person; `@Name` of yours is `@me`. */
  myName: string;
  /** A meeting note not marked as a 1:1 that names one other known person is listed as a 1:1 with them. */
  oneOtherPersonIsOneOnOne: boolean;
  /** Tags (without `#`) that make a note a person note. */
  personTags: string[];
  /** Tags (without `#`) that make a note a 1:1 note. */
  meetingTags: string[];
  /** Any task in the vault that links to a person note, or carries their tag (#people/anya-petrova), counts as an agreement with them. */
  agreementsAnywhere: boolean;
  /** When set (without `#`), only tasks with this tag are agreements; new agreements get it. */
  agreementTag: string;
  /** Starting a 1:1 sets the person's `last-seen` to the meeting's date. */
  updateLastSeenOnStart: boolean;
  questions: Question[];
  /** Hide private notes and personal details, e.g. while sharing the screen. */
  discreetMode: boolean;
  /** Open the Follow-ups sidebar when Obsidian starts. */
  openFollowUpsOnStart: boolean;
  /** The last grouping and filters of Follow-ups and of the People table. */
  followUpsQuery: FollowUpsQuery;
  peopleQuery: PeopleQuery;
  /** What Start wrote over each person's `last-seen` (by person note path, oldest first): Skip puts it back. */
  lastSeenStarts: Record<string, StartWrite[]>;
}

export const DEFAULT_FOLLOW_UPS_QUERY: FollowUpsQuery = { groupBy: "due", owner: "all", search: "" };
export const DEFAULT_PEOPLE_QUERY: PeopleQuery = {
  sort: { column: "nextDue", direction: "ascending" },
  nameOrder: "first",
  text: "",
  group: "all",
  tag: null,
  showArchived: false,
};

export const DEFAULT_CADENCES: Record<Relationship | "unset", string> = {
  report: "weekly",
  manager: "biweekly",
  peer: "monthly",
  skip: "monthly",
  mentor: "monthly",
  mentee: "biweekly",
  friend: "every 6 weeks",
  family: "monthly",
  other: "none",
  unset: "none",
};

export const DEFAULT_SETTINGS: OneOnOnesSettings = {
  settingsVersion: SETTINGS_VERSION,
  peopleFolder: "People",
  meetingsFolder: "1-1s",
  layout: "per-meeting",
  notePathPattern: DEFAULT_NOTE_PATTERN,
  templatePath: "",
  agendaSections: DEFAULT_AGENDA_SECTIONS,
  carryOver: "reference",
  dueDateSyntax: "tasks",
  doneDates: true,
  dueSoonDays: 2,
  dueSoonPercent: 25,
  defaultCadence: DEFAULT_CADENCES,
  datedNotesCountAsSeen: true,
  myName: "",
  oneOtherPersonIsOneOnOne: true,
  personTags: ["person", "people"],
  meetingTags: ["meeting/one-on-one", "one-on-one", "1-1", "121"],
  agreementsAnywhere: false,
  agreementTag: "",
  updateLastSeenOnStart: true,
  questions: DEFAULT_QUESTIONS,
  discreetMode: false,
  openFollowUpsOnStart: false,
  followUpsQuery: DEFAULT_FOLLOW_UPS_QUERY,
  peopleQuery: DEFAULT_PEOPLE_QUERY,
  lastSeenStarts: {},
};

export interface NormalizedSettings {
  settings: OneOnOnesSettings;
  /** What was wrong in the stored data and has been replaced by a default. */
  problems: string[];
}

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A vault folder as the user typed it: slashes trimmed, `\` turned into `/`, no `..`. */
export function normalizeFolder(value: string): string | null {
  const folder = value
    .replace(/\\/g, "/")
    .split("/")
    .map((part) => part.trim())
    .filter((part) => part.length > 0 && part !== ".")
    .join("/");
  if (folder.split("/").includes("..")) return null;
  return folder;
}

export function normalizeTagList(value: unknown): string[] | null {
  const items = typeof value === "string" ? value.split(/[,\s]+/) : Array.isArray(value) ? value : null;
  if (!items) return null;
  const tags: string[] = [];
  for (const item of items) {
    if (typeof item !== "string") continue;
    const tag = item.trim().replace(/^#+/, "").toLowerCase();
    if (tag.length > 0 && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

/**
 * One tag as the user typed it (`#Accountability` or `accountability`): lower case, without `#`;
 * "" for nothing. Null for more than one tag, or for text that is not a tag in a note (only
 * letters, digits, `_`, `-` and `/`, not digits alone), which no task could ever carry.
 */
export function normalizeTag(value: unknown): string | null {
  const tags = normalizeTagList(value);
  if (tags === null || tags.length > 1) return null;
  const tag = tags[0] ?? "";
  return tag === "" || (/^[\p{L}\p{N}_\-/]+$/u.test(tag) && !/^\d+$/.test(tag)) ? tag : null;
}

/** Takes stored settings of any version and shape and returns complete, valid settings. */
export function normalizeSettings(stored: unknown): NormalizedSettings {
  const problems: string[] = [];
  const raw: Raw = isRecord(stored) ? migrate({ ...stored }) : {};
  if (stored !== null && stored !== undefined && !isRecord(stored)) {
    problems.push("Stored settings were not an object; defaults are used.");
  }
  const d = DEFAULT_SETTINGS;

  const pick = <K extends keyof OneOnOnesSettings>(
    key: K,
    accept: (value: unknown) => OneOnOnesSettings[K] | null,
  ): OneOnOnesSettings[K] => {
    if (!(key in raw) || raw[key] === undefined) return clone(d[key]);
    const value = accept(raw[key]);
    if (value === null) {
      problems.push(`Setting "${key}" had an invalid value and was reset to its default.`);
      return clone(d[key]);
    }
    return value;
  };

  const str = (value: unknown) => (typeof value === "string" ? value.trim() : null);
  const bool = (value: unknown) => (typeof value === "boolean" ? value : null);
  const folder = (value: unknown) => (typeof value === "string" ? normalizeFolder(value) : null);
  const oneOf =
    <T extends string>(options: readonly T[]) =>
    (value: unknown): T | null =>
      typeof value === "string" && (options as readonly string[]).includes(value) ? (value as T) : null;
  const number = (min: number, max: number) => (value: unknown) =>
    typeof value === "number" && Number.isFinite(value) && value >= min && value <= max
      ? Math.round(value)
      : null;

  const settings: OneOnOnesSettings = {
    settingsVersion: SETTINGS_VERSION,
    peopleFolder: pick("peopleFolder", folder),
    meetingsFolder: pick("meetingsFolder", folder),
    layout: pick("layout", oneOf(["per-meeting", "log"] as const)),
    notePathPattern: pick("notePathPattern", (value) => {
      const pattern = str(value)?.replace(/\.md$/i, "");
      return pattern !== undefined && validatePattern(pattern) === null ? pattern : null;
    }),
    templatePath: pick("templatePath", (value) => {
      const path = str(value);
      return path === null ? null : (normalizeFolder(path) ?? null);
    }),
    agendaSections: pick("agendaSections", normalizeSections),
    carryOver: pick("carryOver", oneOf(["reference", "forward"] as const)),
    dueDateSyntax: pick("dueDateSyntax", oneOf(["tasks", "dataview"] as const)),
    doneDates: pick("doneDates", bool),
    dueSoonDays: pick("dueSoonDays", number(0, 365)),
    dueSoonPercent: pick("dueSoonPercent", number(0, 100)),
    defaultCadence: pick("defaultCadence", (value) => normalizeCadences(value, problems)),
    datedNotesCountAsSeen: pick("datedNotesCountAsSeen", bool),
    myName: pick("myName", (value) => (typeof value === "string" ? value.replace(/\s+/g, " ").trim() : null)),
    oneOtherPersonIsOneOnOne: pick("oneOtherPersonIsOneOnOne", bool),
    personTags: pick("personTags", normalizeTagList),
    meetingTags: pick("meetingTags", normalizeTagList),
    agreementsAnywhere: pick("agreementsAnywhere", bool),
    agreementTag: pick("agreementTag", normalizeTag),
    updateLastSeenOnStart: pick("updateLastSeenOnStart", bool),
    questions: pick("questions", normalizeQuestions),
    discreetMode: pick("discreetMode", bool),
    openFollowUpsOnStart: pick("openFollowUpsOnStart", bool),
    followUpsQuery: pick("followUpsQuery", (value) => {
      if (!isRecord(value)) return null;
      return {
        groupBy: oneOf(["due", "person"] as const)(value.groupBy) ?? DEFAULT_FOLLOW_UPS_QUERY.groupBy,
        owner: oneOf(["all", "mine", "theirs"] as const)(value.owner) ?? DEFAULT_FOLLOW_UPS_QUERY.owner,
        search: typeof value.search === "string" ? value.search : "",
      };
    }),
    peopleQuery: pick("peopleQuery", (value) => {
      if (!isRecord(value)) return null;
      const sort = isRecord(value.sort) ? value.sort : {};
      const column = oneOf(PEOPLE_COLUMNS.map((c) => c.id))(sort.column);
      const direction = oneOf(["ascending", "descending"] as const)(sort.direction);
      return {
        sort: column && direction ? { column, direction } : { ...DEFAULT_PEOPLE_QUERY.sort },
        nameOrder: oneOf(["first", "last"] as const)(value.nameOrder) ?? "first",
        text: typeof value.text === "string" ? value.text : "",
        group: oneOf(["all", "colleagues", "friends"] as const)(value.group) ?? "all",
        tag: typeof value.tag === "string" && value.tag !== "" ? value.tag : null,
        showArchived: value.showArchived === true,
      };
    }),
    lastSeenStarts: pick("lastSeenStarts", normalizeStarts),
  };
  return { settings, problems };
}

/** Renames keys of earlier shapes of the settings to the current ones. */
function migrate(raw: Raw): Raw {
  const version = typeof raw.settingsVersion === "number" ? raw.settingsVersion : 0;
  if (version < 1) {
    // Before versioning, folders were called "oneOnOneFolder" and "personFolder".
    if (raw.meetingsFolder === undefined && raw.oneOnOneFolder !== undefined) raw.meetingsFolder = raw.oneOnOneFolder;
    if (raw.peopleFolder === undefined && raw.personFolder !== undefined) raw.peopleFolder = raw.personFolder;
    delete raw.oneOnOneFolder;
    delete raw.personFolder;
  }
  if (version < 2 && typeof raw.notePathPattern === "string" && raw.notePathPattern.trim() === FORMER_DEFAULT_NOTE_PATTERN) {
    // Every setting is saved, chosen or not: the former default was stored as it was. New notes
    // get the new default; notes already written keep their names, and other patterns stay.
    delete raw.notePathPattern;
  }
  return raw;
}

function normalizeSections(value: unknown): AgendaSection[] | null {
  if (!Array.isArray(value)) return null;
  const sections: AgendaSection[] = [];
  const seen = new Set<string>();
  for (const item of value) {
    if (!isRecord(item)) continue;
    const id = typeof item.id === "string" ? item.id.trim() : "";
    const title = typeof item.title === "string" ? item.title.replace(/[\r\n]+/g, " ").trim() : "";
    if (!id || !title || seen.has(id)) continue;
    seen.add(id);
    sections.push({
      id,
      title,
      hint: typeof item.hint === "string" ? item.hint.replace(/[\r\n]+/g, " ").trim() : "",
      enabled: typeof item.enabled === "boolean" ? item.enabled : true,
    });
  }
  return sections.length > 0 ? sections : null;
}

function normalizeCadences(value: unknown, problems: string[]): Record<Relationship | "unset", string> | null {
  if (!isRecord(value)) return null;
  const result = { ...DEFAULT_CADENCES };
  for (const key of [...RELATIONSHIPS, "unset"] as const) {
    const cadence = value[key];
    if (cadence === undefined) continue;
    if (typeof cadence === "string" && "cadence" in parseCadence(cadence)) {
      result[key] = cadence.trim();
    } else {
      problems.push(`Default cadence for "${key}" was not understood and was reset.`);
    }
  }
  return result;
}

/** Remembered Starts as stored: what is not a person note's day written over a text (or nothing) is dropped. */
function normalizeStarts(value: unknown): Record<string, StartWrite[]> | null {
  if (!isRecord(value)) return null;
  const result: Record<string, StartWrite[]> = {};
  for (const [path, list] of Object.entries(value)) {
    if (!path.endsWith(".md") || !Array.isArray(list)) continue;
    const starts = list.filter(
      (item): item is StartWrite =>
        isRecord(item) && typeof item.wrote === "string" && isValidIsoDate(item.wrote) && (item.replaced === null || typeof item.replaced === "string"),
    );
    if (starts.length > 0) result[path] = starts.slice(-STARTS_REMEMBERED).map((s) => ({ wrote: s.wrote, replaced: s.replaced }));
  }
  return result;
}

function normalizeQuestions(value: unknown): Question[] | null {
  if (!Array.isArray(value)) return null;
  const questions: Question[] = [];
  for (const item of value) {
    if (!isRecord(item) || typeof item.text !== "string" || item.text.trim() === "") continue;
    const theme = typeof item.theme === "string" && item.theme.trim() ? item.theme.trim() : "Other";
    questions.push({ theme, text: item.text.replace(/[\r\n]+/g, " ").trim() });
  }
  return questions;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Titles of the private-notes section as configured; headings saying "private" count too. */
export function privateHeadings(settings: OneOnOnesSettings): string[] {
  return settings.agendaSections.filter((s) => s.id === "private-notes").map((s) => s.title);
}

/** What the index takes of the settings, and of how the Tasks plugin reads checkboxes. */
export function indexSettings(settings: OneOnOnesSettings, tasks: TasksConventions = TASKS_DEFAULTS): IndexSettings {
  return {
    tasks,
    peopleFolder: settings.peopleFolder,
    meetingsFolder: settings.meetingsFolder,
    personTags: settings.personTags,
    meetingTags: settings.meetingTags,
    templatePath: settings.templatePath,
    myName: settings.myName,
    oneOtherPersonIsOneOnOne: settings.oneOtherPersonIsOneOnOne,
    datedNotesCountAsSeen: settings.datedNotesCountAsSeen,
    agreementsAnywhere: settings.agreementsAnywhere,
    agreementTag: settings.agreementTag,
    defaultCadence: settings.defaultCadence,
    dueSoonDays: settings.dueSoonDays,
    dueSoonPercent: settings.dueSoonPercent,
    queueHeading: QUEUE_HEADING,
  };
}
