import { afterEach, describe, expect, it, vi } from "vitest";
import { VIEW_TYPE_FOLLOW_UPS, VIEW_TYPE_PEOPLE } from "../../src/constants";
import OneOnOnesPlugin from "../../src/main";
import { activeModal, click, clickRibbon, createTestApp, files, fill, flush, loadPlugin, notices, read, runCommand, statusBarItems, viewsOfType } from "../fakes/harness";
import { FIXTURE_VAULT, loadFixture } from "./setup";

const MEETING = "1-1s/Anya Petrova/2026-11-07.md";

afterEach(() => {
  vi.useRealTimers();
});

async function openFollowUps(app: Awaited<ReturnType<typeof loadFixture>>["app"]): Promise<HTMLElement> {
  expect(await runCommand(app, "open-follow-ups")).toBe(true);
  return contentOf(app, VIEW_TYPE_FOLLOW_UPS);
}

/** The content element of the first view of a type, as an ItemView has it. */
function contentOf(app: Awaited<ReturnType<typeof loadFixture>>["app"], type: string): HTMLElement {
  const content = viewsOfType(app, type)[0]?.containerEl.querySelector<HTMLElement>(".view-content");
  if (!content) throw new Error(`No ${type} view is open.`);
  return content;
}

/** Waits until the debounced views have taken the index's last change. */
async function settle(app: Awaited<ReturnType<typeof loadFixture>>["app"]): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 120));
  await flush(app);
}

function agreementTexts(root: HTMLElement): string[] {
  return Array.from(root.querySelectorAll<HTMLInputElement>("input[type=checkbox]"))
    .map((box) => box.getAttribute("aria-label") ?? "")
    .filter((label) => label.startsWith("Done: "))
    .map((label) => label.slice("Done: ".length));
}

describe("Follow-ups", () => {
  it("opens in the right sidebar from the command and the ribbon, once", async () => {
    const { app } = await loadFixture();
    await openFollowUps(app);
    await clickRibbon(app, "Open follow-ups");
    expect(viewsOfType(app, VIEW_TYPE_FOLLOW_UPS)).toHaveLength(1);
    expect(app.workspace.getLeavesOfType(VIEW_TYPE_FOLLOW_UPS)[0]?.getRoot()).toBe(app.workspace.rightSplit);
  });

  it("shows the open agreements and the people due", async () => {
    const { app } = await loadFixture();
    const root = await openFollowUps(app);
    expect(agreementTexts(root)).toEqual(["intro Anya to the platform lead", "shares the RFC draft"]);
    expect(root.textContent).toContain("Overdue");
    expect(root.textContent).toContain("Анна Иванова");
  });

  it("ticks exactly one line of one note from the sidebar", async () => {
    const { app } = await loadFixture();
    const root = await openFollowUps(app);
    const before = files(app);
    const box = root.querySelector<HTMLInputElement>('input[aria-label="Done: shares the RFC draft"]');
    if (!box) throw new Error("no checkbox");
    box.click();
    await settle(app);
    const after = files(app);
    expect(Object.keys(after).filter((p) => after[p] !== before[p])).toEqual([MEETING]);
    expect(read(app, MEETING)).toBe(
      (FIXTURE_VAULT[MEETING] as string).replace(
        "- [ ] [[Anya Petrova]] shares the RFC draft 📅 2026-11-28",
        "- [x] [[Anya Petrova]] shares the RFC draft 📅 2026-11-28 ✅ 2026-11-21",
      ),
    );
    expect(agreementTexts(root)).toEqual(["intro Anya to the platform lead"]);
  });

  it("follows an edit, a rename and a deletion", async () => {
    const { app } = await loadFixture();
    const root = await openFollowUps(app);
    const file = app.vault.getFileByPath(MEETING);
    if (!file) throw new Error("missing");
    await app.vault.process(file, (text) => text.replace("shares the RFC draft", "shares the RFC final"));
    await settle(app);
    expect(agreementTexts(root)).toEqual(["intro Anya to the platform lead", "shares the RFC final"]);

    await app.fileManager.renameFile(file, "1-1s/Anya Petrova/2026-11-07 kickoff.md");
    await settle(app);
    expect(agreementTexts(root)).toHaveLength(2);

    const renamed = app.vault.getFileByPath("1-1s/Anya Petrova/2026-11-07 kickoff.md");
    if (!renamed) throw new Error("missing");
    await app.vault.delete(renamed);
    await settle(app);
    expect(agreementTexts(root)).toEqual([]);
  });

  it("opens a recurring agreement's note instead of ticking it when Tasks is not enabled", async () => {
    const recurring = "---\ntype: one-on-one\nperson: \"[[Anya Petrova]]\"\ndate: 2026-11-14\n---\n- [ ] @me review on-call 🔁 every week 📅 2026-11-24\n";
    const { app } = await loadFixture({ extra: { "1-1s/Anya Petrova/2026-11-14.md": recurring } });
    const root = await openFollowUps(app);
    (root.querySelector('input[aria-label="Done: review on-call"]') as HTMLElement).click();
    await settle(app);
    expect(read(app, "1-1s/Anya Petrova/2026-11-14.md")).toBe(recurring);
    expect(app.workspace.getActiveFile()?.path).toBe("1-1s/Anya Petrova/2026-11-14.md");
    expect(notices(app)).toContain("A recurring agreement is ticked off in its note, so that its next date is written.");
  });

  it("hands a recurring agreement to the Tasks plugin when it is enabled", async () => {
    const recurring = "---\ntype: one-on-one\nperson: \"[[Anya Petrova]]\"\ndate: 2026-11-14\n---\n- [ ] @me review on-call 🔁 every week 📅 2026-11-24\n";
    const { app } = await loadFixture({ extra: { "1-1s/Anya Petrova/2026-11-14.md": recurring } });
    const calls: [string, string][] = [];
    app.plugins.pretendEnabled("obsidian-tasks-plugin", {
      apiV1: {
        executeToggleTaskDoneCommand: (line: string, path: string) => {
          calls.push([line, path]);
          return `${line.replace("- [ ]", "- [x]")} ✅ 2026-11-21\n${line.replace("2026-11-24", "2026-12-01")}`;
        },
      },
    });
    const root = await openFollowUps(app);
    (root.querySelector('input[aria-label="Done: review on-call"]') as HTMLElement).click();
    await settle(app);
    expect(calls).toEqual([["- [ ] @me review on-call 🔁 every week 📅 2026-11-24", "1-1s/Anya Petrova/2026-11-14.md"]]);
    expect(read(app, "1-1s/Anya Petrova/2026-11-14.md")).toBe(
      recurring.replace(
        "- [ ] @me review on-call 🔁 every week 📅 2026-11-24\n",
        "- [x] @me review on-call 🔁 every week 📅 2026-11-24 ✅ 2026-11-21\n- [ ] @me review on-call 🔁 every week 📅 2026-12-01\n",
      ),
    );
  });

  it("starts a 1:1 and marks someone seen from People due", async () => {
    const { app } = await loadFixture();
    const root = await openFollowUps(app);
    const start = root.querySelector<HTMLElement>('button[aria-label="Start 1:1 with Анна Иванова"]');
    const seen = root.querySelector<HTMLElement>('button[aria-label="Mark Anya Petrova as seen today"]');
    if (!start || !seen) throw new Error(`buttons missing: ${root.innerHTML.length}`);
    await click(app, start);
    await settle(app);
    expect(files(app)["1-1s/Анна Иванова/2026-11-21 Анна Иванова.md"]).toBeDefined();
    await click(app, seen);
    await settle(app);
    expect(read(app, "People/Anya Petrova.md")).toContain("last-seen: 2026-11-21");
  });
});

describe("People", () => {
  it("opens in a tab, sorts and filters", async () => {
    const { app } = await loadFixture();
    expect(await runCommand(app, "open-people")).toBe(true);
    const content = contentOf(app, VIEW_TYPE_PEOPLE);
    const names = () => Array.from(content.querySelectorAll("tbody tr")).map((row) => row.querySelector("button")?.textContent?.trim());
    // Sorted by next due by default: the most overdue first.
    expect(names()).toEqual(["Анна Иванова", "Anya Petrova", "Sam Okafor"]);
    const nameHeader = Array.from(content.querySelectorAll<HTMLElement>("th button")).find((b) => b.textContent?.trim().startsWith("Name"));
    if (!nameHeader) throw new Error("no name header");
    await click(app, nameHeader);
    expect(names()).toEqual(["Anya Petrova", "Sam Okafor", "Анна Иванова"]);
    const filter = content.querySelector<HTMLInputElement>('input[placeholder="Filter people"]');
    await fill(app, filter as HTMLInputElement, "sam");
    expect(names()).toEqual(["Sam Okafor"]);

    // Export the visible rows into a new file of the vault.
    const exportCsv = Array.from(content.querySelectorAll<HTMLElement>("button")).find((b) => b.textContent === "Export CSV file");
    if (!exportCsv) throw new Error("no export button");
    await click(app, exportCsv);
    await settle(app);
    const exported = Object.keys(files(app)).find((path) => path.startsWith("People export"));
    expect(exported).toBe("People export 2026-11-21.csv");
    const csv = read(app, exported as string);
    expect(csv.split("\r\n").filter((line) => line !== "")).toHaveLength(2); // header and Sam
    expect(csv).toContain("Sam Okafor");
  });
});

describe("a vault with no people yet", () => {
  it("offers New person, Import contacts and Adopt existing notes in People and in Follow-ups, each opening its dialog", async () => {
    const { app } = createTestApp({ files: { "Welcome.md": "# Welcome\n", "Meetings/Standup.md": "Notes\n" } });
    const plugin = await loadPlugin(OneOnOnesPlugin, app);
    await plugin.whenReady();
    expect(await runCommand(app, "open-people")).toBe(true);
    const people = contentOf(app, VIEW_TYPE_PEOPLE);
    const followUps = await openFollowUps(app);
    for (const root of [people, followUps]) {
      for (const [button, title] of [
        ["New person", "New person"],
        ["Import contacts", "Import contacts"],
        ["Adopt existing notes", "Adopt existing notes"],
      ] as const) {
        const el = Array.from(root.querySelectorAll<HTMLButtonElement>(".ooo-get-started button")).find((b) => b.textContent?.trim() === button);
        if (!el) throw new Error(`no ${button} button`);
        await click(app, el);
        await settle(app);
        const modal = activeModal(app);
        expect(modal.titleEl.textContent).toBe(title);
        modal.close();
      }
    }
    expect(files(app)).toEqual({ "Welcome.md": "# Welcome\n", "Meetings/Standup.md": "Notes\n" });
  });
});

describe("status bar", () => {
  it("counts overdue agreements and people due, follows changes, and opens Follow-ups", async () => {
    const { app } = await loadFixture();
    const item = statusBarItems(app).find((el) => el.classList.contains("ooo-status-bar"));
    if (!item) throw new Error("no status bar item");
    // One agreement overdue (due 2026-11-18); Анна and Anya are overdue.
    expect(item.textContent).toBe("1 agreement overdue · 2 people due");
    const file = app.vault.getFileByPath(MEETING);
    if (!file) throw new Error("missing");
    await app.vault.process(file, (text) => text.replace("- [ ] @me intro", "- [x] @me intro"));
    await settle(app);
    expect(item.textContent).toBe("2 people due");
    await click(app, item);
    expect(viewsOfType(app, VIEW_TYPE_FOLLOW_UPS)).toHaveLength(1);
  });
});

describe("Create people base", () => {
  it("writes People.base once and never over an existing file", async () => {
    const { app } = await loadFixture();
    expect(await runCommand(app, "create-people-base")).toBe(true);
    const base = read(app, "People/People.base");
    expect(base).toContain('file.inFolder("People")');
    await runCommand(app, "create-people-base");
    expect(read(app, "People/People.base")).toBe(base);
    expect(notices(app)).toEqual(['"People/People.base" exists already; it was opened and not changed.']);
  });
});
