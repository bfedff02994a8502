/**
 * Whether a contact of an imported file is one of the people you already have.
 */
import { lookupKey, personSlug } from "./person-names";

/** What the rule reads of a person note. */
export interface MatchPerson {
  name: string;
  aliases: readonly string[];
  /** The `first-name` and `last-name` properties. */
  firstName: string | null;
  lastName: string | null;
  /** The birthday as a property value: `YYYY-MM-DD`, or `--MM-DD` when the year is unknown. */
  birthday: string | null;
}

/** What the rule reads of a contact. */
export interface MatchContact {
  name: string;
  lastName: string | null;
  /** `YYYY-MM-DD`, or `--MM-DD` when the year is unknown. */
  birthday: string | null;
}

/** A person the contact may be, and why that is not sure. */
export interface MatchCandidate<T> {
  person: T;
  reasons: string[];
}

export type ContactMatch<T> = { kind: "new" } | { kind: "same"; person: T } | { kind: "ask"; candidates: MatchCandidate<T>[] };

/** Words of a name: runs between spaces that hold a letter or a digit ("🎸" alone is no word). */
export function nameWords(name: string): string[] {
  return name
    .trim()
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
}

function sameText(a: string, b: string): boolean {
  return lookupKey(a) === lookupKey(b) || (personSlug(a) !== "" && personSlug(a) === personSlug(b));
}

/** Year (null when unknown), month and day of a birthday value, or null. */
function birthdayParts(value: string | null): [number | null, number, number] | null {
  const m = /^(?:(\d{4})|-)-(\d{2})-(\d{2})$/.exec(value ?? "");
  return m ? [m[1] === undefined ? null : Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** Why the contact and the person do not look like one person (birthday, last name); [] when nothing differs. */
function differences(contact: MatchContact, person: MatchPerson): string[] {
  const reasons: string[] = [];
  const a = birthdayParts(contact.birthday);
  const b = birthdayParts(person.birthday);
  if (a && b && (a[1] !== b[1] || a[2] !== b[2] || (a[0] !== null && b[0] !== null && a[0] !== b[0]))) {
    reasons.push(`birthday ${contact.birthday ?? ""} in the file, ${person.birthday ?? ""} in the note of ${person.name}`);
  }
  const last = contact.lastName?.trim() ?? "";
  const folded = (text: string) => personSlug(text) || lookupKey(text);
  if (last !== "" && ![person.lastName ?? "", person.name, ...person.aliases].some((name) => name !== "" && folded(name).includes(folded(last)))) {
    reasons.push(`last name ${last}, which no name of ${person.name} has`);
  }
  return reasons;
}

/**
 * Whether a contact is one of your people:
 * - **the same person** when the contact's full name is a person's name, or an alias of theirs of
 *   two words or more, ignoring case and accents ("Jose Garcia" is "José García"), and nothing
 *   both know differs: not the birthday (day and month; the year when both have one), not the
 *   last name (one that none of the person's names holds: "李" is in "李伟");
 * - **to ask** when the names match but the birthday or last name differs, when the name is that
 *   of several people, or when the contact's name is one word that is only a person's first name
 *   or a one-word alias ("Sam" for Sam Okafor): never the same person by a first name alone;
 * - otherwise **a new person**.
 */
export function matchContact<T extends MatchPerson>(contact: MatchContact, people: readonly T[]): ContactMatch<T> {
  const full = people.filter((p) => sameText(p.name, contact.name) || p.aliases.some((a) => nameWords(a).length > 1 && sameText(a, contact.name)));
  if (full.length === 1 && full[0] && differences(contact, full[0]).length === 0) return { kind: "same", person: full[0] };
  if (full.length > 0) {
    return { kind: "ask", candidates: full.map((person) => ({ person, reasons: differences(contact, person) })) };
  }
  if (nameWords(contact.name).length !== 1) return { kind: "new" };
  const firstNames = (p: MatchPerson): string[] => {
    const words = nameWords(p.name);
    return [p.firstName ?? "", words.length > 1 ? (words[0] ?? "") : "", ...p.aliases.filter((a) => nameWords(a).length === 1)];
  };
  const partly = people.filter((p) => firstNames(p).some((n) => n !== "" && sameText(n, contact.name)));
  if (partly.length === 0) return { kind: "new" };
  return {
    kind: "ask",
    candidates: partly.map((person) => ({
      person,
      reasons: [`${contact.name.trim()} is only a first name or nickname of ${person.name}`, ...differences(contact, person)],
    })),
  };
}
