/**
 * The recognizer: from one note's facts (and its text where it was read) and the people the vault
 * has, what the note is — a person note, a 1:1 note, a running log, another meeting, a dated
 * note, or nothing — with whom, when, and why, in words a user understands. `noteShape` decides
 * what the note is and whom it names; `choosePerson` decides whom of them it is with.
 */
import type { IsoDate } from "../types";
import { choosePerson, listedAsOneOnOne, markingOf, type PeopleLookup, type PersonChoice } from "./choose-person";
import type { LogEntry, NoteFacts, NoteShape, NoteText, RecognitionSettings } from "./note";
import { noteShape } from "./shape";
import { personLogEntries } from "./when";

export interface Recognition {
  kind: "person" | "one-on-one" | "log" | "meeting" | "dated" | "nothing";
  /** The rule that decided what the note is, or null for a note that is nothing in particular. */
  why: string | null;
  /** The known person the note is about (a person note: itself). */
  person: string | null;
  /** A person without a note, proposed when no known person is named. */
  newPerson: { name: string; certain: boolean } | null;
  /** Known people named together: a meeting of a group. */
  group: string[];
  /** Where the person was read, in words, or why nobody could be chosen. */
  personWhy: string | null;
  date: IsoDate | null;
  dateWhy: string | null;
  /** A log's dated entries (a running log, or a person note's log). */
  entries: LogEntry[];
}

/** Why a choice of person came out as it did, in words. */
export function describeChoice(choice: PersonChoice, nameOf: (path: string) => string): string | null {
  const from = choice.label ?? "";
  const besides = choice.youNamed ? ", besides you" : "";
  if (choice.person !== null) return `${nameOf(choice.person)}, named by ${from}${besides}.`;
  if (choice.group.length > 1) return `${from} names ${choice.group.length} people (${choice.group.map(nameOf).join(", ")}): a meeting of a group.`;
  if (choice.newName !== null) return `${choice.newName}, named by ${from}${besides}; there is no person note for them yet.`;
  if (choice.ambiguous.length > 1) {
    return `${from} names ${choice.ambiguous.join(" and ")}, and none of them has a person note; set your own name in the settings if one of them is you.`;
  }
  return null;
}

/** What a note is, whom it is with, when, and why (see the module's header). */
export function recognize(
  facts: NoteFacts,
  text: NoteText | null,
  lookup: PeopleLookup,
  settings: RecognitionSettings,
  nameOf: (path: string) => string = (path) => path,
): Recognition {
  const shape: NoteShape = noteShape(facts, text, settings);
  const none = { person: null, newPerson: null, group: [], personWhy: null, date: null, dateWhy: null, entries: [] };
  switch (shape.kind) {
    case "person":
      return { ...none, kind: "person", why: shape.why, person: facts.path, entries: personLogEntries(facts, text) };
    case "dated":
      return { ...none, kind: "dated", why: shape.why, date: shape.date, dateWhy: shape.why };
    case "other":
      return { ...none, kind: "nothing", why: shape.why };
    case "meeting": {
      const choice = choosePerson(shape.candidates, lookup, markingOf(shape));
      const listed = listedAsOneOnOne(shape, choice, settings.oneOtherPersonIsOneOnOne);
      const kind = !listed ? "meeting" : shape.date === null && shape.badDate === null ? "log" : "one-on-one";
      return {
        kind,
        why: shape.why,
        person: choice.person,
        newPerson: kind !== "meeting" && choice.newName !== null ? { name: choice.newName, certain: choice.certain } : null,
        group: choice.group,
        personWhy: describeChoice(choice, nameOf),
        date: shape.date,
        dateWhy: shape.dateWhy,
        entries: shape.entries,
      };
    }
  }
}
