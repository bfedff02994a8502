import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { expectGolden } from "../builders/golden";
import {
  activeEditor,
  activeModal,
  activeSuggest,
  button,
  commandIds,
  fill,
  files,
  isCommandAvailable,
  notices,
  openFile,
  read,
  runCommand,
  click,
  createTestApp,
  flush,
  loadPlugin,
  unloadPlugin,
  type App,
} from "../fakes/harness";
import OneOnOnesPlugin from "../../src/main";
import { readVaultDir } from "../builders/vault";
import { CREATED, FIXTURE_VAULT, loadFixture, TODAY } from "./setup";

const DEMO = readVaultDir(join(__dirname, "..", "..", "demo-vault"));

const ANYA = "People/Anya Petrova.md";
const MEETING = "1-1s/Anya Petrova/2026-11-07.md";

afterEach(() => {
  vi.useRealTimers();
});

/** Paths whose text differs between two snapshots. */
function changedPaths(before: Record<string, string>, after: Record<string, string>): string[] {
  const paths = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...paths].filter((path) => before[path] !== after[path]).sort();
}

describe("commands", () => {
  it("are registered with stable ids and sentence-case names, without hotkeys", async () => {
    const { app } = await loadFixture();
    expect(commandIds(app).filter((id) => id.startsWith("one-on-ones:")).sort()).toEqual(
      [
        "add-agreement",
        "add-talking-point",
        "adopt-existing-notes",
        "copy-shareable-summary",
        "create-people-base",
        "export-people-csv",
        "export-people-vcard",
        "import-contacts",
        "insert-agenda",
        "insert-question",
        "mark-seen-today",
        "mark-skipped",
        "new-person",
        "open-follow-ups",
        "open-people",
        "start-one-on-one",
        "start-one-on-one-with-this-person",
        "toggle-discreet-mode",
        "undo-adoption",
      ].map((id) => `one-on-ones:${id}`),
    );
    for (const command of Object.values(app.commands.commands)) {
      expect(command.hotkeys ?? []).toEqual([]);
      // Obsidian shows the plugin's name before the command's own, sentence-case name.
      // (Names of formats keep their own capitals.)
      expect(command.name.replace(/^One-on-Ones: /, "").replace(/\b(CSV|vCard)\b/g, "x")).toMatch(/^[A-Z][^A-Z]*$/);
    }
  });
});

describe("Insert 1:1 agenda", () => {
  it("inserts the agenda at the cursor, one level below the heading, and empties the queue", async () => {
    const note = "---\ntype: one-on-one\nperson: \"[[Anya Petrova]]\"\ndate: 2026-11-21\n---\n# Chat with Anya\n";
    const { app } = await loadFixture({ extra: { "1-1s/Anya Petrova/2026-11-21 Anya Petrova.md": note } });
    await openFile(app, "1-1s/Anya Petrova/2026-11-21 Anya Petrova.md");
    activeEditor(app).setCursor({ line: 6, ch: 0 });
    expect(await runCommand(app, "insert-agenda")).toBe(true);
    await vi.waitFor(() => expect(read(app, ANYA)).not.toContain("Ask how the conference talk went"));
    expectGolden("integration/insert-agenda.md", read(app, "1-1s/Anya Petrova/2026-11-21 Anya Petrova.md"));
  });

  it("asks for the person in a note about nobody", async () => {
    const { app } = await loadFixture({ extra: { "Notes/Plan.md": "" } });
    await openFile(app, "Notes/Plan.md");
    await runCommand(app, "insert-agenda");
    await activeSuggest(app).choose("Sam Okafor");
    await vi.waitFor(() => expect(read(app, "Notes/Plan.md")).toContain("## 1:1 with [[Sam Okafor]]\n\n### Check-in\n"));
    // Seen in the daily note of 2026-11-19: no first meeting's section.
    expect(read(app, "Notes/Plan.md")).not.toContain("About these 1:1s");
  });

  it("names the person in a daily note, which then counts as seeing them, and says the queue moved", async () => {
    const daily = "# Saturday\n\nGroceries.\n";
    const { app, plugin } = await loadFixture({ extra: { "Daily/2026-11-21.md": daily } });
    await openFile(app, "Daily/2026-11-21.md");
    activeEditor(app).setCursor({ line: 3, ch: 0 });
    await runCommand(app, "insert-agenda");
    await activeSuggest(app).choose("Anya Petrova");
    await vi.waitFor(() => expect(read(app, ANYA)).not.toContain("Ask how the conference talk went"));
    const text = read(app, "Daily/2026-11-21.md");
    expect(text.startsWith("# Saturday\n\nGroceries.\n## 1:1 with [[Anya Petrova]]\n\n### Check-in\n")).toBe(true);
    expect(text).toContain("### My topics\n%% What I collected since we last met. %%\n\n- Ask how the conference talk went\n- Payments on-call rotation from January\n");
    expect(notices(app)).toEqual(["The talking points queued for Anya Petrova moved into this note's 1:1 with them."]);
    await vi.waitFor(() => expect(plugin.index.person(ANYA)?.lastSeen).toBe("2026-11-21"));
  });
});

describe("New person…", () => {
  it("creates a person note with relationship and cadence, and opens it", async () => {
    const { app } = await loadFixture();
    await runCommand(app, "new-person");
    const modal = activeModal(app);
    const [name, cadence] = Array.from(modal.contentEl.querySelectorAll("input"));
    const relationship = modal.contentEl.querySelector("select");
    if (!name || !cadence || !relationship) throw new Error("fields missing");
    await fill(app, name, "  Lea   Brandt ");
    await fill(app, relationship, "peer");
    await fill(app, cadence, "3w");
    await click(app, button(modal.contentEl, "Create"));
    expect(read(app, "People/Lea Brandt.md")).toBe(
      "---\ntype: person\nrelationship: peer\ncadence: \"3w\"\n---\n\n## Next 1:1\n",
    );
    expect(app.workspace.getActiveFile()?.path).toBe("People/Lea Brandt.md");
  });

  it.each([
    ["", "A person needs a name. Nothing was created."],
    ["///", '"///" cannot be used as a note name. Nothing was created.'],
  ])("refuses the name %j with a notice", async (typed, message) => {
    const { app } = await loadFixture();
    const before = files(app);
    await runCommand(app, "new-person");
    const modal = activeModal(app);
    const input = modal.contentEl.querySelector("input");
    if (!input) throw new Error("no input");
    await fill(app, input, typed);
    await click(app, button(modal.contentEl, "Create"));
    expect(files(app)).toEqual(before);
    expect(notices(app)).toEqual([message]);
  });

  it("refuses an unknown cadence and opens an existing person instead of duplicating", async () => {
    const { app } = await loadFixture();
    const before = files(app);
    await runCommand(app, "new-person");
    let modal = activeModal(app);
    let [name, cadence] = Array.from(modal.contentEl.querySelectorAll("input"));
    await fill(app, name as HTMLInputElement, "Lea");
    await fill(app, cadence as HTMLInputElement, "now and then");
    await click(app, button(modal.contentEl, "Create"));
    expect(files(app)).toEqual(before);
    expect(notices(app).at(-1)).toMatch(/now and then.*Nothing was created\.$/);

    await runCommand(app, "new-person");
    modal = activeModal(app);
    [name] = Array.from(modal.contentEl.querySelectorAll("input"));
    await fill(app, name as HTMLInputElement, "  Anya   Petrova ");
    await click(app, button(modal.contentEl, "Create"));
    expect(files(app)).toEqual(before);
    expect(app.workspace.getActiveFile()?.path).toBe(ANYA);
    expect(notices(app).at(-1)).toBe("Anya Petrova exists already; the note was opened.");
  });

  it.each([
    ["anya petrova", "Anya Petrova"],
    ["Anya: Petrova", "Anya Petrova"],
    ["Anya/Petrova", "Anya Petrova"],
    ["SAM OKAFOR", "Sam Okafor"],
  ])("never takes the note of someone whose name gives the same file: %j", async (typed, other) => {
    const { app } = await loadFixture();
    const before = files(app);
    await runCommand(app, "new-person");
    const modal = activeModal(app);
    await fill(app, modal.contentEl.querySelector("input") as HTMLInputElement, typed);
    await click(app, button(modal.contentEl, "Create"));
    expect(files(app)).toEqual(before);
    expect(app.workspace.getActiveFile()).toBeNull();
    expect(notices(app)).toEqual([
      `"${typed}" would be stored in the same file as ${other}: names that differ only in capitals or in characters a file name cannot hold share one file. Nothing was created; choose another name.`,
    ]);
  });

  it("tells apart two new people whose names give the same file, in either order", async () => {
    const { app } = await loadFixture();
    for (const typed of ["Kim the builder", "Kim: the builder"]) {
      await runCommand(app, "new-person");
      const modal = activeModal(app);
      await fill(app, modal.contentEl.querySelector("input") as HTMLInputElement, typed);
      await click(app, button(modal.contentEl, "Create"));
    }
    expect(read(app, "People/Kim the builder.md")).toBe("---\ntype: person\n---\n\n## Next 1:1\n");
    expect(notices(app)).toEqual([
      '"Kim: the builder" would be stored in the same file as Kim the builder: names that differ only in capitals or in characters a file name cannot hold share one file. Nothing was created; choose another name.',
    ]);
  });

  it("does not create a note whose name differs from an existing file's only in case", async () => {
    // Not a person note, but the same file as "People/ATLAS.md" on macOS, Windows, iOS and Android.
    const other = "---\ntype: one-on-one\n---\nNotes of the Atlas project.\n";
    const { app } = await loadFixture({ extra: { "People/Atlas.md": other } });
    const before = files(app);
    await runCommand(app, "new-person");
    const modal = activeModal(app);
    await fill(app, modal.contentEl.querySelector("input") as HTMLInputElement, "ATLAS");
    await click(app, button(modal.contentEl, "Create"));
    expect(files(app)).toEqual(before);
    expect(notices(app)).toEqual(['A note "People/Atlas.md" exists already; nothing was created.']);
  });

  it("writes characters YAML cannot hold out of the alias, and keeps quotes", async () => {
    const { app } = await loadFixture();
    await runCommand(app, "new-person");
    const modal = activeModal(app);
    await fill(app, modal.contentEl.querySelector("input") as HTMLInputElement, 'Kim "K\\B" \u0007Lee\ud800?');
    await click(app, button(modal.contentEl, "Create"));
    expect(read(app, "People/Kim K B Lee.md")).toBe('---\ntype: person\naliases:\n  - "Kim \\"K\\\\B\\" Lee?"\n---\n\n## Next 1:1\n');
    expect(app.metadataCache.getCache("People/Kim K B Lee.md")?.frontmatter?.aliases).toEqual(['Kim "K\\B" Lee?']);
  });

  it("keeps the typed name as an alias when characters had to go", async () => {
    const { app } = await loadFixture();
    await runCommand(app, "new-person");
    const modal = activeModal(app);
    const input = modal.contentEl.querySelector("input");
    await fill(app, input as HTMLInputElement, "Kim: the builder");
    await click(app, button(modal.contentEl, "Create"));
    const created = Object.keys(files(app)).find((p) => p.startsWith("People/Kim"));
    expect(created).toBe("People/Kim the builder.md");
    expect(read(app, created as string)).toBe('---\ntype: person\naliases:\n  - "Kim: the builder"\n---\n\n## Next 1:1\n');
  });
});

describe("Mark as seen today", () => {
  it("sets last-seen on the person of the active note", async () => {
    const { app } = await loadFixture();
    await openFile(app, MEETING);
    await runCommand(app, "mark-seen-today");
    expect(read(app, ANYA)).toContain("last-seen: 2026-11-21\n");
    expect(notices(app)).toEqual(["Anya Petrova: last seen today."]);
  });

  it("asks whom when the note is about nobody", async () => {
    const { app } = await loadFixture();
    await openFile(app, "Daily/2026-11-19.md");
    await runCommand(app, "mark-seen-today");
    await activeSuggest(app).choose("Sam Okafor");
    expect(read(app, "People/Sam Okafor.md")).toBe(
      "---\ntype: person\nrelationship: friend\ncadence: every 3 weeks\nlast-seen: 2026-11-21\n---\n",
    );
  });

  it("tells the user and writes nothing when the properties are broken", async () => {
    const broken = "---\ntype: person\nrelationship: [unclosed\n---\nNotes.\n";
    const { app } = await loadFixture({ extra: { "People/Broken.md": broken } });
    await runCommand(app, "mark-seen-today");
    await activeSuggest(app).choose("Broken");
    expect(read(app, "People/Broken.md")).toBe(broken);
    expect(notices(app)).toEqual([
      'Could not update the properties of "People/Broken.md": Flow sequence in block collection must be sufficiently indented and end with a ] at line 3, column 1. The note was not changed.',
    ]);
  });
});

describe("Add talking point for…", () => {
  it("queues a topic under Next 1:1, the active person first", async () => {
    const { app } = await loadFixture();
    await openFile(app, MEETING);
    await runCommand(app, "add-talking-point");
    const picker = activeSuggest(app);
    expect(picker.suggestions()[0]?.split("\n")[0]).toBe("Anya Petrova");
    await picker.choose("Anya Petrova");
    const modal = activeModal(app);
    await fill(app, modal.contentEl.querySelector("input") as HTMLInputElement, "Budget for the offsite");
    await click(app, button(modal.contentEl, "Add"));
    expect(read(app, ANYA)).toBe(
      (FIXTURE_VAULT[ANYA] as string).replace(
        "- Payments on-call rotation from January\n",
        "- Payments on-call rotation from January\n- Budget for the offsite\n",
      ),
    );
  });

  it("creates the queue in a note without one", async () => {
    const { app } = await loadFixture();
    await runCommand(app, "add-talking-point");
    await activeSuggest(app).choose("Sam Okafor");
    const modal = activeModal(app);
    await fill(app, modal.contentEl.querySelector("input") as HTMLInputElement, "Ask about the marathon");
    await click(app, button(modal.contentEl, "Add"));
    expect(read(app, "People/Sam Okafor.md")).toBe(
      "---\ntype: person\nrelationship: friend\ncadence: every 3 weeks\n---\n\n## Next 1:1\n- Ask about the marathon\n",
    );
  });

  it("adds nothing for an empty topic", async () => {
    const { app } = await loadFixture();
    const before = files(app);
    await runCommand(app, "add-talking-point");
    await activeSuggest(app).choose("Sam Okafor");
    const modal = activeModal(app);
    await fill(app, modal.contentEl.querySelector("input") as HTMLInputElement, "   ");
    await click(app, button(modal.contentEl, "Add"));
    expect(files(app)).toEqual(before);
    expect(notices(app)).toEqual(["The talking point was empty; nothing was added."]);
  });
});

describe("Add agreement", () => {
  async function addAgreement(data: unknown, owner: string, text: string, due: string): Promise<string> {
    const { app } = await loadFixture({ data });
    await openFile(app, MEETING);
    activeEditor(app).setCursor({ line: 10, ch: 0 });
    await runCommand(app, "add-agreement");
    const modal = activeModal(app);
    const select = modal.contentEl.querySelector("select") as HTMLSelectElement;
    const [textInput, dueInput] = Array.from(modal.contentEl.querySelectorAll("input"));
    await fill(app, select, owner);
    await fill(app, textInput as HTMLInputElement, text);
    await fill(app, dueInput as HTMLInputElement, due);
    await click(app, button(modal.contentEl, "Add"));
    return read(app, MEETING);
  }

  it("writes the owner first and the due date in the Tasks format", async () => {
    const text = await addAgreement(undefined, "[[Anya Petrova]]", "sends the benchmark numbers", "2026-11-27");
    expect(text).toBe(
      (FIXTURE_VAULT[MEETING] as string).replace(
        "✅ 2026-11-10\n",
        "✅ 2026-11-10\n- [ ] [[Anya Petrova]] sends the benchmark numbers 📅 2026-11-27\n",
      ),
    );
  });

  it("writes Dataview's due field when chosen, and no date when empty", async () => {
    expect(await addAgreement({ dueDateSyntax: "dataview" }, "@me", "review the RFC", "2026-11-25")).toContain(
      "- [ ] @me review the RFC [due:: 2026-11-25]\n",
    );
    expect(await addAgreement(undefined, "", "someone books a room", "")).toContain("- [ ] someone books a room\n");
  });

  it("adds nothing without a text", async () => {
    const text = await addAgreement(undefined, "@me", "   ", "2026-11-30");
    expect(text).toBe(FIXTURE_VAULT[MEETING]);
  });
});

describe("Insert question…", () => {
  it("inserts a question from the bank", async () => {
    const { app, plugin } = await loadFixture();
    await openFile(app, "Daily/2026-11-19.md");
    activeEditor(app).setCursor({ line: 1, ch: 0 });
    await runCommand(app, "insert-question");
    const picker = activeSuggest(app);
    const question = plugin.settings.questions[0];
    if (!question) throw new Error("empty bank");
    await picker.choose(`${question.theme}: ${question.text}`);
    expect(activeEditor(app).getValue()).toBe(`Lunch with [[Sam Okafor]] at the market.\n- ${question.text}`);
  });

  it("has at least 25 questions in at least 5 themes", async () => {
    const { plugin } = await loadFixture();
    const themes = new Set(plugin.settings.questions.map((q) => q.theme));
    expect(plugin.settings.questions.length).toBeGreaterThanOrEqual(25);
    expect([...themes]).toEqual(
      expect.arrayContaining(["Wellbeing", "Work and blockers", "Growth and career", "Feedback", "Relationship"]),
    );
  });
});

describe("Copy shareable summary", () => {
  it("copies the note without private notes, and is offered on 1:1 notes only", async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const note = [
      "---",
      "type: one-on-one",
      'person: "[[Anya Petrova]]"',
      "date: 2026-11-14",
      "---",
      "# 1:1 with Anya Petrova — 2026-11-14",
      "",
      "## Check-in",
      "Tired after the launch.",
      "",
      "## Private notes",
      "Seems close to burning out.",
      "",
      "## Agreements",
      "- [ ] @me move the deadline 📅 2026-11-20",
      "",
    ].join("\n");
    const { app } = await loadFixture({ extra: { "1-1s/Anya Petrova/2026-11-14.md": note } });
    await openFile(app, ANYA);
    expect(isCommandAvailable(app, "one-on-ones:copy-shareable-summary")).toBe(false);
    await openFile(app, "1-1s/Anya Petrova/2026-11-14.md");
    expect(await runCommand(app, "copy-shareable-summary")).toBe(true);
    const copied = String((writeText.mock.calls[0] as unknown[] | undefined)?.[0]);
    expect(copied).toContain("Tired after the launch.");
    expect(copied).toContain("- [ ] @me move the deadline 📅 2026-11-20");
    expect(copied).not.toContain("burning out");
    expect(copied).not.toContain("type: one-on-one");
    expect(notices(app)).toEqual(["Shareable summary copied (private notes left out)."]);
  });
});

describe("Mark this 1:1 skipped", () => {
  it("marks a meeting note skipped and puts last seen back", async () => {
    const { app } = await loadFixture();
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Anya Petrova");
    expect(read(app, ANYA)).toContain("last-seen: 2026-11-21");
    const before = files(app);
    expect(await runCommand(app, "mark-skipped")).toBe(true);
    const after = files(app);
    expect(changedPaths(before, after)).toEqual([ANYA, "1-1s/Anya Petrova/2026-11-21 Anya Petrova.md"].sort());
    expect(read(app, "1-1s/Anya Petrova/2026-11-21 Anya Petrova.md")).toMatch(/^---\ntype: one-on-one\nperson: "\[\[Anya Petrova\]\]"\ndate: 2026-11-21\nstatus: skipped\n---\n/);
    expect(read(app, ANYA)).toContain("last-seen: 2026-11-07");
  });

  it("marks the log entry at the cursor skipped", async () => {
    const log = "---\ntype: one-on-one\nperson: \"[[Sam Okafor]]\"\n---\n## 2026-11-20\nRained out.\n\n## 2026-10-30\nHiked.\n";
    const { app } = await loadFixture({ extra: { "1-1s/Sam.md": log } });
    await openFile(app, "1-1s/Sam.md");
    activeEditor(app).setCursor({ line: 5, ch: 0 });
    await runCommand(app, "mark-skipped");
    expect(read(app, "1-1s/Sam.md")).toBe(log.replace("## 2026-11-20\n", "## 2026-11-20 (skipped)\n"));
  });

  it("gives the talking points Start moved into the note back to the queue, once each, in order", async () => {
    const { app } = await loadFixture();
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Anya Petrova");
    const started = app.workspace.getActiveFile();
    if (!started) throw new Error("no note opened");
    expect(read(app, started.path)).toContain("## My topics\n%% What I collected since we last met. %%\n\n- Ask how the conference talk went\n- Payments on-call rotation from January\n");
    // Meanwhile, one of them was queued again by hand, and a new one added.
    for (const topic of ["Payments on-call rotation from January", "Her promotion case"]) {
      await runCommand(app, "add-talking-point");
      await activeSuggest(app).choose("Anya Petrova");
      const modal = activeModal(app);
      await fill(app, modal.contentEl.querySelector("input") as HTMLInputElement, topic);
      await click(app, button(modal.contentEl, "Add"));
    }
    await openFile(app, started.path);

    await runCommand(app, "mark-skipped");
    expect(read(app, ANYA)).toContain(
      "## Next 1:1\n- Payments on-call rotation from January\n- Her promotion case\n- Ask how the conference talk went\n",
    );
    expect(read(app, ANYA).match(/on-call rotation/g)).toHaveLength(1);
    // Taken out of the skipped note; the rest of it is as it was.
    expect(read(app, started.path)).toContain("## My topics\n%% What I collected since we last met. %%\n\n\n## Decisions needed\n");
    expect(notices(app).at(-1)).toBe("Marked as skipped; its talking points went back to the queue of Anya Petrova.");

    // The next 1:1 starts with them.
    vi.setSystemTime(new Date(2026, 10, 28, 12, 0, 0));
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Anya Petrova");
    const next = app.workspace.getActiveFile();
    expect(next?.path).not.toBe(started.path);
    expect(read(app, next?.path ?? "")).toContain(
      "## My topics\n%% What I collected since we last met. %%\n\n- Payments on-call rotation from January\n- Her promotion case\n- Ask how the conference talk went\n",
    );
  });

  it("gives back the talking points of the skipped log entry only", async () => {
    const log = [
      "---",
      'person: "[[Sam Okafor]]"',
      "type: one-on-one",
      "---",
      "## 2026-11-20",
      "### My topics",
      "- Book the hut for January",
      "  - ask about the dog",
      "",
      "### Agreements",
      "",
      "## 2026-10-30",
      "### My topics",
      "- The new boots",
      "",
    ].join("\n");
    const { app } = await loadFixture({ extra: { "1-1s/Sam.md": log } });
    await openFile(app, "1-1s/Sam.md");
    activeEditor(app).setCursor({ line: 6, ch: 0 });
    await runCommand(app, "mark-skipped");
    expect(read(app, "People/Sam Okafor.md")).toBe(
      "---\ntype: person\nrelationship: friend\ncadence: every 3 weeks\n---\n\n## Next 1:1\n- Book the hut for January\n  - ask about the dog\n",
    );
    expect(read(app, "1-1s/Sam.md")).toBe(
      log.replace("## 2026-11-20\n", "## 2026-11-20 (skipped)\n").replace("- Book the hut for January\n  - ask about the dog\n", ""),
    );
  });

  it("is not offered outside 1:1 notes", async () => {
    const { app } = await loadFixture();
    await openFile(app, ANYA);
    expect(isCommandAvailable(app, "one-on-ones:mark-skipped")).toBe(false);
  });
});

describe("Mark this 1:1 skipped: last seen", () => {
  const INGRID = "People/Ingrid Solberg.md";
  const SAM = "People/Sam Okafor.md";

  async function loadDemo() {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(TODAY);
    const { app } = createTestApp({ files: DEMO, ctime: CREATED });
    const plugin = await loadPlugin(OneOnOnesPlugin, app);
    await plugin.whenReady();
    return { app, plugin };
  }

  async function start(app: App, name: string): Promise<string> {
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose(name);
    const file = app.workspace.getActiveFile();
    if (!file) throw new Error("no 1:1 opened");
    return file.path;
  }

  async function skip(app: App, path: string): Promise<void> {
    await openFile(app, path);
    expect(await runCommand(app, "mark-skipped")).toBe(true);
  }

  /** The person's properties edited by hand. */
  async function editLastSeen(app: App, path: string, from: string, to: string): Promise<void> {
    const file = app.vault.getFileByPath(path);
    if (!file) throw new Error(`no ${path}`);
    await app.vault.modify(file, read(app, path).replace(`last-seen: ${from}`, `last-seen: ${to}`));
    await flush(app);
  }

  it("puts back the date Start replaced when it is the only record of meeting", async () => {
    const { app } = await loadDemo();
    const note = await start(app, "Ingrid Solberg");
    expect(read(app, INGRID)).toContain("last-seen: 2026-11-21");
    await skip(app, note);
    expect(read(app, INGRID)).toContain("last-seen: 2026-10-15");
    // Met before, so the next 1:1 is no first one.
    vi.setSystemTime(new Date(2026, 10, 28, 12, 0, 0));
    expect(read(app, await start(app, "Ingrid Solberg"))).not.toContain("About these 1:1s");
  });

  it("puts back a date later than the last 1:1 that took place", async () => {
    const held = '---\ntype: one-on-one\nperson: "[[Sam Okafor]]"\ndate: 2026-10-30\n---\nHiked.\n';
    const sam = "---\ntype: person\nrelationship: friend\nlast-seen: 2026-11-12\n---\n";
    const { app } = await loadFixture({ extra: { "1-1s/Sam Okafor/2026-10-30.md": held, [SAM]: sam } });
    await skip(app, await start(app, "Sam Okafor"));
    expect(read(app, SAM)).toContain("last-seen: 2026-11-12");
  });

  it("keeps a date the user wrote after Start, and puts it back when a later Start replaced it", async () => {
    const { app } = await loadDemo();
    const first = await start(app, "Ingrid Solberg");
    await editLastSeen(app, INGRID, "2026-11-21", "2026-11-20");
    await skip(app, first);
    expect(read(app, INGRID)).toContain("last-seen: 2026-11-20");

    vi.setSystemTime(new Date(2026, 10, 28, 12, 0, 0));
    const second = await start(app, "Ingrid Solberg");
    expect(read(app, INGRID)).toContain("last-seen: 2026-11-28");
    await skip(app, second);
    expect(read(app, INGRID)).toContain("last-seen: 2026-11-20");
  });

  it("puts back the date Start replaced after the plugin was reloaded", async () => {
    const { app, plugin } = await loadDemo();
    const note = await start(app, "Ingrid Solberg");
    await unloadPlugin(app, plugin);
    const again = await loadPlugin(OneOnOnesPlugin, app);
    await again.whenReady();
    await skip(app, note);
    expect(read(app, INGRID)).toContain("last-seen: 2026-10-15");
  });

  it("goes back to the latest day seen otherwise when Start did not write it", async () => {
    // Sam's only other record: lunch in the daily note of 2026-11-19.
    const { app } = await loadFixture();
    await openFile(app, SAM);
    await runCommand(app, "mark-seen-today");
    expect(read(app, SAM)).toContain("last-seen: 2026-11-21");
    await skip(app, await start(app, "Sam Okafor"));
    expect(read(app, SAM)).toContain("last-seen: 2026-11-19");
  });

  it("never deletes the date when nothing else says they were seen", async () => {
    const { app } = await loadDemo();
    await openFile(app, INGRID);
    await editLastSeen(app, INGRID, "2026-10-15", "2026-11-21");
    await skip(app, await start(app, "Ingrid Solberg"));
    expect(read(app, INGRID)).toContain("last-seen: 2026-11-21");
  });
});
