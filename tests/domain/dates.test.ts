import { afterEach, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import {
  addDays,
  addMonths,
  addWeeks,
  compareDates,
  daysBetween,
  fixedClock,
  formatDate,
  formatLastSeen,
  formatRelativeDue,
  fromDayNumber,
  isValidIsoDate,
  isoDateNumber,
  localDateOf,
  maxDate,
  minDate,
  parseDateWithFormat,
  parseIsoDate,
  systemClock,
  toDayNumber,
  todayFrom,
} from "../../src/domain/dates";
import { RUNS } from "../properties";

/** Days from 1900-01-01 to 2199-12-31, for generated dates. */
const dayNumbers = fc.integer({ min: toDayNumber("1900-01-01"), max: toDayNumber("2199-12-31") });
const isoDates = dayNumbers.map(fromDayNumber);

/** An independent oracle: the local calendar, stepped at noon (never near a DST jump). */
function oracleAddDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return localDateOf(new Date(y, m - 1, d + days, 12));
}

describe("time zone of this run", () => {
  it("is the one asked for with TZ", () => {
    const tz = process.env.TZ;
    // Compared as Intl names them: "Asia/Kolkata" may be resolved under its old name "Asia/Calcutta".
    if (tz) expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(new Intl.DateTimeFormat("en", { timeZone: tz }).resolvedOptions().timeZone);
  });
});

describe("parseIsoDate", () => {
  it.each([
    ["2026-11-21", "2026-11-21"],
    ["  2026-11-21\n", "2026-11-21"],
    ["2024-02-29", "2024-02-29"],
    ["2000-02-29", "2000-02-29"],
    ["2026-12-31", "2026-12-31"],
    ["2026-11-21T10:30", "2026-11-21"],
    ["2026-11-21T10:30:00", "2026-11-21"],
    ["2026-11-21 10:30:15.250", "2026-11-21"],
  ])("reads %j as %s", (input, expected) => {
    expect(parseIsoDate(input)).toBe(expected);
  });

  it.each([
    ["2026-02-30"],
    ["2026-02-29"],
    ["2100-02-29"],
    ["2026-13-01"],
    ["2026-00-10"],
    ["2026-04-31"],
    ["2026-11-00"],
    ["2026-1-1"],
    ["26-11-21"],
    ["2026/11/21"],
    ["21.11.2026"],
    ["2026-11-21x"],
    ["x2026-11-21"],
    ["2026-11-21T10:30:00Z"],
    ["2026-11-21T10:30:00+02:00"],
    ["2026-11-21T25"],
    // A time that is no time of the day: the date is not taken from it.
    ["2026-11-21T25:61"],
    ["2026-11-21T24:00"],
    ["2026-11-21T23:60"],
    ["2026-11-21 10:30:61"],
    [""],
    ["   "],
  ])("rejects %j", (input) => {
    expect(parseIsoDate(input)).toBeNull();
  });

  it.each([[null], [undefined], [20261121], [true], [{}], [["2026-11-21"]], [Number.NaN], [Symbol("x")]])(
    "rejects the non-string %s",
    (input) => {
      expect(parseIsoDate(input)).toBeNull();
    },
  );

  it("reads a Date by its local calendar date", () => {
    expect(parseIsoDate(new Date(2026, 1, 28, 23, 59))).toBe("2026-02-28");
    expect(parseIsoDate(new Date(2026, 0, 1, 0, 0))).toBe("2026-01-01");
    expect(parseIsoDate(new Date(2026, 2, 8, 12))).toBe("2026-03-08");
    expect(parseIsoDate(new Date(Number.NaN))).toBeNull();
  });

  it("never throws and returns only valid dates", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const result = parseIsoDate(value);
        return result === null || isValidIsoDate(result);
      }),
      { numRuns: RUNS },
    );
  });

  it("accepts exactly the days that exist", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const text = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        const exists = m >= 1 && m <= 12 && d >= 1 && new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
        expect(parseIsoDate(text)).toBe(exists ? text : null);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("isValidIsoDate", () => {
  /** The definition: four, two and two ASCII digits joined by hyphens, naming a day that exists. */
  function reference(value: unknown): boolean {
    if (typeof value !== "string") return false;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!m) return false;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return mo >= 1 && mo <= 12 && d >= 1 && new Date(Date.UTC(2000, mo - 1, d)).getUTCDate() === d && (mo !== 2 || d !== 29 || (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0);
  }

  it.each([["2026-11-21"], ["0000-02-29"], ["2000-02-29"], ["9999-12-31"], ["2024-02-29"]])("accepts %j", (text) => {
    expect(isValidIsoDate(text)).toBe(true);
  });

  it.each([["2026-11-2"], ["2026-11-211"], ["2026-1a-21"], ["2026-11-2\u0661"], ["２０２６-11-21"], ["2026_11_21"], ["-026-11-21"], ["2026-11-21\n"], ["1900-02-29"], ["2026-06-31"]])(
    "rejects %j",
    (text) => {
      expect(isValidIsoDate(text)).toBe(false);
    },
  );

  it("gives a valid date as the number YYYYMMDD, which orders as the dates do; -1 for anything else", () => {
    expect(isoDateNumber("2026-11-07")).toBe(20261107);
    expect(isoDateNumber("0000-01-01")).toBe(101);
    expect(isoDateNumber("2026-02-30")).toBe(-1);
    expect(isoDateNumber(null)).toBe(-1);
    fc.assert(
      fc.property(isoDates, isoDates, (a, b) => {
        expect(isoDateNumber(a)).toBe(Number(a.replace(/-/g, "")));
        expect(Math.sign(isoDateNumber(a) - isoDateNumber(b))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
      { numRuns: RUNS },
    );
  });

  it("agrees with the regular expression of the format on any string", () => {
    const chars = fc.constantFrom("0", "1", "2", "3", "9", "-", "/", " ", "a", "\u0661", "０", "\n");
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: chars, minLength: 8, maxLength: 12 }), isoDates, fc.anything()), (value) => {
        expect(isValidIsoDate(value)).toBe(reference(value));
        expect(isoDateNumber(value) >= 0).toBe(reference(value));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("day arithmetic", () => {
  it.each([
    ["9999-12-31", 7, "9999-12-31"],
    ["9999-12-25", 30, "9999-12-31"],
    ["0000-01-05", -10, "0000-01-01"],
    ["2026-11-21", Number.POSITIVE_INFINITY, "9999-12-31"],
    ["2026-11-21", Number.NEGATIVE_INFINITY, "0000-01-01"],
    ["2026-11-21", Number.NaN, "2026-11-21"],
  ])("%s + %s days stays in the calendar: %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ["9999-11-30", 5, "9999-12-30"],
    ["9999-12-31", 1, "9999-12-31"],
    ["0000-03-31", -5, "0000-01-31"],
    ["2026-11-21", Number.POSITIVE_INFINITY, "9999-12-21"],
  ])("%s + %s months stays in the calendar: %s", (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it("never leaves the calendar, whatever the date and the number of days, weeks or months", () => {
    const anyDate = fc.integer({ min: toDayNumber("0000-01-01"), max: toDayNumber("9999-12-31") }).map(fromDayNumber);
    const amounts = fc.oneof(fc.integer(), fc.double());
    fc.assert(
      fc.property(anyDate, amounts, (date, amount) => {
        for (const next of [addDays(date, amount), addWeeks(date, amount), addMonths(date, amount)]) {
          expect(isValidIsoDate(next), `${date} + ${amount}`).toBe(true);
          expect(typeof daysBetween(date, next)).toBe("number");
        }
      }),
      { numRuns: RUNS },
    );
  });

  it.each([
    ["2026-11-21", 1, "2026-11-22"],
    ["2026-11-30", 1, "2026-12-01"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2027-01-01", -1, "2026-12-31"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2028-02-29", 1, "2028-03-01"],
    ["2026-02-28", 1, "2026-03-01"],
    ["2026-01-01", 365, "2027-01-01"],
    ["2028-01-01", 366, "2029-01-01"],
    // America/Los_Angeles: spring forward on 2026-03-08, fall back on 2026-11-01.
    ["2026-03-07", 1, "2026-03-08"],
    ["2026-03-08", 1, "2026-03-09"],
    ["2026-03-07", 2, "2026-03-09"],
    ["2026-10-31", 1, "2026-11-01"],
    ["2026-11-01", 1, "2026-11-02"],
    ["2026-11-02", -2, "2026-10-31"],
    ["2026-11-21", 0, "2026-11-21"],
  ])("%s + %i days = %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  it.each([
    ["2026-03-07", "2026-03-09", 2],
    ["2026-03-08", "2026-03-09", 1],
    ["2026-10-31", "2026-11-02", 2],
    ["2026-11-01", "2026-11-02", 1],
    ["2026-01-01", "2027-01-01", 365],
    ["2028-01-01", "2029-01-01", 366],
    ["2026-12-31", "2026-01-01", -364],
    ["2026-11-21", "2026-11-21", 0],
    ["1970-01-01", "2026-11-21", 20778],
  ])("daysBetween(%s, %s) = %i", (a, b, expected) => {
    expect(daysBetween(a, b)).toBe(expected);
  });

  it("addWeeks is seven days a week", () => {
    expect(addWeeks("2026-11-21", 2)).toBe("2026-12-05");
    expect(addWeeks("2026-03-01", 1)).toBe("2026-03-08");
    expect(addWeeks("2027-01-03", -1)).toBe("2026-12-27");
  });

  it.each([
    ["2026-01-31", 1, "2026-02-28"],
    ["2028-01-31", 1, "2028-02-29"],
    ["2026-03-31", -1, "2026-02-28"],
    ["2026-03-31", 1, "2026-04-30"],
    ["2026-12-31", 2, "2027-02-28"],
    ["2026-11-21", 1, "2026-12-21"],
    ["2026-11-21", 2, "2027-01-21"],
    ["2026-01-15", -1, "2025-12-15"],
    ["2028-02-29", 12, "2029-02-28"],
    ["2026-05-31", 3, "2026-08-31"],
    ["2026-11-30", 3, "2027-02-28"],
  ])("%s + %i months = %s", (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it("throws a RangeError on an impossible date", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => daysBetween("2026-11-21", "nonsense")).toThrow(RangeError);
  });

  it("day numbers round-trip", () => {
    fc.assert(fc.property(isoDates, (date) => fromDayNumber(toDayNumber(date)) === date), { numRuns: RUNS });
    fc.assert(fc.property(dayNumbers, (n) => toDayNumber(fromDayNumber(n)) === n), { numRuns: RUNS });
  });

  it("addDays agrees with the local calendar", () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: -800, max: 800 }), (date, days) => {
        expect(addDays(date, days)).toBe(oracleAddDays(date, days));
      }),
      { numRuns: RUNS },
    );
  });

  it("daysBetween undoes addDays", () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: -5000, max: 5000 }), (date, days) => daysBetween(date, addDays(date, days)) === days),
      { numRuns: RUNS },
    );
  });

  it("addMonths keeps the day or clamps it to the month's end", () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: -60, max: 60 }), (date, months) => {
        const result = addMonths(date, months);
        expect(isValidIsoDate(result)).toBe(true);
        const day = Number(date.slice(8));
        const resultDay = Number(result.slice(8));
        if (resultDay !== day) {
          expect(resultDay).toBeLessThan(day);
          expect(addDays(result, 1).slice(8)).toBe("01");
        }
        const months0 = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
        const months1 = Number(result.slice(0, 4)) * 12 + Number(result.slice(5, 7));
        expect(months1 - months0).toBe(months);
      }),
      { numRuns: RUNS },
    );
  });

  it("compareDates orders like the calendar", () => {
    fc.assert(
      fc.property(isoDates, isoDates, (a, b) => {
        const expected = Math.sign(daysBetween(b, a));
        expect(compareDates(a, b)).toBe(expected);
        expect(compareDates(a, b)).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
      { numRuns: RUNS },
    );
  });

  it("maxDate and minDate skip nulls and invalid dates", () => {
    expect(maxDate("2026-11-14", null, "2026-11-21", "2026-02-30", "2026-01-01")).toBe("2026-11-21");
    expect(minDate("2026-11-14", null, "2026-11-21", undefined, "2026-01-01")).toBe("2026-01-01");
    expect(maxDate()).toBeNull();
    expect(maxDate(null, "nope")).toBeNull();
    expect(maxDate("2026-12-31", "2027-01-01")).toBe("2027-01-01");
  });
});

describe("formatRelativeDue", () => {
  it.each([
    ["2026-11-21", "due today"],
    ["2026-11-22", "due tomorrow"],
    ["2026-11-24", "due in 3 days"],
    ["2026-11-20", "1 day overdue"],
    ["2026-11-18", "3 days overdue"],
    ["2027-01-01", "due in 41 days"],
  ])("%s from 2026-11-21 is %j", (due, expected) => {
    expect(formatRelativeDue(due, "2026-11-21")).toBe(expected);
  });

  it("gives an empty text for an impossible date", () => {
    expect(formatRelativeDue("2026-02-30", "2026-11-21")).toBe("");
  });

  it("counts calendar days across a DST change", () => {
    expect(formatRelativeDue("2026-03-09", "2026-03-07")).toBe("due in 2 days");
    expect(formatRelativeDue("2026-10-31", "2026-11-02")).toBe("2 days overdue");
  });
});

describe("formatLastSeen", () => {
  it.each([
    [null, "never"],
    ["2026-02-30", "never"],
    ["2026-11-21", "today"],
    ["2026-11-20", "yesterday"],
    ["2026-11-18", "3 days ago"],
    ["2026-11-08", "13 days ago"],
    ["2026-11-07", "2 weeks ago"],
    ["2026-10-31", "3 weeks ago"],
    ["2026-09-23", "8 weeks ago"],
    ["2026-09-22", "2 months ago"],
    ["2026-05-21", "6 months ago"],
    ["2025-11-22", "11 months ago"],
    ["2025-11-21", "1 year ago"],
    ["2023-11-21", "3 years ago"],
    ["2026-11-22", "tomorrow"],
    ["2026-11-24", "in 3 days"],
  ])("%s from 2026-11-21 is %j", (date, expected) => {
    expect(formatLastSeen(date, "2026-11-21")).toBe(expected);
  });
});

describe("clocks", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("a fixed clock gives its date", () => {
    const clock = fixedClock("2026-11-21");
    expect(clock.today()).toBe("2026-11-21");
    expect(todayFrom(clock)).toBe("2026-11-21");
    expect(() => fixedClock("2026-02-30")).toThrow(RangeError);
  });

  it("the system clock gives the local date, not the UTC one", () => {
    vi.useFakeTimers();
    // 07:30 UTC on 2026-03-08: still 7 March in America/Los_Angeles and Etc/GMT+12,
    // already 8 March in Pacific/Kiritimati (UTC+14).
    const instant = new Date(Date.UTC(2026, 2, 8, 7, 30));
    vi.setSystemTime(instant);
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const expected = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
    expect(systemClock.today()).toBe(expected);
    const known: Record<string, string> = {
      "Pacific/Kiritimati": "2026-03-08",
      "Etc/GMT+12": "2026-03-07",
      "America/Los_Angeles": "2026-03-07",
      UTC: "2026-03-08",
    };
    if (known[zone]) expect(systemClock.today()).toBe(known[zone]);
  });

  it("the system clock turns over at local midnight", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2026, 11, 31, 23, 59, 59));
    expect(systemClock.today()).toBe("2026-12-31");
    vi.setSystemTime(new Date(2027, 0, 1, 0, 0, 1));
    expect(systemClock.today()).toBe("2027-01-01");
  });
});

describe("formatDate and parseDateWithFormat", () => {
  it.each([
    ["2026-03-08", "YYYY-MM-DD", "2026-03-08"],
    ["2026-11-01", "DD.MM.YYYY", "01.11.2026"],
    ["2026-03-08", "dddd", "Sunday"],
    ["2026-11-01", "YYYY-MM-DD ddd", "2026-11-01 Sun"],
    ["2026-02-30", "YYYY-MM-DD", ""],
    ["0050-06-15", "YYYY-MM-DD", "0050-06-15"],
  ])("formatDate(%s, %j) = %j", (date, pattern, expected) => {
    expect(formatDate(date, pattern)).toBe(expected);
  });

  it.each([
    ["08.03.2026", "DD.MM.YYYY", "2026-03-08"],
    ["2026-11-01", "YYYY-MM-DD", "2026-11-01"],
    ["30.02.2026", "DD.MM.YYYY", null],
    ["2026-11-01", "DD.MM.YYYY", null],
  ])("parseDateWithFormat(%j, %j) = %s", (text, pattern, expected) => {
    expect(parseDateWithFormat(text, pattern)).toBe(expected);
  });

  it("formatDate with YYYY-MM-DD is the identity on every date", () => {
    fc.assert(fc.property(isoDates, (date) => formatDate(date, "YYYY-MM-DD") === date), { numRuns: RUNS });
  });
});
