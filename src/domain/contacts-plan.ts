/**
 * The plan of importing contacts as person notes, shown in the preview before anything is written.
 *
 * Decisions:
 * - Whether a contact is one of your people is `matchContact`'s rule: by full name, never by a
 *   first name alone. A contact that may be someone (a first name only, another birthday or last
 *   name, the name of several people) is a question the preview asks; nothing is written for it
 *   unless the user answers.
 * - An existing person is updated only in properties that are empty. First and last name are not
 *   written when they say no more than the note's name already does ("Anya" and "Petrova" for
 *   "Anya Petrova"), so exporting and importing again changes nothing.
 * - New people get the cadence chosen in the dialog (none by default), so that an import does
 *   not make everyone due at once; existing people keep theirs.
 * - Two contacts of the file with the same name (or the same file name) are one person: the
 *   later one fills what the first lacks and is listed as merged.
 */
import { matchContact, nameWords, type MatchPerson } from "./contact-match";
import { birthdayValue, nameParts, toTags, uniqueTexts, type BadRow, type Contact, type ContactsRead } from "./contacts";
import { fileNameKey, personNotePath, safeFileName } from "./paths";
import { parsePerson, readProperty } from "./person";
import { lookupKey, personSlug } from "./person-names";
import { isEmptyValue, personNoteText } from "./person-note";
import type { Relationship } from "./types";

/** A person note of the vault, with its properties as they are, to judge what is empty. */
export interface ExistingPerson {
  path: string;
  name: string;
  aliases: string[];
  frontmatter: Record<string, unknown> | null;
}

export interface ImportOptions {
  peopleFolder: string;
  /** The relationship chosen in the dialog, for contacts that bring none. */
  relationship: Relationship | null;
  /** Tags chosen in the dialog, added to every contact's. */
  tags: string[];
  /** The cadence written on new people (`none`, `monthly`…); null writes none, so the relationship's default applies. */
  cadence: string | null;
  queueHeading: string;
  /** Whether a file exists at a path (any case). */
  exists?: (path: string) => boolean;
}

export interface ImportCreate {
  contact: Contact;
  path: string;
  name: string;
  text: string;
}

export interface ImportUpdate {
  contact: Contact;
  path: string;
  name: string;
  /** Property values to set where the note has none (canonical names). */
  values: Record<string, unknown>;
}

/** A contact that may be one of your people: imported only as you decide. */
export interface ImportQuestion {
  contact: Contact;
  /** The people it may be, why it is not sure, and what importing into each would add. */
  candidates: { path: string; name: string; reasons: string[]; values: Record<string, unknown> }[];
  /** The new person note it would be, when that name is free. */
  create: ImportCreate | null;
}

/** What to do with a question: leave the contact out, make it a new person, or add it to a person (by path). */
export type ImportAnswer = { kind: "skip" } | { kind: "new" } | { kind: "person"; path: string };

export interface ImportPlan {
  creates: ImportCreate[];
  updates: ImportUpdate[];
  /** Contacts that match a person whose note has everything already. */
  unchanged: { contact: Contact; path: string; name: string }[];
  /** Contacts that may be one of your people, to decide in the preview. */
  questions: ImportQuestion[];
  skipped: BadRow[];
  warnings: { row: number; label: string; name: string; message: string }[];
}

/** The property values a contact gives, with the dialog's relationship and tags. */
function contactValues(contact: Contact, options: ImportOptions): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (contact.firstName) values["first-name"] = contact.firstName;
  if (contact.lastName) values["last-name"] = contact.lastName;
  const aliases = uniqueTexts(contact.aliases).filter((alias) => lookupKey(alias) !== lookupKey(contact.name));
  if (aliases.length > 0) values.aliases = aliases;
  const relationship = contact.relationship ?? options.relationship;
  if (relationship) values.relationship = relationship;
  if (contact.role) values.role = contact.role;
  if (contact.team) values.team = contact.team;
  if (contact.birthday) values.birthday = contact.birthday;
  const tags = toTags([...contact.tags, ...options.tags]);
  if (tags.length > 0) values.tags = tags;
  return values;
}

/** Fills what `into` lacks from `from` (a later contact with the same name). */
function mergeContact(into: Contact, from: Contact): void {
  into.firstName ??= from.firstName;
  into.lastName ??= from.lastName;
  into.birthday ??= from.birthday;
  into.relationship ??= from.relationship;
  into.role ??= from.role;
  into.team ??= from.team;
  into.aliases = uniqueTexts([...into.aliases, ...from.aliases]);
  into.tags = toTags([...into.tags, ...from.tags]);
}

/** A person note as the matching rule reads it. */
type Known = ExistingPerson & MatchPerson;

function known(person: ExistingPerson): Known {
  const parsed = parsePerson({ path: person.path, frontmatter: person.frontmatter });
  return {
    ...person,
    firstName: parsed.firstName,
    lastName: parsed.lastName,
    birthday: parsed.birthday ? birthdayValue(parsed.birthday) : null,
  };
}

/**
 * The people who share a name, an alias or a first name with a name (as written or as a slug):
 * the only ones `matchContact` can find for it, looked up at once for many contacts.
 */
function sharingNames(people: readonly Known[]): (name: string) => Known[] {
  const byKey = new Map<string, Known[]>();
  for (const person of people) {
    for (const text of [person.name, ...person.aliases, person.firstName ?? "", nameWords(person.name)[0] ?? ""]) {
      for (const key of [lookupKey(text), personSlug(text)]) {
        const list = byKey.get(key) ?? [];
        if (key !== "" && !list.includes(person)) byKey.set(key, [...list, person]);
      }
    }
  }
  const order = new Map(people.map((person, index) => [person, index]));
  return (name) => {
    const found = new Set([...(byKey.get(lookupKey(name)) ?? []), ...(byKey.get(personSlug(name)) ?? [])]);
    return [...found].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  };
}

/** The values a contact would add to a person: those the note lacks, without names its own name says. */
function missingValues(person: Known, values: Record<string, unknown>): Record<string, unknown> {
  const parts = nameParts(person.name);
  const missing: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (!isEmptyValue(readProperty(person.frontmatter ?? {}, key))) continue;
    if (key === "first-name" && value === parts.given) continue;
    if (key === "last-name" && value === parts.family) continue;
    missing[key] = value;
  }
  return missing;
}

/**
 * What importing the contacts would do: person notes to create, people to update (only empty
 * properties), contacts to decide about (`matchContact`), and rows skipped with their reason.
 * Pure; the bad rows of reading come first.
 */
export function planImport(read: ContactsRead, people: readonly ExistingPerson[], options: ImportOptions): ImportPlan {
  const exists = options.exists ?? (() => false);
  const knownPeople = people.map(known);
  const sharing = sharingNames(knownPeople);
  const plan: ImportPlan = { creates: [], updates: [], unchanged: [], questions: [], skipped: [...read.bad], warnings: [] };

  // One contact per name: later ones with the same name (or file name) are merged into the first.
  const firstByKey = new Map<string, Contact>();
  const contacts: Contact[] = [];
  for (const original of read.contacts) {
    const contact: Contact = { ...original, aliases: [...original.aliases], tags: [...original.tags], warnings: [...original.warnings] };
    const keys = [lookupKey(contact.name), `file:${fileNameKey(contact.name)}`];
    const earlier = keys.map((key) => firstByKey.get(key)).find((c) => c !== undefined);
    if (earlier) {
      mergeContact(earlier, contact);
      plan.skipped.push({ row: contact.row, label: contact.label, reason: `${contact.name}: the same person as ${earlier.label.toLowerCase()}; merged into it.` });
      continue;
    }
    for (const key of keys) firstByKey.set(key, contact);
    contacts.push(contact);
  }

  const claimed = new Map<string, Contact>();
  for (const contact of contacts) {
    for (const message of contact.warnings) plan.warnings.push({ row: contact.row, label: contact.label, name: contact.name, message });
    const values = contactValues(contact, options);
    const match = matchContact(contact, sharing(contact.name));
    if (match.kind === "same") {
      const person = match.person;
      const earlier = claimed.get(person.path);
      if (earlier) {
        plan.skipped.push({ row: contact.row, label: contact.label, reason: `${contact.name}: the same person as ${earlier.label.toLowerCase()} (${person.name}).` });
        continue;
      }
      claimed.set(person.path, contact);
      const missing = missingValues(person, values);
      if (Object.keys(missing).length > 0) plan.updates.push({ contact, path: person.path, name: person.name, values: missing });
      else plan.unchanged.push({ contact, path: person.path, name: person.name });
      continue;
    }
    const fileName = safeFileName(contact.name);
    const path = personNotePath({ folder: options.peopleFolder, name: fileName });
    const taken = exists(path) || knownPeople.some((p) => p.path.toLowerCase() === path.toLowerCase());
    const aliases = (values.aliases as string[] | undefined) ?? [];
    if (fileName !== contact.name) aliases.unshift(contact.name);
    const text = personNoteText(
      {
        firstName: contact.firstName,
        lastName: contact.lastName,
        aliases,
        relationship: (values.relationship as Relationship | undefined) ?? null,
        cadence: options.cadence,
        role: contact.role,
        team: contact.team,
        birthday: contact.birthday,
        tags: (values.tags as string[] | undefined) ?? [],
      },
      options.queueHeading,
    );
    const create: ImportCreate = { contact, path, name: contact.name, text };
    if (match.kind === "ask") {
      const candidates = match.candidates.map(({ person, reasons }) => ({ path: person.path, name: person.name, reasons, values: missingValues(person, values) }));
      plan.questions.push({ contact, candidates, create: taken ? null : create });
      continue;
    }
    if (taken) {
      plan.skipped.push({ row: contact.row, label: contact.label, reason: `${contact.name}: a note "${path}" exists and is not a person note.` });
      continue;
    }
    plan.creates.push(create);
  }
  return plan;
}

/**
 * The plan with the questions answered: a contact becomes the new person or fills the empty
 * properties of the person chosen; one without an answer (or left out) is listed as skipped.
 */
export function answerQuestions(plan: ImportPlan, answers: readonly (ImportAnswer | undefined)[]): ImportPlan {
  const out: ImportPlan = { ...plan, creates: [...plan.creates], updates: [...plan.updates], unchanged: [...plan.unchanged], questions: [], skipped: [...plan.skipped] };
  plan.questions.forEach((question, index) => {
    const answer = answers[index] ?? { kind: "skip" };
    const { contact } = question;
    const person = answer.kind === "person" ? question.candidates.find((c) => c.path === answer.path) : undefined;
    if (answer.kind === "new" && question.create) out.creates.push(question.create);
    else if (person && Object.keys(person.values).length > 0) out.updates.push({ contact, path: person.path, name: person.name, values: person.values });
    else if (person) out.unchanged.push({ contact, path: person.path, name: person.name });
    else {
      const names = question.candidates.map((c) => c.name).join(", ");
      out.skipped.push({ row: contact.row, label: contact.label, reason: `${contact.name}: may be ${names}; left out.` });
    }
  });
  return out;
}
