import { afterEach, describe, expect, it, vi } from "vitest";
import OneOnOnesPlugin from "../../src/main";
import {
  activeEditor,
  activeModal,
  activeSuggest,
  button,
  click,
  createTestApp,
  fill,
  loadPlugin,
  openFile,
  openSettings,
  pluginData,
  read,
  runCommand,
  type SettingsDriver,
} from "../fakes/harness";
import { loadFixture, TODAY } from "./setup";

afterEach(() => {
  vi.useRealTimers();
});

describe("settings tab", () => {
  it("shows every setting", async () => {
    const { app } = await loadFixture();
    const names = openSettings(app).names();
    for (const name of [
      "People folder",
      "1:1 folder",
      "Layout",
      "Note name pattern",
      "Template note",
      "Check-in",
      "Private notes",
      "Previous agreements",
      "Due date format",
      "Done dates",
      "Agreements anywhere",
      "Agreement tag",
      "Due soon: days",
      "Due soon: percent of the cadence",
      "Default cadence: report",
      "Default cadence: friend",
      "Default cadence: no relationship",
      "Dated notes count as seen",
      "Starting a 1:1 updates last seen",
      "Person tags",
      "1:1 tags",
      "Your name",
      "Meetings with one other person are 1:1s",
      "Questions",
    ]) {
      expect(names).toContain(name);
    }
  });

  it("saves a valid value and applies it to the next 1:1", async () => {
    const { app } = await loadFixture();
    const tab = openSettings(app);
    await tab.change("1:1 folder", "Meetings/One-on-ones");
    await tab.change("Layout", "log");
    expect(pluginData(app)).toMatchObject({ meetingsFolder: "Meetings/One-on-ones", layout: "log" });
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Sam Okafor");
    expect(read(app, "Meetings/One-on-ones/Sam Okafor 1-1s.md")).toContain("## 2026-11-21\n");
  });

  it("shows the problem and keeps the old value when the input is invalid", async () => {
    const { app, plugin } = await loadFixture();
    const tab = openSettings(app);
    await tab.change("Note name pattern", "{{person}}");
    expect(plugin.settings.notePathPattern).toBe("{{person}}/{{date}} {{person}}");
    expect(tab.setting("Note name pattern").descEl.textContent).toContain("must contain {{date}}");
    await tab.change("Default cadence: report", "sometimes");
    expect(plugin.settings.defaultCadence.report).toBe("weekly");
    await tab.change("Due soon: days", "-3");
    expect(plugin.settings.dueSoonDays).toBe(2);
    await tab.change("Due soon: days", "4");
    expect(plugin.settings.dueSoonDays).toBe(4);
  });

  it("re-reads the vault when recognition changes", async () => {
    const { app, plugin } = await loadFixture({
      extra: { "Projects/Launch.md": "- [ ] [[Sam Okafor]] books the venue 📅 2026-12-01\n" },
    });
    expect(plugin.index.agreements().some((a) => a.text === "books the venue")).toBe(false);
    await openSettings(app).change("Agreements anywhere", true);
    await vi.waitFor(() => expect(plugin.index.agreements().some((a) => a.text === "books the venue")).toBe(true));
  });

  it("edits the question bank", async () => {
    const { app, plugin } = await loadFixture();
    await openSettings(app).change("Questions", "## Fun\n- Best meal this week?\n- Favourite walk?\n");
    expect(plugin.settings.questions).toEqual([
      { theme: "Fun", text: "Best meal this week?" },
      { theme: "Fun", text: "Favourite walk?" },
    ]);
  });

  describe("you, meetings with one other person, and the agreement tag", () => {
    const SYNC = "Notes/2026-11-02 Sync.md";
    const ANYA = "People/Anya Petrova.md";

    /** A vault with a meeting of Sam Okafor and Anya Petrova; `own`: Sam keeps a person note too. */
    async function loadSync(own = false) {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(TODAY);
      const files: Record<string, string> = {
        [ANYA]: "---\ntype: person\n---\n",
        [SYNC]: "---\ntype: meeting\nattendees: [Sam Okafor, Anya Petrova]\n---\n- [ ] @Sam: send the minutes 📅 2026-11-30\n",
      };
      if (own) files["People/Sam Okafor.md"] = "---\ntype: person\n---\n";
      const { app } = createTestApp({ files });
      const plugin = await loadPlugin(OneOnOnesPlugin, app);
      await plugin.whenReady();
      return { app, plugin };
    }
    const meetingsWithAnya = (plugin: OneOnOnesPlugin) => plugin.index.meetingsWith(ANYA).map((m) => [m.path, m.date]);
    const owners = (plugin: OneOnOnesPlugin) => plugin.index.agreementsWith(ANYA).map((a) => [a.text, a.ownerName]);
    const TOGGLE = "Meetings with one other person are 1:1s";
    const isOn = (tab: SettingsDriver) => tab.setting(TOGGLE).controlEl.querySelector(".checkbox-container")?.classList.contains("is-enabled");

    it("takes your name: your @name in a task is you", async () => {
      const { app, plugin } = await loadSync();
      // Without your name the meeting names two people besides you: no 1:1, no agreement with Anya.
      expect(owners(plugin)).toEqual([]);
      expect(meetingsWithAnya(plugin)).toEqual([]);

      await openSettings(app).change("Your name", "  Sam Okafor ");
      expect(pluginData(app)).toMatchObject({ myName: "Sam Okafor" });
      expect(owners(plugin)).toEqual([["send the minutes", "Me"]]);
      expect(meetingsWithAnya(plugin)).toEqual([[SYNC, "2026-11-02"]]);
      expect(plugin.index.person(ANYA)?.lastSeen).toBe("2026-11-02");
      expect(openSettings(app).setting("Your name").controlEl.querySelector("input")?.value).toBe("Sam Okafor");
    });

    it("takes your name: a meeting with you and one other person is a 1:1 with them, even with a person note of your own", async () => {
      const { app, plugin } = await loadSync(true);
      // Sam is a known person: the meeting names two, and is nobody's 1:1.
      expect(meetingsWithAnya(plugin)).toEqual([]);

      const tab = openSettings(app);
      await tab.change("Your name", "Sam Okafor");
      expect(meetingsWithAnya(plugin)).toEqual([[SYNC, "2026-11-02"]]);

      await tab.change("Your name", "");
      expect(pluginData(app)).toMatchObject({ myName: "" });
      expect(meetingsWithAnya(plugin)).toEqual([]);
    });

    it("lists a meeting with one other person as a 1:1 only with the toggle on, and counts it as seen either way", async () => {
      const { app, plugin } = await loadSync();
      const tab = openSettings(app);
      expect(isOn(tab)).toBe(true);
      await tab.change("Your name", "Sam Okafor");
      expect(meetingsWithAnya(plugin)).toEqual([[SYNC, "2026-11-02"]]);

      await tab.change(TOGGLE, false);
      expect(pluginData(app)).toMatchObject({ myName: "Sam Okafor", oneOtherPersonIsOneOnOne: false });
      expect(meetingsWithAnya(plugin)).toEqual([]);
      expect(plugin.index.person(ANYA)?.lastSeen).toBe("2026-11-02");

      // Shown as saved when the tab opens again, and back on.
      const again = openSettings(app);
      expect(isOn(again)).toBe(false);
      await again.change(TOGGLE, true);
      expect(pluginData(app)).toMatchObject({ oneOtherPersonIsOneOnOne: true });
      expect(meetingsWithAnya(plugin)).toEqual([[SYNC, "2026-11-02"]]);
    });

    it("takes one agreement tag, keeps it when the input is not one tag, and writes it on new agreements", async () => {
      const meeting = "1-1s/Anya Petrova/2026-11-07.md";
      const { app, plugin } = await loadFixture({
        extra: {
          "1-1s/Anya Petrova/2026-11-14.md":
            "---\ntype: one-on-one\nperson: \"[[Anya Petrova]]\"\ndate: 2026-11-14\n---\n- [ ] @me review the runbook #Accountability 📅 2026-11-26\n",
        },
      });
      const texts = () => plugin.index.agreementsWith(ANYA).map((a) => a.text).sort();
      expect(texts()).toHaveLength(3);

      const tab = openSettings(app);
      await tab.change("Agreement tag", "#Accountability");
      expect(pluginData(app)).toMatchObject({ agreementTag: "accountability" });
      expect(texts()).toEqual([expect.stringContaining("review the runbook")]);
      expect(tab.setting("Agreement tag").descEl.querySelector(".ooo-setting-problem")?.textContent).toBe("");

      for (const invalid of ["#a b", "one, two", "#accountability!", "#2026"]) {
        await tab.change("Agreement tag", invalid);
        expect(plugin.settings.agreementTag).toBe("accountability");
        expect(tab.setting("Agreement tag").descEl.textContent).toContain("One tag");
      }
      await tab.change("Agreement tag", "accountability");
      expect(tab.setting("Agreement tag").descEl.querySelector(".ooo-setting-problem")?.textContent).toBe("");
      expect(openSettings(app).setting("Agreement tag").controlEl.querySelector("input")?.value).toBe("#accountability");

      // Add agreement writes the tag.
      await openFile(app, meeting);
      activeEditor(app).setCursor({ line: 10, ch: 0 });
      await runCommand(app, "add-agreement");
      const modal = activeModal(app);
      const [textInput, dueInput] = Array.from(modal.contentEl.querySelectorAll("input"));
      await fill(app, modal.contentEl.querySelector("select") as HTMLSelectElement, "@me");
      await fill(app, textInput as HTMLInputElement, "book the offsite");
      await fill(app, dueInput as HTMLInputElement, "2026-11-27");
      await click(app, button(modal.contentEl, "Add"));
      expect(read(app, meeting)).toContain("\n- [ ] @me book the offsite #accountability 📅 2026-11-27\n");
      await vi.waitFor(() => expect(texts()).toEqual([expect.stringContaining("book the offsite"), expect.stringContaining("review the runbook")]));

      // Emptied: every task is an agreement again.
      await openSettings(app).change("Agreement tag", "");
      expect(pluginData(app)).toMatchObject({ agreementTag: "" });
      await vi.waitFor(() => expect(texts()).toHaveLength(4));
    });
  });
});
