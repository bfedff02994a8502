// The feeder builds the index in slices, giving the event loop a turn in between, and takes the
// changes that arrive meanwhile once the build is done.
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../src/domain/dates";
import { PeopleIndex } from "../../src/index/people-index";
import { copyFacts } from "../../src/index/facts";
import { IndexFeeder } from "../../src/obsidian/index-feeder";
import { factsOf } from "../builders/facts";
import { indexSettings } from "../builders/index-settings";
import { createTestApp, flush } from "../fakes/harness";

const SETTINGS = indexSettings();

const meeting = (person: string, task: string) =>
  `---\ntype: one-on-one\nperson: "[[${person}]]"\ndate: 2026-11-07\n---\n## Agreements\n- [ ] @me ${task}\n`;

function vault(people: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < people; i++) {
    files[`People/P${i}.md`] = "---\ntype: person\ncadence: weekly\n---\n";
    files[`1-1s/P${i}/2026-11-07.md`] = meeting(`P${i}`, `task ${i}`);
  }
  return files;
}

const tick = () => new Promise<void>((resolve) => window.setTimeout(resolve, 0));

describe("IndexFeeder", () => {
  it("gives the event loop a turn while it builds", async () => {
    const { app } = createTestApp({ files: vault(150), layoutReady: true });
    const index = new PeopleIndex(SETTINGS, fixedClock("2026-11-21"));
    const feeder = new IndexFeeder(app, index, { sliceMs: 0 });
    let turns = 0;
    let done = false;
    const beat = () => {
      turns++;
      if (!done) window.setTimeout(beat, 0);
    };
    window.setTimeout(beat, 0);
    await feeder.build();
    done = true;
    expect(turns).toBeGreaterThan(5);
    expect(index.people()).toHaveLength(150);
    expect(index.agreements()).toHaveLength(150);
  });

  it("tells subscribers once for the metadata and once for the texts", async () => {
    const { app } = createTestApp({ files: vault(40), layoutReady: true });
    const index = new PeopleIndex(SETTINGS, fixedClock("2026-11-21"));
    let calls = 0;
    index.subscribe(() => calls++);
    await new IndexFeeder(app, index, { sliceMs: 0 }).build();
    expect(calls).toBe(2);
  });

  it("takes the changes made while it builds once it is done", async () => {
    const { app } = createTestApp({ files: vault(150), layoutReady: true });
    const index = new PeopleIndex(SETTINGS, fixedClock("2026-11-21"));
    const feeder = new IndexFeeder(app, index, { sliceMs: 0 });
    feeder.listen();
    const building = feeder.build();
    await tick();
    expect(index.agreements().length).toBeLessThan(150); // still building

    const file = (path: string) => {
      const found = app.vault.getFileByPath(path);
      if (!found) throw new Error(`missing ${path}`);
      return found;
    };
    await app.vault.modify(file("1-1s/P3/2026-11-07.md"), meeting("P3", "changed while building"));
    await app.vault.delete(file("1-1s/P140/2026-11-07.md"));
    await app.fileManager.renameFile(file("People/P7.md"), "People/Seven.md");
    await app.vault.create("1-1s/P9/2026-11-14.md", meeting("P9", "new while building"));
    await building;
    await flush(app);

    const texts = index.agreements().map((a) => a.text);
    expect(texts).toContain("changed while building");
    expect(texts).not.toContain("task 3");
    expect(texts).not.toContain("task 140");
    expect(texts).toContain("new while building");
    expect(index.person("People/P7.md")).toBeNull();
    expect(index.person("People/Seven.md")?.name).toBe("Seven");
    expect(index.agreements()).toHaveLength(150);
  });

  it("reads a running log with no dated heading that a person's log property names", async () => {
    // The log comes first, so when it goes by nobody names it yet.
    const { app } = createTestApp({
      files: {
        "Journal.md": "Notes with Anya.\n- [ ] @me send the doc\n",
        "Other.md": "- [ ] @me not anyone's\n",
        "People/Anya.md": '---\ntype: person\nlog: "[[Journal]]"\n---\n',
        "People/Ben.md": "---\ntype: person\n---\n",
      },
      layoutReady: true,
    });
    const index = new PeopleIndex(SETTINGS, fixedClock("2026-11-21"));
    const feeder = new IndexFeeder(app, index, { sliceMs: 0 });
    feeder.listen();
    await feeder.build();
    const agreements = () => index.agreements().map((a) => [a.path, a.personPath, a.text]);
    expect(agreements()).toEqual([["Journal.md", "People/Anya.md", "send the doc"]]);

    // Later on: Ben's note names another note as his log, and a note is renamed onto Anya's.
    const file = (path: string) => {
      const found = app.vault.getFileByPath(path);
      if (!found) throw new Error(`missing ${path}`);
      return found;
    };
    await app.vault.modify(file("People/Ben.md"), '---\ntype: person\nlog: "[[Other]]"\n---\n');
    await flush(app);
    expect(agreements()).toContainEqual(["Other.md", "People/Ben.md", "not anyone's"]);
    await app.vault.delete(file("Journal.md"));
    await app.vault.create("Drafts.md", "- [ ] @me book the room\n");
    await flush(app);
    await app.fileManager.renameFile(file("Drafts.md"), "Journal.md");
    await flush(app);
    expect(agreements()).toEqual([
      ["Journal.md", "People/Anya.md", "book the room"],
      ["Other.md", "People/Ben.md", "not anyone's"],
    ]);
  });

  it("gives way to a newer build started while it runs", async () => {
    const { app } = createTestApp({ files: vault(100), layoutReady: true });
    const index = new PeopleIndex(SETTINGS, fixedClock("2026-11-21"));
    const feeder = new IndexFeeder(app, index, { sliceMs: 0 });
    const first = feeder.build();
    await tick();
    const second = feeder.build();
    await Promise.all([first, second]);
    expect(index.people()).toHaveLength(100);
    expect(index.agreements()).toHaveLength(100);
  });
});

describe("the facts of a file", () => {
  const text = "---\ntags: [Person, person]\n---\n# Anya\nMet [[Ben]] #friend.\n- [ ] @me send it\n- [x] done\n- [/] going\n";

  it("are read from the metadata as the index asks, and copy as plain data", () => {
    const facts = factsOf("People/Anya.md", text);
    const plain = copyFacts(facts);
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(plain).toEqual({
      path: "People/Anya.md",
      created: "2026-01-05",
      frontmatter: { tags: ["Person", "person"] },
      tags: ["person", "friend"],
      headings: [{ text: "Anya", level: 1, line: 3 }],
      links: [{ target: "Ben", line: 4 }],
      // Every task with its status: which are open, the index decides by Tasks' statuses.
      tasks: [
        { line: 5, status: " " },
        { line: 6, status: "x" },
        { line: 7, status: "/" },
      ],
      // Tags of the text with their lines, every task's line (done or not), where the text starts.
      bodyTags: [{ tag: "friend", line: 4 }],
      taskLines: [5, 6, 7],
      bodyStart: 3,
    });
    // Lists are made when asked for (not kept), and read the same each time.
    expect(facts.tasks).toEqual(facts.tasks);
    expect(facts.links).toEqual(facts.links);
    expect(copyFacts(facts, { path: "People/Anya P.md" }).path).toBe("People/Anya P.md");
  });

  it("say when the properties could not be read, and not when there are none", () => {
    expect(factsOf("People/A.md", "---\naliases: [Kai\n---\n").propertiesUnread).toBe(true);
    expect(copyFacts(factsOf("People/A.md", "---\naliases: [Kai\n---\n")).propertiesUnread).toBe(true);
    expect(factsOf("People/A.md", "---\n---\n").propertiesUnread).toBeUndefined();
    expect(factsOf("People/A.md", "---\nkey: value\n---\n").propertiesUnread).toBeUndefined();
    expect(factsOf("People/A.md", "no properties\n").propertiesUnread).toBeUndefined();
  });
});
