import { MarkdownView, Notice, TFile, type App, type Editor, type Plugin } from "obsidian";
import { formatAgreement } from "../domain/agreement";
import { parseCadence } from "../domain/cadence";
import { compareByUrgency } from "../domain/due";
import type { Clock } from "../domain/dates";
import { isSameName, nameClash, personNotePath, safeFileName } from "../domain/paths";
import { personNoteText } from "../domain/person-note";
import { personNamed } from "../domain/person-search";
import { appendToQueue } from "../domain/queue";
import { logEntryAt, shareableSummary } from "../domain/summary";
import type { TasksConventions } from "../domain/tasks-conventions";
import type { IsoDate } from "../domain/types";
import type { PeopleIndex, PersonEntry } from "../index/people-index";
import { privateHeadings, type OneOnOnesSettings } from "../settings";
import { COMMAND_IDS, QUEUE_HEADING } from "../constants";
import type { Meetings } from "./meetings";
import {
  AgreementModal,
  NewPersonModal,
  QuestionSuggestModal,
  TextPromptModal,
  validDueDate,
  type NewPersonInput,
  type OwnerOption,
} from "./modals";
import { NamesakeModal, PersonSuggestModal, pickable, type PersonChoice } from "./person-picker";
import { describe, type NoteWriter } from "./note-writer";
import { giveBackTopics, restoreLastSeen } from "./skip";

export interface CommandContext {
  app: App;
  index: PeopleIndex;
  meetings: Meetings;
  writer: NoteWriter;
  settings: () => OneOnOnesSettings;
  /** How the Tasks plugin reads checkboxes (its global filter goes on new agreements). */
  tasks: () => TasksConventions;
  clock: Clock;
  /** Resolves once the index was built. */
  ready: () => Promise<void>;
}

/** Registers every command. Ids are stable: users bind hotkeys to them. */
export function registerCommands(plugin: Plugin, ctx: CommandContext, actions = new CommandActions(ctx)): void {
  plugin.addCommand({ id: COMMAND_IDS.startOneOnOne, name: "Start 1:1…", callback: () => void actions.startWithPicker() });
  plugin.addCommand({
    id: COMMAND_IDS.startWithThisPerson,
    name: "Start 1:1 with this person",
    checkCallback: (checking) => {
      const person = actions.personOfActiveNote(true);
      if (!person) return false;
      if (!checking) void actions.start(person);
      return true;
    },
  });
  plugin.addCommand({
    id: COMMAND_IDS.insertAgenda,
    name: "Insert 1:1 agenda",
    editorCallback: (editor, view) => void actions.insertAgenda(editor, view.file),
  });
  plugin.addCommand({ id: COMMAND_IDS.newPerson, name: "New person…", callback: () => actions.newPerson("") });
  plugin.addCommand({ id: COMMAND_IDS.markSeenToday, name: "Mark as seen today", callback: () => void actions.markSeenToday() });
  plugin.addCommand({
    id: COMMAND_IDS.addTalkingPoint,
    name: "Add talking point for…",
    callback: () => void actions.addTalkingPoint(),
  });
  plugin.addCommand({
    id: COMMAND_IDS.addAgreement,
    name: "Add agreement",
    editorCallback: (editor, view) => void actions.addAgreement(editor, view.file),
  });
  plugin.addCommand({
    id: COMMAND_IDS.insertQuestion,
    name: "Insert question…",
    editorCallback: (editor) => actions.insertQuestion(editor),
  });
  plugin.addCommand({
    id: COMMAND_IDS.copyShareableSummary,
    name: "Copy shareable summary",
    checkCallback: (checking) => {
      const file = actions.activeMeetingFile();
      if (!file) return false;
      if (!checking) void actions.copySummary(file);
      return true;
    },
  });
  plugin.addCommand({
    id: COMMAND_IDS.markSkipped,
    name: "Mark this 1:1 skipped",
    checkCallback: (checking) => {
      const file = actions.activeMeetingFile();
      if (!file) return false;
      if (!checking) void actions.markSkipped(file);
      return true;
    },
  });
}

/** What the commands do; kept apart from registration so that views can call them too. */
export class CommandActions {
  constructor(private readonly ctx: CommandContext) {}

  private get app(): App {
    return this.ctx.app;
  }

  private today(): IsoDate {
    return this.ctx.clock.today();
  }

  /**
   * People in the order the picker shows them: most overdue first (archived people last, and only
   * with `withArchived`), `first` before everyone.
   */
  pickablePeople(first?: PersonEntry | null, withArchived = false): PersonEntry[] {
    const people = this.ctx.index
      .people()
      .filter((p) => withArchived || !p.person.archived)
      .sort((a, b) => compareByUrgency(a.due, b.due) || a.name.localeCompare(b.name));
    if (first) return [first, ...people.filter((p) => p.path !== first.path)];
    return people;
  }

  pickPerson(placeholder: string, allowNew: boolean, first?: PersonEntry | null): Promise<PersonChoice | null> {
    return new Promise((resolve) => {
      let picked = false;
      const modal = new PersonSuggestModal(
        this.app,
        this.pickablePeople(first, true),
        this.today(),
        (choice) => {
          picked = true;
          resolve(choice);
        },
        placeholder,
        allowNew,
      );
      const onClose = modal.onClose.bind(modal);
      modal.onClose = () => {
        onClose();
        // Obsidian calls onChooseSuggestion after onClose: wait a tick before giving up.
        window.setTimeout(() => {
          if (!picked) resolve(null);
        }, 0);
      };
      modal.open();
    });
  }

  async startWithPicker(): Promise<void> {
    await this.ctx.ready();
    const choice = await this.pickPerson("Start a 1:1 with…", true);
    if (!choice) return;
    if (choice.kind === "person") {
      await this.start(choice.entry);
      return;
    }
    this.newPerson(choice.name, (person) => void this.start(person));
  }

  async start(person: PersonEntry): Promise<void> {
    const result = await this.ctx.meetings.start(person);
    if (result) await this.open(result.file, result.line);
  }

  async open(file: TFile, line?: number): Promise<void> {
    const leaf = this.app.workspace.getLeaf(false);
    await leaf.openFile(file, line !== undefined ? { eState: { line } } : undefined);
    if (line !== undefined && leaf.view instanceof MarkdownView) leaf.view.editor.setCursor({ line, ch: 0 });
  }

  /** The person the active note is about (the note itself, or the person of a 1:1 note). */
  personOfActiveNote(personNoteOnly = false): PersonEntry | null {
    const file = this.app.workspace.getActiveFile();
    if (!file) return null;
    if (personNoteOnly) return this.ctx.index.person(file.path);
    return this.ctx.index.personOfNote(file.path);
  }

  activeMeetingFile(): TFile | null {
    const file = this.app.workspace.getActiveFile();
    if (!file) return null;
    const kind = this.ctx.index.kindOf(file.path);
    if (kind === "meeting") return file;
    return this.ctx.index.meetings().some((m) => m.path === file.path) ? file : null;
  }

  newPerson(initialName: string, then?: (person: PersonEntry) => void): void {
    new NewPersonModal(this.app, initialName, (input) => void this.createPerson(input, then)).open();
  }

  /**
   * Creates a person note from the form. A name that is someone's already opens them; one that
   * is only written like someone's (`personNamed`) asks first, unless `namesakeConfirmed`.
   */
  async createPerson(input: NewPersonInput, then?: (person: PersonEntry) => void, namesakeConfirmed = false): Promise<TFile | null> {
    const name = typedName(input.name);
    if (name === "") {
      new Notice("A person needs a name. Nothing was created.");
      return null;
    }
    const fileName = safeFileName(name);
    if (fileName === "") {
      new Notice(`"${name}" cannot be used as a note name. Nothing was created.`);
      return null;
    }
    const cadence = input.cadence.trim();
    if (cadence !== "") {
      const parsed = parseCadence(cadence);
      if ("problem" in parsed) {
        new Notice(`${parsed.problem} Nothing was created.`);
        return null;
      }
    }
    const people = this.ctx.index.people();
    const existing = people.find((p) => isSameName(p.name, name));
    if (existing) {
      new Notice(`${existing.name} exists already; the note was opened.`);
      await this.openPerson(existing);
      return null;
    }
    // A different name that would be stored in the same file as someone else's: never theirs.
    const clash = nameClash(name, people.map((p) => p.name));
    if (clash !== null) {
      new Notice(
        `"${name}" would be stored in the same file as ${clash}: names that differ only in capitals or in characters ` +
          "a file name cannot hold share one file. Nothing was created; choose another name.",
      );
      return null;
    }
    const namesake = namesakeConfirmed ? null : personNamed(people.map(pickable), name);
    if (namesake) {
      new NamesakeModal(this.app, name, namesake.name, (choice) => {
        if (choice === "new") void this.createPerson(input, then, true);
        else if (then) then(namesake.entry);
        else void this.openPerson(namesake.entry);
      }).open();
      return null;
    }
    const path = personNotePath({ folder: this.ctx.settings().peopleFolder, name: fileName });
    const text = personNoteText({ relationship: input.relationship || null, cadence, aliases: fileName !== name ? [name] : [] }, QUEUE_HEADING);
    let file: TFile | null;
    try {
      file = await this.ctx.writer.create(path, text);
    } catch (error) {
      new Notice(`Could not create the note of ${name}: ${describe(error)}.`);
      return null;
    }
    if (!file) {
      const other = this.ctx.writer.fileIgnoringCase(path);
      new Notice(`A note "${other?.path ?? path}" exists already; nothing was created.`);
      return null;
    }
    if (fileName !== name) new Notice(`Some characters cannot be used in note names; the note is "${fileName}".`);
    if (then) {
      const person = await this.waitForPerson(file.path);
      if (person) then(person);
      else await this.open(file);
    } else {
      await this.open(file);
    }
    return file;
  }

  private async openPerson(person: PersonEntry): Promise<void> {
    const file = this.ctx.writer.file(person.path);
    if (file) await this.open(file);
  }

  /** The index learns of a new note from the metadata cache, a moment after it was written. */
  private async waitForPerson(path: string): Promise<PersonEntry | null> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const person = this.ctx.index.person(path);
      if (person) return person;
      await new Promise((resolve) => window.setTimeout(resolve, 20));
    }
    return null;
  }

  async insertAgenda(editor: Editor, file: TFile | null): Promise<void> {
    await this.ctx.ready();
    let person = file ? this.ctx.index.personOfNote(file.path) : null;
    // A note that is not a 1:1 with them gets the agenda under a heading that names them.
    const named = person === null;
    if (!person) {
      const choice = await this.pickPerson("Agenda for a 1:1 with…", false);
      if (!choice || choice.kind !== "person") return;
      person = choice.entry;
    }
    const level = headingLevelAt(editor);
    const { text, queue } = await this.ctx.meetings.agendaFor(person, level, named);
    editor.replaceSelection(text);
    if (queue.length === 0) return;
    // The talking points are in the note now; save it before they leave the queue.
    const view = this.app.workspace.getActiveViewOfType(MarkdownView);
    if (view) await view.save();
    const emptied = await this.ctx.meetings.emptyQueue(person, queue, "The agenda was inserted");
    if (emptied && named) new Notice(`The talking points queued for ${person.name} moved into this note's 1:1 with them.`);
  }

  async markSeenToday(): Promise<void> {
    await this.ctx.ready();
    let person = this.personOfActiveNote();
    if (!person) {
      const choice = await this.pickPerson("Mark as seen today…", false);
      if (!choice || choice.kind !== "person") return;
      person = choice.entry;
    }
    if (await this.ctx.meetings.setLastSeen(person, this.today())) {
      new Notice(`${person.name}: last seen today.`);
    }
  }

  async addTalkingPoint(): Promise<void> {
    await this.ctx.ready();
    const choice = await this.pickPerson("Add a talking point for…", false, this.personOfActiveNote());
    if (!choice || choice.kind !== "person") return;
    const person = choice.entry;
    // The note as it is now: renamed while the topic is typed, it is still the one written to.
    const note = this.ctx.writer.file(person.path);
    new TextPromptModal(this.app, {
      title: `Talking point for ${person.name}`,
      label: "Topic",
      placeholder: "Ask how the conference talk went",
      cta: "Add",
      onSubmit: (value) => void this.queueTalkingPoint(person, value, note),
    }).open();
  }

  async queueTalkingPoint(person: PersonEntry, value: string, note: TFile | null = null): Promise<boolean> {
    const item = value.replace(/\s+/g, " ").trim();
    if (item === "") {
      new Notice("The talking point was empty; nothing was added.");
      return false;
    }
    const file = note && this.ctx.writer.file(note.path) === note ? note : this.ctx.writer.file(person.path);
    if (!file) {
      new Notice(`The note of ${person.name} was moved or deleted; the talking point was not added. It was: ${item}`);
      return false;
    }
    const changed = await this.ctx.writer.tryEdit(
      file,
      (text) => appendToQueue(text, item, QUEUE_HEADING),
      (reason) => `Could not add the talking point for ${person.name} (${reason}). It was: ${item}`,
    );
    if (changed) new Notice(`Added to the next 1:1 with ${person.name}.`);
    return changed === true;
  }

  async addAgreement(editor: Editor, file: TFile | null): Promise<void> {
    await this.ctx.ready();
    const person = file ? this.ctx.index.personOfNote(file.path) : null;
    const owners = [{ value: "@me", label: "Me" }];
    if (person) owners.push({ value: `[[${this.ctx.meetings.linkText(person)}]]`, label: person.name });
    owners.push({ value: "", label: "Unassigned" });
    for (const other of this.pickablePeople()) {
      if (other.path !== person?.path) owners.push({ value: `[[${this.ctx.meetings.linkText(other)}]]`, label: other.name });
    }
    const findOwner = async (): Promise<OwnerOption | null> => {
      const choice = await this.pickPerson("Owner of the agreement…", false);
      if (choice?.kind !== "person") return null;
      return { value: `[[${this.ctx.meetings.linkText(choice.entry)}]]`, label: choice.entry.name };
    };
    new AgreementModal(this.app, owners, this.today(), (input) => {
      const text = input.text.replace(/\s+/g, " ").trim();
      if (text === "") {
        new Notice("The agreement was empty; nothing was added.");
        return;
      }
      if (!validDueDate(input.due)) {
        new Notice(`"${input.due ?? ""}" is not a date (YYYY-MM-DD); nothing was added.`);
        return;
      }
      const line = formatAgreement({
        owner: input.owner,
        text,
        due: input.due,
        syntax: this.ctx.settings().dueDateSyntax,
        tag: this.ctx.settings().agreementTag,
        globalFilter: this.ctx.tasks().globalFilter,
      });
      // The note may have been deleted while the modal was open: never type into a closed editor.
      if (file !== null && this.ctx.writer.file(file.path) !== file) {
        new Notice(`The note was deleted meanwhile; the agreement was not added. It was: ${line}`);
        return;
      }
      insertLine(editor, line);
    }, findOwner).open();
  }

  insertQuestion(editor: Editor): void {
    const questions = this.ctx.settings().questions;
    if (questions.length === 0) {
      new Notice("The question bank is empty. Add questions in the settings.");
      return;
    }
    new QuestionSuggestModal(this.app, questions, (question) => insertLine(editor, `- ${question.text}`)).open();
  }

  async copySummary(file: TFile): Promise<void> {
    const text = await this.app.vault.read(file);
    let source = text;
    const view = this.app.workspace.getActiveViewOfType(MarkdownView);
    if (this.ctx.index.kindOf(file.path) !== "meeting" || this.isLog(file)) {
      // A running log: the entry at the cursor, else the newest one.
      const line = view?.file === file ? view.editor.getCursor().line : 0;
      const entry = logEntryAt(text, line) ?? this.newestEntry(text);
      if (entry) source = text.split("\n").slice(entry.start, entry.end + 1).join("\n");
    }
    const summary = shareableSummary(source, { privateHeadings: privateHeadings(this.ctx.settings()) });
    try {
      await navigator.clipboard.writeText(summary);
      new Notice("Shareable summary copied (private notes left out).");
    } catch (error) {
      new Notice(`Could not copy the summary: ${describe(error)}.`);
    }
  }

  private isLog(file: TFile): boolean {
    return this.ctx.index.meetings().some((m) => m.path === file.path && m.kind === "log");
  }

  private newestEntry(text: string): { start: number; end: number } | null {
    const lines = text.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const entry = logEntryAt(text, i);
      if (entry) return entry;
    }
    return null;
  }

  async markSkipped(file: TFile): Promise<void> {
    const meetings = this.ctx.index.meetings().filter((m) => m.path === file.path);
    const note = meetings.find((m) => m.kind === "note");
    const person = this.ctx.index.personOfNote(file.path);
    let date: IsoDate | null = null;
    if (note) {
      if (!(await this.ctx.writer.setProperties(file, (fm) => (fm.status = "skipped")))) return;
      date = note.date;
    } else {
      const view = this.app.workspace.getActiveViewOfType(MarkdownView);
      const line = view?.file === file ? view.editor.getCursor().line : 0;
      const entries = meetings.filter((m) => m.kind === "log-entry" && m.line <= line).sort((a, b) => b.line - a.line);
      const entry = entries[0] ?? meetings.find((m) => m.kind === "log-entry");
      if (!entry) {
        new Notice("Click inside a dated entry of the log first, then mark it skipped.");
        return;
      }
      const written = await this.ctx.writer.tryEdit(file, (text) => {
        const lines = text.split("\n");
        const heading = lines[entry.line];
        if (heading === undefined || /skipped/i.test(heading)) return null;
        const cr = heading.endsWith("\r") ? "\r" : "";
        lines[entry.line] = `${heading.replace(/\r$/, "")} (skipped)${cr}`;
        return lines.join("\n");
      });
      if (written === null) return;
      date = entry.date;
    }
    const returned = person ? await giveBackTopics(this.ctx.writer, (f) => this.app.vault.read(f), this.ctx.settings(), person, { file, entryDate: note ? null : date }) : 0;
    new Notice(returned > 0 ? `Marked as skipped; its talking points went back to the queue of ${person?.name ?? ""}.` : "Marked as skipped.");
    if (person && date) await restoreLastSeen(this.ctx.writer, this.ctx.index, this.ctx.meetings.starts, person, { path: file.path, date });
  }
}

/**
 * A typed name as it is kept: control characters and halves of emoji (which no note can hold)
 * dropped, runs of spaces as one, no spaces at the ends, accents composed (NFC).
 */
function typedName(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) out += " ";
    else if (code < 0xd800 || code > 0xdfff) out += char;
  }
  return out.replace(/\s+/g, " ").trim().normalize("NFC");
}

/** The line of the closing `---` of the properties, or null when the note has none. */
function frontMatterEnd(editor: Editor): number | null {
  if (editor.getLine(0).trimEnd() !== "---") return null;
  for (let line = 1; line <= editor.lastLine(); line++) {
    if (/^(---|\.\.\.)\s*$/.test(editor.getLine(line))) return line;
  }
  return null;
}

/** The agenda's sections go one level below the heading the cursor is under, else level 2. */
function headingLevelAt(editor: Editor): number {
  for (let line = editor.getCursor().line; line >= 0; line--) {
    const match = /^(#{1,6})\s/.exec(editor.getLine(line));
    if (match?.[1]) return Math.min(match[1].length + 1, 6);
  }
  return 2;
}

/**
 * Inserts a line at the cursor: on the cursor's line when empty, else as a new line below it.
 * Never inside the properties: a cursor there moves to the first line after them.
 */
function insertLine(editor: Editor, text: string): void {
  const end = frontMatterEnd(editor);
  if (end !== null && editor.getCursor().line <= end) {
    if (end + 1 > editor.lastLine()) editor.replaceRange("\n", { line: end, ch: editor.getLine(end).length });
    editor.setCursor({ line: end + 1, ch: 0 });
  }
  const cursor = editor.getCursor();
  const current = editor.getLine(cursor.line);
  if (current.trim() === "") {
    editor.replaceRange(text, { line: cursor.line, ch: 0 }, { line: cursor.line, ch: current.length });
    editor.setCursor({ line: cursor.line, ch: text.length });
  } else {
    editor.replaceRange(`\n${text}`, { line: cursor.line, ch: current.length });
    editor.setCursor({ line: cursor.line + 1, ch: text.length });
  }
}
