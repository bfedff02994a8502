/**
 * What a note is, from its facts alone (the people of the vault aside): a person note, a 1:1 note
 * or running log, another meeting, a dated note, or nothing — with the rule that decided, its
 * date, its log entries and everyone it names. Whom a meeting is with is decided against the
 * known people by `choosePerson`.
 */
import { personCandidates } from "./candidates";
import { isPlausibleName } from "./names";
import { meetingReason, oneOnOneReason, ownedByPlugin, personReason, templateOrHub, typesOf, unfilledTemplate } from "./kind";
import { isNameSource, property, type LogEntry, type MeetingStatus, type NoteFacts, type NoteShape, type NoteText, type RecognitionSettings } from "./note";
import { headingEntries, noteDate, shownValue } from "./when";

/** The entries of a note with a date of its own: none (one array shared by all). */
const NO_ENTRIES = Object.freeze([]) as unknown as LogEntry[];

/** A `status` property: held unless it says skipped or cancelled; anything else is unknown. */
function meetingStatus(value: unknown): { status: MeetingStatus; unknown: string | null } {
  if (value === null || value === undefined) return { status: "held", unknown: null };
  const text = typeof value === "string" ? value.trim().toLowerCase() : null;
  if (text === "" || text === "held") return { status: "held", unknown: null };
  if (text === "skipped") return { status: "skipped", unknown: null };
  if (text === "cancelled" || text === "canceled") return { status: "cancelled", unknown: null };
  return { status: "held", unknown: shownValue(value) };
}

/**
 * What a note is (see `kind.ts` for the order of the rules). A 1:1 note with headings that start
 * with dates of other days than its own is a running log; one that gives a date that is no day is
 * one meeting on an unknown day. A note made a 1:1 only by its name that has no date, no dated
 * heading and names nobody is not taken for one.
 */
export function noteShape(facts: NoteFacts, text: NoteText | null, settings: RecognitionSettings): NoteShape {
  const never = templateOrHub(facts, settings);
  if (never !== null) return { kind: "other", why: never };
  const types = typesOf(facts);
  const owned = ownedByPlugin(facts, types);
  if (owned !== null) {
    const found = noteDate(facts, null, false);
    return found && "date" in found ? { kind: "dated", date: found.date, why: owned } : { kind: "other", why: owned };
  }
  const personWhy = personReason(facts, types, settings);
  const mark = personWhy === null ? oneOnOneReason(facts, types, settings) : null;
  const oneOnOneWhy = mark?.why ?? null;
  const meetingWhy = personWhy === null && mark === null ? meetingReason(facts, types) : null;
  const why = personWhy ?? oneOnOneWhy ?? meetingWhy;
  if (why !== null) {
    const unfilled = unfilledTemplate(facts, text);
    if (unfilled !== null) return { kind: "other", why: unfilled };
  }
  if (personWhy !== null) return { kind: "person", why: personWhy };
  if (oneOnOneWhy !== null || meetingWhy !== null) {
    const found = noteDate(facts, text);
    const ownDate = found && "date" in found ? found.date : null;
    const badDate = found && "bad" in found ? found.bad : null;
    const headings = oneOnOneWhy !== null && badDate === null ? headingEntries(facts) : NO_ENTRIES;
    const isLog = headings.some((entry) => entry.date !== ownDate);
    const candidates = personCandidates(facts, text, settings);
    const byNameOnly = mark?.by === "name";
    const namesSomeone = candidates.some((c) => !isNameSource(c.source) || isPlausibleName(c.text));
    if (byNameOnly && ownDate === null && badDate === null && !isLog && !namesSomeone) {
      return { kind: "other", why: "It says 1:1 in its name, but has no date, no dated entry and names nobody." };
    }
    const status = meetingStatus(property(facts.frontmatter, "status"));
    return {
      kind: "meeting",
      oneOnOne: mark !== null,
      weak: mark !== null && mark.by !== "type or tag",
      why: (oneOnOneWhy ?? meetingWhy) as string,
      candidates,
      date: isLog ? null : ownDate,
      dateWhy: isLog || found === null || !("why" in found) ? null : found.why,
      status: status.status,
      entries: isLog ? headings : NO_ENTRIES,
      badDate,
      unknownStatus: status.unknown,
    };
  }
  const dated = noteDate(facts, null, false);
  if (dated && "date" in dated) return { kind: "dated", date: dated.date, why: `Its date comes from ${dated.why}.` };
  return { kind: "other", why: null };
}

/**
 * Whether a note's text can change what it is or whom it is with, so that the text is worth
 * reading: a person note (its log lines, template code), a meeting not marked as a 1:1 (its
 * Attendees line may name more people than its properties), and a 1:1 note without a date of its
 * own or without a property or tag that names someone (its Date and Attendees lines).
 */
export function textMatters(shape: NoteShape): boolean {
  if (shape.kind === "person") return true;
  if (shape.kind !== "meeting") return false;
  if (!shape.oneOnOne) return true;
  return shape.date === null || !shape.candidates.some((c) => c.source === "person property" || c.source === "people property" || c.source === "tag");
}
