import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  composeName,
  decodeContactsFile,
  exportContact,
  freePath,
  nameParts,
  parseBirthday,
  toTag,
  type Contact,
  type ContactsRead,
  type ExportContact,
} from "../../src/domain/contacts";
import { answerQuestions, planImport, type ExistingPerson, type ImportOptions } from "../../src/domain/contacts-plan";
import {
  contactsFromCsv,
  detectCsvFormat,
  detectDateOrder,
  guessMapping,
  mappingProblem,
  readCsv,
  type CsvTable,
} from "../../src/domain/contacts-csv";
import { personRow } from "../../src/domain/people-table";
import { parsePerson } from "../../src/domain/person";
import { escapeComponent, escapeText, foldLine, parseVCards, toVCard } from "../../src/domain/vcard";
import { fiveHundredContacts } from "../builders/contacts";

const FIXTURES = join(__dirname, "..", "fixtures", "contacts");
const fixture = (name: string) => readFileSync(join(FIXTURES, name), "utf8");

/** The fields a test cares about, without row bookkeeping. */
function brief(contact: Contact) {
  const { row: _row, label: _label, ...rest } = contact;
  return rest;
}

function table(name: string): CsvTable {
  const result = readCsv(fixture(name));
  if ("error" in result) throw new Error(result.error);
  return result;
}

function csvContacts(name: string): ContactsRead {
  const t = table(name);
  const mapping = guessMapping(t.header);
  return contactsFromCsv(t, mapping, { format: detectCsvFormat(t.header), dateOrder: detectDateOrder(t, mapping) });
}

const NONE = { firstName: null, lastName: null, aliases: [], birthday: null, relationship: null, role: null, team: null, tags: [], warnings: [] };

describe("parseVCards", () => {
  it("reads vCard 3 as Apple Contacts writes it: groups, omitted years, folded and escaped text; a company is no person", () => {
    const read = parseVCards(fixture("contacts-v3.vcf"));
    expect(read.contacts.map(brief)).toEqual([
      { ...NONE, name: "Anya Petrova", firstName: "Anya", lastName: "Petrova", aliases: ["Anechka"], birthday: "1990-04-02", role: "Backend engineer", team: "Payments", tags: ["Work", "Book-club"] },
      { ...NONE, name: "Анна Иванова", firstName: "Анна", lastName: "Иванова", birthday: "--07-15", tags: ["Друзья"] },
      { ...NONE, name: "李伟", firstName: "伟", lastName: "李", birthday: "1985-12-01" },
      { ...NONE, name: "José García", firstName: "José", lastName: "García", birthday: "--02-29", role: "Head of sales, EMEA" },
    ]);
    expect(read.contacts.map((c) => c.label)).toEqual(["Card 1", "Card 2", "Card 3", "Card 5"]);
    expect(read.bad).toEqual([{ row: 4, label: "Card 4", reason: "Acme Inc is an organization, not a person." }]);
  });

  it("reads vCard 4: year-less and basic-format birthdays, ORG units, our relationship; names from N alone, family name first in CJK", () => {
    const read = parseVCards(fixture("contacts-v4.vcf"));
    expect(read.contacts.map(brief)).toEqual([
      { ...NONE, name: "Sam Okafor", firstName: "Sam", lastName: "Okafor", aliases: ["Sammy", "S.O."], birthday: "--04-15", relationship: "mentor", role: "Staff engineer", team: "SRE", tags: ["mentors"] },
      { ...NONE, name: "Lena Fischer", birthday: "1992-11-03" },
      { ...NONE, name: "Yui Tanaka", firstName: "Yui", lastName: "Tanaka" },
      { ...NONE, name: "田中結衣", firstName: "結衣", lastName: "田中", birthday: "2000-01-01" },
    ]);
    expect(read.bad).toEqual([{ row: 2, label: "Card 2", reason: "Book club is a group, not a person." }]);
  });

  it("decodes the quoted-printable values of vCard 2.1, soft line breaks too", () => {
    const read = parseVCards(fixture("contacts-v21.vcf"));
    expect(read.contacts.map(brief)).toEqual([{ ...NONE, name: "Анна Иванова", firstName: "Анна", lastName: "Иванова", birthday: "1990-04-02" }]);
  });

  it("lists broken cards with their reason and still reads the others", () => {
    const read = parseVCards(fixture("malformed.vcf"));
    expect(read.contacts.map((c) => [c.label, c.name, c.birthday, c.warnings])).toEqual([
      ["Card 1", "Good One", null, []],
      ["Card 4", "Bad Birthday", null, ['Birthday "31/02/1990" is not a date; it was left out.']],
    ]);
    expect(read.bad).toEqual([
      { row: 0, label: "Line 1", reason: "Text outside any vCard (BEGIN:VCARD … END:VCARD) was ignored." },
      { row: 2, label: "Card 2", reason: 'It cannot be read: invalid line (no token ";" or ":") "FN Bad line without a colon".' },
      { row: 3, label: "Card 3", reason: "It has no name (FN or N)." },
      { row: 5, label: "Card 5", reason: "It never ends (no END:VCARD): the file may be cut short." },
    ]);
  });

  it("says so when a file holds no card at all", () => {
    expect(parseVCards("")).toEqual({ contacts: [], bad: [{ row: 0, label: "File", reason: "No vCard in it (nothing between BEGIN:VCARD and END:VCARD)." }] });
    expect(parseVCards("Name,Birthday\nAnya,1990-04-02\n").bad.map((b) => b.label)).toEqual(["Line 1"]);
  });

  it("reads LF line endings and lower-case keywords as well", () => {
    const read = parseVCards("begin:vcard\nversion:4.0\nfn:Anya Petrova\nend:vcard\n");
    expect(read.contacts.map((c) => c.name)).toEqual(["Anya Petrova"]);
  });
});

describe("CSV contacts", () => {
  it("recognizes Google Contacts, both exports; system labels are not tags", () => {
    expect(detectCsvFormat(table("google.csv").header)).toBe("google");
    const read = csvContacts("google.csv");
    expect(read.contacts.map((c) => [c.label, c.name, c.birthday, c.tags, c.aliases, c.role, c.team])).toEqual([
      ["Row 2", "Anya Petrova", "1990-04-02", ["Work", "Book-club"], ["Anechka"], "Backend engineer", "Payments"],
      ["Row 3", "Анна Иванова", "--07-15", ["Друзья"], [], null, null],
      ["Row 4", "李伟", "1985-12-01", [], [], null, null],
      ["Row 5", "José García", null, ["Work"], [], null, null],
      ["Row 7", "Sam Okafor", "--04-15", ["Mentors"], [], null, null],
      ["Row 8", "Anya Petrova", null, ["Family"], ["Anya P"], null, null],
    ]);
    expect(read.contacts.find((c) => c.name === "José García")?.warnings).toEqual(['Birthday "1988-02-30" is not a date; it was left out.']);
    expect(read.bad).toEqual([{ row: 6, label: "Row 6", reason: "It has no name." }]);

    expect(detectCsvFormat(table("google-legacy.csv").header)).toBe("google");
    expect(csvContacts("google-legacy.csv").contacts.map((c) => [c.name, c.birthday, c.tags, c.aliases, c.role, c.team])).toEqual([
      ["Lena Fischer", "1992-11-03", ["Running"], [], "Designer", "Acme"],
      ["Kenji Sato", null, [], ["Ken"], null, null],
    ]);
  });

  it("recognizes Outlook: month-first dates, `0/0/00` is no birthday, Title is an honorific, categories split on `;`", () => {
    expect(detectCsvFormat(table("outlook.csv").header)).toBe("outlook");
    const read = csvContacts("outlook.csv");
    expect(read.contacts.map((c) => [c.name, c.birthday, c.role, c.team, c.tags, c.warnings])).toEqual([
      ["Priya Raman", "1990-04-02", "Engineering manager", "Platform", ["Work", "Mentors"], []],
      ["Tom Müller", null, null, "Acme", [], []],
      ["Min-jun Kim", "1979-12-31", null, null, ["Friends"], []],
      ["Olga Smirnova", null, null, null, [], ['Birthday "3/4/85" has a two-digit year; write the year in full. It was left out.']],
    ]);
  });

  it("guesses a mapping for any other CSV (semicolons, own column names, day-first dates)", () => {
    const t = table("generic.csv");
    expect(detectCsvFormat(t.header)).toBe("other");
    const mapping = guessMapping(t.header);
    expect(mapping).toEqual({ name: 0, birthday: 1, tags: 2, role: 3, team: 4, aliases: 5 });
    expect(detectDateOrder(t, mapping)).toBe("day-first");
    const read = contactsFromCsv(t, mapping, { format: "other", dateOrder: "day-first" });
    expect(read.contacts.map((c) => [c.name, c.birthday, c.tags, c.role, c.team, c.aliases])).toEqual([
      ["Marta Kowalska", "1990-12-25", ["book-club", "running"], "Analyst", "Finance", []],
      ["Олег Петров", "1987-04-03", [], null, null, ["Ola"]],
      ["Pierre Dubois", null, ["running"], null, null, []],
    ]);
    expect(mappingProblem({ birthday: 1 })).toMatch(/full name/);
    expect(mappingProblem({ firstName: 0 })).toBeNull();
  });

  it("skips rows with too many cells, without a name, and after an unclosed quote, with the reason", () => {
    const read = csvContacts("malformed.csv");
    expect(read.contacts.map((c) => c.name)).toEqual(["Good Person", "Fine Again"]);
    expect(read.bad).toEqual([
      { row: 3, label: "Row 3", reason: "It has 5 cells and the header 3: a comma in a cell that is not quoted?" },
      { row: 4, label: "Row 4", reason: "It has no name." },
      { row: 6, label: "Row 6", reason: "A quoted cell is never closed; the rest of the file was read as part of it." },
    ]);
  });

  it("refuses an empty file and a file with a header only", () => {
    expect(readCsv("")).toEqual({ error: "The file is empty: a CSV with a header row is needed." });
    expect(readCsv("Name,Birthday\r\n")).toEqual({ error: "The file has a header row and no contacts." });
  });

  it("reads One-on-Ones' own CSV export back, formula guards removed", () => {
    const t = readCsv('Name,Relationship,Role,Team,Tags,Cadence,Last seen,Next due,Open agreements,Next birthday,Problems\r\n"\'=Eve",peer,"\'-lead",,"a, b/c",monthly,,,0,2027-01-01,\r\n');
    if ("error" in t) throw new Error(t.error);
    expect(detectCsvFormat(t.header)).toBe("one-on-ones");
    const read = contactsFromCsv(t, guessMapping(t.header), { format: "one-on-ones", dateOrder: "month-first" });
    // "Next birthday" is the next occurrence, not the birth date: it is not read.
    expect(read.contacts.map(brief)).toEqual([{ ...NONE, name: "=Eve", relationship: "peer", role: "-lead", tags: ["a", "b/c"] }]);
  });
});

describe("values", () => {
  it.each([
    ["1990-04-02", "month-first", "1990-04-02"],
    ["19900402", "month-first", "1990-04-02"],
    ["1990-04-02T00:00:00Z", "month-first", "1990-04-02"],
    ["--04-02", "month-first", "--04-02"],
    ["--0402", "month-first", "--04-02"],
    ["--02-29", "month-first", "--02-29"],
    ["4/2/1990", "month-first", "1990-04-02"],
    ["4/2/1990", "day-first", "1990-02-04"],
    ["2.4.1990", "month-first", "1990-04-02"],
    ["0/0/00", "month-first", null],
    ["", "month-first", null],
  ] as const)("birthday %s (%s) → %s", (text, order, value) => {
    expect(parseBirthday(text, order)).toEqual({ value, problem: null });
  });

  it.each(["1990-02-30", "--13-01", "--02-30", "13/13/1990", "April 2", "4/2/90"])("birthday %s is refused with a reason", (text) => {
    const result = parseBirthday(text);
    expect(result.value).toBeNull();
    expect(result.problem).toContain(text);
  });

  it.each([
    ["Book club", "Book-club"],
    ["#Work", "Work"],
    ["team/payments", "team/payments"],
    ["Друзья", "Друзья"],
    ["朋友", "朋友"],
    ["a & b!", "a-b"],
    ["2024", null],
    ["  ", null],
  ] as const)("label %j → tag %j", (label, tag) => {
    expect(toTag(label)).toBe(tag);
  });

  it("composes names, family name first for Chinese, Japanese and Korean", () => {
    expect(composeName("Anya", null, "Petrova")).toBe("Anya Petrova");
    expect(composeName("Mary", "Ann", "Smith")).toBe("Mary Ann Smith");
    expect(composeName("伟", null, "李")).toBe("李伟");
    expect(composeName("민준", null, "김")).toBe("김민준");
    expect(composeName(null, null, "Cher")).toBe("Cher");
  });

  it("decodes UTF-8 (with or without a byte order mark), UTF-16 and Windows-1252 files", () => {
    const utf8 = new TextEncoder().encode("Name\nZoë");
    expect(decodeContactsFile(utf8)).toEqual({ text: "Name\nZoë", encoding: "UTF-8" });
    expect(decodeContactsFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text: "Name\nZoë", encoding: "UTF-8" });
    const utf16 = new Uint8Array([0xff, 0xfe, 0x5a, 0x00, 0xeb, 0x00]);
    expect(decodeContactsFile(utf16)).toEqual({ text: "Zë", encoding: "UTF-16" });
    expect(decodeContactsFile(new Uint8Array([0x5a, 0x6f, 0xeb]))).toEqual({ text: "Zoë", encoding: "Windows-1252" });
  });

  it("picks a free file name, never a taken one, ignoring case", () => {
    const taken = new Set(["people export 2026-11-21.vcf", "people export 2026-11-21 2.vcf"]);
    const free = freePath("", "People export 2026-11-21", "vcf", (p) => taken.has(p.toLowerCase()));
    expect(free).toBe("People export 2026-11-21 3.vcf");
    expect(freePath("Exports/", "People export 2026-11-21", "csv", () => false)).toBe("Exports/People export 2026-11-21.csv");
  });
});

// ---------------------------------------------------------------------------------------------

const OPTIONS: ImportOptions = { peopleFolder: "People", relationship: null, tags: [], cadence: null, queueHeading: "Next 1:1" };

function existing(path: string, frontmatter: Record<string, unknown> | null): ExistingPerson {
  const person = parsePerson({ path, frontmatter });
  return { path, name: person.name, aliases: person.aliases, frontmatter };
}

const PEOPLE = [
  existing("People/Anya Petrova.md", { type: "person", aliases: ["Anya"], role: "Backend engineer", tags: ["team/payments"] }),
  existing("People/Sam Okafor.md", { type: "person", relationship: "friend", birthday: "" }),
  existing("People/Анна Иванова.md", { type: "person" }),
];

describe("planImport", () => {
  it("creates new people, fills only empty properties of existing ones, and lists what it skips", () => {
    const plan = planImport(csvContacts("google.csv"), PEOPLE, { ...OPTIONS, relationship: "friend", tags: ["imported"] });
    expect(plan.creates.map((c) => [c.name, c.path])).toEqual([
      ["李伟", "People/李伟.md"],
      ["José García", "People/José García.md"],
    ]);
    expect(plan.creates[0]?.text).toBe(
      "---\ntype: person\nfirst-name: 伟\nlast-name: 李\nrelationship: friend\nbirthday: 1985-12-01\ntags:\n  - imported\n---\n\n## Next 1:1\n",
    );
    expect(plan.updates.map((u) => [u.name, u.values])).toEqual([
      // Anya has a role and tags already; her first and last name say no more than her note's name.
      // Her aliases are not empty, so Anechka is not added.
      ["Anya Petrova", { relationship: "friend", team: "Payments", birthday: "1990-04-02" }],
      ["Анна Иванова", { relationship: "friend", birthday: "--07-15", tags: ["Друзья", "imported"] }],
      // Sam's relationship is kept; his empty birthday is filled.
      ["Sam Okafor", { birthday: "--04-15", tags: ["Mentors", "imported"] }],
    ]);
    expect(plan.unchanged).toEqual([]);
    expect(plan.skipped).toEqual([
      { row: 6, label: "Row 6", reason: "It has no name." },
      { row: 8, label: "Row 8", reason: "Anya Petrova: the same person as row 2; merged into it." },
    ]);
    expect(plan.warnings).toEqual([{ row: 5, label: "Row 5", name: "José García", message: 'Birthday "1988-02-30" is not a date; it was left out.' }]);
  });

  it("merges duplicates of the file (by name and by file name) and never creates one person twice", () => {
    const plan = planImport(parseVCards(fixture("duplicates.vcf")), PEOPLE, OPTIONS);
    expect(plan.creates.map((c) => c.path)).toEqual(["People/New Person.md"]);
    expect(plan.creates[0]?.text).toBe("---\ntype: person\nrole: Designer\ntags:\n  - one\n  - two\n---\n\n## Next 1:1\n");
    expect(plan.updates.map((u) => [u.name, u.values])).toEqual([["Anya Petrova", { birthday: "1990-04-02" }]]);
    expect(plan.skipped.map((s) => `${s.label}: ${s.reason}`)).toEqual([
      "Card 2: anya petrova: the same person as card 1; merged into it.",
      "Card 4: New Person: the same person as card 3; merged into it.",
      "Card 5: New: Person: the same person as card 3; merged into it.",
    ]);
  });

  it("matches by full name, alias and slug (accents); asks about a first name alone and about a name several people have", () => {
    const people = [
      existing("People/José García.md", { type: "person" }),
      existing("People/Kim.md", { type: "person", aliases: ["Robin"] }),
      existing("People/Robin Lee.md", { type: "person", aliases: ["Robin"] }),
    ];
    const contact = (name: string, row: number): Contact => ({ row, label: `Card ${row}`, name, ...NONE, birthday: "--01-01" });
    const plan = planImport({ contacts: [contact("Jose Garcia", 1), contact("José", 2), contact("Robin", 3), contact("Kim", 4)], bad: [] }, people, OPTIONS);
    expect(plan.updates.map((u) => [u.contact.name, u.path])).toEqual([
      ["Jose Garcia", "People/José García.md"],
      ["Kim", "People/Kim.md"],
    ]);
    expect(plan.creates).toEqual([]);
    expect(plan.questions.map((q) => [q.contact.name, q.candidates.map((c) => c.name), q.create?.path ?? null])).toEqual([
      ["José", ["José García"], "People/José.md"],
      ["Robin", ["Kim", "Robin Lee"], "People/Robin.md"],
    ]);
    expect(plan.skipped).toEqual([]);
  });

  it("never merges a row with only a first name, nor one whose birthday differs: it asks, and changes nothing until answered", () => {
    // The demo vault's Sam Okafor (alias Sam) and 李伟 (aliases Li Wei, Wei; born 1994-01-08).
    const people = [
      existing("People/Sam Okafor.md", { type: "person", aliases: ["Sam"], "first-name": "Sam", "last-name": "Okafor" }),
      existing("People/李伟.md", { type: "person", aliases: ["Li Wei", "Wei"], birthday: "1994-01-08", "first-name": "伟", "last-name": "李" }),
    ];
    const row = (r: number, name: string, fields: Partial<Contact> = {}): Contact => ({ row: r, label: `Row ${r}`, name, ...NONE, ...fields });
    const read = {
      contacts: [
        row(2, "Sam", { firstName: "Sam", birthday: "--04-15" }),
        row(3, "Wei", { firstName: "Wei", birthday: "--02-02" }),
        row(4, "Li Wei", { firstName: "Li", lastName: "Wei", birthday: "1994-01-08", role: "Data engineer" }),
        row(5, "Sam Okafor", { lastName: "Smith" }),
      ],
      bad: [],
    };
    const plan = planImport(read, people, OPTIONS);
    // "Li Wei" is an alias of two words, and nothing differs: the same person.
    expect(plan.updates.map((u) => [u.contact.name, u.name, u.values])).toEqual([["Li Wei", "李伟", { role: "Data engineer" }]]);
    expect(plan.creates).toEqual([]);
    expect(plan.unchanged).toEqual([]);
    expect(plan.questions.map((q) => [q.contact.name, q.candidates.map((c) => [c.name, c.reasons, c.values]), q.create?.path ?? null])).toEqual([
      ["Sam", [["Sam Okafor", ["Sam is only a first name or nickname of Sam Okafor"], { birthday: "--04-15" }]], "People/Sam.md"],
      [
        "Wei",
        [["李伟", ["Wei is only a first name or nickname of 李伟", "birthday --02-02 in the file, 1994-01-08 in the note of 李伟"], {}]],
        "People/Wei.md",
      ],
      // Same full name, another last name: it may be someone else; the file name is taken.
      ["Sam Okafor", [["Sam Okafor", ["last name Smith, which no name of Sam Okafor has"], {}]], null],
    ]);

    // Unanswered, nothing is written for them.
    const left = answerQuestions(plan, []);
    expect(left.creates).toEqual([]);
    expect(left.updates.map((u) => u.contact.name)).toEqual(["Li Wei"]);
    expect(left.skipped.map((s) => `${s.label}: ${s.reason}`)).toEqual([
      "Row 2: Sam: may be Sam Okafor; left out.",
      "Row 3: Wei: may be 李伟; left out.",
      "Row 5: Sam Okafor: may be Sam Okafor; left out.",
    ]);
    // Answered: Sam is Sam Okafor, Wei is a new person, the other Sam Okafor is left out.
    const answered = answerQuestions(plan, [{ kind: "person", path: "People/Sam Okafor.md" }, { kind: "new" }, { kind: "skip" }]);
    expect(answered.updates.map((u) => [u.contact.name, u.path, u.values])).toEqual([
      ["Li Wei", "People/李伟.md", { role: "Data engineer" }],
      ["Sam", "People/Sam Okafor.md", { birthday: "--04-15" }],
    ]);
    expect(answered.creates.map((c) => [c.path, c.text])).toEqual([["People/Wei.md", '---\ntype: person\nfirst-name: Wei\nbirthday: "--02-02"\n---\n\n## Next 1:1\n']]);
    expect(answered.skipped.map((s) => s.label)).toEqual(["Row 5"]);
    expect(answered.questions).toEqual([]);
  });

  it("writes the chosen cadence on new people, and never on existing ones", () => {
    const contact = (name: string, row: number): Contact => ({ row, label: `Row ${row}`, name, ...NONE, relationship: "friend" });
    const read = { contacts: [contact("Lena Fischer", 2), contact("Anya Petrova", 3)], bad: [] };
    const none = planImport(read, PEOPLE, { ...OPTIONS, cadence: "none" });
    expect(none.creates.map((c) => c.text)).toEqual(["---\ntype: person\nrelationship: friend\ncadence: none\n---\n\n## Next 1:1\n"]);
    expect(none.updates.map((u) => u.values)).toEqual([{ relationship: "friend" }]);
    const monthly = planImport(read, PEOPLE, { ...OPTIONS, cadence: "every 6 weeks" });
    expect(monthly.creates.map((c) => c.text)).toEqual(["---\ntype: person\nrelationship: friend\ncadence: every 6 weeks\n---\n\n## Next 1:1\n"]);
    // null: no cadence property, so the relationship's default cadence applies.
    expect(planImport(read, PEOPLE, OPTIONS).creates.map((c) => c.text)).toEqual(["---\ntype: person\nrelationship: friend\n---\n\n## Next 1:1\n"]);
  });

  it("keeps a name with characters no file name can hold as an alias, and skips a path taken by another note", () => {
    const contact = (name: string, row: number): Contact => ({ row, label: `Row ${row}`, name, ...NONE });
    const plan = planImport({ contacts: [contact("Anya: PM", 2), contact("Notes", 3)], bad: [] }, [], {
      ...OPTIONS,
      exists: (p) => p.toLowerCase() === "people/notes.md",
    });
    expect(plan.creates.map((c) => [c.path, c.text])).toEqual([["People/Anya PM.md", '---\ntype: person\naliases:\n  - "Anya: PM"\n---\n\n## Next 1:1\n']]);
    expect(plan.skipped.map((s) => s.reason)).toEqual(['Notes: a note "People/Notes.md" exists and is not a person note.']);
  });

  it("imports 500 contacts in one plan, without duplicates, in well under a second", () => {
    expect(fixture("500-contacts.csv")).toBe(fiveHundredContacts());
    const started = performance.now();
    const plan = planImport(csvContacts("500-contacts.csv"), PEOPLE, OPTIONS);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(plan.creates).toHaveLength(500);
    expect(new Set(plan.creates.map((c) => c.path.toLowerCase())).size).toBe(500);
    expect(plan.skipped).toEqual([]);
    expect(plan.creates.map((c) => c.name)).toContain("王明");
    expect(plan.creates.map((c) => c.name)).toContain("Ξένια Παππάς");
  });
});

// ---------------------------------------------------------------------------------------------

const ANYA: ExportContact = {
  name: "Anya Petrova",
  firstName: "Anya",
  lastName: "Petrova",
  aliases: ["Anechka", "A, P"],
  relationship: "report",
  role: "Backend engineer; on call",
  team: "Payments",
  tags: ["team/payments", "Друзья"],
  birthday: { year: 1990, month: 4, day: 2 },
};

describe("toVCard", () => {
  it("writes vCard 4.0 with CRLF, escaped text and year-less birthdays", () => {
    const text = toVCard([ANYA, { ...ANYA, name: "李伟", firstName: "伟", lastName: "李", aliases: [], relationship: null, role: null, team: null, tags: [], birthday: { year: null, month: 12, day: 1 } }]);
    expect(text).toBe(
      [
        "BEGIN:VCARD",
        "VERSION:4.0",
        "FN:Anya Petrova",
        "N:Petrova;Anya;;;",
        "NICKNAME:Anechka,A\\, P",
        "BDAY:19900402",
        "TITLE:Backend engineer; on call",
        "ORG:Payments",
        "CATEGORIES:team/payments,Друзья",
        "X-ONE-ON-ONES-RELATIONSHIP:report",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:4.0",
        "FN:李伟",
        "N:李;伟;;;",
        "BDAY:--1201",
        "END:VCARD",
        "",
      ].join("\r\n"),
    );
  });

  it("writes N as family;given: from first and last name, else from the name; a one-word name is a given name alone", () => {
    const person = (name: string, firstName: string | null = null, lastName: string | null = null): ExportContact => ({
      ...ANYA,
      name,
      firstName,
      lastName,
      aliases: [],
      relationship: null,
      role: null,
      team: null,
      tags: [],
      birthday: null,
    });
    const nLines = (contacts: ExportContact[]) => toVCard(contacts).split("\r\n").filter((line) => line.startsWith("N:"));
    expect(nLines([person("🎸 Leo"), person("Cher"), person("Mary Ann Smith"), person("Leo 🎸 Fender"), person("李伟"), person("李伟", "伟", "李"), person("Sam Okafor", "Samuel")])).toEqual([
      "N:;🎸 Leo;;;",
      "N:;Cher;;;",
      "N:Smith;Mary Ann;;;",
      "N:Fender;Leo 🎸;;;",
      "N:;李伟;;;",
      "N:李;伟;;;",
      "N:Okafor;Samuel;;;",
    ]);
    // Read back by the project's own reader: the same name, the given name whole, no family name.
    const read = parseVCards(toVCard([person("🎸 Leo")]));
    expect(read.contacts.map((c) => [c.name, c.firstName, c.lastName])).toEqual([["🎸 Leo", "🎸 Leo", null]]);
    expect(nameParts("🎸 Leo")).toEqual({ given: "🎸 Leo", family: null });
    expect(nameParts("Anya  Petrova 🎸")).toEqual({ given: "Anya", family: "Petrova 🎸" });
  });

  it("reads back what it wrote", () => {
    const read = parseVCards(toVCard([ANYA]));
    expect(read.bad).toEqual([]);
    expect(read.contacts.map(brief)).toEqual([
      { ...NONE, name: "Anya Petrova", firstName: "Anya", lastName: "Petrova", aliases: ["Anechka", "A, P"], birthday: "1990-04-02", relationship: "report", role: "Backend engineer; on call", team: "Payments", tags: ["team/payments", "Друзья"] },
    ]);
  });

  it("escapes backslashes, commas and line breaks; semicolons only in structured values", () => {
    expect(escapeText("a\\b,c;d\ne\r\nf")).toBe("a\\\\b\\,c;d\\ne\\nf");
    expect(escapeComponent("a;b,c")).toBe("a\\;b\\,c");
    expect(toVCard([{ ...ANYA, lastName: "O;Neil", team: "R;D" }])).toContain("N:O\\;Neil;Anya;;;\r\nNICKNAME");
  });

  it("folds long lines at 75 octets without splitting a character or an escape", () => {
    const line = `FN:${"Ж".repeat(30)}\\,${"li".repeat(40)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    for (const part of parts) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(" "))).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(line);
    expect(parts.some((p) => p.endsWith("\\"))).toBe(false);
  });

  it("property: every exported person is read back with the same name, aliases, tags and birthday", () => {
    // No backslash: after ical.js, a backslash before a bare ";" reads like an escaped ";" (see vcard.ts).
    const word = fc.stringMatching(/^[A-Za-zÀ-ÿА-я][A-Za-zÀ-ÿА-я ,;:]{0,30}[A-Za-zÀ-ÿА-я]$/);
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 3 }), fc.integer({ min: 1, max: 12 }), (name, aliases, month) => {
        const clean = name.replace(/\s+/g, " ");
        const contact: ExportContact = { ...ANYA, name: clean, aliases: aliases.map((a) => a.replace(/\s+/g, " ")), birthday: { year: null, month, day: 1 } };
        const read = parseVCards(toVCard([contact]));
        expect(read.bad).toEqual([]);
        expect(read.contacts[0]?.name).toBe(clean);
        expect(read.contacts[0]?.birthday).toBe(`--${String(month).padStart(2, "0")}-01`);
        for (const line of toVCard([contact]).split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
      }),
      { numRuns: 200 },
    );
  });

  it("exports a People table row with the birthday from the note", () => {
    const person = parsePerson({ path: "People/Anya Petrova.md", frontmatter: { aliases: ["Anya"], birthday: "--04-02", tags: ["x"] } });
    const row = personRow(
      {
        path: person.path,
        name: person.name,
        person,
        cadence: { kind: "none" },
        cadenceIsDefault: true,
        lastSeen: null,
        due: { status: "ok", nextDue: null, daysUntilDue: null },
        openAgreements: 0,
        problems: [],
      },
      "2026-11-21",
    );
    expect(exportContact(row, person)).toEqual({
      name: "Anya Petrova",
      // No first-name or last-name property: the vCard takes them from the name.
      firstName: null,
      lastName: null,
      aliases: ["Anya"],
      relationship: null,
      role: null,
      team: null,
      tags: ["x"],
      birthday: { year: null, month: 4, day: 2 },
    });
  });
});
