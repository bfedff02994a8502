import { describe, expect, it } from "vitest";
import { lastSeen } from "../../src/domain/last-seen";

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
