// A catalogue of bad input: one note per file in tests/fixtures/bad-input, placed in a vault as
// the table below says. Loaded with the real plugin, every note is read without an exception and
// without a write; what is wrong shows as a problem in the People table or as a notice when a
// command touches the note; commands write only what the user asked for.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { VIEW_TYPE_FOLLOW_UPS, VIEW_TYPE_PEOPLE } from "../../src/constants";
import type OneOnOnesPlugin from "../../src/main";
import {
  activeSuggest,
  files,
  flush,
  notices,
  openFile,
  read,
  renderCodeBlock,
  runCommand,
  viewsOfType,
  type App,
} from "../fakes/harness";
import { FIXTURE_VAULT, loadFixture } from "./setup";

const DIR = join(__dirname, "..", "fixtures", "bad-input");
const TODAY = "2026-11-21";

/** A YAML error of the properties: the note's front matter is not read, and not written. */
const YAML_NOTICE = /^Could not update the properties of ".*": .*\. The note was not changed\.$/;
const NAME_NOTICE = /^The name of ".*" cannot be linked to or used for a note; rename the note, then start the 1:1\.$/;

interface Case {
  /** The fixture's file name, without `.md`. */
  fixture: string;
  /** Where the note lies in the vault. */
  path: string;
  /** What the note shows. */
  shows: string;
  /** Problems of the person, as `field: message` (a person note); [] for none. */
  problems?: (string | RegExp)[];
  /**
   * What Start 1:1 with this person does: "note" (today's note written, last seen set to today),
   * "note, later last seen kept" (a later last seen is not moved back), or its notice.
   */
  start?: "note" | "note, later last seen kept" | RegExp;
  /** Agreements of this note that Follow-ups lists, by their text ([] when none may be). */
  lists?: string[];
  /** One of them to tick from Follow-ups: the line before and after. */
  tick?: [string, string];
  /** What is wrong with this 1:1 note, as the user is told: on the row of `person`, else in "notes to check". */
  check?: RegExp[];
  /** The person note whose row shows the problems of this 1:1 note. */
  person?: string;
}

const CASES: Case[] = [
  // ---- Malformed front matter ---------------------------------------------------------------
  { fixture: "person-unclosed-list", path: "People/Kai Unclosed.md", shows: "a flow list never closed", problems: [/^properties: The properties are not valid YAML, so none of them is read; fix them in source mode\.$/], start: YAML_NOTICE },
  { fixture: "person-tab-indented", path: "People/Tab Indented.md", shows: "a tab indenting YAML", problems: [/^properties: The properties are not valid YAML, so none of them is read; fix them in source mode\.$/], start: YAML_NOTICE },
  { fixture: "person-properties-not-a-map", path: "People/Not A Map.md", shows: "properties that are a list", problems: [/^properties: The properties are not valid YAML, so none of them is read; fix them in source mode\.$/], start: YAML_NOTICE },
  { fixture: "person-duplicate-keys", path: "People/Duplicate Keys.md", shows: "the same property twice", problems: [/^properties: The properties are not valid YAML, so none of them is read; fix them in source mode\.$/], start: YAML_NOTICE },
  { fixture: "person-empty-front-matter", path: "People/Empty Props.md", shows: "an empty properties block: a person with no details", problems: [], start: "note" },
  { fixture: "person-null-values", path: "People/Nulls.md", shows: "every property present but empty", problems: [], start: "note" },
  // ---- Impossible dates -----------------------------------------------------------------------
  { fixture: "person-impossible-last-seen", path: "People/Lena Leap.md", shows: "last seen on 30 February", problems: [/^last-seen: Last seen "2026-02-30" is not a valid date/], start: "note" },
  { fixture: "person-last-seen-number", path: "People/Numa Number.md", shows: "last seen as a number", problems: [/^last-seen: Last seen 20261114 is not a valid date/], start: "note" },
  { fixture: "person-last-seen-list", path: "People/Lisa List.md", shows: "a list of last-seen dates, one of them words", problems: [/^last-seen: Last seen "soon" is not a valid date/], start: "note" },
  { fixture: "person-impossible-birthday", path: "People/Bo Birthday.md", shows: "a birthday in month 13", problems: [/^birthday: Birthday "1990-13-01" is not a valid date/], start: "note" },
  { fixture: "person-birthday-words", path: "People/Wendy Words.md", shows: "a birthday in words", problems: [/^birthday: Birthday "next spring"/], start: "note" },
  { fixture: "person-birthday-february-30", path: "People/Fab February.md", shows: "a birthday on 30 February without a year", problems: [/^birthday: Birthday "--02-30"/], start: "note" },
  { fixture: "person-impossible-time", path: "People/Tim Time.md", shows: "last seen at 25:61", problems: [/^last-seen: Last seen "2026-11-21T25:61" is not a valid date/], start: "note" },
  {
    fixture: "person-far-last-seen",
    path: "People/Fay Far.md",
    shows: "last seen on the last day of the calendar",
    problems: ["last-seen: Last seen 9999-12-31 is so far ahead that the next 1:1 would come after 9999-12-31, the end of the calendar; write the day you last met."],
    start: "note, later last seen kept",
  },
  { fixture: "person-impossible-snooze", path: "People/Sno Oze.md", shows: "snoozed until 31 November", problems: [/^snooze-until: Snooze until "2026-11-31"/], start: "note" },
  // ---- Unknown cadences ------------------------------------------------------------------------
  { fixture: "person-unknown-cadence", path: "People/Casey Cadence.md", shows: "a cadence in words", problems: [/^cadence: Cadence "now and then" is not understood/], start: "note" },
  { fixture: "person-cadence-zero", path: "People/Zed Zero.md", shows: "every 0 days", problems: [/^cadence: Cadence "0 days" must be at least 1\.$/], start: "note" },
  { fixture: "person-cadence-negative", path: "People/Nia Negative.md", shows: "every -1 weeks", problems: [/^cadence: Cadence "-1w" must be at least 1\.$/], start: "note" },
  { fixture: "person-cadence-list", path: "People/Lior List.md", shows: "two cadences in a list", problems: [/^cadence: Cadence should be text/], start: "note" },
  { fixture: "person-cadence-object", path: "People/Obi Object.md", shows: "a cadence as an object", problems: [/^cadence: Cadence should be text/], start: "note" },
  { fixture: "person-cadence-number", path: "People/Nora Number.md", shows: "a cadence without a unit", problems: [/^cadence: Cadence 14 has no unit/], start: "note" },
  // ---- Values of the wrong type ----------------------------------------------------------------
  { fixture: "person-unknown-relationship", path: "People/Sid Kick.md", shows: "an unknown relationship", problems: [/^relationship: Relationship "sidekick" is unknown/], start: "note" },
  { fixture: "person-relationship-list", path: "People/Rel Many.md", shows: "two relationships", problems: [/^relationship: Relationship "report, friend" is unknown/], start: "note" },
  { fixture: "person-role-object", path: "People/Rolf Object.md", shows: "a role as an object", problems: [/^role: Role should be text, not an object\.$/], start: "note" },
  { fixture: "person-team-nested-list", path: "People/Tea Nested.md", shows: "a team as a list in a list", problems: [/^team: Team should be text, not a list\.$/], start: "note" },
  { fixture: "person-archived-maybe", path: "People/Maybe Archived.md", shows: "archived: maybe", problems: [/^archived: Archived should be true or false, not "maybe"\.$/], start: "note" },
  { fixture: "person-tags-object", path: "People/Tag Object.md", shows: "tags as an object", problems: [/^tags: Tags should be text or a list of text/], start: "note" },
  { fixture: "person-aliases-object", path: "People/Jo Alias.md", shows: "aliases as an object", problems: [/^aliases: Aliases should be text or a list of text/], start: "note" },
  { fixture: "person-first-name-list-of-objects", path: "People/Jo First.md", shows: "a first name as a list of objects", problems: [/^first-name: First name should be text, not a list\.$/], start: "note" },
  { fixture: "person-log-object", path: "People/Jo Log.md", shows: "a log property as an object", problems: [/^log: Log should be text, not an object\.$/], start: "note" },
  // ---- Names: duplicates, aliases, empty, punctuation, direction marks, RTL, emoji ---------------
  { fixture: "person-duplicate-name", path: "People/Old Team/Anya Petrova.md", shows: "a second Anya Petrova", problems: ["name: Another person note has the same name: People/Anya Petrova.md."], start: "note" },
  { fixture: "person-duplicate-name-case", path: "People/Old Team/sam okafor.md", shows: "Sam Okafor again, in lower case", problems: ["name: Another person note has the same name: People/Sam Okafor.md."], start: "note" },
  { fixture: "person-alias-is-another-name", path: "People/Samuel.md", shows: "an alias that is another person's name", problems: ['aliases: The alias "Sam Okafor" is the name of another person note (People/Sam Okafor.md); links to that name go there.'], start: "note" },
  { fixture: "person-blank-name", path: "People/ .md", shows: "a note named with a space only", problems: ["name: The note has no name; rename it after the person."], start: NAME_NOTICE },
  { fixture: "person-punctuation-name", path: "People/!!!.md", shows: "a name of punctuation only", problems: [/^name: The name has no letters or digits/], start: "note" },
  { fixture: "person-rtl-override-name", path: "People/\u202eevil.md", shows: "a right-to-left override in the name", problems: [/^name: The name holds invisible direction marks/], start: "note" },
  { fixture: "person-link-breaking-name", path: "People/C# Dev.md", shows: "a # in the name", problems: [/^name: The name holds a character that breaks links/], start: NAME_NOTICE },
  { fixture: "person-rtl-name", path: "People/שרה כהן.md", shows: "a Hebrew name: fine", problems: [], start: "note" },
  { fixture: "person-emoji-name", path: "People/🦊 Fox.md", shows: "an emoji in the name: fine", problems: [], start: "note" },
  // ---- 1:1 notes -------------------------------------------------------------------------------
  { fixture: "meeting-person-missing", path: "1-1s/Nobody Here/2026-11-10.md", shows: "a link to a person note that does not exist", lists: ["follow up with nobody"], tick: ["- [ ] @me follow up with nobody 📅 2026-11-30", "- [x] @me follow up with nobody 📅 2026-11-30 ✅ 2026-11-21"], check: [/^No person note is named "Nobody Here"/] },
  { fixture: "meeting-impossible-date", path: "1-1s/Anya Petrova/2026-02-30.md", shows: "a 1:1 dated 30 February", lists: ["check the impossible date"], person: "People/Anya Petrova.md", check: [/^The date "2026-02-30" is not a day of the calendar; the 1:1 is not counted\.$/] },
  { fixture: "meeting-impossible-time", path: "1-1s/Anya Petrova/Late call.md", shows: "a 1:1 at 25:61", lists: ["check the impossible time"], person: "People/Anya Petrova.md", check: [/^The date "2026-11-20T25:61" is not a day of the calendar; the 1:1 is not counted\.$/] },
  { fixture: "meeting-person-number", path: "1-1s/Numbered/2026-11-12.md", shows: "a person given as a number", lists: ["answer the numbered person"], check: [/^No person note is named "Numbered"/] },
  { fixture: "meeting-unknown-status", path: "1-1s/Sam Okafor/2026-11-20.md", shows: "status: postponed", lists: [], person: "People/Sam Okafor.md", check: [/^The status "postponed" is not held, skipped or cancelled; the 1:1 counts as held\.$/] },
  { fixture: "meeting-tasks-in-code", path: "1-1s/Anya Petrova/2026-11-13.md", shows: "tasks inside fenced code blocks: not agreements", lists: ["the real one"] },
  { fixture: "meeting-unclosed-code", path: "1-1s/Anya Petrova/2026-11-15.md", shows: "a code fence never closed", lists: ["before the fence"] },
  { fixture: "meeting-tasks-in-comments", path: "1-1s/Anya Petrova/2026-11-16.md", shows: "tasks inside %% and HTML comments", lists: ["visible"] },
  {
    fixture: "meeting-nested-and-quoted",
    path: "1-1s/Anya Petrova/2026-11-17.md",
    shows: "nested, quoted and callout tasks: all agreements",
    lists: ["parent task", "nested task", "nested with a tab", "quoted task", "task in a callout", "doubly quoted"],
    tick: [">> - [ ] @me doubly quoted", ">> - [x] @me doubly quoted ✅ 2026-11-21"],
  },
  {
    fixture: "meeting-impossible-due",
    path: "1-1s/Anya Petrova/2026-11-18.md",
    shows: "due dates that are no dates: kept in the text, no due date",
    lists: ["due on a day that does not exist 📅 2026-13-45", "due in words [due:: next week]"],
  },
  { fixture: "meeting-empty-tasks", path: "1-1s/Anya Petrova/2026-11-19.md", shows: "tasks without a description", lists: [] },
  {
    fixture: "meeting-crlf",
    path: "1-1s/Sam Okafor/2026-11-18.md",
    shows: "Windows line endings, a block id and trailing spaces",
    lists: ["written on Windows"],
    tick: ["- [ ] @me written on Windows 📅 2026-11-24 ^win  \r", "- [x] @me written on Windows 📅 2026-11-24 ✅ 2026-11-21 ^win  \r"],
  },
  { fixture: "log-impossible-headings", path: "1-1s/Sam Okafor.md", shows: "log entries dated 30 February and month 13: not entries", lists: [] },
  { fixture: "daily-link-to-missing", path: "Daily/2026-11-20.md", shows: "a daily note linking to a missing person", lists: [] },
  { fixture: "meeting-control-characters", path: "1-1s/Anya Petrova/2026-11-11.md", shows: "control characters and escape sequences", lists: ["tidy \u0007 the bell"] },
  {
    fixture: "meeting-owner-missing",
    path: "1-1s/Anya Petrova/2026-11-09.md",
    shows: "owners that are nobody in the vault",
    lists: ["sends the file", "reviews it"],
    tick: ["- [ ] @nobody-at-all reviews it", "- [x] @nobody-at-all reviews it ✅ 2026-11-21"],
  },
];

function fixtureText(name: string): string {
  return readFileSync(join(DIR, `${name}.md`), "utf8");
}

function vaultOf(cases: Case[]): Record<string, string> {
  return Object.fromEntries(cases.map((c) => [c.path, fixtureText(c.fixture)]));
}

afterEach(() => {
  vi.useRealTimers();
});

async function settle(app: App): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 120));
  await flush(app);
}

function contentOf(app: App, type: string): HTMLElement {
  const content = viewsOfType(app, type)[0]?.containerEl.querySelector<HTMLElement>(".view-content");
  if (!content) throw new Error(`No ${type} view is open.`);
  return content;
}

function problemTexts(plugin: OneOnOnesPlugin, path: string): string[] {
  return (plugin.index.person(path)?.problems ?? []).map((p) => `${p.field}: ${p.message}`);
}

/** The whole catalogue is loaded in most tests: a few seconds, more on a busy machine. */
describe("the bad-input catalogue", { timeout: 30_000 }, () => {
  it("has at least 40 notes, each in the table", () => {
    const fixtures = readdirSync(DIR).filter((name) => name.endsWith(".md")).map((name) => name.slice(0, -3)).sort();
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
    expect(CASES.map((c) => c.fixture).sort()).toEqual(fixtures);
    expect(new Set(CASES.map((c) => c.path)).size).toBe(CASES.length);
  });

  it("is read without an exception or a write, and shown in every view", async () => {
    const peopleQuery = { sort: { column: "name", direction: "ascending" }, nameOrder: "first", text: "", group: "all", tag: null, showArchived: true };
    const { app, plugin } = await loadFixture({ extra: vaultOf(CASES), data: { peopleQuery } });
    const before = files(app);
    await runCommand(app, "open-follow-ups");
    await runCommand(app, "open-people");
    for (const person of plugin.index.people()) {
      const block = await renderCodeBlock(app, "one-on-ones", `agreements: [[${person.path.replace(/\.md$/, "")}]]`, person.path);
      await block.unload();
    }
    await settle(app);
    expect(files(app)).toEqual(before);
    expect(notices(app)).toEqual([]);

    // Each person note is in the table, with its problems in the problems column.
    const table = contentOf(app, VIEW_TYPE_PEOPLE);
    const rows = Array.from(table.querySelectorAll<HTMLTableRowElement>("tbody tr"));
    expect(rows).toHaveLength(plugin.index.people().length);
    for (const c of CASES.filter((c) => c.problems !== undefined)) {
      const expected = (c.problems ?? []).length;
      const person = plugin.index.person(c.path);
      expect(person, c.fixture).not.toBeNull();
      const texts = problemTexts(plugin, c.path);
      expect(texts, c.fixture).toHaveLength(expected);
      (c.problems ?? []).forEach((problem, i) => {
        if (typeof problem === "string") expect(texts[i], c.fixture).toBe(problem);
        else expect(texts[i], c.fixture).toMatch(problem);
      });
      const messages = JSON.stringify((person?.problems ?? []).map((p) => p.message));
      const row = rows.find(
        (r) =>
          r.querySelector(".ooo-col-name button")?.textContent?.trim() === person?.name.trim() &&
          problemCount(r) === expected &&
          JSON.stringify(Array.from(r.querySelectorAll(".ooo-problem-list li"), (li) => li.textContent ?? "")) === messages,
      );
      expect(row, `${c.fixture}: a row of ${person?.name ?? "?"} with ${expected} problem(s)`).toBeDefined();
    }

    // Each 1:1 note's agreements are listed, and nothing of it that is not an agreement.
    const followUps = contentOf(app, VIEW_TYPE_FOLLOW_UPS);
    const shown = Array.from(followUps.querySelectorAll("input[type=checkbox]"), (box) => box.getAttribute("aria-label") ?? "");
    for (const c of CASES.filter((c) => c.lists !== undefined)) {
      const texts = plugin.index.agreements().filter((a) => a.path === c.path).map((a) => a.text);
      expect(texts, c.fixture).toEqual(c.lists);
      for (const text of texts) expect(shown, c.fixture).toContain(`Done: ${text}`);
    }
  });

  it("starts a 1:1 with each person, or says why not, writing only what was asked", async () => {
    const people = CASES.filter((c) => c.start !== undefined);
    const { app } = await loadFixture({ extra: vaultOf(people) });
    for (const c of people) {
      const before = files(app);
      const told = notices(app).length;
      await runCommand(app, "start-one-on-one");
      await activeSuggest(app).choose((_text, item) => (item as { entry?: { path: string } }).entry?.path === c.path);
      const after = files(app);
      const changed = Object.keys(after).filter((path) => after[path] !== before[path]);
      const said = notices(app).slice(told);
      if (typeof c.start === "string") {
        const created = changed.filter((path) => before[path] === undefined);
        expect(created, c.fixture).toHaveLength(1);
        expect(created[0], c.fixture).toMatch(/^1-1s\/(.+)\/2026-11-21 \1\.md$/);
        // Besides the new note, only the person's last seen changed (unless it was later).
        const kept = c.start === "note, later last seen kept";
        expect(changed.filter((path) => path !== created[0]), c.fixture).toEqual(kept ? [] : [c.path]);
        if (!kept) expect(read(app, c.path), c.fixture).toContain(`last-seen: ${TODAY}`);
        expect(said, c.fixture).toEqual([]);
      } else {
        expect(said, c.fixture).toHaveLength(1);
        expect(said[0], c.fixture).toMatch(c.start as RegExp);
        // Broken properties: the new note was written, the person note left as it was.
        expect(changed.filter((path) => before[path] !== undefined), c.fixture).toEqual([]);
      }
    }
  });

  it.each(CASES.filter((c) => c.tick !== undefined))("ticks one agreement of $fixture byte for byte", async (c) => {
    const { app } = await loadFixture({ extra: vaultOf([c]) });
    await runCommand(app, "open-follow-ups");
    const [line, ticked] = c.tick as [string, string];
    const text = FIXTURE_VAULT[c.path] ?? fixtureText(c.fixture);
    const agreement = (line.match(/(?:@\S+|\]\]) (.+?)(?: 📅.*)?\r?$/) ?? [])[1] ?? "";
    const box = contentOf(app, VIEW_TYPE_FOLLOW_UPS).querySelector<HTMLInputElement>(`input[aria-label="Done: ${agreement}"]`);
    expect(box, `${c.fixture}: "${agreement}"`).not.toBeNull();
    box?.click();
    await settle(app);
    expect(read(app, c.path)).toBe(text.replace(line, ticked));
    expect(notices(app)).toEqual([]);
  });

  it("copies summaries of the 1:1 notes and offers no start from them, without a write", async () => {
    Object.defineProperty(navigator, "clipboard", { value: { writeText: () => Promise.resolve() }, configurable: true });
    const notes = CASES.filter((c) => c.lists !== undefined);
    const { app } = await loadFixture({ extra: vaultOf(notes) });
    const before = files(app);
    for (const c of notes) {
      await openFile(app, c.path);
      await runCommand(app, "copy-shareable-summary");
      expect(await runCommand(app, "start-one-on-one-with-this-person"), c.fixture).toBe(false);
    }
    await settle(app);
    expect(files(app)).toEqual(before);
    expect(new Set(notices(app))).toEqual(new Set(["Shareable summary copied (private notes left out)."]));
  });

  it("never adds a log entry to a 1:1 note dated 30 February", async () => {
    const c = CASES.find((x) => x.fixture === "meeting-impossible-date") as Case;
    const { app } = await loadFixture({ extra: vaultOf([c]) });
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Anya Petrova");
    await settle(app);
    expect(read(app, c.path)).toBe(fixtureText(c.fixture));
    expect(read(app, "1-1s/Anya Petrova/2026-11-21 Anya Petrova.md")).toMatch(/^---\ntype: one-on-one\nperson: "\[\[Anya Petrova\]\]"\ndate: 2026-11-21\n---\n/);
  });

  it("shows what is wrong with 1:1 notes: on the row of their person, or as notes to check", async () => {
    const { app, plugin } = await loadFixture({ extra: vaultOf(CASES) });
    await runCommand(app, "open-people");
    await settle(app);
    const table = contentOf(app, VIEW_TYPE_PEOPLE);
    const toCheck = table.querySelector(".ooo-notes-to-check");
    const listed = Array.from(toCheck?.querySelectorAll(":scope > ul > li") ?? [], (li) => ({
      path: li.querySelector("button")?.textContent?.trim() ?? "",
      messages: Array.from(li.querySelectorAll(".ooo-problem-list li"), (m) => m.textContent ?? ""),
    }));
    const checked = CASES.filter((c) => c.check !== undefined);
    for (const c of checked) {
      const messages = c.person
        ? problemTexts(plugin, c.person).filter((t) => t.startsWith(`1:1 notes: ${c.path}: `)).map((t) => t.slice(`1:1 notes: ${c.path}: `.length))
        : (listed.find((l) => l.path === c.path)?.messages ?? []);
      expect(messages, c.fixture).toHaveLength(c.check?.length ?? 0);
      c.check?.forEach((pattern, i) => expect(messages[i], c.fixture).toMatch(pattern));
      if (c.person) expect(listed.map((l) => l.path), c.fixture).not.toContain(c.path);
    }
    // Only notes of people without a note are listed there, and every one of them is in the catalogue.
    expect(listed.map((l) => l.path).sort()).toEqual(checked.filter((c) => !c.person).map((c) => c.path).sort());
    expect(toCheck?.querySelector("summary")?.textContent).toBe(`${listed.length} notes to check`);

    // Opening one from the list opens the note.
    toCheck?.querySelector<HTMLButtonElement>(":scope > ul > li button")?.click();
    await settle(app);
    expect(app.workspace.getActiveFile()?.path).toBe(listed[0]?.path);
  });

  it("does not take a 1:1 note with an impossible date for a running log, nor count it as a meeting", async () => {
    const c = CASES.find((x) => x.fixture === "meeting-impossible-date") as Case;
    const { plugin } = await loadFixture({ extra: vaultOf([c]) });
    expect(plugin.index.logOf("People/Anya Petrova.md")).not.toBe(c.path);
    expect(plugin.index.meetings().filter((m) => m.path === c.path)).toEqual([]);
    expect(plugin.index.agreements().find((a) => a.path === c.path)?.personPath).toBe("People/Anya Petrova.md");
  });
});

function problemCount(row: HTMLElement): number {
  const summary = row.querySelector(".ooo-problems summary");
  return summary ? Number(summary.textContent?.trim() ?? "0") : 0;
}
