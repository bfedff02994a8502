import { describe, expect, it } from "vitest";
import { meetingAt, previousAgreements, type MeetingPlace } from "../../src/domain/previous-agreements";

describe("previous agreements", () => {
  const made = (meetingDate: string | null) => ({ meetingDate });
  const all = [made("2026-11-07"), made("2026-11-21"), made("2026-11-28"), made(null)];

  it("of a 1:1 are those made before its day, and those made at no 1:1", () => {
    expect(previousAgreements(all, "2026-11-21")).toEqual([made("2026-11-07"), made(null)]);
  });

  it("outside any 1:1 are every open one", () => {
    expect(previousAgreements(all, null)).toEqual(all);
  });
});

describe("the 1:1 a line belongs to", () => {
  const log: MeetingPlace[] = [
    { kind: "log", date: null, line: -1 },
    { kind: "log-entry", date: "2026-11-21", line: 6 },
    { kind: "log-entry", date: "2026-10-30", line: 14 },
  ];

  it.each<[number | null, string | null]>([
    [3, null],
    [6, "2026-11-21"],
    [10, "2026-11-21"],
    [20, "2026-10-30"],
    [null, null],
  ])("line %s of a log → %s", (line, day) => {
    expect(meetingAt(log, line)?.date ?? null).toBe(day);
  });

  it("is the note itself in a 1:1 note, whatever the line", () => {
    expect(meetingAt([{ kind: "note", date: "2026-11-07", line: -1 }], null)?.date).toBe("2026-11-07");
  });
});
