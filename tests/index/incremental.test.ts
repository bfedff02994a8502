// The index derives its lists one changed file at a time. Whatever the order of upserts, removals,
// renames and settings changes, and whenever it is read in between, it must give what an index
// built from scratch with the final files (in the same order of arrival) gives.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixedClock, parseIsoDate } from "../../src/domain/dates";
import { dateInFileName } from "../../src/domain/written-dates";
import { PeopleIndex } from "../../src/index/people-index";
import { factsOf } from "../builders/facts";
import { indexSettings } from "../builders/index-settings";
import { PROPERTY_TIMEOUT_MS, RUNS } from "../properties";

const SETTINGS = indexSettings();
const TODAY = "2026-11-21";

// ---- a small world of notes that name each other in every way the index understands ------------

const NAMES = ["Anya Petrova", "Anya Smith", "Ben", "@Lena", "Lena", "Sam Okafor", "Zoë Müller", "john appleseed"];
const DATES = ["2026-10-15", "2026-11-07", "2026-11-14", "2026-11-21", "2026-11-30"];
const pick = <T>(items: readonly T[], n: number): T => items[Math.abs(n) % items.length] as T;

function refTo(name: string, n: number): string {
  const plain = name.replace(/^@/, "");
  const first = (plain.split(" ")[0] ?? plain).toLowerCase();
  return pick([`"[[${name}]]"`, plain, `"@${first}"`, plain.toLowerCase().replace(/ /g, "-"), `"[[People/${name}|them]]"`], n);
}

function task(n: number): string {
  const owner = pick(["@me ", `[[${pick(NAMES, n >> 2)}]] `, `@${pick(["anya", "sam", "lena", "ben", "nobody"], n >> 3)} `, ""], n);
  const due = pick(["", ` 📅 ${pick(DATES, n >> 4)}`, ` [due:: ${pick(DATES, n >> 5)}]`], n >> 1);
  return `- [${pick([" ", " ", "/", "x"], n >> 6)}] ${owner}${pick(["send the doc", "review [[Ben]]", "book"], n >> 7)}${due}`;
}

/** A note for a path, from a few numbers: person notes, 1:1 notes, logs, daily and other notes. */
function note(path: string, v: readonly number[]): string {
  const n = (i: number) => v[i % v.length] ?? 0;
  const name = path.slice(path.lastIndexOf("/") + 1, -3);
  if (path.startsWith("People/") || path.startsWith("Friends/")) {
    const lines = ["---", path.startsWith("Friends/") ? "type: person" : pick(["type: person", "tags: [person]", "relationship: peer"], n(0))];
    if (n(1) % 2 === 0) lines.push(`aliases: [${pick(["Anya", "Sammy", "Lena", "Ben"], n(2))}]`);
    if (n(3) % 4 === 0) lines.push(`log: "[[${pick(["Journal", "1-1s/Lena", "missing", "Anya log", "Log since 2026-10-01", "Ben"], n(4))}]]"`);
    if (n(5) % 3 === 0) lines.push(`last-seen: ${pick(DATES, n(6))}`);
    lines.push(`cadence: ${pick(["weekly", "monthly", "none", "sometimes"], n(7))}`);
    // Now and then properties Obsidian cannot read, or a block of comments only.
    if (n(9) % 6 === 0) lines.push(pick(["aliases: [Kai", "# only a comment"], n(9) >> 3));
    lines.push("---", "## Next 1:1", "- [ ] a queued topic", "## Notes", task(n(8)));
    // Some keep their 1:1s in the person note itself, under dated headings.
    if (n(10) % 3 === 0) lines.push(`## ${pick(DATES, n(10) >> 2)}`, task(n(10) >> 4));
    lines.push("");
    return lines.join("\n");
  }
  if (path.startsWith("1-1s/")) {
    const person = pick(NAMES, n(0));
    const dated = n(1) % 3 !== 0;
    const lines = ["---", "type: one-on-one", `person: ${refTo(person, n(2))}`];
    if (dated) lines.push(`date: ${n(3) % 7 === 0 ? "2026-02-30" : pick(DATES, n(3))}`);
    if (n(4) % 5 === 0) lines.push(pick(["status: skipped", "status: postponed"], n(4) >> 3));
    lines.push("---");
    if (dated) {
      lines.push("## Agreements", task(n(5)), task(n(6)));
    } else {
      lines.push(`## ${pick(DATES, n(5))}`, task(n(6)), `## ${pick(DATES, n(7))} skipped`, task(n(8)));
    }
    lines.push("");
    return lines.join("\n");
  }
  const lines = [`Lunch with [[${pick(NAMES, n(0))}]].`];
  // A note of its own date (as many templates give every note) may still be someone's log.
  if (n(5) % 3 === 0) lines.unshift("---", `date: ${pick(DATES, n(6))}`, "---");
  if (n(1) % 2 === 0) lines.push(`## ${pick(DATES, n(2))}`, `Met [[${pick(NAMES, n(3))}]]`);
  lines.push(task(n(4)), "");
  return name === "" ? "" : lines.join("\n");
}

const PATHS = [
  "People/Anya Petrova.md",
  "People/Anya Smith.md",
  "People/Ben.md",
  "People/@Lena.md",
  "Friends/Sam Okafor.md",
  "Friends/Anya Petrova.md",
  "People/Zoë Müller.md",
  "1-1s/Anya Petrova/2026-11-07.md",
  "1-1s/Anya Petrova/2026-11-14.md",
  "1-1s/Lena.md",
  "1-1s/Ben.md",
  "1-1s/Anya log.md",
  "Daily/2026-11-19.md",
  "Daily/2026-11-21.md",
  "Journal.md",
  "Notes/Journal.md",
  "Notes/Log since 2026-10-01.md",
];

type Op =
  | { op: "upsert"; path: number; v: number[] }
  | { op: "remove"; path: number }
  | { op: "rename"; from: number; to: number }
  | { op: "settings"; anywhere: boolean; dated: boolean }
  | { op: "read" };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant("upsert" as const), path: fc.nat(PATHS.length - 1), v: fc.array(fc.nat(1000), { minLength: 1, maxLength: 9 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("remove" as const), path: fc.nat(PATHS.length - 1) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("rename" as const), from: fc.nat(PATHS.length - 1), to: fc.nat(PATHS.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("settings" as const), anywhere: fc.boolean(), dated: fc.boolean() }) },
  { weight: 2, arbitrary: fc.constant({ op: "read" as const }) },
);

function feed(index: PeopleIndex, path: string, text: string): void {
  const facts = factsOf(path, text);
  index.upsert(facts, index.needsText(facts) ? text : null);
}

/** Everything a reader can ask the index. */
function observe(index: PeopleIndex, paths: readonly string[]) {
  const people = index.people();
  return {
    people,
    agreements: index.agreements(),
    meetings: index.meetings(),
    problems: index.noteProblems(),
    perPerson: people.map((p) => ({
      log: index.logOf(p.path),
      agreements: index.agreementsWith(p.path),
      meetings: index.meetingsWith(p.path),
      person: index.person(p.path),
    })),
    notes: paths.map((path) => [index.personOfNote(path)?.path ?? null, index.kindOf(path)]),
    found: ["Anya", "anya", "@lena", "Lena", "zoe-muller", "Zoë Müller", "People/Ben", "ben", "Sammy", "john-appleseed"].map(
      (ref) => index.findPerson(ref)?.path ?? null,
    ),
  };
}

/** The files a person's `log` property now names, with open tasks not read yet: read, as the plugin does. */
function readWanted(index: PeopleIndex, vault: ReadonlyMap<string, string>): void {
  for (const path of index.takeWantedTexts()) {
    const text = vault.get(path);
    if (text !== undefined) index.upsert(factsOf(path, text), text);
  }
}

/**
 * What holds of any index: a held meeting or log entry on or before today counts for last seen;
 * a person's count of open agreements is the number listed with them; their log is among their
 * meetings; the person a note is about is the one its meetings are listed under.
 */
function checkInvariants(index: PeopleIndex, settings: typeof SETTINGS, paths: Iterable<string>): void {
  // Last seen is the latest of: the property, the held meetings listed with the person, and (with
  // the setting on) the dated notes linking them outside an open task — on or before today.
  const expected = new Map<string, string>();
  const saw = (person: string, date: string | null) => {
    if (date === null || date > TODAY) return;
    const before = expected.get(person);
    if (before === undefined || date > before) expected.set(person, date);
  };
  for (const person of index.people()) {
    saw(person.path, person.person.lastSeen);
    for (const m of index.meetingsWith(person.path)) if (m.kind !== "log" && m.status === "held") saw(person.path, m.date);
  }
  if (settings.datedNotesCountAsSeen) {
    for (const path of paths) {
      const facts = index.facts(path);
      if (!facts || index.kindOf(path) !== "dated") continue;
      const date = parseIsoDate(facts.frontmatter?.date) ?? dateInFileName(path.slice(path.lastIndexOf("/") + 1, -3));
      const open = new Set(facts.tasks.filter((t) => t.status === " " || t.status === "/").map((t) => t.line));
      for (const link of facts.links) {
        const person = open.has(link.line) ? null : index.findPerson(link.target);
        if (person) saw(person.path, date);
      }
    }
  }
  // (A last-seen property after today is shown as written when nothing else is found.)
  for (const person of index.people()) expect(person.lastSeen, person.path).toBe(expected.get(person.path) ?? person.person.lastSeen);
  const nameOf = (path: string | null) => (path === null ? null : (index.person(path)?.name ?? null));
  for (const agreement of index.agreements()) {
    const where = `${agreement.path}:${agreement.line}`;
    if (agreement.personPath !== null) expect(agreement.personName, where).toBe(nameOf(agreement.personPath));
    if (agreement.ownerPath !== null) expect(agreement.ownerName, where).toBe(nameOf(agreement.ownerPath));
    // In a 1:1 note or log, an agreement is made with the person its meetings are with.
    const meetings = index.meetings().filter((m) => m.path === agreement.path);
    if (meetings.length > 0 && index.kindOf(agreement.path) !== "person") {
      expect(meetings.map((m) => m.personPath), where).toContain(agreement.personPath);
    }
  }
  for (const meeting of index.meetings()) {
    if (meeting.personPath !== null) expect(meeting.personName, meeting.path).toBe(nameOf(meeting.personPath));
  }
  for (const person of index.people()) {
    expect(person.openAgreements, person.path).toBe(index.agreementsWith(person.path).length);
    const log = index.logOf(person.path);
    if (log !== null) expect(index.meetingsWith(person.path).map((m) => m.path), `${person.path}: ${log}`).toContain(log);
    for (const meeting of index.meetingsWith(person.path)) {
      if (index.kindOf(meeting.path) !== "person") expect(index.personOfNote(meeting.path)?.path, meeting.path).toBe(person.path);
      if (meeting.kind === "log" || meeting.status !== "held" || meeting.date === null || meeting.date > TODAY) continue;
      expect(person.lastSeen !== null && person.lastSeen >= meeting.date, `${person.path}: ${meeting.path} ${meeting.date}`).toBe(true);
    }
  }
}

/** Runs the operations one by one, then checks the index against one built from scratch. */
function checkAgainstScratch(ops: readonly Op[]): void {
  let settings = SETTINGS;
  const index = new PeopleIndex(settings, fixedClock(TODAY));
  // The files in order of arrival, as the index keeps them (a Map: an update keeps its place).
  const vault = new Map<string, string>();
  for (const op of ops) {
    if (op.op === "upsert") {
      const path = PATHS[op.path] as string;
      const text = note(path, op.v);
      vault.set(path, text);
      feed(index, path, text);
    } else if (op.op === "remove") {
      const path = PATHS[op.path] as string;
      vault.delete(path);
      index.remove(path);
    } else if (op.op === "rename") {
      const from = PATHS[op.from] as string;
      const to = PATHS[op.to] as string;
      const text = vault.get(from);
      // Obsidian never renames onto an existing file.
      if (text === undefined || from === to || vault.has(to)) continue;
      vault.delete(from);
      vault.set(to, text);
      const facts = factsOf(to, text);
      index.rename(from, facts, index.needsText(facts) ? text : null);
    } else if (op.op === "settings") {
      settings = { ...settings, agreementsAnywhere: op.anywhere, datedNotesCountAsSeen: op.dated };
      index.setSettings(settings);
      // As the plugin does next: the files that now need their text are read again.
      for (const [path, text] of vault) {
        const facts = factsOf(path, text);
        if (index.needsText(facts)) index.upsert(facts, text);
      }
    } else {
      observe(index, PATHS);
    }
    readWanted(index, vault);
  }
  const scratch = new PeopleIndex(settings, fixedClock(TODAY));
  scratch.batch(() => {
    for (const [path, text] of vault) feed(scratch, path, text);
    readWanted(scratch, vault);
  });
  expect(observe(index, PATHS)).toEqual(observe(scratch, PATHS));
  checkInvariants(scratch, settings, vault.keys());
}

describe("the index, kept up to date one file at a time", () => {
  it("gives what a build from scratch with the final files gives", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => checkAgainstScratch(ops)),
      // Each case builds two indexes: 300 in `npm test`, and more with FC_RUNS (30,000 in test:deep).
      { numRuns: Math.max(300, Math.round(RUNS * 0.3)) },
    );
  }, PROPERTY_TIMEOUT_MS);

  // Cases the property above once found.
  it("tells a person whose log another person's log property takes later", () => {
    // Ben's log property names his own note; Anya's, arriving later, names it too and takes it.
    checkAgainstScratch([
      { op: "upsert", path: 2, v: [208, 0, 13, 0, 413] },
      { op: "read" },
      { op: "upsert", path: 0, v: [0, 439, 0, 0, 953, 0, 0, 0] },
    ]);
  });

  it("counts a log entry of a note that also adds a later day for the same person", () => {
    // Journal.md, dated 2026-11-30 (after today) and linking Anya, is also her log with an entry
    // of 2026-10-15: the entry counts today, the later day once it comes.
    checkAgainstScratch([
      { op: "upsert", path: 0, v: [0, 7, 0, 0] },
      { op: "upsert", path: 14, v: [0, 0, 0, 0, 0, 0, 699, 0] },
    ]);
  });

  it("reads a log with open tasks and no dated heading when a person's log property names it later", () => {
    // Journal.md (a task linking Lena, no dated heading) arrives before the person note naming it.
    checkAgainstScratch([
      { op: "settings", anywhere: true, dated: false },
      { op: "upsert", path: 14, v: [337] },
      { op: "upsert", path: 0, v: [0, 1, 0, 0] },
      { op: "settings", anywhere: false, dated: false },
    ]);
    const index = new PeopleIndex(SETTINGS, fixedClock(TODAY));
    const vault = new Map([
      ["Journal.md", "Lunch notes.\n- [ ] @me send the doc\n"],
      ["People/Anya Petrova.md", '---\ntype: person\nlog: "[[Journal]]"\n---\n'],
    ]);
    for (const [path, text] of vault) feed(index, path, text);
    expect(index.agreements()).toEqual([]);
    expect(index.takeWantedTexts()).toEqual(["Journal.md"]);
    expect(index.takeWantedTexts()).toEqual([]); // handed out once
    const journal = vault.get("Journal.md") as string;
    index.upsert(factsOf("Journal.md", journal), journal);
    expect(index.agreements().map((a) => [a.path, a.personPath, a.text])).toEqual([["Journal.md", "People/Anya Petrova.md", "send the doc"]]);
    // From now on its edits are read as they come.
    expect(index.needsText(factsOf("Journal.md", "- [ ] @me book\n"))).toBe(true);
  });

  it("keeps the entries of files that did not change, and the lists when nothing changed", () => {
    const index = new PeopleIndex(SETTINGS, fixedClock(TODAY));
    index.batch(() => {
      for (const [i, path] of PATHS.entries()) feed(index, path, note(path, [i, i * 7, i * 13, 2, 4, 6, 8, 10, 12]));
    });
    // The lists are the index's own, changed in place: copies keep what they were.
    const agreements = [...index.agreements()];
    const meetings = [...index.meetings()];
    const people = [...index.people()];
    const versions = (["agreements", "meetings", "people"] as const).map((list) => index.version(list));
    expect(agreements.length).toBeGreaterThan(3);
    expect((["agreements", "meetings", "people"] as const).map((list) => index.version(list))).toEqual(versions);

    // One 1:1 note edited: its own entries are new, everyone else's are the same objects.
    const edited = "1-1s/Anya Petrova/2026-11-07.md";
    feed(index, edited, "---\ntype: one-on-one\nperson: \"[[Anya Petrova]]\"\ndate: 2026-11-07\n---\n- [ ] @me a new one 📅 2026-11-22\n");
    const after = index.agreements();
    expect(index.version("agreements")).toBeGreaterThan(versions[0] as number);
    for (const entry of agreements) {
      if (entry.path !== edited) expect(after).toContain(entry);
    }
    expect(after.find((a) => a.text === "a new one")).toBeDefined();
    for (const entry of meetings) {
      if (entry.path !== edited) expect(index.meetings()).toContain(entry);
    }
    // People the edit did not change keep their entries (the same objects); the others are new.
    let kept = 0;
    for (const person of people) {
      const now = index.person(person.path);
      if (JSON.stringify(now) === JSON.stringify(person)) {
        expect(now).toBe(person);
        kept++;
      } else {
        expect(now).not.toBe(person);
      }
    }
    expect(kept).toBeGreaterThan(0);
  });

  it("gives an equal entry the same object when a file is stored again unchanged", () => {
    const index = new PeopleIndex(SETTINGS, fixedClock(TODAY));
    const path = "1-1s/Anya Petrova/2026-11-07.md";
    const text = note(path, [0, 1, 2, 3, 4, 5, 6, 7]);
    feed(index, "People/Anya Petrova.md", note("People/Anya Petrova.md", [0]));
    feed(index, path, text);
    const before = [...index.agreements()];
    feed(index, path, text);
    expect(index.agreements()).toEqual(before);
    index.agreements().forEach((entry, i) => expect(entry).toBe(before[i]));
  });

  it("derives again the people of a changed date when the day changes", () => {
    let today = "2026-11-21";
    const index = new PeopleIndex(SETTINGS, { today: () => today });
    feed(index, "People/Ben.md", "---\ntype: person\ncadence: weekly\nlast-seen: 2026-11-20\n---\n");
    expect(index.person("People/Ben.md")?.due.status).toBe("ok");
    today = "2026-12-01";
    expect(index.person("People/Ben.md")?.due.status).toBe("overdue");
  });
});
