/**
 * The relationship a new person gets when Adopt creates their note, from the 1:1 notes that name
 * them. A note says it by its `relationship` property, by a `role` that is a relationship
 * (`role: manager`, `role: direct report` — not a job title such as "Backend engineer"), or by a
 * tag that is one (`#report`, `#mentor`, `#relationship/peer`). When the notes say one
 * relationship, the person gets it; when they say none, or disagree, they get none from the notes
 * and the user is asked once for all such people in the preview.
 */
import { readProperty, relationshipOf } from "./person";
import type { Relationship } from "./types";

/** What a 1:1 note offers: its properties and its tags (lower case, without `#`). */
export interface RelationshipSource {
  frontmatter: Record<string, unknown> | null;
  tags: readonly string[];
}

export interface FoundRelationship {
  relationship: Relationship;
  /** Where it was read, in words: `the relationship property`, `the tag #mentor`. */
  from: string;
}

/** The first text of a property value (a list gives its first text). */
function textOf(value: unknown): string | null {
  const first = Array.isArray(value) ? (value as unknown[]).find((item) => typeof item === "string") : value;
  return typeof first === "string" ? first : null;
}

/** What one note says of the relationship, or null. `other` is no relationship a tag gives. */
function inNote(note: RelationshipSource): FoundRelationship | null {
  const fm = note.frontmatter ?? {};
  for (const [names, label] of [
    [["relationship", "relationship-type", "relation"], "the relationship property"],
    [["role"], "the role property"],
  ] as const) {
    const text = textOf(readProperty(fm, ...names));
    const relationship = text === null ? null : relationshipOf(text);
    if (relationship !== null) return { relationship, from: label };
  }
  for (const tag of note.tags) {
    const word = tag.replace(/^relationship\//, "").replace(/[-_]+/g, " ");
    const relationship = word.includes("/") ? null : relationshipOf(word);
    if (relationship !== null && relationship !== "other") return { relationship, from: `the tag #${tag}` };
  }
  return null;
}

/** The relationship the notes agree on (see the module's header), or null. */
export function relationshipInNotes(notes: readonly RelationshipSource[]): FoundRelationship | null {
  let found: FoundRelationship | null = null;
  for (const note of notes) {
    const here = inNote(note);
    if (here === null) continue;
    if (found !== null && found.relationship !== here.relationship) return null;
    found ??= here;
  }
  return found;
}
