import { Notice, TFile, type App } from "obsidian";
import { forwardedCopy } from "../domain/agreement";
import {
  buildAgendaBody,
  buildLogEntry,
  buildMeetingNote,
  buildNamedAgenda,
  buildTemplateLogEntry,
  frontMatter,
  insertLogEntry,
  newLogNote,
  renderAgendaTemplate,
  type AgendaInput,
} from "../domain/agenda";
import { compareDates, type Clock } from "../domain/dates";
import { isFirstMeeting } from "../domain/last-seen";
import { meetingAt, sourceLink } from "../domain/previous-agreements";
import { atxHeading, findHeading, textLines } from "../domain/markdown";
import { baseName, logNotePath, meetingNotePath, safeFileName } from "../domain/paths";
import { readQueue, removeFromQueue } from "../domain/queue";
import type { IsoDate, NoteLayout } from "../domain/types";
import { datedHeading } from "../domain/written-dates";
import type { PeopleIndex, PersonEntry } from "../index/people-index";
import type { OneOnOnesSettings } from "../settings";
import { QUEUE_HEADING } from "../constants";
import { describe, type LineTarget, type NoteWriter } from "./note-writer";
import { FORGETFUL, rememberStart, type StartsMemory } from "./skip";

export interface StartResult {
  file: TFile;
  created: boolean;
  /** Line to put the cursor on: the first section of the new agenda (of the entry, in a log). */
  line?: number;
}

/** The flows behind "Start 1:1" and its relatives, over the index and the writer. */
export class Meetings {
  constructor(
    private readonly app: App,
    private readonly index: PeopleIndex,
    private readonly writer: NoteWriter,
    private readonly settings: () => OneOnOnesSettings,
    private readonly clock: Clock,
    /** What Start wrote over people's `last-seen`. */
    readonly starts: StartsMemory = FORGETFUL,
  ) {}

  /** Creates (or opens) the 1:1 of `date` with a person. Returns null when nothing could be done. */
  async start(person: PersonEntry, date: IsoDate = this.clock.today()): Promise<StartResult | null> {
    const settings = this.settings();
    // A note named "C# Dev" cannot be linked to, one named " " gives no file name: the 1:1 would
    // not belong to anyone.
    if (safeFileName(person.name) === "" || /[#^[\]|]/.test(this.linkText(person))) {
      new Notice(`The name of "${person.path}" cannot be linked to or used for a note; rename the note, then start the 1:1.`);
      return null;
    }
    const existing = this.existingMeeting(person, date);
    if (existing === "clash") return null;
    if (existing) {
      new Notice(`The 1:1 with ${person.name} on ${date} exists already; it was opened.`);
      return existing;
    }
    const personFile = this.writer.file(person.path);
    if (!personFile) {
      new Notice(`The note of ${person.name} was moved or deleted; no 1:1 was started.`);
      return null;
    }
    const queue = readQueue(await this.app.vault.read(personFile), QUEUE_HEADING);
    const carried = settings.carryOver === "forward" ? this.openAgreementTargets(person) : [];
    const layout = this.layoutFor(person);
    const logPath = layout === "log" ? this.logPath(person) : null;
    const input: AgendaInput = {
      personName: person.name,
      personLink: this.linkText(person, logPath),
      date,
      firstMeeting: this.isFirstMeeting(person, date),
      sections: settings.agendaSections,
      carryOver:
        settings.carryOver === "forward"
          ? { mode: "forward", lines: carried.map((c) => forwardedCopy(c.original, c.sourceLink)) }
          : { mode: "reference" },
      talkingPoints: queue,
    };

    let result: StartResult | null;
    try {
      result = layout === "log" ? await this.writeLogEntry(person, input) : await this.writeNote(person, input);
    } catch (error) {
      new Notice(`Could not create the 1:1 note: ${describe(error)}. Nothing was changed.`);
      return null;
    }
    if (!result) return null;

    // The new note holds everything now: only then are the originals touched.
    if (carried.length > 0) {
      // In a log, `(forwarded to …)` leads to the new entry's heading, as `(from …)` does back.
      const heading = layout === "log" ? entryHeading(await this.app.vault.read(result.file), date) : null;
      const target = sourceLink(this.app.metadataCache.fileToLinktext(result.file, "", true), heading);
      const missed = await this.writer.markForwarded(carried, target);
      if (missed.length > 0) {
        new Notice(
          `${missed.length} carried agreement(s) could not be marked as forwarded in their notes; check them there, or two open copies remain.`,
        );
      }
    }
    await this.emptyQueue(person, queue, "The 1:1 note was written");
    if (settings.updateLastSeenOnStart) {
      // What Start replaces is remembered: a skip of this 1:1 puts it back.
      const replaced: unknown[] = [];
      const set = await this.setLastSeen(person, date, false, (value) => replaced.push(value));
      if (set && replaced.length > 0) await rememberStart(this.starts, person.path, date, replaced[0]);
    }
    // Found last: in a person note that is its own log, the queue and last seen are above the entry.
    result.line = cursorLine(await this.app.vault.read(result.file), layout === "log" ? date : null);
    return result;
  }

  /**
   * Sets `last-seen` to `date` unless the note already says a later date; `replacing` hears the
   * value it replaces (undefined: none), when it writes.
   */
  async setLastSeen(person: PersonEntry, date: IsoDate, force = false, replacing?: (value: unknown) => void): Promise<boolean> {
    const file = this.writer.file(person.path);
    if (!file) {
      new Notice(`The note of ${person.name} was moved or deleted; last seen was not set.`);
      return false;
    }
    const current = person.person.lastSeen;
    if (!force && current && compareDates(current, date) >= 0) return true;
    return this.writer.setProperties(file, (fm) => {
      replacing?.(fm["last-seen"]);
      fm["last-seen"] = date;
    });
  }

  /**
   * The agenda body for "Insert 1:1 agenda", with the queue of talking points; `named` puts it
   * under a heading that names the person (for a note that is not a 1:1 with them).
   */
  async agendaFor(person: PersonEntry, headingLevel: number, named = false): Promise<{ text: string; queue: string[] }> {
    const settings = this.settings();
    const file = this.writer.file(person.path);
    const queue = file ? readQueue(await this.app.vault.read(file), QUEUE_HEADING) : [];
    const text = (named ? buildNamedAgenda : buildAgendaBody)(
      {
        personName: person.name,
        personLink: this.linkText(person),
        date: this.clock.today(),
        firstMeeting: this.isFirstMeeting(person, this.clock.today()),
        sections: settings.agendaSections,
        carryOver: { mode: "reference" },
        talkingPoints: queue,
      },
      headingLevel,
    );
    return { text, queue };
  }

  /**
   * Takes talking points out of the queue once they are in a note (`done` says where). When the
   * person note cannot be written they stay in both places, and the user is told.
   */
  async emptyQueue(person: PersonEntry, items: string[], done: string): Promise<boolean> {
    const file = this.writer.file(person.path);
    if (!file || items.length === 0) return false;
    const emptied = await this.writer.tryEdit(
      file,
      (text) => {
        const next = removeFromQueue(text, items, QUEUE_HEADING);
        return next === text ? null : next;
      },
      (reason) =>
        `${done}, but the talking points could not be taken out of the queue of ${person.name} (${reason}). ` +
        `Remove them from "${QUEUE_HEADING}" there.`,
    );
    return emptied === true;
  }

  /**
   * The text inside `[[…]]` that links to a person: the shortest unambiguous form. `alsoPath` is
   * a note about to be created (a running log named like the person), which would make the bare
   * name ambiguous.
   */
  linkText(person: PersonEntry, alsoPath: string | null = null): string {
    const file = this.writer.file(person.path);
    if (!file) return person.name;
    const link = this.app.metadataCache.fileToLinktext(file, "", true);
    if (alsoPath && alsoPath !== person.path && !link.includes("/") && baseName(alsoPath).toLowerCase() === baseName(person.path).toLowerCase()) {
      return person.path.replace(/\.md$/i, "");
    }
    return link;
  }

  /** Someone who already has a running log keeps it, whatever the layout setting says. */
  layoutFor(person: PersonEntry): NoteLayout {
    return this.runningLog(person) ? "log" : this.settings().layout;
  }

  private logPath(person: PersonEntry): string {
    return this.runningLog(person) ?? logNotePath({ folder: this.settings().meetingsFolder, personName: person.name });
  }

  /** The person's running log, as the index reads it (never the 1:1 note of one day). */
  private runningLog(person: PersonEntry): string | null {
    return this.index.logOf(person.path);
  }

  isFirstMeeting(person: PersonEntry, date: IsoDate): boolean {
    return isFirstMeeting(this.index.meetingsWith(person.path), person.lastSeen, date);
  }

  /**
   * True, after telling the user, when `file` is about another person: two people whose names
   * give the same file name ("Kim: the builder" and "Kim the builder", "anya" and "Anya", or two
   * "Kim" in different folders). Their notes are never opened or written in each other's place.
   */
  private belongsToSomeoneElse(person: PersonEntry, file: TFile): boolean {
    const owner = this.index.personOfNote(file.path);
    if (!owner || owner.path === person.path) return false;
    new Notice(
      `"${file.path}" is about ${owner.name} (${owner.path}), and ${person.name} (${person.path}) would get the same file name. ` +
        "Rename one of them; no 1:1 was started.",
    );
    return true;
  }

  private existingMeeting(person: PersonEntry, date: IsoDate): StartResult | "clash" | null {
    const settings = this.settings();
    for (const meeting of this.index.meetingsWith(person.path)) {
      if (meeting.date !== date) continue;
      const file = this.writer.file(meeting.path);
      if (!file) continue;
      if (meeting.kind === "note") return { file, created: false };
      if (meeting.kind === "log-entry" && this.layoutFor(person) === "log") return { file, created: false, line: meeting.line };
    }
    if (this.layoutFor(person) === "per-meeting") {
      const path = meetingNotePath({
        folder: settings.meetingsFolder,
        pattern: settings.notePathPattern,
        personName: person.name,
        date,
      });
      const file = this.writer.fileIgnoringCase(path);
      if (file) return this.belongsToSomeoneElse(person, file) ? "clash" : { file, created: false };
    }
    return null;
  }

  private openAgreementTargets(person: PersonEntry): (LineTarget & { sourceLink: string })[] {
    const meetings = this.index.meetingsWith(person.path);
    return this.index
      .agreementsWith(person.path)
      .filter((a) => !a.recurring && this.index.kindOf(a.path) !== "person")
      .map((a) => {
        const file = this.writer.file(a.path);
        const link = file ? this.app.metadataCache.fileToLinktext(file, "", true) : a.path.replace(/\.md$/, "");
        const entry = meetingAt(meetings.filter((m) => m.path === a.path), a.line);
        const heading =
          file && entry?.kind === "log-entry"
            ? (this.app.metadataCache.getFileCache(file)?.headings?.find((h) => h.position.start.line === entry.line)?.heading ?? null)
            : null;
        return { path: a.path, line: a.line, original: a.original, sourceLink: sourceLink(link, heading) };
      });
  }

  private async templateText(): Promise<string | null | undefined> {
    const path = this.settings().templatePath;
    if (!path) return undefined;
    const file = this.writer.file(path.endsWith(".md") ? path : `${path}.md`);
    if (!file) {
      new Notice(`The template note "${path}" was not found. Fix the template setting; no 1:1 was started.`);
      return null;
    }
    return this.app.vault.read(file);
  }

  private async writeNote(person: PersonEntry, input: AgendaInput): Promise<StartResult | null> {
    const settings = this.settings();
    const path = meetingNotePath({
      folder: settings.meetingsFolder,
      pattern: settings.notePathPattern,
      personName: person.name,
      date: input.date,
    });
    const template = await this.templateText();
    if (template === null) return null;
    let text = buildMeetingNote(input);
    if (template !== undefined) {
      const body = renderAgendaTemplate(template, input);
      text = body.startsWith("---\n") || body.startsWith("---\r\n") ? body : meetingFrontMatter(input) + body;
    }
    const file = await this.writer.create(path, text);
    if (!file) {
      // Created meanwhile, or there in another case: opened unless it is someone else's.
      const other = this.writer.fileIgnoringCase(path);
      if (!other) new Notice(`"${path}" is taken by a folder or a file of another kind; no 1:1 was started.`);
      return other && !this.belongsToSomeoneElse(person, other) ? { file: other, created: false } : null;
    }
    if (template !== undefined && text.startsWith("---")) {
      // A template with properties of its own: ours are added without touching the rest.
      await this.writer.setProperties(file, (fm) => {
        fm.type ??= "one-on-one";
        fm.person ??= `[[${input.personLink}]]`;
        fm.date ??= input.date;
      });
    }
    return { file, created: true };
  }

  private async writeLogEntry(person: PersonEntry, input: AgendaInput): Promise<StartResult | null> {
    const path = this.logPath(person);
    const template = await this.templateText();
    if (template === null) return null;
    const entry = template === undefined ? buildLogEntry(input) : buildTemplateLogEntry(template, input);
    const file = this.writer.fileIgnoringCase(path);
    if (file && this.belongsToSomeoneElse(person, file)) return null;
    if (!file) {
      const created = await this.writer.create(path, insertLogEntry(newLogNote(person.name, input.personLink), entry));
      return created ? { file: created, created: true } : null;
    }
    const changed = await this.writer.edit(file, (text) => insertLogEntry(text, entry));
    return changed ? { file, created: true } : null;
  }
}

function meetingFrontMatter(input: AgendaInput): string {
  return `${frontMatter(input)}\n`;
}

/** The text of the heading of the entry of `date` in a log; null when there is none. */
function entryHeading(text: string, date: IsoDate): string | null {
  const lines = textLines(text);
  const { at } = findHeading(lines, (heading) => datedHeading(heading) === date);
  return at < 0 ? null : (atxHeading(lines[at] ?? "")?.text ?? null);
}

/**
 * Where the cursor goes in a new agenda: the empty line of its first section (after the heading
 * and its hint), searching from the top of a note, or from the heading of the entry of
 * `entryDate` in a log.
 */
function cursorLine(text: string, entryDate: IsoDate | null): number {
  const lines = textLines(text);
  const from = entryDate === null ? 0 : Math.max(0, findHeading(lines, (heading) => datedHeading(heading) === entryDate).at);
  const start = lines.findIndex((line, i) => i > from && /^#{2,6}\s/.test(line));
  if (start < 0) return from;
  let line = start + 1;
  if (/^%%.*%%\s*$/.test(lines[line] ?? "")) line++;
  return Math.min(line, lines.length - 1);
}
