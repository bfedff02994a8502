// Faults, in the fake App with the real plugin: notes that change under the plugin's feet,
// writes that fail, broken properties, huge notes and vaults. In each case no exception escapes,
// nothing is lost, the user is told when they must know, and the files are checked byte for byte.
import { afterEach, describe, expect, it, vi } from "vitest";
import { VIEW_TYPE_FOLLOW_UPS, VIEW_TYPE_PEOPLE } from "../../src/constants";
import {
  activeEditor,
  activeModal,
  activeSuggest,
  button,
  click,
  files,
  fill,
  flush,
  notices,
  openFile,
  read,
  renderCodeBlock,
  runCommand,
  statusBarItems,
  takeErrors,
  viewsOfType,
  type App,
} from "../fakes/harness";
import { FIXTURE_VAULT, loadFixture } from "./setup";

const ANYA = "People/Anya Petrova.md";
const MEETING = "1-1s/Anya Petrova/2026-11-07.md";
const NEW_NOTE = "1-1s/Anya Petrova/2026-11-21 Anya Petrova.md";
const RFC = "- [ ] [[Anya Petrova]] shares the RFC draft 📅 2026-11-28";
const INTRO = "- [ ] @me intro Anya to the platform lead [due:: 2026-11-18]";
/** Big vaults take a few seconds in the fake App, more on a busy machine: a generous limit. */
const HEAVY_MS = 30_000;
const GONE_NOTICE = "That agreement changed or moved since it was shown; nothing was written.";

afterEach(() => {
  vi.useRealTimers();
});

/** Waits until the debounced views have taken the index's last change. */
async function settle(app: App): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 120));
  await flush(app);
}

async function openFollowUps(app: App): Promise<HTMLElement> {
  expect(await runCommand(app, "open-follow-ups")).toBe(true);
  return contentOf(app, VIEW_TYPE_FOLLOW_UPS);
}

function contentOf(app: App, type: string): HTMLElement {
  const content = viewsOfType(app, type)[0]?.containerEl.querySelector<HTMLElement>(".view-content");
  if (!content) throw new Error(`No ${type} view is open.`);
  return content;
}

function checkbox(root: HTMLElement, text: string): HTMLInputElement {
  const box = root.querySelector<HTMLInputElement>(`input[aria-label="Done: ${text}"]`);
  if (!box) throw new Error(`No agreement "${text}" shown.`);
  return box;
}

/** Paths whose text differs between two snapshots. */
function changedPaths(before: Record<string, string>, after: Record<string, string>): string[] {
  const paths = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...paths].filter((path) => before[path] !== after[path]).sort();
}

/** The fixture's meeting note with `edit` applied to its text. */
function meetingWith(edit: (text: string) => string): string {
  return edit(FIXTURE_VAULT[MEETING] as string);
}

const ticked = (line: string) => line.replace("- [ ]", "- [x]");

describe("the line changes between render and tick", () => {
  it("ticks the line where it is now when it moved", async () => {
    const { app } = await loadFixture();
    const root = await openFollowUps(app);
    const moved = meetingWith((t) => t.replace("## Agreements\n", "## Agreements\nA new paragraph.\n\n"));
    app.vault.externalEdit(MEETING, moved);
    checkbox(root, "shares the RFC draft").click();
    await settle(app);
    expect(read(app, MEETING)).toBe(moved.replace(RFC, `${ticked(RFC)} ✅ 2026-11-21`));
    expect(notices(app)).toEqual([]);
  });

  it.each([
    ["duplicated", (t: string) => t.replace("## Agreements\n", `## Agreements\nMoved.\n${RFC}\n`)],
    ["deleted", (t: string) => t.replace(`${RFC}\n`, "")],
    ["edited", (t: string) => t.replace("shares the RFC draft", "shares the RFC final")],
    ["ticked by hand", (t: string) => t.replace(RFC, ticked(RFC))],
  ])("writes nothing and says so when the line was %s", async (_what, edit) => {
    const { app } = await loadFixture();
    const root = await openFollowUps(app);
    const changed = meetingWith(edit);
    app.vault.externalEdit(MEETING, changed);
    checkbox(root, "shares the RFC draft").click();
    await settle(app);
    expect(read(app, MEETING)).toBe(changed);
    expect(notices(app)).toHaveLength(1);
    expect(notices(app)[0]).toMatch(/[Nn]othing was written\.$/);
  });

  it("writes nothing when the note was deleted meanwhile", async () => {
    const { app } = await loadFixture();
    const root = await openFollowUps(app);
    const before = files(app);
    app.vault.externalDelete(MEETING);
    checkbox(root, "shares the RFC draft").click();
    await settle(app);
    const { [MEETING]: _gone, ...rest } = before;
    expect(files(app)).toEqual(rest);
    expect(notices(app)).toEqual([GONE_NOTICE]);
  });

  it("writes nothing in a note renamed a moment before, and ticks it once the view caught up", async () => {
    const { app } = await loadFixture();
    const root = await openFollowUps(app);
    const renamed = "1-1s/Anya Petrova/2026-11-07 kickoff.md";
    await app.fileManager.renameFile(app.vault.getFileByPath(MEETING) as never, renamed);
    checkbox(root, "shares the RFC draft").click();
    await settle(app);
    expect(read(app, renamed)).toBe(FIXTURE_VAULT[MEETING]);
    expect(notices(app)).toEqual([GONE_NOTICE]);
    checkbox(root, "shares the RFC draft").click();
    await settle(app);
    expect(read(app, renamed)).toBe(meetingWith((t) => t.replace(RFC, `${ticked(RFC)} ✅ 2026-11-21`)));
  });
});

describe("two ticks in quick succession", () => {
  it("tick two agreements of one note, each exactly once", async () => {
    const { app } = await loadFixture();
    const root = await openFollowUps(app);
    checkbox(root, "shares the RFC draft").click();
    checkbox(root, "intro Anya to the platform lead").click();
    await settle(app);
    expect(read(app, MEETING)).toBe(
      meetingWith((t) => t.replace(RFC, `${ticked(RFC)} ✅ 2026-11-21`).replace(INTRO, `${ticked(INTRO)}  [completion:: 2026-11-21]`)),
    );
    expect(notices(app)).toEqual([]);
  });

  it("write one done date when the same box is clicked twice", async () => {
    const { app } = await loadFixture();
    const root = await openFollowUps(app);
    const box = checkbox(root, "shares the RFC draft");
    box.click();
    box.click();
    await settle(app);
    expect(read(app, MEETING)).toBe(meetingWith((t) => t.replace(RFC, `${ticked(RFC)} ✅ 2026-11-21`)));
  });

  it("write one done date when the sidebar and a live block tick the same agreement", async () => {
    const { app } = await loadFixture();
    const root = await openFollowUps(app);
    const block = await renderCodeBlock(app, "one-on-ones", "agreements: [[Anya Petrova]]", ANYA);
    checkbox(root, "shares the RFC draft").click();
    checkbox(block.el, "shares the RFC draft").click();
    await settle(app);
    expect(read(app, MEETING)).toBe(meetingWith((t) => t.replace(RFC, `${ticked(RFC)} ✅ 2026-11-21`)));
    expect(notices(app)).toEqual([GONE_NOTICE]);
    await block.unload();
  });
});

describe("a write fails half-way", () => {
  /** The fixture's person note of Anya after Start 1:1, but with the queue still full. */
  const anyaSeenToday = (FIXTURE_VAULT[ANYA] as string)
    .replace("aliases: [Anya]", "aliases:\n  - Anya")
    .replace("last-seen: 2026-11-07", "last-seen: 2026-11-21")
    .replace("tags: [team/payments]", "tags:\n  - team/payments");

  it("keeps the queue when the new note cannot be written", async () => {
    const { app } = await loadFixture();
    const before = files(app);
    app.vault.failNextWrite(NEW_NOTE);
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Anya Petrova");
    await settle(app);
    expect(files(app)).toEqual(before);
    expect(notices(app)).toEqual([
      "Could not create the 1:1 note: EACCES: permission denied (simulated write failure). Nothing was changed.",
    ]);
  });

  it("keeps the queue, and says so, when it cannot be emptied after the note was written", async () => {
    const { app } = await loadFixture();
    app.vault.failNextWrite(ANYA);
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Anya Petrova");
    await settle(app);
    // The talking points are in the new note and still in the queue: nothing was lost.
    expect(read(app, NEW_NOTE)).toContain("- Ask how the conference talk went\n- Payments on-call rotation from January\n");
    expect(read(app, ANYA)).toBe(anyaSeenToday);
    expect(notices(app)).toEqual([
      "The 1:1 note was written, but the talking points could not be taken out of the queue of Anya Petrova (EACCES: permission denied (simulated write failure)). Remove them from \"Next 1:1\" there.",
    ]);
    expect(app.workspace.getActiveFile()?.path).toBe(NEW_NOTE);
  });

  it("says which carried agreements were not marked as forwarded", async () => {
    const { app } = await loadFixture({ data: { carryOver: "forward" } });
    app.vault.failNextWrite(MEETING);
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Anya Petrova");
    await settle(app);
    expect(read(app, NEW_NOTE)).toContain("shares the RFC draft (from [[2026-11-07]]) 📅 2026-11-28");
    expect(read(app, MEETING)).toBe(FIXTURE_VAULT[MEETING]);
    expect(notices(app)).toEqual([
      "2 carried agreement(s) could not be marked as forwarded in their notes; check them there, or two open copies remain.",
    ]);
  });

  it("tells the user when last seen cannot be written", async () => {
    const { app } = await loadFixture();
    const broken = (FIXTURE_VAULT[ANYA] as string).replace("aliases: [Anya]", "aliases: [Anya");
    app.vault.externalEdit(ANYA, broken);
    await flush(app);
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Anya Petrova");
    await settle(app);
    expect(files(app)[NEW_NOTE]).toBeDefined();
    // The queue was moved (a text edit); the broken properties were left alone.
    expect(read(app, ANYA)).toBe(broken.replace("- Ask how the conference talk went\n- Payments on-call rotation from January\n", ""));
    expect(notices(app)).toHaveLength(1);
    expect(notices(app)[0]).toMatch(/^Could not update the properties of "People\/Anya Petrova\.md": .*The note was not changed\.$/);
  });

  it("keeps a talking point that could not be added", async () => {
    const { app } = await loadFixture();
    const before = files(app);
    await runCommand(app, "add-talking-point");
    await activeSuggest(app).choose("Sam Okafor");
    app.vault.failNextWrite("People/Sam Okafor.md");
    const modal = activeModal(app);
    await fill(app, modal.contentEl.querySelector("input") as HTMLInputElement, "Ask about the marathon");
    await click(app, button(modal.contentEl, "Add"));
    await settle(app);
    expect(files(app)).toEqual(before);
    expect(notices(app)).toEqual([
      "Could not add the talking point for Sam Okafor (EACCES: permission denied (simulated write failure)). It was: Ask about the marathon",
    ]);
  });

  it("keeps the queue when Insert 1:1 agenda cannot empty it", async () => {
    const note = '---\ntype: one-on-one\nperson: "[[Anya Petrova]]"\ndate: 2026-11-21\n---\n';
    const { app } = await loadFixture({ extra: { [NEW_NOTE]: note } });
    await openFile(app, NEW_NOTE);
    activeEditor(app).setCursor({ line: 5, ch: 0 });
    app.vault.failNextWrite(ANYA);
    await runCommand(app, "insert-agenda");
    await settle(app);
    expect(activeEditor(app).getValue()).toContain("- Ask how the conference talk went");
    expect(read(app, ANYA)).toBe(FIXTURE_VAULT[ANYA]);
    expect(notices(app)).toEqual([
      "The agenda was inserted, but the talking points could not be taken out of the queue of Anya Petrova (EACCES: permission denied (simulated write failure)). Remove them from \"Next 1:1\" there.",
    ]);
  });

  it("leaves the agreement open, and says so, when a tick cannot be written", async () => {
    const { app } = await loadFixture();
    const root = await openFollowUps(app);
    app.vault.failNextWrite(MEETING);
    checkbox(root, "shares the RFC draft").click();
    await settle(app);
    expect(read(app, MEETING)).toBe(FIXTURE_VAULT[MEETING]);
    expect(checkbox(root, "shares the RFC draft").checked).toBe(false);
    expect(notices(app)).toEqual([
      'Could not change "1-1s/Anya Petrova/2026-11-07.md": EACCES: permission denied (simulated write failure). Nothing was written.',
    ]);
  });

  it("writes no log entry and keeps the queue when the running log cannot be written", async () => {
    const log = '---\ntype: one-on-one\nperson: "[[Anya Petrova]]"\n---\n## 2026-11-14\nTalked.\n';
    const { app } = await loadFixture({ data: { layout: "log" }, extra: { "1-1s/Anya Petrova.md": log } });
    const before = files(app);
    app.vault.failNextWrite("1-1s/Anya Petrova.md");
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Anya Petrova");
    await settle(app);
    expect(files(app)).toEqual(before);
    expect(notices(app)).toEqual([
      "Could not create the 1:1 note: EACCES: permission denied (simulated write failure). Nothing was changed.",
    ]);
  });

  it("tells the user when a log entry cannot be marked skipped", async () => {
    const log = '---\ntype: one-on-one\nperson: "[[Sam Okafor]]"\n---\n## 2026-11-20\nRained out.\n';
    const { app } = await loadFixture({ extra: { "1-1s/Sam.md": log } });
    await openFile(app, "1-1s/Sam.md");
    activeEditor(app).setCursor({ line: 5, ch: 0 });
    app.vault.failNextWrite("1-1s/Sam.md");
    await runCommand(app, "mark-skipped");
    await settle(app);
    expect(read(app, "1-1s/Sam.md")).toBe(log);
    expect(notices(app)).toEqual(['Could not change "1-1s/Sam.md": EACCES: permission denied (simulated write failure). Nothing was written.']);
  });
});

describe("a note is deleted or renamed while a modal is open", () => {
  async function typeTalkingPoint(app: App, person: string, change: () => Promise<void>): Promise<void> {
    await runCommand(app, "add-talking-point");
    await activeSuggest(app).choose(person);
    const modal = activeModal(app);
    await fill(app, modal.contentEl.querySelector("input") as HTMLInputElement, "Ask about the marathon");
    await change();
    await click(app, button(modal.contentEl, "Add"));
    await settle(app);
  }

  it("adds the talking point to the person note renamed meanwhile", async () => {
    const { app } = await loadFixture();
    await typeTalkingPoint(app, "Sam Okafor", () => app.fileManager.renameFile(app.vault.getFileByPath("People/Sam Okafor.md") as never, "People/Sam O.md"));
    expect(read(app, "People/Sam O.md")).toBe(`${FIXTURE_VAULT["People/Sam Okafor.md"] as string}\n## Next 1:1\n- Ask about the marathon\n`);
    expect(notices(app)).toEqual(["Added to the next 1:1 with Sam Okafor."]);
  });

  it("keeps the talking point in a notice when the person note was deleted meanwhile", async () => {
    const { app } = await loadFixture();
    await typeTalkingPoint(app, "Sam Okafor", async () => {
      app.vault.externalDelete("People/Sam Okafor.md");
      await flush(app);
    });
    expect(files(app)["People/Sam Okafor.md"]).toBeUndefined();
    expect(notices(app)).toEqual(["The note of Sam Okafor was moved or deleted; the talking point was not added. It was: Ask about the marathon"]);
  });

  it("does not type an agreement into a note deleted meanwhile, and keeps its text in a notice", async () => {
    const { app } = await loadFixture();
    await openFile(app, MEETING);
    activeEditor(app).setCursor({ line: 10, ch: 0 });
    const before = files(app);
    await runCommand(app, "add-agreement");
    const modal = activeModal(app);
    const [textInput, dueInput] = Array.from(modal.contentEl.querySelectorAll("input"));
    await fill(app, textInput as HTMLInputElement, "send the numbers");
    await fill(app, dueInput as HTMLInputElement, "2026-11-27");
    await app.vault.delete(app.vault.getFileByPath(MEETING) as never);
    await flush(app);
    await click(app, button(modal.contentEl, "Add"));
    await settle(app);
    const { [MEETING]: _gone, ...rest } = before;
    expect(files(app)).toEqual(rest);
    expect(notices(app)).toEqual([
      "The note was deleted meanwhile; the agreement was not added. It was: - [ ] @me send the numbers 📅 2026-11-27",
    ]);
  });

  it("adds the agreement to a note renamed meanwhile", async () => {
    const { app } = await loadFixture();
    await openFile(app, MEETING);
    activeEditor(app).setCursor({ line: 10, ch: 0 });
    await runCommand(app, "add-agreement");
    const modal = activeModal(app);
    await fill(app, modal.contentEl.querySelector("input") as HTMLInputElement, "send the numbers");
    await app.fileManager.renameFile(app.vault.getFileByPath(MEETING) as never, "1-1s/Anya Petrova/kickoff.md");
    await click(app, button(modal.contentEl, "Add"));
    await settle(app);
    expect(read(app, "1-1s/Anya Petrova/kickoff.md")).toBe(
      meetingWith((t) => t.replace("✅ 2026-11-10\n", "✅ 2026-11-10\n- [ ] @me send the numbers 📅 2026-11-28\n")),
    );
  });

  it("starts no 1:1 and writes nothing for a person note deleted while the picker is open", async () => {
    const { app } = await loadFixture();
    await runCommand(app, "start-one-on-one");
    const picker = activeSuggest(app);
    app.vault.externalDelete(ANYA);
    await flush(app);
    const before = files(app);
    await picker.choose("Anya Petrova");
    await settle(app);
    expect(files(app)).toEqual(before);
    expect(notices(app)).toEqual(["The note of Anya Petrova was moved or deleted; no 1:1 was started."]);
  });

  it("sets no last seen for a person note deleted while the picker is open, and says so", async () => {
    const { app } = await loadFixture();
    await runCommand(app, "mark-seen-today");
    const picker = activeSuggest(app);
    app.vault.externalDelete("People/Sam Okafor.md");
    await flush(app);
    const before = files(app);
    await picker.choose("Sam Okafor");
    await settle(app);
    expect(files(app)).toEqual(before);
    expect(notices(app)).toEqual(["The note of Sam Okafor was moved or deleted; last seen was not set."]);
  });

  it("creates no person over a note that appeared while New person was open", async () => {
    const { app } = await loadFixture();
    await runCommand(app, "new-person");
    const modal = activeModal(app);
    await fill(app, modal.contentEl.querySelector("input") as HTMLInputElement, "Lea Brandt");
    app.vault.externalEdit("People/Lea Brandt.md", "Written on another device.\n");
    await flush(app);
    await click(app, button(modal.contentEl, "Create"));
    await settle(app);
    expect(read(app, "People/Lea Brandt.md")).toBe("Written on another device.\n");
    expect(notices(app)).toEqual(["Lea Brandt exists already; the note was opened."]);
  });
});

describe("broken YAML in the properties", () => {
  const broken = "---\ntype: one-on-one\nperson: \"[[Anya Petrova]]\ndate: 2026-11-14\n---\n## Agreements\n- [ ] @me check the budget 📅 2026-11-30\n";

  it("marks nothing skipped and says so", async () => {
    const { app } = await loadFixture({ extra: { "1-1s/Anya Petrova/2026-11-14.md": broken } });
    await openFile(app, "1-1s/Anya Petrova/2026-11-14.md");
    const before = files(app);
    await runCommand(app, "mark-skipped");
    await settle(app);
    expect(files(app)).toEqual(before);
    expect(notices(app)).toEqual([
      'Could not update the properties of "1-1s/Anya Petrova/2026-11-14.md": Missing closing "quote at line 4, column 1. The note was not changed.',
    ]);
    expect(takeErrors(app)).toEqual([]);
  });

  it("still lists its agreements and ticks them byte for byte", async () => {
    const { app } = await loadFixture({ extra: { "1-1s/Anya Petrova/2026-11-14.md": broken } });
    const root = await openFollowUps(app);
    checkbox(root, "check the budget").click();
    await settle(app);
    expect(read(app, "1-1s/Anya Petrova/2026-11-14.md")).toBe(broken.replace("- [ ] @me check the budget 📅 2026-11-30", "- [x] @me check the budget 📅 2026-11-30 ✅ 2026-11-21"));
  });
});

describe("today's note exists already", () => {
  it("is opened, not overwritten, when it appeared after the picker was opened", async () => {
    const { app } = await loadFixture();
    await runCommand(app, "start-one-on-one");
    const picker = activeSuggest(app);
    const mine = "Written on my phone a minute ago.\n";
    app.vault.externalEdit(NEW_NOTE, mine);
    await flush(app);
    const before = files(app);
    await picker.choose("Anya Petrova");
    await settle(app);
    expect(files(app)).toEqual(before);
    expect(app.workspace.getActiveFile()?.path).toBe(NEW_NOTE);
    expect(notices(app)).toEqual(["The 1:1 with Anya Petrova on 2026-11-21 exists already; it was opened."]);
  });

  it("is never overwritten when it appears on disk just before the write", async () => {
    const { app } = await loadFixture();
    await runCommand(app, "start-one-on-one");
    const picker = activeSuggest(app);
    const mine = "Synced in at the last moment.\n";
    app.vault.externalEdit(NEW_NOTE, mine);
    await picker.choose("Anya Petrova");
    await settle(app);
    expect(read(app, NEW_NOTE)).toBe(mine);
    expect(read(app, ANYA)).toBe(FIXTURE_VAULT[ANYA]);
    expect(notices(app)).toHaveLength(1);
  });
});

describe("a person note renamed", () => {
  it("takes links, the views and the next 1:1 along", async () => {
    const { app, plugin } = await loadFixture();
    const root = await openFollowUps(app);
    await app.fileManager.renameFile(app.vault.getFileByPath(ANYA) as never, "People/Anya Smith.md");
    await settle(app);
    expect(read(app, MEETING)).toBe(meetingWith((t) => t.replace('person: "[[Anya Petrova]]"', 'person: "[[Anya Smith]]"').replace("- [ ] [[Anya Petrova]]", "- [ ] [[Anya Smith]]")));
    expect(plugin.index.findPerson("Anya Smith")?.openAgreements).toBe(2);
    expect(plugin.index.findPerson("Anya Petrova")).toBeNull();
    expect(root.textContent).toContain("Anya Smith");
    expect(root.textContent).not.toContain("Anya Petrova");
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Anya Smith");
    await settle(app);
    expect(read(app, "1-1s/Anya Smith/2026-11-21 Anya Smith.md")).toMatch(/^---\ntype: one-on-one\nperson: "\[\[Anya Smith\]\]"\ndate: 2026-11-21\n---\n/);
    expect(read(app, "1-1s/Anya Smith/2026-11-21 Anya Smith.md")).toContain("agreements: [[Anya Smith]]");
    // Not the first meeting: the one of 2026-11-07 moved along with the name.
    expect(read(app, "1-1s/Anya Smith/2026-11-21 Anya Smith.md")).not.toContain("About these 1:1s");
  });
});

// Whether big inputs are handled right, not how fast (that is for `npm run bench`): room enough
// for a busy machine running several test files at once.
describe("big notes and vaults", { timeout: 30_000 }, () => {
  it("reads and ticks an agreement at the end of a 10 MB note, every other byte kept", async () => {
    const line = "Notes from the offsite, written down at length so that nothing is forgotten. ✍️\r\n";
    const filler = line.repeat(Math.ceil((10 * 1024 * 1024) / line.length));
    const huge = `---\r\ntype: one-on-one\r\nperson: "[[Anya Petrova]]"\r\ndate: 2026-10-01\r\n---\r\n${filler}- [ ] @me write the offsite summary 📅 2026-11-25 #offsite ^sum  \r\n`;
    const path = "1-1s/Anya Petrova/2026-10-01.md";
    const { app, plugin } = await loadFixture({ extra: { [path]: huge } });
    expect(plugin.index.agreementsWith(ANYA).map((a) => a.text)).toContain("write the offsite summary");
    const root = await openFollowUps(app);
    checkbox(root, "write the offsite summary").click();
    await settle(app);
    const after = read(app, path);
    const expected = huge.replace("- [ ] @me write the offsite summary 📅 2026-11-25 #offsite ^sum  \r\n", "- [x] @me write the offsite summary 📅 2026-11-25 ✅ 2026-11-21 #offsite ^sum  \r\n");
    expect(after.length).toBe(expected.length);
    expect(after === expected).toBe(true);
    expect(notices(app)).toEqual([]);
  }, HEAVY_MS);

  it("lists 10,000 tasks of one note a page at a time and ticks exactly one", async () => {
    const tasks = Array.from({ length: 10_000 }, (_, i) => `- [ ] @me task ${String(i).padStart(5, "0")} 📅 2026-12-${String((i % 28) + 1).padStart(2, "0")}`);
    const note = `---\ntype: one-on-one\nperson: "[[Anya Petrova]]"\ndate: 2026-10-02\n---\n${tasks.join("\n")}\n`;
    const path = "1-1s/Anya Petrova/2026-10-02.md";
    const { app, plugin } = await loadFixture({ extra: { [path]: note } });
    expect(plugin.index.agreements()).toHaveLength(10_002);
    const root = await openFollowUps(app);
    expect(root.querySelectorAll("input[type=checkbox]").length).toBeLessThanOrEqual(1000);
    checkbox(root, "task 00028").click();
    await settle(app);
    expect(read(app, path)).toBe(note.replace("- [ ] @me task 00028 📅 2026-12-01", "- [x] @me task 00028 📅 2026-12-01 ✅ 2026-11-21"));
    expect(plugin.index.agreements()).toHaveLength(10_001);
  }, HEAVY_MS);

  it("holds 5,000 people: index, picker, People table, Follow-ups and status bar", async () => {
    // Every 100th person is a report (weekly, overdue); the others have no cadence. The People
    // table opens filtered, as the user left it: rendering 5,000 rows is a matter for benchmarks.
    const people: Record<string, string> = {};
    for (let i = 0; i < 5000; i++) {
      const relationship = i % 100 === 0 ? "report" : "other";
      people[`People/Group ${i % 50}/Person ${String(i).padStart(4, "0")}.md`] =
        `---\ntype: person\nrelationship: ${relationship}\nlast-seen: 2026-${String((i % 11) + 1).padStart(2, "0")}-15\n---\n`;
    }
    const peopleQuery = { sort: { column: "name", direction: "ascending" }, nameOrder: "first", text: "Person 490", group: "all", tag: null, showArchived: false };
    const { app, plugin } = await loadFixture({ extra: people, data: { peopleQuery } });
    const before = files(app);
    expect(plugin.index.people()).toHaveLength(5003);
    await runCommand(app, "start-one-on-one");
    expect(await activeSuggest(app).query("Person 4900")).toEqual(["Person 4900\nReport · last seen 5 months ago · 152 days overdue"]);
    await activeSuggest(app).escape();
    expect(await runCommand(app, "open-people")).toBe(true);
    const table = contentOf(app, VIEW_TYPE_PEOPLE);
    const names = Array.from(table.querySelectorAll("tbody tr"), (row) => row.querySelector("button")?.textContent?.trim());
    // 0490, 1490, 2490, 3490, 4490 and 4900 to 4909.
    expect(names).toHaveLength(15);
    expect(names.slice(0, 2)).toEqual(["Person 0490", "Person 1490"]);
    const root = await openFollowUps(app);
    // 50 reports and the fixture's two overdue people.
    expect(root.querySelectorAll(".ooo-person-due")).toHaveLength(52);
    const status = statusBarItems(app).find((el) => el.classList.contains("ooo-status-bar"));
    expect(status?.textContent).toBe("1 agreement overdue · 52 people due");
    expect(files(app)).toEqual(before);
    expect(notices(app)).toEqual([]);
  }, HEAVY_MS);
});

describe("files that are not notes", () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).buffer;
  const others: Record<string, string | ArrayBuffer> = {
    "People/anya.png": png,
    "People/contacts.csv": "name,email\nAnya Petrova,anya@example.com\n",
    "People/People.base": "filters:\n  and:\n    - file.inFolder(\"People\")\n",
    "People/Sam Okafor.canvas": '{"nodes":[],"edges":[]}',
    "1-1s/Anya Petrova/recording.m4a": png,
    "1-1s/Anya Petrova/2026-11-21.pdf": png,
    "1-1s/Anya Petrova/2026-11-14.txt": "- [ ] @me not an agreement in a text file 📅 2026-11-01\n",
  };

  it("are neither people nor 1:1s, are never written, and do not disturb a 1:1", async () => {
    const { app, plugin } = await loadFixture({ extra: others as Record<string, string> });
    const before = files(app);
    expect(plugin.index.people().map((p) => p.name)).toEqual(["Anya Petrova", "Sam Okafor", "Анна Иванова"]);
    expect(plugin.index.agreements().map((a) => a.text)).toEqual(["intro Anya to the platform lead", "shares the RFC draft"]);
    await openFollowUps(app);
    await runCommand(app, "open-people");
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Anya Petrova");
    await settle(app);
    expect(changedPaths(before, files(app))).toEqual([NEW_NOTE, ANYA].sort());
    for (const path of Object.keys(others)) expect(read(app, path)).toBe(before[path]);
    // Renamed and deleted, they leave the index as it was.
    await app.fileManager.renameFile(app.vault.getFileByPath("People/anya.png") as never, "People/Anya Petrova.png");
    await app.vault.delete(app.vault.getFileByPath("People/contacts.csv") as never);
    await settle(app);
    expect(plugin.index.people()).toHaveLength(3);
    expect(notices(app)).toEqual([]);
  });

  it("says so when a folder stands where today's note would go", async () => {
    const { app } = await loadFixture({ extra: { [`${NEW_NOTE}/inside.txt`]: "a folder named like a note" } });
    const before = files(app);
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Anya Petrova");
    await settle(app);
    expect(files(app)).toEqual(before);
    expect(notices(app)).toEqual([`"${NEW_NOTE}" is taken by a folder or a file of another kind; no 1:1 was started.`]);
  });

  it("says so when a file stands where the person's 1:1 folder would go", async () => {
    const { app } = await loadFixture({ extra: { "1-1s/Sam Okafor": "a file without extension" } });
    const before = files(app);
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Sam Okafor");
    await settle(app);
    expect(files(app)).toEqual(before);
    expect(notices(app)).toEqual(['Could not create the 1:1 note: "1-1s/Sam Okafor" is a file, so no folder can be created there. Nothing was changed.']);
  });
});
