// The words and names users write, one table per rule (src/domain/recognition/words.ts, names.ts).
import { describe, expect, it } from "vitest";
import { cleanName, isPlausibleName, nameFromRef, nameUnits } from "../../src/domain/recognition/names";
import {
  hasOneOnOneMarker,
  isHubName,
  isMeetingFolderName,
  isMeetingWord,
  isOneOnOneWord,
  isPeopleFolderName,
  isPersonWord,
  isTemplateName,
} from "../../src/domain/recognition/words";

describe("1:1 spellings of types and tags, case and separators folded", () => {
  it.each([
    "one-on-one",
    "one_on_one",
    "oneonone",
    "One on One",
    "1-1",
    "1:1",
    "1on1",
    "1-on-1",
    "1 on 1",
    "121",
    "one-to-one",
    "1-1 meeting",
    "1-1-meeting",
    "1on1s",
    "meeting/one-on-one",
    "meeting/1-1",
    "Mitarbeitergespräch",
    "一对一",
  ])("%s is a 1:1", (value) => {
    expect(isOneOnOneWord(value)).toBe(true);
  });

  it.each(["meeting", "one", "11am", "1-2", "standup", "person", "1-1-1", "team/one-on-ones-review"])("%s is not", (value) => {
    expect(isOneOnOneWord(value)).toBe(false);
  });
});

describe("a 1:1 marker inside a name or title", () => {
  it.each([
    ["2023-06-23-1430 1-1 with John Doe", true],
    ["NomePersona_1-1", true],
    ["2025-10-14-cody-scott-1on1", true],
    ["1:1 Notes - Sarah Chen (H2 2024)", true],
    ["Scott / Cody 1-on-1", true],
    ["Anya one-on-one", true],
    ["Weekly 121", true],
    ["2024-11-13 John Appleseed", false],
    ["Room 1210", false],
    ["v1.1 release", false],
    ["11-11 Armistice", false],
    // The number of an issue key is no 1:1.
    ["DOC-121-FINAL-SUMMARY", false],
    ["2025-08-19 PROJ-121 review", false],
    ["anya-121", true],
  ])("%s → %s", (text, expected) => {
    expect(hasOneOnOneMarker(text)).toBe(expected);
  });
});

describe("types and categories of person and meeting notes", () => {
  it.each([
    ["person", true, false],
    ["People", true, false],
    ["[[People]]", true, false],
    ["contact", true, false],
    ["crm-contact", true, false],
    ["Kontakt", true, false],
    ["meeting", false, true],
    ["[[Meetings]]", false, true],
    ["interaction", false, true],
    ["crm-interaction", false, true],
    ["call", false, true],
    ["one-on-one", false, true],
    ["company", false, false],
    ["crm-deal", false, false],
    ["[[Authors]]", false, false],
  ])("%s: person %s, meeting %s", (value, person, meeting) => {
    expect(isPersonWord(value)).toBe(person);
    expect(isMeetingWord(value)).toBe(meeting);
  });
});

describe("folders and names of a kind", () => {
  it.each([
    ["People", "people"],
    ["05 People", "people"],
    ["Contacts", "people"],
    ["Kontakte", "people"],
    ["Meetings", "meetings"],
    ["Meeting notes", "meetings"],
    ["Interactions", "meetings"],
    ["Work", null],
    ["People Ops", null],
  ])("%s holds %s", (folder, kind) => {
    expect(isPeopleFolderName(folder) ? "people" : isMeetingFolderName(folder) ? "meetings" : null).toBe(kind);
  });

  it.each([
    ["Templates", true],
    ["_templates", true],
    ["0 Templates", true],
    ["__Templates", true],
    ["Person Template", true],
    ["_template", true],
    ["Vorlagen", true],
    ["Temple Grandin", false],
  ])("%s is a template: %s", (name, expected) => {
    expect(isTemplateName(name)).toBe(expected);
  });

  it.each([
    ["README", true],
    ["📚 Readme", true],
    ["OVERVIEW", true],
    ["index", true],
    ["Start Here", true],
    ["Dashboard", true],
    ["Indiana Jones", false],
    ["Ben Cohen", false],
  ])("%s is a hub: %s", (name, expected) => {
    expect(isHubName(name)).toBe(expected);
  });
});

describe("the names in a note's name or title", () => {
  it.each([
    ["2023-06-23-1430 1-1 with John Doe", ["John Doe"]],
    ["2023-06-23 14-30 1:1 John Doe", ["John Doe"]],
    ["2023-06-23 2pm 1-1 John Doe", ["John Doe"]],
    ["1:1 Notes - Sarah Chen (H2 2024)", ["Sarah Chen"]],
    ["2024-01-22 Sarah-Alex", ["Sarah", "Alex"]],
    ["Anne-Marie Dupont", ["Anne-Marie Dupont"]],
    ["2025-10-14-cody-scott-1on1", ["cody scott"]],
    ["Scott Cody Part2", ["Scott Cody"]],
    ["Scott / Cody 1:1", ["Scott", "Cody"]],
    ["Call with Jane Doe", ["Jane Doe"]],
    ["2026-09-10 Email to Maria Garcia", ["Maria Garcia"]],
    ["Meeting: Ben Cohen - 2026-01-26", ["Ben Cohen"]],
    ["Weekly sync with Anya", ["Anya"]],
    ["@Anya Petrova", ["Anya Petrova"]],
    ["2026-11-21", []],
    ["Анна Иванова 2026-11-21", ["Анна Иванова"]],
  ])("%s → %j", (text, units) => {
    expect(nameUnits(text)).toEqual(units);
  });

  it("joins them for one text", () => {
    expect(cleanName("2024-01-22 Sarah-Alex")).toBe("Sarah Alex");
  });
});

describe("what reads as a person's name", () => {
  it.each([
    ["John Doe", true],
    ["Anya", true],
    ["john doe", true],
    ["Ludwig van Beethoven", true],
    ["Anne-Marie O'Neil", true],
    ["J. R. Tolkien", true],
    ["Анна Иванова", true],
    ["李伟", true],
    ["AveryChen", true],
    ["Team retro ideas", false],
    ["Monthly All Hands", false],
    ["All Hands", false],
    ["TeamMetrics", false],
    ["Learn and Be Curious Interview Questions", false],
    ["Project X", false],
    ["Budget Review", false],
    ["Q3 Planning", false],
    ["Anya 2", false],
    ["Week", false],
    ["victor ai productivity metrics", false],
    ["mary jane watson", true],
    ["one two three four five", false],
    ["", false],
  ])("%s → %s", (text, expected) => {
    expect(isPlausibleName(text)).toBe(expected);
  });
});

describe("the name a reference gives a person", () => {
  it.each([
    ["john-appleseed", "John Appleseed"],
    ["john_doe", "John Doe"],
    ["@Anya", "Anya"],
    ["@Anna Ivanova", "Anna Ivanova"],
    ["!AveryChen", "AveryChen"],
    ["NomePersona", "NomePersona"],
    ["john", "John"],
    ["Anne-Marie Dupont", "Anne-Marie Dupont"],
    ["анна-иванова", "Анна Иванова"],
    ["李伟", "李伟"],
  ])("%s → %s", (ref, name) => {
    expect(nameFromRef(ref)).toBe(name);
  });
});
