import { parseAgreement } from "../domain/agreement";
import { parseCadence } from "../domain/cadence";
import type { Clock } from "../domain/dates";
import { dueInfo, type DueInfo } from "../domain/due";
import { parsePerson, personKeys, personSlug } from "../domain/person";
import type { Cadence, IsoDate, Owner, ParsedAgreement, Person, Problem, Relationship } from "../domain/types";
import { classify, logEntries, type FileKind, type LogEntry, type MeetingStatus, type RecognitionSettings } from "./classify";
import { baseName, hasOpenTask, isOpenStatus, linkTargetKey, type FileFacts } from "./facts";

export interface IndexSettings extends RecognitionSettings {
  datedNotesCountAsSeen: boolean;
  agreementsAnywhere: boolean;
  defaultCadence: Record<Relationship | "unset", string>;
  dueSoonDays: number;
  dueSoonPercent: number;
  /** Heading of the talking-point queue in person notes; tasks under it are not agreements. */
  queueHeading: string;
}

/** One open agreement, resolved against the people of the vault. */
export interface AgreementEntry {
  /** `path:line` — changes when the line moves; use path, line and original to write. */
  id: string;
  path: string;
  line: number;
  /** The line as it was read (without line ending), to find it again before writing. */
  original: string;
  parsed: ParsedAgreement;
  text: string;
  due: IsoDate | null;
  recurring: boolean;
  owner: Owner;
  ownerIsMe: boolean;
  /** Person note path of the owner, when the owner is a person. */
  ownerPath: string | null;
  /** Display name of the owner: "Me", a person's name, or the name as written. */
  ownerName: string | null;
  /** The person this agreement was made with (the 1:1's person). */
  personPath: string | null;
  personName: string | null;
  /** Date of the meeting (note or log entry) it was written in. */
  meetingDate: IsoDate | null;
}

export interface MeetingEntry {
  path: string;
  /** Heading line for a log entry, -1 for a note of its own. */
  line: number;
  date: IsoDate | null;
  status: MeetingStatus;
  personPath: string | null;
  personName: string | null;
  kind: "note" | "log-entry" | "log";
}

export interface PersonEntry {
  person: Person;
  path: string;
  name: string;
  /** The cadence in force: the note's own or the default for the relationship. */
  cadence: Cadence;
  cadenceIsDefault: boolean;
  lastSeen: IsoDate | null;
  due: DueInfo;
  openAgreements: number;
  created: IsoDate | null;
  problems: Problem[];
}

interface OpenTask {
  line: number;
  original: string;
  parsed: ParsedAgreement;
  /** Date of the log entry the task sits under, if any. */
  entryDate: IsoDate | null;
  /** First linked note on the line (for tasks outside 1:1 notes). */
  firstLink: string | null;
}

interface FileRecord {
  facts: FileFacts;
  kind: FileKind;
  person: Person | null;
  tasks: OpenTask[];
  /** Keys this file adds a "seen" date to, with the date. */
  seen: { key: string; date: IsoDate }[];
}

type Listener = () => void;

const normKey = (text: string) => text.trim().toLowerCase();

/** ISO dates compare as strings; the index holds valid dates only. */
function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The in-memory index of people, 1:1 notes and open agreements. Fed one file at a time; every
 * derived list is computed lazily and kept until the next change.
 */
export class PeopleIndex {
  private readonly files = new Map<string, FileRecord>();
  private readonly seenByKey = new Map<string, Map<string, IsoDate>>();
  private readonly listeners = new Set<Listener>();
  private batchDepth = 0;
  private changedInBatch = false;
  private derived: Derived | null = null;

  constructor(
    private settings: IndexSettings,
    private readonly clock: Clock,
  ) {}

  // ---- feeding -------------------------------------------------------------------------------

  /** Whether the index wants the text of this file (it holds open tasks that may be agreements). */
  needsText(facts: FileFacts): boolean {
    if (!hasOpenTask(facts)) return false;
    if (this.settings.agreementsAnywhere) return true;
    const kind = classify(facts, this.settings).kind;
    // A note with dated headings may be the running log a person's `log` property names.
    return kind === "person" || kind === "meeting" || logEntries(facts).length > 0;
  }

  /** Adds or replaces a file. `text` is needed only when `needsText(facts)`. */
  upsert(facts: FileFacts, text: string | null): void {
    this.removeSeen(facts.path);
    const kind = classify(facts, this.settings);
    const record: FileRecord = {
      facts,
      kind,
      person: kind.kind === "person" ? parsePerson({ path: facts.path, frontmatter: facts.frontmatter }) : null,
      tasks: text !== null ? readOpenTasks(facts, text, kind, this.settings.queueHeading) : [],
      seen: [],
    };
    record.seen = this.seenContributions(record);
    this.files.set(facts.path, record);
    this.addSeen(record);
    this.changed();
  }

  remove(path: string): void {
    if (!this.files.has(path)) return;
    this.removeSeen(path);
    this.files.delete(path);
    this.changed();
  }

  rename(oldPath: string, facts: FileFacts, text: string | null): void {
    this.batch(() => {
      this.remove(oldPath);
      this.upsert(facts, text);
    });
  }

  /** Replaces the settings; every file is classified again from the facts already held. */
  setSettings(settings: IndexSettings): void {
    this.settings = settings;
    this.batch(() => {
      for (const record of [...this.files.values()]) {
        this.upsert(record.facts, null);
        const updated = this.files.get(record.facts.path);
        if (updated && record.tasks.length > 0) updated.tasks = record.tasks;
      }
    });
  }

  /** Runs `fn` and tells subscribers once at the end. */
  batch(fn: () => void): void {
    this.batchDepth++;
    try {
      fn();
    } finally {
      this.batchDepth--;
      if (this.batchDepth === 0 && this.changedInBatch) {
        this.changedInBatch = false;
        this.notify();
      }
    }
  }

  clear(): void {
    this.files.clear();
    this.seenByKey.clear();
    this.changed();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Call when the date may have changed (e.g. after midnight): derived dates are recomputed. */
  refresh(): void {
    this.changed();
  }

  get size(): number {
    return this.files.size;
  }

  // ---- queries -------------------------------------------------------------------------------

  people(): PersonEntry[] {
    return this.derive().people;
  }

  person(path: string): PersonEntry | null {
    return this.derive().peopleByPath.get(path) ?? null;
  }

  /** Finds a person by a link target, a path, a name, an alias or a slug. */
  findPerson(ref: string): PersonEntry | null {
    const path = this.derive().resolve(ref);
    return path ? (this.derive().peopleByPath.get(path) ?? null) : null;
  }

  agreements(): AgreementEntry[] {
    return this.derive().agreements;
  }

  agreementsWith(personPath: string): AgreementEntry[] {
    return this.derive().agreements.filter((a) => a.personPath === personPath);
  }

  /** 1:1 notes and log entries, newest first. */
  meetings(): MeetingEntry[] {
    return this.derive().meetings;
  }

  meetingsWith(personPath: string): MeetingEntry[] {
    return this.derive().meetings.filter((m) => m.personPath === personPath);
  }

  /** The running log of a person: their `log` property, or a dateless 1:1 note about them. */
  logOf(personPath: string): string | null {
    const derived = this.derive();
    return derived.logs.get(personPath) ?? null;
  }

  /** What kind of note a path is, as recognized. */
  kindOf(path: string): FileKind["kind"] | null {
    return this.files.get(path)?.kind.kind ?? null;
  }

  facts(path: string): FileFacts | null {
    return this.files.get(path)?.facts ?? null;
  }

  /** The person a note is about: a person note itself, or the person of a 1:1 note or log. */
  personOfNote(path: string): PersonEntry | null {
    const derived = this.derive();
    if (derived.peopleByPath.has(path)) return derived.peopleByPath.get(path) ?? null;
    const owner = derived.logOwner.get(path);
    if (owner) return derived.peopleByPath.get(owner) ?? null;
    const record = this.files.get(path);
    if (record?.kind.kind === "meeting" && record.kind.personRef) return this.findPerson(record.kind.personRef);
    return null;
  }

  // ---- internals -----------------------------------------------------------------------------

  private changed(): void {
    this.derived = null;
    if (this.batchDepth > 0) this.changedInBatch = true;
    else this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private seenContributions(record: FileRecord): { key: string; date: IsoDate }[] {
    const today = this.clock.today();
    const out: { key: string; date: IsoDate }[] = [];
    const add = (ref: string, date: IsoDate) => {
      if (compareDates(date, today) > 0) return; // a note prepared for a later day is not a meeting yet
      for (const key of refKeys(ref)) out.push({ key, date });
    };
    const kind = record.kind;
    if (kind.kind === "meeting") {
      if (kind.date && kind.status === "held" && kind.personRef) add(kind.personRef, kind.date);
      if (kind.personRef) {
        for (const entry of kind.entries) if (entry.status === "held") add(kind.personRef, entry.date);
      }
      // A log linked from a person's `log` property is resolved in derive().
      for (const entry of kind.entries) if (entry.status === "held") add(`log:${record.facts.path}`, entry.date);
    } else if (kind.kind === "other") {
      for (const entry of heldEntries(record.facts)) add(`log:${record.facts.path}`, entry.date);
    } else if (kind.kind === "dated" && this.settings.datedNotesCountAsSeen) {
      const openLines = new Set(record.facts.tasks.filter((t) => isOpenStatus(t.status)).map((t) => t.line));
      for (const link of record.facts.links) {
        if (openLines.has(link.line)) continue;
        add(linkTargetKey(link.target), kind.date);
      }
    }
    return out;
  }

  private addSeen(record: FileRecord): void {
    for (const { key, date } of record.seen) {
      let byPath = this.seenByKey.get(key);
      if (!byPath) this.seenByKey.set(key, (byPath = new Map<string, IsoDate>()));
      const current = byPath.get(record.facts.path);
      if (!current || compareDates(date, current) > 0) byPath.set(record.facts.path, date);
    }
  }

  private removeSeen(path: string): void {
    const record = this.files.get(path);
    if (!record) return;
    for (const { key } of record.seen) {
      const byPath = this.seenByKey.get(key);
      byPath?.delete(path);
      if (byPath && byPath.size === 0) this.seenByKey.delete(key);
    }
  }

  private latestSeen(keys: Iterable<string>): IsoDate | null {
    let latest: IsoDate | null = null;
    for (const key of keys) {
      const byPath = this.seenByKey.get(key);
      if (!byPath) continue;
      for (const date of byPath.values()) if (!latest || compareDates(date, latest) > 0) latest = date;
    }
    return latest;
  }

  private derive(): Derived {
    if (this.derived) return this.derived;
    const today = this.clock.today();
    const s = this.settings;

    // 1. People and the keys that name them.
    const personRecords = [...this.files.values()].filter((r) => r.person !== null);
    const byKey = new Map<string, string[]>();
    const addKey = (key: string, path: string) => {
      if (!key) return;
      const paths = byKey.get(key);
      if (!paths) byKey.set(key, [path]);
      else if (!paths.includes(path)) paths.push(path);
    };
    for (const record of personRecords) {
      const person = record.person as Person;
      addKey(normKey(record.facts.path.replace(/\.md$/i, "")), person.path);
      for (const key of personKeys(person)) addKey(key, person.path);
    }
    const duplicates = new Map<string, string[]>();
    for (const record of personRecords) {
      const name = normKey((record.person as Person).name);
      const same = byKey.get(name)?.filter((p) => p !== record.facts.path && normKey(baseName(p).replace(/^@/, "")) === name);
      if (same && same.length > 0) duplicates.set(record.facts.path, same);
    }
    const resolve = (ref: string): string | null => {
      const target = normKey(linkTargetKey(ref)).replace(/^@/, "");
      if (!target) return null;
      const candidates = byKey.get(target) ?? byKey.get(personSlug(target)) ?? [];
      if (candidates.length === 0) return null;
      // An exact name wins over an alias or a first name shared by several people.
      const exact = candidates.filter((p) => normKey(baseName(p).replace(/^@/, "")) === target);
      const pool = exact.length > 0 ? exact : candidates;
      return [...pool].sort()[0] ?? null;
    };

    // 2. Running logs named by a person's `log` property, and dateless 1:1 notes about someone.
    const logs = new Map<string, string>();
    const logOwner = new Map<string, string>();
    const notePathByName = new Map<string, string>();
    for (const path of this.files.keys()) {
      notePathByName.set(normKey(path.replace(/\.md$/i, "")), path);
      const name = normKey(baseName(path));
      if (!notePathByName.has(name)) notePathByName.set(name, path);
    }
    for (const record of personRecords) {
      const person = record.person as Person;
      if (!person.log) continue;
      const logPath = notePathByName.get(normKey(linkTargetKey(person.log)));
      if (logPath) {
        logs.set(person.path, logPath);
        logOwner.set(logPath, person.path);
      }
    }
    const meetings: MeetingEntry[] = [];
    for (const record of this.files.values()) {
      const kind = record.kind;
      const ownerByProperty = logOwner.get(record.facts.path) ?? null;
      if (kind.kind !== "meeting" && !ownerByProperty) continue;
      const personPath =
        ownerByProperty ?? (kind.kind === "meeting" && kind.personRef ? resolve(kind.personRef) : null);
      const personName = personPath
        ? baseName(personPath).replace(/^@/, "")
        : kind.kind === "meeting"
          ? kind.personRef
          : null;
      if (kind.kind === "meeting" && kind.date) {
        meetings.push({ path: record.facts.path, line: -1, date: kind.date, status: kind.status, personPath, personName, kind: "note" });
        continue;
      }
      const entries = kind.kind === "meeting" ? kind.entries : heldEntries(record.facts);
      if (personPath && !logs.has(personPath)) {
        logs.set(personPath, record.facts.path);
        logOwner.set(record.facts.path, personPath);
      }
      meetings.push({ path: record.facts.path, line: -1, date: null, status: "held", personPath, personName, kind: "log" });
      for (const entry of entries) {
        meetings.push({ path: record.facts.path, line: entry.line, date: entry.date, status: entry.status, personPath, personName, kind: "log-entry" });
      }
    }
    meetings.sort((a, b) => compareDates(b.date ?? "", a.date ?? "") || a.path.localeCompare(b.path));

    // 3. Open agreements.
    const agreements: AgreementEntry[] = [];
    const openCount = new Map<string, number>();
    const nameOf = (path: string | null) => (path ? baseName(path).replace(/^@/, "") : null);
    for (const record of this.files.values()) {
      if (record.tasks.length === 0) continue;
      const kind = record.kind;
      let notePerson: string | null = logOwner.get(record.facts.path) ?? null;
      let inScope = notePerson !== null;
      if (kind.kind === "person") {
        notePerson = record.facts.path;
        inScope = true;
      } else if (kind.kind === "meeting") {
        notePerson = notePerson ?? (kind.personRef ? resolve(kind.personRef) : null);
        inScope = true;
      }
      for (const task of record.tasks) {
        const owner = task.parsed.owner;
        let ownerPath: string | null = null;
        if (owner.kind === "link") ownerPath = resolve(owner.target);
        else if (owner.kind === "name") ownerPath = resolve(owner.name);
        let personPath = notePerson;
        if (!inScope) {
          if (!s.agreementsAnywhere) continue;
          personPath = ownerPath ?? (task.firstLink ? resolve(task.firstLink) : null);
          if (!personPath) continue;
        }
        const meetingDate = task.entryDate ?? (kind.kind === "meeting" ? kind.date : null);
        const ownerName =
          owner.kind === "me" ? "Me" : ownerPath ? nameOf(ownerPath) : owner.kind === "name" ? owner.name : owner.kind === "link" ? linkTargetKey(owner.target) : null;
        agreements.push({
          id: `${record.facts.path}:${task.line}`,
          path: record.facts.path,
          line: task.line,
          original: task.original,
          parsed: task.parsed,
          text: task.parsed.text,
          due: task.parsed.due,
          recurring: task.parsed.recurring,
          owner,
          ownerIsMe: owner.kind === "me",
          ownerPath,
          ownerName,
          personPath,
          personName: personPath ? nameOf(personPath) : kind.kind === "meeting" ? kind.personRef : null,
          meetingDate,
        });
        if (personPath) openCount.set(personPath, (openCount.get(personPath) ?? 0) + 1);
      }
    }
    agreements.sort(
      (a, b) =>
        compareDates(a.due ?? "9999-99-99", b.due ?? "9999-99-99") || a.path.localeCompare(b.path) || a.line - b.line,
    );

    // 4. People with last seen and due status.
    const people: PersonEntry[] = [];
    const peopleByPath = new Map<string, PersonEntry>();
    for (const record of personRecords) {
      const person = record.person as Person;
      const keys = new Set<string>();
      for (const [key, paths] of byKey) if (paths.length === 1 && paths[0] === person.path) keys.add(key);
      keys.add(normKey(person.path.replace(/\.md$/i, "")));
      keys.add(normKey(person.name));
      const log = logs.get(person.path);
      if (log) keys.add(`log:${log}`);
      const seen = [this.latestSeen(keys), person.lastSeen].filter((d): d is IsoDate => d !== null && compareDates(d, today) <= 0);
      const lastSeen = seen.sort(compareDates).pop() ?? person.lastSeen ?? null;
      const own = person.cadence;
      const fallback = parseCadence(s.defaultCadence[person.relationship ?? "unset"]);
      const cadence: Cadence = own ?? ("cadence" in fallback ? fallback.cadence : { kind: "none" });
      const created = record.facts.created;
      const due = dueInfo(
        { lastSeen, cadence, archived: person.archived, snoozeUntil: person.snoozeUntil, created },
        today,
        { days: s.dueSoonDays, percent: s.dueSoonPercent },
      );
      const problems = [...person.problems];
      const dup = duplicates.get(person.path);
      if (dup) problems.push({ field: "name", message: `Another person note has the same name: ${dup.join(", ")}.` });
      const entry: PersonEntry = {
        person,
        path: person.path,
        name: person.name,
        cadence,
        cadenceIsDefault: own === null,
        lastSeen,
        due,
        openAgreements: openCount.get(person.path) ?? 0,
        created,
        problems,
      };
      people.push(entry);
      peopleByPath.set(person.path, entry);
    }
    people.sort((a, b) => a.name.localeCompare(b.name));

    this.derived = { people, peopleByPath, agreements, meetings, logs, logOwner, resolve };
    return this.derived;
  }
}

interface Derived {
  people: PersonEntry[];
  peopleByPath: Map<string, PersonEntry>;
  agreements: AgreementEntry[];
  meetings: MeetingEntry[];
  logs: Map<string, string>;
  logOwner: Map<string, string>;
  resolve: (ref: string) => string | null;
}

/** Keys under which a reference to a person is filed: as written and as a slug. */
function refKeys(ref: string): string[] {
  if (ref.startsWith("log:")) return [ref];
  const key = normKey(ref).replace(/^@/, "");
  const slug = personSlug(key);
  return slug && slug !== key ? [key, slug] : [key];
}

/** Dated headings of a note that is not a 1:1 note, used when a person's `log` property names it. */
function heldEntries(facts: FileFacts): LogEntry[] {
  return logEntries(facts).filter((entry) => entry.status === "held");
}

function readOpenTasks(facts: FileFacts, text: string, kind: FileKind, queueHeading: string): OpenTask[] {
  const open = facts.tasks.filter((task) => isOpenStatus(task.status));
  if (open.length === 0) return [];
  const lines = text.split("\n");
  const headings = [...facts.headings].sort((a, b) => a.line - b.line);
  const entries = kind.kind === "meeting" ? kind.entries : [];
  const tasks: OpenTask[] = [];
  for (const task of open) {
    const raw = lines[task.line];
    if (raw === undefined) continue;
    const original = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const parsed = parseAgreement(original);
    if (!parsed || !parsed.open || parsed.text.trim() === "" && parsed.owner.kind === "none") continue;
    // Under the person note's queue heading these are talking points, not agreements.
    const heading = headings.filter((h) => h.line < task.line).pop();
    if (kind.kind === "person" && heading && normKey(heading.text) === normKey(queueHeading)) continue;
    const entry = entries.filter((e) => e.line < task.line).pop();
    const firstLink = facts.links.find((link) => link.line === task.line)?.target ?? null;
    tasks.push({ line: task.line, original, parsed, entryDate: entry?.date ?? null, firstLink });
  }
  return tasks;
}
