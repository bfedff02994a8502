/**
 * Start 1:1 for someone whose 1:1s are a log inside their own person note: the new entry goes
 * into that note, at the level of its dated headings, newest first, with the queue moved into it.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { expectGolden } from "../builders/golden";
import { activeEditor, activeSuggest, files, notices, read, runCommand } from "../fakes/harness";
import { loadFixture, type Loaded } from "./setup";

const TODAY = "2026-11-21";

/** The example of the README: the log under `## 1:1 Notes`, entries as `###` ISO dates. */
const MIRA = "People/Mira Cole.md";
const MIRA_NOTE = [
  "---",
  "type: person",
  "---",
  "## Next 1:1",
  "- ask about the move",
  "- [ ] review the hiring plan",
  "",
  "## 1:1 Notes",
  "### 2026-07-23",
  "- talked about X",
  "### 2026-07-09",
  "- talked about Y",
  "",
].join("\n");

/** The same with dates written out, and text around the log that must stay put. */
const OMAR = "People/Omar Haddad.md";
const OMAR_NOTE = [
  "---",
  "type: person",
  "relationship: peer",
  "---",
  "Omar runs the data platform.",
  "",
  "## Next 1:1",
  "- ask about the reorg",
  "  - and the budget",
  "- [ ] share the roadmap",
  "",
  "## 1:1 Notes",
  "",
  "### July 23, 2026",
  "- talked about X",
  "",
  "### Thursday, July 9, 2026",
  "- talked about Y",
  "",
  "## Links",
  "- [[Data platform]]",
  "",
].join("\n");

/** Dated headings at level 2, right after the queue, with no section of their own. */
const KAI = "People/Kai Berg.md";
const KAI_NOTE = [
  "---",
  "type: person",
  "relationship: mentee",
  "---",
  "## Next 1:1",
  "- ask about the course",
  "- [ ] share the reading list",
  "",
  "## 2026-07-23",
  "- talked about X",
  "",
  "## 2026-07-09",
  "- talked about Y",
  "",
].join("\n");

afterEach(() => {
  vi.useRealTimers();
});

/** Loads the fixture vault with `note` at `path`, checks the index reads it as a log, starts today's 1:1. */
async function start(path: string, note: string, name: string): Promise<Loaded & { before: Record<string, string> }> {
  const loaded = await loadFixture({ extra: { [path]: note } });
  const { app, plugin } = loaded;
  expect(plugin.index.logOf(path)).toBe(path);
  const before = files(app);
  expect(await runCommand(app, "one-on-ones:start-one-on-one")).toBe(true);
  await activeSuggest(app).choose(name);
  return { ...loaded, before };
}

/** What every case shares: only the person note changed, it is open, the index sees the new entry. */
function expectOnlyTheirNoteChanged({ app, plugin, before }: Loaded & { before: Record<string, string> }, path: string): string {
  const after = files(app);
  expect(Object.keys(after).filter((p) => !(p in before))).toEqual([]);
  expect(Object.keys(after).filter((p) => after[p] !== before[p])).toEqual([path]);
  expect(notices(app)).toEqual([]);
  expect(app.workspace.getActiveFile()?.path).toBe(path);
  const text = read(app, path);
  const lines = text.split("\n");
  const heading = lines.findIndex((line) => /^#+ /.test(line) && line.endsWith(` ${TODAY}`));
  // The index reads the new entry as today's 1:1 with them, in their own note.
  expect(plugin.index.logOf(path)).toBe(path);
  const today = plugin.index.meetingsWith(path).filter((m) => m.date === TODAY);
  expect(today).toEqual([expect.objectContaining({ path, kind: "log-entry", line: heading })]);
  expect(plugin.index.person(path)?.lastSeen).toBe(TODAY);
  // The cursor waits in the new entry's check-in, under its hint, though the queue above it shrank.
  expect(lines[heading + 2]).toMatch(/^#+ Check-in$/);
  expect(activeEditor(app).getCursor()).toEqual({ line: heading + 4, ch: 0 });
  return text;
}

/** The queue section of a note: from its heading to the next heading. */
function queueOf(text: string): string {
  const from = text.indexOf("## Next 1:1\n");
  const rest = text.slice(from + "## Next 1:1\n".length);
  const next = rest.search(/^#{1,6} /m);
  return next < 0 ? rest : rest.slice(0, next);
}

describe("Start 1:1 for someone whose log is their own person note", () => {
  it("adds a ### entry above the newest under 1:1 Notes, with the queue in it", async () => {
    const loaded = await start(MIRA, MIRA_NOTE, "Mira Cole");
    const text = expectOnlyTheirNoteChanged(loaded, MIRA);
    expectGolden("integration/person-note-log.md", text);
    // Properties first and untouched but for last seen; the queue emptied, nothing else in it.
    expect(text.startsWith(`---\ntype: person\nlast-seen: ${TODAY}\n---\n## Next 1:1\n`)).toBe(true);
    expect(queueOf(text).trim()).toBe("");
    // One new entry, at the level of the others, newest first, inside 1:1 Notes.
    expect(text.match(new RegExp(`^#+ ${TODAY}$`, "gm"))).toEqual([`### ${TODAY}`]);
    const notes = text.indexOf("## 1:1 Notes\n");
    expect(notes).toBeLessThan(text.indexOf(`### ${TODAY}`));
    expect(text.indexOf(`### ${TODAY}`)).toBeLessThan(text.indexOf("### 2026-07-23"));
    // Its agenda one level deeper; the queued topics under My topics, once.
    expect(text).toContain("#### Check-in\n");
    expect(text).not.toMatch(/^### (?!\d)/m);
    expect(text.match(/ask about the move/g)).toHaveLength(1);
    expect(text.match(/review the hiring plan/g)).toHaveLength(1);
    const topics = text.indexOf("#### My topics");
    expect(text.indexOf("- ask about the move")).toBeGreaterThan(topics);
    expect(text.indexOf("- [ ] review the hiring plan")).toBeGreaterThan(topics);
    expect(text.indexOf("- [ ] review the hiring plan")).toBeLessThan(text.indexOf("### 2026-07-23"));
    // The old entries are kept byte for byte.
    expect(text.endsWith("### 2026-07-23\n- talked about X\n### 2026-07-09\n- talked about Y\n")).toBe(true);
  });

  it("finds the place among written-out dates, and writes the new heading as an ISO date", async () => {
    const loaded = await start(OMAR, OMAR_NOTE, "Omar Haddad");
    const text = expectOnlyTheirNoteChanged(loaded, OMAR);
    expectGolden("integration/person-note-log-written-dates.md", text);
    expect(text.startsWith(`---\ntype: person\nrelationship: peer\nlast-seen: ${TODAY}\n---\nOmar runs the data platform.\n\n## Next 1:1\n`)).toBe(true);
    expect(queueOf(text).trim()).toBe("");
    expect(text).toContain(`## 1:1 Notes\n\n### ${TODAY}\n`);
    expect(text.indexOf(`### ${TODAY}`)).toBeLessThan(text.indexOf("### July 23, 2026"));
    expect(text.match(/ask about the reorg/g)).toHaveLength(1);
    expect(text.match(/share the roadmap/g)).toHaveLength(1);
    expect(text).toContain("#### My topics\n%% What I collected since we last met. %%\n\n- ask about the reorg\n  - and the budget\n- [ ] share the roadmap\n\n");
    expect(text.endsWith("### July 23, 2026\n- talked about X\n\n### Thursday, July 9, 2026\n- talked about Y\n\n## Links\n- [[Data platform]]\n")).toBe(true);
  });

  it("adds a ## entry when the dated headings are level 2, below the queue", async () => {
    const loaded = await start(KAI, KAI_NOTE, "Kai Berg");
    const text = expectOnlyTheirNoteChanged(loaded, KAI);
    expectGolden("integration/person-note-log-level-2.md", text);
    expect(text.startsWith(`---\ntype: person\nrelationship: mentee\nlast-seen: ${TODAY}\n---\n## Next 1:1\n\n## ${TODAY}\n`)).toBe(true);
    expect(text).toContain("### Check-in\n");
    expect(text.match(/ask about the course/g)).toHaveLength(1);
    expect(text).toContain("### My topics\n%% What I collected since we last met. %%\n\n- ask about the course\n- [ ] share the reading list\n\n");
    expect(text.endsWith("## 2026-07-23\n- talked about X\n\n## 2026-07-09\n- talked about Y\n")).toBe(true);
  });
});
