// Nothing stops the plugin: a note it cannot read is a problem shown on its own, never a stopped
// index; a build that fails tells the user and leaves the commands answering; a change the user
// made just before the plugin is unloaded is kept.
import type { CachedMetadata, HeadingCache, SectionCache } from "obsidian";
import { afterEach, describe, expect, it, vi } from "vitest";
import { VIEW_TYPE_PEOPLE } from "../../src/constants";
import OneOnOnesPlugin from "../../src/main";
import { activeSuggest, createTestApp, flush, loadPlugin, notices, pluginData, read, runCommand, unloadPlugin, viewsOfType, type App } from "../fakes/harness";
import { CREATED, FIXTURE_VAULT, TODAY } from "./setup";

const ANYA = "People/Anya Petrova.md";
const BROKEN = "1-1s/Anya Petrova/2026-11-14.md";
const BROKEN_NOTE = [
  "---",
  "type: one-on-one",
  'person: "[[Anya Petrova]]"',
  "date: 2026-11-14",
  "---",
  "## Agreements",
  "- [ ] @me send the slides 📅 2026-11-25",
  "",
].join("\n");

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** The fixture vault and `extra`, in an App whose plugin is not loaded yet. */
function vault(extra: Record<string, string> = {}): App {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(TODAY);
  return createTestApp({ files: { ...FIXTURE_VAULT, ...extra }, ctime: CREATED }).app;
}

/** Whether the plugin's index became ready within a while (it never may). */
async function readyWithin(plugin: OneOnOnesPlugin, ms: number): Promise<boolean> {
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms));
  return Promise.race([plugin.whenReady().then(() => true), timeout]);
}

/**
 * Makes the metadata cache hold, for one note, headings without a position, as a cache left odd
 * by another plugin might: reading the note's headings throws.
 */
function breakHeadingsOf(app: App, path: string): { mockRestore(): void } {
  const real = app.metadataCache.getFileCache.bind(app.metadataCache);
  return vi.spyOn(app.metadataCache, "getFileCache").mockImplementation((file): CachedMetadata | null => {
    const cache = real(file);
    if (file.path !== path || !cache) return cache;
    return { ...cache, headings: [{ heading: "Agreements", level: 2 } as HeadingCache] };
  });
}

async function settle(app: App): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 120));
  await flush(app);
}

function notesToCheck(app: App): { path: string; messages: string[] }[] {
  const content = viewsOfType(app, VIEW_TYPE_PEOPLE)[0]?.containerEl.querySelector(".view-content");
  const items = content?.querySelectorAll(".ooo-notes-to-check > ul > li") ?? [];
  return Array.from(items, (li) => ({
    path: li.querySelector("button")?.textContent?.trim() ?? "",
    messages: Array.from(li.querySelectorAll(".ooo-problem-list li"), (m) => m.textContent ?? ""),
  }));
}

describe("a note that cannot be read", () => {
  it("is a note to check; the index is ready, and the other notes and the commands work", async () => {
    const app = vault({ [BROKEN]: BROKEN_NOTE });
    const broken = breakHeadingsOf(app, BROKEN);
    const plugin = await loadPlugin(OneOnOnesPlugin, app);
    expect(await readyWithin(plugin, 2000)).toBe(true);

    await runCommand(app, "open-people");
    await settle(app);
    expect(notesToCheck(app)).toEqual([
      {
        path: BROKEN,
        messages: ["This note could not be read (Cannot read properties of undefined (reading 'start')); it is left out until it changes."],
      },
    ]);
    expect(plugin.index.agreements().map((a) => a.text)).not.toContain("send the slides");
    expect(plugin.index.agreements().map((a) => a.text)).toContain("shares the RFC draft");
    expect(plugin.index.person(ANYA)?.lastSeen).toBe("2026-11-07");

    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Anya Petrova");
    await settle(app);
    expect(read(app, "1-1s/Anya Petrova/2026-11-21 Anya Petrova.md")).toContain('person: "[[Anya Petrova]]"');
    expect(notices(app)).toEqual([]);

    // Once the note can be read, it counts like any other.
    broken.mockRestore();
    app.vault.externalEdit(BROKEN, BROKEN_NOTE.replace("send the slides", "send the final slides"));
    await settle(app);
    expect(notesToCheck(app)).toEqual([]);
    expect(plugin.index.agreements().map((a) => a.text)).toContain("send the final slides");
  });
});

describe("a note whose cached properties block has no position", () => {
  it("is read like any other note, and stops nothing", async () => {
    const app = vault({ "People/Lea Brandt.md": "---\ntype: person\n---\n" });
    const real = app.metadataCache.getFileCache.bind(app.metadataCache);
    vi.spyOn(app.metadataCache, "getFileCache").mockImplementation((file): CachedMetadata | null => {
      const cache = real(file);
      if (file.path !== "People/Lea Brandt.md" || !cache) return cache;
      const { frontmatter: _read, frontmatterPosition: _where, ...rest } = cache;
      return { ...rest, sections: [{ type: "yaml" } as SectionCache] };
    });
    const plugin = await loadPlugin(OneOnOnesPlugin, app);
    expect(await readyWithin(plugin, 2000)).toBe(true);
    expect(plugin.index.people().map((p) => p.name)).toEqual(["Anya Petrova", "Lea Brandt", "Sam Okafor", "Анна Иванова"]);
    expect(notices(app)).toEqual([]);
  });
});

describe("a build that fails", () => {
  it("tells the user, and the commands still answer", async () => {
    const app = vault();
    vi.spyOn(app.vault, "getMarkdownFiles").mockImplementationOnce(() => {
      throw new Error("The vault could not be listed");
    });
    const plugin = await loadPlugin(OneOnOnesPlugin, app);
    expect(await readyWithin(plugin, 2000)).toBe(true);
    expect(notices(app)).toEqual([
      "One-on-Ones could not read all your notes (The vault could not be listed); people, 1:1s and agreements may be missing. Reload the plugin to try again.",
    ]);

    // A person written after the failure is known, and Start 1:1 answers with them.
    app.vault.externalEdit("People/Lea Brandt.md", "---\ntype: person\n---\n");
    await settle(app);
    await runCommand(app, "start-one-on-one");
    await activeSuggest(app).choose("Lea Brandt");
    await settle(app);
    expect(read(app, "1-1s/Lea Brandt/2026-11-21 Lea Brandt.md")).toContain('person: "[[Lea Brandt]]"');
  });
});

describe("unloading the plugin", () => {
  it("saves a change of the People table's order made just before", async () => {
    const app = vault();
    const plugin = await loadPlugin(OneOnOnesPlugin, app);
    await plugin.whenReady();
    await runCommand(app, "open-people");
    await settle(app);
    const sortButtons = viewsOfType(app, VIEW_TYPE_PEOPLE)[0]?.containerEl.querySelectorAll<HTMLButtonElement>(".ooo-sort-button") ?? [];
    const lastSeen = Array.from(sortButtons).find((b) => b.textContent === "Last seen");
    expect(lastSeen).toBeDefined();
    lastSeen?.click();
    // Closed at once, before the save waiting a moment for more changes has run.
    await unloadPlugin(app, plugin);
    expect(pluginData(app)).toMatchObject({ peopleQuery: { sort: { column: "lastSeen" } } });
  });
});
