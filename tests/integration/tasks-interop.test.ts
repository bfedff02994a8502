import { afterEach, describe, expect, it, vi } from "vitest";
import { VIEW_TYPE_FOLLOW_UPS } from "../../src/constants";
import { activeEditor, activeModal, button, click, fill, flush, openFile, read, runCommand, viewsOfType, type App } from "../fakes/harness";
import { loadFixture } from "./setup";

// One-on-Ones next to the Tasks plugin: which checkboxes are open agreements, and what new ones
// look like, follow Tasks' own settings when it is enabled, and Tasks' defaults otherwise.

const NOTE = "1-1s/Anya Petrova/2026-11-14.md";
const FRONT = '---\ntype: one-on-one\nperson: "[[Anya Petrova]]"\ndate: 2026-11-14\n---\n## Agreements\n';

afterEach(() => {
  vi.useRealTimers();
});

/** The Tasks plugin as Obsidian holds it: its settings are what it saved (`loadData`), not a property. */
function tasksPlugin(saved: () => unknown): object {
  return { loadData: () => Promise.resolve(saved()) };
}

function enableTasks(saved: () => unknown): (app: App) => void {
  return (app) => app.plugins.pretendEnabled("obsidian-tasks-plugin", tasksPlugin(saved));
}

/** The open agreements the Follow-ups view lists, by text. */
async function followUps(app: App): Promise<string[]> {
  expect(await runCommand(app, "open-follow-ups")).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 120));
  await flush(app);
  const root = viewsOfType(app, VIEW_TYPE_FOLLOW_UPS)[0]?.containerEl.querySelector<HTMLElement>(".view-content");
  if (!root) throw new Error("no Follow-ups view");
  return Array.from(root.querySelectorAll<HTMLInputElement>("input[type=checkbox]"))
    .map((box) => box.getAttribute("aria-label") ?? "")
    .filter((label) => label.startsWith("Done: "))
    .map((label) => label.slice("Done: ".length))
    .filter((text) => text.startsWith("s-"))
    .sort();
}

const STATUSES = [" ", "/", "!", "?", "h", "x", "X", "-", ">"];
const statusNote = FRONT + STATUSES.map((s, i) => `- [${s}] @me s-${i} status '${s}'\n`).join("");
const listed = (...statuses: string[]) => statuses.map((s) => `s-${STATUSES.indexOf(s)} status '${s}'`).sort();

describe("statuses, as Tasks reads them", () => {
  it("without Tasks: Tasks' defaults, so a symbol Tasks does not know is open", async () => {
    const { app } = await loadFixture({ extra: { [NOTE]: statusNote } });
    expect(await followUps(app)).toEqual(listed(" ", "/", "!", "?", "h"));
  });

  it("with Tasks: the types its status settings give, and to do for a symbol they do not name", async () => {
    const saved = {
      statusSettings: {
        coreStatuses: [
          { symbol: " ", name: "Todo", nextStatusSymbol: "x", availableAsCommand: true, type: "TODO" },
          { symbol: "x", name: "Done", nextStatusSymbol: " ", availableAsCommand: true, type: "DONE" },
        ],
        customStatuses: [
          { symbol: "/", name: "In Progress", nextStatusSymbol: "x", availableAsCommand: true, type: "IN_PROGRESS" },
          { symbol: "!", name: "Important", nextStatusSymbol: "x", availableAsCommand: true, type: "DONE" },
          { symbol: "?", name: "Question", nextStatusSymbol: " ", availableAsCommand: true, type: "NON_TASK" },
          { symbol: "h", name: "On hold", nextStatusSymbol: " ", availableAsCommand: true, type: "ON_HOLD" },
        ],
      },
    };
    const { app } = await loadFixture({ extra: { [NOTE]: statusNote }, before: enableTasks(() => saved) });
    // `-` is not among these settings: Tasks reads it as to do, and so does One-on-Ones.
    expect(await followUps(app)).toEqual(listed(" ", "/", "h", "-"));
  });

  it("reads Tasks' settings again, and lists what they make open", async () => {
    let saved: unknown = {};
    const { app, plugin } = await loadFixture({ extra: { [NOTE]: statusNote }, before: enableTasks(() => saved) });
    expect(await followUps(app)).toEqual(listed(" ", "/", "!", "?", "h"));
    saved = { statusSettings: { coreStatuses: [{ symbol: " ", type: "TODO" }, { symbol: "x", type: "DONE" }], customStatuses: [{ symbol: "!", type: "CANCELLED" }] } };
    await plugin.rereadTasksConventions();
    expect(await followUps(app)).toEqual(listed(" ", "/", "?", "h", "-"));
  });

  it("takes settings it cannot read for Tasks' defaults", async () => {
    const broken = { statusSettings: { coreStatuses: "no", customStatuses: [null, 3, { symbol: "??", type: "DONE" }] }, globalFilter: 7 };
    const { app } = await loadFixture({ extra: { [NOTE]: statusNote }, before: enableTasks(() => broken) });
    expect(await followUps(app)).toEqual(listed(" ", "/", "!", "?", "h"));
    const failing = await loadFixture({
      extra: { [NOTE]: statusNote },
      before: (a) => a.plugins.pretendEnabled("obsidian-tasks-plugin", { loadData: () => Promise.reject(new Error("unreadable")) }),
    });
    expect(await followUps(failing.app)).toEqual(listed(" ", "/", "!", "?", "h"));
  });
});

describe("Tasks' global filter", () => {
  const filterNote = `${FRONT}- [ ] @me s-1 with #task the filter\n- [ ] @me s-2 without the filter\n`;

  it("makes only checkboxes with the filter agreements, as they are Tasks' tasks", async () => {
    const { app } = await loadFixture({ extra: { [NOTE]: filterNote }, before: enableTasks(() => ({ globalFilter: "#task" })) });
    expect(await followUps(app)).toEqual(["s-1 with #task the filter"]);
  });

  it("is written on new agreements, so that Tasks reads them", async () => {
    const { app } = await loadFixture({ extra: { [NOTE]: FRONT }, before: enableTasks(() => ({ globalFilter: "#task" })) });
    await openFile(app, NOTE);
    activeEditor(app).setCursor({ line: 6, ch: 0 });
    await runCommand(app, "add-agreement");
    const modal = activeModal(app);
    const [textInput, dueInput] = Array.from(modal.contentEl.querySelectorAll("input"));
    await fill(app, textInput as HTMLInputElement, "s-3 review the RFC");
    await fill(app, dueInput as HTMLInputElement, "2026-11-25");
    await click(app, button(modal.contentEl, "Add"));
    expect(read(app, NOTE)).toBe(`${FRONT}- [ ] @me s-3 review the RFC #task 📅 2026-11-25`);
    expect(await followUps(app)).toEqual(["s-3 review the RFC"]);
  });

  it("is none without Tasks", async () => {
    const { app } = await loadFixture({ extra: { [NOTE]: filterNote } });
    expect(await followUps(app)).toEqual(["s-1 with #task the filter", "s-2 without the filter"]);
  });
});

describe("done dates in the chosen format", () => {
  it("a line without dates of its own gets Dataview's done date when Dataview's format is chosen", async () => {
    const { app } = await loadFixture({ data: { dueDateSyntax: "dataview" }, extra: { [NOTE]: `${FRONT}- [ ] @me s-1 book the room\n` } });
    expect(await followUps(app)).toEqual(["s-1 book the room"]);
    const root = viewsOfType(app, VIEW_TYPE_FOLLOW_UPS)[0]?.containerEl.querySelector<HTMLElement>('input[aria-label="Done: s-1 book the room"]');
    if (!root) throw new Error("no checkbox");
    root.click();
    await new Promise((resolve) => setTimeout(resolve, 120));
    await flush(app);
    expect(read(app, NOTE)).toBe(`${FRONT}- [x] @me s-1 book the room [completion:: 2026-11-21]\n`);
  });
});
