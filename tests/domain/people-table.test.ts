import { describe, expect, expectTypeOf, it } from "vitest";
import fc from "fast-check";
import { fromDayNumber, toDayNumber } from "../../src/domain/dates";
import type { DueInfo } from "../../src/domain/due";
import {
  PEOPLE_COLUMNS,
  buildPeopleTable,
  hasTag,
  inRelationshipGroup,
  peopleCellText,
  peopleDue,
  peopleToCsv,
  peopleToMarkdown,
  personRow,
  rowMatches,
  splitName,
  upcomingBirthdays,
  type PersonEntryLike,
} from "../../src/domain/people-table";
import { RELATIONSHIPS, type Relationship } from "../../src/domain/types";
import type { PeopleColumn, PeopleQuery, PersonRow, SortDirection } from "../../src/domain/view-models";
import type { PersonEntry } from "../../src/index/people-index";
import { RUNS } from "../properties";

const TODAY = "2026-11-21";

function row(partial: Partial<PersonRow> & { name: string }): PersonRow {
  const { firstName, lastName } = splitName(partial.name);
  return {
    path: `People/${partial.name}.md`,
    firstName,
    lastName,
    aliases: [],
    relationship: null,
    role: null,
    team: null,
    tags: [],
    cadence: "weekly",
    cadenceIsDefault: false,
    lastSeen: null,
    nextDue: null,
    status: "ok",
    daysUntilDue: null,
    openAgreements: 0,
    nextBirthday: null,
    archived: false,
    problems: [],
    ...partial,
  };
}

const QUERY: PeopleQuery = {
  sort: { column: "name", direction: "ascending" },
  nameOrder: "first",
  text: "",
  group: "all",
  tag: null,
  showArchived: false,
};

function query(partial: Partial<PeopleQuery> = {}, column: PeopleColumn = "name", direction: SortDirection = "ascending"): PeopleQuery {
  return { ...QUERY, sort: { column, direction }, ...partial };
}

const names = (rows: PersonRow[]) => rows.map((r) => r.name);

describe("PersonEntryLike", () => {
  it("is satisfied by the index's PersonEntry", () => {
    expectTypeOf<PersonEntry>().toExtend<PersonEntryLike>();
    const accept = (entry: PersonEntry): PersonEntryLike => entry;
    expect(accept).toBeTypeOf("function");
  });
});

describe("splitName", () => {
  it.each([
    ["Anya Petrova", null, null, "Anya", "Petrova"],
    ["Jean Luc Picard", null, null, "Jean Luc", "Picard"],
    ["Cher", null, null, "Cher", "Cher"],
    ["  Anya   Petrova  ", null, null, "Anya", "Petrova"],
    ["Anya Petrova", "Anna", null, "Anna", "Petrova"],
    ["Ludwig van Beethoven", "Ludwig", "van Beethoven", "Ludwig", "van Beethoven"],
    ["Anya Petrova", "  ", "", "Anya", "Petrova"],
    ["Анна Иванова", null, null, "Анна", "Иванова"],
  ])("%j (first %j, last %j) → %j / %j", (name, first, last, firstName, lastName) => {
    expect(splitName(name, first, last)).toEqual({ firstName, lastName });
  });

  it("splits at any white space, as the regular expression \\s does", () => {
    const reference = (name: string) => {
      const words = name.trim().split(/\s+/).filter((w) => w !== "");
      const last = words.length > 0 ? words[words.length - 1]! : name.trim();
      return { firstName: words.length > 1 ? words.slice(0, -1).join(" ") : last, lastName: last };
    };
    const unit = fc.constantFrom("A", "n", "é", "Я", "-", ".", " ", " ", "\t", "\n", "\u00a0", "\u0085", "\u1680", "\u180e", "\u2003", "\u2028", "\u202f", "\u3000", "\ufeff", "\u0001", "\u200b");
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: fc.constantFrom("A", "n", "é", " "), maxLength: 8 }), fc.string({ unit, maxLength: 12 })), (name) => {
        expect(splitName(name)).toEqual(reference(name));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("personRow", () => {
  const due: DueInfo = { status: "overdue", nextDue: "2026-11-14", daysUntilDue: -7 };
  const entry: PersonEntryLike = {
    path: "People/Anya Petrova.md",
    name: "Anya Petrova",
    person: {
      aliases: ["Anya"],
      relationship: "report",
      role: "Backend engineer",
      team: " ",
      tags: ["team/payments"],
      birthday: { month: 4, day: 2, year: 1990 },
      firstName: null,
      lastName: "Petrova-Smith",
      archived: false,
    },
    cadence: { kind: "every", amount: 2, unit: "week" },
    cadenceIsDefault: true,
    lastSeen: "2026-10-31",
    due,
    openAgreements: 3,
    problems: [{ message: "Cadence is odd." }],
  };

  it("shows what the index knows", () => {
    expect(personRow(entry, TODAY)).toEqual({
      path: "People/Anya Petrova.md",
      name: "Anya Petrova",
      firstName: "Anya",
      lastName: "Petrova-Smith",
      aliases: ["Anya"],
      relationship: "report",
      role: "Backend engineer",
      team: null,
      tags: ["team/payments"],
      cadence: "biweekly",
      cadenceIsDefault: true,
      lastSeen: "2026-10-31",
      nextDue: "2026-11-14",
      status: "overdue",
      daysUntilDue: -7,
      openAgreements: 3,
      nextBirthday: "2027-04-02",
      archived: false,
      problems: ["Cadence is odd."],
    });
  });

  it("has no birthday or dates when there are none", () => {
    const none = personRow(
      { ...entry, person: { ...entry.person, birthday: null }, lastSeen: null, due: { status: "ok", nextDue: null, daysUntilDue: null } },
      TODAY,
    );
    expect([none.nextBirthday, none.lastSeen, none.nextDue]).toEqual([null, null, null]);
  });

  it("gives today's birthday as today and handles 29 February", () => {
    const on = (month: number, day: number, today: string) =>
      personRow({ ...entry, person: { ...entry.person, birthday: { month, day, year: null } } }, today).nextBirthday;
    expect(on(11, 21, TODAY)).toBe("2026-11-21");
    expect(on(11, 20, TODAY)).toBe("2027-11-20");
    expect(on(2, 29, TODAY)).toBe("2027-02-28");
    expect(on(2, 29, "2027-12-01")).toBe("2028-02-29");
  });

  it("works on the index's own entries", () => {
    const indexEntry = {
      ...entry,
      person: {
        ...entry.person,
        path: entry.path,
        name: entry.name,
        cadence: null,
        lastSeen: null,
        snoozeUntil: null,
        log: null,
        problems: [],
      },
      created: null,
      problems: [{ field: "cadence", message: "Cadence is odd." }],
    } satisfies PersonEntry;
    expect(personRow(indexEntry, TODAY).name).toBe("Anya Petrova");
  });
});

describe("sorting", () => {
  const people = [
    row({ name: "Frank Zappa", team: "Core", lastSeen: "2026-11-01", nextDue: "2026-11-08", openAgreements: 2, cadence: "monthly" }),
    row({ name: "Émile Zola", team: "payments", lastSeen: null, nextDue: "2026-11-30", openAgreements: 10, cadence: "weekly" }),
    row({ name: "Eddie Vedder", team: null, lastSeen: "2026-10-01", nextDue: null, openAgreements: 0, cadence: "none" }),
    row({ name: "Анна Иванова", team: "Платежи", lastSeen: "2026-11-20", nextDue: "2026-11-27", openAgreements: 2, cadence: "every 10 days" }),
    row({ name: "Adam Smith", team: "Payments", lastSeen: "2026-11-20", nextDue: null, openAgreements: 9, cadence: "biweekly" }),
  ];

  it("sorts names by first name, accents and scripts as a person expects", () => {
    expect(names(buildPeopleTable(people, query()))).toEqual(["Adam Smith", "Eddie Vedder", "Émile Zola", "Frank Zappa", "Анна Иванова"]);
    expect(names(buildPeopleTable(people, query({}, "name", "descending")))).toEqual([
      "Анна Иванова",
      "Frank Zappa",
      "Émile Zola",
      "Eddie Vedder",
      "Adam Smith",
    ]);
  });

  it("sorts names by last name", () => {
    expect(names(buildPeopleTable(people, query({ nameOrder: "last" })))).toEqual([
      "Adam Smith",
      "Eddie Vedder",
      "Frank Zappa",
      "Émile Zola",
      "Анна Иванова",
    ]);
  });

  it("sorts by first name, then last name, then the full name", () => {
    const same = [row({ name: "Anna Zed" }), row({ name: "Bob Adams" }), row({ name: "Änna Adams", path: "x.md" }), row({ name: "Anna" }), row({ name: "anna Adams" })];
    expect(names(buildPeopleTable(same, query()))).toEqual(["anna Adams", "Änna Adams", "Anna", "Anna Zed", "Bob Adams"]);
    expect(names(buildPeopleTable(same, query({ nameOrder: "last" })))).toEqual(["anna Adams", "Änna Adams", "Bob Adams", "Anna", "Anna Zed"]);
  });

  it("sorts numbers in names as numbers", () => {
    const numbered = [row({ name: "Intern 10" }), row({ name: "Intern 9" }), row({ name: "Intern 1" })];
    expect(names(buildPeopleTable(numbered, query({ nameOrder: "last" })))).toEqual(["Intern 1", "Intern 9", "Intern 10"]);
  });

  it.each<[PeopleColumn, string[], string[]]>([
    [
      "lastSeen",
      ["Eddie Vedder", "Frank Zappa", "Adam Smith", "Анна Иванова", "Émile Zola"],
      ["Adam Smith", "Анна Иванова", "Frank Zappa", "Eddie Vedder", "Émile Zola"],
    ],
    [
      "nextDue",
      ["Frank Zappa", "Анна Иванова", "Émile Zola", "Adam Smith", "Eddie Vedder"],
      ["Émile Zola", "Анна Иванова", "Frank Zappa", "Adam Smith", "Eddie Vedder"],
    ],
    [
      "openAgreements",
      ["Eddie Vedder", "Frank Zappa", "Анна Иванова", "Adam Smith", "Émile Zola"],
      ["Émile Zola", "Adam Smith", "Frank Zappa", "Анна Иванова", "Eddie Vedder"],
    ],
    [
      "team",
      ["Frank Zappa", "Adam Smith", "Émile Zola", "Анна Иванова", "Eddie Vedder"],
      ["Анна Иванова", "Adam Smith", "Émile Zola", "Frank Zappa", "Eddie Vedder"],
    ],
    [
      "cadence",
      ["Émile Zola", "Анна Иванова", "Adam Smith", "Frank Zappa", "Eddie Vedder"],
      ["Frank Zappa", "Adam Smith", "Анна Иванова", "Émile Zola", "Eddie Vedder"],
    ],
  ])("sorts by %s both ways, empty values last, ties by name", (column, ascending, descending) => {
    expect(names(buildPeopleTable(people, query({}, column, "ascending")))).toEqual(ascending);
    expect(names(buildPeopleTable(people, query({}, column, "descending")))).toEqual(descending);
  });

  it("sorts by relationship, role, tags, birthday and problems", () => {
    const list = [
      row({ name: "A", relationship: "report", role: "Engineer", tags: ["b"], nextBirthday: "2027-01-01", problems: ["x", "y"] }),
      row({ name: "B", relationship: "friend", role: "", tags: [], nextBirthday: null, problems: [] }),
      row({ name: "C", relationship: null, role: "designer", tags: ["a", "z"], nextBirthday: "2026-12-01", problems: ["x"] }),
    ];
    const sorted = (column: PeopleColumn, direction: SortDirection = "ascending") => names(buildPeopleTable(list, query({}, column, direction)));
    expect(sorted("relationship")).toEqual(["B", "A", "C"]);
    expect(sorted("role")).toEqual(["C", "A", "B"]);
    expect(sorted("role", "descending")).toEqual(["A", "C", "B"]);
    expect(sorted("tags")).toEqual(["C", "A", "B"]);
    expect(sorted("nextBirthday")).toEqual(["C", "A", "B"]);
    expect(sorted("nextBirthday", "descending")).toEqual(["A", "C", "B"]);
    expect(sorted("problems")).toEqual(["B", "C", "A"]);
    expect(sorted("problems", "descending")).toEqual(["A", "C", "B"]);
  });

  it("compares dates as dates, not as they would sort by their first digits", () => {
    const list = [row({ name: "A", lastSeen: "2026-10-09" }), row({ name: "B", lastSeen: "2026-09-10" }), row({ name: "C", lastSeen: "2027-01-01" })];
    expect(names(buildPeopleTable(list, query({}, "lastSeen")))).toEqual(["B", "A", "C"]);
  });
});

describe("filters", () => {
  const people = [
    row({ name: "Anya Petrova", relationship: "report", aliases: ["Аня"], role: "Backend engineer", team: "Payments", tags: ["team/payments"] }),
    row({ name: "José Álvarez", relationship: "peer", tags: ["Team/Core"] }),
    row({ name: "Mum", relationship: "family", tags: ["home"] }),
    row({ name: "Sam", relationship: "friend", tags: ["teammates"] }),
    row({ name: "Pat", relationship: null }),
    row({ name: "Lee", relationship: "other" }),
    row({ name: "Old Boss", relationship: "manager", archived: true, team: "Payments" }),
  ];
  const shown = (partial: Partial<PeopleQuery>) => names(buildPeopleTable(people, query(partial)));

  it("hides archived people unless asked", () => {
    expect(shown({})).not.toContain("Old Boss");
    expect(shown({ showArchived: true })).toContain("Old Boss");
  });

  it("groups colleagues (with people of no relationship) and friends", () => {
    expect(shown({ group: "colleagues" })).toEqual(["Anya Petrova", "José Álvarez", "Pat"]);
    expect(shown({ group: "friends" })).toEqual(["Mum", "Sam"]);
    expect(shown({ group: "all" })).toHaveLength(6);
    for (const relationship of RELATIONSHIPS) {
      const colleague = inRelationshipGroup(relationship, "colleagues");
      const friend = inRelationshipGroup(relationship, "friends");
      expect(colleague && friend).toBe(false);
      expect(colleague || friend).toBe(relationship !== "other");
    }
    expect(inRelationshipGroup(null, "colleagues")).toBe(true);
    expect(inRelationshipGroup(null, "friends")).toBe(false);
  });

  it("filters by a tag and the tags nested under it", () => {
    expect(shown({ tag: "team" })).toEqual(["Anya Petrova", "José Álvarez"]);
    expect(shown({ tag: "#Team/" })).toEqual(["Anya Petrova", "José Álvarez"]);
    expect(shown({ tag: "team/payments" })).toEqual(["Anya Petrova"]);
    expect(shown({ tag: "team/pay" })).toEqual([]);
    expect(shown({ tag: "" })).toHaveLength(6);
    expect(hasTag(["a/b/c"], "a/b")).toBe(true);
    expect(hasTag(["ab"], "a")).toBe(false);
  });

  it("searches name, aliases, role, team and tags without case or accents", () => {
    expect(shown({ text: "jose" })).toEqual(["José Álvarez"]);
    expect(shown({ text: "ALVAREZ" })).toEqual(["José Álvarez"]);
    expect(shown({ text: "аня" })).toEqual(["Anya Petrova"]);
    expect(shown({ text: "backend" })).toEqual(["Anya Petrova"]);
    expect(shown({ text: "payments" })).toEqual(["Anya Petrova"]);
    expect(shown({ text: "payments", showArchived: true })).toEqual(["Anya Petrova", "Old Boss"]);
    expect(shown({ text: "#home" })).toEqual(["Mum"]);
    expect(shown({ text: "team core" })).toEqual(["José Álvarez"]);
    expect(shown({ text: "nobody" })).toEqual([]);
  });

  it("agrees with rowMatches", () => {
    const q = { text: "a", group: "colleagues" as const, tag: "team", showArchived: true };
    expect(shown(q)).toEqual(names(people.filter((r) => rowMatches(r, q))).sort());
  });
});

describe("peopleDue", () => {
  const status = (name: string, s: PersonRow["status"], days: number | null, extra: Partial<PersonRow> = {}) =>
    row({ name, status: s, daysUntilDue: days, nextDue: days === null ? null : fromDayNumber(toDayNumber(TODAY) + days), ...extra });

  it("lists overdue, due soon and never-seen people, most urgent first", () => {
    const list = [
      status("Soon", "due-soon", 2),
      status("Fine", "ok", 10),
      status("Very late", "overdue", -20),
      status("Late", "overdue", -3),
      status("New", "never-seen", -5),
      status("New tomorrow", "never-seen", 1),
      status("New undated", "never-seen", null),
      status("Away", "snoozed", 5),
      status("Gone", "archived", null, { archived: true }),
      status("Also late", "overdue", -3),
      status("Today", "due-soon", 0),
    ];
    expect(names(peopleDue(list))).toEqual(["Very late", "New", "Also late", "Late", "Today", "Soon", "New undated"]);
  });
});

describe("upcomingBirthdays", () => {
  const list = [
    row({ name: "Later", nextBirthday: "2026-12-06" }),
    row({ name: "Edge", nextBirthday: "2026-12-05" }),
    row({ name: "Today", nextBirthday: "2026-11-21" }),
    row({ name: "Tomorrow", nextBirthday: "2026-11-22" }),
    row({ name: "Also tomorrow", nextBirthday: "2026-11-22" }),
    row({ name: "Archived", nextBirthday: "2026-11-23", archived: true }),
    row({ name: "Unknown", nextBirthday: null }),
  ];

  it("lists birthdays within 14 days, soonest first", () => {
    expect(upcomingBirthdays(list, TODAY).map((b) => [b.row.name, b.date, b.inDays])).toEqual([
      ["Today", "2026-11-21", 0],
      ["Also tomorrow", "2026-11-22", 1],
      ["Tomorrow", "2026-11-22", 1],
      ["Edge", "2026-12-05", 14],
    ]);
  });

  it("takes another window", () => {
    expect(upcomingBirthdays(list, TODAY, 0).map((b) => b.row.name)).toEqual(["Today"]);
    expect(upcomingBirthdays(list, TODAY, 15).map((b) => b.row.name)).toContain("Later");
  });

  it("crosses the new year", () => {
    const rows = [row({ name: "New year", nextBirthday: "2027-01-02" })];
    expect(upcomingBirthdays(rows, "2026-12-25").map((b) => b.inDays)).toEqual([8]);
  });
});

describe("columns and copying", () => {
  it("lists the columns in display order with sentence-case titles", () => {
    expect(PEOPLE_COLUMNS.map((c) => c.title)).toEqual([
      "Name",
      "Relationship",
      "Role",
      "Team",
      "Tags",
      "Cadence",
      "Last seen",
      "Next due",
      "Open agreements",
      "Next birthday",
      "Problems",
    ]);
    expect(new Set(PEOPLE_COLUMNS.map((c) => c.id)).size).toBe(11);
  });

  it("keeps who, when next and when last at every width: only they have the first priority", () => {
    expect(PEOPLE_COLUMNS.filter((c) => c.priority === 1).map((c) => c.title)).toEqual(["Name", "Last seen", "Next due"]);
    expect(PEOPLE_COLUMNS.every((c) => Number.isInteger(c.priority) && c.priority >= 1 && c.priority <= 5)).toBe(true);
  });

  const anya = row({
    name: "Anya Petrova",
    relationship: "report",
    role: "Lead | backend",
    team: "Payments\nand billing",
    tags: ["team/payments", "remote"],
    lastSeen: "2026-11-14",
    nextDue: "2026-11-21",
    openAgreements: 2,
    nextBirthday: "2027-04-02",
    problems: ["Cadence is odd.", "Birthday is odd."],
  });
  const tricky = row({ name: "=HYPERLINK(\"x\")", role: "+1, \"quoted\"", team: "-5", tags: ["@home"], cadence: "none" });

  it("writes a Markdown table with pipes and line breaks escaped", () => {
    expect(peopleToMarkdown([anya], ["name", "role", "team", "tags", "openAgreements"])).toBe(
      "| Name | Role | Team | Tags | Open agreements |\n" +
        "| --- | --- | --- | --- | --- |\n" +
        "| Anya Petrova | Lead \\| backend | Payments<br>and billing | team/payments, remote | 2 |\n",
    );
  });

  it("writes every column by default", () => {
    const markdown = peopleToMarkdown([anya]);
    expect(markdown.split("\n")[0]).toBe(`| ${PEOPLE_COLUMNS.map((c) => c.title).join(" | ")} |`);
    expect(markdown).toContain("| Anya Petrova | report | Lead \\| backend |");
    expect(markdown).toContain("| weekly | 2026-11-14 | 2026-11-21 | 2 | 2027-04-02 | Cadence is odd.; Birthday is odd. |");
    expect(peopleToMarkdown([], ["name"])).toBe("| Name |\n| --- |\n");
    expect(peopleToMarkdown([anya], [])).toBe("");
  });

  it("writes CSV per RFC 4180, safe to open in a spreadsheet", () => {
    expect(peopleToCsv([anya, tricky], ["name", "role", "team", "tags", "openAgreements"])).toBe(
      "Name,Role,Team,Tags,Open agreements\r\n" +
        'Anya Petrova,Lead | backend,"Payments\nand billing","team/payments, remote",2\r\n' +
        '"\'=HYPERLINK(""x"")","\'+1, ""quoted""",\'-5,\'@home,0\r\n',
    );
    expect(peopleToCsv([], ["lastSeen"])).toBe("Last seen\r\n");
  });

  it("reads back cell for cell", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "Я", ",", '"', "\n", "\r", " ", "=", "+", "-", "@", "|", "\t") });
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { maxLength: 5 }), (cells) => {
        const rows = cells.map(([name, role, team], i) => row({ name: name || `n${i}`, role, team }));
        const parsed = parseCsv(peopleToCsv(rows, ["name", "role", "team"]));
        expect(parsed[0]).toEqual(["Name", "Role", "Team"]);
        rows.forEach((r, i) => {
          const expected = (["name", "role", "team"] as const).map((c) => {
            const text = peopleCellText(r, c);
            return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
          });
          expect(parsed[i + 1]).toEqual(expected);
        });
        expect(parsed).toHaveLength(rows.length + 1);
      }),
      { numRuns: RUNS },
    );
  });

  it("keeps every Markdown row on one line with one cell per column", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "|", "\n", "\r", " ", "\\", "`") });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 5 }), (cells) => {
        const rows = cells.map(([name, role]) => row({ name, role }));
        const lines = peopleToMarkdown(rows, ["name", "role"]).split("\n");
        expect(lines).toHaveLength(rows.length + 3);
        for (const line of lines.slice(0, -1)) {
          expect(line.replace(/\\\|/g, "").split("|")).toHaveLength(4);
          expect(line).not.toContain("\r");
        }
      }),
      { numRuns: RUNS },
    );
  });
});

/** A strict RFC 4180 reader for the tests: CRLF between records, quotes doubled inside quotes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        field += ch;
        i++;
      }
    } else if (ch === '"' && field === "") {
      quoted = true;
      i++;
    } else if (ch === ",") {
      record.push(field);
      field = "";
      i++;
    } else if (ch === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i += 2;
    } else {
      if (ch === '"' || ch === "\n" || ch === "\r") throw new Error(`unquoted ${JSON.stringify(ch)} at ${i}`);
      field += ch;
      i++;
    }
  }
  if (field !== "" || record.length > 0) throw new Error("missing final CRLF");
  return records;
}

describe("properties", () => {
  const relationship = fc.constantFrom<Relationship | null>(null, ...RELATIONSHIPS);
  const day = fc.option(fc.integer({ min: toDayNumber("2026-01-01"), max: toDayNumber("2027-12-31") }).map(fromDayNumber), { nil: null });
  const name = fc.constantFrom("Anya Petrova", "Émile Zola", "eddie", "Frank", "Анна Иванова", "Ёжик", "Intern 10", "Intern 9", "O'Brien", "中文", "");
  const arbRows = fc
    .array(
      fc.record({
        name,
        relationship,
        team: fc.option(fc.constantFrom("Payments", "payments", "Платежи", "Core"), { nil: null }),
        tags: fc.array(fc.constantFrom("team", "team/payments", "Team/Core", "home"), { maxLength: 2 }),
        lastSeen: day,
        nextDue: day,
        nextBirthday: day,
        openAgreements: fc.nat(5),
        archived: fc.boolean(),
        cadence: fc.constantFrom("weekly", "none", "every 10 days", "monthly"),
      }),
      { maxLength: 30 },
    )
    .map((records) => records.map((r, i) => row({ ...r, path: `People/${i}.md` })));
  const column = fc.constantFrom(...PEOPLE_COLUMNS.map((c) => c.id));
  const arbQuery: fc.Arbitrary<PeopleQuery> = fc.record({
    sort: fc.record({ column, direction: fc.constantFrom<SortDirection>("ascending", "descending") }),
    nameOrder: fc.constantFrom<"first" | "last">("first", "last"),
    text: fc.constantFrom("", "anya", "PAYMENTS", "emile", "анна", "#team"),
    group: fc.constantFrom("all" as const, "colleagues" as const, "friends" as const),
    tag: fc.constantFrom(null, "team", "home", "team/payments"),
    showArchived: fc.boolean(),
  });

  it("never adds rows: the result is a subset of what passes the filters", () => {
    fc.assert(
      fc.property(arbRows, arbQuery, (rows, q) => {
        const result = buildPeopleTable(rows, q);
        expect(result.length).toBeLessThanOrEqual(rows.length);
        expect(new Set(result).size).toBe(result.length);
        expect([...result].sort((a, b) => a.path.localeCompare(b.path))).toEqual(rows.filter((r) => rowMatches(r, q)).sort((a, b) => a.path.localeCompare(b.path)));
      }),
      { numRuns: RUNS },
    );
  });

  it("sorting is a permutation of the rows", () => {
    fc.assert(
      fc.property(arbRows, column, fc.constantFrom<SortDirection>("ascending", "descending"), (rows, c, d) => {
        const result = buildPeopleTable(rows, query({ showArchived: true }, c, d));
        expect(result.map((r) => r.path).sort()).toEqual(rows.map((r) => r.path).sort());
      }),
      { numRuns: RUNS },
    );
  });

  it("puts empty dates last both ways, and the others in date order", () => {
    fc.assert(
      fc.property(arbRows, fc.constantFrom<PeopleColumn>("lastSeen", "nextDue", "nextBirthday"), fc.constantFrom<SortDirection>("ascending", "descending"), (rows, c, d) => {
        const values = buildPeopleTable(rows, query({ showArchived: true }, c, d)).map((r) => r[c as "lastSeen"]);
        const firstNull = values.indexOf(null);
        if (firstNull >= 0) expect(values.slice(firstNull).every((v) => v === null)).toBe(true);
        const dates = values.filter((v): v is string => v !== null).map(toDayNumber);
        const sorted = [...dates].sort((a, b) => (d === "ascending" ? a - b : b - a));
        expect(dates).toEqual(sorted);
      }),
      { numRuns: RUNS },
    );
  });

  it("does not depend on the order of the input", () => {
    fc.assert(
      fc.property(arbRows, arbQuery, (rows, q) => {
        expect(buildPeopleTable([...rows].reverse(), q).map((r) => r.path)).toEqual(buildPeopleTable(rows, q).map((r) => r.path));
      }),
      { numRuns: RUNS },
    );
  });

  it("descending reverses ascending among rows whose values differ", () => {
    fc.assert(
      fc.property(arbRows, fc.constantFrom<PeopleColumn>("openAgreements", "lastSeen", "nextBirthday", "cadence"), (rows, c) => {
        const up = buildPeopleTable(rows, query({ showArchived: true }, c, "ascending"));
        const down = buildPeopleTable(rows, query({ showArchived: true }, c, "descending"));
        const cell = (r: PersonRow) => peopleCellText(r, c);
        const distinct = (list: PersonRow[]) => [...new Set(list.map(cell).filter((v) => v !== "" && v !== "none"))];
        expect(distinct(down)).toEqual(distinct(up).reverse());
      }),
      { numRuns: RUNS },
    );
  });
});
