import { describe, expect, it } from "vitest";
import { isFirstMeeting, lastSeen } from "../../src/domain/last-seen";

const TODAY = "2026-11-21";

describe("last seen", () => {
  it.each<[string | null, string | null, string | null]>([
    [null, null, null],
    ["2026-11-14", null, "2026-11-14"],
    [null, "2026-11-20", "2026-11-20"],
    ["2026-11-14", "2026-11-20", "2026-11-20"],
    ["2026-11-20", "2026-11-14", "2026-11-20"],
    // A property after today does not hide a meeting up to today…
    ["2026-12-01", "2026-11-20", "2026-11-20"],
    // …and is shown as it is when nothing else is up to today.
    ["9999-12-31", null, "9999-12-31"],
    [TODAY, null, TODAY],
  ])("property %s, latest note %s → %s", (property, notes, expected) => {
    expect(lastSeen(property, notes, TODAY)).toBe(expected);
  });
});

describe("first meeting", () => {
  const held = (date: string) => ({ date, status: "held" });
  it.each<[string, { date: string | null; status: string }[], string | null, boolean]>([
    ["never met", [], null, true],
    ["a last seen date, no 1:1 written down", [], "2026-10-15", false],
    ["a 1:1 before", [held("2026-11-14")], null, false],
    ["only skipped and cancelled 1:1s", [{ date: "2026-11-14", status: "skipped" }, { date: "2026-11-07", status: "cancelled" }], null, true],
    ["only a 1:1 on the day itself", [held(TODAY)], null, true],
    ["only a 1:1 after the day", [held("2026-12-01")], null, true],
  ])("%s → %s", (_, meetings, seen, expected) => {
    expect(isFirstMeeting(meetings, seen, TODAY)).toBe(expected);
  });
});
