/**
 * How people are found by what notes call them: the keys of a person (name, aliases, first name,
 * slugs) and how surely each names them, name lookups, and slugs.
 */
import { baseName } from "./paths";
import { personName } from "./person";
import type { Owner, Person } from "./types";

/** Lower-cased, NFC-normalized, trimmed: how names and `@name` owners are compared. */
export function lookupKey(text: string): string {
  return text.normalize("NFC").trim().toLowerCase();
}

/**
 * Finds people by name or alias, as written (`lookupKey`) or as a slug — not by first name alone.
 * A name may find several people; each is listed once.
 */
export function peopleByName<T extends { name: string; aliases: readonly string[] }>(people: readonly T[]): (name: string) => T[] {
  const byKey = new Map<string, T[]>();
  for (const person of people) {
    for (const text of [person.name, ...person.aliases]) {
      for (const key of [lookupKey(text), personSlug(text)]) {
        if (key === "") continue;
        const list = byKey.get(key) ?? [];
        if (!list.includes(person)) list.push(person);
        byKey.set(key, list);
      }
    }
  }
  return (name) => byKey.get(lookupKey(name)) ?? byKey.get(personSlug(name)) ?? [];
}

/**
 * True for a UTF-16 unit that separates words in a slug: ASCII punctuation and spaces, Latin-1
 * symbols, general punctuation, symbols and arrows, CJK punctuation, variation selectors,
 * full-width punctuation and surrogates (astral characters are mostly emoji). Letters and digits
 * of any script are kept. Checked by code, as a regex class of surrogates misbehaves without the
 * `u` flag.
 */
export function isSlugSeparator(code: number): boolean {
  if (code < 0x80) {
    const isDigit = code >= 0x30 && code <= 0x39;
    const isLetter = (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
    return !isDigit && !isLetter;
  }
  return (
    code <= 0xbf ||
    code === 0xd7 ||
    code === 0xf7 ||
    (code >= 0x2000 && code <= 0x2bff) ||
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xd800 && code <= 0xdfff) ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff0f) ||
    (code >= 0xff1a && code <= 0xff20) ||
    (code >= 0xff3b && code <= 0xff40) ||
    (code >= 0xff5b && code <= 0xff65)
  );
}

/**
 * A URL-like slug: lower case, accents dropped from Latin letters, anything but letters and digits
 * turned into `-`. Letters of other scripts are kept as they are: "Анна Иванова" → "анна-иванова".
 */
export function personSlug(name: string): string {
  const folded = name
    .normalize("NFD")
    .replace(/([A-Za-z])[\u0300-\u036f]+/g, "$1")
    .normalize("NFC")
    .toLowerCase();
  let slug = "";
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    if (isSlugSeparator(code)) {
      if (slug !== "" && !slug.endsWith("-")) slug += "-";
    } else {
      slug += folded[i] ?? "";
    }
  }
  return slug.endsWith("-") ? slug.slice(0, -1) : slug;
}

/** How surely a key names a person: their own name, an alias they were given, or a first name. */
export type KeyStrength = 0 | 1 | 2;

/**
 * The keys a person is found by, lower-cased, each with how surely it names them: 0 for the file
 * name, the display name and the path; 1 for aliases; 2 for the first name (property or the
 * name's first word). Each also as a slug (accents and punctuation folded: "zoe-angstrom") and
 * without spaces (`@anyapetrova`).
 */
export function personKeysByStrength(
  person: Pick<Person, "name" | "firstName" | "aliases">,
  path: string | null = null,
): { key: string; strength: KeyStrength }[] {
  const out: { key: string; strength: KeyStrength }[] = [];
  const add = (text: string | null | undefined, strength: KeyStrength): void => {
    if (typeof text !== "string") return;
    for (const form of [text, personSlug(text), text.replace(/\s+/g, "")]) {
      const key = lookupKey(form);
      if (key === "") continue;
      const known = out.find((k) => k.key === key);
      if (!known) out.push({ key, strength });
      else if (strength < known.strength) known.strength = strength;
    }
  };
  if (path !== null) {
    add(path.replace(/\.md$/i, ""), 0);
    add(baseName(path), 0);
    add(personName(path), 0);
  }
  add(person.name, 0);
  for (const alias of person.aliases) add(alias, 1);
  add(person.firstName ?? person.name.trim().split(/\s+/)[0] ?? null, 2);
  return out;
}

/**
 * The keys a person is found by, lower-cased: full name, first name (property or the name's first
 * word), aliases, slugs of those, and names without spaces (`@anyapetrova`).
 */
export function personKeys(person: Pick<Person, "name" | "firstName" | "aliases">): string[] {
  return personKeysByStrength(person).map((k) => k.key);
}

/** The name to write inside `[[…]]` for a person: the note's base name (with any leading `@`). */
export function linkTarget(person: Pick<Person, "path" | "name">): string {
  const base = baseName(person.path);
  return base === "" ? person.name : base;
}

/** A person's path for an owner, "me", or null when unassigned or unknown. */
export function resolveOwner(owner: Owner, lookup: (key: string) => string | null): string | null {
  switch (owner.kind) {
    case "me":
      return "me";
    case "none":
      return null;
    case "name":
      return lookup(lookupKey(owner.name)) ?? lookup(personSlug(owner.name));
    case "link": {
      const target = owner.target.replace(/\.md$/i, "");
      const base = target.split("/").pop() ?? target;
      return lookup(lookupKey(target)) ?? lookup(lookupKey(personName(base))) ?? null;
    }
  }
}

/**
 * Whose an agreement is when its owner's name could mean two or more people (the alias of one and
 * the first name of another, say): the person the note is with, when they are one of them (`@sam`
 * in a 1:1 with Sam Lee is Sam Lee's); otherwise nobody's — the agreement says whom it could mean
 * (see `ambiguousOwnerName`) and each of them is told (see `ambiguousOwnerProblem`).
 */
export function ownerFromContext(couldBe: readonly string[], notePerson: string | null): string | null {
  return notePerson !== null && couldBe.includes(notePerson) ? notePerson : null;
}

/** How an owner that could mean several people is shown: `sam (ambiguous: Sam Lee or Sam Okafor)`. */
export function ambiguousOwnerName(written: string, names: readonly string[]): string {
  return `${written} (ambiguous: ${orNames(names)})`;
}

/**
 * What each person an ambiguous owner could mean is told, once for each way it is written: how
 * many open agreements it owns, whom it could be, and how to say whose they are.
 */
export function ambiguousOwnerProblem(written: string, count: number, names: readonly string[]): string {
  const what = count === 1 ? "1 open agreement is" : `${count} open agreements are`;
  return `${what} owned by "${written}", which could be ${orNames(names)} (Follow-ups shows it as "${ambiguousOwnerName(written, names)}"); write the full name or a link to say whose it is.`;
}

/** "Sam Lee or Sam Okafor", "A, B or C": names in the order of their letters. */
export function orNames(names: readonly string[]): string {
  const sorted = [...names].sort();
  return sorted.length <= 1 ? (sorted[0] ?? "") : `${sorted.slice(0, -1).join(", ")} or ${sorted[sorted.length - 1] ?? ""}`;
}
