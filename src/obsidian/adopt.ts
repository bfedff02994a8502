import { Notice, TFolder, getFrontMatterInfo, parseYaml, type App } from "obsidian";
import { planAdoption, type AdoptionNoteInput, type AdoptionPlan } from "../domain/adopt";
import type { AdoptionWrites } from "../domain/adopt-writes";
import { fillEmptyProperties, restoreProperties, type FilledProperty } from "../domain/person-note";
import { isOneOnOneNote } from "../domain/recognition/choose-person";
import { oneOnOneReason, typesOf } from "../domain/recognition/kind";
import { describeChoice } from "../domain/recognition/recognize";
import { orNames } from "../domain/person-names";
import type { RecognitionSettings } from "../domain/recognition/note";
import type { PeopleIndex } from "../index/people-index";
import { describe, type NoteWriter } from "./note-writer";

export interface AdoptionContext {
  app: App;
  index: PeopleIndex;
  writer: NoteWriter;
  settings: () => RecognitionSettings;
  queueHeading: string;
}

/** Why a note's front matter cannot be read, or null when it can (or there is none). */
export function frontMatterProblem(text: string): string | null {
  const info = getFrontMatterInfo(text);
  if (!info.exists) return null;
  try {
    const data = parseYaml(info.frontmatter) as unknown;
    if (data !== null && data !== undefined && (typeof data !== "object" || Array.isArray(data))) return "they are not a list of properties";
    return null;
  } catch (error) {
    return describe(error);
  }
}

/** Every path of the vault, lower-cased: new files must not clash with one on any disk. */
function takenPaths(app: App): (path: string) => boolean {
  const taken = new Set(app.vault.getAllLoadedFiles().map((f) => f.path.toLowerCase()));
  return (path) => taken.has(path.toLowerCase());
}

/** The People folder as it is spelled in the vault (`people/` when the setting says `People`). */
export function existingFolder(app: App, folder: string): string {
  if (folder === "") return "";
  const found = app.vault.getAllLoadedFiles().find((f) => f instanceof TFolder && f.path.toLowerCase() === folder.toLowerCase());
  return found ? found.path : folder;
}

/** Reads what the index recognized into the plain input of `planAdoption`, and plans. */
export async function scanForAdoption(ctx: AdoptionContext): Promise<AdoptionPlan> {
  const { app, index } = ctx;
  const settings = ctx.settings();
  // Your name, when the settings do not give it: the one at every 1:1 (see `inferYou`). The index
  // takes it as yours already; Adopt offers to save it.
  const inferred = index.inferredMe();
  const files = app.vault.getMarkdownFiles();
  const notes: AdoptionNoteInput[] = [];
  const nameOf = (path: string) => index.person(path)?.name ?? path;
  for (const file of files) {
    const found = index.recognized(file.path);
    const kind = found?.record.kind;
    if (!found || kind?.kind !== "meeting" || found.choice === null) continue;
    const choice = found.choice;
    const marked = isOneOnOneNote(kind, choice);
    const known = choice.person !== null ? index.person(choice.person) : null;
    const person = index.personOfNote(file.path) ?? known;
    if (!marked && person === null) continue;
    let problem: string | null;
    try {
      problem = frontMatterProblem(await app.vault.cachedRead(file));
    } catch (error) {
      problem = `the note cannot be read: ${describe(error)}`;
    }
    // A name that could mean several people is none of them, and no new person either.
    const couldBe = choice.newName !== null ? index.couldBe(choice.newName).map((p) => p.name) : [];
    notes.push({
      path: file.path,
      why: kind.why,
      marked,
      markedBy: marked ? (oneOnOneReason(found.record.facts, typesOf(found.record.facts), settings)?.by ?? null) : null,
      proposed:
        marked && choice.newName !== null && choice.source !== null && couldBe.length < 2
          ? { name: choice.newName, certain: choice.certain, source: choice.source, label: choice.label ?? "" }
          : null,
      personWhy:
        couldBe.length > 1
          ? `"${choice.newName ?? ""}" (${choice.label ?? "the note"}) could be ${orNames(couldBe)}; add the person property by hand.`
          : describeChoice(choice, nameOf),
      personSource: choice.source,
      personFrom: choice.label,
      date: kind.date,
      dateWhy: kind.dateWhy,
      entries: kind.entries.map((e) => e.date),
      frontmatter: found.record.facts.frontmatter,
      tags: found.record.facts.tags,
      frontmatterError: problem,
      person: person ? { path: person.path, name: person.name } : null,
    });
  }
  return planAdoption({
    notes,
    people: index.people().map((p) => ({ path: p.path, name: p.name, firstName: p.person.firstName, aliases: p.person.aliases })),
    agreements: index.agreements().map((a) => ({
      path: a.path,
      line: a.line,
      text: a.text,
      due: a.due,
      // An owner that could mean several people is none of them, and no new person either.
      unresolvedOwner:
        a.ownerPath !== null || a.ownerCouldBe.length > 0
          ? null
          : a.owner.kind === "name"
            ? { kind: "name", text: a.owner.name }
            : a.owner.kind === "link"
              ? { kind: "link", text: a.owner.target }
              : null,
      ownerName: a.ownerName,
      personPath: a.personPath,
      personName: a.personName,
    })),
    peopleFolder: existingFolder(app, settings.peopleFolder),
    exists: takenPaths(app),
    you: inferred === null ? null : { name: inferred, why: `${inferred} is named by every 1:1 (or every meeting) that names two or more people, so it is taken as yours.` },
  });
}

// ---------------------------------------------------------------------------------------------
// Applying and undoing

/** What an adoption changed, to undo exactly that. Stored as JSON. */
export interface AdoptionRecord {
  version: 1;
  /** When it was applied (local time, for messages). */
  at: string;
  changed: {
    path: string;
    /** The whole text before and after, when only the properties changed in between. */
    before: string | null;
    after: string | null;
    properties: FilledProperty[];
  }[];
  created: { path: string; text: string }[];
  /** Folders created for new notes, outermost first. */
  folders: string[];
  /** Your name, saved in the settings by this adoption: what it was before, and what was saved. */
  myName?: { before: string; after: string };
}

export interface AdoptionOutcome {
  record: AdoptionRecord;
  failures: string[];
}

/** The text after the front matter: when it is unchanged, a write changed only the properties. */
function body(text: string): string {
  const info = getFrontMatterInfo(text);
  return info.exists ? text.slice(info.contentStart) : text;
}

function missingFolders(app: App, path: string): string[] {
  const parts = path.split("/").slice(0, -1);
  const out: string[] = [];
  for (let i = 1; i <= parts.length; i++) {
    const folder = parts.slice(0, i).join("/");
    if (!app.vault.getAbstractFileByPath(folder)) out.push(folder);
  }
  return out;
}

/** Creates the person notes, then adds the properties, recording everything it changed. */
export async function applyAdoption(ctx: AdoptionContext, writes: AdoptionWrites, now = new Date()): Promise<AdoptionOutcome> {
  const { app, writer } = ctx;
  const record: AdoptionRecord = { version: 1, at: now.toLocaleString(), changed: [], created: [], folders: [] };
  const failures = [...writes.problems];
  for (const create of writes.creates) {
    const folders = missingFolders(app, create.path);
    try {
      const file = await writer.create(create.path, create.text);
      if (!file) {
        failures.push(`"${create.path}" exists already; ${create.name} was not created.`);
        continue;
      }
      for (const folder of folders) if (!record.folders.includes(folder)) record.folders.push(folder);
      record.created.push({ path: file.path, text: create.text });
    } catch (error) {
      failures.push(`Could not create "${create.path}": ${describe(error)}.`);
    }
  }
  for (const change of writes.properties) {
    const file = writer.file(change.path);
    if (!file) {
      failures.push(`"${change.path}" is gone; it was not changed.`);
      continue;
    }
    const before = await app.vault.read(file);
    let filled: FilledProperty[] = [];
    const ok = await writer.setProperties(file, (frontmatter) => {
      filled = fillEmptyProperties(frontmatter, change.values);
    });
    if (!ok) {
      failures.push(`"${change.path}" could not be changed.`);
      continue;
    }
    if (filled.length === 0) continue;
    const after = await app.vault.read(file);
    const onlyProperties = body(before) === body(after);
    record.changed.push({ path: file.path, before: onlyProperties ? before : null, after: onlyProperties ? after : null, properties: filled });
  }
  return { record, failures };
}

export interface UndoOutcome {
  restored: number;
  trashed: number;
  /** What was left as it is because it changed since, in words. */
  kept: string[];
}

/**
 * Undoes an adoption: notes whose text is still what the adoption wrote get their old text back
 * byte for byte; notes edited since get only the properties back that are still as written;
 * created notes go to the trash unless they were edited since; emptied new folders too.
 */
export async function undoAdoption(ctx: AdoptionContext, record: AdoptionRecord): Promise<UndoOutcome> {
  const { app, writer } = ctx;
  const outcome: UndoOutcome = { restored: 0, trashed: 0, kept: [] };
  for (const change of record.changed) {
    const file = writer.file(change.path);
    if (!file) {
      outcome.kept.push(`"${change.path}" is gone.`);
      continue;
    }
    const current = await app.vault.read(file);
    if (change.before !== null && change.after !== null && current === change.after) {
      const { before, after } = change;
      if (await writer.edit(file, (text) => (text === after ? before : null))) {
        outcome.restored++;
        continue;
      }
    }
    let kept: string[] = [];
    const ok = await writer.setProperties(file, (frontmatter) => {
      kept = restoreProperties(frontmatter, change.properties);
    });
    if (!ok) outcome.kept.push(`"${change.path}" could not be changed back.`);
    else if (kept.length > 0) outcome.kept.push(`"${change.path}": ${kept.join(", ")} changed since; left as they are.`);
    else outcome.restored++;
  }
  for (const created of [...record.created].reverse()) {
    const file = writer.file(created.path);
    if (!file) continue;
    if ((await app.vault.read(file)) !== created.text) {
      outcome.kept.push(`"${created.path}" was edited since; it was kept.`);
      continue;
    }
    await app.fileManager.trashFile(file);
    outcome.trashed++;
  }
  for (const path of [...record.folders].reverse()) {
    const folder = app.vault.getAbstractFileByPath(path);
    if (folder instanceof TFolder && folder.children.length === 0) await app.fileManager.trashFile(folder);
  }
  return outcome;
}

/** The last adoption, kept in the plugin's folder so that it can be undone after a restart. */
export class AdoptionRecordStore {
  private cached: AdoptionRecord | null | undefined;

  constructor(
    private readonly app: App,
    private readonly path: string,
  ) {}

  async load(): Promise<AdoptionRecord | null> {
    if (this.cached !== undefined) return this.cached;
    try {
      if (!(await this.app.vault.adapter.exists(this.path))) return (this.cached = null);
      const data = JSON.parse(await this.app.vault.adapter.read(this.path)) as Partial<AdoptionRecord>;
      this.cached = data.version === 1 && Array.isArray(data.changed) && Array.isArray(data.created) ? (data as AdoptionRecord) : null;
    } catch {
      this.cached = null;
    }
    return this.cached;
  }

  async save(record: AdoptionRecord | null): Promise<void> {
    this.cached = record;
    try {
      // The plugin's own record in its folder of the config directory, beside data.json — not a
      // note, so it is written like Obsidian writes plugin data, not through vault.process.
      if (record) await this.app.vault.adapter.write(this.path, JSON.stringify(record));
      else if (await this.app.vault.adapter.exists(this.path)) await this.app.vault.adapter.remove(this.path);
    } catch (error) {
      new Notice(`Could not keep the record of the adoption: ${describe(error)}.`);
    }
  }
}
