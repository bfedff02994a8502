import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import OneOnOnesPlugin from "../../src/main";
import { readVaultDir } from "../builders/vault";
import { VIEW_TYPE_FOLLOW_UPS, VIEW_TYPE_PEOPLE } from "../../src/constants";
import { statusBarItems, viewsOfType } from "../fakes/harness";
import { activeEditor, activeModal, activeSuggest, button, click, createTestApp, fill, files, loadPlugin, notices, openFile, read, runCommand } from "../fakes/harness";
import { CREATED, TODAY } from "./setup";

const DEMO = readVaultDir(join(__dirname, "..", "..", "demo-vault"));

afterEach(() => {
  vi.useRealTimers();
});

async function loadDemo() {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(TODAY);
  const { app } = createTestApp({ files: DEMO, ctime: CREATED });
  const plugin = await loadPlugin(OneOnOnesPlugin, app);
  await plugin.whenReady();
  return { app, plugin };
}

describe("the demo vault", () => {
  it("is read as its author meant", async () => {
    const { plugin, app } = await loadDemo();
    const people = plugin.index.people();
    expect(people.length).toBeGreaterThanOrEqual(8);
    expect(people.every((p) => p.problems.length === 0)).toBe(true);
    const status = Object.fromEntries(people.map((p) => [p.name, p.due.status]));
    expect(status).toMatchObject({
      "José Álvarez": "overdue",
      "Ingrid Solberg": "overdue",
      "Kwame Mensah": "overdue",
      "李伟": "due-soon",
      "Priya Raman": "archived",
      "Tomás Ferreira": "snoozed",
      "Anya Petrova": "ok",
    });
    expect(plugin.index.logOf("People/Grace Mwangi.md")).toBe("1-1s/Grace Mwangi.md");
    const agreements = plugin.index.agreements();
    expect(agreements.filter((a) => a.due !== null && a.due < "2026-11-21").length).toBeGreaterThanOrEqual(5);
    expect(agreements.every((a) => a.personPath !== null)).toBe(true);
    expect(notices(app)).toEqual([]);
  });

  it("shows every open agreement in Follow-ups and every person in People", async () => {
    const { app, plugin } = await loadDemo();
    await runCommand(app, "open-follow-ups");
    await runCommand(app, "open-people");
    const content = (type: string) => viewsOfType(app, type)[0]?.containerEl.querySelector(".view-content") as HTMLElement;
    const boxes = content(VIEW_TYPE_FOLLOW_UPS).querySelectorAll('input[type=checkbox][aria-label^="Done: "]');
    expect(boxes.length).toBe(plugin.index.agreements().length);
    const rows = content(VIEW_TYPE_PEOPLE).querySelectorAll("tbody tr");
    expect(rows.length).toBe(plugin.index.people().filter((p) => !p.person.archived).length);
    const status = statusBarItems(app).find((el) => el.classList.contains("ooo-status-bar"));
    expect(status?.textContent).toMatch(/^\d+ agreements? overdue · \d+ people due$/);
  });

  it("gives the first meeting's agenda to no one already met: Ingrid and Marcus have a last seen", async () => {
    const { app } = await loadDemo();
    for (const name of ["Ingrid Solberg", "Marcus Bennett"]) {
      await runCommand(app, "start-one-on-one");
      await activeSuggest(app).choose(name);
      const note = read(app, `1-1s/${name}/2026-11-21 ${name}.md`);
      expect(note, name).toContain(`# 1:1 with ${name} — 2026-11-21\n`);
      expect(note, name).not.toContain("About these 1:1s");
    }
  });

  it("runs every command", async () => {
    const { app } = await loadDemo();

    await runCommand(app, "start-one-on-one");
    const picker = activeSuggest(app);
    expect(picker.suggestions()[0]?.split("\n")[0]).toBe("Kwame Mensah"); // the most overdue
    await picker.choose("José Álvarez");
    const note = read(app, "1-1s/José Álvarez/2026-11-21 José Álvarez.md");
    expect(note).toContain('person: "[[José Álvarez]]"');
    expect(note).toContain("agreements: [[José Álvarez]]");

    await runCommand(app, "add-agreement");
    const modal = activeModal(app);
    await fill(app, modal.contentEl.querySelectorAll("input")[0] as HTMLInputElement, "share the failover runbook draft");
    await click(app, button(modal.contentEl, "Add"));
    expect(activeEditor(app).getValue()).toContain("- [ ] @me share the failover runbook draft 📅 2026-11-28");

    await runCommand(app, "insert-question");
    await activeSuggest(app).choose(0);
    await runCommand(app, "mark-skipped");
    expect(read(app, "1-1s/José Álvarez/2026-11-21 José Álvarez.md")).toContain("status: skipped");

    await openFile(app, "1-1s/Grace Mwangi.md");
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    expect(await runCommand(app, "copy-shareable-summary")).toBe(true);
    expect(writeText).toHaveBeenCalledOnce();

    await runCommand(app, "mark-seen-today");
    expect(read(app, "People/Grace Mwangi.md")).toContain("last-seen: 2026-11-21");

    await runCommand(app, "add-talking-point");
    await activeSuggest(app).choose("Maya Cohen");
    const prompt = activeModal(app);
    await fill(app, prompt.contentEl.querySelector("input") as HTMLInputElement, "Ask about the new flat");
    await click(app, button(prompt.contentEl, "Add"));
    expect(read(app, "People/Maya Cohen.md")).toContain("- Ask about the new flat\n");

    await openFile(app, "People/Maya Cohen.md");
    await runCommand(app, "start-one-on-one-with-this-person");
    expect(read(app, "1-1s/Maya Cohen.md")).toMatch(/## 2026-11-21\n/);

    await runCommand(app, "new-person");
    const form = activeModal(app);
    await fill(app, form.contentEl.querySelector("input") as HTMLInputElement, "Ana Costa");
    await click(app, button(form.contentEl, "Create"));
    expect(files(app)["People/Ana Costa.md"]).toBeDefined();
    expect(notices(app).filter((n) => /could not|not found|nothing/i.test(n))).toEqual([]);
  });
});
