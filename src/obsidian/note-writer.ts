import { Notice, TFile, TFolder, normalizePath, type App, type TAbstractFile } from "obsidian";
import { markForwarded, toggleInText, type ToggleOptions } from "../domain/agreement";
import { describeError } from "../domain/error-text";

export type ToggleOutcome = "done" | "gone" | "ambiguous" | "not-a-task" | "missing-file" | "failed";

/** The line of an agreement as it was read, to be found again before a write. */
export interface LineTarget {
  path: string;
  line: number;
  original: string;
}

/**
 * Every write of the plugin goes through here: text through `vault.process`, properties through
 * `fileManager.processFrontMatter`, and new files only where none exists.
 */
export class NoteWriter {
  constructor(private readonly app: App) {}

  file(path: string): TFile | null {
    const file = this.app.vault.getAbstractFileByPath(normalizePath(path));
    return file instanceof TFile ? file : null;
  }

  /**
   * The file at `path`, or else one whose path differs only in case or Unicode form: the same
   * file on macOS, Windows, iOS and Android, and a clash once the vault is synced there.
   */
  fileIgnoringCase(path: string): TFile | null {
    const found = this.file(path) ?? this.findIgnoringCase(normalizePath(path));
    return found instanceof TFile ? found : null;
  }

  private findIgnoringCase(path: string): TAbstractFile | null {
    let current: TAbstractFile | null = this.app.vault.getRoot();
    for (const part of path.split("/")) {
      if (!(current instanceof TFolder)) return null;
      current = childIgnoringCase(current, part);
    }
    return current;
  }

  /**
   * Creates a note with its folders. Returns null (and writes nothing) when one exists already,
   * also when only the case of its name differs. A folder that exists in another case is used.
   */
  async create(path: string, text: string): Promise<TFile | null> {
    const normalized = normalizePath(path);
    if (this.app.vault.getAbstractFileByPath(normalized) || this.findIgnoringCase(normalized)) return null;
    const slash = normalized.lastIndexOf("/");
    const folder = await this.ensureFolder(slash < 0 ? "" : normalized.slice(0, slash));
    const name = normalized.slice(slash + 1);
    return this.app.vault.create(folder === "" ? name : `${folder}/${name}`, text);
  }

  /** Creates the folders of a path that are missing; returns the path as it exists now. */
  private async ensureFolder(folder: string): Promise<string> {
    if (!folder) return "";
    let current = "";
    let parent: TFolder = this.app.vault.getRoot();
    for (const part of folder.split("/")) {
      const existing = childIgnoringCase(parent, part);
      current = current ? `${current}/${existing?.name ?? part}` : (existing?.name ?? part);
      if (existing instanceof TFolder) {
        parent = existing;
        continue;
      }
      if (existing) throw new Error(`"${current}" is a file, so no folder can be created there.`);
      parent = await this.app.vault.createFolder(current);
    }
    return current;
  }

  /**
   * Changes a note's text with `edit`, which returns the new text or null to leave it alone.
   * The file is re-read inside `vault.process`, so edits made meanwhile are never lost.
   */
  async edit(file: TFile, edit: (text: string) => string | null): Promise<boolean> {
    // Check first on the current text, so that nothing at all is written when nothing changes.
    const current = await this.app.vault.read(file);
    if (edit(current) === null) return false;
    let changed = false;
    await this.app.vault.process(file, (text) => {
      const result = edit(text);
      changed = result !== null && result !== text;
      return result ?? text;
    });
    return changed;
  }

  /**
   * `edit`, but a note that cannot be written is reported to the user (with `failed`, or a plain
   * message) instead of thrown. Null when it failed, else whether the text changed.
   */
  async tryEdit(file: TFile, edit: (text: string) => string | null, failed?: (reason: string) => string): Promise<boolean | null> {
    try {
      return await this.edit(file, edit);
    } catch (error) {
      const reason = describe(error);
      new Notice(failed ? failed(reason) : `Could not change "${file.path}": ${reason}. Nothing was written.`);
      return null;
    }
  }

  /** Sets properties; a note with broken front matter is left as it is and the user is told. */
  async setProperties(file: TFile, update: (frontmatter: Record<string, unknown>) => void): Promise<boolean> {
    try {
      await this.app.fileManager.processFrontMatter(file, (frontmatter: Record<string, unknown>) => update(frontmatter));
      return true;
    } catch (error) {
      new Notice(`Could not update the properties of "${file.path}": ${describe(error)}. The note was not changed.`);
      return false;
    }
  }

  /** Ticks an agreement off (or on again), on exactly its line or not at all. */
  async toggleAgreement(
    target: LineTarget,
    opts: ToggleOptions,
  ): Promise<ToggleOutcome> {
    const file = this.file(target.path);
    if (!file) return "missing-file";
    let outcome: ToggleOutcome = "failed";
    try {
      await this.edit(file, (text) => {
        const result = toggleInText(text, { line: target.line, original: target.original }, opts);
        outcome = result.ok ? "done" : result.reason;
        return result.ok ? result.text : null;
      });
    } catch (error) {
      // Deleted on disk before the vault noticed: the line is gone with it.
      if (!(await this.app.vault.adapter.exists(file.path))) return "missing-file";
      new Notice(`Could not change "${file.path}": ${describe(error)}. Nothing was written.`);
      return "failed";
    }
    return outcome;
  }

  /**
   * Marks carried-over agreements as forwarded to the note `targetLink` names, in their notes (see
   * `markForwarded`). Returns the ones that could not be found.
   */
  async markForwarded(targets: LineTarget[], targetLink: string): Promise<LineTarget[]> {
    const missed: LineTarget[] = [];
    const byPath = new Map<string, LineTarget[]>();
    for (const target of targets) byPath.set(target.path, [...(byPath.get(target.path) ?? []), target]);
    for (const [path, list] of byPath) {
      const file = this.file(path);
      if (!file) {
        missed.push(...list);
        continue;
      }
      try {
        await this.edit(file, (text) => {
          let next = text;
          for (const target of list) {
            const found = findLine(next, target);
            if (found === null) {
              if (!missed.includes(target)) missed.push(target);
              continue;
            }
            next = replaceLine(next, found, (line) => markForwarded(line, targetLink));
          }
          return next === text ? null : next;
        });
      } catch {
        // Not writable now: none of this note's agreements were marked.
        for (const target of list) if (!missed.includes(target)) missed.push(target);
      }
    }
    return missed;
  }
}

/** The child named `name`, exactly or else ignoring case and Unicode form. */
function childIgnoringCase(folder: TFolder, name: string): TAbstractFile | null {
  const exact = folder.children.find((child) => child.name === name);
  if (exact) return exact;
  const key = name.normalize("NFC").toLowerCase();
  return folder.children.find((child) => child.name.normalize("NFC").toLowerCase() === key) ?? null;
}

/** The line number of a target in a text: the expected line first, else a unique equal line. */
export function findLine(text: string, target: { line: number; original: string }): number | null {
  const lines = text.split("\n").map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
  if (lines[target.line] === target.original) return target.line;
  const matches: number[] = [];
  lines.forEach((line, index) => {
    if (line === target.original) matches.push(index);
  });
  return matches.length === 1 ? (matches[0] ?? null) : null;
}

/** Replaces one line, keeping its line ending. */
export function replaceLine(text: string, lineNumber: number, change: (line: string) => string): string {
  const lines = text.split("\n");
  const raw = lines[lineNumber];
  if (raw === undefined) return text;
  const cr = raw.endsWith("\r");
  const changed = change(cr ? raw.slice(0, -1) : raw);
  lines[lineNumber] = cr ? `${changed}\r` : changed;
  return lines.join("\n");
}

/** The first line of an error's message (see `describeError`). */
export const describe = describeError;
