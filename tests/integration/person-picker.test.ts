import { afterEach, describe, expect, it, vi } from "vitest";
import { activeModal, activeSuggest, button, click, fill, files, notices, openFile, read, runCommand } from "../fakes/harness";
import { loadFixture } from "./setup";

afterEach(() => {
  vi.useRealTimers();
});

function personNote(properties: string[]): string {
  return ["---", "type: person", ...properties, "---", "", "## Next 1:1", ""].join("\n");
}

/** People whose names carry accents and letters of their own, and one who left the team. */
const PEOPLE = {
  // Weekly, last seen 2026-11-10: due 2026-11-17, 4 days overdue on 2026-11-21.
  "People/Zoë Ångström.md": personNote(["relationship: report", "cadence: weekly", "last-seen: 2026-11-10"]),
  "People/Łukasz Nowak.md": personNote(["relationship: peer", "cadence: none", "last-seen: 2026-11-01"]),
  "People/Jürgen Weber.md": personNote(["aliases: [Jogi]", "relationship: friend", "cadence: none"]),
  "People/Inês Costa.md": personNote(["relationship: mentee", "cadence: none", "last-seen: 2026-11-20"]),
  "People/Tomás Ferreira.md": personNote(["relationship: peer", "cadence: none", "last-seen: 2026-10-02"]),
  "People/Priya Raman.md": personNote(["relationship: report", "archived: true", "last-seen: 2026-06-01"]),
};

async function startPicker() {
  const loaded = await loadFixture({ extra: PEOPLE });
  expect(await runCommand(loaded.app, "start-one-on-one")).toBe(true);
  return { ...loaded, picker: activeSuggest(loaded.app) };
}

/** The names (titles, as read on one line) of the suggestions shown for `query`. */
async function titles(picker: ReturnType<typeof activeSuggest>, query: string): Promise<string[]> {
  await picker.query(query);
  return picker.modal.suggestionEls.map((el) => el.querySelector(".ooo-suggestion-title")?.textContent ?? "");
}

describe("Person pickers find people however their names are typed", () => {
  it.each([
    ["zoe", "Zoë Ångström"],
    ["angstrom", "Zoë Ångström"],
    ["lukasz", "Łukasz Nowak"],
    ["jurgen", "Jürgen Weber"],
    ["ines", "Inês Costa"],
    ["Tomas", "Tomás Ferreira"],
    ["jogi", "Jürgen Weber"],
    ["tf", "Tomás Ferreira"],
  ])("Start 1:1…: %s offers %s first", async (query, name) => {
    const { picker } = await startPicker();
    expect((await titles(picker, query))[0]).toBe(name);
  });

  it("highlights the letters that matched, as Obsidian's pickers do", async () => {
    const { picker } = await startPicker();
    await picker.query("zoe ang");
    const marks = Array.from(picker.modal.suggestionEls[0]?.querySelectorAll(".suggestion-highlight") ?? []).map((el) => el.textContent);
    expect(marks).toEqual(["Zoë", "Ång"]);
  });

  it("finds archived people after the others, marked so, and leaves them out of the full list", async () => {
    const { picker } = await startPicker();
    expect(await titles(picker, "")).not.toContain("Priya Raman");
    expect(await picker.query("priya")).toEqual(["Priya Raman\nReport · last seen 5 months ago · archived", "Add new person: priya"]);
    expect(picker.modal.suggestionEls[0]?.classList.contains("is-archived")).toBe(true);
    // "ra": Anya Petrova (spread), Анна… no; the archived Priya Raman comes after every other find.
    const found = await titles(picker, "ra");
    expect(found.at(-2)).toBe("Priya Raman");
    expect(found.at(-1)).toBe("Add new person: ra");
  });

  it("starts the 1:1 with an archived person who is chosen", async () => {
    const { app, picker } = await startPicker();
    await picker.query("priya");
    await picker.choose("Priya Raman");
    await vi.waitFor(() => expect(files(app)["1-1s/Priya Raman/2026-11-21 Priya Raman.md"]).toBeDefined(), { timeout: 2000 });
  });

  it("offers the existing person, not a new one, for a name written like theirs", async () => {
    const { app, picker } = await startPicker();
    for (const typed of ["Zoe Angstrom", "zoe-angstrom", "ZOË ÅNGSTRÖM", "Lukasz Nowak", "Jogi"]) {
      const shown = await titles(picker, typed);
      expect(shown[0]).not.toMatch(/^Add new person/);
      expect(shown.filter((title) => title.startsWith("Add new person"))).toEqual([]);
    }
    expect((await titles(picker, "Zoe Angstrom"))[0]).toBe("Zoë Ångström");
    const before = Object.keys(files(app));
    await picker.enter();
    await vi.waitFor(() => expect(files(app)["1-1s/Zoë Ångström/2026-11-21 Zoë Ångström.md"]).toBeDefined(), { timeout: 2000 });
    expect(Object.keys(files(app)).filter((path) => !before.includes(path))).toEqual(["1-1s/Zoë Ångström/2026-11-21 Zoë Ångström.md"]);
  });

  it("says what each person's status is in words, once", async () => {
    const { picker } = await startPicker();
    expect(await picker.query("zoe")).toEqual(["Zoë Ångström\nReport · last seen 11 days ago · 4 days overdue", "Add new person: zoe"]);
    expect(await picker.query("jurgen")).toEqual(["Jürgen Weber\nFriend · never seen", "Add new person: jurgen"]);
    expect(await picker.query("jogi")).toEqual(["Jürgen Weber\nAlso called Jogi · friend · never seen"]);
    // Анна Иванова: monthly, last seen 2026-09-30, so due 2026-10-30.
    expect((await picker.query("анна"))[0]).toBe("Анна Иванова\nPeer · last seen 7 weeks ago · 22 days overdue");
  });

  it.each([
    ["mark-seen-today", "Mark as seen today…"],
    ["add-talking-point", "Add a talking point for…"],
  ])("%s: finds people the same way, and offers nobody new", async (command, placeholder) => {
    const { app } = await loadFixture({ extra: PEOPLE });
    await openFile(app, "Daily/2026-11-19.md");
    expect(await runCommand(app, command)).toBe(true);
    const picker = activeSuggest(app);
    expect(picker.modal.inputEl.placeholder).toBe(placeholder);
    expect(await titles(picker, "lukasz")).toEqual(["Łukasz Nowak"]);
    expect(await titles(picker, "priya")).toEqual(["Priya Raman"]);
    expect(await titles(picker, "nobody at all")).toEqual([]);
  });
});

describe("New person… with a name written like someone's", () => {
  async function typeNewPerson(name: string) {
    const loaded = await loadFixture({ extra: PEOPLE });
    await runCommand(loaded.app, "new-person");
    const form = activeModal(loaded.app);
    const input = form.contentEl.querySelector("input");
    if (!input) throw new Error("no name field");
    await fill(loaded.app, input, name);
    await click(loaded.app, button(form.contentEl, "Create"));
    return loaded;
  }

  it("asks, and opens the existing person when they are the same", async () => {
    const { app } = await typeNewPerson("Zoe Angstrom");
    const before = files(app);
    const question = activeModal(app);
    expect(question.titleEl.textContent).toBe("Zoë Ångström exists already");
    await click(app, button(question.contentEl, "Open Zoë Ångström"));
    await vi.waitFor(() => expect(app.workspace.getActiveFile()?.path).toBe("People/Zoë Ångström.md"));
    expect(files(app)).toEqual(before);
  });

  it("creates the new person when asked to", async () => {
    const { app } = await typeNewPerson("Zoe Angstrom");
    await click(app, button(activeModal(app).contentEl, "Create Zoe Angstrom"));
    await vi.waitFor(() => expect(files(app)["People/Zoe Angstrom.md"]).toBeDefined());
    expect(read(app, "People/Zoë Ångström.md")).toBe(PEOPLE["People/Zoë Ångström.md"]);
    expect(notices(app)).toEqual([]);
  });

  it("creates nothing when the question is closed", async () => {
    const { app } = await typeNewPerson("lukasz nowak");
    const before = files(app);
    activeModal(app).close();
    await vi.waitFor(() => expect(app.openModals).toEqual([]));
    expect(files(app)).toEqual(before);
  });
});

describe("Add agreement: Find a person…", () => {
  async function agreementForm() {
    const loaded = await loadFixture({ extra: PEOPLE });
    await openFile(loaded.app, "1-1s/Anya Petrova/2026-11-07.md");
    await runCommand(loaded.app, "add-agreement");
    const form = activeModal(loaded.app);
    const select = form.contentEl.querySelector("select");
    if (!select) throw new Error("no owner dropdown");
    return { ...loaded, form, select };
  }

  it("offers the person picker after Me, the note's person and Unassigned", async () => {
    const { select } = await agreementForm();
    expect(Array.from(select.options, (o) => o.text).slice(0, 4)).toEqual(["Me", "Anya Petrova", "Unassigned", "Find a person…"]);
  });

  it("makes whoever is found the owner, archived people too", async () => {
    const { app, form, select } = await agreementForm();
    await fill(app, select, "find-a-person");
    const picker = activeSuggest(app);
    expect(picker.modal.inputEl.placeholder).toBe("Owner of the agreement…");
    await picker.query("priya");
    await picker.choose("Priya Raman");
    await vi.waitFor(() => expect(select.value).toBe("[[Priya Raman]]"));
    expect(select.selectedOptions[0]?.text).toBe("Priya Raman");
    const [text] = Array.from(form.contentEl.querySelectorAll("input"));
    await fill(app, text as HTMLInputElement, "hands over the refunds runbook");
    await click(app, button(form.contentEl, "Add"));
    expect(read(app, "1-1s/Anya Petrova/2026-11-07.md")).toContain("- [ ] [[Priya Raman]] hands over the refunds runbook 📅 2026-11-28");
  });

  it("keeps the owner chosen before when the picker is closed", async () => {
    const { app, select } = await agreementForm();
    await fill(app, select, "");
    await fill(app, select, "find-a-person");
    await activeSuggest(app).escape();
    await vi.waitFor(() => expect(app.openModals).toHaveLength(1));
    expect(select.value).toBe("");
  });
});
