/** A person as the views show them: their note, with cadence, last seen, due, agreements and problems. */
import { parseCadence } from "../domain/cadence";
import { dueInfo, dueProblem, type DueInfo } from "../domain/due";
import { lastSeen } from "../domain/last-seen";
import type { Cadence, IsoDate, Person, Problem, Relationship } from "../domain/types";
import type { FileRecord } from "./records";

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
  const seen = lastSeen(person.lastSeen, input.latestSeen, today);
  const own = person.cadence;
  const fallback = parseCadence(input.defaultCadence[person.relationship ?? "unset"]);
  const cadence: Cadence = own ?? ("cadence" in fallback ? fallback.cadence : { kind: "none" });
  const created = record.facts.created;
  const due = dueInfo(
    { lastSeen: seen, cadence, archived: person.archived, snoozeUntil: person.snoozeUntil, created },
    today,
    { days: input.dueSoonDays, percent: input.dueSoonPercent },
  );
  const problems = [...person.problems, ...input.otherProblems];
  const farSeen = dueProblem(seen, cadence);
  if (farSeen !== null) problems.push({ field: "last-seen", message: farSeen });
  if (input.namesakes && input.namesakes.length > 0) {
    problems.push({ field: "name", message: `Another person note has the same name: ${input.namesakes.join(", ")}.` });
  }
  return {
    person,
    path: person.path,
    name: person.name,
    cadence,
    cadenceIsDefault: own === null,
    lastSeen: seen,
    due,
    openAgreements: input.openAgreements,
    created,
    problems,
  };
}

/**
 * A person whose last seen and due could not be worked out (`what` went wrong): shown with their
 * note's own properties, no next due date, and a problem that says so. Reads nothing more of the
 * note, which may be what failed.
 */
export function unworkedPersonEntry(input: PersonInputs, what: string): PersonEntry {
  const person = input.record.person;
  return {
    person,
    path: person.path,
    name: person.name,
    cadence: person.cadence ?? { kind: "none" },
    cadenceIsDefault: person.cadence === null,
    lastSeen: person.lastSeen,
    due: { status: person.archived ? "archived" : "ok", nextDue: null, daysUntilDue: null },
    openAgreements: input.openAgreements,
    created: null,
    problems: [
      ...person.problems,
      ...input.otherProblems,
      { field: "note", message: `Last seen and due could not be worked out (${what}); the note is shown as it is.` },
    ],
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
