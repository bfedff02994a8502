import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidIsoDate } from "../../src/domain/dates";
import { dateAtStart, dateInFileName, datedHeading, dateOfFolders, dateOfLabelLine, dateSpanInName } from "../../src/domain/written-dates";
import { RUNS } from "../properties";

describe("dateInFileName", () => {
  it.each([
    ["2024-11-13 John Appleseed", "2024-11-13"],
    ["1-1 with Anya 2026-11-21", "2026-11-21"],
    ["2026-11-21", "2026-11-21"],
    ["Anya_2026-11-21_notes", "2026-11-21"],
    ["2026-02-30 then 2026-03-01", "2026-03-01"],
    ["2023-06-23-1430 1-1 with John Doe", "2023-06-23"],
    ["2025-10-14-cody-scott-1on1", "2025-10-14"],
    ["Anya_2026_11_21", "2026-11-21"],
    ["2026.11.21 Anya", "2026-11-21"],
    // Compact dates standing alone, as daily-note plugins and minutes name them.
    ["Diary-20230319", "2023-03-19"],
    ["MoM 20230301", "2023-03-01"],
    ["20261121", "2026-11-21"],
    ["21.11.2026 Anya", "2026-11-21"],
    // A ticket number is not a date with a time.
    ["202307161529", null],
    ["WeeklySync_YYYY-MM-DD", null],
    ["12026-11-21", null],
    ["2026-11-211", null],
    ["Anya Petrova", null],
    ["Room 121", null],
    ["", null],
  ])("%j → %s", (name, expected) => {
    expect(dateInFileName(name)).toBe(expected);
  });

  it("says where the date is written", () => {
    expect(dateSpanInName("2023-06-23-1430 1-1 with John Doe")).toEqual({ date: "2023-06-23", start: 0, end: 10 });
    expect(dateSpanInName("MoM 20230301")).toEqual({ date: "2023-03-01", start: 4, end: 12 });
  });

  it("finds only real days, written in the name", () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        const r = dateSpanInName(name);
        return r === null || (isValidIsoDate(r.date) && r.start >= 0 && r.end <= name.length && r.start < r.end);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("datedHeading", () => {
  it.each([
    ["2026-11-21", "2026-11-21"],
    ["2026-11-21 — notes", "2026-11-21"],
    ["2026-11-21: x", "2026-11-21"],
    ["2026-11-21 - Anya", "2026-11-21"],
    ["2026-11-21 (skipped)", "2026-11-21"],
    ["[[2026-11-21]]", "2026-11-21"],
    ["[[2026-11-21]] weekly", "2026-11-21"],
    ["[[2026-11-21|21 Nov]]", "2026-11-21"],
    ["### 2026-11-21", "2026-11-21"],
    ["  2026-11-21", "2026-11-21"],
    ["2024-11-13 John Appleseed", "2024-11-13"],
    // Written out, as many keep their logs.
    ["July 8, 2024", "2024-07-08"],
    ["July 23rd, 2026", "2026-07-23"],
    ["Jul 23 2026", "2026-07-23"],
    ["23 July 2026", "2026-07-23"],
    ["Monday, July 28, 2025", "2025-07-28"],
    ["Mon 24 Nov 2025 · call", "2025-11-24"],
    ["23.07.2026", "2026-07-23"],
    ["23. Juli 2026", "2026-07-23"],
    ["Montag, 23. März 2026", "2026-03-23"],
    ["23 luglio 2026", "2026-07-23"],
    ["23 июля 2026", "2026-07-23"],
    ["2026年7月23日", "2026-07-23"],
    ["2026/07/23", "2026-07-23"],
    ["Notes 2026-11-21", null],
    ["2026-11-21abc", null],
    ["2026-11-210", null],
    ["2026-02-30", null],
    ["February 30, 2026", null],
    ["May the force", null],
    ["March 2026", null],
    ["[[2026-11-21#Agenda]]", null],
    ["YYYY-MM-DD", null],
    ["", null],
  ])("%j → %s", (heading, expected) => {
    expect(datedHeading(heading)).toBe(expected);
  });

  it("reads a date at the start of any text, or nothing", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const r = dateAtStart(text);
        return r === null || (isValidIsoDate(r.date) && r.length > 0 && r.length <= text.length);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("dateOfFolders", () => {
  it.each([
    ["meetings/2026-01-08/Anya.md", "2026-01-08"],
    ["meetings/2026/01/08/Anya.md", "2026-01-08"],
    ["meetings/2026/2026-01-26-ben-cohen.md", null],
    ["2026/13/08/Anya.md", null],
    ["People/Anya.md", null],
    ["Anya.md", null],
  ])("%j → %s", (path, expected) => {
    expect(dateOfFolders(path)).toBe(expected);
  });
});

describe("dateOfLabelLine", () => {
  it.each([
    ["**Date:** 2026-01-08", "2026-01-08"],
    ["**Date**: October 17, 2025  ", "2025-10-17"],
    ["Date: Monday, July 28, 2025", "2025-07-28"],
    ["date:: 2026-01-08", "2026-01-08"],
    ["- Datum: 08.01.2026", "2026-01-08"],
    ["Date: [[2026-01-08]]", "2026-01-08"],
    ["**Date:** soon", null],
    ["Update: 2026-01-08", null],
    ["The date: 2026-01-08", null],
  ])("%j → %s", (line, expected) => {
    expect(dateOfLabelLine(line)).toBe(expected);
  });
});
