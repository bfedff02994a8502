import { describe, expect, it } from "vitest";
import { classify, personFromFileName, type RecognitionSettings } from "../../src/index/classify";
import type { FileFacts } from "../../src/index/facts";

const settings: RecognitionSettings = {
  peopleFolder: "People",
  meetingsFolder: "1-1s",
  personTags: ["person"],
  meetingTags: ["meeting/one-on-one", "121"],
  templatePath: "Templates/1-1 template",
};

function facts(path: string, more: Partial<FileFacts> = {}): FileFacts {
  return { path, created: null, frontmatter: null, tags: [], headings: [], links: [], tasks: [], ...more };
}

describe("classify", () => {
  it.each([
    ["type: person anywhere", facts("Anywhere/Anya Petrova.md", { frontmatter: { type: "person" } }), "person"],
    ["inside the People folder", facts("People/Sam Okafor.md"), "person"],
    ["inside a subfolder of People", facts("People/Friends/Lea.md"), "person"],
    ["people folder matched without case", facts("people/@Anya.md"), "person"],
    ["a person tag", facts("Contacts/Ravi.md", { tags: ["person"] }), "person"],
    ["type: one-on-one beats the People folder", facts("People/Anya/2026-11-21.md", { frontmatter: { type: "one-on-one" } }), "meeting"],
    ["inside the 1:1 folder", facts("1-1s/Anya Petrova/2026-11-21.md"), "meeting"],
    ["a 1:1 tag", facts("meetings/2024-11-13 John Appleseed.md", { tags: ["meeting/one-on-one", "people/john-appleseed"] }), "meeting"],
    ["1-1 in the file name", facts("01_Team/NomePersona_1-1.md"), "meeting"],
    ["a daily note", facts("Daily/2026-11-20.md"), "dated"],
    ["a note with a date property", facts("Notes/Offsite.md", { frontmatter: { date: "2026-11-02" } }), "dated"],
    ["a plain note", facts("Notes/Ideas.md"), "other"],
    ["Type: Person, spelled with capitals", facts("Anywhere/Ada.md", { frontmatter: { Type: "Person" } }), "person"],
    ["a DATE property spelled in capitals", facts("Notes/Offsite.md", { frontmatter: { DATE: "2026-11-02" } }), "dated"],
    ["a Person property of a 1:1 note", facts("Notes/Sync 1-1.md", { frontmatter: { Person: "[[Ada]]", Date: "2026-11-02" } }), "meeting"],
    ["a property named with a letter past ASCII is no date", facts("Notes/Offsite.md", { frontmatter: { Dáte: "2026-11-02" } }), "other"],
    ["the template note", facts("Templates/1-1 template.md", { frontmatter: { type: "one-on-one" } }), "other"],
    ["any templates folder", facts("templates/core/121.md", { tags: ["121"] }), "other"],
  ])("%s", (_name, input, kind) => {
    expect(classify(input, settings).kind).toBe(kind);
  });

  it("reads the properties of a 1:1 note whatever their case", () => {
    const kind = classify(facts("Notes/Sync 1-1.md", { frontmatter: { Person: "[[Ada]]", DATE: "2026-11-02", Status: "Skipped" } }), settings);
    expect(kind).toMatchObject({ kind: "meeting", personRef: "Ada", date: "2026-11-02", status: "skipped" });
  });

  it("takes the person of a 1:1 note from the property first", () => {
    const kind = classify(
      facts("1-1s/john-doe/2026-01-22.md", { frontmatter: { person: "John Doe", date: "2026-01-22" } }),
      settings,
    );
    expect(kind).toMatchObject({ kind: "meeting", personRef: "John Doe", personRefSource: "property", date: "2026-01-22" });
  });

  it("reads a link in the person property", () => {
    const kind = classify(facts("x/y.md", { frontmatter: { type: "one-on-one", person: "[[People/Anya Petrova|Anya]]" } }), settings);
    expect(kind).toMatchObject({ personRef: "People/Anya Petrova" });
  });

  it("falls back to a person tag, the folder, then the file name", () => {
    expect(classify(facts("meetings/2024-11-13 John Appleseed.md", { tags: ["meeting/one-on-one", "people/john-appleseed"] }), settings)).toMatchObject({
      personRef: "john-appleseed",
      personRefSource: "tag",
      date: "2024-11-13",
    });
    expect(classify(facts("1-1s/john-doe/2026-01-22.md"), settings)).toMatchObject({ personRef: "john-doe", personRefSource: "folder" });
    expect(classify(facts("meetings/2024-11-20 John Appleseed.md", { tags: ["121"] }), settings)).toMatchObject({
      personRef: "John Appleseed",
      personRefSource: "file name",
    });
  });

  it("treats a dateless 1:1 note with dated headings as a running log", () => {
    const kind = classify(
      facts("1-1s/Lena Fischer.md", {
        frontmatter: { type: "one-on-one", person: "[[Lena Fischer]]" },
        headings: [
          { text: "2026-11-14", level: 2, line: 5 },
          { text: "Check-in", level: 3, line: 7 },
          { text: "2026-10-31 (skipped)", level: 2, line: 20 },
          { text: "2026-10-17 — notes", level: 2, line: 25 },
        ],
      }),
      settings,
    );
    expect(kind).toMatchObject({
      kind: "meeting",
      date: null,
      entries: [
        { date: "2026-11-14", line: 5, status: "held" },
        { date: "2026-10-31", line: 20, status: "skipped" },
        { date: "2026-10-17", line: 25, status: "held" },
      ],
    });
  });

  it("reads the status of a meeting", () => {
    const kind = classify(facts("1-1s/A/2026-11-07.md", { frontmatter: { status: "Cancelled" } }), settings);
    expect(kind).toMatchObject({ status: "cancelled" });
  });

  it("ignores a template placeholder as a person", () => {
    const kind = classify(facts("MeetingNotes/121/x.md", { frontmatter: { type: ["121"], people: "__PEOPLE__" } }), settings);
    expect(kind).toMatchObject({ kind: "meeting", personRef: "x" });
  });
});

describe("personFromFileName", () => {
  it.each([
    ["2024-11-13 John Appleseed", "John Appleseed"],
    ["NomePersona_1-1", "NomePersona"],
    ["1:1 with Anya Petrova", "Anya Petrova"],
    ["2026-11-21", null],
    ["@Anya", "Anya"],
    ["Анна Иванова 2026-11-21", "Анна Иванова"],
  ])("%s → %s", (name, expected) => {
    expect(personFromFileName(name)).toBe(expected);
  });
});

describe("notes kept by other plugins", () => {
  it("are not people or 1:1s by their folder alone", () => {
    expect(classify(facts("People/peoples.md", { frontmatter: { "database-plugin": "basic" } }), settings).kind).toBe("other");
    expect(classify(facts("1-1s/Board.md", { frontmatter: { "kanban-plugin": "basic" } }), settings).kind).toBe("other");
    expect(classify(facts("People/Lea.md", { frontmatter: { "kanban-plugin": "basic", type: "person" } }), settings).kind).toBe("person");
  });
});
