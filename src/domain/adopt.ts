/**
 * Adopt existing notes: from what the index recognized in a vault (plain data), the plan of what
 * to add so that the 1:1 notes carry their `type`, `person` and `date` properties, which person
 * notes to create, and what could not be placed and why.
 *
 * Decisions:
 * - Only missing properties are added, never changed: a `type`, `person` or `date` that has a
 *   value (even one that is not understood) is left as it is, and the plan says so.
 * - Whom a 1:1 note is with is what the recognizer found (known people first). When it names
 *   nobody known, the new person it proposes is offered. Its name comes from the reference: a slug
 *   written in lower case (`john-appleseed`, `john_appleseed`) becomes words with capitals ("John
 *   Appleseed"); a name with capitals is kept as written; a leading `@` is not part of the name.
 *   References that give the same slug are one person; the name is taken from a property first,
 *   then the Attendees line, a link, the file name, the title, the folder, the tag.
 * - A new person is ticked when a property, tag, link or folder names them, or two or more notes
 *   (or a running log with two or more entries) do; a name read from one note's name or title
 *   alone is offered unticked. A person implied only by notes left unticked is not created (see
 *   `impliedOnlyByUnticked`), and is offered unticked when those notes are.
 * - A note is offered ticked, except one that only its name (or its folder's name) calls a 1:1
 *   and that has no date and no dated entry (`Team retro 1-1 ideas`): a running log of nothing
 *   yet is as likely a note about something else. It is offered unticked, and says why.
 * - Your own name, when the settings do not give it and the meetings suggest it (see `inferYou`),
 *   is offered to be saved; owners of agreements that name you are never offered as people.
 * - A link in the `person` property (`[[@Anna Ivanova]]`) names the new note's file exactly, so
 *   that the link resolves in Obsidian as well.
 * - Owners of agreements in 1:1 notes (`@john`, `[[Anya Petrova]]`) that are nobody yet are
 *   offered as people too, unticked: an `@john` is often the first name of someone proposed
 *   already, and then it is not offered again.
 * - A note whose properties are not valid YAML is never written to; it is listed with the reason.
 */
import { relationshipInNotes, type FoundRelationship } from "./adopt-relationship";
import { readProperty } from "./person";
import { lookupKey, peopleByName, personKeys, personSlug } from "./person-names";
import { isEmptyValue } from "./person-note";
import { parseIsoDate } from "./dates";
import { baseName, personNotePath, safeFileName } from "./paths";
import { hasCapital, nameFromRef } from "./recognition/names";
import type { CandidateSource } from "./recognition/note";
import { isOneOnOneWord } from "./recognition/words";
import type { IsoDate } from "./types";

/** A note the index took for a 1:1 note, a running log, or a meeting with one person. */
export interface AdoptionNoteInput {
  path: string;
  /** What made it a 1:1 note, in words ("Its type is "1-on-1"."). */
  why: string;
  /** Marked as a 1:1 (type, tag, folder, name); a meeting with one other person is not, and gets nothing written. */
  marked: boolean;
  /** What marked it as a 1:1: its type or tag, the 1:1 folder of the settings, or only its name (or its folder's); null when not marked. */
  markedBy: "type or tag" | "1:1 folder" | "name" | null;
  /** The new person the recognizer proposes, when no known person is named. */
  proposed: { name: string; certain: boolean; source: CandidateSource; label: string } | null;
  /** Whom the note is with and where it says so, or why nobody could be chosen. */
  personWhy: string | null;
  /** Where the person was read: the kind (person property, tag…) and in words ("the tag #people/anya"). */
  personSource: CandidateSource | null;
  personFrom: string | null;
  /** The note's own date; null for a running log. */
  date: IsoDate | null;
  /** Where the date was read ("the file name"). */
  dateWhy: string | null;
  /** Dates of a running log's entries. */
  entries: IsoDate[];
  frontmatter: Record<string, unknown> | null;
  /** Its tags (properties and text), lower case, without `#`. */
  tags: readonly string[];
  /** Why the properties cannot be read or written (broken YAML), or null. */
  frontmatterError: string | null;
  /** The person note the index attaches the note to now, or null. */
  person: { path: string; name: string } | null;
}

export interface AdoptionPersonInput {
  path: string;
  name: string;
  firstName?: string | null;
  aliases: string[];
}

export interface AdoptionAgreementInput {
  path: string;
  line: number;
  text: string;
  due: IsoDate | null;
  /** The owner as written when it is a name or a link that no person note answers to. */
  unresolvedOwner: { kind: "name" | "link"; text: string } | null;
  ownerName: string | null;
  personPath: string | null;
  personName: string | null;
}

export interface AdoptionInput {
  notes: AdoptionNoteInput[];
  people: AdoptionPersonInput[];
  agreements: AdoptionAgreementInput[];
  /** Where new person notes go ("" for the vault root). */
  peopleFolder: string;
  /** Whether a file exists at a path (any case). */
  exists?: (path: string) => boolean;
  /** Your name as the meetings suggest it, when the settings do not give it. */
  you?: { name: string; why: string } | null;
}

export type PlannedPerson =
  | { kind: "existing"; path: string; name: string }
  | { kind: "new"; key: string }
  | null;

export interface AdoptionNotePlan {
  path: string;
  layout: "note" | "log";
  /** What made it a 1:1 note, in words. */
  why: string;
  date: IsoDate | null;
  /** Where the date was read ("the date property", "the file name"). */
  dateWhy: string | null;
  entries: IsoDate[];
  /** Whom it is with and where it says so, or why nobody could be chosen. */
  personWhy: string | null;
  /** Where the person was read, in words ("the tag #people/anya"). */
  personFrom: string | null;
  person: PlannedPerson;
  /** The missing properties the note would get (`person` as a link to its person). */
  add: { type: boolean; person: boolean; date: IsoDate | null };
  /** What is left as it is, in words. */
  remarks: string[];
  /** Ticked at first (see the decisions above). */
  selected: boolean;
}

export interface NewPersonPlan {
  /** Slug shared by every reference to this person. */
  key: string;
  /** The proposed display name (editable before applying). */
  name: string;
  /** The proposed file name (without `.md`); differs from the name for `@Name` links. */
  fileName: string;
  path: string;
  /** How the notes named the person: `john-appleseed` (the tag #people/john-appleseed)… */
  refs: { ref: string; label: string }[];
  /** The 1:1 notes (or, for owners, the notes with their agreements). */
  notes: string[];
  origin: "meeting" | "owner";
  /** The relationship the 1:1 notes that name them say (see `relationshipInNotes`), or null. */
  relationship: FoundRelationship | null;
  /** Surely named by 1:1 notes (see the decisions above): ticked while a note that implies them is; owners of agreements no. */
  sure: boolean;
  /** Ticked at first: sure, and implied by a note ticked at first. */
  selected: boolean;
}

export interface Unplaced {
  path: string;
  reason: string;
}

export interface AdoptionPlan {
  people: { path: string; name: string }[];
  /** 1:1 notes and logs with something to add. */
  notes: AdoptionNotePlan[];
  /** 1:1 notes and logs that have every property already. */
  complete: AdoptionNotePlan[];
  newPeople: NewPersonPlan[];
  unplaced: Unplaced[];
  agreements: AdoptionAgreementInput[];
  counts: { people: number; meetings: number; logs: number; logEntries: number; agreements: number };
  /** Your name, offered to be saved in the settings (the meetings suggest it). */
  you: { name: string; why: string } | null;
}

const SOURCE_RANK: Record<CandidateSource | "owner", number> = {
  "person property": 0,
  "people property": 1,
  attendees: 2,
  link: 3,
  "file name": 4,
  title: 5,
  folder: 6,
  tag: 7,
  "text tag": 8,
  owner: 9,
};

/** The text of a `[[link]]` property's target (without alias or heading), or null. */
function linkTargetIn(value: unknown): string | null {
  const first = Array.isArray(value) ? (value as unknown[]).find((item) => typeof item === "string") : value;
  if (typeof first !== "string") return null;
  const m = /^\s*\[\[([^\]|#]+)(?:[#|][^\]]*)?\]\]\s*$/.exec(first);
  if (!m?.[1]) return null;
  const target = m[1].trim().replace(/\.md$/i, "");
  return target.slice(target.lastIndexOf("/") + 1);
}

/** Whether the text has a capital letter, in any script that has them. */
/**
 * Why a new person is proposed, and the relationship the notes give them: "Named by the tag
 * #people/john-appleseed of 2 1:1 notes; no person note yet. Relationship: report (from the tag #report)."
 */
export function describeNewPerson(person: NewPersonPlan): string {
  const refs = [...new Set(person.refs.map((r) => r.label))];
  const where =
    person.origin === "owner"
      ? `in ${person.notes.length === 1 ? "a 1:1 note" : `${person.notes.length} 1:1 notes`}`
      : `of ${person.notes.length === 1 ? "a 1:1 note" : `${person.notes.length} 1:1 notes`}`;
  const relationship = person.relationship ? ` Relationship: ${person.relationship.relationship} (from ${person.relationship.from}).` : "";
  return `Named by ${refs.join(" and ")} ${where}; no person note yet.${relationship}`;
}

function meetingType(value: unknown): "missing" | "meeting" | "other" {
  if (isEmptyValue(value)) return "missing";
  const items = Array.isArray(value) ? (value as unknown[]) : [value];
  const texts = items.map((item) => (typeof item === "number" ? String(item) : typeof item === "string" ? item : ""));
  return texts.some(isOneOnOneWord) ? "meeting" : "other";
}

function shown(value: unknown): string {
  if (typeof value === "string") return `"${value}"`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return Array.isArray(value) ? "a list" : "a value it does not understand";
}

interface RefUse {
  ref: string;
  source: CandidateSource | "owner";
  label: string;
  name: string;
  /** The target of a `[[link]]` that named the person: the new note's file name. */
  linkBase: string | null;
  /** Named surely: by a property, tag, link or folder, or by a log with two or more entries. */
  sure: boolean;
}

interface Group {
  uses: RefUse[];
  notes: string[];
}

/** The group's name: from the best source (property, file name, folder, tag, owner), capitals first. */
function finishGroup(key: string, group: Group, peopleFolder: string): NewPersonPlan {
  const ranked = [...group.uses].sort(
    (a, b) => SOURCE_RANK[a.source] - SOURCE_RANK[b.source] || Number(hasCapital(b.name)) - Number(hasCapital(a.name)),
  );
  const best = ranked[0] as RefUse;
  const link = ranked.find((use) => use.linkBase !== null)?.linkBase ?? null;
  const fileName = safeFileName(link ?? best.name);
  const refs: NewPersonPlan["refs"] = [];
  for (const use of group.uses) if (!refs.some((r) => r.ref === use.ref && r.label === use.label)) refs.push({ ref: use.ref, label: use.label });
  const origin = group.uses.some((use) => use.source !== "owner") ? "meeting" : "owner";
  const sure = origin === "meeting" && (group.uses.some((use) => use.sure) || group.notes.length >= 2);
  return {
    key,
    name: link !== null ? nameFromRef(link) : best.name,
    fileName,
    path: personNotePath({ folder: peopleFolder, name: fileName }),
    refs,
    notes: [...group.notes],
    origin,
    relationship: null,
    sure,
    selected: sure,
  };
}

/**
 * Whether a new person is left out because every note that implies them is unticked (`ticked`
 * holds the paths of the notes ticked). Notes with nothing to add cannot be unticked: they count
 * as ticked. People offered as owners of agreements are not implied by notes.
 */
export function impliedOnlyByUnticked(notes: readonly AdoptionNotePlan[], person: NewPersonPlan, ticked: ReadonlySet<string>): boolean {
  if (person.origin !== "meeting") return false;
  const tickable = new Set(notes.map((n) => n.path));
  return person.notes.every((path) => tickable.has(path) && !ticked.has(path));
}

/** Builds the adoption plan. Pure: reads only its input. */
export function planAdoption(input: AdoptionInput): AdoptionPlan {
  const exists = input.exists ?? (() => false);
  const findExisting = peopleByName(input.people);
  const groups = new Map<string, Group>();
  const unplaced: Unplaced[] = [];
  const you = input.you ?? null;
  const yourKeys = new Set(you ? personKeys({ name: you.name, firstName: null, aliases: [] }) : []);

  /** Who a reference names: an existing person, a group of a new person (its key), or why neither. */
  const place = (use: RefUse, notePath: string): PlannedPerson | string => {
    const found = findExisting(use.name);
    if (found.length === 1 && found[0]) return { kind: "existing", path: found[0].path, name: found[0].name };
    if (found.length > 1) return `"${use.name}" could be ${found.map((p) => p.name).join(" or ")}; add the person property by hand.`;
    const key = personSlug(use.name);
    if (key === "" || safeFileName(use.linkBase ?? use.name) === "") return `"${use.ref}" cannot be used as a person's name.`;
    const group = groups.get(key) ?? { uses: [], notes: [] };
    groups.set(key, group);
    group.uses.push(use);
    if (!group.notes.includes(notePath)) group.notes.push(notePath);
    return { kind: "new", key };
  };

  // 1. The person of every 1:1 note.
  const placed: { note: AdoptionNoteInput; person: PlannedPerson }[] = [];
  for (const note of [...input.notes].sort((a, b) => a.path.localeCompare(b.path))) {
    if (note.frontmatterError !== null) {
      unplaced.push({ path: note.path, reason: `Its properties are not valid YAML (${note.frontmatterError}); fix them, then adopt again.` });
      continue;
    }
    if (note.person) {
      placed.push({ note, person: { kind: "existing", path: note.person.path, name: note.person.name } });
      continue;
    }
    const proposed = note.proposed;
    if (proposed === null || yourKeys.has(lookupKey(proposed.name)) || yourKeys.has(personSlug(proposed.name))) {
      const personProperty = readProperty(note.frontmatter ?? {}, "person", "people", "with");
      const reason = !isEmptyValue(personProperty)
        ? `Its person property ${shown(personProperty)} names nobody; write the person's name or a link there.`
        : "No person: no person property, no people/<name> tag, no person folder and no name in the file name.";
      unplaced.push({ path: note.path, reason: note.personWhy ?? reason });
      continue;
    }
    // A link names the new note's file exactly (`[[@Anna Ivanova]]`), so that the link resolves.
    const linkBase =
      proposed.source === "person property" || proposed.source === "people property"
        ? linkTargetIn(readProperty(note.frontmatter ?? {}, "person", "with", "people", "participants", "attendees", "contacts"))
        : null;
    const use: RefUse = {
      ref: proposed.name,
      source: proposed.source,
      label: proposed.source.endsWith("property") ? `${proposed.label} "${proposed.name}"` : proposed.label,
      name: nameFromRef(linkBase ?? proposed.name),
      linkBase,
      sure: proposed.certain || note.entries.length >= 2,
    };
    const person = place(use, note.path);
    if (typeof person === "string") unplaced.push({ path: note.path, reason: person });
    else placed.push({ note, person });
  }

  // 2. Owners of agreements in 1:1 notes that nobody answers to, unless they name someone proposed, or you.
  const proposedKeys = new Set<string>(yourKeys);
  for (const group of groups.values()) {
    for (const use of group.uses) for (const key of personKeys({ name: use.name, firstName: null, aliases: [] })) proposedKeys.add(key);
  }
  const meetingPaths = new Set(placed.map((p) => p.note.path));
  for (const agreement of input.agreements) {
    const owner = agreement.unresolvedOwner;
    if (!owner || !meetingPaths.has(agreement.path)) continue;
    const linkBase = owner.kind === "link" ? baseName(owner.text) : null;
    const name = nameFromRef(linkBase ?? owner.text);
    if ([lookupKey(name), personSlug(name)].some((key) => proposedKeys.has(key))) continue;
    const person = place({ ref: owner.text, source: "owner", label: `the agreement owner "${owner.text}"`, name, linkBase, sure: false }, agreement.path);
    if (typeof person === "string") unplaced.push({ path: agreement.path, reason: `Agreement owner "${owner.text}": ${person}` });
  }

  // 3. The people to create; a group whose file is taken cannot be created.
  const newPeople = new Map<string, NewPersonPlan>();
  const blocked = new Map<string, string>();
  const notesByPath = new Map(input.notes.map((note) => [note.path, note]));
  for (const [key, group] of groups) {
    const plan = finishGroup(key, group, input.peopleFolder);
    if (plan.origin === "meeting") plan.relationship = relationshipInNotes(plan.notes.flatMap((path) => notesByPath.get(path) ?? []));
    if (exists(plan.path)) blocked.set(key, `A file "${plan.path}" exists already and is not a person note; rename it or add the person property by hand.`);
    else newPeople.set(key, plan);
  }
  for (const [key, reason] of blocked) {
    for (const { note, person } of placed) {
      if (person?.kind === "new" && person.key === key) unplaced.push({ path: note.path, reason });
    }
    const group = groups.get(key);
    if (group?.uses.every((use) => use.source === "owner")) {
      unplaced.push({ path: group.notes[0] ?? "", reason: `Agreement owner "${group.uses[0]?.ref ?? key}": ${reason}` });
    }
  }

  // 4. What each note would get.
  const notes: AdoptionNotePlan[] = [];
  const complete: AdoptionNotePlan[] = [];
  for (const { note, person } of placed) {
    if (person?.kind === "new" && blocked.has(person.key)) continue;
    const fm = note.frontmatter ?? {};
    const layout = note.date === null ? "log" : "note";
    const remarks: string[] = [];
    const dateProperty = readProperty(fm, "date");
    const personProperty = readProperty(fm, "person", "people", "with");
    const type = meetingType(readProperty(fm, "type"));
    if (type === "other") remarks.push(`Its type is ${shown(readProperty(fm, "type"))}; left as it is.`);
    if (!isEmptyValue(personProperty) && note.personSource !== "person property" && note.personSource !== "people property") {
      remarks.push(`Its ${readProperty(fm, "person") !== undefined ? "person" : "people"} property ${shown(personProperty)} is left as it is.`);
    }
    if (!isEmptyValue(dateProperty) && parseIsoDate(dateProperty) === null) {
      remarks.push(`Its date property ${shown(dateProperty)} is not a date; left as it is.`);
    }
    // Only its name says 1:1, and nothing in it is dated: offered, unticked.
    const doubtful = layout === "log" && note.entries.length === 0 && note.markedBy === "name";
    if (doubtful) remarks.push("Only its name says 1:1, and it has no date and no dated entry, so it is left unticked; tick it to keep it as a running log.");
    else if (layout === "log" && note.entries.length === 0) remarks.push("A running log without dated entries yet.");
    const plan: AdoptionNotePlan = {
      path: note.path,
      layout,
      why: note.why,
      date: note.date,
      dateWhy: note.dateWhy,
      entries: [...note.entries],
      personWhy: note.personWhy,
      personFrom: note.personFrom,
      person,
      add: {
        type: note.marked && type === "missing",
        // A property that names the person already (person, people, participants…) is left as it is.
        person: note.marked && person !== null && isEmptyValue(readProperty(fm, "person", "with")) && note.personSource !== "people property",
        date: note.marked && note.date !== null && isEmptyValue(dateProperty) ? note.date : null,
      },
      remarks,
      selected: !doubtful,
    };
    if (plan.add.type || plan.add.person || plan.add.date !== null) notes.push(plan);
    else complete.push(plan);
  }

  const people = input.people.map((p) => ({ path: p.path, name: p.name })).sort((a, b) => a.name.localeCompare(b.name));
  const all = [...notes, ...complete];
  // People implied only by notes offered unticked are offered unticked too.
  const ticked = new Set(notes.filter((n) => n.selected).map((n) => n.path));
  for (const person of newPeople.values()) if (impliedOnlyByUnticked(notes, person, ticked)) person.selected = false;
  return {
    people,
    notes,
    complete,
    newPeople: [...newPeople.values()].sort((a, b) => Number(b.selected) - Number(a.selected) || a.name.localeCompare(b.name)),
    unplaced: unplaced.sort((a, b) => a.path.localeCompare(b.path)),
    agreements: input.agreements,
    counts: {
      people: people.length,
      meetings: all.filter((n) => n.layout === "note").length,
      logs: all.filter((n) => n.layout === "log").length,
      logEntries: all.reduce((sum, n) => sum + n.entries.length, 0),
      agreements: input.agreements.length,
    },
    you,
  };
}
