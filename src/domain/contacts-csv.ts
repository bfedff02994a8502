/**
 * Contacts from a CSV file with a header row, read with papaparse: Google Contacts and Outlook
 * exports are recognized by their headers, One-on-Ones' own export too; any other CSV goes
 * through a column mapping that the user confirms (guessed from the header names).
 *
 * Decisions:
 * - Rows are numbered as a spreadsheet shows them: the header is row 1.
 * - A row with more cells than the header is bad (an unquoted comma shifts every column after
 *   it); a row with fewer is read with the missing cells empty.
 * - Dates with slashes are month first (`4/2/1990`, as Outlook writes them in the US) unless a
 *   value only makes sense day first (`25/12/1990`); the dialog can change it. Dates with dots
 *   (`2.4.1990`) are always day first.
 * - Google's system labels (`* myContacts`, `* starred`) are not tags; `:::` separates labels.
 * - A cell that our CSV export protected against spreadsheet formulas (`'=…`) is read back
 *   without the quote.
 */
import Papa from "papaparse";
import {
  cleanText,
  composeName,
  nonEmpty,
  parseBirthday,
  parseRelationship,
  toTags,
  uniqueTexts,
  usableName,
  type BadRow,
  type Contact,
  type ContactsRead,
  type DateOrder,
} from "./contacts";

export const CONTACT_FIELDS = [
  "name",
  "firstName",
  "middleName",
  "lastName",
  "aliases",
  "birthday",
  "tags",
  "role",
  "team",
  "organization",
  "relationship",
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** What each field means, for the column mapping step. */
export const CONTACT_FIELD_LABELS: Record<ContactField, string> = {
  name: "Full name",
  firstName: "First name",
  middleName: "Middle name",
  lastName: "Last name",
  aliases: "Nicknames (aliases)",
  birthday: "Birthday",
  tags: "Tags (labels, groups, categories)",
  role: "Role (job title)",
  team: "Team (department)",
  organization: "Organization (team when there is no department)",
  relationship: "Relationship",
};

/** Field → column index. */
export type ColumnMapping = Partial<Record<ContactField, number>>;

export type CsvFormat = "google" | "outlook" | "one-on-ones" | "other";

export const CSV_FORMAT_NAMES: Record<CsvFormat, string> = {
  google: "Google Contacts",
  outlook: "Outlook",
  "one-on-ones": "One-on-Ones export",
  other: "CSV",
};

export interface CsvTable {
  header: string[];
  rows: { row: number; cells: string[] }[];
  bad: BadRow[];
}

/** Reads a CSV with a header row; the delimiter (comma, semicolon, tab…) is detected. */
export function readCsv(text: string): CsvTable | { error: string } {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" });
  const data = result.data.filter((row) => Array.isArray(row));
  const header = (data[0] ?? []).map((cell) => cleanText(cell));
  if (header.length === 0 || header.every((cell) => cell === "")) return { error: "The file is empty: a CSV with a header row is needed." };
  if (data.length < 2) return { error: "The file has a header row and no contacts." };
  const badRows = new Map<number, string>();
  for (const error of result.errors) {
    if (error.type === "Delimiter" || error.row === undefined) continue;
    const reason =
      error.code === "MissingQuotes"
        ? "A quoted cell is never closed; the rest of the file was read as part of it."
        : error.code === "InvalidQuotes"
          ? "A quote in the middle of a cell; quote the whole cell and double the quotes inside it."
          : `${error.message}.`;
    if (!badRows.has(error.row)) badRows.set(error.row, reason);
  }
  const rows: CsvTable["rows"] = [];
  const bad: BadRow[] = [];
  data.slice(1).forEach((cells, index) => {
    const dataIndex = index + 1;
    const row = dataIndex + 1;
    const problem = badRows.get(dataIndex);
    if (problem) {
      bad.push({ row, label: `Row ${row}`, reason: problem });
      return;
    }
    if (cells.length > header.length && cells.slice(header.length).some((cell) => cell.trim() !== "")) {
      bad.push({ row, label: `Row ${row}`, reason: `It has ${cells.length} cells and the header ${header.length}: a comma in a cell that is not quoted?` });
      return;
    }
    rows.push({ row, cells });
  });
  return { header, rows, bad };
}

const has = (header: string[], ...names: string[]) => names.some((name) => header.some((h) => h.toLowerCase() === name));

export function detectCsvFormat(header: string[]): CsvFormat {
  if (has(header, "labels", "group membership") && has(header, "first name", "given name")) return "google";
  if (has(header, "categories") && has(header, "first name") && has(header, "e-mail address", "job title", "company", "business phone")) return "outlook";
  if (has(header, "name") && has(header, "relationship") && has(header, "cadence", "next due", "last seen")) return "one-on-ones";
  return "other";
}

const SYNONYMS: Record<ContactField, string[]> = {
  name: ["name", "full name", "display name", "contact name", "fn"],
  firstName: ["first name", "given name", "firstname", "first-name", "first_name", "first", "forename"],
  middleName: ["middle name", "additional name", "middle"],
  lastName: ["last name", "family name", "surname", "lastname", "last-name", "last_name", "last"],
  aliases: ["nickname", "nick name", "nicknames", "nick", "aliases", "alias"],
  birthday: ["birthday", "birth date", "date of birth", "dob", "birthdate", "born"],
  tags: ["labels", "group membership", "categories", "tags", "groups", "tag", "group"],
  role: ["job title", "organization title", "organization 1 - title", "role", "position", "title"],
  team: ["department", "organization department", "organization 1 - department", "team", "unit"],
  organization: ["company", "organization name", "organization 1 - name", "organization", "organisation", "org"],
  relationship: ["relationship", "relation"],
};

/** The mapping a header suggests; `Title` is a role unless the file also has Suffix (Outlook's "Mr."). */
export function guessMapping(header: string[]): ColumnMapping {
  const lower = header.map((h) => h.trim().toLowerCase());
  const mapping: ColumnMapping = {};
  const honorific = lower.includes("suffix");
  for (const field of CONTACT_FIELDS) {
    for (const synonym of SYNONYMS[field]) {
      if (field === "role" && synonym === "title" && honorific) continue;
      const index = lower.indexOf(synonym);
      if (index >= 0 && !Object.values(mapping).includes(index)) {
        mapping[field] = index;
        break;
      }
    }
  }
  return mapping;
}

/** Whether a mapping can name people: a full name, or a first or last name. */
export function mappingProblem(mapping: ColumnMapping): string | null {
  if (mapping.name === undefined && mapping.firstName === undefined && mapping.lastName === undefined) {
    return "Choose the column with the full name, or the columns with first and last names.";
  }
  return null;
}

function cell(cells: string[], index: number | undefined): string {
  if (index === undefined) return "";
  const text = cells[index] ?? "";
  // Our CSV export protects cells against spreadsheet formulas with a leading quote.
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** Month first unless some slash date in the birthday column only works day first. */
export function detectDateOrder(table: CsvTable, mapping: ColumnMapping): DateOrder {
  let dayFirst = false;
  let monthFirst = false;
  for (const { cells } of table.rows) {
    const m = /^\s*(\d{1,2})\/(\d{1,2})\/\d{2,4}\s*$/.exec(cell(cells, mapping.birthday));
    if (!m) continue;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[2]) > 12) monthFirst = true;
  }
  return dayFirst && !monthFirst ? "day-first" : "month-first";
}

function splitLabels(text: string, format: CsvFormat): string[] {
  const parts = format === "google" || text.includes(":::") ? text.split(":::") : text.split(/[;,]/);
  return parts.map((p) => p.trim()).filter((p) => p !== "" && !p.startsWith("*") && p.toLowerCase() !== "mycontacts" && p.toLowerCase() !== "starred");
}

/** Contacts from the rows of a table, by a column mapping. */
export function contactsFromCsv(
  table: CsvTable,
  mapping: ColumnMapping,
  options: { format: CsvFormat; dateOrder: DateOrder },
): ContactsRead {
  const contacts: Contact[] = [];
  const bad: BadRow[] = [...table.bad];
  for (const { row, cells } of table.rows) {
    const label = `Row ${row}`;
    const firstName = nonEmpty(cell(cells, mapping.firstName));
    const lastName = nonEmpty(cell(cells, mapping.lastName));
    const middle = nonEmpty(cell(cells, mapping.middleName));
    const name = cleanText(cell(cells, mapping.name)) || composeName(firstName, middle, lastName);
    if (!usableName(name)) {
      bad.push({ row, label, reason: name === "" ? "It has no name." : `Its name "${name}" cannot be used as a note name.` });
      continue;
    }
    const warnings: string[] = [];
    const birthday = parseBirthday(cell(cells, mapping.birthday), options.dateOrder);
    if (birthday.problem) warnings.push(birthday.problem);
    const relationshipText = cleanText(cell(cells, mapping.relationship));
    const relationship = parseRelationship(relationshipText);
    if (relationshipText !== "" && relationship === null) warnings.push(`Relationship "${relationshipText}" is unknown; it was left out.`);
    contacts.push({
      row,
      label,
      name,
      firstName,
      lastName,
      aliases: uniqueTexts(cell(cells, mapping.aliases).split(/[;,]/)),
      birthday: birthday.value,
      relationship,
      role: nonEmpty(cell(cells, mapping.role)),
      team: nonEmpty(cell(cells, mapping.team)) ?? nonEmpty(cell(cells, mapping.organization)),
      tags: toTags(splitLabels(cell(cells, mapping.tags), options.format)),
      warnings,
    });
  }
  bad.sort((a, b) => a.row - b.row);
  return { contacts, bad };
}
