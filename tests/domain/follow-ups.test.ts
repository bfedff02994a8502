import { describe, expect, expectTypeOf, it } from "vitest";
import fc from "fast-check";
import { parseAgreement } from "../../src/domain/agreement";
import { addDays, fromDayNumber, isValidIsoDate, toDayNumber } from "../../src/domain/dates";
import {
  AGREEMENT_DUE_SOON_DAYS,
  FOLLOW_UP_SECTIONS,
  NO_PERSON_TITLE,
  agreementItem,
  buildFollowUps,
  displayText,
  dueInWords,
  followUpMatches,
  followUpSection,
  sourceLabel,
  type AgreementEntryLike,
} from "../../src/domain/follow-ups";
import type { AgreementItem, FollowUpsModel, FollowUpsQuery } from "../../src/domain/view-models";
import type { AgreementEntry } from "../../src/index/people-index";
import { RUNS } from "../properties";

const TODAY = "2026-11-21";
const ALL: FollowUpsQuery = { groupBy: "due", owner: "all", search: "" };
const BY_PERSON: FollowUpsQuery = { groupBy: "person", owner: "all", search: "" };

let nextLine = 0;
function item(partial: Partial<AgreementItem> = {}): AgreementItem {
  const line = partial.line ?? nextLine++;
  const path = partial.path ?? "1-1s/Anya Petrova/2026-11-07.md";
  return {
    id: `${path}:${line}`,
    path,
    line,
    original: "- [ ] something",
    text: "Something",
    ownerName: null,
    ownerIsMe: false,
    personName: "Anya Petrova",
    personPath: "People/Anya Petrova.md",
    due: null,
    recurring: false,
    sourceLabel: "1:1 of 2026-11-07",
    ...partial,
  };
}

const texts = (model: FollowUpsModel) => model.groups.map((g) => [g.title, g.items.map((i) => i.text)]);

describe("AgreementEntryLike", () => {
  it("is satisfied by the index's AgreementEntry", () => {
    expectTypeOf<AgreementEntry>().toExtend<AgreementEntryLike>();
    const accept = (entry: AgreementEntry): AgreementEntryLike => entry;
    expect(accept).toBeTypeOf("function");
  });
});

describe("displayText", () => {
  it.each([
    ["Share [[Anya Petrova|Anya]] the RFC", "Share Anya the RFC"],
    ["Intro to [[People/Team/Boris Ivanov]]", "Intro to Boris Ivanov"],
    ["Read [[Design doc.md]]", "Read Design doc"],
    ["See [[Design doc#Open questions]]", "See Design doc"],
    ["See [[#Open questions]] below", "See Open questions below"],
    ["See [[Note#^abc123|this]]", "See this"],
    ["Table cell [[Note\\|Alias]]", "Table cell Alias"],
    ["Empty alias [[Note|]]", "Empty alias Note"],
    ["Embed ![[diagram.png]] here", "Embed diagram.png here"],
    ["Read [the RFC](https://example.com/rfc) today", "Read the RFC today"],
    ["Link [with (parens)](https://en.wikipedia.org/wiki/Foo_(bar)) ok", "Link with (parens) ok"],
    ["Title [doc](<my file.md> \"Title (x)\") end", "Title doc end"],
    ["Image ![alt text](a.png)", "Image alt text"],
    ["Nothing to do here", "Nothing to do here"],
    ["Brackets [not a link] and [[]] stay", "Brackets [not a link] and [[]] stay"],
    ["Unclosed [[link and [text](url", "Unclosed [[link and [text](url"],
    ["Two [[A]] and [[B|Bee]] and [c](d)", "Two A and Bee and c"],
    ["Empty ![](x.png) label", "Empty label"],
    ["Анна: [[Анна Иванова|Аня]]", "Анна: Аня"],
  ])("%j → %j", (text, shown) => {
    expect(displayText(text)).toBe(shown);
  });

  it("keeps text without links as it is", () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !s.includes("[")), (text) => {
        expect(displayText(text)).toBe(text);
      }),
      { numRuns: RUNS },
    );
  });

  it("never throws and never lengthens a text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("[", "]", "(", ")", "|", "!", "#", "/", "\\", " ", "a", "<", ">", '"') }), (text) => {
        expect(displayText(text).length).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("agreementItem", () => {
  function entry(line: string, partial: Partial<AgreementEntry> = {}): AgreementEntry {
    const parsed = parseAgreement(line);
    if (!parsed) throw new Error("not a task");
    return {
      id: `1-1s/Anya Petrova/2026-11-07.md:4`,
      path: "1-1s/Anya Petrova/2026-11-07.md",
      line: 4,
      original: line,
      text: parsed.text,
      due: parsed.due,
      recurring: parsed.recurring,
      owner: parsed.owner,
      ownerIsMe: parsed.owner.kind === "me",
      ownerPath: null,
      ownerCouldBe: [],
      ownerName: parsed.owner.kind === "me" ? "Me" : null,
      personPath: "People/Anya Petrova.md",
      personName: "Anya Petrova",
      meetingDate: "2026-11-07",
      ...partial,
    };
  }

  it("turns an index entry into a row", () => {
    const line = "- [ ] @me share [[RFC-12|the RFC]] with [the team](https://example.com) 📅 2026-11-28";
    expect(agreementItem(entry(line))).toEqual({
      id: "1-1s/Anya Petrova/2026-11-07.md:4",
      path: "1-1s/Anya Petrova/2026-11-07.md",
      line: 4,
      original: line,
      text: "share the RFC with the team",
      ownerName: "Me",
      ownerIsMe: true,
      personName: "Anya Petrova",
      personPath: "People/Anya Petrova.md",
      due: "2026-11-28",
      recurring: false,
      sourceLabel: "1:1 of 2026-11-07",
    });
  });

  it("names the note when the agreement was not made in a meeting", () => {
    const row = agreementItem(entry("- [ ] call back 🔁 every week", { path: "People/Anya Petrova.md", meetingDate: null }));
    expect(row.sourceLabel).toBe("Anya Petrova");
    expect(row.recurring).toBe(true);
  });

  it("drops a due date that is not a date", () => {
    expect(agreementItem({ ...entry("- [ ] x"), due: "2026-02-30" }).due).toBeNull();
  });

  it.each([
    ["1-1s/Anya/2026-11-07.md", "2026-11-07", "1:1 of 2026-11-07"],
    ["1-1s/Anya Petrova.md", null, "Anya Petrova"],
    ["Daily/2026-11-07.md", null, "2026-11-07"],
    ["Notes/Plan.MD", "not a date", "Plan"],
  ])("source of %s (%s) is %j", (path, date, label) => {
    expect(sourceLabel(path, date)).toBe(label);
  });
});

describe("dueInWords", () => {
  it.each([
    ["2026-11-18", "3 days overdue"],
    ["2026-11-20", "1 day overdue"],
    ["2026-11-21", "due today"],
    ["2026-11-22", "due tomorrow"],
    ["2026-11-26", "due in 5 days"],
    [null, ""],
  ])("%s reads %j", (due, words) => {
    expect(dueInWords(due, TODAY)).toBe(words);
  });
});

describe("followUpSection", () => {
  it.each([
    ["2026-11-20", 3, "overdue"],
    ["2025-01-01", 3, "overdue"],
    ["2026-11-21", 3, "due-soon"],
    ["2026-11-24", 3, "due-soon"],
    ["2026-11-25", 3, "later"],
    ["2026-11-21", 0, "due-soon"],
    ["2026-11-22", 0, "later"],
    ["2026-11-22", -5, "later"],
    ["2026-11-24", 3.9, "due-soon"],
    ["2026-11-25", Number.NaN, "later"],
    [null, 3, "no-date"],
    ["2026-02-30", 3, "no-date"],
    ["someday", 3, "no-date"],
  ] as const)("%s with %d days is %s", (due, days, section) => {
    expect(followUpSection(due, TODAY, days)).toBe(section);
  });

  it("defaults to a three-day window", () => {
    expect(AGREEMENT_DUE_SOON_DAYS).toBe(3);
    expect(followUpSection("2026-11-24", TODAY)).toBe("due-soon");
    expect(followUpSection("2026-11-25", TODAY)).toBe("later");
  });

  it("counts across month, year and leap days", () => {
    expect(followUpSection("2027-01-02", "2026-12-30")).toBe("due-soon");
    expect(followUpSection("2027-01-03", "2026-12-30")).toBe("later");
    expect(followUpSection("2028-03-01", "2028-02-27")).toBe("due-soon");
    expect(followUpSection("2028-03-02", "2028-02-27")).toBe("later");
    expect(followUpSection("2027-03-02", "2027-02-27")).toBe("due-soon");
    expect(followUpSection("2026-12-31", "2027-01-01")).toBe("overdue");
  });

  it("refuses an invalid today", () => {
    expect(() => followUpSection("2026-11-21", "2026-13-01")).toThrow(RangeError);
    expect(() => buildFollowUps([], ALL, "today")).toThrow(RangeError);
  });
});

describe("buildFollowUps grouped by due date", () => {
  const list = [
    item({ text: "Later one", due: "2026-12-01" }),
    item({ text: "Undated", due: null }),
    item({ text: "Due today", due: "2026-11-21" }),
    item({ text: "Long overdue", due: "2026-10-01" }),
    item({ text: "Yesterday", due: "2026-11-20" }),
    item({ text: "Edge of soon", due: "2026-11-24" }),
    item({ text: "Just after soon", due: "2026-11-25" }),
  ];

  it("puts items in sections, in order, oldest first", () => {
    const model = buildFollowUps(list, ALL, TODAY);
    expect(texts(model)).toEqual([
      ["Overdue", ["Long overdue", "Yesterday"]],
      ["Due soon", ["Due today", "Edge of soon"]],
      ["Later", ["Just after soon", "Later one"]],
      ["No due date", ["Undated"]],
    ]);
    expect(model.groups.map((g) => g.key)).toEqual(["overdue", "due-soon", "later", "no-date"]);
    expect(model.counts).toEqual({ overdue: 2, "due-soon": 2, later: 2, "no-date": 1 });
    expect(model.total).toBe(7);
  });

  it("leaves out empty sections", () => {
    const model = buildFollowUps([item({ due: null }), item({ due: "2026-12-25" })], ALL, TODAY);
    expect(model.groups.map((g) => g.key)).toEqual(["later", "no-date"]);
    expect(model.counts).toEqual({ overdue: 0, "due-soon": 0, later: 1, "no-date": 1 });
  });

  it("has no groups for no items", () => {
    expect(buildFollowUps([], ALL, TODAY)).toEqual({
      groups: [],
      total: 0,
      counts: { overdue: 0, "due-soon": 0, later: 0, "no-date": 0 },
    });
  });

  it("uses the window it is given", () => {
    expect(buildFollowUps(list, ALL, TODAY, 9).counts).toEqual({ overdue: 2, "due-soon": 3, later: 1, "no-date": 1 });
    expect(buildFollowUps(list, ALL, TODAY, 10).counts).toEqual({ overdue: 2, "due-soon": 4, later: 0, "no-date": 1 });
  });

  it("moves items between sections when the day changes", () => {
    const model = buildFollowUps(list, ALL, "2026-11-25");
    expect(model.counts).toEqual({ overdue: 4, "due-soon": 1, later: 1, "no-date": 1 });
  });

  it("sorts by due date, then person, then text", () => {
    const same = "2026-11-22";
    const model = buildFollowUps(
      [
        item({ text: "b task", due: same, personName: "Boris", personPath: "People/Boris.md" }),
        item({ text: "Z task", due: same, personName: "Anya", personPath: "People/Anya.md" }),
        item({ text: "a task", due: same, personName: "Boris", personPath: "People/Boris.md" }),
        item({ text: "nobody's", due: same, personName: null, personPath: null }),
        item({ text: "earlier", due: "2026-11-21", personName: "Zed", personPath: "People/Zed.md" }),
        item({ text: "Ä task", due: same, personName: "Anya", personPath: "People/Anya.md" }),
      ],
      ALL,
      TODAY,
    );
    expect(texts(model)).toEqual([["Due soon", ["earlier", "Ä task", "Z task", "a task", "b task", "nobody's"]]]);
  });

  it("orders equal texts by note and line", () => {
    const model = buildFollowUps(
      [
        item({ text: "Same", path: "b.md", line: 1 }),
        item({ text: "Same", path: "a.md", line: 9 }),
        item({ text: "same", path: "a.md", line: 2 }),
      ],
      ALL,
      TODAY,
    );
    expect(model.groups[0]!.items.map((i) => i.id)).toEqual(["a.md:2", "a.md:9", "b.md:1"]);
  });

  it("counts an invalid due date as none", () => {
    const model = buildFollowUps([item({ text: "odd", due: "2026-02-30" })], ALL, TODAY);
    expect(texts(model)).toEqual([["No due date", ["odd"]]]);
  });
});

describe("buildFollowUps grouped by person", () => {
  const anya = { personName: "Anya Petrova", personPath: "People/Anya Petrova.md" };
  const emile = { personName: "Émile Zola", personPath: "People/Émile Zola.md" };
  const eddie = { personName: "Eddie", personPath: "People/Eddie.md" };
  const frank = { personName: "Frank", personPath: "People/Frank.md" };
  const anna = { personName: "Анна Иванова", personPath: "People/Анна Иванова.md" };
  const nobody = { personName: null, personPath: null };

  it("orders groups by their most urgent item, then by name, nobody last", () => {
    const model = buildFollowUps(
      [
        item({ text: "no date for Anya", ...anya }),
        item({ text: "Anya later", due: "2026-12-10", ...anya }),
        item({ text: "Frank overdue", due: "2026-11-01", ...frank }),
        item({ text: "nobody overdue", due: "2026-10-01", ...nobody }),
        item({ text: "Émile undated", ...emile }),
        item({ text: "Eddie undated", ...eddie }),
        item({ text: "Anna undated", ...anna }),
        item({ text: "Anya soon", due: "2026-11-22", ...anya }),
      ],
      BY_PERSON,
      TODAY,
    );
    expect(texts(model)).toEqual([
      ["Frank", ["Frank overdue"]],
      ["Anya Petrova", ["Anya soon", "Anya later", "no date for Anya"]],
      ["Eddie", ["Eddie undated"]],
      ["Émile Zola", ["Émile undated"]],
      ["Анна Иванова", ["Anna undated"]],
      [NO_PERSON_TITLE, ["nobody overdue"]],
    ]);
    expect(model.groups.map((g) => g.key)).toEqual([
      "person:People/Frank.md",
      "person:People/Anya Petrova.md",
      "person:People/Eddie.md",
      "person:People/Émile Zola.md",
      "person:People/Анна Иванова.md",
      "person:",
    ]);
    expect(model.counts).toEqual({ overdue: 2, "due-soon": 1, later: 1, "no-date": 4 });
  });

  it("keeps two people with the same name apart, and groups a person without a note by name", () => {
    const model = buildFollowUps(
      [
        item({ text: "one", personName: "Alex", personPath: "People/Team A/Alex.md" }),
        item({ text: "two", personName: "Alex", personPath: "People/Team B/Alex.md" }),
        item({ text: "three", personName: "Zoe", personPath: null }),
        item({ text: "four", personName: null, personPath: "People/@Yan.md" }),
      ],
      BY_PERSON,
      TODAY,
    );
    expect(model.groups.map((g) => [g.key, g.title])).toEqual([
      ["person:People/Team A/Alex.md", "Alex"],
      ["person:People/Team B/Alex.md", "Alex"],
      ["person:People/@Yan.md", "Yan"],
      ["person:Zoe", "Zoe"],
    ]);
  });
});

describe("filters", () => {
  const list = [
    item({ text: "mine", ownerIsMe: true, ownerName: "Me" }),
    item({ text: "theirs", ownerIsMe: false, ownerName: "Anya Petrova" }),
    item({ text: "unassigned", ownerIsMe: false, ownerName: null }),
    item({ text: "Call José about the budget", ownerName: "Boris", personName: "Boris", personPath: "People/Boris.md" }),
    item({ text: "Book the Løvstakken hike", sourceLabel: "Hiking with Søren" }),
  ];
  const shown = (query: Partial<FollowUpsQuery>) =>
    buildFollowUps(list, { ...ALL, ...query }, TODAY).groups.flatMap((g) => g.items.map((i) => i.text));

  it("shows mine, theirs (everything not mine) or all", () => {
    expect(shown({ owner: "mine" })).toEqual(["mine"]);
    expect(shown({ owner: "theirs" }).sort()).toEqual(["Book the Løvstakken hike", "Call José about the budget", "theirs", "unassigned"]);
    expect(shown({ owner: "all" })).toHaveLength(5);
  });

  it("searches text, owner, person and source without case or accents", () => {
    expect(shown({ search: "jose" })).toEqual(["Call José about the budget"]);
    expect(shown({ search: "JOSÉ BUDGET" })).toEqual(["Call José about the budget"]);
    expect(shown({ search: "boris" })).toEqual(["Call José about the budget"]);
    expect(shown({ search: "soren" })).toEqual(["Book the Løvstakken hike"]);
    expect(shown({ search: "lovstakken" })).toEqual(["Book the Løvstakken hike"]);
    expect(shown({ search: "petrova", owner: "theirs" })).toContain("theirs");
    expect(shown({ search: "budget mine" })).toEqual([]);
    expect(shown({ search: "   " })).toHaveLength(5);
  });

  it("counts only what is shown", () => {
    const model = buildFollowUps(list, { ...ALL, owner: "mine" }, TODAY);
    expect(model.total).toBe(1);
    expect(model.counts["no-date"]).toBe(1);
  });

  it("agrees with followUpMatches", () => {
    for (const query of [{ owner: "mine", search: "" }, { owner: "theirs", search: "jose" }] as const) {
      const expected = list.filter((i) => followUpMatches(i, query)).map((i) => i.text).sort();
      expect(shown(query).sort()).toEqual(expected);
    }
  });
});

describe("reusing the sorted list", () => {
  it("gives the same answer twice and follows changes to the array", () => {
    const list = [item({ text: "b", due: "2026-11-30" }), item({ text: "a", due: "2026-11-30" })];
    const first = buildFollowUps(list, ALL, TODAY);
    expect(buildFollowUps(list, ALL, TODAY)).toEqual(first);
    list.push(item({ text: "c", due: "2026-11-01" }));
    expect(texts(buildFollowUps(list, ALL, TODAY))).toEqual([
      ["Overdue", ["c"]],
      ["Later", ["a", "b"]],
    ]);
    list[0] = item({ text: "d", due: null });
    expect(texts(buildFollowUps(list, ALL, TODAY))).toEqual([
      ["Overdue", ["c"]],
      ["Later", ["a"]],
      ["No due date", ["d"]],
    ]);
  });
});

describe("properties", () => {
  const people = [
    { personName: "Anya", personPath: "People/Anya.md" },
    { personName: "Émile", personPath: "People/Émile.md" },
    { personName: "Анна", personPath: "People/Анна.md" },
    { personName: "Zed", personPath: null },
    { personName: null, personPath: null },
  ];
  const day = fc.integer({ min: toDayNumber("2026-10-01"), max: toDayNumber("2027-01-31") }).map(fromDayNumber);
  const arbItem = fc.record({
    text: fc.constantFrom("Send the RFC", "send the rfc", "Review José's doc", "Позвонить", "Item 2", "Item 10", ""),
    due: fc.option(fc.oneof(day, fc.constant("2026-02-30")), { nil: null }),
    who: fc.constantFrom(...people),
    ownerIsMe: fc.boolean(),
    path: fc.constantFrom("a.md", "b.md", "1-1s/Anya/2026-11-07.md"),
  });
  const arbItems = fc.array(arbItem, { maxLength: 40 }).map((records) =>
    records.map((r, line) => item({ text: r.text, due: r.due, ...r.who, ownerIsMe: r.ownerIsMe, path: r.path, line })),
  );
  const arbQuery: fc.Arbitrary<FollowUpsQuery> = fc.record({
    groupBy: fc.constantFrom("due" as const, "person" as const),
    owner: fc.constantFrom("all" as const, "mine" as const, "theirs" as const),
    search: fc.constantFrom("", "rfc", "jose", "item", "анна", "zzz"),
  });
  const arbToday = fc.integer({ min: toDayNumber("2026-10-15"), max: toDayNumber("2027-01-15") }).map(fromDayNumber);

  it("puts every shown item in exactly one group, and counts add up", () => {
    fc.assert(
      fc.property(arbItems, arbQuery, arbToday, fc.integer({ min: 0, max: 14 }), (items, query, today, window) => {
        const model = buildFollowUps(items, query, today, window);
        const ids = model.groups.flatMap((g) => g.items.map((i) => i.id));
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length).toBe(model.total);
        const counts = model.counts;
        expect(counts.overdue + counts["due-soon"] + counts.later + counts["no-date"]).toBe(model.total);
        const expected = items.filter((i) => followUpMatches(i, query));
        expect(model.total).toBe(expected.length);
        expect(ids.sort()).toEqual(expected.map((i) => i.id).sort());
        expect(model.groups.every((g) => g.items.length > 0)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("never shows more than it was given; all and no search show everything", () => {
    fc.assert(
      fc.property(arbItems, arbQuery, arbToday, (items, query, today) => {
        expect(buildFollowUps(items, query, today).total).toBeLessThanOrEqual(items.length);
        expect(buildFollowUps(items, { ...query, owner: "all", search: "" }, today).total).toBe(items.length);
      }),
      { numRuns: RUNS },
    );
  });

  it("puts items in the section followUpSection names, sections in order, dates ascending", () => {
    fc.assert(
      fc.property(arbItems, arbToday, fc.integer({ min: 0, max: 14 }), (items, today, window) => {
        const model = buildFollowUps(items, ALL, today, window);
        const order = FOLLOW_UP_SECTIONS.map((s) => s.id);
        const keys = model.groups.map((g) => g.key);
        expect([...keys].sort((a, b) => order.indexOf(a as never) - order.indexOf(b as never))).toEqual(keys);
        for (const group of model.groups) {
          for (const i of group.items) expect(followUpSection(i.due, today, window)).toBe(group.key);
          const dates = group.items.map((i) => (isValidIsoDate(i.due) ? i.due : ""));
          expect([...dates].sort()).toEqual(dates);
          expect(group.title).toBe(FOLLOW_UP_SECTIONS.find((s) => s.id === group.key)!.title);
          expect(model.counts[group.key as keyof FollowUpsModel["counts"]]).toBe(group.items.length);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("groups by person: one group per person, each holding only that person's items", () => {
    fc.assert(
      fc.property(arbItems, arbToday, (items, today) => {
        const model = buildFollowUps(items, BY_PERSON, today);
        const keys = model.groups.map((g) => g.key);
        expect(new Set(keys).size).toBe(keys.length);
        if (keys.includes("person:")) expect(keys[keys.length - 1]).toBe("person:");
        for (const group of model.groups) {
          for (const i of group.items) expect(`person:${i.personPath ?? i.personName ?? ""}`).toBe(group.key);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("does not depend on the order of the input", () => {
    fc.assert(
      fc.property(arbItems, arbQuery, arbToday, (items, query, today) => {
        const ids = (list: AgreementItem[]) => buildFollowUps(list, query, today).groups.map((g) => [g.key, g.items.map((i) => i.id)]);
        expect(ids([...items].reverse())).toEqual(ids(items));
      }),
      { numRuns: RUNS },
    );
  });

  it("shows the same items however they are grouped", () => {
    fc.assert(
      fc.property(arbItems, arbQuery, arbToday, (items, query, today) => {
        const byDue = buildFollowUps(items, { ...query, groupBy: "due" }, today);
        const byPerson = buildFollowUps(items, { ...query, groupBy: "person" }, today);
        expect(byPerson.counts).toEqual(byDue.counts);
        const ids = (m: FollowUpsModel) => m.groups.flatMap((g) => g.items.map((i) => i.id)).sort();
        expect(ids(byPerson)).toEqual(ids(byDue));
      }),
      { numRuns: RUNS },
    );
  });

  it("keeps addDays and sections consistent at every window edge", () => {
    fc.assert(
      fc.property(arbToday, fc.integer({ min: 0, max: 30 }), (today, window) => {
        expect(followUpSection(addDays(today, window), today, window)).toBe("due-soon");
        expect(followUpSection(addDays(today, window + 1), today, window)).toBe("later");
        expect(followUpSection(addDays(today, -1), today, window)).toBe("overdue");
      }),
      { numRuns: RUNS },
    );
  });
});
