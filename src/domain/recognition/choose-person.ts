/**
 * Whom a meeting note is with. Known people first: the candidates (see `personCandidates`) are
 * looked up among the people the vault has — by name, alias, path or slug, and by a first name
 * only where one person has it and it stands on its own (`Sarah-Alex`, `Scott / Cody`) or among
 * a topic's words (`victor-1-1-ai-productivity-metrics`), never inside what reads as a longer
 * name (`John Doe` is not John Smith). You are never the other person.
 *
 * The kinds of candidates are asked in order; the first that names a known person decides: one
 * known person, the note is with them; several, it is a meeting of a group. A `person` property
 * decides even when it names someone without a note. Only when no known person is named at all is
 * a new person proposed: the one name of the first kind of candidate that names anyone (never two
 * names joined, never a topic); it is certain when a property, tag, link or folder names them.
 *
 * A meeting not marked as a 1:1 is with the people who took part: those its properties, its
 * property tags and its Attendees line name, or a known person's full name as its file name or
 * title (`named` counts them, you aside: one, and it may be a 1:1 with them). What its text
 * mentions (a tag, a link) is not taking part. A note that is a 1:1 only by
 * its place or name (the 1:1 folder, its file name) is not with someone its text only mentions.
 */
import { isPlausibleName, nameFromRef } from "./names";
import { baseName } from "../paths";
import { personSlug } from "../person-names";
import { isNameSource, type Candidate, type CandidateSource } from "./note";

/** Finds people by what notes call them. Each returns a person's note path, "me", or null (nobody, or several). */
export interface PeopleLookup {
  /** By full name, alias, path or slug. */
  full(ref: string): string | null;
  /** As `full`, or by a first name that only one person has. */
  any(ref: string): string | null;
}

export const ME = "me";

/** How a meeting's shape marks it as a 1:1. */
export function markingOf(shape: { oneOnOne: boolean; weak: boolean }): Marked {
  return !shape.oneOnOne ? "no" : shape.weak ? "by place or name" : "surely";
}

/**
 * Whether a meeting is a 1:1 note: marked as one, unless only its place or name says so and it
 * names two or more known people (a group meeting kept in the 1:1 folder), or names nobody while
 * its name is about something else (`2024-11-20 Monthly All Hands` in the 1:1 folder).
 */
export function isOneOnOneNote(shape: { oneOnOne: boolean; weak: boolean; candidates: readonly Candidate[] }, choice: PersonChoice): boolean {
  if (!shape.oneOnOne) return false;
  if (!shape.weak) return true;
  if (choice.group.length > 1) return false;
  const nobody = choice.person === null && choice.newName === null && choice.ambiguous.length === 0;
  return !(nobody && shape.candidates.some((c) => c.source === "file name"));
}

/**
 * Whether a meeting is listed as a 1:1: a 1:1 note (see `isOneOnOneNote`), or — with the setting
 * "Meetings with one other person are 1:1s" on — a meeting that names exactly one known person
 * besides you.
 */
export function listedAsOneOnOne(
  shape: { oneOnOne: boolean; weak: boolean; candidates: readonly Candidate[] },
  choice: PersonChoice,
  oneOtherPersonIsOneOnOne: boolean,
): boolean {
  if (isOneOnOneNote(shape, choice)) return true;
  return oneOtherPersonIsOneOnOne && choice.person !== null && choice.named === 1;
}

export interface PersonChoice {
  /** The one known person the note is with, or null. */
  person: string | null;
  /** Known people named together (two or more): a meeting of a group. */
  group: string[];
  /** A new person's name, when no known person is named. */
  newName: string | null;
  /** Several names of people without a note, none known: nobody can be chosen. */
  ambiguous: string[];
  /** The new name comes from a property, a tag, a link or a folder (not only a name or title). */
  certain: boolean;
  /** Where the choice was read, in words (`the participants property`), or null. */
  label: string | null;
  source: CandidateSource | null;
  /** The candidates that decided also named you. */
  youNamed: boolean;
  /** How many people, you aside, the candidates that decided name (known or not). */
  named: number;
}

const ORDER: CandidateSource[] = ["person property", "people property", "tag", "text tag", "attendees", "link", "file name", "title", "folder"];
/** What names the people of a meeting not marked as a 1:1 (its names and title: full names only). */
const TOOK_PART = new Set<CandidateSource>(["person property", "people property", "tag", "attendees", "file name", "title"]);
/** What its text only mentions. */
const MENTIONS = new Set<CandidateSource>(["text tag", "link"]);

/** How a note is a 1:1: by its type or tag, only by its place or name, or not at all (another meeting). */
export type Marked = "surely" | "by place or name" | "no";

/** What one name of a note's name or title finds: known people and you, or the words left. */
function resolveUnit(unit: string, lookup: PeopleLookup, fullOnly: boolean): { found: string[]; me: boolean } {
  const words = unit.split(" ");
  const whole = words.length === 1 && !fullOnly ? lookup.any(unit) : lookup.full(unit);
  if (fullOnly) return whole === null ? { found: [], me: false } : whole === ME ? { found: [], me: true } : { found: [whole], me: false };
  if (whole !== null) return whole === ME ? { found: [], me: true } : { found: [whole], me: false };
  const found: string[] = [];
  let me = false;
  const used = new Array<boolean>(words.length).fill(false);
  // Full names inside a longer name (`Weekly John Doe review`), longest first, left to right.
  for (let size = Math.min(words.length - 1, 4); size >= 2; size--) {
    for (let start = 0; start + size <= words.length; start++) {
      if (used.slice(start, start + size).some(Boolean)) continue;
      const hit = lookup.full(words.slice(start, start + size).join(" "));
      if (hit === null) continue;
      for (let i = start; i < start + size; i++) used[i] = true;
      if (hit === ME) me = true;
      else if (!found.includes(hit)) found.push(hit);
    }
  }
  // A name among a topic's words (`victor ai productivity metrics`): a first name may be the
  // person — but never inside what reads as a whole name (`John Doe` is not John Smith).
  if (!isPlausibleName(unit)) {
    words.forEach((word, i) => {
      if (used[i]) return;
      const hit = lookup.any(word);
      if (hit === ME) me = true;
      else if (hit !== null && !found.includes(hit)) found.push(hit);
    });
  }
  return { found, me };
}

/** A property value, tag or link: as written, else by the last part of a path (`People/Anya`). */
function lookupRef(candidate: Candidate, lookup: PeopleLookup): string | null {
  return lookup.any(candidate.text) ?? (candidate.text.includes("/") ? lookup.any(baseName(candidate.text)) : null);
}

/**
 * Whom a meeting note is with (see the module's header). A meeting not marked as a 1:1 counts
 * everyone its properties and its Attendees line name, you aside: a 1:1 is a meeting with one.
 */
export function choosePerson(candidates: readonly Candidate[], lookup: PeopleLookup, marking: Marked): PersonChoice {
  const choice = chooseAmong(candidates, lookup, marking);
  if (marking !== "no" || choice.named === 0) return choice;
  const others = new Set<string>();
  for (const c of candidates) {
    if (c.source !== "people property" && c.source !== "person property" && c.source !== "attendees") continue;
    const hit = lookupRef(c, lookup);
    if (hit !== ME) others.add(hit ?? personSlug(baseName(c.text)));
  }
  return { ...choice, named: Math.max(choice.named, others.size) };
}

function chooseAmong(candidates: readonly Candidate[], lookup: PeopleLookup, marking: Marked): PersonChoice {
  const marked = marking !== "no";
  let firstUnknown: { source: CandidateSource; label: string; names: string[]; me: boolean } | null = null;
  for (const source of ORDER) {
    if ((!marked && !TOOK_PART.has(source)) || (marking === "by place or name" && MENTIONS.has(source))) continue;
    const here = candidates.filter((c) => c.source === source);
    if (here.length === 0) continue;
    const known: string[] = [];
    const unknown: string[] = [];
    let me = false;
    for (const candidate of here) {
      if (isNameSource(source)) {
        const r = resolveUnit(candidate.text, lookup, !marked);
        me ||= r.me;
        for (const path of r.found) if (!known.includes(path)) known.push(path);
        if (r.found.length === 0 && !r.me && isPlausibleName(candidate.text)) unknown.push(nameFromRef(candidate.text));
      } else {
        const hit = lookupRef(candidate, lookup);
        if (hit === ME) me = true;
        else if (hit !== null) {
          if (!known.includes(hit)) known.push(hit);
        } else {
          const name = nameFromRef(baseName(candidate.text));
          if (name !== "" && !unknown.includes(name)) unknown.push(name);
        }
      }
    }
    const label = here[0]?.label ?? null;
    // A `person` property decides alone: it names the one person of the note, known or not.
    if (source === "person property" && known.length + unknown.length > 0) {
      const one = known.length + unknown.length === 1;
      return {
        person: one && known.length === 1 ? (known[0] as string) : null,
        group: known.length > 1 ? known : [],
        newName: one && unknown.length === 1 ? (unknown[0] as string) : null,
        ambiguous: one ? [] : unknown,
        certain: true,
        label,
        source,
        youNamed: me,
        named: known.length + unknown.length,
      };
    }
    if (known.length > 0) {
      return {
        person: known.length === 1 ? (known[0] as string) : null,
        group: known.length > 1 ? known : [],
        newName: null,
        ambiguous: [],
        certain: true,
        label,
        source,
        youNamed: me,
        named: known.length + unknown.length,
      };
    }
    // A folder names a new person only for notes named by their date (`1-1s/john-doe/2026-01-22.md`).
    const folderOfNamedNote = source === "folder" && candidates.some((c) => c.source === "file name");
    if (firstUnknown === null && unknown.length > 0 && !folderOfNamedNote) firstUnknown = { source, label: label ?? "", names: unknown, me };
  }
  if (firstUnknown === null) {
    return { person: null, group: [], newName: null, ambiguous: [], certain: false, label: null, source: null, youNamed: false, named: 0 };
  }
  const single = firstUnknown.names.length === 1;
  return {
    person: null,
    group: [],
    newName: single ? (firstUnknown.names[0] as string) : null,
    ambiguous: single ? [] : firstUnknown.names,
    certain: single && (!isNameSource(firstUnknown.source) || firstUnknown.source === "folder"),
    label: firstUnknown.label,
    source: firstUnknown.source,
    youNamed: firstUnknown.me,
    named: firstUnknown.names.length,
  };
}
