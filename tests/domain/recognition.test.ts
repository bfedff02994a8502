// What a note is, whom it is with, when, and why: one table per rule of src/domain/recognition.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { personKeysByStrength } from "../../src/domain/person-names";
import { personCandidates } from "../../src/domain/recognition/candidates";
import { choosePerson, ME, type PeopleLookup } from "../../src/domain/recognition/choose-person";
import type { NoteFacts, RecognitionSettings } from "../../src/domain/recognition/note";
import { readNoteText, type NoteText } from "../../src/domain/recognition/note-text";
import { recognize } from "../../src/domain/recognition/recognize";
import { noteShape } from "../../src/domain/recognition/shape";
import { noteDate, personLogEntries } from "../../src/domain/recognition/when";
import { inferYou } from "../../src/domain/recognition/you";
import { RUNS } from "../properties";

const SETTINGS: RecognitionSettings = {
  peopleFolder: "People",
  meetingsFolder: "1-1s",
  personTags: ["person"],
  meetingTags: ["meeting/one-on-one", "121"],
  templatePath: "Templates/1-1 template",
  myName: "",
  oneOtherPersonIsOneOnOne: true,
};

function note(path: string, more: Partial<NoteFacts> = {}): NoteFacts {
  return { path, frontmatter: null, tags: [], headings: [], links: [], ...more };
}

/** A lookup over a few people (`path` → name, aliases), and you, as the index resolves them. */
function people(list: Record<string, { name: string; aliases?: string[] }>, myName = ""): PeopleLookup {
  const holders: { path: string; key: string; strength: number }[] = [];
  for (const [path, p] of Object.entries(list)) {
    for (const k of personKeysByStrength({ name: p.name, firstName: null, aliases: p.aliases ?? [] }, path)) holders.push({ path, ...k });
  }
  if (myName) for (const k of personKeysByStrength({ name: myName, firstName: null, aliases: [] })) holders.push({ path: ME, ...k });
  const find = (ref: string, full: boolean): string | null => {
    const key = ref.trim().toLowerCase().replace(/^@/, "");
    const slug = key.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "");
    const found = holders.filter((h) => (h.key === key || h.key === slug) && (!full || h.strength < 2));
    const best = Math.min(...found.map((h) => h.strength));
    const paths = [...new Set(found.filter((h) => h.strength === best).map((h) => h.path))];
    // Of several notes with one name, the shortest path (you are `me`), as the index decides.
    const shortest = [...paths].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0] ?? null;
    return paths.length === 1 ? (paths[0] as string) : best === 0 ? shortest : null;
  };
  return { any: (ref) => find(ref, false), full: (ref) => find(ref, true) };
}

describe("what a note is", () => {
  it.each([
    ["type: person anywhere", note("Anywhere/Anya Petrova.md", { frontmatter: { type: "person" } }), "person", "type"],
    ["categories: [[People]]", note("References/Steph Ango.md", { frontmatter: { categories: ["[[People]]"], type: ["[[Authors]]"] } }), "person", "category"],
    ["type: crm-contact", note("CRM/x/Jane Doe.md", { frontmatter: { type: "crm-contact" } }), "person", "type"],
    ["a person tag", note("Misc/Ravi.md", { tags: ["person"] }), "person", "tagged"],
    ["in the People folder", note("People/Sam Okafor.md"), "person", "People folder"],
    ["in a subfolder of People", note("People/Hiring/Pete Miller.md"), "person", "People folder"],
    ["in a folder named Contacts", note("CRM/Contacts/Maria Garcia.md"), "person", "folder named Contacts"],
    ["in a folder named Kontakte", note("Kontakte/Hans Dampf.md"), "person", "folder named Kontakte"],
    ["a slug in the People folder", note("people/ben-cohen.md"), "person", "People folder"],
    ["README in the People folder", note("People/README.md"), "other", "README"],
    ["OVERVIEW in the People folder", note("People/OVERVIEW.md"), "other", "README"],
    ["_template in the People folder", note("people/_template.md"), "other", "template"],
    ["a topic in the People folder", note("People/Hiring/Questions Bank/Learn and Be Curious Interview Questions.md"), "other", null],
    ["a 1:1 note in the People folder", note("People/1on1s/1on1 questions.md"), "other", "names nobody"],
    ["the folder's own note", note("People/1on1s/1on1s.md"), "other", "note of its folder"],
    ["a person's own folder note", note("People/Anya Petrova/Anya Petrova.md"), "person", "People folder"],
    ["a company in the Contacts folder", note("Contacts/Acme.md", { frontmatter: { type: "company" } }), "person", "folder named Contacts"],
    ["type: company elsewhere", note("Companies/@ExampleCompany.md", { frontmatter: { type: "company" } }), "other", null],
    ["type: one-on-one beats the People folder", note("People/Anya/2026-11-21.md", { frontmatter: { type: "one-on-one" } }), "meeting", "type"],
    ["type: one_on_one", note("Notes/x.md", { frontmatter: { type: "one_on_one", date: "2026-01-02" } }), "meeting", "type"],
    ["type: 1-1 meeting", note("Notes/x.md", { frontmatter: { type: "1-1 meeting", date: "2026-01-02" } }), "meeting", "type"],
    ["a 1-on-1 tag", note("Notes/x.md", { tags: ["1-on-1"], frontmatter: { date: "2026-01-02" } }), "meeting", "tagged"],
    ["a 1-1-meeting tag", note("Notes/x.md", { tags: ["1-1-meeting"], frontmatter: { date: "2026-01-02" } }), "meeting", "tagged"],
    ["the 1:1 folder", note("1-1s/Anya Petrova/2026-11-21.md"), "meeting", "1:1 folder"],
    ["1on1 in the file name", note("Notes/2025-10-14-cody-scott-1on1.md"), "meeting", "file name"],
    ["1:1 in the title", note("Notes/Scott and Cody.md", { headings: [{ text: "Scott / Cody 1:1", level: 1, line: 0 }], frontmatter: { date: "2025-04-15" } }), "meeting", "title"],
    ["a 121 folder", note("MeetingNotes/121/Anya 1.md", { frontmatter: { date: "2026-01-02" } }), "meeting", "folder"],
    ["type: meeting", note("Notes/Kickoff.md", { frontmatter: { type: "meeting", date: "2026-08-23" } }), "meeting", "type"],
    ["categories: [[Meetings]]", note("Notes/2023-09-12 Meeting with Steph.md", { frontmatter: { categories: ["[[Meetings]]"] } }), "meeting", "category"],
    ["a Meetings folder", note("meetings/2026/2026-01-26-ben-cohen.md"), "meeting", "folder"],
    ["attendees in its properties", note("Notes/Sync.md", { frontmatter: { attendees: ["Anya", "Ben"], date: "2026-01-02" } }), "meeting", "took part"],
    ["a daily note", note("Daily/2026-11-20.md"), "dated", "file name"],
    ["a compact daily note", note("Diary/Diary-20230319.md"), "dated", "file name"],
    ["a note with a date property", note("Notes/Offsite.md", { frontmatter: { date: "2026-11-02" } }), "dated", "date property"],
    ["a note with only a created date", note("Notes/Idea.md", { frontmatter: { created: "2026-11-02" } }), "other", null],
    ["a plain note", note("Notes/Ideas.md"), "other", null],
    ["the template note", note("Templates/1-1 template.md", { frontmatter: { type: "one-on-one" } }), "other", "template note set"],
    ["any templates folder", note("templates/core/121.md", { tags: ["121"] }), "other", "templates folder"],
    ["__Templates", note("__Templates/Meetings/1on1 Meeting Template.md"), "other", "templates folder"],
    ["0 Templates", note("0 Templates/Kontaktformular.md", { tags: ["kontakt"] }), "other", "templates folder"],
    ["named as a template", note("Notes/1on1 Meeting Template.md", { frontmatter: { type: "meeting" } }), "other", "template"],
    ["a placeholder in the name", note("03_Meetings/YYYY-MM-DD_LeadershipMeeting.md"), "other", "placeholder"],
    ["placeholders in the headings", note("01_Team/NomePersona_1-1.md", { headings: [{ text: "YYYY-MM-DD", level: 3, line: 9 }] }), "other", "placeholders"],
    ["template code in the properties", note("People/Anya.md", { frontmatter: { type: "person", created: "<% tp.date.now() %>" } }), "other", "template code"],
    ["a board of another plugin", note("People/peoples.md", { frontmatter: { "database-plugin": "basic" } }), "other", "another plugin"],
    ["a board of another plugin, typed as a person", note("People/Lea.md", { frontmatter: { "kanban-plugin": "basic", type: "person" } }), "person", "type"],
  ])("%s", (_name, facts, kind, why) => {
    const shape = noteShape(facts, null, SETTINGS);
    expect(shape.kind).toBe(kind);
    const said = "why" in shape ? shape.why : null;
    if (why === null) expect(kind === "other" ? said : null).toBeNull();
    else expect(said ?? "").toContain(why);
  });

  it("reads the properties of a 1:1 note whatever their case, and its status", () => {
    const shape = noteShape(note("Notes/Sync 1-1.md", { frontmatter: { Person: "[[Ada]]", DATE: "2026-11-02", Status: "Skipped" } }), null, SETTINGS);
    expect(shape).toMatchObject({ kind: "meeting", date: "2026-11-02", status: "skipped", candidates: [{ source: "person property", text: "Ada" }] });
    expect(noteShape(note("1-1s/A/2026-11-07.md", { frontmatter: { status: "Cancelled" } }), null, SETTINGS)).toMatchObject({ status: "cancelled" });
    expect(noteShape(note("1-1s/A/2026-11-07.md", { frontmatter: { status: "postponed" } }), null, SETTINGS)).toMatchObject({ status: "held", unknownStatus: "postponed" });
  });

  it("takes no template placeholder for a person", () => {
    const shape = noteShape(note("MeetingNotes/121/x.md", { frontmatter: { type: ["121"], people: "__PEOPLE__", person: "[[People/]]" } }), null, SETTINGS);
    expect(shape.kind === "meeting" ? shape.candidates : null).toEqual([]);
  });

  it("reads template code and date lines from the text", () => {
    const withCode = readNoteText("---\ntype: person\n---\n# <% tp.file.title %>\n");
    expect(noteShape(note("People/Anya.md", { frontmatter: { type: "person" } }), withCode, SETTINGS)).toMatchObject({ kind: "other" });
    const cursorOnly = readNoteText("---\ntags: kontakt\n---\n**Folgetermin**:: <% tp.file.cursor(3) %>\n");
    expect(noteShape(note("Kontakte/Andrea Anders.md", { tags: ["kontakt"] }), cursorOnly, SETTINGS)).toMatchObject({ kind: "person" });
  });

  it("takes a 1:1 note with dated headings of other days for a running log, whatever its own date", () => {
    const headings = [
      { text: "1:1 Notes - Sarah Chen (H2 2024)", level: 1, line: 0 },
      { text: "July 8, 2024", level: 2, line: 2 },
      { text: "July 22, 2024 (skipped)", level: 2, line: 9 },
    ];
    const log = noteShape(note("resources/manager/1on1-notes-h2-2024.md", { headings }), null, SETTINGS);
    expect(log).toMatchObject({ kind: "meeting", date: null, entries: [{ date: "2024-07-08", status: "held" }, { date: "2024-07-22", status: "skipped" }] });
    const created = noteShape(note("1-1s/Lena.md", { frontmatter: { created: "2024-07-01" }, headings }), null, SETTINGS);
    expect(created).toMatchObject({ date: null, entries: [{ date: "2024-07-08" }, { date: "2024-07-22" }] });
    const own = noteShape(note("1-1s/Lena/2024-07-08.md", { headings: [{ text: "2024-07-08 with Lena", level: 1, line: 0 }] }), null, SETTINGS);
    expect(own).toMatchObject({ date: "2024-07-08", entries: [] });
  });

  it("never throws, and always says what it is", () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.oneof(fc.string(), fc.array(fc.string()))), fc.object());
    fc.assert(
      fc.property(
        fc.string(),
        fc.dictionary(fc.constantFrom("type", "date", "person", "people", "categories", "tags", "attendees", "status", "created", "kanban-plugin"), value),
        fc.array(fc.string()),
        fc.array(fc.record({ text: fc.string(), level: fc.integer({ min: 1, max: 6 }), line: fc.nat() })),
        fc.string(),
        (path, frontmatter, tags, headings, text) => {
          const facts = note(`${path}.md`, { frontmatter, tags, headings, links: [{ target: path, line: 3 }] });
          const shape = noteShape(facts, readNoteText(text), SETTINGS);
          const found = recognize(facts, readNoteText(text), people({ "People/Anya.md": { name: "Anya" } }), SETTINGS);
          return ["person", "meeting", "dated", "other"].includes(shape.kind) && typeof found.kind === "string";
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("the date of a meeting", () => {
  it.each([
    ["the date property", note("x/Anya.md", { frontmatter: { date: "2026-01-08" } }), null, "2026-01-08", "date property"],
    ["a day property", note("x/Anya.md", { frontmatter: { day: "2026-01-08" } }), null, "2026-01-08", "date property"],
    ["a file name with a time", note("x/2023-06-23-1430 1-1 with John Doe.md"), null, "2023-06-23", "file name"],
    ["a dated folder", note("meetings/2026-01-08/Anya.md"), null, "2026-01-08", "folder"],
    ["a year/month/day folder", note("meetings/2026/01/08/Anya.md"), null, "2026-01-08", "folder"],
    ["a Date line", note("x/Anya.md"), "# Anya\n**Date:** October 17, 2025\n", "2025-10-17", "Date line"],
    ["a date:: line", note("x/Anya.md"), "date:: 2026-01-08\n", "2026-01-08", "Date line"],
    ["the created property last", note("x/Anya.md", { frontmatter: { created: "2026-01-08" } }), null, "2026-01-08", "created"],
    ["the property before the file name", note("x/2026-01-09 Anya.md", { frontmatter: { date: "2026-01-08" } }), null, "2026-01-08", "date property"],
  ])("%s", (_name, facts, text, date, why) => {
    expect(noteDate(facts, text === null ? null : readNoteText(text))).toEqual({ date, why: expect.stringContaining(why) as string });
  });

  it("says when a date is no day", () => {
    expect(noteDate(note("x/Anya.md", { frontmatter: { date: "2026-02-30" } }), null)).toEqual({ bad: "2026-02-30" });
    expect(noteDate(note("x/2026-02-30 Anya.md"), null)).toEqual({ bad: "2026-02-30" });
  });
});

describe("what a note's text says", () => {
  it("reads the lines near the top, dated lines, talk fields and template code, outside code", () => {
    const text = [
      "---",
      "type: meeting",
      "---",
      "# Scott / Cody 1-on-1",
      "**Date:** Monday, July 28, 2025",
      "**Participants:**",
      "",
      "- cody.henshaw@redis.com",
      "- [[Scott Weaver]]",
      "",
      "2023-07-01 @ 11:54 Telefonat über Mengenrabatt",
      "- 2026-11-21 coffee, talked about the move",
      "- [ ] 2026-12-01 send the offer",
      "(lastTalk:: 2024-07-15)",
      "```",
      "- 2020-01-01 not a contact",
      "<% tp.date.now() %>",
      "```",
    ].join("\n");
    expect(readNoteText(text)).toEqual({
      dateLine: "2025-07-28",
      attendees: ["cody henshaw", "Scott Weaver"],
      datedLines: [
        { line: 10, date: "2023-07-01" },
        { line: 11, date: "2026-11-21" },
      ],
      contactFields: [{ line: 13, date: "2024-07-15" }],
      templateCode: false,
    } satisfies NoteText);
  });

  it("reads an Attendees section, leaves roles in brackets out, and reads dates at the start of table rows", () => {
    const text = "# Sprint planning\n\n## Attendees\n\n- [[Sarah Chen]]\n- Mike (Product)\n- Engineering team\n\n## Log\n| 2026-01-15 | Coffee |\n";
    const read = readNoteText(text);
    expect(read.attendees).toEqual(["Sarah Chen", "Mike", "Engineering team"]);
    expect(read.datedLines).toEqual([{ line: 9, date: "2026-01-15" }]);
  });

  it("reads an attendee line in a Dataview field, and lists separated by commas or 'and'", () => {
    expect(readNoteText("[participants:: [[Person A]], [[Person B]] ]\n").attendees).toEqual(["Person A", "Person B"]);
    expect(readNoteText("**Participants:** Scott, Ashwin Hariharan (ashwin.hariharan@redis.com)\n").attendees).toEqual(["Scott", "Ashwin Hariharan"]);
    expect(readNoteText("Attendees: Anya and Ben\n").attendees).toEqual(["Anya", "Ben"]);
  });

  it("finds template code left in the text, but not a left-over cursor", () => {
    expect(readNoteText("<% tp.file.cursor(2) %>\n").templateCode).toBe(false);
    expect(readNoteText("# {{title}}\n").templateCode).toBe(true);
    expect(readNoteText("Tag: `#p/<% tp.file.title %>`\n").templateCode).toBe(true);
  });

  it("makes a person note's log of its dated headings, else its dated lines, and its talk fields", () => {
    const facts = note("People/Dwight.md", { headings: [{ text: "2026-07-23", level: 3, line: 12 }] });
    const text = readNoteText("---\na: 1\n---\n- 2026-01-02 coffee\n(lastTalk:: 2024-07-15)\n");
    expect(personLogEntries(facts, text).map((e) => [e.date, e.level])).toEqual([
      ["2024-07-15", 0],
      ["2026-07-23", 3],
    ]);
    expect(personLogEntries(note("People/Dwight.md"), text).map((e) => e.date)).toEqual(["2026-01-02", "2024-07-15"]);
  });
});

describe("whom a meeting is with", () => {
  const vault = people({
    "Cards/People/John Doe.md": { name: "John Doe" },
    "People/Alex Rivera.md": { name: "Alex Rivera" },
    "People/Scott Weaver.md": { name: "Scott Weaver" },
    "People/Cody Henshaw.md": { name: "Cody Henshaw" },
    "People/John Smith.md": { name: "John Smith" },
    "People/Steph Ango.md": { name: "Steph Ango" },
    "people/ben-cohen.md": { name: "Ben Cohen" },
  });
  const me = (name: string) =>
    people(
      {
        "People/Scott Weaver.md": { name: "Scott Weaver" },
        "People/Cody Henshaw.md": { name: "Cody Henshaw" },
        "People/Alex Rivera.md": { name: "Alex Rivera" },
      },
      name,
    );

  it.each([
    ["a known person in the file name, its time and markers aside", note("1-1s/2023-06-23-1430 1-1 with John Doe.md"), vault, "Cards/People/John Doe.md", null],
    ["the known person of two names in the file name", note("1-1s/2024-01-22 Sarah-Alex.md"), vault, "People/Alex Rivera.md", null],
    ["the participants property, you aside", note("x/2025-10-14-cody-scott-1on1.md", { frontmatter: { participants: ["Scott Weaver", "Cody Henshaw"] } }), me("Scott Weaver"), "People/Cody Henshaw.md", null],
    ["a link in the people property", note("Notes/Meeting with Steph.md", { frontmatter: { categories: ["[[Meetings]]"], people: ["[[Steph Ango]]"] } }), vault, "People/Steph Ango.md", null],
    ["a slug in the file name", note("meetings/2026/2026-01-26-ben-cohen.md", { tags: ["1-1"] }), vault, "people/ben-cohen.md", null],
    ["attendees with someone without a note", note("meetings/2026/x.md", { frontmatter: { attendees: ["Chuck Blake", "Ben Cohen"] } }), vault, "people/ben-cohen.md", null],
    ["a person tag", note("meetings/2024-11-13 Weekly.md", { tags: ["meeting/one-on-one", "people/john-doe"], frontmatter: { tags: ["people/john-doe"] } }), vault, "Cards/People/John Doe.md", null],
    ["a new person from a clean name", note("1-1s/2024-11-13 1-1 with Lena Fischer.md"), vault, null, "Lena Fischer"],
    ["a new person from the person property, though a link names someone known", note("x/y.md", { frontmatter: { type: "one-on-one", person: "Lena Fischer" }, links: [{ target: "John Doe", line: 3 }] }), vault, null, "Lena Fischer"],
    ["a new person from the folder of a date-named note", note("1-1s/lena-fischer/2026-01-22.md"), vault, null, "Lena Fischer"],
    ["a known person in a folder with more in its name", note("1-1s/john-doe-2/2026-01-22.md"), vault, "Cards/People/John Doe.md", null],
    ["a known first name among a topic's words", note("2025-12-29/dictations/steph-1-1-ai-productivity-metrics.md"), vault, "People/Steph Ango.md", null],
    ["no folder for a note named by its topic", note("2025-12-29/dictations/1-1-quarterly-priorities.md"), vault, null, null],
  ])("%s", (_name, facts, lookup, person, newName) => {
    const shape = noteShape(facts, null, SETTINGS);
    if (shape.kind !== "meeting") throw new Error(`not a meeting: ${shape.kind}`);
    const found = choosePerson(shape.candidates, lookup, shape.oneOnOne ? (shape.weak ? "by place or name" : "surely") : "no");
    expect([found.person, found.newName]).toEqual([person, newName]);
  });

  it("never takes a first name inside a longer name for that person", () => {
    const shape = noteShape(note("1-1s/2026-01-02 John Doe.md"), null, SETTINGS);
    const lookup = people({ "People/John Smith.md": { name: "John Smith" } });
    if (shape.kind !== "meeting") throw new Error("not a meeting");
    expect(choosePerson(shape.candidates, lookup, "by place or name")).toMatchObject({ person: null, newName: "John Doe" });
  });

  it("takes two known people for a group meeting, and two unknown ones for nobody", () => {
    const both = noteShape(note("x/2025-10-14-cody-scott-1on1.md", { frontmatter: { participants: ["Scott Weaver", "Cody Henshaw"] } }), null, SETTINGS);
    if (both.kind !== "meeting") throw new Error("not a meeting");
    expect(choosePerson(both.candidates, vault, "by place or name")).toMatchObject({ person: null, group: ["People/Scott Weaver.md", "People/Cody Henshaw.md"] });
    expect(choosePerson(both.candidates, people({}), "by place or name")).toMatchObject({ person: null, newName: null, ambiguous: ["Scott Weaver", "Cody Henshaw"] });
    expect(choosePerson(both.candidates, people({}, "Scott Weaver"), "by place or name")).toMatchObject({ newName: "Cody Henshaw", youNamed: true });
  });

  it("takes a meeting whose Attendees section names more people than its properties for a group's", () => {
    const facts = note("Meeting - 2026-01-10 Sprint Planning.md", { frontmatter: { type: "Meeting", date: "2026-01-10", attendees: ["[[Steph Ango]]"] } });
    const text = readNoteText("---\ntype: Meeting\n---\n## Attendees\n- [[Steph Ango]]\n- Mike (Product)\n- Engineering team\n");
    const shape = noteShape(facts, text, SETTINGS);
    if (shape.kind !== "meeting") throw new Error("not a meeting");
    expect(choosePerson(shape.candidates, vault, "no")).toMatchObject({ person: "People/Steph Ango.md", named: 3 });
    const alone = noteShape(facts, readNoteText("---\ntype: Meeting\n---\nNotes.\n"), SETTINGS);
    if (alone.kind !== "meeting") throw new Error("not a meeting");
    expect(choosePerson(alone.candidates, vault, "no")).toMatchObject({ person: "People/Steph Ango.md", named: 1 });
  });

  it("is not with someone a meeting only mentions", () => {
    const allHands = note("meetings/2024-11-20 Monthly All Hands.md", {
      frontmatter: { tags: ["meeting"], date: "2024-11-20" },
      tags: ["meeting", "people/john-doe"],
      bodyTags: [{ tag: "people/john-doe", line: 9 }],
      taskLines: [13],
    });
    const shape = noteShape(allHands, null, SETTINGS);
    if (shape.kind !== "meeting") throw new Error("not a meeting");
    expect(shape.oneOnOne).toBe(false);
    expect(choosePerson(shape.candidates, vault, "no")).toMatchObject({ person: null, group: [] });
  });

  it("lists the candidates with where they were read", () => {
    const facts = note("1-1s/John Doe/2026-01-22.md", {
      frontmatter: { participants: ["John Doe"], tags: ["people/john-doe"] },
      tags: ["people/john-doe"],
      headings: [{ text: "1:1 with John Doe", level: 1, line: 4 }],
      links: [{ target: "Ben", line: 5 }],
      bodyStart: 4,
    });
    expect(personCandidates(facts, null, SETTINGS).map((c) => [c.source, c.text, c.label])).toEqual([
      ["people property", "John Doe", "the participants property"],
      ["tag", "john-doe", "the tag #people/john-doe"],
      ["link", "Ben", "a link near the top"],
      ["title", "John Doe", "the title"],
      ["folder", "John Doe", "the folder name"],
    ]);
    // A person property decides alone: nothing weaker is read.
    const decided = note("1-1s/John Doe/2026-01-22.md", { ...facts, frontmatter: { person: "[[Ben]]", tags: ["people/john-doe"] } });
    expect(personCandidates(decided, null, SETTINGS).map((c) => c.source)).toEqual(["person property"]);
  });
});

describe("who you are", () => {
  it.each([
    [[["Scott Weaver", "Cody Henshaw"], ["Scott Weaver", "Adrian"], ["Scott Weaver", "Yoav Haresh", "Nir Chodorov"]], "Scott Weaver"],
    [[["Chuck Blake", "Ben Cohen"], ["Max Klein", "Chuck Blake", "Matt Ober"]], "Chuck Blake"],
    [[["Scott Weaver", "Cody Henshaw"]], null],
    // One spelling whatever the order of the notes: a slug reads as the name it stands for.
    [[["sam-okafor", "Anya"], ["Sam Okafor", "Ben"]], "Sam Okafor"],
    [[["Sam Okafor", "Ben"], ["sam-okafor", "Anya"]], "Sam Okafor"],
    [[["Anya", "Ben"], ["Anya", "Ben"]], null],
    [[["Anya", "Ben"], ["Cem", "Dana"]], null],
    [[], null],
  ])("1:1 notes %j → %s", (meetings, expected) => {
    expect(inferYou(meetings.map((names) => ({ oneOnOne: true, names })))).toBe(expected);
    // Meetings that are not 1:1 notes are asked the same when there are no 1:1 notes.
    expect(inferYou(meetings.map((names) => ({ oneOnOne: false, names })))).toBe(expected);
  });

  it("asks the 1:1 notes first, and all meetings only when the 1:1 notes find no one name", () => {
    const oneOnOne = (...names: string[]) => ({ oneOnOne: true, names });
    const meeting = (...names: string[]) => ({ oneOnOne: false, names });
    // The 1:1 notes agree on Chuck; a group meeting without him does not change that.
    expect(inferYou([oneOnOne("Chuck", "Ben"), oneOnOne("Chuck", "Max"), meeting("Ben", "Max", "Lea")])).toBe("Chuck");
    // Two 1:1 notes of the same two people name both: the meetings tell which is you.
    expect(inferYou([oneOnOne("Anya", "Ben"), oneOnOne("Anya", "Ben"), meeting("Anya", "Cem")])).toBe("Anya");
    // One 1:1 note is not enough on its own: the meetings decide.
    expect(inferYou([oneOnOne("Anya", "Ben"), meeting("Anya", "Cem"), meeting("Anya", "Dana")])).toBe("Anya");
    expect(inferYou([oneOnOne("Anya", "Ben"), meeting("Cem", "Dana")])).toBeNull();
  });
});

describe("the whole recognition, in words", () => {
  it("lists a meeting with you and one other known person as a 1:1 with them, as the setting says", () => {
    const facts = note("Meetings/2026-09-20 Sync.md", { frontmatter: { type: "meeting", attendees: ["Sam Okafor", "[[Ben Cohen]]"] } });
    const lookup = people({ "People/Ben Cohen.md": { name: "Ben Cohen" } }, "Sam Okafor");
    expect(recognize(facts, null, lookup, SETTINGS)).toMatchObject({ kind: "one-on-one", person: "People/Ben Cohen.md", date: "2026-09-20" });
    expect(recognize(facts, null, lookup, { ...SETTINGS, oneOtherPersonIsOneOnOne: false })).toMatchObject({ kind: "meeting", person: "People/Ben Cohen.md" });
    // Two other people: a meeting of a group, whatever the setting.
    const group = note("Meetings/2026-09-21 Sync.md", { frontmatter: { type: "meeting", attendees: ["Sam Okafor", "Ben Cohen", "Lea Roth"] } });
    expect(recognize(group, null, lookup, SETTINGS).kind).toBe("meeting");
  });

  it("says what a note is, with whom, when and why", () => {
    const facts = note("1-1s/2023-06-23-1430 1-1 with John Doe.md");
    const found = recognize(facts, null, people({ "Cards/People/John Doe.md": { name: "John Doe" } }), SETTINGS, (p) => p.replace(/^.*\/|\.md$/g, ""));
    expect(found).toMatchObject({
      kind: "one-on-one",
      person: "Cards/People/John Doe.md",
      date: "2023-06-23",
      dateWhy: "the file name",
      why: "It is in the 1:1 folder (1-1s).",
      personWhy: "John Doe, named by the file name.",
    });
  });
});
