import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addCadence, cadenceLengthDays, formatCadence, parseCadence, sameCadence } from "../../src/domain/cadence";
import { compareDates, fromDayNumber, toDayNumber } from "../../src/domain/dates";
import type { Cadence, CadenceUnit } from "../../src/domain/types";
import { RUNS } from "../properties";

const every = (amount: number, unit: CadenceUnit): Cadence => ({ kind: "every", amount, unit });

const cadences: fc.Arbitrary<Cadence> = fc.oneof(
  fc.constant<Cadence>({ kind: "none" }),
  fc.integer({ min: 1, max: 1826 }).map((n) => every(n, "day")),
  fc.integer({ min: 1, max: 260 }).map((n) => every(n, "week")),
  fc.integer({ min: 1, max: 60 }).map((n) => every(n, "month")),
);
const isoDates = fc.integer({ min: toDayNumber("1950-01-01"), max: toDayNumber("2150-12-31") }).map(fromDayNumber);

describe("parseCadence", () => {
  it.each<[unknown, Cadence]>([
    ["weekly", every(1, "week")],
    ["Weekly", every(1, "week")],
    ["  WEEKLY ", every(1, "week")],
    ["biweekly", every(2, "week")],
    ["bi-weekly", every(2, "week")],
    ["fortnightly", every(2, "week")],
    ["monthly", every(1, "month")],
    ["quarterly", every(3, "month")],
    ["daily", every(1, "day")],
    ["yearly", every(12, "month")],
    ["none", { kind: "none" }],
    ["None", { kind: "none" }],
    ["every 10 days", every(10, "day")],
    ["Every 10 Days", every(10, "day")],
    ["every  3   weeks", every(3, "week")],
    ["every 2 week", every(2, "week")],
    ["every 1 days", every(1, "day")],
    ["every day", every(1, "day")],
    ["every week", every(1, "week")],
    ["every month", every(1, "month")],
    ["every other week", every(2, "week")],
    ["every 6 months", every(6, "month")],
    ["every year", every(12, "month")],
    ["10 days", every(10, "day")],
    ["10d", every(10, "day")],
    ["10D", every(10, "day")],
    ["3w", every(3, "week")],
    ["3 w", every(3, "week")],
    ["2m", every(2, "month")],
    ["1y", every(12, "month")],
    ["5y", every(60, "month")],
    ["1826d", every(1826, "day")],
    ["260w", every(260, "week")],
    ["60m", every(60, "month")],
    [["monthly"], every(1, "month")],
  ])("reads %j", (input, expected) => {
    expect(parseCadence(input)).toEqual({ cadence: expected });
  });

  it.each<[unknown, string]>([
    ["every blue moon", 'Cadence "every blue moon" is not understood'],
    ["sometimes", 'Cadence "sometimes" is not understood'],
    ["0d", 'Cadence "0d" must be at least 1'],
    ["every 0 weeks", "must be at least 1"],
    ["-2w", "must be at least 1"],
    ["1.5w", "needs a whole number"],
    ["every 2,5 weeks", "needs a whole number"],
    ["1827d", "longer than five years"],
    ["261w", "longer than five years"],
    ["61m", "longer than five years"],
    ["6y", "longer than five years"],
    ["every 100000 days", "longer than five years"],
    ["w", "is not understood"],
    ["week", "is not understood"],
    ["every", "is not understood"],
    ["10", "is not understood"],
    ["10x", "is not understood"],
    ["", "Cadence is empty"],
    ["   ", "Cadence is empty"],
    [7, "Cadence 7 has no unit"],
    [null, "Cadence should be text"],
    [true, "Cadence should be text"],
    [{ every: 2 }, "Cadence should be text"],
    [["weekly", "monthly"], "Cadence should be text"],
    ["constructor", "is not understood"],
    ["__proto__", "is not understood"],
    ["toString", "is not understood"],
  ])("reports %j as a problem", (input, message) => {
    const result = parseCadence(input);
    expect(result).toHaveProperty("problem");
    if ("problem" in result) {
      expect(result.problem).toContain(message);
      expect(result.problem[0]).toBe(result.problem[0]?.toUpperCase());
    }
  });

  it("never throws", () => {
    fc.assert(fc.property(fc.anything(), (value) => {
      const result = parseCadence(value);
      return "cadence" in result || typeof result.problem === "string";
    }), { numRuns: RUNS });
    fc.assert(fc.property(fc.string(), (value) => {
      const result = parseCadence(`every ${value}`);
      return "cadence" in result || typeof result.problem === "string";
    }), { numRuns: RUNS });
  });
});

describe("formatCadence", () => {
  it.each<[Cadence, string]>([
    [every(1, "week"), "weekly"],
    [every(2, "week"), "biweekly"],
    [every(1, "month"), "monthly"],
    [every(3, "month"), "quarterly"],
    [every(1, "day"), "daily"],
    [every(10, "day"), "every 10 days"],
    [every(7, "day"), "every 7 days"],
    [every(3, "week"), "every 3 weeks"],
    [every(2, "month"), "every 2 months"],
    [every(12, "month"), "every 12 months"],
    [{ kind: "none" }, "none"],
  ])("%j → %s", (cadence, expected) => {
    expect(formatCadence(cadence)).toBe(expected);
  });

  it("is read back to the same cadence", () => {
    fc.assert(
      fc.property(cadences, (cadence) => {
        expect(parseCadence(formatCadence(cadence))).toEqual({ cadence });
      }),
      { numRuns: RUNS },
    );
  });
});

describe("addCadence", () => {
  it.each<[string, Cadence, string | null]>([
    ["2026-11-14", every(1, "week"), "2026-11-21"],
    ["2026-11-14", every(2, "week"), "2026-11-28"],
    ["2026-11-14", every(10, "day"), "2026-11-24"],
    ["2026-01-31", every(1, "month"), "2026-02-28"],
    ["2028-01-31", every(1, "month"), "2028-02-29"],
    ["2026-11-30", every(3, "month"), "2027-02-28"],
    ["2026-12-25", every(1, "week"), "2027-01-01"],
    ["2026-03-01", every(1, "week"), "2026-03-08"],
    ["2026-10-25", every(1, "week"), "2026-11-01"],
    ["2026-11-14", { kind: "none" }, null],
    // At the end of the calendar: the last day is named, a day after it is none.
    ["9999-12-24", every(1, "week"), "9999-12-31"],
    ["9999-12-25", every(1, "week"), null],
    ["9999-12-31", every(1, "day"), null],
    ["9999-11-30", every(1, "month"), "9999-12-30"],
    ["9999-12-01", every(1, "month"), null],
    ["9995-01-01", every(60, "month"), null],
  ])("%s + %j = %s", (date, cadence, expected) => {
    expect(addCadence(date, cadence)).toBe(expected);
  });

  it("always moves forward, and never backwards for a later start", () => {
    fc.assert(
      fc.property(isoDates, isoDates, cadences, (a, b, cadence) => {
        const [early, late] = compareDates(a, b) <= 0 ? [a, b] : [b, a];
        const nextEarly = addCadence(early, cadence);
        const nextLate = addCadence(late, cadence);
        if (cadence.kind === "none") {
          expect(nextEarly).toBeNull();
          return;
        }
        expect(nextEarly).not.toBeNull();
        expect(nextLate).not.toBeNull();
        expect(compareDates(nextEarly ?? "", early)).toBe(1);
        expect(compareDates(nextEarly ?? "", nextLate ?? "")).toBeLessThanOrEqual(0);
      }),
      { numRuns: RUNS },
    );
  });

  it("never throws, and names a day of the calendar or none, from any day of the calendar", () => {
    const anyDate = fc.integer({ min: toDayNumber("0000-01-01"), max: toDayNumber("9999-12-31") }).map(fromDayNumber);
    fc.assert(
      fc.property(anyDate, cadences, (date, cadence) => {
        const next = addCadence(date, cadence);
        if (next !== null) expect(compareDates(next, date)).toBe(1);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("cadenceLengthDays", () => {
  it.each<[Cadence, number | null]>([
    [every(1, "day"), 1],
    [every(10, "day"), 10],
    [every(1, "week"), 7],
    [every(2, "week"), 14],
    [every(1, "month"), 30],
    [every(2, "month"), 61],
    [every(3, "month"), 91],
    [every(12, "month"), 365],
    [{ kind: "none" }, null],
  ])("%j is %s days", (cadence, expected) => {
    expect(cadenceLengthDays(cadence)).toBe(expected);
  });

  it("sameCadence compares by value", () => {
    expect(sameCadence(every(1, "week"), every(1, "week"))).toBe(true);
    expect(sameCadence(every(7, "day"), every(1, "week"))).toBe(false);
    expect(sameCadence({ kind: "none" }, { kind: "none" })).toBe(true);
    expect(sameCadence({ kind: "none" }, every(1, "day"))).toBe(false);
  });
});
