/**
 * Shared shapes of the domain. Pure data: no Obsidian, no Svelte.
 * A date is always a local calendar date written as `YYYY-MM-DD`.
 */
export type IsoDate = string;

export const RELATIONSHIPS = [
  "report",
  "manager",
  "peer",
  "skip",
  "mentor",
  "mentee",
  "friend",
  "family",
  "other",
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** Something wrong in a user's note, shown to them instead of thrown. */
export interface Problem {
  /** The property or part of the note it concerns, e.g. `cadence`. */
  field: string;
  message: string;
}

export type CadenceUnit = "day" | "week" | "month";
export type Cadence = { kind: "none" } | { kind: "every"; amount: number; unit: CadenceUnit };

export interface Birthday {
  month: number; // 1-12
  day: number; // 1-31
  year: number | null;
}

export interface Person {
  /** Vault path of the person note, e.g. `People/Anya Petrova.md`. */
  path: string;
  /** Display name: the file's base name without a leading `@`. */
  name: string;
  aliases: string[];
  relationship: Relationship | null;
  role: string | null;
  team: string | null;
  /** The note's own cadence; null when the property is absent or bad (defaults apply). */
  cadence: Cadence | null;
  /** The `last-seen` property. */
  lastSeen: IsoDate | null;
  birthday: Birthday | null;
  firstName: string | null;
  lastName: string | null;
  archived: boolean;
  snoozeUntil: IsoDate | null;
  /** Tags without `#`, from properties. */
  tags: string[];
  /** The `log` property: link text of the running log, if any. */
  log: string | null;
  problems: Problem[];
}

export type DueStatus = "ok" | "due-soon" | "overdue" | "snoozed" | "archived" | "never-seen";

export type Owner =
  | { kind: "me" }
  | { kind: "link"; target: string }
  | { kind: "name"; name: string }
  | { kind: "none" };

export type DueDateSyntax = "tasks" | "dataview";

/** One Markdown task line taken apart so that it can be put back together byte for byte. */
export interface TaskLine {
  /** Everything before the `[`: indentation, quote/callout markers, list marker and its space. */
  prefix: string;
  /** The character between the brackets. */
  status: string;
  /** Everything after `]` (usually starting with a space), excluding the line ending. */
  body: string;
}

export interface ParsedAgreement {
  task: TaskLine;
  open: boolean;
  owner: Owner;
  /** The description: body without the owner token, dates, tags and block id. */
  text: string;
  /** The description with the owner token kept (for owners that turn out not to be people). */
  description: string;
  /**
   * Without an owner token: a name the description starts with, followed by a colon (`Anya:
   * send the RFC`, `**Anya:** …`; the description without it) or by "to" or "will" (`Sarah to
   * send the plan`; the description as it is). It is the owner when it names a person or you;
   * otherwise it stays part of the text.
   */
  lead: { name: string; text: string } | null;
  due: IsoDate | null;
  done: IsoDate | null;
  recurring: boolean;
  blockId: string | null;
  tags: string[];
}

/** A section of the agenda skeleton, in meeting order. */
export interface AgendaSection {
  /** Stable id: `first-meeting`, `check-in`, `their-topics`, `previous-agreements`, `my-topics`,
   * `decisions`, `blockers`, `feedback`, `agreements`, `private-notes`, or `custom-…`. */
  id: string;
  /** Heading text as written into the note. */
  title: string;
  /** A short prompt written under the heading (may be empty). */
  hint: string;
  enabled: boolean;
}

export type NoteLayout = "per-meeting" | "log";
export type CarryOverMode = "reference" | "forward";

export interface Question {
  theme: string;
  text: string;
}
