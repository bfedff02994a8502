// What the views read is converted from the index once per entry: after an edit only the entries
// of the edited file become new items (the views' models cache per item and keep their order).
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../src/domain/dates";
import { agreementItem } from "../../src/domain/follow-ups";
import { personRow } from "../../src/domain/people-table";
import { PeopleIndex } from "../../src/index/people-index";
import { viewData } from "../../src/views/view-data";
import { factsOf } from "../builders/facts";
import { indexSettings } from "../builders/index-settings";

const SETTINGS = indexSettings();
const TODAY = "2026-11-21";

const meeting = (person: string, date: string, tasks: string[]) =>
  [`---`, `type: one-on-one`, `person: "[[${person}]]"`, `date: ${date}`, `---`, `## Agreements`, ...tasks, ``].join("\n");

function feed(index: PeopleIndex, path: string, text: string): void {
  const facts = factsOf(path, text);
  index.upsert(facts, index.needsText(facts) ? text : null);
}

function build(): PeopleIndex {
  return fill(new PeopleIndex(SETTINGS, fixedClock(TODAY)));
}

function fill(index: PeopleIndex): PeopleIndex {
  index.batch(() => {
    for (let i = 0; i < 30; i++) {
      feed(index, `People/P${i}.md`, `---\ntype: person\ncadence: weekly\nbirthday: 1990-11-${String(10 + (i % 15)).padStart(2, "0")}\n---\n`);
      feed(index, `1-1s/P${i}/2026-11-07.md`, meeting(`P${i}`, "2026-11-07", [`- [ ] @me task ${i} 📅 2026-11-${String(10 + (i % 18)).padStart(2, "0")}`, `- [ ] [[P${i}]] theirs ${i}`]));
    }
  });
  return index;
}

describe("viewData", () => {
  it("converts every entry as agreementItem and personRow do", () => {
    const index = build();
    const data = viewData(index, TODAY);
    expect(data.today).toBe(TODAY);
    expect(data.agreements).toEqual(index.agreements().map(agreementItem));
    expect(data.people).toEqual(index.people().map((entry) => personRow(entry, TODAY)));
  });

  it("gives the same arrays while nothing changed", () => {
    const index = build();
    const first = viewData(index, TODAY);
    const second = viewData(index, TODAY);
    expect(second.agreements).toBe(first.agreements);
    expect(second.people).toBe(first.people);
  });

  it("after an edit, converts only the entries of that file and the people it touched", () => {
    const index = build();
    const before = viewData(index, TODAY);
    void before.agreements; // read at once, as a view does
    const edited = "1-1s/P4/2026-11-07.md";
    feed(index, edited, meeting("P4", "2026-11-07", ["- [ ] @me task 4 📅 2026-11-14", "- [ ] [[P4]] theirs 4", "- [ ] @me a new one 📅 2026-11-01"]));
    const after = viewData(index, TODAY);
    expect(after.agreements).toEqual(index.agreements().map(agreementItem));
    expect(after.people).toEqual(index.people().map((entry) => personRow(entry, TODAY)));
    const old = new Set(before.agreements);
    for (const item of after.agreements) {
      if (item.path !== edited) expect(old.has(item)).toBe(true);
    }
    // The edited file's own agreements that did not change keep their items too.
    expect(after.agreements.filter((item) => !old.has(item)).map((item) => item.text)).toEqual(["a new one"]);
    const oldRows = new Set(before.people);
    expect(after.people.filter((row) => !oldRows.has(row)).map((row) => row.name)).toEqual(["P4"]);
  });

  it("keeps the items of the entries that stay when many go at once", () => {
    const index = build();
    const before = viewData(index, TODAY);
    void before.agreements; // read at once, as a view does
    index.batch(() => {
      for (let i = 10; i < 25; i++) index.remove(`1-1s/P${i}/2026-11-07.md`);
      feed(index, "1-1s/P3/2026-11-07.md", meeting("P3", "2026-11-07", ["- [ ] @me task 3 📅 2026-11-13", "- [ ] [[P3]] theirs 3", "- [ ] @me a new one"]));
    });
    const after = viewData(index, TODAY);
    expect(after.agreements).toEqual(index.agreements().map(agreementItem));
    expect(after.agreements.length).toBe(before.agreements.length - 29);
    const old = new Set(before.agreements);
    expect(after.agreements.filter((item) => !old.has(item)).map((item) => item.text)).toEqual(["a new one"]);
  });

  it("converts every entry again after a rebuild, as agreementItem does", () => {
    const index = build();
    const before = viewData(index, TODAY);
    void before.agreements; // read at once, as a view does
    index.clear();
    const after = viewData(fill(index), TODAY);
    expect(after.agreements).toEqual(index.agreements().map(agreementItem));
    expect(after.agreements).toEqual(before.agreements);
    const old = new Set(before.agreements);
    expect(after.agreements.some((item) => old.has(item))).toBe(false);
  });

  it("builds the rows again on another day", () => {
    const index = build();
    const today = viewData(index, TODAY);
    const tomorrow = viewData(index, "2026-11-22");
    expect(tomorrow.people).not.toBe(today.people);
    expect(tomorrow.people).toEqual(index.people().map((entry) => personRow(entry, "2026-11-22")));
    expect(tomorrow.agreements).toBe(today.agreements);
  });

  it("makes the agreements only when they are read", () => {
    const index = build();
    const people = viewData(index, TODAY);
    expect(people.people.length).toBeGreaterThan(0);
    feed(index, "1-1s/P4/2026-11-07.md", meeting("P4", "2026-11-07", ["- [ ] @me read late"]));
    // Read after the change: the list as it is when read, the same array on a second read.
    expect(people.agreements.map((item) => item.text)).toContain("read late");
    expect(people.agreements).toBe(people.agreements);
    expect(viewData(index, TODAY).agreements).toBe(people.agreements);
  });
});
