import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { baseName } from "../../src/domain/paths";
import { describeValue, linkTargetOf, parsePerson, personName, readProperty } from "../../src/domain/person";
import { linkTarget, lookupKey, peopleByName, personKeys, personSlug, resolveOwner } from "../../src/domain/person-names";
import { isValidIsoDate } from "../../src/domain/dates";
import { RELATIONSHIPS } from "../../src/domain/types";
import type { Person } from "../../src/domain/types";
import { RUNS } from "../properties";

function person(frontmatter: Record<string, unknown> | null | undefined, path = "People/Anya Petrova.md"): Person {
  return parsePerson({ path, frontmatter });
}

describe("names", () => {
  it.each([
    ["People/Anya Petrova.md", "Anya Petrova"],
    ["People/@Anya.md", "Anya"],
    ["@Anya.md", "Anya"],
    ["people/@ John Appleseed.md", "John Appleseed"],
    ["Team/Payments/Анна Иванова.md", "Анна Иванова"],
    ["People/Anya.MD", "Anya"],
    ["People/v1.2 notes.md", "v1.2 notes"],
    ["People/@.md", "@"],
  ])("%s → %s", (path, name) => {
    expect(person({}, path).name).toBe(name);
    expect(personName(path)).toBe(name);
  });

  it.each([
    ["People/ .md", ["The note has no name; rename it after the person."]],
    ["People/@.md", ["The name has no letters or digits, so links and @names cannot tell this person apart; rename the note."]],
    ["People/!!!.md", ["The name has no letters or digits, so links and @names cannot tell this person apart; rename the note."]],
    ["People/\u202eevil.md", ["The name holds invisible direction marks that make it read as something else; rename the note."]],
    ["People/C# Dev.md", ["The name holds a character that breaks links (# ^ [ ] |), so 1:1 notes cannot link to it; rename the note."]],
    ["People/A [B].md", ["The name holds a character that breaks links (# ^ [ ] |), so 1:1 notes cannot link to it; rename the note."]],
  ])("names the problem with the name of %j", (path, messages) => {
    const p = person({}, path);
    expect(p.problems).toEqual(messages.map((message) => ({ field: "name", message })));
  });

  it.each(["People/שרה כהן.md", "People/محمد.md", "People/🦊 Fox.md", "People/李小龍.md", "People/R2-D2.md", "People/O'Brien, Seán.md", "People/42.md"])(
    "sees no problem in the name of %j",
    (path) => {
      expect(person({}, path).problems).toEqual([]);
    },
  );

  it("linkTarget is the base name, keeping a leading @", () => {
    expect(linkTarget(person({}, "People/@Anya.md"))).toBe("@Anya");
    expect(linkTarget(person({}, "People/Anya Petrova.md"))).toBe("Anya Petrova");
    expect(baseName("a/b/c.md")).toBe("c");
  });
});

describe("the name a person is shown by", () => {
  it.each<[string, Record<string, unknown> | null, string | null, string]>([
    ["People/Anya Petrova.md", { name: "Anya" }, null, "Anya Petrova"],
    ["people/ben-cohen.md", { name: "Ben Cohen" }, "Ben Cohen", "Ben Cohen"],
    ["people/ben-cohen.md", null, "Ben Cohen", "Ben Cohen"],
    ["people/ben-cohen.md", null, "Summary", "ben-cohen"],
    ["people/bc.md", { name: "Ben Cohen" }, null, "Ben Cohen"],
    ["People/!AveryChen.md", null, "Avery Chen", "Avery Chen"],
    ["People/!AveryChen.md", { name: "Someone Else" }, "Avery Chen", "Avery Chen"],
    ["People/@AnnaIvanova.md", null, "Anna Ivanova", "Anna Ivanova"],
    ["Contacts/Jane Doe.md", { name: "Jane Doe" }, null, "Jane Doe"],
    ["people/ben-cohen.md", { name: "[[Ben Cohen]]" }, null, "Ben Cohen"],
    ["people/ben-cohen.md", { name: "<% tp.file.title %>" }, null, "ben-cohen"],
    ["People/Anya.md", { name: "Anya Petrova" }, null, "Anya"],
    ["personnel/altan.md", null, "Altan Stalker", "Altan Stalker"],
    ["personnel/ben.md", null, "Ben (Benjamin Cabanes)", "Ben"],
    ["personnel/jva.md", null, "Joshua VanAllen (JVA)", "Joshua VanAllen"],
    ["personnel/alexis-martinez.md", null, "Alexis Martinez", "Alexis Martinez"],
    ["personnel/alexis-martinez.md", null, "Alexis Smith", "alexis-martinez"],
    ["people/sarah.md", { title: "Sarah Chen" }, null, "Sarah Chen"],
    ["Person - Sarah Chen.md", { title: "Sarah Chen" }, null, "Sarah Chen"],
    ["Contact - Jane Doe.md", null, null, "Jane Doe"],
    ["05 People/Example Person - Alex Rivera.md", null, null, "Example Person - Alex Rivera"],
    ["Project - Alpha.md", null, null, "Project - Alpha"],
  ])("%s with %j and title %j → %s", (path, frontmatter, title, name) => {
    expect(parsePerson({ path, frontmatter, title }).name).toBe(name);
  });
});

describe("last seen, cadence and relationship as other setups write them", () => {
  it.each<[Record<string, unknown>, string | null]>([
    [{ "last-seen": "2026-11-14" }, "2026-11-14"],
    [{ last_contact: "2026-01-26" }, "2026-01-26"],
    [{ "last-contact": "2026-08-23" }, "2026-08-23"],
    [{ lastContacted: "2026-09-20" }, "2026-09-20"],
    [{ last_contacted: "2026-06-02" }, "2026-06-02"],
    [{ lastTalk: "" }, null],
    [{ lastTalk: "2024-07-15", "last-seen": "2024-01-01" }, "2024-07-15"],
  ])("%j → last seen %s", (frontmatter, lastSeen) => {
    expect(person(frontmatter).lastSeen).toBe(lastSeen);
  });

  it("reads a cadence in days, or in the words of a meets or frequency property", () => {
    expect(person({ cadence_days: 90 }).cadence).toEqual({ kind: "every", amount: 90, unit: "day" });
    expect(person({ meets: "weekly" }).cadence).toEqual({ kind: "every", amount: 1, unit: "week" });
    expect(person({ frequency: "monthly" }).cadence).toEqual({ kind: "every", amount: 1, unit: "month" });
    expect(person({ cadence: "biweekly", meets: "weekly" }).cadence).toEqual({ kind: "every", amount: 2, unit: "week" });
  });

  it("reads contact_frequency as a cadence and relationship_type as a relationship", () => {
    expect(person({ contact_frequency: "monthly", relationship_type: "colleague" })).toMatchObject({
      cadence: { kind: "every", amount: 1, unit: "month" },
      relationship: "peer",
    });
  });

  it("takes a direct report for a report", () => {
    expect(person({ directReport: true }).relationship).toBe("report");
    expect(person({ directReport: false }).relationship).toBeNull();
    expect(person({ relationship: "peer", directReport: true }).relationship).toBe("peer");
  });
});

describe("parsePerson", () => {
  it("reads the example from DESIGN", () => {
    const p = person({
      type: "person",
      aliases: ["Anya"],
      relationship: "report",
      role: "Backend engineer",
      team: "Payments",
      cadence: "weekly",
      "last-seen": "2026-11-14",
      birthday: "1990-04-02",
      "first-name": "Anya",
      "last-name": "Petrova",
      archived: false,
      "snooze-until": "2026-12-01",
      tags: ["team/payments"],
    });
    expect(p).toEqual({
      path: "People/Anya Petrova.md",
      name: "Anya Petrova",
      aliases: ["Anya"],
      relationship: "report",
      role: "Backend engineer",
      team: "Payments",
      cadence: { kind: "every", amount: 1, unit: "week" },
      lastSeen: "2026-11-14",
      birthday: { year: 1990, month: 4, day: 2 },
      firstName: "Anya",
      lastName: "Petrova",
      archived: false,
      snoozeUntil: "2026-12-01",
      tags: ["team/payments"],
      log: null,
      problems: [],
    } satisfies Person);
  });

  it.each([[null], [undefined], [{}]])("gives an empty person for %j", (frontmatter) => {
    const p = person(frontmatter);
    expect(p).toMatchObject({
      name: "Anya Petrova",
      aliases: [],
      relationship: null,
      role: null,
      team: null,
      cadence: null,
      lastSeen: null,
      birthday: null,
      firstName: null,
      lastName: null,
      archived: false,
      snoozeUntil: null,
      tags: [],
      log: null,
      problems: [],
    });
  });

  it.each([
    [{ "last-seen": "2026-11-14" }],
    [{ last_seen: "2026-11-14" }],
    [{ lastSeen: "2026-11-14" }],
    [{ "Last-Seen": "2026-11-14" }],
    [{ LASTSEEN: "2026-11-14" }],
    [{ "last seen": "2026-11-14" }],
    [{ "last-seen": " 2026-11-14 " }],
    [{ "last-seen": "2026-11-14T18:30" }],
    [{ "last-seen": new Date(2026, 10, 14, 9) }],
    [{ "last-seen": ["2026-11-01", "2026-11-14"] }],
  ])("reads last seen from %j", (frontmatter) => {
    const p = person(frontmatter);
    expect(p.lastSeen).toBe("2026-11-14");
    expect(p.problems).toEqual([]);
  });

  it("prefers the canonical spelling of a property", () => {
    expect(person({ lastSeen: "2026-01-01", "last-seen": "2026-11-14" }).lastSeen).toBe("2026-11-14");
  });

  it.each([
    [{ first_name: "Ann" }, "Ann"],
    [{ firstName: "Ann" }, "Ann"],
    [{ "First-Name": "Ann" }, "Ann"],
    [{ "first-name": ["Ann"] }, "Ann"],
    [{ "first-name": 42 }, "42"],
    [{ "first-name": "  " }, null],
  ])("reads the first name from %j", (frontmatter, expected) => {
    expect(person(frontmatter).firstName).toBe(expected);
  });

  it.each([
    [{ snooze_until: "2026-12-01" }],
    [{ snoozeUntil: "2026-12-01" }],
    [{ "snooze-until": "2026-12-01" }],
    [{ "Snooze Until": "2026-12-01" }],
  ])("reads snooze-until from %j", (frontmatter) => {
    expect(person(frontmatter).snoozeUntil).toBe("2026-12-01");
  });

  it.each<[unknown, string[]]>([
    ["Anya", ["Anya"]],
    ["Anya, Annie", ["Anya", "Annie"]],
    [["Anya", "Annie"], ["Anya", "Annie"]],
    [["Petrova, Anya"], ["Petrova, Anya"]],
    [["Anya", null, "", "Anya"], ["Anya"]],
    [[7], ["7"]],
    [null, []],
  ])("reads aliases %j", (aliases, expected) => {
    expect(person({ aliases }).aliases).toEqual(expected);
  });

  it("reads `alias` too", () => {
    expect(person({ alias: "Anya" }).aliases).toEqual(["Anya"]);
  });

  it.each<[unknown, string[]]>([
    ["a, b", ["a", "b"]],
    ["a b", ["a", "b"]],
    ["#a #b", ["a", "b"]],
    [["#team/payments", "people"], ["team/payments", "people"]],
    [["a", "a", "#a"], ["a"]],
    [[2026, "x"], ["2026", "x"]],
    ["", []],
    [null, []],
  ])("reads tags %j", (tags, expected) => {
    expect(person({ tags }).tags).toEqual(expected);
  });

  it("reads `tag` too", () => {
    expect(person({ tag: "friend" }).tags).toEqual(["friend"]);
  });

  it.each<[unknown, boolean]>([
    [true, true],
    [false, false],
    ["true", true],
    ["True", true],
    ["yes", true],
    ["no", false],
    ["false", false],
    [1, true],
    [0, false],
    [null, false],
    ["", false],
  ])("reads archived %j as %s", (archived, expected) => {
    const p = person({ archived });
    expect(p.archived).toBe(expected);
    expect(p.problems).toEqual([]);
  });

  it.each<[unknown, { year: number | null; month: number; day: number } | null]>([
    ["1990-04-02", { year: 1990, month: 4, day: 2 }],
    ["--04-02", { year: null, month: 4, day: 2 }],
    ["--02-29", { year: null, month: 2, day: 29 }],
    ["04-02", { year: null, month: 4, day: 2 }],
    ["2000-02-29", { year: 2000, month: 2, day: 29 }],
    [new Date(1990, 3, 2), { year: 1990, month: 4, day: 2 }],
    [["1990-04-02"], { year: 1990, month: 4, day: 2 }],
    [null, null],
    ["", null],
  ])("reads birthday %j", (birthday, expected) => {
    const p = person({ birthday });
    expect(p.birthday).toEqual(expected);
    expect(p.problems).toEqual([]);
  });

  it.each(RELATIONSHIPS.map((r) => [r]))("knows the relationship %s", (relationship) => {
    expect(person({ relationship }).relationship).toBe(relationship);
    expect(person({ relationship: relationship.toUpperCase() }).relationship).toBe(relationship);
  });

  it.each([
    ["Direct report", "report"],
    ["skip-level", "skip"],
    ["colleague", "peer"],
    ["[[manager]]", "manager"],
  ])("reads the relationship %j as %s", (relationship, expected) => {
    expect(person({ relationship }).relationship).toBe(expected);
  });

  it.each([
    [{ team: "[[Payments]]" }, "team", "Payments"],
    [{ team: "[[Teams/Payments|Payments team]]" }, "team", "Payments team"],
    [{ team: "[[Teams/Payments]]" }, "team", "Payments"],
    [{ role: ["Engineer", "Lead"] }, "role", "Engineer, Lead"],
    [{ role: 3 }, "role", "3"],
  ] as const)("reads text from %j", (frontmatter, field, expected) => {
    expect(person(frontmatter)[field]).toBe(expected);
  });

  it.each([
    [{ log: "[[1-1s/Anya Petrova]]" }, "1-1s/Anya Petrova"],
    [{ log: "[[1-1s/Anya Petrova|log]]" }, "1-1s/Anya Petrova"],
    [{ log: "1-1s/Anya Petrova" }, "1-1s/Anya Petrova"],
    [{ log: "[log](1-1s/Anya%20Petrova.md)" }, "1-1s/Anya Petrova"],
    [{ log: ["[[Anya log]]"] }, "Anya log"],
    [{ log: "" }, null],
  ])("reads the log link %j", (frontmatter, expected) => {
    expect(person(frontmatter).log).toBe(expected);
  });

  it.each<[Record<string, unknown>, string, string]>([
    [{ relationship: "boss man" }, "relationship", 'Relationship "boss man" is unknown; use one of: report, manager'],
    [{ cadence: "every blue moon" }, "cadence", 'Cadence "every blue moon" is not understood'],
    [{ cadence: 0 }, "cadence", "Cadence 0 has no unit"],
    [{ "last-seen": "2026-02-30" }, "last-seen", 'Last seen "2026-02-30" is not a valid date; write it as YYYY-MM-DD.'],
    [{ "last-seen": "yesterday" }, "last-seen", 'Last seen "yesterday" is not a valid date'],
    [{ "last-seen": 20261114 }, "last-seen", "Last seen 20261114 is not a valid date"],
    [{ "snooze-until": "next week" }, "snooze-until", 'Snooze until "next week" is not a valid date'],
    [{ birthday: "1990-13-02" }, "birthday", 'Birthday "1990-13-02" is not a valid date; write it as YYYY-MM-DD or --MM-DD.'],
    [{ birthday: "1990-02-29" }, "birthday", 'Birthday "1990-02-29" is not a valid date'],
    [{ birthday: "--02-30" }, "birthday", 'Birthday "--02-30" is not a valid date'],
    [{ birthday: "April 2nd" }, "birthday", 'Birthday "April 2nd" is not a valid date'],
    [{ birthday: { month: 4 } }, "birthday", "Birthday an object is not a valid date"],
    [{ archived: "maybe" }, "archived", 'Archived should be true or false, not "maybe".'],
    [{ role: { title: "x" } }, "role", "Role should be text, not an object."],
    [{ team: [{ a: 1 }] }, "team", "Team should be text, not a list."],
    [{ aliases: [{ a: 1 }, "Anya"] }, "aliases", "Aliases should be text or a list of text"],
  ])("reports a problem for %j", (frontmatter, field, message) => {
    const p = person(frontmatter);
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]?.field).toBe(field);
    expect(p.problems[0]?.message).toContain(message);
  });

  it("keeps what it can read next to a problem", () => {
    const p = person({ aliases: [{ a: 1 }, "Anya"], cadence: "weekly", relationship: "nope" });
    expect(p.aliases).toEqual(["Anya"]);
    expect(p.cadence).toEqual({ kind: "every", amount: 1, unit: "week" });
    expect(p.relationship).toBeNull();
    expect(p.problems.map((x) => x.field).sort()).toEqual(["aliases", "relationship"]);
  });

  it("writes problems in sentence case", () => {
    const p = person({ relationship: "x", cadence: "x", "last-seen": "x", birthday: "x", archived: "x", role: {}, "snooze-until": "x" });
    expect(p.problems).toHaveLength(7);
    for (const problem of p.problems) {
      expect(problem.message[0]).toMatch(/[A-Z]/);
      expect(problem.message).toMatch(/\.$/);
    }
  });

  it("never throws on any front matter", () => {
    fc.assert(
      fc.property(fc.anything(), fc.string(), (frontmatter, path) => {
        const p = parsePerson({ path, frontmatter: frontmatter as Record<string, unknown> });
        expect(typeof p.name).toBe("string");
        expect(Array.isArray(p.problems)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("never throws on any value of a known property", () => {
    const keys = [
      "type",
      "aliases",
      "alias",
      "relationship",
      "role",
      "team",
      "cadence",
      "last-seen",
      "lastSeen",
      "birthday",
      "first-name",
      "last_name",
      "archived",
      "snooze-until",
      "tags",
      "tag",
      "log",
    ];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), fc.anything({ withDate: true, withNullPrototype: true, withBigInt: true })), (frontmatter) => {
        const p = parsePerson({ path: "People/X.md", frontmatter });
        expect(p.lastSeen === null || isValidIsoDate(p.lastSeen)).toBe(true);
        expect(p.snoozeUntil === null || isValidIsoDate(p.snoozeUntil)).toBe(true);
        expect(p.aliases.every((a) => typeof a === "string" && a !== "")).toBe(true);
        expect(p.tags.every((t) => typeof t === "string" && !t.startsWith("#"))).toBe(true);
        for (const problem of p.problems) expect(problem.message.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("readProperty and helpers", () => {
  it("finds properties regardless of case, dashes and underscores", () => {
    expect(readProperty({ Type: "person" }, "type")).toBe("person");
    expect(readProperty({ "snooze_until": 1 }, "snooze-until")).toBe(1);
    expect(readProperty(null, "type")).toBeUndefined();
    expect(readProperty(["type"], "type")).toBeUndefined();
    expect(readProperty({ toString: "x" }, "valueOf")).toBeUndefined();
  });

  it("describes values safely", () => {
    expect(describeValue("x")).toBe('"x"');
    expect(describeValue(3)).toBe("3");
    expect(describeValue([])).toBe("an empty list");
    expect(describeValue(Object.create(null))).toBe("an object");
    expect(describeValue(`${"a".repeat(50)}`)).toBe(`"${"a".repeat(40)}…"`);
  });

  it("linkTargetOf strips brackets, alias and heading", () => {
    expect(linkTargetOf("[[Anya Petrova|Anya]]")).toBe("Anya Petrova");
    expect(linkTargetOf("[[Anya Petrova#Notes]]")).toBe("Anya Petrova");
    expect(linkTargetOf("Anya")).toBe("Anya");
  });
});

describe("personSlug", () => {
  it.each([
    ["Anya Petrova", "anya-petrova"],
    ["John Appleseed", "john-appleseed"],
    ["José Müller", "jose-muller"],
    ["Zoë O'Brien-Smith", "zoe-o-brien-smith"],
    ["Анна Иванова", "анна-иванова"],
    ["Андрей Йорк", "андрей-йорк"],
    ["Ёлка", "ёлка"],
    ["李小龍", "李小龍"],
    ["김민준 Kim", "김민준-kim"],
    ["Łukasz Żółw", "łukasz-zołw"],
    ["  --Anya__Petrova!!  ", "anya-petrova"],
    ["Anya 🎉 Petrova", "anya-petrova"],
    ["R2-D2", "r2-d2"],
    ["", ""],
    ["!!!", ""],
  ])("%j → %j", (name, slug) => {
    expect(personSlug(name)).toBe(slug);
  });

  it("gives lower-case text without separators at the ends or doubled", () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        const slug = personSlug(name);
        expect(slug).toBe(slug.toLowerCase());
        expect(slug).not.toMatch(/^-|-$|--|\s/);
        expect(personSlug(slug)).toBe(slug);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("personKeys", () => {
  it("lists the ways a person is referred to", () => {
    const p = person({ aliases: ["Annie"] }, "People/Anya Petrova.md");
    expect(personKeys(p)).toEqual(["anya petrova", "anya-petrova", "anyapetrova", "annie", "anya"]);
  });

  it("uses the first-name property", () => {
    const p = person({ "first-name": "Ann Marie" }, "People/Ann Marie Smith.md");
    expect(personKeys(p)).toEqual(
      expect.arrayContaining(["ann marie smith", "ann-marie-smith", "annmariesmith", "ann marie", "ann-marie", "annmarie"]),
    );
    expect(personKeys(p)).not.toContain("ann");
  });

  it("keeps non-Latin names", () => {
    const p = person({}, "People/@Анна Иванова.md");
    expect(personKeys(p)).toEqual(["анна иванова", "анна-иванова", "аннаиванова", "анна"]);
  });

  it("has no empty or duplicate keys", () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string()), fc.option(fc.string()), (name, aliases, firstName) => {
        const keys = personKeys({ name, aliases, firstName });
        expect(new Set(keys).size).toBe(keys.length);
        expect(keys.every((k) => k !== "" && k === k.toLowerCase())).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("peopleByName", () => {
  const anya = { name: "Anya Petrova", aliases: ["Anya P.", "Аня"] };
  const anyaToo = { name: "anya petrova", aliases: [] };
  const ben = { name: "Ben Okafor", aliases: ["Anya Petrova"] };
  const bjorn = { name: "Bj\u00f6rn Lund", aliases: [] };

  it("finds people by name and alias, in any case and Unicode form, and by slug", () => {
    const find = peopleByName([anya, ben, bjorn]);
    expect(find("  ANYA P. ")).toEqual([anya]);
    expect(find("аня")).toEqual([anya]);
    expect(find("ben-okafor")).toEqual([ben]);
    expect(find("bjo\u0308rn lund")).toEqual([bjorn]);
    expect(find("Björn")).toEqual([]);
  });

  it("lists every person a name finds, each once, and nobody for a first name alone", () => {
    const find = peopleByName([anya, anyaToo, ben]);
    expect(find("Anya Petrova")).toEqual([anya, anyaToo, ben]);
    expect(find("Anya")).toEqual([]);
    expect(find("")).toEqual([]);
  });
});

describe("resolveOwner", () => {
  const anya = person({ aliases: ["Annie"] }, "People/@Anya Petrova.md");
  const index = new Map(personKeys(anya).map((k) => [k, anya.path]));
  const lookup = (key: string): string | null => index.get(key) ?? null;

  it.each([
    [{ kind: "me" } as const, "me"],
    [{ kind: "none" } as const, null],
    [{ kind: "name", name: "anya" } as const, anya.path],
    [{ kind: "name", name: "Annie" } as const, anya.path],
    [{ kind: "name", name: "anya-petrova" } as const, anya.path],
    [{ kind: "name", name: "AnyaPetrova" } as const, anya.path],
    [{ kind: "name", name: "bob" } as const, null],
    [{ kind: "link", target: "@Anya Petrova" } as const, anya.path],
    [{ kind: "link", target: "People/@Anya Petrova.md" } as const, anya.path],
    [{ kind: "link", target: "Anya Petrova" } as const, anya.path],
    [{ kind: "link", target: "Project X" } as const, null],
  ])("%j → %s", (owner, expected) => {
    expect(resolveOwner(owner, lookup)).toBe(expected);
  });

  it("lookupKey folds case and Unicode forms", () => {
    expect(lookupKey(" Jose\u0301 ")).toBe(lookupKey("JOSÉ"));
  });
});
