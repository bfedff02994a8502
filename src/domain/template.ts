/**
 * Custom agenda templates: a note whose text replaces the built-in skeleton, with placeholders
 * `{{person}}` (the name; a link is written `[[{{person}}]]`), `{{date}}` (`YYYY-MM-DD`, or
 * `{{date:dddd D MMMM}}` with a dayjs format), `{{previous_agreements}}` and `{{talking_points}}`.
 * Whitespace inside the braces is allowed (`{{ person }}`). Anything else in double braces is
 * left as it is and reported, so that settings can warn about it. In the template's properties a
 * value is written so that YAML reads it back as it is: `person: "[[{{person}}]]"` for
 * `Robert "Bob" Smith` gives `person: "[[Robert \"Bob\" Smith]]"`.
 */
import { formatDate } from "./dates";
import { detectEol, yamlString } from "./markdown";
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

/** The length of the template's front matter (`---` … `---` or `...`), 0 without one. */
function frontMatterEnd(template: string): number {
  return /^---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(template)?.[0].length ?? 0;
}

/** The quote a YAML line is inside of at its end: `"`, `'`, or null (a quote opens only a value). */
function openQuote(line: string): '"' | "'" | null {
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote === '"') {
      if (c === "\\") i++;
      else if (c === '"') quote = null;
    } else if (quote === "'") {
      if (c === "'" && line[i + 1] === "'") i++;
      else if (c === "'") quote = null;
    } else if ((c === '"' || c === "'") && /(?:^|[:,[{-])[ \t]*$/.test(line.slice(0, i))) {
      quote = c;
    }
  }
  return quote;
}

/**
 * Whether YAML reads a text written bare as a value as that text (or as the date or number it
 * says, as the template means it): no leading indicator, no `: ` or ` #`, no spaces at the ends.
 */
function readsBare(value: string): boolean {
  return !/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) && !/: |\s#|:$/.test(value) && value === value.trim();
}

/**
 * A value placed in the template's properties, written with `yamlString`'s escapes: inside
 * double quotes escaped for them, inside single quotes with `'` doubled, as a whole value quoted
 * when YAML would misread it bare; elsewhere (part of a plain value) as it is.
 */
function propertyValue(value: string, before: string, after: string): string {
  const quote = openQuote(before);
  if (quote === "'") return value.replace(/'/g, "''");
  if (quote === '"') {
    const quoted = yamlString(value);
    return quoted.startsWith('"') ? quoted.slice(1, -1) : quoted;
  }
  const wholeValue = /^[ \t]*(?:-[ \t]+|[^:#\s][^:#]*:[ \t]+)$/.test(before) && /^[ \t]*$/.test(after);
  return wholeValue && !readsBare(value) ? yamlString(value) : value;
}

/**
 * The template with its placeholders replaced. A value of several lines placed after a quote or
 * callout prefix (`> {{previous_agreements}}`) gets that prefix on each of its lines, so it stays
 * inside the callout (and indentation likewise keeps it nested). Values take the template's line ending.
 */
export function renderTemplate(template: string, values: TemplateValues): string {
  const eol = detectEol(template);
  const properties = frontMatterEnd(template);
  return template.replace(PLACEHOLDER, (whole: string, name: string, format: string | undefined, offset: number) => {
    if (!isReplaced(name, format)) return whole;
    let value: string;
    if (name === "date" && format !== undefined) {
      value = formatDate(values.date, format.trim()) || values.date;
    } else {
      value = values[name as PlaceholderName];
    }
    if (offset < properties && !/[\r\n]/.test(value)) {
      const lineStart = template.lastIndexOf("\n", offset - 1) + 1;
      const lineEnd = template.slice(offset).search(/\r?\n|$/) + offset;
      return propertyValue(value, template.slice(lineStart, offset), template.slice(offset + whole.length, lineEnd));
    }
    const lines = value.replace(/\r\n?/g, "\n").split("\n");
    if (lines.length === 1) return value;
    const lineStart = template.lastIndexOf("\n", offset - 1) + 1;
    const before = template.slice(lineStart, offset);
    const prefix = /^[ \t>]*$/.test(before) ? before : "";
    return lines.map((line, i) => (i === 0 ? line : line === "" ? prefix.trimEnd() + line : prefix + line)).join(eol);
  });
}
