import { parseCadence } from "../domain/cadence";
import { dueInfo, type DueInfo } from "../domain/due";
import type { AgreementEntryLike } from "../domain/follow-ups";
import type { Cadence, IsoDate, Owner, Person, Problem, Relationship } from "../domain/types";
import { logEntries, type MeetingStatus } from "./classify";
import { isOpenStatus, linkTargetKey } from "./facts";
import { agreementOf, compareDates, heldEntries, lastBefore, nameOfPath, type FileRecord } from "./records";

/** One open agreement, resolved against the people of the vault. */
export interface AgreementEntry extends AgreementEntryLike {
  owner: Owner;
  /** Person note path of the owner, when the owner is a person. */
  ownerPath: string | null;
}

export interface MeetingEntry {
  path: string;
  /** Heading line for a log entry, -1 for a note of its own. */
  line: number;
  date: IsoDate | null;
  status: MeetingStatus;
  personPath: string | null;
  personName: string | null;
  kind: "note" | "log-entry" | "log";
}

export interface PersonEntry {
  person: Person;
  path: string;
  name: string;
  /** The cadence in force: the note's own or the default for the relationship. */
  cadence: Cadence;
  cadenceIsDefault: boolean;
  lastSeen: IsoDate | null;
  due: DueInfo;
  openAgreements: number;
  created: IsoDate | null;
  problems: Problem[];
}

/** Resolves a reference to a person note's path (and records that it was asked). */
export type Resolve = (ref: string) => string | null;

/**
 * The 1:1 notes and log entries of a file: a 1:1 note with a date is one meeting; a dateless
 * one, or a note a person's `log` property names, is a running log with an entry per dated
 * heading.
 */
export function meetingEntries(record: FileRecord, ownerByProperty: string | null, resolve: Resolve): MeetingEntry[] {
  const kind = record.kind;
  if (kind.kind !== "meeting" && !ownerByProperty) return [];
  // A 1:1 on a day that does not exist is no meeting to count (its problem says so).
  if (kind.kind === "meeting" && kind.badDate !== null && !ownerByProperty) return [];
  const path = record.facts.path;
  const personPath = ownerByProperty ?? (kind.kind === "meeting" && kind.personRef ? resolve(kind.personRef) : null);
  const personName = personPath ? nameOfPath(personPath) : kind.kind === "meeting" ? kind.personRef : null;
  if (kind.kind === "meeting" && kind.date) {
    return [{ path, line: -1, date: kind.date, status: kind.status, personPath, personName, kind: "note" }];
  }
  const entries = kind.kind === "meeting" ? kind.entries : heldEntries(record.facts);
  const out: MeetingEntry[] = [{ path, line: -1, date: null, status: "held", personPath, personName, kind: "log" }];
  for (const entry of entries) {
    out.push({ path, line: entry.line, date: entry.date, status: entry.status, personPath, personName, kind: "log-entry" });
  }
  return out;
}

/** The person a dateless 1:1 note is about, when it may be their running log. */
export function logCandidate(record: FileRecord, ownerByProperty: string | null, resolve: Resolve): string | null {
  const kind = record.kind;
  if (kind.kind !== "meeting" || kind.date || kind.badDate !== null || ownerByProperty || !kind.personRef) return null;
  return resolve(kind.personRef);
}

/** What is wrong with a 1:1 note, for the user to see: messages, and whom it is about. */
export interface NoteProblem {
  path: string;
  /** The person note it is about, when one is found (their row shows the problem). */
  personPath: string | null;
  /** The person as the note names them, when no note is found. */
  personName: string | null;
  messages: string[];
}

/** The problems of a 1:1 note: a date that is no day, an unknown status, a person not found. */
export function noteProblem(record: FileRecord, ownerByProperty: string | null, resolve: Resolve): NoteProblem | null {
  const kind = record.kind;
  if (kind.kind !== "meeting" || ownerByProperty) return null;
  const messages: string[] = [];
  if (kind.badDate !== null) messages.push(`The date "${kind.badDate}" is not a day of the calendar; the 1:1 is not counted.`);
  if (kind.unknownStatus !== null) {
    messages.push(`The status "${kind.unknownStatus}" is not held, skipped or cancelled; the 1:1 counts as held.`);
  }
  const personPath = kind.personRef ? resolve(kind.personRef) : null;
  if (!kind.personRef) {
    messages.push("The 1:1 note names no person: give it a person property, e.g. person: \"[[Anya Petrova]]\".");
  } else if (!personPath) {
    messages.push(`No person note is named "${kind.personRef}"; the 1:1 counts for nobody until there is one.`);
  }
  if (messages.length === 0) return null;
  return { path: record.facts.path, personPath, personName: personPath ? null : kind.personRef, messages };
}

export function sameNoteProblem(a: NoteProblem | null, b: NoteProblem | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.path === b.path &&
    a.personPath === b.personPath &&
    a.personName === b.personName &&
    a.messages.length === b.messages.length &&
    a.messages.every((m, i) => m === b.messages[i])
  );
}

/**
 * What a file adds to last seen, `[person path, date, …]` (dates after today too: they count once
 * that day comes): its held meetings, for the person each is listed with; and, with the setting
 * on, for a daily note or a note with a date, everyone it links outside an open task (see DESIGN:
 * Last seen and due). References count for the person they resolve to, and for nobody else.
 */
export function seenEntries(record: FileRecord, meetings: readonly MeetingEntry[], resolve: Resolve, datedNotesCountAsSeen: boolean): string[] {
  const out: string[] = [];
  for (const meeting of meetings) {
    if (meeting.kind !== "log" && meeting.status === "held" && meeting.date !== null && meeting.personPath !== null) out.push(meeting.personPath, meeting.date);
  }
  const kind = record.kind;
  if (kind.kind === "dated" && datedNotesCountAsSeen) {
    let openLines: Set<number> | null = null;
    for (const task of record.facts.tasks) if (isOpenStatus(task.status)) (openLines ??= new Set()).add(task.line);
    for (const link of record.facts.links) {
      if (openLines?.has(link.line)) continue;
      const person = resolve(link.target);
      if (person !== null) out.push(person, kind.date);
    }
  }
  return out;
}

/**
 * The open agreements of a file. In a person note, a 1:1 note or a running log they are made with
 * that person; elsewhere (with `anywhere`) with the owner or the first person linked on the line.
 */
export function agreementEntries(record: FileRecord, ownerByProperty: string | null, resolve: Resolve, anywhere: boolean): AgreementEntry[] {
  if (record.tasks.length === 0) return [];
  const kind = record.kind;
  const path = record.facts.path;
  let notePerson: string | null = ownerByProperty;
  let inScope = notePerson !== null;
  if (kind.kind === "person") {
    notePerson = path;
    inScope = true;
  } else if (kind.kind === "meeting") {
    notePerson = notePerson ?? (kind.personRef ? resolve(kind.personRef) : null);
    inScope = true;
  }
  if (!inScope && !anywhere) return [];
  // In a log a person's `log` property names, a task's meeting is the dated heading above it.
  const logDates = ownerByProperty !== null && kind.kind !== "meeting" ? logEntries(record.facts) : null;
  const out: AgreementEntry[] = [];
  for (const task of record.tasks) {
    const agreement = agreementOf(task);
    if (!agreement) continue;
    const owner = agreement.owner;
    let ownerPath: string | null = null;
    if (owner.kind === "link") ownerPath = resolve(owner.target);
    else if (owner.kind === "name") ownerPath = resolve(owner.name);
    let personPath = notePerson;
    if (!inScope) {
      personPath = ownerPath ?? (task.firstLink ? resolve(task.firstLink) : null);
      if (!personPath) continue;
    }
    const ownerName =
      owner.kind === "me"
        ? "Me"
        : ownerPath
          ? nameOfPath(ownerPath)
          : owner.kind === "name"
            ? owner.name
            : owner.kind === "link"
              ? linkTargetKey(owner.target)
              : null;
    out.push({
      id: `${path}:${task.line}`,
      path,
      line: task.line,
      original: task.original,
      text: agreement.text,
      due: agreement.due,
      recurring: agreement.recurring,
      owner,
      ownerIsMe: owner.kind === "me",
      ownerPath,
      ownerName,
      personPath,
      personName: personPath ? nameOfPath(personPath) : kind.kind === "meeting" ? kind.personRef : null,
      meetingDate: task.entryDate ?? (kind.kind === "meeting" ? kind.date : logDates ? (lastBefore(logDates, task.line)?.date ?? null) : null),
    });
  }
  return out;
}

/** True when two entries say the same: the older one can be kept (views cache by identity). */
export function sameAgreement(a: AgreementEntry, b: AgreementEntry): boolean {
  return (
    a.id === b.id &&
    a.original === b.original &&
    a.ownerPath === b.ownerPath &&
    a.ownerName === b.ownerName &&
    a.personPath === b.personPath &&
    a.personName === b.personName &&
    a.meetingDate === b.meetingDate
  );
}

export function sameMeeting(a: MeetingEntry, b: MeetingEntry): boolean {
  return (
    a.path === b.path &&
    a.line === b.line &&
    a.date === b.date &&
    a.status === b.status &&
    a.personPath === b.personPath &&
    a.personName === b.personName &&
    a.kind === b.kind
  );
}

export interface PersonInputs {
  record: FileRecord & { person: Person };
  /** Problems found beyond the note's own properties (other notes, the properties block). */
  otherProblems: readonly Problem[];
  /** The latest date among the person's "seen" keys. */
  latestSeen: IsoDate | null;
  openAgreements: number;
  /** Other person notes with the same name. */
  namesakes: readonly string[] | null;
  today: IsoDate;
  defaultCadence: Record<Relationship | "unset", string>;
  dueSoonDays: number;
  dueSoonPercent: number;
}

export function personEntry(input: PersonInputs): PersonEntry {
  const { record, today } = input;
  const person = record.person;
  const seen = [input.latestSeen, person.lastSeen].filter((d): d is IsoDate => d !== null && compareDates(d, today) <= 0);
  const lastSeen = seen.sort(compareDates).pop() ?? person.lastSeen ?? null;
  const own = person.cadence;
  const fallback = parseCadence(input.defaultCadence[person.relationship ?? "unset"]);
  const cadence: Cadence = own ?? ("cadence" in fallback ? fallback.cadence : { kind: "none" });
  const created = record.facts.created;
  const due = dueInfo(
    { lastSeen, cadence, archived: person.archived, snoozeUntil: person.snoozeUntil, created },
    today,
    { days: input.dueSoonDays, percent: input.dueSoonPercent },
  );
  const problems = [...person.problems, ...input.otherProblems];
  if (input.namesakes && input.namesakes.length > 0) {
    problems.push({ field: "name", message: `Another person note has the same name: ${input.namesakes.join(", ")}.` });
  }
  return {
    person,
    path: person.path,
    name: person.name,
    cadence,
    cadenceIsDefault: own === null,
    lastSeen,
    due,
    openAgreements: input.openAgreements,
    created,
    problems,
  };
}

/** True when two entries say the same: the older one can be kept (views cache by identity). */
export function samePerson(a: PersonEntry, b: PersonEntry): boolean {
  return (
    a.person === b.person &&
    a.path === b.path &&
    a.name === b.name &&
    sameCadence(a.cadence, b.cadence) &&
    a.cadenceIsDefault === b.cadenceIsDefault &&
    a.lastSeen === b.lastSeen &&
    a.due.status === b.due.status &&
    a.due.nextDue === b.due.nextDue &&
    a.due.daysUntilDue === b.due.daysUntilDue &&
    a.openAgreements === b.openAgreements &&
    a.created === b.created &&
    a.problems.length === b.problems.length &&
    a.problems.every((p, i) => {
      const q = b.problems[i];
      return q !== undefined && p.field === q.field && p.message === q.message;
    })
  );
}

function sameCadence(a: Cadence, b: Cadence): boolean {
  if (a.kind === "none" || b.kind === "none") return a.kind === b.kind;
  return a.amount === b.amount && a.unit === b.unit;
}

/** Due date (none last), path, line: the order of `agreements()`. */
export function compareAgreements(a: AgreementEntry, b: AgreementEntry): number {
  const da = a.due ?? "9999-99-99";
  const db = b.due ?? "9999-99-99";
  if (da !== db) return da < db ? -1 : 1;
  return comparePaths(a.path, b.path) || a.line - b.line;
}

/** Newest first (logs last), then path, then line: the order of `meetings()`. */
export function compareMeetings(a: MeetingEntry, b: MeetingEntry): number {
  const da = a.date ?? "";
  const db = b.date ?? "";
  if (da !== db) return da < db ? 1 : -1;
  return comparePaths(a.path, b.path) || a.line - b.line;
}

/**
 * Paths in the order of their characters: total, and cheap for lists of tens of thousands (the
 * views sort what they show as people read it; within a person's folder, date-named notes come
 * in the order of their dates either way).
 */
export function comparePaths(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/** `localeCompare` in the user's locale, from one collator (creating one per call is slow). */
export const compareText: (a: string, b: string) => number = new Intl.Collator().compare;
