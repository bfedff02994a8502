import { describe, expect, it } from "vitest";
import { adoptionWrites } from "../../src/domain/adopt-writes";
import {
  describeNewPerson,
  planAdoption,
  type AdoptionAgreementInput,
  type AdoptionInput,
  type AdoptionNoteInput,
  type NewPersonPlan,
} from "../../src/domain/adopt";
import type { Relationship } from "../../src/domain/types";
import type { CandidateSource } from "../../src/domain/recognition/note";
import { relationshipInNotes } from "../../src/domain/adopt-relationship";
import { fillEmptyProperties, isEmptyValue, personNoteText, restoreProperties, yamlString } from "../../src/domain/person-note";

function note(path: string, over: Partial<AdoptionNoteInput> = {}): AdoptionNoteInput {
  return {
    path,
    why: "It is in the 1:1 folder (1-1s).",
    marked: true,
    markedBy: "1:1 folder",
    proposed: null,
    personWhy: null,
    personSource: null,
    personFrom: null,
    date: null,
    dateWhy: null,
    entries: [],
    frontmatter: null,
    tags: [],
    frontmatterError: null,
    person: null,
    ...over,
  };
}

function input(notes: AdoptionNoteInput[], over: Partial<AdoptionInput> = {}): AdoptionInput {
  return { notes, people: [], agreements: [], peopleFolder: "People", ...over };
}

const OPTIONS = { peopleFolder: "People", queueHeading: "Next 1:1" };

/** A new person as the recognizer proposes it, named by `source`. */
function named(name: string, source: CandidateSource, label: string, certain = source !== "file name" && source !== "title"): AdoptionNoteInput["proposed"] {
  return { name, source, label, certain };
}
const all = (paths: string[]) => ({ notes: new Set(paths), people: new Map<string, string | null>() });

describe("planAdoption", () => {
  it("proposes one person for a tag slug and a file name that name the same person; adds type and person", () => {
    const plan = planAdoption(
      input([
        note("meetings/2024-11-13 John Appleseed.md", {
          proposed: named("john-appleseed", "tag", "the tag #people/john-appleseed"),
          date: "2024-11-13",
          dateWhy: "the date property",
          frontmatter: { date: "2024-11-13", tags: ["meeting/one-on-one", "people/john-appleseed"] },
        }),
        note("meetings/2024-11-20 John Appleseed.md", {
          proposed: named("John Appleseed", "file name", "the file name"),
          date: "2024-11-20",
          dateWhy: "the file name",
          frontmatter: { tags: ["meeting/one-on-one"] },
        }),
      ]),
    );
    expect(plan.newPeople).toEqual([
      {
        key: "john-appleseed",
        name: "John Appleseed",
        fileName: "John Appleseed",
        path: "People/John Appleseed.md",
        refs: [
          { ref: "john-appleseed", label: "the tag #people/john-appleseed" },
          { ref: "John Appleseed", label: "the file name" },
        ],
        notes: ["meetings/2024-11-13 John Appleseed.md", "meetings/2024-11-20 John Appleseed.md"],
        origin: "meeting",
        relationship: null,
        sure: true,
        selected: true,
      },
    ]);
    expect(plan.notes.map((n) => [n.path, n.add, n.dateWhy])).toEqual([
      ["meetings/2024-11-13 John Appleseed.md", { type: true, person: true, date: null }, "the date property"],
      ["meetings/2024-11-20 John Appleseed.md", { type: true, person: true, date: "2024-11-20" }, "the file name"],
    ]);
    expect(describeNewPerson(plan.newPeople[0]!)).toBe(
      "Named by the tag #people/john-appleseed and the file name of 2 1:1 notes; no person note yet.",
    );
    const writes = adoptionWrites(plan, all(plan.notes.map((n) => n.path)), OPTIONS);
    expect(writes).toEqual({
      creates: [{ path: "People/John Appleseed.md", name: "John Appleseed", text: "---\ntype: person\n---\n\n## Next 1:1\n" }],
      properties: [
        { path: "meetings/2024-11-13 John Appleseed.md", values: { type: "one-on-one", person: "[[John Appleseed]]" } },
        { path: "meetings/2024-11-20 John Appleseed.md", values: { type: "one-on-one", person: "[[John Appleseed]]", date: "2024-11-20" } },
      ],
      problems: [],
      myName: null,
    });
  });

  it("links to an existing person by the note's base name, and leaves complete notes alone", () => {
    const plan = planAdoption(
      input(
        [
          note("1-1s/Anya Petrova/2026-11-07.md", {
            date: "2026-11-07",
            frontmatter: { date: "2026-11-07" },
            person: { path: "People/@Anya Petrova.md", name: "Anya Petrova" },
          }),
          note("1-1s/Anya Petrova/2026-11-14.md", {
            date: "2026-11-14",
            frontmatter: { type: "one-on-one", person: "[[@Anya Petrova]]", date: "2026-11-14" },
            person: { path: "People/@Anya Petrova.md", name: "Anya Petrova" },
          }),
        ],
        { people: [{ path: "People/@Anya Petrova.md", name: "Anya Petrova", aliases: [] }] },
      ),
    );
    expect(plan.newPeople).toEqual([]);
    expect(plan.complete.map((n) => n.path)).toEqual(["1-1s/Anya Petrova/2026-11-14.md"]);
    expect(adoptionWrites(plan, all(["1-1s/Anya Petrova/2026-11-07.md"]), OPTIONS).properties).toEqual([
      { path: "1-1s/Anya Petrova/2026-11-07.md", values: { type: "one-on-one", person: "[[@Anya Petrova]]" } },
    ]);
  });

  it("matches a derived name to an existing person the index did not resolve (a slug in another spelling)", () => {
    const plan = planAdoption(
      input([note("121/2026-01-05 anya_petrova.md", { proposed: named("anya_petrova", "file name", "the file name"), date: "2026-01-05" })], {
        people: [{ path: "People/Anya Petrova.md", name: "Anya Petrova", aliases: [] }],
      }),
    );
    expect(plan.notes[0]?.person).toEqual({ kind: "existing", path: "People/Anya Petrova.md", name: "Anya Petrova" });
    expect(plan.newPeople).toEqual([]);
  });

  it("names the new note after a link in the person property, so that the link resolves", () => {
    const plan = planAdoption(
      input([
        note("MeetingNotes/121/2026-11-20.md", {
          proposed: named("@Anna Ivanova", "person property", "the person property"),
          date: "2026-11-20",
          frontmatter: { date: "2026-11-20", type: ["121"], person: "[[@Anna Ivanova]]" },
        }),
      ], { peopleFolder: "people" }),
    );
    expect(plan.newPeople.map((p) => [p.name, p.fileName, p.path])).toEqual([["Anna Ivanova", "@Anna Ivanova", "people/@Anna Ivanova.md"]]);
    // type "121" and the person property are there already: nothing to add.
    expect(plan.notes).toEqual([]);
    expect(plan.complete.map((n) => n.path)).toEqual(["MeetingNotes/121/2026-11-20.md"]);
    const writes = adoptionWrites(plan, all([]), { ...OPTIONS, peopleFolder: "people" });
    expect(writes.creates).toEqual([{ path: "people/@Anna Ivanova.md", name: "Anna Ivanova", text: "---\ntype: person\n---\n\n## Next 1:1\n" }]);
  });

  it("lists notes it cannot place, with the reason, and never plans a write to them", () => {
    const plan = planAdoption(
      input([
        note("1-1s/2026-01-05.md", { date: "2026-01-05" }),
        note("1-1s/broken.md", { proposed: named("broken", "file name", "the file name"), frontmatterError: "Nested mappings are not allowed in compact mappings" }),
        note("1-1s/template-like.md", { frontmatter: { person: "__PEOPLE__" } }),
        note("1-1s/Someone.md", { proposed: named("Someone", "file name", "the file name") }),
        note("1-1s/Scott and Cody.md", { personWhy: "the participants property names Scott and Cody, and none of them has a person note." }),
      ], { exists: (p) => p.toLowerCase() === "people/someone.md" }),
    );
    expect(plan.unplaced).toEqual([
      { path: "1-1s/2026-01-05.md", reason: "No person: no person property, no people/<name> tag, no person folder and no name in the file name." },
      { path: "1-1s/broken.md", reason: "Its properties are not valid YAML (Nested mappings are not allowed in compact mappings); fix them, then adopt again." },
      { path: "1-1s/Scott and Cody.md", reason: "the participants property names Scott and Cody, and none of them has a person note." },
      { path: "1-1s/Someone.md", reason: 'A file "People/Someone.md" exists already and is not a person note; rename it or add the person property by hand.' },
      { path: "1-1s/template-like.md", reason: 'Its person property "__PEOPLE__" names nobody; write the person\'s name or a link there.' },
    ]);
    expect(plan.notes).toEqual([]);
    expect(plan.newPeople).toEqual([]);
  });

  it("never changes a type, person or date that is there, and says so", () => {
    const plan = planAdoption(
      input([
        note("meetings/2026-01-05 Sam.md", {
          personSource: "tag",
          date: "2026-01-05",
          frontmatter: { type: "meeting", person: 42, date: "soon" },
          person: { path: "People/Sam.md", name: "Sam" },
        }),
      ]),
    );
    expect(plan.complete).toHaveLength(1);
    expect(plan.complete[0]?.remarks).toEqual([
      'Its type is "meeting"; left as it is.',
      "Its person property 42 is left as it is.",
      'Its date property "soon" is not a date; left as it is.',
    ]);
  });

  it("describes a running log by its entries and adds no date to it", () => {
    const plan = planAdoption(
      input([note("01_Team/Lena_1-1.md", { proposed: named("Lena", "file name", "the file name"), entries: ["2026-11-21", "2026-11-07"] })]),
    );
    expect(plan.notes.map((n) => [n.layout, n.add, n.entries])).toEqual([["log", { type: true, person: true, date: null }, ["2026-11-21", "2026-11-07"]]]);
    expect(plan.counts).toEqual({ people: 0, meetings: 0, logs: 1, logEntries: 2, agreements: 0 });
  });

  it("offers the owners of agreements as people, unticked, unless they name someone proposed already", () => {
    const agreement = (owner: AdoptionAgreementInput["unresolvedOwner"], line: number): AdoptionAgreementInput => ({
      path: "1-1s/john-doe/2026-01-22.md",
      line,
      text: "Review",
      due: null,
      unresolvedOwner: owner,
      ownerName: owner?.text ?? null,
      personPath: null,
      personName: "John Doe",
    });
    const plan = planAdoption(
      input(
        [note("1-1s/john-doe/2026-01-22.md", { proposed: named("John Doe", "person property", "the person property"), date: "2026-01-22", frontmatter: { person: "John Doe", date: "2026-01-22" } })],
        {
          agreements: [
            agreement({ kind: "name", text: "john" }, 18),
            agreement({ kind: "link", text: "People/Mia Wong" }, 19),
            agreement({ kind: "name", text: "mia-wong" }, 20),
            { ...agreement({ kind: "name", text: "zoe" }, 3), path: "Daily/2026-01-22.md" },
          ],
        },
      ),
    );
    expect(plan.newPeople.map((p) => [p.name, p.origin, p.selected, p.path])).toEqual([
      ["John Doe", "meeting", true, "People/John Doe.md"],
      ["Mia Wong", "owner", false, "People/Mia Wong.md"],
    ]);
    const writes = adoptionWrites(plan, all(["1-1s/john-doe/2026-01-22.md"]), OPTIONS);
    expect(writes.creates.map((c) => c.path)).toEqual(["People/John Doe.md"]);
    expect(writes.properties).toEqual([{ path: "1-1s/john-doe/2026-01-22.md", values: { type: "one-on-one" } }]);
  });

  it("carries out edited names and unticked people; an unusable name is a problem, not a file", () => {
    const plan = planAdoption(
      input([
        note("meetings/2024-11-13 jdoe.md", { proposed: named("jdoe", "file name", "the file name"), date: "2024-11-13", frontmatter: {} }),
        note("meetings/2024-11-14 mx.md", { proposed: named("mx", "file name", "the file name"), date: "2024-11-14", frontmatter: {} }),
        note("meetings/2024-11-15 kim.md", { proposed: named("kim", "file name", "the file name"), date: "2024-11-15", frontmatter: {} }),
      ]),
    );
    const people = new Map<string, string | null>([
      ["jdoe", "Jane Doe: CTO"],
      ["mx", null],
      ["kim", "???"],
    ]);
    const writes = adoptionWrites(plan, { notes: new Set(plan.notes.map((n) => n.path)), people }, OPTIONS);
    expect(writes.creates).toEqual([
      { path: "People/Jane Doe CTO.md", name: "Jane Doe: CTO", text: '---\ntype: person\naliases:\n  - "Jane Doe: CTO"\n---\n\n## Next 1:1\n' },
    ]);
    expect(writes.properties).toEqual([
      { path: "meetings/2024-11-13 jdoe.md", values: { type: "one-on-one", person: "[[Jane Doe CTO]]", date: "2024-11-13" } },
      { path: "meetings/2024-11-14 mx.md", values: { type: "one-on-one", date: "2024-11-14" } },
      { path: "meetings/2024-11-15 kim.md", values: { type: "one-on-one", date: "2024-11-15" } },
    ]);
    expect(writes.problems).toEqual(['"???" cannot be used as a note name; Kim was not created.']);
  });
});

describe("what Adopt ticks, and what it leaves", () => {
  const fromName = (path: string, name: string, over: Partial<AdoptionNoteInput> = {}) =>
    note(path, { proposed: named(name, "file name", "the file name"), date: "2026-01-05", frontmatter: {}, ...over });

  it("ticks a person a property, tag or folder names, or two notes name; one note's name alone is offered unticked", () => {
    const plan = planAdoption(
      input([
        fromName("1-1s/2026-01-05 Budget Lead.md", "Budget Lead"),
        fromName("1-1s/2026-01-05 Lena Fischer.md", "Lena Fischer"),
        fromName("1-1s/2026-01-12 Lena Fischer.md", "Lena Fischer"),
        note("1-1s/Sarah Chen log.md", { proposed: named("Sarah Chen", "title", "the title"), entries: ["2024-07-08", "2024-07-22"] }),
        note("1-1s/x.md", { proposed: named("Omar", "tag", "the tag #people/omar"), date: "2026-01-05" }),
      ]),
    );
    expect(plan.newPeople.map((p) => [p.name, p.selected])).toEqual([
      ["Lena Fischer", true],
      ["Omar", true],
      ["Sarah Chen", true],
      ["Budget Lead", false],
    ]);
  });

  it("offers unticked a note only its name calls a 1:1 with no date and no dated entry, and whom only it implies", () => {
    const byName = (path: string, name: string, over: Partial<AdoptionNoteInput> = {}) =>
      note(path, { markedBy: "name", proposed: named(name, "tag", `the tag #people/${name.toLowerCase()}`), frontmatter: {}, ...over });
    const plan = planAdoption(
      input([
        byName("Notes/Team retro 1-1 ideas.md", "Kim"),
        byName("Notes/Lena 1-1.md", "Lena", { entries: ["2026-01-05"] }),
        byName("Notes/Omar 1-1.md", "Omar", { date: "2026-01-05" }),
        note("1-1s/Zoe.md", { proposed: named("Zoe", "folder", "the folder name"), frontmatter: {} }),
      ]),
    );
    expect(plan.notes.map((n) => [n.path, n.selected])).toEqual([
      ["1-1s/Zoe.md", true],
      ["Notes/Lena 1-1.md", true],
      ["Notes/Omar 1-1.md", true],
      ["Notes/Team retro 1-1 ideas.md", false],
    ]);
    expect(plan.notes.find((n) => n.path === "Notes/Team retro 1-1 ideas.md")?.remarks).toEqual([
      "Only its name says 1:1, and it has no date and no dated entry, so it is left unticked; tick it to keep it as a running log.",
    ]);
    expect(plan.newPeople.map((p) => [p.name, p.sure, p.selected])).toEqual([
      ["Lena", true, true],
      ["Omar", true, true],
      ["Zoe", true, true],
      ["Kim", true, false],
    ]);
    const ticked = plan.notes.filter((n) => n.selected).map((n) => n.path);
    const writes = adoptionWrites(plan, all(ticked), OPTIONS);
    expect(writes.creates.map((c) => c.name)).toEqual(["Lena", "Omar", "Zoe"]);
    expect(writes.properties.map((p) => p.path)).not.toContain("Notes/Team retro 1-1 ideas.md");
  });

  it("creates nobody that only unticked notes imply", () => {
    const plan = planAdoption(input([fromName("1-1s/2026-01-05 Lena.md", "Lena", { proposed: named("Lena", "tag", "the tag #p/lena") }), fromName("1-1s/2026-01-06 Omar.md", "Omar")]));
    const people = new Map<string, string | null>([
      ["lena", "Lena"],
      ["omar", "Omar"],
    ]);
    const writes = adoptionWrites(plan, { notes: new Set(["1-1s/2026-01-06 Omar.md"]), people }, OPTIONS);
    expect(writes.creates.map((c) => c.name)).toEqual(["Omar"]);
    expect(writes.properties.map((p) => p.path)).toEqual(["1-1s/2026-01-06 Omar.md"]);
  });

  it("offers your name, never proposes you as a person, and saves your name only when left ticked", () => {
    const you = { name: "Chuck Blake", why: "Chuck Blake is named by every meeting that names two or more people." };
    const agreement: AdoptionAgreementInput = {
      path: "meetings/2026-01-26 Ben.md",
      line: 9,
      text: "Introduce Ben to Zenguard",
      due: null,
      unresolvedOwner: { kind: "name", text: "Chuck" },
      ownerName: "Chuck",
      personPath: "People/Ben Cohen.md",
      personName: "Ben Cohen",
    };
    const plan = planAdoption(
      input(
        [
          note("meetings/2026-01-26 Ben.md", { date: "2026-01-26", person: { path: "People/Ben Cohen.md", name: "Ben Cohen" }, frontmatter: {} }),
          fromName("meetings/2026-01-27 Chuck Blake.md", "Chuck Blake"),
        ],
        { you, agreements: [agreement], people: [{ path: "People/Ben Cohen.md", name: "Ben Cohen", aliases: [] }] },
      ),
    );
    expect(plan.you).toEqual(you);
    expect(plan.newPeople).toEqual([]);
    const people = new Map<string, string | null>();
    expect(adoptionWrites(plan, { notes: new Set(), people, you: true }, OPTIONS).myName).toBe("Chuck Blake");
    expect(adoptionWrites(plan, { notes: new Set(), people, you: false }, OPTIONS).myName).toBeNull();
  });
});

describe("the relationship of the people Adopt creates", () => {
  const fm = (frontmatter: Record<string, unknown>, tags: string[] = []) => ({ frontmatter, tags });

  it.each([
    ["a relationship property", [fm({ relationship: "report" })], "report", "the relationship property"],
    ["a synonym, in any case", [fm({ relationship: "Direct Report" })], "report", "the relationship property"],
    ["a role that is a relationship", [fm({ role: "manager" })], "manager", "the role property"],
    ["a tag", [fm({}, ["meeting/one-on-one", "mentor"])], "mentor", "the tag #mentor"],
    ["a relationship tag", [fm({}, ["relationship/skip-level"])], "skip", "the tag #relationship/skip-level"],
    ["notes that agree", [fm({}, ["friend"]), fm({ relationship: "friend" })], "friend", "the tag #friend"],
  ])("is read from %s", (_, notes, relationship, from) => {
    expect(relationshipInNotes(notes)).toEqual({ relationship, from });
  });

  it.each([
    ["a role that is a job title", [fm({ role: "Backend engineer" })]],
    ["a person tag", [fm({}, ["people/report"])]],
    ["the tag #other", [fm({}, ["other"])]],
    ["notes that disagree", [fm({ relationship: "peer" }), fm({}, ["report"])]],
    ["nothing", [fm({}), { frontmatter: null, tags: [] }]],
  ])("is none from %s", (_, notes) => {
    expect(relationshipInNotes(notes)).toBeNull();
  });

  it("is written to the new person note; the one chosen for all goes to those whose notes say none", () => {
    const plan = planAdoption(
      input([
        note("1-1s/2026-01-05 Lena.md", { proposed: named("Lena Fischer", "person property", "the person property"), date: "2026-01-05", frontmatter: { person: "Lena Fischer", relationship: "report" } }),
        note("1-1s/2026-01-06 Omar.md", { proposed: named("Omar Haddad", "person property", "the person property"), date: "2026-01-06", frontmatter: { person: "Omar Haddad" } }),
      ]),
    );
    expect(plan.newPeople.map((p) => [p.name, p.relationship?.relationship ?? null])).toEqual([
      ["Lena Fischer", "report"],
      ["Omar Haddad", null],
    ]);
    expect(describeNewPerson(plan.newPeople[0] as NewPersonPlan)).toBe(
      'Named by the person property "Lena Fischer" of a 1:1 note; no person note yet. Relationship: report (from the relationship property).',
    );
    const paths = plan.notes.map((n) => n.path);
    const texts = (relationship: Relationship | null) =>
      adoptionWrites(plan, { ...all(paths), relationship }, OPTIONS).creates.map((c) => c.text.split("\n").find((l) => l.startsWith("relationship")) ?? null);
    expect(texts("peer")).toEqual(["relationship: report", "relationship: peer"]);
    expect(texts(null)).toEqual(["relationship: report", null]);
  });
});

describe("person notes and empty properties", () => {
  it("writes properties as Obsidian does, quoting only where YAML would misread", () => {
    expect(
      personNoteText(
        { firstName: "Anya", lastName: "O'Neill", aliases: ["yes", "A: P"], relationship: "peer", role: "#1 engineer", team: "123", birthday: "--04-02", tags: ["team/payments"] },
        "Next 1:1",
      ),
    ).toBe(
      [
        "---",
        "type: person",
        "first-name: Anya",
        "last-name: O'Neill",
        "aliases:",
        '  - "yes"',
        '  - "A: P"',
        "relationship: peer",
        'role: "#1 engineer"',
        'team: "123"',
        'birthday: "--04-02"',
        "tags:",
        "  - team/payments",
        "---",
        "",
        "## Next 1:1",
        "",
      ].join("\n"),
    );
    expect(yamlString("Анна Иванова")).toBe("Анна Иванова");
    expect(yamlString("李伟")).toBe("李伟");
    expect(yamlString('say "hi"\u2028')).toBe('"say \\"hi\\"\\u2028"');
  });

  it("fills only empty properties, under the spelling the note uses, and restores exactly them", () => {
    const fm: Record<string, unknown> = { First_Name: "", role: "Lead", tags: [], aliases: [null] };
    const filled = fillEmptyProperties(fm, { "first-name": "Anya", role: "Engineer", tags: ["x"], aliases: ["A"], team: "Payments" });
    expect(fm).toEqual({ First_Name: "Anya", role: "Lead", tags: ["x"], aliases: ["A"], team: "Payments" });
    expect(filled.map((f) => f.key)).toEqual(["First_Name", "tags", "aliases", "team"]);
    fm.tags = ["changed"];
    expect(restoreProperties(fm, filled)).toEqual(["tags"]);
    expect(fm).toEqual({ First_Name: "", role: "Lead", tags: ["changed"], aliases: [null] });
  });

  it.each([
    [undefined, true],
    [null, true],
    ["  ", true],
    [[], true],
    [[null, ""], true],
    ["x", false],
    [0, false],
    [false, false],
    [["x"], false],
  ])("isEmptyValue(%j) is %s", (value, empty) => {
    expect(isEmptyValue(value)).toBe(empty);
  });
});
