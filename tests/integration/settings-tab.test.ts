import { afterEach, describe, expect, it, vi } from "vitest";
import { activeSuggest, openSettings, pluginData, read, runCommand } from "../fakes/harness";
import { loadFixture } from "./setup";

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
      "Due soon: days",
      "Due soon: percent of the cadence",
      "Default cadence: report",
      "Default cadence: friend",
      "Default cadence: no relationship",
      "Dated notes count as seen",
      "Starting a 1:1 updates last seen",
      "Person tags",
      "1:1 tags",
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
    expect(read(app, "Meetings/One-on-ones/Sam Okafor.md")).toContain("## 2026-11-21\n");
  });

  it("shows the problem and keeps the old value when the input is invalid", async () => {
    const { app, plugin } = await loadFixture();
    const tab = openSettings(app);
    await tab.change("Note name pattern", "{{person}}");
    expect(plugin.settings.notePathPattern).toBe("{{person}}/{{date}}");
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
});
