/**
 * The text of a new person note, with its properties written as Obsidian writes them (block style,
 * lists as `  - item`), and the rules for "an empty property" that adoption and contact import
 * share: they only ever fill properties that are empty.
 */
import { yamlString } from "./markdown";
import { readProperty } from "./person";
import type { Relationship } from "./types";

/** How property text is written; defined in `markdown.ts`, also exported here for adoption. */
export { yamlString };

/** A birthday as a property value: `1990-04-02` plain (a date), `--04-02` quoted. */
function yamlBirthday(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : yamlString(value);
}

/** The properties a new person note can be created with, in the order they are written. */
export interface PersonNoteProperties {
  firstName?: string | null;
  lastName?: string | null;
  aliases?: readonly string[];
  relationship?: Relationship | null;
  cadence?: string | null;
  role?: string | null;
  team?: string | null;
  /** `YYYY-MM-DD`, or `--MM-DD` without a year. */
  birthday?: string | null;
  tags?: readonly string[];
}

/**
 * A new person note: `type: person` and the given properties (empty ones left out), then the
 * talking-point queue heading, as **New person…** writes it.
 */
export function personNoteText(properties: PersonNoteProperties, queueHeading: string): string {
  const lines = ["---", "type: person"];
  const text = (key: string, value: string | null | undefined) => {
    if (typeof value === "string" && value.trim() !== "") lines.push(`${key}: ${yamlString(value.trim())}`);
  };
  const list = (key: string, values: readonly string[] | undefined) => {
    const items = (values ?? []).map((v) => v.trim()).filter((v) => v !== "");
    if (items.length === 0) return;
    lines.push(`${key}:`);
    for (const item of items) lines.push(`  - ${yamlString(item)}`);
  };
  text("first-name", properties.firstName);
  text("last-name", properties.lastName);
  list("aliases", properties.aliases);
  text("relationship", properties.relationship);
  text("cadence", properties.cadence);
  text("role", properties.role);
  text("team", properties.team);
  if (properties.birthday) lines.push(`birthday: ${yamlBirthday(properties.birthday)}`);
  list("tags", properties.tags);
  lines.push("---", "", `## ${queueHeading}`, "");
  return lines.join("\n");
}

/** Absent, null, blank text, or an empty list (or a list of blanks). */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.every((item) => isEmptyValue(item));
  return false;
}

/**
 * The key under which a property is stored: an existing spelling (`first_name`, `First Name`),
 * else the canonical name.
 */
export function propertyKey(frontmatter: Record<string, unknown>, name: string): string {
  if (name in frontmatter) return name;
  const fold = (key: string) => key.toLowerCase().replace(/[\s_-]+/g, "");
  return Object.keys(frontmatter).find((key) => fold(key) === fold(name)) ?? name;
}

/** One property set by `fillEmptyProperties`: where, and what was there before. */
export interface FilledProperty {
  key: string;
  /** Whether the key existed (with an empty value) before. */
  existed: boolean;
  before: unknown;
  after: unknown;
}

/**
 * Sets each of `values` only where the front matter has nothing yet (under any spelling of the
 * name). Returns what was set. Meant to run inside `processFrontMatter`, on the properties as they
 * are at the moment of writing.
 */
export function fillEmptyProperties(frontmatter: Record<string, unknown>, values: Record<string, unknown>): FilledProperty[] {
  const set: FilledProperty[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (!isEmptyValue(readProperty(frontmatter, name))) continue;
    const key = propertyKey(frontmatter, name);
    const existed = Object.prototype.hasOwnProperty.call(frontmatter, key);
    set.push({ key, existed, before: existed ? frontmatter[key] : undefined, after: value });
    frontmatter[key] = value;
  }
  return set;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Puts back what `fillEmptyProperties` changed, property by property, where the value is still
 * the one it wrote. Returns the keys that had been changed since and were left alone.
 */
export function restoreProperties(frontmatter: Record<string, unknown>, filled: readonly FilledProperty[]): string[] {
  const kept: string[] = [];
  for (const change of filled) {
    if (!sameValue(frontmatter[change.key], change.after)) {
      kept.push(change.key);
      continue;
    }
    if (change.existed) frontmatter[change.key] = change.before;
    else delete frontmatter[change.key];
  }
  return kept;
}
