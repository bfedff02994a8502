import type { Clock } from "../domain/dates";
import { describeError } from "../domain/error-text";
import { parsePerson } from "../domain/person";
import { ambiguousOwnerProblem, personKeysByStrength } from "../domain/person-names";
import { choosePerson, markingOf, ME, type PeopleLookup, type PersonChoice } from "../domain/recognition/choose-person";
import { titleOf, type NoteShape, type RecognitionSettings } from "../domain/recognition/note";
import { readNoteText } from "../domain/recognition/note-text";
import { noteShape, textMatters } from "../domain/recognition/shape";
import { headingEntries } from "../domain/recognition/when";
import { runningLog, type RunningLog } from "../domain/running-log";
import { namesTogether } from "../domain/recognition/you";
import type { IsoDate, Person, Problem, Relationship } from "../domain/types";
import {
  agreementEntries,
  seenEntries,
  compareAgreements,
  compareMeetings,
  comparePaths,
  compareText,
  logCandidate,
  meetingEntries,
  notePerson,
  noteProblem,
  sameNoteProblem,
  sameAgreement,
  sameMeeting,
  type AgreementEntry,
  type FileContext,
  type MeetingEntry,
  type NoteProblem,
} from "./entries";
import { personEntry, samePerson, unworkedPersonEntry, type PersonEntry, type PersonInputs } from "./person-entry";
import { blankPropertiesBlock, hasOpenTask, linkTargetKey, type FileFacts } from "./facts";
import { InferredYou } from "./inferred-you";
import { interned, internedOrNull } from "./intern";
import { LogOwners } from "./log-owners";
import { PersonKeys } from "./person-keys";
import { nameOfPath, normKey, readOpenTasks, slugOf, targetOf, trimmed, UNREAD_TASKS, type FileRecord } from "./records";
import { SeenDates } from "./seen-dates";
import { SortedList } from "./sorted-list";
import { TASKS_DEFAULTS, type TasksConventions } from "../domain/tasks-conventions";

export type { AgreementEntry, MeetingEntry, NoteProblem } from "./entries";
export type { PersonEntry } from "./person-entry";

export interface IndexSettings extends RecognitionSettings {
  datedNotesCountAsSeen: boolean;
  agreementsAnywhere: boolean;
  /** When set (lower case, without `#`), only tasks with this tag are agreements. */
  agreementTag: string;
  defaultCadence: Record<Relationship | "unset", string>;
  dueSoonDays: number;
  dueSoonPercent: number;
  /** Heading of the talking-point queue in person notes; tasks under it are not agreements. */
  queueHeading: string;
  /** How the Tasks plugin reads checkboxes (statuses, global filter); its defaults when not given. */
  tasks?: TasksConventions;
}

type Listener = () => void;


/** What the index derived from one file. */
interface FileDerived {
  agreements: AgreementEntry[];
  meetings: MeetingEntry[];
  /** Targets whose resolution the entries read. */
  targets: string[];
  /** What is wrong with the note, when it is a 1:1 note. */
  problem: NoteProblem | null;
  /** What it adds to last seen: `[person path, date, …]`. */
  seen: readonly string[];
  /** The person the file holds 1:1s with (a 1:1 note's, a log's), if any. */
  person: string | null;
}

/** A file that adds nothing; its empty lists are shared by the many files like it. */
const NOTHING: FileDerived = Object.freeze({
  agreements: Object.freeze([]) as unknown as AgreementEntry[],
  meetings: Object.freeze([]) as unknown as MeetingEntry[],
  targets: Object.freeze([]) as unknown as string[],
  problem: null,
  seen: Object.freeze([]) as unknown as string[],
  person: null,
});

/**
 * The in-memory index of people, 1:1 notes and open agreements. Fed one file at a time.
 *
 * What it derives (people with last seen and due, meetings, agreements resolved against people)
 * is kept per file and per person and brought up to date when read: a change of one file derives
 * again that file and the people it touches (and, when a person note changes, the files whose
 * references now name someone else), never the whole vault. The lists are patched in place (see
 * `version`); entries that did not change stay the same objects, a changed one is a new object.
 */
export class PeopleIndex {
  private readonly files = new Map<string, FileRecord>();
  private readonly listeners = new Set<Listener>();
  private batchDepth = 0;
  private changedInBatch = false;

  private readonly keys = new PersonKeys();
  private readonly logs = new LogOwners(() => this.files.keys());
  /** The names side by side in meetings: who you seem to be when the settings do not say. */
  private readonly you = new InferredYou();
  /** Your name in force: the setting, else the one inferred (`""`: nobody); its keys name you. */
  private myName = "";
  /** The name a person is shown by: their note's display name, else the file's. */
  private readonly nameOf = (path: string): string => this.files.get(path)?.person?.name ?? nameOfPath(path);
  /** Last seen dates by person path, from the files that add them. */
  private readonly seen = new SeenDates();
  /** Name key → person notes with that name (for namesakes). */
  private readonly byName = new Map<string, Set<string>>();

  private readonly derived = new Map<string, FileDerived>();
  private readonly openCount = new Map<string, number>();
  private readonly agreementList = new SortedList<AgreementEntry>(compareAgreements);
  private readonly meetingList = new SortedList<MeetingEntry>(compareMeetings);
  private readonly people_ = new Map<string, PersonEntry>();
  private readonly peopleList = new SortedList<PersonEntry>((a, b) => compareText(a.name, b.name) || comparePaths(a.path, b.path));
  /** 1:1 notes with problems, by path. */
  private readonly problems = new Map<string, NoteProblem>();
  /** Person path → their 1:1 notes with problems. */
  private readonly problemsOf = new Map<string, Set<string>>();
  /** Files that could not be read or derived, with what went wrong: they show as notes to check. */
  private readonly unreadable = new Map<string, string>();
  private problemsVersion = 0;
  private problemList: { version: number; list: NoteProblem[] } | null = null;
  /** Person path → open agreements whose owner could be them or someone else (a problem of each). */
  private readonly mayOwn = new Map<string, Map<string, number>>();

  private readonly dirtyFiles = new Set<string>();
  private readonly dirtyPeople = new Set<string>();
  /** Files stored without their text that a person's `log` property has named since. */
  private readonly textWanted = new Set<string>();
  /** A person's last seen may have changed: they are derived again. */
  private readonly seenChanged = (path: string): void => {
    this.dirtyPeople.add(path);
  };
  private peopleToday: IsoDate | null = null;
  private byPerson: { agreements: number; meetings: number; a: Map<string, AgreementEntry[]>; m: Map<string, MeetingEntry[]> } | null = null;

  constructor(
    private settings: IndexSettings,
    private readonly clock: Clock,
  ) {}

  // ---- feeding -------------------------------------------------------------------------------

  /** Whether the index wants the text of this file (it holds open tasks that may be agreements). */
  needsText(facts: FileFacts): boolean {
    try {
      return this.wantsText(facts);
    } catch {
      return false; // The file is stored without its text, and shows what went wrong then.
    }
  }

  private wantsText(facts: FileFacts): boolean {
    // Unread properties may be a block of comments only: the text tells.
    if (facts.propertiesUnread) return true;
    const record = this.files.get(facts.path);
    const kind = record && record.facts === facts ? record.kind : noteShape(facts, null, this.settings);
    // A person note's log lines, a meeting's Date and Attendees lines.
    if (textMatters(kind)) return true;
    if (!hasOpenTask(facts, this.tasks.statuses)) return false;
    if (this.settings.agreementsAnywhere) return true;
    if (kind.kind === "meeting") return true;
    // A running log a person's `log` property names; a note with dated headings may become one.
    // (A note named only later is asked for by `takeWantedTexts`.)
    return this.logs.ownerByProperty(facts.path) !== null || headingEntries(facts).length > 0;
  }

  /**
   * Files the index holds without their text that it needs now: a person's `log` property named
   * them after they arrived. Give each to `upsert` with its text. Each path is handed out once.
   */
  takeWantedTexts(): string[] {
    this.settleStructure();
    if (this.textWanted.size === 0) return [];
    const paths: string[] = [];
    for (const path of this.textWanted) {
      const record = this.files.get(path);
      if (record?.tasks === UNREAD_TASKS && hasOpenTask(record.facts, this.tasks.statuses)) paths.push(path);
    }
    this.textWanted.clear();
    return paths;
  }

  /** Adds or replaces a file. `text` is needed only when `needsText(facts)`. */
  upsert(facts: FileFacts, text: string | null): void {
    this.put(facts, text, null);
    this.changed();
  }

  remove(path: string): void {
    this.textWanted.delete(path);
    this.unreadable.delete(path);
    const record = this.files.get(path);
    if (!record) return;
    if (record.person) this.replacePerson(path, record.person, null);
    this.files.delete(path);
    this.you.remove(path);
    this.logs.fileRemoved(path);
    this.dirtyFiles.add(path);
    this.changed();
  }

  rename(oldPath: string, facts: FileFacts, text: string | null): void {
    this.batch(() => {
      this.remove(oldPath);
      this.upsert(facts, text);
    });
  }

  /** Replaces the settings; every file is classified again from the facts already held. */
  /** How the Tasks plugin reads checkboxes, as the settings give it. */
  private get tasks(): TasksConventions {
    return this.settings.tasks ?? TASKS_DEFAULTS;
  }

  setSettings(settings: IndexSettings): void {
    this.settings = settings;
    // (`reset` gives you your keys under the new settings.)
    const records = [...this.files.values()];
    this.batch(() => {
      this.reset();
      for (const record of records) this.put(record.facts, null, record);
      this.changed();
    });
  }

  /** Runs `fn` and tells subscribers once at the end. */
  batch(fn: () => void): void {
    const release = this.hold();
    try {
      fn();
    } finally {
      release();
    }
  }

  /** Holds the news of changes until the returned function is called (also across awaits). */
  hold(): () => void {
    this.batchDepth++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.batchDepth--;
      if (this.batchDepth === 0 && this.changedInBatch) {
        this.changedInBatch = false;
        this.notify();
      }
    };
  }

  clear(): void {
    this.reset();
    this.changed();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Call when the date may have changed (e.g. after midnight): derived dates are recomputed. */
  refresh(): void {
    for (const path of this.people_.keys()) this.dirtyPeople.add(path);
    this.changed();
  }

  get size(): number {
    return this.files.size;
  }

  /**
   * Brings everything derived up to date, a piece at a time: stops when `shouldYield` says so
   * and returns false when work is left (call again later), true when all is done. Reading the
   * lists does the same in one go; this lets a caller spread a large build over several tasks.
   */
  settle(shouldYield: () => boolean = () => false): boolean {
    // Each step does some work before it asks whether to stop, so that every call makes progress.
    // The lists are sorted once all files are derived, each in a step of its own (merging every
    // piece as it comes would cost a pass over the whole list per piece).
    this.settleStructure();
    if (this.dirtyFiles.size > 0) {
      if (!this.settleFiles(shouldYield) || shouldYield()) return false;
    }
    for (const list of [this.agreementList, this.meetingList] as SortedList<unknown>[]) {
      if (!list.pending) continue;
      if (!list.prepare(shouldYield)) return false;
      list.get();
      if (shouldYield()) return false;
    }
    if (!this.settlePeople(shouldYield)) return false;
    this.peopleList.get();
    return true;
  }

  // ---- queries -------------------------------------------------------------------------------
  // people(), agreements() and meetings() hand out the index's own arrays, kept up to date in
  // place: read them, do not keep them across changes of the vault (copy one to keep it).
  // `version()` tells whether a list changed since a reader last looked.

  /** Counts the changes of a list: the same number, the same list. */
  version(list: "people" | "agreements" | "meetings"): number {
    if (list === "people") {
      this.people();
      return this.peopleList.version;
    }
    if (list === "agreements") {
      this.agreements();
      return this.agreementList.version;
    }
    this.meetings();
    return this.meetingList.version;
  }

  people(): PersonEntry[] {
    this.settleAll();
    return this.peopleList.get() as PersonEntry[];
  }

  person(path: string): PersonEntry | null {
    this.settleAll();
    return this.people_.get(path) ?? null;
  }

  /** Finds a person by a link target, a path, a name, an alias or a slug. */
  findPerson(ref: string): PersonEntry | null {
    this.settleAll();
    const path = this.keys.resolve(ref);
    return path ? (this.people_.get(path) ?? null) : null;
  }

  /** The people a name could mean, when it names nobody because it could mean several of them. */
  couldBe(ref: string): PersonEntry[] {
    this.settleAll();
    return this.keys.couldBe(ref).flatMap((path) => this.people_.get(path) ?? []);
  }

  agreements(): AgreementEntry[] {
    this.settleStructure();
    this.settleFiles(() => false);
    return this.agreementList.get() as AgreementEntry[];
  }

  agreementsWith(personPath: string): AgreementEntry[] {
    return [...(this.grouped().a.get(personPath) ?? [])];
  }

  /** 1:1 notes and log entries, newest first. */
  meetings(): MeetingEntry[] {
    this.settleStructure();
    this.settleFiles(() => false);
    return this.meetingList.get() as MeetingEntry[];
  }

  meetingsWith(personPath: string): MeetingEntry[] {
    return [...(this.grouped().m.get(personPath) ?? [])];
  }

  /**
   * The latest day up to today on which a person's notes say they were seen (1:1s held, dated log
   * lines, dated notes that link them; not their properties), leaving out what `path` says of `date`.
   */
  latestSeenApart(personPath: string, path: string, date: IsoDate): IsoDate | null {
    this.settleStructure();
    this.settleFiles(() => false);
    return this.seen.latestApart(personPath, this.clock.today(), path, date);
  }

  /** 1:1 notes with problems (a date that is no day, an unknown status, no person), by path. */
  noteProblems(): readonly NoteProblem[] {
    this.settleStructure();
    this.settleFiles(() => false);
    if (this.problemList?.version !== this.problemsVersion) {
      const list = [...this.problems.values()].sort((a, b) => comparePaths(a.path, b.path));
      this.problemList = { version: this.problemsVersion, list };
    }
    return this.problemList.list;
  }

  /** The running log of a person: their `log` property, or a dateless 1:1 note about them. */
  logOf(personPath: string): string | null {
    this.settleStructure();
    this.settleFiles(() => false);
    return this.runningLog(personPath);
  }

  /** What kind of note a path is, as recognized. */
  kindOf(path: string): NoteShape["kind"] | null {
    return this.files.get(path)?.kind.kind ?? null;
  }

  facts(path: string): FileFacts | null {
    return this.files.get(path)?.facts ?? null;
  }

  /** The person a note is about: a person note itself, or the person of a 1:1 note or log. */
  personOfNote(path: string): PersonEntry | null {
    this.settleAll();
    const own = this.people_.get(path);
    if (own) return own;
    const owner = this.isDayNote(path) ? null : this.logs.ownerOf(path);
    if (owner) return this.people_.get(owner) ?? null;
    const person = this.derived.get(path)?.person ?? null;
    return person !== null ? (this.people_.get(person) ?? null) : null;
  }

  /** What the index recognized in a note: its kind, and for a 1:1 note or meeting whom it names. */
  recognized(path: string): { record: FileRecord; choice: PersonChoice | null } | null {
    this.settleStructure();
    const record = this.files.get(path);
    return record ? { record, choice: choiceOf(record, this.lookup()) } : null;
  }

  /** Finds people as notes name them; `asked` hears every target looked up. */
  private lookup(asked?: (target: string) => void): PeopleLookup {
    const find = (ref: string, full: boolean): string | null => {
      const target = targetOf(ref);
      asked?.(target);
      return this.keys.resolveTarget(target, full);
    };
    return { any: (ref) => find(ref, false), full: (ref) => find(ref, true) };
  }

  // ---- feeding, internals ----------------------------------------------------------------------

  /**
   * Stores a file. What is read from the text (open tasks, a blank properties block) comes from
   * `text`, or from `carried` (the file's record before the settings changed), else is none.
   */
  private put(facts: FileFacts, text: string | null, carried: FileRecord | null): void {
    try {
      this.putRecord(facts, text, carried);
      this.unreadable.delete(facts.path);
    } catch (error) {
      this.putUnreadable(facts, error);
    }
  }

  /**
   * Stores a file that could not be read as a note that is nothing to the index (no person, no
   * 1:1, no agreements), and remembers what went wrong: one note never stops the others.
   */
  private putUnreadable(facts: FileFacts, error: unknown): void {
    const path = facts.path;
    const old = this.files.get(path);
    this.files.set(path, { facts, kind: { kind: "other", why: null }, text: null, person: null, tasks: UNREAD_TASKS, propertiesBroken: false });
    this.you.remove(path);
    this.textWanted.delete(path);
    if (!old) this.logs.fileAdded(path);
    if (old?.person) this.replacePerson(path, old.person, null);
    this.unreadable.set(path, unreadMessage(error));
    this.dirtyFiles.add(path);
  }

  private putRecord(facts: FileFacts, text: string | null, carried: FileRecord | null): void {
    const path = facts.path;
    const old = this.files.get(path);
    const same = old !== undefined && old.facts === facts;
    let noteText = carried ? carried.text : same ? old.text : null;
    let kind: NoteShape;
    if (text !== null) {
      // What the facts alone say was found when they came (without text): it decides whether the text matters.
      const bare = same && !carried && old.text === null ? old.kind : internedShape(noteShape(facts, null, this.settings));
      noteText = textMatters(bare) ? readNoteText(text) : null;
      kind = noteText === null ? bare : internedShape(noteShape(facts, noteText, this.settings));
    } else {
      kind = same && !carried ? old.kind : internedShape(noteShape(facts, noteText, this.settings));
    }
    const keepPerson = same && old.person !== null && old.text === noteText;
    const person = kind.kind !== "person" ? null : keepPerson ? old.person : parsePerson({ path, frontmatter: facts.frontmatter, title: titleOf(facts) });
    const record: FileRecord = {
      facts,
      kind,
      text: noteText,
      person,
      tasks: carried ? carried.tasks : text !== null ? readOpenTasks(facts, text, kind, this.settings.queueHeading, this.tasks) : UNREAD_TASKS,
      propertiesBroken:
        facts.propertiesUnread === true &&
        (carried ? carried.propertiesBroken : text !== null ? !blankPropertiesBlock(text) : old?.facts === facts ? old.propertiesBroken : true),
    };
    if (person && old?.person === person && old.propertiesBroken !== record.propertiesBroken) this.dirtyPeople.add(path);
    this.files.set(path, record);
    if (kind.kind === "meeting") this.you.set(path, kind.oneOnOne, namesTogether(kind.candidates));
    else this.you.remove(path);
    if (record.tasks !== UNREAD_TASKS) this.textWanted.delete(path);
    if (!old) this.logs.fileAdded(path);
    if ((old?.person ?? null) !== person) this.replacePerson(path, old?.person ?? null, person);
    this.dirtyFiles.add(path);
  }

  /** A person note came, went or changed: its keys, its name and its `log` property. */
  private replacePerson(path: string, before: Person | null, after: Person | null): void {
    const oldKeys = before ? personKeysByStrength(before, path) : [];
    const newKeys = after ? personKeysByStrength(after, path) : [];
    this.keys.remove(
      path,
      oldKeys.filter((k) => !newKeys.some((n) => n.key === k.key)).map((k) => k.key),
    );
    this.keys.add(path, newKeys, after !== null && this.isMine(after));
    // Entries show people by name: where the name changed, the files that name them say it anew.
    if (before && after && before.name !== after.name) {
      for (const [file, derived] of this.derived) if (mentions(derived, path)) this.dirtyFiles.add(file);
    }
    const oldName = before ? normKey(before.name) : null;
    const newName = after ? normKey(after.name) : null;
    if (oldName !== newName) {
      if (oldName !== null) {
        const paths = this.byName.get(oldName);
        paths?.delete(path);
        if (paths?.size === 0) this.byName.delete(oldName);
      }
      if (newName !== null) {
        let paths = this.byName.get(newName);
        if (!paths) this.byName.set(newName, (paths = new Set()));
        paths.add(path);
      }
    }
    this.logs.setWanted(path, after?.log ? normKey(linkTargetKey(after.log)) : null);
    this.dirtyPeople.add(path);
  }


  private reset(): void {
    this.files.clear();
    this.unreadable.clear();
    this.problems.clear();
    this.problemsOf.clear();
    this.problemsVersion++;
    this.mayOwn.clear();
    this.keys.clear();
    this.you.clear();
    this.myName = "";
    this.logs.clear();
    this.seen.clear();
    this.byName.clear();
    this.derived.clear();
    this.openCount.clear();
    this.agreementList.clear();
    this.meetingList.clear();
    this.people_.clear();
    this.peopleList.clear();
    this.dirtyFiles.clear();
    this.dirtyPeople.clear();
    this.textWanted.clear();
    this.peopleToday = null;
    this.byPerson = null;
  }

  private changed(): void {
    if (this.batchDepth > 0) this.changedInBatch = true;
    else this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  // ---- deriving ------------------------------------------------------------------------------

  private settleAll(): void {
    this.settleStructure();
    this.settleFiles(() => false);
    this.settlePeople(() => false);
  }

  /** Resolutions and logs after person notes or file names changed; marks what to derive again. */
  private settleStructure(): void {
    this.settleMe();
    if (this.keys.pending) {
      const { files, keys } = this.keys.settle();
      for (const path of files) this.dirtyFiles.add(path);
      for (const key of keys) {
        for (const path of this.keys.paths(key) ?? []) this.dirtyPeople.add(path);
        for (const path of this.byName.get(key) ?? []) this.dirtyPeople.add(path);
      }
    }
    const { notes, people } = this.logs.settleProperties();
    for (const path of notes) {
      this.dirtyFiles.add(path);
      const record = this.files.get(path);
      if (record?.tasks === UNREAD_TASKS && hasOpenTask(record.facts, this.tasks.statuses) && this.logs.ownerByProperty(path) !== null) this.textWanted.add(path);
    }
    for (const path of people) this.dirtyPeople.add(path);
  }

  /** Derives the entries of changed files again. */
  private settleFiles(shouldYield: () => boolean): boolean {
    let done = 0;
    for (const path of this.dirtyFiles) {
      if ((++done & 255) === 0 && shouldYield()) return false;
      this.dirtyFiles.delete(path);
      this.deriveFile(path);
    }
    // Dateless 1:1 notes were looked at above: the logs chosen among them.
    if (this.logs.pending) for (const path of this.logs.settleChosen()) this.dirtyPeople.add(path);
    return true;
  }

  private deriveFile(path: string): void {
    const record = this.files.get(path);
    const before = this.derived.get(path) ?? NOTHING;
    let after = NOTHING;
    // A file that cannot be read or derived adds nothing but what went wrong: the others go on.
    let failure = this.unreadable.get(path) ?? null;
    if (record && failure === null) {
      try {
        after = this.derivedOf(path, record);
      } catch (error) {
        failure = unreadMessage(error);
      }
    }
    if (!record || failure !== null) this.logs.setCandidate(path, null);
    if (record && failure !== null) after = unreadNote(path, failure);
    if (before === NOTHING && after === NOTHING) return;
    this.keys.use(path, before.targets, after.targets);
    if (!sameSeen(before.seen, after.seen)) {
      this.seen.remove(path, before.seen, this.seenChanged);
      this.seen.add(path, after.seen, this.seenChanged);
    }
    if (!sameNoteProblem(before.problem, after.problem)) this.setProblem(path, before.problem, after.problem);
    if (before !== NOTHING) {
      keep(before.agreements, after.agreements, sameAgreement);
      keep(before.meetings, after.meetings, sameMeeting);
    }
    for (const entry of before.agreements) {
      if (after.agreements.includes(entry)) continue;
      this.agreementList.remove(entry);
      this.count(entry.personPath, -1);
      this.mayBeOwnedBy(entry, false);
    }
    for (const entry of after.agreements) {
      if (before.agreements.includes(entry)) continue;
      this.agreementList.add(entry);
      this.count(entry.personPath, 1);
      this.mayBeOwnedBy(entry, true);
    }
    for (const entry of before.meetings) if (!after.meetings.includes(entry)) this.meetingList.remove(entry);
    for (const entry of after.meetings) if (!before.meetings.includes(entry)) this.meetingList.add(entry);
    if (after === NOTHING) this.derived.delete(path);
    else this.derived.set(path, after);
  }

  /** What one file adds to the lists (see `FileDerived`). */
  private derivedOf(path: string, record: FileRecord): FileDerived {
    const targets: string[] = [];
    const lookup = this.lookup((target) => {
      if (!targets.includes(target)) targets.push(target);
    });
    const owner = this.logOwner(path);
    // Whether the note is the log of whoever names it (their problem if not) may have changed.
    for (const person of this.logs.namers(path)) this.dirtyPeople.add(person);
    const ctx: FileContext = {
      record,
      ownerByProperty: owner,
      choice: choiceOf(record, lookup),
      oneOtherPersonIsOneOnOne: this.settings.oneOtherPersonIsOneOnOne,
      statuses: this.tasks.statuses,
      resolve: (ref) => lookup.any(ref),
      couldBe: (ref) => this.keys.couldBe(ref),
      nameOf: this.nameOf,
    };
    this.logs.setCandidate(path, logCandidate(ctx));
    const meetings = meetingEntries(ctx);
    const agreements = agreementEntries(ctx, this.settings.agreementsAnywhere, this.settings.agreementTag);
    const problem = noteProblem(ctx);
    const seen = seenEntries(ctx, meetings, this.settings.datedNotesCountAsSeen);
    const person = record.kind.kind === "person" ? null : (notePerson(ctx)?.path ?? null);
    if (meetings.length === 0 && agreements.length === 0 && targets.length === 0 && !problem && seen.length === 0) return NOTHING;
    return {
      agreements: agreements.length > 0 ? trimmed(agreements) : NOTHING.agreements,
      meetings: meetings.length > 0 ? trimmed(meetings) : NOTHING.meetings,
      targets: targets.length > 0 ? trimmed(targets) : NOTHING.targets,
      problem,
      seen: seen.length > 0 ? trimmed(seen) : NOTHING.seen,
      person,
    };
  }

  private setProblem(path: string, before: NoteProblem | null, after: NoteProblem | null): void {
    if (before?.personPath) {
      const notes = this.problemsOf.get(before.personPath);
      notes?.delete(path);
      if (notes?.size === 0) this.problemsOf.delete(before.personPath);
      this.dirtyPeople.add(before.personPath);
    }
    if (after?.personPath) {
      let notes = this.problemsOf.get(after.personPath);
      if (!notes) this.problemsOf.set(after.personPath, (notes = new Set()));
      notes.add(path);
      this.dirtyPeople.add(after.personPath);
    }
    if (after) this.problems.set(path, after);
    else this.problems.delete(path);
    this.problemsVersion++;
  }

  /** Files (or takes back) an agreement under each person its ambiguous owner could be. */
  private mayBeOwnedBy(entry: AgreementEntry, add: boolean): void {
    if (entry.ownerCouldBe.length === 0) return;
    const written = entry.owner.kind === "name" ? entry.owner.name : entry.owner.kind === "link" ? entry.owner.target : "";
    for (const path of entry.ownerCouldBe) {
      if (path === ME) continue;
      let owners = this.mayOwn.get(path);
      if (!owners) this.mayOwn.set(path, (owners = new Map<string, number>()));
      const count = (owners.get(written) ?? 0) + (add ? 1 : -1);
      if (count > 0) owners.set(written, count);
      else owners.delete(written);
      if (owners.size === 0) this.mayOwn.delete(path);
      this.dirtyPeople.add(path);
    }
  }

  private count(personPath: string | null, delta: number): void {
    if (!personPath) return;
    const count = (this.openCount.get(personPath) ?? 0) + delta;
    if (count === 0) this.openCount.delete(personPath);
    else this.openCount.set(personPath, count);
    this.dirtyPeople.add(personPath);
  }

  /** Derives the people touched by changes again: last seen, due, open agreements, namesakes. */
  private settlePeople(shouldYield: () => boolean): boolean {
    const today = this.clock.today();
    if (today !== this.peopleToday) {
      this.peopleToday = today;
      for (const path of this.people_.keys()) this.dirtyPeople.add(path);
    }
    let done = 0;
    for (const path of this.dirtyPeople) {
      if ((++done & 127) === 0 && shouldYield()) return false;
      this.dirtyPeople.delete(path);
      this.derivePerson(path, today);
    }
    return true;
  }

  private derivePerson(path: string, today: IsoDate): void {
    const record = this.files.get(path);
    const before = this.people_.get(path);
    // Your own note is you: never someone to meet.
    if (!record?.person || this.isMine(record.person)) {
      if (before) {
        this.peopleList.remove(before);
        this.people_.delete(path);
      }
      return;
    }
    const person = record.person;
    const name = normKey(person.name);
    const namesakes = this.keys.paths(name)?.filter((p) => p !== path && p !== ME && normKey(this.nameOf(p)) === name) ?? null;
    const inputs: PersonInputs = {
      record: record as FileRecord & { person: Person },
      otherProblems: [],
      latestSeen: null,
      openAgreements: this.openCount.get(path) ?? 0,
      namesakes,
      today,
      defaultCadence: this.settings.defaultCadence,
      dueSoonDays: this.settings.dueSoonDays,
      dueSoonPercent: this.settings.dueSoonPercent,
    };
    let fresh: PersonEntry;
    try {
      inputs.otherProblems = this.otherProblems(path, person, record.propertiesBroken);
      inputs.latestSeen = this.seen.latest(path, today);
      fresh = personEntry(inputs);
    } catch (error) {
      // One person that cannot be worked out is a problem on their row, never a stopped index.
      fresh = unworkedPersonEntry(inputs, describeError(error));
    }
    if (before && samePerson(before, fresh)) return;
    if (before) this.peopleList.remove(before);
    this.peopleList.add(fresh);
    this.people_.set(path, fresh);
  }

  /** Problems of a person that the note alone does not show: its properties, aliases, 1:1 notes. */
  private otherProblems(path: string, person: Person, propertiesBroken: boolean): Problem[] {
    const problems: Problem[] = [];
    const log = this.logOfPerson(path);
    if (log.problem !== null) problems.push({ field: "log", message: log.problem });
    if (propertiesBroken) {
      problems.push({
        field: "properties",
        message: "The properties are not valid YAML, so none of them is read; fix them in source mode.",
      });
    }
    for (const alias of person.aliases) {
      const others = [...(this.byName.get(normKey(alias)) ?? [])].filter((p) => p !== path);
      if (others.length === 0) continue;
      const target = this.keys.resolve(alias);
      const named = target !== null && target !== path ? target : others.sort().join(", ");
      problems.push({
        field: "aliases",
        message: `The alias "${alias}" is the name of another person note (${named}); links to that name go there.`,
      });
    }
    for (const note of [...(this.problemsOf.get(path) ?? [])].sort()) {
      for (const message of this.problems.get(note)?.messages ?? []) problems.push({ field: "1:1 notes", message: `${note}: ${message}` });
    }
    for (const [written, count] of [...(this.mayOwn.get(path) ?? [])].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      // Whom the name could mean is asked now: the people it could mean may have changed since.
      const names = this.keys.couldBe(written).map((p) => (p === ME ? "you" : this.nameOf(p)));
      problems.push({ field: "agreements", message: ambiguousOwnerProblem(written, count, names) });
    }
    return problems;
  }

  /**
   * Your name in force: the setting, else the name found at every meeting (`InferredYou`). When
   * it changes, the keys that name you change, and person notes that are (or were) yours follow.
   */
  private settleMe(): void {
    const name = this.settings.myName.trim() || (this.you.get() ?? "");
    if (name === this.myName) return;
    const before = this.myName;
    this.keys.remove(ME, keysOfName(before).map((k) => k.key));
    this.myName = name;
    this.keys.add(ME, keysOfName(name));
    for (const [path, record] of this.files) {
      const person = record.person;
      if (person && (this.isMine(person) || isNamed(person, before))) this.replacePerson(path, person, person);
    }
  }

  /** Who you seem to be by the vault's meetings, when the settings do not give your name. */
  inferredMe(): string | null {
    this.settleStructure();
    return this.settings.myName.trim() === "" ? this.you.get() : null;
  }

  /** Whether a person note is your own: its name or an alias is your name. */
  private isMine(person: Person): boolean {
    return isNamed(person, this.myName);
  }

  /** Whether a note is the 1:1 of one day (dated, or dated with no day): never a running log. */
  private isDayNote(path: string): boolean {
    const kind = this.files.get(path)?.kind;
    return kind?.kind === "meeting" && (kind.date !== null || kind.badDate !== null);
  }

  /** The person whose `log` property names the note, unless it is the 1:1 of one day or another person's note. */
  private logOwner(path: string): string | null {
    const owner = this.logs.ownerByProperty(path);
    if (owner === null || this.isDayNote(path)) return null;
    return owner === path || !this.files.get(path)?.person ? owner : null;
  }

  /** A person's running log, and what is wrong with their `log` property (see `runningLog`). */
  private logOfPerson(person: string): RunningLog {
    const note = this.logs.propertyLogOf(person);
    const namer = note === null ? null : (this.logs.ownerByProperty(note) ?? person);
    const other = note !== null && note !== person && this.files.get(note)?.person ? this.nameOf(note) : null;
    const record = this.files.get(person);
    return runningLog({
      person,
      byProperty:
        note === null || namer === null
          ? null
          : { note, dayNote: this.isDayNote(note), otherPersonNote: other, firstNamer: namer, firstNamerName: this.nameOf(namer) },
      dateless: this.logs.chosenLogOf(person),
      ownNoteKeepsLog: record?.kind.kind === "person" && headingEntries(record.facts).length > 0,
    });
  }

  private runningLog(person: string): string | null {
    return this.logOfPerson(person).log;
  }

  /** Agreements and meetings by person, grouped once per change of the lists. */
  private grouped(): { a: Map<string, AgreementEntry[]>; m: Map<string, MeetingEntry[]> } {
    const agreements = this.version("agreements");
    const meetings = this.version("meetings");
    if (this.byPerson && this.byPerson.agreements === agreements && this.byPerson.meetings === meetings) return this.byPerson;
    const a = new Map<string, AgreementEntry[]>();
    for (const entry of this.agreementList.get()) if (entry.personPath !== null) pushTo(a, entry.personPath, entry);
    const m = new Map<string, MeetingEntry[]>();
    for (const entry of this.meetingList.get()) if (entry.personPath !== null) pushTo(m, entry.personPath, entry);
    this.byPerson = { agreements, meetings, a, m };
    return this.byPerson;
  }
}

/** What the user is told of a note that could not be read. */
function unreadMessage(error: unknown): string {
  return `This note could not be read (${describeError(error)}); it is left out until it changes.`;
}

/** A note that could not be read: it adds nothing but its problem, for the notes to check. */
function unreadNote(path: string, message: string): FileDerived {
  return { ...NOTHING, problem: { path, personPath: null, personName: null, messages: [message] } };
}

/** Whom a meeting note is with, chosen among its candidates; null for any other note. */
function choiceOf(record: FileRecord, lookup: PeopleLookup): PersonChoice | null {
  return record.kind.kind === "meeting" ? choosePerson(record.kind.candidates, lookup, markingOf(record.kind)) : null;
}

/**
 * A fresh shape with its words kept once (changed in place): the same few rules and labels are
 * said of thousands of notes.
 */
function internedShape(shape: NoteShape): NoteShape {
  if (shape.why !== null) shape.why = interned(shape.why);
  if (shape.kind === "meeting") {
    shape.dateWhy = internedOrNull(shape.dateWhy);
    shape.date = internedOrNull(shape.date);
    for (const candidate of shape.candidates) candidate.label = interned(candidate.label);
  }
  return shape;
}

/** The keys of a name: the name, its first word and its slugs (your keys, for your name). */
function keysOfName(name: string): ReturnType<typeof personKeysByStrength> {
  return name === "" ? [] : personKeysByStrength({ name, firstName: null, aliases: [] });
}

/** Whether a person note's name or an alias is `name` (case, accents and punctuation aside). */
function isNamed(person: Person, name: string): boolean {
  const wanted = slugOf(normKey(name));
  return wanted !== "" && [person.name, ...person.aliases].some((n) => slugOf(normKey(n)) === wanted);
}

/** Whether a file's entries name a person (by path), so that a change of their name shows there. */
function mentions(derived: FileDerived, path: string): boolean {
  return (
    derived.person === path ||
    derived.meetings.some((m) => m.personPath === path) ||
    derived.agreements.some((a) => a.personPath === path || a.ownerPath === path)
  );
}

function sameSeen(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Replaces each new entry equal to an old one by the old object. */
function keep<T>(before: readonly T[], after: T[], same: (a: T, b: T) => boolean): void {
  if (before.length === 0) return;
  for (let i = 0; i < after.length; i++) {
    const fresh = after[i] as T;
    const old = before.find((b) => same(b, fresh));
    if (old !== undefined) after[i] = old;
  }
}

function pushTo<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
