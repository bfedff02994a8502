import type { AgreementEntryLike } from "../domain/follow-ups";
import type { IsoDate, Owner } from "../domain/types";
import { isOneOnOneNote, listedAsOneOnOne, ME, type PersonChoice } from "../domain/recognition/choose-person";
import type { MeetingStatus } from "../domain/recognition/note";
import { headingEntries, personLogEntries } from "../domain/recognition/when";
import { isOpenStatus, type StatusType } from "../domain/tasks-conventions";
import { linkTargetKey } from "./facts";
import { interned } from "./intern";
import { ambiguousOwnerName, orNames, ownerFromContext } from "../domain/person-names";
import { agreementOf, heldEntries, lastBefore, tagsOn, type FileRecord } from "./records";

/** One open agreement, resolved against the people of the vault. */
export interface AgreementEntry extends AgreementEntryLike {
  owner: Owner;
  /** Person note path of the owner, when the owner is a person. */
  ownerPath: string | null;
  /** The people (paths, or `ME`) an owner that names nobody could mean, when it could mean several. */
  ownerCouldBe: readonly string[];
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

/** Resolves a reference to a person note's path (and records that it was asked). */
export type Resolve = (ref: string) => string | null;

/** What the index knows of a file when it derives its entries: what it is about, and how to name people. */
export interface FileContext {
  record: FileRecord;
  /** The person whose `log` property names the file (their running log), if any. */
  ownerByProperty: string | null;
  /** Whom a meeting note is with, as chosen among its candidates; null for other notes. */
  choice: PersonChoice | null;
  /** A meeting that is not marked as a 1:1 and names one other known person is listed as a 1:1. */
  oneOtherPersonIsOneOnOne: boolean;
  /** Status symbol → type, as the Tasks plugin reads them (see `isOpenStatus`). */
  statuses: ReadonlyMap<string, StatusType>;
  resolve: Resolve;
  /** The people a reference that resolves to nobody could mean, when it could mean several (else none). */
  couldBe: (ref: string) => readonly string[];
  /** The name a person is shown by. */
  nameOf: (path: string) => string;
}

/**
 * Whether a file holds 1:1s with one person, and with whom: a person note (its own log), a note a
 * person's `log` property names, a 1:1 note (with its person, or with nobody yet), or a meeting
 * that names one other person besides you, who has a note (with the setting on). Null for any
 * other file.
 */
export function notePerson(ctx: FileContext): { path: string | null; name: string | null } | null {
  const kind = ctx.record.kind;
  const path = ctx.record.facts.path;
  if (kind.kind === "person") return { path, name: ctx.nameOf(path) };
  if (ctx.ownerByProperty !== null) return { path: ctx.ownerByProperty, name: ctx.nameOf(ctx.ownerByProperty) };
  if (kind.kind !== "meeting" || ctx.choice === null || !listedAsOneOnOne(kind, ctx.choice, ctx.oneOtherPersonIsOneOnOne)) return null;
  const person = ctx.choice.person;
  return { path: person, name: person !== null ? ctx.nameOf(person) : ctx.choice.newName };
}

/**
 * The 1:1 notes and log entries of a file: a 1:1 note with a date is one meeting; a dateless
 * one, or a note a person's `log` property names, is a running log with an entry per dated
 * heading; a person note's log entries are meetings with that person (see `personLogEntries`).
 */
export function meetingEntries(ctx: FileContext): MeetingEntry[] {
  const { record } = ctx;
  const kind = record.kind;
  const who = notePerson(ctx);
  if (who === null) return [];
  const path = record.facts.path;
  const { path: personPath, name: personName } = who;
  if (kind.kind === "person") {
    // Their log: the dated headings (and lines) of the note, a log when its own `log` property names it too.
    const entries = personLogEntries(record.facts, record.text);
    const isLog = ctx.ownerByProperty === path || entries.some((e) => e.level > 0);
    const out: MeetingEntry[] = isLog ? [{ path, line: -1, date: null, status: "held", personPath, personName, kind: "log" }] : [];
    for (const entry of entries) out.push({ path, line: entry.line, date: interned(entry.date), status: entry.status, personPath, personName, kind: "log-entry" });
    return out;
  }
  // A 1:1 on a day that does not exist is no meeting to count (its problem says so).
  if (kind.kind === "meeting" && kind.badDate !== null && !ctx.ownerByProperty) return [];
  if (kind.kind === "meeting" && kind.date) {
    return [{ path, line: -1, date: kind.date, status: kind.status, personPath, personName, kind: "note" }];
  }
  const entries = kind.kind === "meeting" ? kind.entries : heldEntries(record.facts);
  const out: MeetingEntry[] = [{ path, line: -1, date: null, status: "held", personPath, personName, kind: "log" }];
  for (const entry of entries) {
    out.push({ path, line: entry.line, date: interned(entry.date), status: entry.status, personPath, personName, kind: "log-entry" });
  }
  return out;
}

/** The person a dateless 1:1 note is about, when it may be their running log. */
export function logCandidate(ctx: FileContext): string | null {
  const kind = ctx.record.kind;
  if (kind.kind !== "meeting" || kind.date || kind.badDate !== null || ctx.ownerByProperty || ctx.choice === null) return null;
  return isOneOnOneNote(kind, ctx.choice) ? ctx.choice.person : null;
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

/**
 * The problems of a 1:1 note: properties that are not valid YAML, a date that is no day, an
 * unknown status, a person not found. When the properties cannot be read, that is the problem
 * told: the person and date they may hold are unknown, so no name read elsewhere (the file name)
 * is blamed for finding nobody.
 */
export function noteProblem(ctx: FileContext): NoteProblem | null {
  const { record, choice } = ctx;
  const kind = record.kind;
  if (kind.kind !== "meeting" || ctx.ownerByProperty || choice === null || !isOneOnOneNote(kind, choice)) return null;
  const messages: string[] = [];
  if (record.propertiesBroken) {
    messages.push("Its properties are not valid YAML, so none of them is read (not its person or date); fix them in source mode.");
  }
  if (kind.badDate !== null) messages.push(`The date "${kind.badDate}" is not a day of the calendar; the 1:1 is not counted.`);
  if (kind.unknownStatus !== null) {
    messages.push(`The status "${kind.unknownStatus}" is not held, skipped or cancelled; the 1:1 counts as held.`);
  }
  const personPath = choice.person;
  if (personPath === null && !record.propertiesBroken) {
    if (choice.group.length > 1) {
      messages.push(`The 1:1 note names ${choice.group.map(ctx.nameOf).join(" and ")} (${choice.label ?? ""}); give it a person property naming one of them.`);
    } else if (choice.ambiguous.length > 1) {
      messages.push(
        `The 1:1 note names ${choice.ambiguous.join(" and ")} (${choice.label ?? ""}), none of them with a person note; set your own name in the settings if one of them is you.`,
      );
    } else if (choice.newName !== null && ctx.couldBe(choice.newName).length > 1) {
      const names = ctx.couldBe(choice.newName).map((p) => (p === ME ? "you" : ctx.nameOf(p)));
      messages.push(`"${choice.newName}" (${choice.label ?? "the note"}) could be ${orNames(names)}; give it a person property with the full name or a link.`);
    } else if (choice.newName !== null) {
      messages.push(`No person note is named "${choice.newName}" (${choice.label ?? "the note"} names them); the 1:1 counts for nobody until there is one.`);
    } else {
      messages.push("The 1:1 note names no person: give it a person property, e.g. person: \"[[Anya Petrova]]\".");
    }
  }
  if (messages.length === 0) return null;
  return { path: record.facts.path, personPath, personName: personPath || record.propertiesBroken ? null : choice.newName, messages };
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
 * What a file adds to last seen, `[person path, date, …]` (see `lastSeen`, domain/last-seen.ts; dates after today too:
 * they count once that day comes): its held meetings, for the person each is listed with; and,
 * with `datedNotesCountAsSeen`, the known people a meeting names (besides the one it may be with),
 * and everyone a daily note or a note with a date links outside an open task.
 */
export function seenEntries(ctx: FileContext, meetings: readonly MeetingEntry[], datedNotesCountAsSeen: boolean): string[] {
  const out: string[] = [];
  for (const meeting of meetings) {
    if (meeting.kind !== "log" && meeting.status === "held" && meeting.date !== null && meeting.personPath !== null) out.push(meeting.personPath, meeting.date);
  }
  if (!datedNotesCountAsSeen) return out;
  const kind = ctx.record.kind;
  if (kind.kind === "meeting" && kind.date !== null && kind.status === "held" && ctx.choice !== null) {
    const named = ctx.choice.group.length > 0 ? ctx.choice.group : ctx.choice.person !== null ? [ctx.choice.person] : [];
    for (const person of named) if (!meetings.some((m) => m.personPath === person)) out.push(person, kind.date);
  }
  if (kind.kind === "dated") {
    let openLines: Set<number> | null = null;
    for (const task of ctx.record.facts.tasks) if (isOpenStatus(task.status, ctx.statuses)) (openLines ??= new Set()).add(task.line);
    for (const link of ctx.record.facts.links) {
      if (openLines?.has(link.line)) continue;
      const person = ctx.resolve(link.target);
      if (person !== null && person !== ME) out.push(person, kind.date);
    }
  }
  return out;
}

/**
 * The open agreements of a file. In a person note, a 1:1 note, a meeting with one person or a
 * running log they are made with that person; elsewhere (with `anywhere`) with the owner or the
 * first person linked or tagged on the line. An owner that names you is you (`@me`). With an
 * agreement tag set, only tasks that carry it are agreements.
 */
export function agreementEntries(ctx: FileContext, anywhere: boolean, tag = ""): AgreementEntry[] {
  const { record, resolve } = ctx;
  if (record.tasks.length === 0) return [];
  const kind = record.kind;
  const path = record.facts.path;
  const who = notePerson(ctx);
  const inScope = who !== null;
  if (!inScope && !anywhere) return [];
  const notePath = who?.path ?? null;
  // In a log a person's `log` property names, a task's meeting is the dated heading above it.
  const logDates = ctx.ownerByProperty !== null && kind.kind !== "meeting" ? headingEntries(record.facts) : null;
  const out: AgreementEntry[] = [];
  for (const task of record.tasks) {
    if (tag !== "" && !tagsOn(task.original).includes(tag)) continue;
    const agreement = agreementOf(task);
    if (!agreement) continue;
    let owner = agreement.owner;
    let text = agreement.text;
    let ownerPath: string | null = null;
    let ownerCouldBe: readonly string[] = NOBODY;
    const written = owner.kind === "link" ? owner.target : owner.kind === "name" ? owner.name : (agreement.lead?.name ?? null);
    if (written !== null) {
      ownerPath = resolve(written);
      if (ownerPath === null) {
        ownerCouldBe = ctx.couldBe(written);
        ownerPath = ownerFromContext(ownerCouldBe, notePath);
        if (ownerPath !== null) ownerCouldBe = NOBODY;
      }
      // `Anya: send the RFC`: the name before the colon is the owner when it names someone (or you, or could).
      if (owner.kind === "none" && agreement.lead !== null && (ownerPath !== null || ownerCouldBe.length > 0)) {
        owner = { kind: "name", name: agreement.lead.name };
        text = agreement.lead.text;
      }
    }
    if (ownerPath === ME) {
      owner = ME_OWNER;
      ownerPath = null;
    }
    let personPath = notePath;
    if (!inScope) {
      const linked = task.firstLink ? resolve(task.firstLink) : null;
      personPath = ownerPath ?? (linked === ME ? null : linked);
      if (!personPath) continue;
    }
    const ownerName =
      owner.kind === "me"
        ? "Me"
        : ownerPath
          ? ctx.nameOf(ownerPath)
          : ownerCouldBe.length > 0 && written !== null
            ? interned(ambiguousOwnerName(written, ownerCouldBe.map((p) => (p === ME ? "you" : ctx.nameOf(p)))))
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
      text,
      due: agreement.due,
      recurring: agreement.recurring,
      owner,
      ownerIsMe: owner.kind === "me",
      ownerPath,
      ownerCouldBe,
      ownerName,
      personPath,
      personName: personPath ? ctx.nameOf(personPath) : (who?.name ?? null),
      meetingDate: task.entryDate ?? (kind.kind === "meeting" ? kind.date : logDates ? (lastBefore(logDates, task.line)?.date ?? null) : null),
    });
  }
  return out;
}

/** No one: the people an owner could mean when it is not ambiguous (one array shared by all). */
const NOBODY: readonly string[] = Object.freeze([]);

/** You as an owner: one object shared by every agreement. */
const ME_OWNER: Owner = Object.freeze({ kind: "me" });

/** True when two entries say the same: the older one can be kept (views cache by identity). */
export function sameAgreement(a: AgreementEntry, b: AgreementEntry): boolean {
  return (
    a.id === b.id &&
    a.original === b.original &&
    a.ownerPath === b.ownerPath &&
    a.ownerName === b.ownerName &&
    sameList(a.ownerCouldBe, b.ownerCouldBe) &&
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

/** The same people in the same order (the lists are usually one shared array). */
function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((path, i) => path === b[i]));
}
