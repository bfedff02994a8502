/**
 * Custom agenda templates: a note whose text replaces the built-in skeleton, with placeholders
 * `{{person}}` (the name; a link is written `[[{{person}}]]`), `{{date}}` (`YYYY-MM-DD`, or
 * `{{date:dddd D MMMM}}` with a dayjs format), `{{previous_agreements}}` and `{{talking_points}}`.
 * Whitespace inside the braces is allowed (`{{ person }}`). Anything else in double braces is
 * left as it is and reported, so that settings can warn about it.
 */
import { formatDate } from "./dates";
import { detectEol } from "./markdown";
import type { IsoDate } from "./types";

export interface TemplateValues {
  person: string;
  date: IsoDate;
  previous_agreements: string;
  talking_points: string;
}

export const TEMPLATE_PLACEHOLDERS = ["person", "date", "previous_agreements", "talking_points"] as const;
type PlaceholderName = (typeof TEMPLATE_PLACEHOLDERS)[number];

/** `{{ name }}` or `{{ name:format }}`; the name is a word, the format anything but braces. */
const PLACEHOLDER = /\{\{[ \t]*([A-Za-z_][\w.-]*)[ \t]*(?::([^{}\r\n]*))?\}\}/g;

function isKnown(name: string): name is PlaceholderName {
  return (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name);
}

/** The placeholder as it reads in the template, whitespace trimmed: `person`, `date:YYYY`. */
function placeholderKey(name: string, format: string | undefined): string {
  return format === undefined ? name : `${name}:${format.trim()}`;
}

/** Whether a placeholder is one `renderTemplate` replaces. */
function isReplaced(name: string, format: string | undefined): boolean {
  if (!isKnown(name)) return false;
  return format === undefined || (name === "date" && format.trim() !== "");
}

/** Every placeholder in the template, in order of first appearance, without duplicates. */
export function templatePlaceholders(template: string): string[] {
  const found: string[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) {
    const key = placeholderKey(match[1] ?? "", match[2]);
    if (!found.includes(key)) found.push(key);
  }
  return found;
}

/** The placeholders `renderTemplate` leaves as they are (unknown names, or a format on them). */
export function unknownPlaceholders(template: string): string[] {
  const found: string[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (isReplaced(match[1] ?? "", match[2])) continue;
    const key = placeholderKey(match[1] ?? "", match[2]);
    if (!found.includes(key)) found.push(key);
  }
  return found;
}

/**
 * The template with its placeholders replaced. A value of several lines placed after a quote or
 * callout prefix (`> {{previous_agreements}}`) gets that prefix on each of its lines, so it stays
 * inside the callout (and indentation likewise keeps it nested). Values take the template's line ending.
 */
export function renderTemplate(template: string, values: TemplateValues): string {
  const eol = detectEol(template);
  return template.replace(PLACEHOLDER, (whole: string, name: string, format: string | undefined, offset: number) => {
    if (!isReplaced(name, format)) return whole;
    let value: string;
    if (name === "date" && format !== undefined) {
      value = formatDate(values.date, format.trim()) || values.date;
    } else {
      value = values[name as PlaceholderName];
    }
    const lines = value.replace(/\r\n?/g, "\n").split("\n");
    if (lines.length === 1) return value;
    const lineStart = template.lastIndexOf("\n", offset - 1) + 1;
    const before = template.slice(lineStart, offset);
    const prefix = /^[ \t>]*$/.test(before) ? before : "";
    return lines.map((line, i) => (i === 0 ? line : line === "" ? prefix.trimEnd() + line : prefix + line)).join(eol);
  });
}
