/**
 * Adopt existing notes, run on the field vaults (`../shared/field-vaults`, see its SOURCES.md):
 * what the scan finds in each, written down; what applying it writes; that the index then shows
 * the 1:1 notes with their people and the agreements with theirs; and that undoing it gives
 * back every file byte for byte.
 *
 * Without the field vaults (a user's clone) the field-vault suites are skipped, and say so.
 */
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { describeNewPerson, type AdoptionPlan } from "../../src/domain/adopt";
import { scanForAdoption } from "../../src/obsidian/adopt";
import { describeNotePlan, findingsSummary } from "../../src/obsidian/adopt-modal";
import { NoteWriter } from "../../src/obsidian/note-writer";
import { QUEUE_HEADING } from "../../src/constants";
import { viewData } from "../../src/views/view-data";
import { folderExists, readVaultFolder, subfolders } from "../builders/field-vault";
import { expectGolden } from "../builders/golden";
import { files, frontmatterOf, loadPlugin, notices, read, runCommand, unloadPlugin, type App } from "../fakes/harness";
import type { FileData } from "../fakes/fake-vault";
import { AdoptionPlugin, clickButton, loadVault, modalTitled, noticeStarting, settingRow, TODAY, type Loaded } from "./adoption-setup";

const FIELD_VAULTS = path.resolve(__dirname, "../../../shared/field-vaults");
const present = folderExists(FIELD_VAULTS);

const WORK_VAULT = "obsidian-work-vault-template";
const ONE_ON_ONE_MANAGER = "obsidian-one-on-one-manager";
const EM_NOTES = "engineering-manager-notes";
const SETTING_PACK = "obsidian-setting-pack";
/** The vaults whose scan is written down in a golden file (every vault is adopted and undone below). */
const GOLDEN_VAULTS = [EM_NOTES, ONE_ON_ONE_MANAGER, SETTING_PACK, WORK_VAULT];

function fieldVault(name: string, extra: Record<string, FileData> = {}): Promise<Loaded> {
  return loadVault({ ...readVaultFolder(path.join(FIELD_VAULTS, name)), ...extra });
}

function scan({ app, plugin }: Loaded): Promise<AdoptionPlan> {
  return scanForAdoption({ app: app, index: plugin.index, writer: new NoteWriter(app), settings: () => plugin.settings, queueHeading: QUEUE_HEADING });
}

/** The scan as the preview shows it, one finding a line: the golden file of a vault. */
function report(plan: AdoptionPlan): string {
  const lines = [findingsSummary(plan), ""];
  const section = (title: string, items: string[]) => {
    lines.push(`## ${title} (${items.length})`, ...items.map((item) => `- ${item}`), "");
  };
  section("1:1 notes to complete", plan.notes.map((n) => `${n.path}: ${describeNotePlan(plan, n)}`));
  section("People to create", plan.newPeople.map((p) => `${p.path} "${p.name}"${p.selected ? "" : " (unticked)"}: ${describeNewPerson(p)}`));
  section("Could not place", plan.unplaced.map((u) => `${u.path}: ${u.reason}`));
  section("Already complete", plan.complete.map((n) => `${n.path}: ${describeNotePlan(plan, n)}`));
  section("People", plan.people.map((p) => `${p.name}: ${p.path}`));
  section("Open agreements", plan.agreements.map((a) => `${a.path}:${a.line} ${a.text} (owner ${a.ownerName ?? "none"}, with ${a.personName ?? "nobody"})`));
  return lines.join("\n");
}

/** Runs Adopt existing notes and clicks Apply in its preview; waits for the summary. */
async function adopt(app: App): Promise<string> {
  expect(await runCommand(app, "adopt-existing-notes")).toBe(true);
  const modal = await modalTitled(app, "Adopt existing notes");
  await clickButton(app, modal, "Apply");
  return noticeStarting(app, "Adoption:");
}

async function undo(app: App): Promise<string> {
  expect(await runCommand(app, "undo-adoption")).toBe(true);
  return noticeStarting(app, "Adoption of ");
}

/** What Follow-ups and People show: people with their last seen, agreements with their person. */
function shown(loaded: Loaded) {
  const data = viewData(loaded.plugin.index, TODAY);
  return {
    people: data.people.map((p) => [p.name, p.lastSeen, p.openAgreements]),
    agreements: data.agreements.map((a) => [a.text, a.personName, a.ownerName]),
  };
}

if (!present) {
  describe("adopting the field vaults", () => {
    it.skip("skipped: ../shared/field-vaults is not present", () => {});
  });
}

describe.skipIf(!present)("adopting the field vaults", () => {
  it("has the vaults of the golden files", () => {
    expect(subfolders(FIELD_VAULTS)).toEqual(expect.arrayContaining(GOLDEN_VAULTS));
  });

  describe.each(present ? GOLDEN_VAULTS : [])("%s", (vault) => {
    it("finds what the golden file says", async () => {
      expectGolden(`adopt/${vault}.md`, report(await scan(await fieldVault(vault))));
    });
  });

  describe.each(present ? subfolders(FIELD_VAULTS) : [])("%s", (vault) => {
    it("writes nothing while scanning, and says for every note found whom and when, and why", async () => {
      const loaded = await fieldVault(vault);
      const before = files(loaded.app);
      const plan = await scan(loaded);
      for (const note of [...plan.notes, ...plan.complete]) {
        expect(note.why, note.path).not.toBe("");
        expect(note.person === null ? true : note.personWhy !== null, note.path).toBe(true);
        expect(note.layout === "log" || note.dateWhy !== null, note.path).toBe(true);
      }
      for (const item of plan.unplaced) expect(item.reason, item.path).not.toBe("");
      expect(files(loaded.app)).toEqual(before);
    });

    it("applies, and undo gives back every file byte for byte", async () => {
      const loaded = await fieldVault(vault);
      const { app } = loaded;
      const before = files(app);
      const folders = app.vault.getAllFolders().map((f) => f.path).sort();
      await runCommand(app, "adopt-existing-notes");
      const modal = await modalTitled(app, "Adopt existing notes");
      const applies = modal.contentEl.querySelectorAll("button");
      if (Array.from(applies).some((b) => b.textContent === "Apply")) {
        await clickButton(app, modal, "Apply");
        await noticeStarting(app, "Adoption:");
        await undo(app);
      } else {
        await clickButton(app, modal, "Close");
        expect(await runCommand(app, "undo-adoption")).toBe(true);
        await vi.waitFor(() => expect(notices(app)).toContain("Nothing to undo: no adoption was recorded."));
      }
      expect(files(app)).toEqual(before);
      expect(app.vault.getAllFolders().map((f) => f.path).sort()).toEqual(folders);
    });
  });

  describe(`${WORK_VAULT}: 1:1 notes tagged meeting/one-on-one and people/john-appleseed`, () => {
    const JOHN_13 = "meetings/2024-11-13 John Appleseed.md";
    const JOHN_20 = "meetings/2024-11-20 John Appleseed.md";
    const JOHN = "People/John Appleseed.md";

    it("creates John Appleseed from the tag, and both 1:1s show up as his, last seen 2024-11-20", async () => {
      const loaded = await fieldVault(WORK_VAULT);
      const { app, plugin } = loaded;
      expect(shown(loaded).people).toEqual([]);
      expect(await adopt(app)).toBe("Adoption: 2 notes got their missing properties and 1 person note was created. Undo");
      expect(read(app, JOHN)).toBe("---\ntype: person\n---\n\n## Next 1:1\n");
      // Obsidian writes the whole properties block again: the flow list becomes a block list.
      expect(frontmatterOf(app, JOHN_13)).toBe(
        'date: 2024-11-13\ntags:\n  - meeting/one-on-one\n  - people/john-appleseed\ntype: one-on-one\nperson: "[[John Appleseed]]"\n',
      );
      expectGolden("adopt/work-vault-2024-11-20.md", read(app, JOHN_20));
      expect(plugin.index.meetingsWith(JOHN).map((m) => [m.path, m.date, m.personName])).toEqual([
        [JOHN_20, "2024-11-20", "John Appleseed"],
        [JOHN_13, "2024-11-13", "John Appleseed"],
      ]);
      expect(shown(loaded)).toEqual({ people: [["John Appleseed", "2024-11-20", 0]], agreements: [] });
      // The group meeting is still no 1:1.
      expect(plugin.index.personOfNote("meetings/2024-11-20 Monthly All Hands.md")).toBeNull();
    });

    it("lists a 1:1 note with broken properties as not adoptable, and leaves it alone", async () => {
      // In the 1:1 folder, so recognized without its (unreadable) tags.
      const BROKEN = "1-1s/John Appleseed/2024-11-27.md";
      const text = "---\ndate: 2024-11-27\ntags: [meeting/one-on-one\n---\n# Notes\n";
      const loaded = await fieldVault(WORK_VAULT, { [BROKEN]: text });
      const plan = await scan(loaded);
      expect(plan.unplaced).toEqual([{ path: BROKEN, reason: expect.stringMatching(/^Its properties are not valid YAML \(.+\); fix them, then adopt again\.$/) as unknown }]);
      await adopt(loaded.app);
      expect(read(loaded.app, BROKEN)).toBe(text);
    });

    it("writes only the notes left ticked, and the person under the name typed in", async () => {
      const { app, plugin } = await fieldVault(WORK_VAULT);
      await runCommand(app, "adopt-existing-notes");
      const modal = await modalTitled(app, "Adopt existing notes");
      const toggle = settingRow(modal, JOHN_13).querySelector<HTMLElement>(".checkbox-container");
      if (!toggle) throw new Error("No toggle.");
      toggle.click();
      const name = settingRow(modal, JOHN).querySelector("input");
      if (!name) throw new Error("No name field.");
      name.value = "Johnny Appleseed";
      name.dispatchEvent(new Event("input", { bubbles: true }));
      await clickButton(app, modal, "Apply");
      await noticeStarting(app, "Adoption:");
      expect(frontmatterOf(app, JOHN_13)).toBe("date: 2024-11-13\ntags: [meeting/one-on-one, people/john-appleseed, ]\n");
      expect(frontmatterOf(app, JOHN_20)).toContain('person: "[[Johnny Appleseed]]"');
      expect(read(app, "People/Johnny Appleseed.md")).toBe("---\ntype: person\n---\n\n## Next 1:1\n");
      expect(plugin.index.meetingsWith("People/Johnny Appleseed.md").map((m) => m.path)).toEqual([JOHN_20]);
    });

    it("undo keeps what was edited since: properties changed by hand, a person note written in", async () => {
      const { app } = await fieldVault(WORK_VAULT);
      const before = files(app);
      await adopt(app);
      const note13 = app.vault.getFileByPath(JOHN_13);
      const john = app.vault.getFileByPath(JOHN);
      if (!note13 || !john) throw new Error("Missing notes.");
      await app.vault.process(note13, (text) => `${text}\n- Added after adopting\n`);
      await app.fileManager.processFrontMatter(note13, (fm: Record<string, unknown>) => (fm.type = "weekly"));
      await app.vault.process(john, (text) => `${text}- Ask about Copilot\n`);
      const message = await undo(app);
      expect(message.replace(/^Adoption of .+? undone: /, "")).toBe(
        `1 note restored. Left as they are: "${JOHN_13}": type changed since; left as they are. "${JOHN}" was edited since; it was kept.`,
      );
      // The untouched note is back byte for byte; the edited one lost only the person link.
      expect(read(app, JOHN_20)).toBe(before[JOHN_20]);
      expect(frontmatterOf(app, JOHN_13)).toBe("date: 2024-11-13\ntags:\n  - meeting/one-on-one\n  - people/john-appleseed\ntype: weekly\n");
      expect(read(app, JOHN)).toContain("Ask about Copilot");
      // Undo happens once.
      expect(await runCommand(app, "undo-adoption")).toBe(true);
      await vi.waitFor(() => expect(notices(app)).toContain("Nothing to undo: no adoption was recorded."));
    });
  });

  it("keeps the record in the plugin's folder: undo still works after the plugin was loaded again", async () => {
    const { app, plugin } = await fieldVault(ONE_ON_ONE_MANAGER);
    const before = files(app);
    await adopt(app);
    expect(files(app, { hidden: true })[".obsidian/plugins/one-on-ones/last-adoption.json"]).toContain('"version":1');
    await unloadPlugin(app, plugin);
    const again = await loadPlugin(AdoptionPlugin, app);
    await again.whenReady();
    await undo(app);
    expect(files(app)).toEqual(before);
    expect(files(app, { hidden: true })[".obsidian/plugins/one-on-ones/last-adoption.json"]).toBeUndefined();
  });

  describe(`${ONE_ON_ONE_MANAGER}: 1-1s/<slug>/<date>.md with person: as plain text`, () => {
    const NOTE = "1-1s/john-doe/2026-01-22.md";
    const JOHN = "People/John Doe.md";

    it("creates John Doe; the action item owned by @john becomes his, due 2026-01-29", async () => {
      const loaded = await fieldVault(ONE_ON_ONE_MANAGER);
      const { app, plugin } = loaded;
      expect(shown(loaded).agreements).toEqual([["Review architecture proposal", "John Doe", "john"]]);
      expect(await adopt(app)).toBe("Adoption: 1 note got its missing properties and 1 person note was created. Undo");
      expect(frontmatterOf(app, NOTE)).toBe("person: John Doe\ndate: 2026-01-22\nmood: Good\ntopics:\n  - Project updates\n  - Career goals\ntype: one-on-one\n");
      expect(plugin.index.meetingsWith(JOHN).map((m) => m.path)).toEqual([NOTE]);
      expect(plugin.index.agreements()).toMatchObject([{ path: NOTE, due: "2026-01-29", ownerPath: JOHN, personPath: JOHN }]);
      expect(shown(loaded)).toEqual({
        people: [["John Doe", "2026-01-22", 1]],
        agreements: [["Review architecture proposal", "John Doe", "John Doe"]],
      });
    });
  });

  describe(`${EM_NOTES}: the unfilled template "NomePersona_1-1"`, () => {
    it("proposes no person NomePersona and nothing to write: the log is a template never filled in", async () => {
      const loaded = await fieldVault(EM_NOTES);
      const plan = await scan(loaded);
      expect([plan.notes, plan.newPeople, plan.unplaced]).toEqual([[], [], []]);
      await runCommand(loaded.app, "adopt-existing-notes");
      const modal = await modalTitled(loaded.app, "Adopt existing notes");
      expect(modal.contentEl.textContent).toContain("Nothing to adopt");
    });
  });

  describe(`${SETTING_PACK}: people cards people/@Name.md and "121" notes`, () => {
    it("finds nothing to adopt in the pack as published, and says so", async () => {
      const { app } = await fieldVault(SETTING_PACK);
      await runCommand(app, "adopt-existing-notes");
      const modal = await modalTitled(app, "Adopt existing notes");
      expect(modal.contentEl.textContent).toContain(
        "Nothing to adopt: every 1:1 note found has its type, person and date, and every person has a note.",
      );
      await clickButton(app, modal, "Close");
    });

    it("creates a missing card as people/@Name.md, so that the 121 note's [[@Name]] link resolves", async () => {
      const MEETING = "MeetingNotes/121/@Boris Petrov 2026-11-20.md";
      const meeting = '---\ndate: 2026-11-20\ntype: \n - "121"\npeople: "[[@Boris Petrov]]"\n---\n# 121\n- [ ] @Boris sends the plan 📅 2026-11-27\n';
      const loaded = await fieldVault(SETTING_PACK, { [MEETING]: meeting });
      const { app, plugin } = loaded;
      expect(await adopt(app)).toBe("Adoption: 1 person note was created. Undo");
      expect(read(app, MEETING)).toBe(meeting);
      expect(read(app, "people/@Boris Petrov.md")).toBe("---\ntype: person\n---\n\n## Next 1:1\n");
      expect(plugin.index.meetingsWith("people/@Boris Petrov.md").map((m) => m.path)).toEqual([MEETING]);
      expect(shown(loaded)).toEqual({
        people: [["Boris Petrov", "2026-11-20", 1]],
        agreements: [["sends the plan", "Boris Petrov", "Boris Petrov"]],
      });
    });
  });
});
