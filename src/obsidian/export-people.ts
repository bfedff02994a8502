import { Notice, type App, type TFile } from "obsidian";
import { exportContact, freePath } from "../domain/contacts";
import { systemClock, type Clock } from "../domain/dates";
import { peopleToCsv } from "../domain/people-table";
import type { Person } from "../domain/types";
import type { PersonRow } from "../domain/view-models";
import { toVCard } from "../domain/vcard";
import { describe, type NoteWriter } from "./note-writer";

export type ExportFormat = "csv" | "vcard";

export interface ExportOptions {
  /** Where "today" in the file name comes from. */
  clock?: Clock;
  /** The folder of the file; "" (default) for the vault root. */
  folder?: string;
  /** A person's note, for vCard: first and last name and birthday (the table's rows carry the next birthday only). */
  personOf?: (path: string) => Person | null;
}

/**
 * Writes the rows as a new file, `People export YYYY-MM-DD.csv` or `.vcf` (`… 2.vcf` and so on
 * when the name is taken; nothing is ever overwritten), and says so. Returns the file, or null
 * when nothing was written.
 */
export async function exportPeople(
  app: App,
  writer: NoteWriter,
  rows: readonly PersonRow[],
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<TFile | null> {
  if (rows.length === 0) {
    new Notice("No people to export.");
    return null;
  }
  const text =
    format === "csv"
      ? peopleToCsv(rows)
      : toVCard(rows.map((row) => exportContact(row, options.personOf?.(row.path) ?? null)));
  const taken = new Set(app.vault.getAllLoadedFiles().map((f) => f.path.toLowerCase()));
  const today = (options.clock ?? systemClock).today();
  const path = freePath(options.folder ?? "", `People export ${today}`, format === "csv" ? "csv" : "vcf", (p) => taken.has(p.toLowerCase()));
  let file: TFile | null;
  try {
    file = await writer.create(path, text);
  } catch (error) {
    new Notice(`Could not write "${path}": ${describe(error)}.`);
    return null;
  }
  if (!file) {
    new Notice(`"${path}" exists already; nothing was exported.`);
    return null;
  }
  const what = rows.length === 1 ? "1 person" : `${rows.length} people`;
  new Notice(`Exported ${what} to "${file.path}".`);
  return file;
}
