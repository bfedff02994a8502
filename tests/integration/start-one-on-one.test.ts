import { afterEach, describe, expect, it, vi } from "vitest";
import { expectGolden } from "../builders/golden";
import { activeEditor, activeSuggest, button, files, fill, modals, notices, read, runCommand, openFile, isCommandAvailable } from "../fakes/harness";
import { FIXTURE_VAULT, loadFixture } from "./setup";

const NEW_NOTE = "1-1s/Anya Petrova/2026-11-21 Anya Petrova.md";
const ANYA = "People/Anya Petrova.md";

/** Sam Okafor's running log with one entry, of 2026-10-30, holding `lines`. */
function samLog(...lines: string[]): string {
  return ["---", "type: one-on-one", 'person: "[[Sam Okafor]]"', "---", "# 1:1s with Sam Okafor", "", "## 2026-10-30", ...lines].join("\n");
}

afterEach(() => {
  vi.useRealTimers();
});

describe("Start 1:1…", () => {
  it("offers people most overdue first, with relationship and last seen", async () => {
    const { app } = await loadFixture();
    expect(await runCommand(app, "one-on-ones:start-one-on-one")).toBe(true);
    const picker = activeSuggest(app);
    expect(await picker.query("")).toEqual([
      // Анна: monthly, last seen 2026-09-30 → due 2026-10-30, 22 days overdue.
      "Анна Иванова\nPeer · last seen 7 weeks ago · 22 days overdue",
      // Anya: weekly, last seen 2026-11-07 → due 2026-11-14, 7 days overdue.
      "Anya Petrova\nReport · last seen 2 weeks ago · 7 days overdue",
      // Sam: every 3 weeks, seen in the daily note of 2026-11-19.
      "Sam Okafor\nFriend · last seen 2 days ago",
    ]);
    expect(await picker.query("zo")).toEqual(["Add new person: zo"]);
    await picker.escape();
  });

  it("creates today's note with the agenda, the queue and a live list of open agreements", async () => {
    const { app } = await loadFixture();
    const before = files(app);
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Anya Petrova");

    const after = files(app);
    expectGolden("integration/start-regular.md", read(app, NEW_NOTE));
    // The queue moved into the note and was emptied after; last seen moved to today.
    // (processFrontMatter writes lists in block style, as Obsidian does.)
    expect(after[ANYA]).toBe(
      [
        "---",
        "type: person",
        "aliases:",
        "  - Anya",
        "relationship: report",
        "role: Backend engineer",
        "team: Payments",
        "cadence: weekly",
        "last-seen: 2026-11-21",
        "first-name: Anya",
        "last-name: Petrova",
        "tags:",
        "  - team/payments",
        "---",
        "Anya joined Payments in March.",
        "",
        "## Next 1:1",
        "",
      ].join("\n"),
    );
    // Nothing else changed.
    const changed = Object.keys(after).filter((path) => after[path] !== before[path]);
    expect(changed.sort()).toEqual([NEW_NOTE, ANYA].sort());
    expect(app.workspace.getActiveFile()?.path).toBe(NEW_NOTE);
    // The cursor waits in the check-in, under its hint.
    expect(activeEditor(app).getCursor()).toEqual({ line: 9, ch: 0 });
    expect(notices(app)).toEqual([]);
  });

  it("opens the existing note instead of overwriting it", async () => {
    const existing = "---\ntype: one-on-one\nperson: \"[[Anya Petrova]]\"\ndate: 2026-11-21\n---\nMy own notes.\n";
    const { app } = await loadFixture({ extra: { [NEW_NOTE]: existing } });
    const before = files(app);
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Anya Petrova");
    expect(files(app)).toEqual(before);
    expect(app.workspace.getActiveFile()?.path).toBe(NEW_NOTE);
    expect(notices(app)).toEqual(["The 1:1 with Anya Petrova on 2026-11-21 exists already; it was opened."]);
  });

  it("writes a first meeting for someone never met", async () => {
    const { app } = await loadFixture({ extra: { "People/Zoë Martin.md": "---\ntype: person\nrelationship: mentee\n---\n" } });
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Zoë Martin");
    expectGolden("integration/start-first-meeting.md", read(app, "1-1s/Zoë Martin/2026-11-21 Zoë Martin.md"));
  });

  it("writes no first meeting for someone already met, with a last seen but no 1:1 note", async () => {
    // Анна: monthly peer 1:1s, last seen 2026-09-30, none of them written down as a 1:1 note.
    const { app } = await loadFixture();
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Анна Иванова");
    const note = read(app, "1-1s/Анна Иванова/2026-11-21 Анна Иванова.md");
    expect(note).toContain("# 1:1 with Анна Иванова — 2026-11-21\n");
    expect(note).not.toContain("About these 1:1s");
    expect(note).toContain("## Previous agreements\n");
  });

  it("creates a new person from the typed name and starts the 1:1", async () => {
    const { app } = await loadFixture();
    await runCommand(app, "start-one-on-one");
    const picker = activeSuggest(app);
    await picker.query("Zoë Martin");
    await picker.choose("Add new person: Zoë Martin");
    const modal = modals(app).at(-1);
    if (!modal) throw new Error("no modal");
    const select = modal.contentEl.querySelector("select");
    if (!select) throw new Error("no relationship dropdown");
    await fill(app, select, "mentee");
    button(modal.contentEl, "Create").click();
    await vi.waitFor(() => expect(files(app)["1-1s/Zoë Martin/2026-11-21 Zoë Martin.md"]).toBeDefined(), { timeout: 2000 });
    expect(read(app, "People/Zoë Martin.md")).toBe(
      "---\ntype: person\nrelationship: mentee\nlast-seen: 2026-11-21\n---\n\n## Next 1:1\n",
    );
  });

  it("forwards open agreements in forward mode and marks the originals", async () => {
    const { app } = await loadFixture({ data: { carryOver: "forward" } });
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Anya Petrova");
    expectGolden("integration/start-forward.md", read(app, NEW_NOTE));
    expect(read(app, "1-1s/Anya Petrova/2026-11-07.md")).toBe(
      (FIXTURE_VAULT["1-1s/Anya Petrova/2026-11-07.md"] as string)
        .replace(
          "- [ ] [[Anya Petrova]] shares the RFC draft 📅",
          "- [x] [[Anya Petrova]] shares the RFC draft (forwarded to [[2026-11-21 Anya Petrova]]) 📅",
        )
        .replace(
          "- [ ] @me intro Anya to the platform lead [due::",
          "- [x] @me intro Anya to the platform lead (forwarded to [[2026-11-21 Anya Petrova]]) [due::",
        ),
    );
  });

  it("adds an entry to the running log in log layout", async () => {
    const log = samLog("", "Hiked the ridge trail.", "");
    const { app } = await loadFixture({ data: { layout: "log" }, extra: { "1-1s/Sam Okafor.md": log } });
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Sam Okafor");
    expectGolden("integration/start-log.md", read(app, "1-1s/Sam Okafor.md"));
    expect(read(app, "1-1s/Sam Okafor.md").endsWith("## 2026-10-30\n\nHiked the ridge trail.\n")).toBe(true);
    expect(app.workspace.getActiveFile()?.path).toBe("1-1s/Sam Okafor.md");
  });

  it("names the note by date and person, never like a daily note, and reads it back as a 1:1 with them", async () => {
    const { app, plugin } = await loadFixture({ extra: { "Daily/2026-11-21.md": "Busy day.\n" } });
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Anya Petrova");
    const note = app.workspace.getActiveFile();
    expect(note?.path).toBe("1-1s/Anya Petrova/2026-11-21 Anya Petrova.md");
    // What a tab shows, and what [[2026-11-21]] finds.
    expect(note?.basename).toBe("2026-11-21 Anya Petrova");
    expect(app.metadataCache.getFirstLinkpathDest("2026-11-21", "")?.path).toBe("Daily/2026-11-21.md");
    // The name alone, without the properties, says whom and when the 1:1 was.
    const bare = "Talked about the conference.\n";
    const { plugin: again } = await loadFixture({ extra: { "1-1s/Sam Okafor/2026-11-14 Sam Okafor.md": bare } });
    expect(again.index.meetingsWith("People/Sam Okafor.md")).toContainEqual(
      expect.objectContaining({ path: "1-1s/Sam Okafor/2026-11-14 Sam Okafor.md", kind: "note", date: "2026-11-14", status: "held" }),
    );
    expect(plugin.index.meetingsWith(ANYA)).toContainEqual(expect.objectContaining({ path: note?.path, date: "2026-11-21" }));
  });

  it("keeps the names of existing notes, and a pattern of one's own", async () => {
    const { app } = await loadFixture({ data: { settingsVersion: 1, notePathPattern: "{{person}}/{{year}}/{{date}}" } });
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Anya Petrova");
    expect(app.workspace.getActiveFile()?.path).toBe("1-1s/Anya Petrova/2026/2026-11-21.md");
    expect(files(app)["1-1s/Anya Petrova/2026-11-07.md"]).toBe(FIXTURE_VAULT["1-1s/Anya Petrova/2026-11-07.md"]);
  });

  it("gives settings saved with the former default, the date alone, the new default", async () => {
    const { app } = await loadFixture({ data: { settingsVersion: 1, notePathPattern: "{{person}}/{{date}}" } });
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Anya Petrova");
    expect(app.workspace.getActiveFile()?.path).toBe(NEW_NOTE);
  });

  it("names a new running log apart from the person note, so that [[Name]] still leads to the person", async () => {
    const { app, plugin } = await loadFixture({ data: { layout: "log" } });
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Sam Okafor");
    expect(app.workspace.getActiveFile()?.path).toBe("1-1s/Sam Okafor 1-1s.md");
    expect(app.metadataCache.getFirstLinkpathDest("Sam Okafor", "Daily/2026-11-19.md")?.path).toBe("People/Sam Okafor.md");
    expect(read(app, "1-1s/Sam Okafor 1-1s.md")).toMatch(/^---\ntype: one-on-one\nperson: "\[\[Sam Okafor\]\]"\n---\n/);
    expect(plugin.index.logOf("People/Sam Okafor.md")).toBe("1-1s/Sam Okafor 1-1s.md");
  });

  it("links a forwarded agreement and its original to the headings of their log entries", async () => {
    const log = samLog("- [ ] @me send Sam the trail map 📅 2026-11-25", "");
    const { app } = await loadFixture({ data: { carryOver: "forward" }, extra: { "1-1s/Sam Okafor 1-1s.md": log } });
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Sam Okafor");
    const text = read(app, "1-1s/Sam Okafor 1-1s.md");
    expect(text).toContain("- [ ] @me send Sam the trail map (from [[Sam Okafor 1-1s#2026-10-30]]) 📅 2026-11-25\n");
    expect(text).toContain("- [x] @me send Sam the trail map (forwarded to [[Sam Okafor 1-1s#2026-11-21]]) 📅 2026-11-25\n");
  });

  it("creates the running log when there is none", async () => {
    const { app } = await loadFixture({ data: { layout: "log" } });
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Anya Petrova");
    expectGolden("integration/start-new-log.md", read(app, "1-1s/Anya Petrova 1-1s.md"));
  });

  it("adds the entry to the note a person's log property names, even one with a date in its name or properties", async () => {
    const kai = '---\ntype: person\nrelationship: mentee\nlog: "[[Journal/Kai since 2024-01-15]]"\n---\n';
    const journal = "---\ndate: 2024-01-15\n---\n# Kai\n\n## 2026-10-30\n\nTalked about the move.\n";
    const { app, plugin } = await loadFixture({ extra: { "People/Kai Berg.md": kai, "Journal/Kai since 2024-01-15.md": journal } });
    // The index reads the note as Kai's running log: its dated heading is a meeting with Kai.
    expect(plugin.index.logOf("People/Kai Berg.md")).toBe("Journal/Kai since 2024-01-15.md");
    expect(plugin.index.person("People/Kai Berg.md")?.lastSeen).toBe("2026-10-30");
    const before = files(app);
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Kai Berg");
    const after = files(app);
    expect(Object.keys(after).filter((path) => !(path in before))).toEqual([]);
    const text = read(app, "Journal/Kai since 2024-01-15.md");
    expect(text.startsWith("---\ndate: 2024-01-15\n---\n# Kai\n\n## 2026-11-21")).toBe(true);
    expect(text.endsWith("## 2026-10-30\n\nTalked about the move.\n")).toBe(true);
    expect(app.workspace.getActiveFile()?.path).toBe("Journal/Kai since 2024-01-15.md");
  });

  it("adds the entry to a person note its own log property names, and moves the queue into it", async () => {
    const kai = [
      "---",
      "type: person",
      "relationship: mentee",
      'log: "[[Kai Berg]]"',
      "---",
      "## Next 1:1",
      "- [ ] ask about the move",
      "",
      "## 2026-11-02",
      "- [ ] @me send Kai the course list",
      "",
    ].join("\n");
    const { app } = await loadFixture({ extra: { "People/Kai Berg.md": kai } });
    const before = files(app);
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Kai Berg");
    expect(Object.keys(files(app)).filter((path) => !(path in before))).toEqual([]);
    const text = read(app, "People/Kai Berg.md");
    // One new entry, above the newest; the topic moved into it and out of the queue.
    expect(text.match(/^## 2026-11-21/gm)).toHaveLength(1);
    expect(text.indexOf("## 2026-11-21")).toBeLessThan(text.indexOf("## 2026-11-02"));
    expect(text.match(/ask about the move/g)).toHaveLength(1);
    expect(text.indexOf("ask about the move")).toBeGreaterThan(text.indexOf("## 2026-11-21"));
    expect(text.endsWith("## 2026-11-02\n- [ ] @me send Kai the course list\n")).toBe(true);
    expect(notices(app)).toEqual([]);
  });

  it("forwards agreements within one running log: the copies in the new entry, the originals marked", async () => {
    const log = samLog("- [ ] @me send Sam the trail map 📅 2026-11-25", "- [ ] [[Sam Okafor]] books the hut", "");
    const { app } = await loadFixture({ data: { layout: "log", carryOver: "forward" }, extra: { "1-1s/Sam Okafor.md": log } });
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Sam Okafor");
    const text = read(app, "1-1s/Sam Okafor.md");
    expect(notices(app)).toEqual([]);
    expect(text.match(/- \[ \] @me send Sam the trail map/g)).toHaveLength(1);
    expect(text.match(/- \[ \] \[\[Sam Okafor\]\] books the hut/g)).toHaveLength(1);
    expect(text).toContain(
      "## 2026-10-30\n- [x] @me send Sam the trail map (forwarded to [[1-1s/Sam Okafor#2026-11-21]]) 📅 2026-11-25\n- [x] [[Sam Okafor]] books the hut (forwarded to [[1-1s/Sam Okafor#2026-11-21]])\n",
    );
  });

  it("starts a note of its own when a person's log property names a dated 1:1 note, which is one meeting", async () => {
    const kai = '---\ntype: person\nrelationship: mentee\nlog: "[[1-1s/Kai Berg/2026-11-14]]"\n---\n';
    const earlier = '---\ntype: one-on-one\nperson: "[[Kai Berg]]"\ndate: 2026-11-14\n---\n## Check-in\n';
    const { app, plugin } = await loadFixture({ extra: { "People/Kai Berg.md": kai, "1-1s/Kai Berg/2026-11-14.md": earlier } });
    expect(plugin.index.meetingsWith("People/Kai Berg.md").map((m) => [m.path, m.kind])).toEqual([["1-1s/Kai Berg/2026-11-14.md", "note"]]);
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Kai Berg");
    expect(read(app, "1-1s/Kai Berg/2026-11-14.md")).toBe(earlier);
    expect(read(app, "1-1s/Kai Berg/2026-11-21 Kai Berg.md")).toMatch(/^---\ntype: one-on-one\nperson: "\[\[Kai Berg\]\]"\ndate: 2026-11-21\n---\n/);
    expect(app.workspace.getActiveFile()?.path).toBe("1-1s/Kai Berg/2026-11-21 Kai Berg.md");
  });

  it("fills a custom template note", async () => {
    const { app } = await loadFixture({ data: { templatePath: "Templates/1-1 template" } });
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Anya Petrova");
    expectGolden("integration/start-template.md", read(app, NEW_NOTE));
  });

  it("writes nothing when the template note is missing", async () => {
    const { app } = await loadFixture({ data: { templatePath: "Templates/Gone" } });
    const before = files(app);
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Anya Petrova");
    expect(files(app)).toEqual(before);
    expect(notices(app)).toEqual([
      'The template note "Templates/Gone" was not found. Fix the template setting; no 1:1 was started.',
    ]);
  });

  it("keeps the queue when the new note cannot be written", async () => {
    const { app } = await loadFixture();
    const before = files(app);
    app.vault.failNextWrite(NEW_NOTE);
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Anya Petrova");
    expect(files(app)).toEqual(before);
    expect(notices(app)[0]).toMatch(/^Could not create the 1:1 note: .*Nothing was changed\.$/);
  });

  it("does not update last seen when the setting is off", async () => {
    const { app } = await loadFixture({ data: { updateLastSeenOnStart: false } });
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Anya Petrova");
    expect(read(app, ANYA)).toContain("last-seen: 2026-11-07");
  });
});

describe("Start 1:1 with this person", () => {
  it("is offered on a person note only", async () => {
    const { app } = await loadFixture();
    await openFile(app, "Daily/2026-11-19.md");
    expect(isCommandAvailable(app, "one-on-ones:start-one-on-one-with-this-person")).toBe(false);
    await openFile(app, ANYA);
    expect(await runCommand(app, "start-one-on-one-with-this-person")).toBe(true);
    expectGolden("integration/start-regular.md", read(app, NEW_NOTE));
  });
});

describe("Start 1:1 with people whose names give the same file", () => {
  const KIM = "---\ntype: person\ncadence: weekly\n---\n";
  const pick = (path: string) => (_text: string, item: unknown) => (item as { entry?: { path: string } }).entry?.path === path;

  it("never opens or writes another person's note of the day", async () => {
    const theirs = '---\ntype: one-on-one\nperson: "[[People/Kim]]"\ndate: 2026-11-21\n---\nKim A only.\n';
    const { app } = await loadFixture({
      extra: { "People/Kim.md": KIM, "People/Team/Kim.md": KIM, "1-1s/Kim/2026-11-21 Kim.md": theirs },
    });
    const before = files(app);
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose(pick("People/Team/Kim.md"));
    expect(files(app)).toEqual(before);
    expect(app.workspace.getActiveFile()).toBeNull();
    expect(notices(app)).toEqual([
      '"1-1s/Kim/2026-11-21 Kim.md" is about Kim (People/Kim.md), and Kim (People/Team/Kim.md) would get the same file name. Rename one of them; no 1:1 was started.',
    ]);
  });

  it("sees a note whose path differs only in case as the same file", async () => {
    const theirs = '---\ntype: one-on-one\nperson: "[[People/Lee]]"\ndate: 2026-11-21\n---\nLee only.\n';
    const { app } = await loadFixture({
      extra: { "People/Lee.md": KIM, "People/Work/lee.md": KIM, "1-1s/Lee/2026-11-21 Lee.md": theirs },
    });
    const before = files(app);
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose(pick("People/Work/lee.md"));
    expect(files(app)).toEqual(before);
    expect(notices(app)).toEqual([
      '"1-1s/Lee/2026-11-21 Lee.md" is about Lee (People/Lee.md), and lee (People/Work/lee.md) would get the same file name. Rename one of them; no 1:1 was started.',
    ]);
  });

  it("never adds an entry to another person's running log", async () => {
    const log = '---\ntype: one-on-one\nperson: "[[People/Kim]]"\n---\n# 1:1s with Kim\n\n## 2026-11-14\nKim A.\n';
    const { app } = await loadFixture({
      data: { layout: "log" },
      extra: { "People/Kim.md": KIM, "People/Team/Kim.md": KIM, "1-1s/Kim 1-1s.md": log },
    });
    const before = files(app);
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose(pick("People/Team/Kim.md"));
    expect(files(app)).toEqual(before);
    expect(notices(app)).toEqual([
      '"1-1s/Kim 1-1s.md" is about Kim (People/Kim.md), and Kim (People/Team/Kim.md) would get the same file name. Rename one of them; no 1:1 was started.',
    ]);
  });

  it("writes into a folder that exists in another case instead of making a second one", async () => {
    const earlier = '---\ntype: one-on-one\nperson: "[[Sam Okafor]]"\ndate: 2026-11-01\n---\n';
    const { app } = await loadFixture({ extra: { "1-1s/sam okafor/2026-11-01.md": earlier } });
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Sam Okafor");
    const created = Object.keys(files(app)).filter((path) => path.includes("2026-11-21"));
    expect(created).toEqual(["1-1s/sam okafor/2026-11-21 Sam Okafor.md"]);
    expect(read(app, created[0] as string)).toMatch(/^---\ntype: one-on-one\nperson: "\[\[Sam Okafor\]\]"\ndate: 2026-11-21\n---\n/);
    expect(notices(app)).toEqual([]);
  });
});
