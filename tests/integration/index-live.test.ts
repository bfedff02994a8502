import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_READS_IN_FLIGHT } from "../../src/obsidian/index-feeder";
import OneOnOnesPlugin from "../../src/main";
import { createTestApp, flush, loadPlugin, read } from "../fakes/harness";
import { loadFixture, TODAY } from "./setup";

afterEach(() => {
  vi.useRealTimers();
});

describe("the index follows the vault", () => {
  it("is built only once the layout is ready", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(TODAY);
    const { app } = createTestApp({ files: { "People/Anya.md": "---\ntype: person\n---\n" } });
    const plugin = await loadPlugin(OneOnOnesPlugin, app, { layoutReady: false });
    expect(plugin.index.people()).toEqual([]);
    app.workspace.setLayoutReady();
    await plugin.whenReady();
    expect(plugin.index.people().map((p) => p.name)).toEqual(["Anya"]);
  });

  it("takes an edit, a new note, a rename and a deletion one file at a time", async () => {
    const { app, plugin } = await loadFixture();
    const anya = () => plugin.index.findPerson("Anya Petrova");
    const upsert = vi.spyOn(plugin.index, "upsert");

    // An agreement ticked off by hand disappears.
    const meeting = "1-1s/Anya Petrova/2026-11-07.md";
    const file = app.vault.getFileByPath(meeting);
    if (!file) throw new Error("missing");
    await app.vault.process(file, (text) => text.replace("- [ ] [[Anya Petrova]] shares", "- [x] [[Anya Petrova]] shares"));
    await flush(app);
    expect(plugin.index.agreementsWith("People/Anya Petrova.md").map((a) => a.text)).toEqual([
      "intro Anya to the platform lead",
    ]);

    // A new 1:1 note moves last seen.
    await app.vault.create("1-1s/Anya Petrova/2026-11-20.md", "---\ntype: one-on-one\nperson: \"[[Anya Petrova]]\"\ndate: 2026-11-20\n---\n");
    await flush(app);
    expect(anya()?.lastSeen).toBe("2026-11-20");

    // The person note renamed: links follow, the index too.
    const person = app.vault.getFileByPath("People/Anya Petrova.md");
    if (!person) throw new Error("missing");
    await app.fileManager.renameFile(person, "People/Anya Smith.md");
    await flush(app);
    expect(read(app, "1-1s/Anya Petrova/2026-11-20.md")).toContain('person: "[[Anya Smith]]"');
    const renamed = plugin.index.findPerson("Anya Smith");
    expect(renamed?.lastSeen).toBe("2026-11-20");
    expect(plugin.index.agreementsWith("People/Anya Smith.md")).toHaveLength(1);

    // Deleted: gone from the index.
    await app.vault.delete(app.vault.getFileByPath("1-1s/Anya Petrova/2026-11-20.md") as never);
    await flush(app);
    expect(plugin.index.findPerson("Anya Smith")?.lastSeen).toBe("2026-11-07");

    // Never a rescan: each change touched only the files that changed (a rename updates the
    // linking notes, which change too).
    expect(upsert.mock.calls.length).toBeLessThan(12);
  });

  it("reads at most a few files at a time while it builds", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(TODAY);
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) {
      files[`1-1s/P${i}/2026-11-0${(i % 9) + 1}.md`] = `---\ntype: one-on-one\nperson: P${i}\n---\n- [ ] @me task ${i}\n`;
      files[`Notes/n${i}.md`] = `Plain note ${i}\n- [x] done\n`;
    }
    const { app } = createTestApp({ files });
    let inFlight = 0;
    let most = 0;
    let reads = 0;
    const original = app.vault.cachedRead.bind(app.vault);
    app.vault.cachedRead = async (file) => {
      reads++;
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight--;
      return original(file);
    };
    const plugin = await loadPlugin(OneOnOnesPlugin, app);
    await plugin.whenReady();
    expect(plugin.index.agreements()).toHaveLength(40);
    expect(reads).toBe(40); // only the files with open tasks
    expect(most).toBe(MAX_READS_IN_FLIGHT);
  });
});
