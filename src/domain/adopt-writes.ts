/**
 * What an adoption writes, from its plan and what the user chose in the preview: the person notes
 * to create (under the names as edited) and the properties to add. Pure.
 *
 * - A new person is created when ticked (or left as proposed), unless every note that implies
 *   them was unticked: notes with nothing to add cannot be unticked and count as ticked.
 * - An edited name renames the file; an untouched one keeps the proposed file name (`@Name`).
 * - Your name is saved only when the user leaves the offer ticked.
 * - A new person gets the relationship their notes give, else the one chosen for all of them.
 */
import { impliedOnlyByUnticked, type AdoptionPlan } from "./adopt";
import { baseName, personNotePath, safeFileName } from "./paths";
import { personNoteText } from "./person-note";
import type { Relationship } from "./types";

/** What the user chose in the preview. */
export interface AdoptionChoices {
  /** Paths of the 1:1 notes to write to. */
  notes: ReadonlySet<string>;
  /** New people by key: the (possibly edited) name, or null to create nobody. */
  people: ReadonlyMap<string, string | null>;
  /** Save the name offered as yours in the settings. */
  you?: boolean;
  /** The relationship of the new people whose notes give none (asked once for all); none to leave it empty. */
  relationship?: Relationship | null;
}

export interface AdoptionWrites {
  /** Properties to add per note (only where still empty when written). */
  properties: { path: string; values: Record<string, string> }[];
  /** Person notes to create. */
  creates: { path: string; name: string; text: string }[];
  /** Choices that cannot be carried out, in words. */
  problems: string[];
  /** Your name, to save in the settings; null to leave them. */
  myName: string | null;
}

/** Turns the plan and the choices into the writes to make. Pure. */
export function adoptionWrites(
  plan: AdoptionPlan,
  choices: AdoptionChoices,
  options: { peopleFolder: string; queueHeading: string },
): AdoptionWrites {
  const creates: AdoptionWrites["creates"] = [];
  const problems: string[] = [];
  const targets = new Map<string, string>();
  const usedPaths = new Set<string>();
  for (const person of plan.newPeople) {
    const chosen = choices.people.has(person.key) ? choices.people.get(person.key) : person.selected ? person.name : null;
    if (chosen === null || chosen === undefined || impliedOnlyByUnticked(plan.notes, person, choices.notes)) continue;
    const name = chosen.replace(/\s+/g, " ").trim();
    // An edited name renames the file; an untouched one keeps the proposed file name (`@Name`).
    const fileName = name === person.name ? person.fileName : safeFileName(name);
    if (fileName === "") {
      problems.push(`"${chosen}" cannot be used as a note name; ${person.name} was not created.`);
      continue;
    }
    const path = fileName === person.fileName ? person.path : personNotePath({ folder: options.peopleFolder, name: fileName });
    if (usedPaths.has(path.toLowerCase())) {
      targets.set(person.key, fileName);
      continue;
    }
    usedPaths.add(path.toLowerCase());
    targets.set(person.key, fileName);
    const display = fileName.replace(/^@+\s*/, "");
    const aliases = display !== name ? [name] : [];
    const relationship = person.relationship?.relationship ?? choices.relationship ?? null;
    creates.push({ path, name, text: personNoteText({ aliases, relationship }, options.queueHeading) });
  }
  const properties: AdoptionWrites["properties"] = [];
  for (const note of plan.notes) {
    if (!choices.notes.has(note.path)) continue;
    const values: Record<string, string> = {};
    if (note.add.type) values.type = "one-on-one";
    if (note.add.person && note.person) {
      const target = note.person.kind === "existing" ? baseName(note.person.path) : (targets.get(note.person.key) ?? null);
      if (target !== null) values.person = `[[${target}]]`;
    }
    if (note.add.date !== null) values.date = note.add.date;
    if (Object.keys(values).length > 0) properties.push({ path: note.path, values });
  }
  return { properties, creates, problems, myName: choices.you === true && plan.you !== null ? plan.you.name : null };
}
