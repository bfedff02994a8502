import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, compareDates, daysBetween, fromDayNumber, toDayNumber } from "../../src/domain/dates";
import {
  DEFAULT_DUE_WINDOW,
  ageOnBirthday,
  compareByUrgency,
  daysUntil,
  dueInfo,
  dueProblem,
  dueSoonDays,
  dueSoonFrom,
  personDueWords,
  isDue,
  nextBirthday,
} from "../../src/domain/due";
import type { DueInfo, DueInput } from "../../src/domain/due";
import type { Birthday, Cadence, CadenceUnit } from "../../src/domain/types";
import { RUNS } from "../properties";

const every = (amount: number, unit: CadenceUnit): Cadence => ({ kind: "every", amount, unit });
const weekly = every(1, "week");
const TODAY = "2026-11-21";

function input(partial: Partial<DueInput>): DueInput {
  return { lastSeen: null, cadence: weekly, archived: false, snoozeUntil: null, created: null, ...partial };
}

const isoDates = fc.integer({ min: toDayNumber("2000-01-01"), max: toDayNumber("2100-12-31") }).map(fromDayNumber);
const cadences: fc.Arbitrary<Cadence> = fc.oneof(
  fc.integer({ min: 1, max: 400 }).map((n) => every(n, "day")),
  fc.integer({ min: 1, max: 60 }).map((n) => every(n, "week")),
  fc.integer({ min: 1, max: 24 }).map((n) => every(n, "month")),
);

describe("dueSoonDays", () => {
  it.each<[Cadence | null, { days: number; percent: number }, number]>([
    [weekly, DEFAULT_DUE_WINDOW, 2], // 25% of 7 = 1.75 → 1; 2 is larger
    [every(2, "week"), DEFAULT_DUE_WINDOW, 3], // 25% of 14 = 3.5 → 3
    [every(1, "month"), DEFAULT_DUE_WINDOW, 7], // 25% of 30 = 7.5 → 7
    [every(3, "month"), DEFAULT_DUE_WINDOW, 22], // 25% of 91 = 22.75 → 22
    [every(1, "day"), DEFAULT_DUE_WINDOW, 2],
    [null, DEFAULT_DUE_WINDOW, 2],
    [{ kind: "none" }, DEFAULT_DUE_WINDOW, 2],
    [weekly, { days: 0, percent: 0 }, 0],
    [weekly, { days: -5, percent: 0 }, 0],
    [every(10, "day"), { days: 1, percent: 50 }, 5],
    [weekly, { days: Number.NaN, percent: Number.NaN }, 2],
  ])("%j with %j → %i", (cadence, window, expected) => {
    expect(dueSoonDays(cadence, window)).toBe(expected);
  });

  it("dueSoonFrom is the window's first day", () => {
    expect(dueSoonFrom("2026-11-28", every(1, "month"))).toBe("2026-11-21");
  });
});

describe("dueInfo", () => {
  it.each<[string, Partial<DueInput>, DueInfo]>([
    ["archived wins over everything", { archived: true, lastSeen: "2020-01-01" }, { status: "archived", nextDue: null, daysUntilDue: null }],
    [
      "snoozed until after today",
      { lastSeen: "2026-10-01", snoozeUntil: "2026-12-01" },
      { status: "snoozed", nextDue: "2026-12-01", daysUntilDue: 10 },
    ],
    [
      "snoozed, next due after the snooze",
      { lastSeen: "2026-11-20", cadence: every(1, "month"), snoozeUntil: "2026-11-25" },
      { status: "snoozed", nextDue: "2026-12-20", daysUntilDue: 29 },
    ],
    ["snooze ending today is over", { lastSeen: "2026-10-01", snoozeUntil: TODAY }, { status: "overdue", nextDue: "2026-10-08", daysUntilDue: -44 }],
    ["snoozed without a cadence", { cadence: { kind: "none" }, snoozeUntil: "2026-12-01" }, { status: "snoozed", nextDue: null, daysUntilDue: null }],
    ["no cadence", { cadence: { kind: "none" }, lastSeen: "2020-01-01" }, { status: "ok", nextDue: null, daysUntilDue: null }],
    ["null cadence counts as none", { cadence: null, lastSeen: "2020-01-01" }, { status: "ok", nextDue: null, daysUntilDue: null }],
    ["never seen, created long ago", { created: "2026-11-01" }, { status: "never-seen", nextDue: "2026-11-01", daysUntilDue: -20 }],
    ["never seen, created today", { created: TODAY }, { status: "never-seen", nextDue: TODAY, daysUntilDue: 0 }],
    ["never seen, no creation date", {}, { status: "never-seen", nextDue: null, daysUntilDue: null }],
    ["overdue by a day", { lastSeen: "2026-11-13" }, { status: "overdue", nextDue: "2026-11-20", daysUntilDue: -1 }],
    ["due today", { lastSeen: "2026-11-14" }, { status: "due-soon", nextDue: TODAY, daysUntilDue: 0 }],
    ["due in two days (window edge)", { lastSeen: "2026-11-16" }, { status: "due-soon", nextDue: "2026-11-23", daysUntilDue: 2 }],
    ["due in three days (outside)", { lastSeen: "2026-11-17" }, { status: "ok", nextDue: "2026-11-24", daysUntilDue: 3 }],
    ["seen today", { lastSeen: TODAY }, { status: "ok", nextDue: "2026-11-28", daysUntilDue: 7 }],
    ["last seen on the calendar's last day: no next due date", { lastSeen: "9999-12-31" }, { status: "ok", nextDue: null, daysUntilDue: null }],
    [
      "snoozed after a last seen at the calendar's end",
      { lastSeen: "9999-12-31", snoozeUntil: "2027-01-01" },
      { status: "snoozed", nextDue: "2027-01-01", daysUntilDue: 41 },
    ],
    [
      "monthly, inside the 25% window",
      { lastSeen: "2026-10-25", cadence: every(1, "month") },
      { status: "due-soon", nextDue: "2026-11-25", daysUntilDue: 4 },
    ],
    [
      "month-end clamping",
      { lastSeen: "2026-01-31", cadence: every(1, "month") },
      { status: "overdue", nextDue: "2026-02-28", daysUntilDue: -266 },
    ],
    ["invalid last seen counts as never", { lastSeen: "2026-02-30", created: "2026-11-20" }, { status: "never-seen", nextDue: "2026-11-20", daysUntilDue: -1 }],
    ["invalid snooze is ignored", { lastSeen: TODAY, snoozeUntil: "2026-13-01" }, { status: "ok", nextDue: "2026-11-28", daysUntilDue: 7 }],
  ])("%s", (_, partial, expected) => {
    expect(dueInfo(input(partial), TODAY)).toEqual(expected);
  });

  it("counts calendar days across DST changes", () => {
    expect(dueInfo(input({ lastSeen: "2026-03-01" }), "2026-03-09")).toEqual({ status: "overdue", nextDue: "2026-03-08", daysUntilDue: -1 });
    expect(dueInfo(input({ lastSeen: "2026-10-25" }), "2026-10-31")).toEqual({ status: "due-soon", nextDue: "2026-11-01", daysUntilDue: 1 });
  });

  it("uses the given window", () => {
    expect(dueInfo(input({ lastSeen: "2026-11-16" }), TODAY, { days: 0, percent: 0 }).status).toBe("ok");
    expect(dueInfo(input({ lastSeen: TODAY }), TODAY, { days: 7, percent: 0 }).status).toBe("due-soon");
  });

  it("next due is monotonic in last seen", () => {
    fc.assert(
      fc.property(isoDates, isoDates, isoDates, cadences, (a, b, today, cadence) => {
        const [early, late] = compareDates(a, b) <= 0 ? [a, b] : [b, a];
        const x = dueInfo(input({ lastSeen: early, cadence }), today);
        const y = dueInfo(input({ lastSeen: late, cadence }), today);
        expect(compareDates(x.nextDue ?? "", y.nextDue ?? "")).toBeLessThanOrEqual(0);
        expect(x.daysUntilDue ?? 0).toBeLessThanOrEqual(y.daysUntilDue ?? 0);
      }),
      { numRuns: RUNS },
    );
  });

  it("seeing someone later never makes them due sooner, whatever else the note says", () => {
    fc.assert(
      fc.property(
        isoDates,
        isoDates,
        isoDates,
        cadences,
        fc.option(isoDates, { nil: null }),
        fc.option(isoDates, { nil: null }),
        fc.boolean(),
        (a, b, today, cadence, snoozeUntil, created, archived) => {
          const [early, late] = compareDates(a, b) <= 0 ? [a, b] : [b, a];
          const x = dueInfo(input({ lastSeen: early, cadence, snoozeUntil, created, archived }), today);
          const y = dueInfo(input({ lastSeen: late, cadence, snoozeUntil, created, archived }), today);
          if (x.nextDue !== null && y.nextDue !== null) expect(compareDates(x.nextDue, y.nextDue)).toBeLessThanOrEqual(0);
          // The later sighting is never more urgent.
          expect(compareByUrgency(y, x)).toBeGreaterThanOrEqual(0);
          expect(isDue(y) && !isDue(x)).toBe(false);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("status agrees with the days until due", () => {
    fc.assert(
      fc.property(isoDates, isoDates, cadences, (lastSeen, today, cadence) => {
        const info = dueInfo(input({ lastSeen, cadence }), today);
        expect(info.nextDue).not.toBeNull();
        expect(info.daysUntilDue).toBe(daysBetween(today, info.nextDue ?? today));
        const d = info.daysUntilDue ?? 0;
        const expected = d < 0 ? "overdue" : d <= dueSoonDays(cadence) ? "due-soon" : "ok";
        expect(info.status).toBe(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it("never throws on odd input", () => {
    fc.assert(
      fc.property(
        fc.record({
          lastSeen: fc.oneof(fc.constant(null), fc.string(), isoDates),
          cadence: fc.oneof(fc.constant(null), cadences, fc.constant<Cadence>({ kind: "none" })),
          archived: fc.boolean(),
          snoozeUntil: fc.oneof(fc.constant(null), fc.string(), isoDates),
          created: fc.oneof(fc.constant(null), fc.string(), isoDates),
        }),
        isoDates,
        (value, today) => {
          dueInfo(value, today);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("dueProblem", () => {
  it("says why there is no next due date when last seen is too far ahead", () => {
    expect(dueProblem("9999-12-31", weekly)).toBe(
      "Last seen 9999-12-31 is so far ahead that the next 1:1 would come after 9999-12-31, the end of the calendar; write the day you last met.",
    );
    expect(dueProblem("9999-12-20", every(1, "month"))).toMatch(/^Last seen 9999-12-20 is so far ahead/);
  });

  it.each<[string | null, Cadence | null]>([
    ["9999-12-24", weekly],
    [TODAY, every(60, "month")],
    ["9999-12-31", { kind: "none" }],
    ["9999-12-31", null],
    [null, weekly],
    ["9999-02-30", weekly],
  ])("finds nothing wrong with last seen %s and %j", (lastSeen, cadence) => {
    expect(dueProblem(lastSeen, cadence)).toBeNull();
  });
});

describe("compareByUrgency", () => {
  const people: [string, DueInput][] = [
    ["archived", input({ archived: true })],
    ["snoozed-later", input({ lastSeen: "2026-10-01", snoozeUntil: "2026-12-20" })],
    ["snoozed-sooner", input({ lastSeen: "2026-10-01", snoozeUntil: "2026-12-01" })],
    ["ok", input({ lastSeen: "2026-11-20" })],
    ["no-cadence", input({ cadence: { kind: "none" }, lastSeen: "2026-01-01" })],
    ["never-seen-undated", input({})],
    ["due-soon", input({ lastSeen: "2026-11-15" })],
    ["overdue-a-little", input({ lastSeen: "2026-11-10" })],
    ["never-seen-long-ago", input({ created: "2026-01-01" })],
    ["overdue-a-lot", input({ lastSeen: "2026-06-01" })],
    ["never-seen-new", input({ created: TODAY })],
  ];

  it("sorts the most overdue first and archived last", () => {
    const sorted = [...people].sort(([, a], [, b]) => compareByUrgency(dueInfo(a, TODAY), dueInfo(b, TODAY))).map(([name]) => name);
    expect(sorted).toEqual([
      "never-seen-long-ago",
      "overdue-a-lot",
      "overdue-a-little",
      "never-seen-new",
      "due-soon",
      "ok",
      "never-seen-undated",
      "no-cadence",
      "snoozed-sooner",
      "snoozed-later",
      "archived",
    ]);
  });

  it("is a consistent order", () => {
    const infos = people.map(([, p]) => dueInfo(p, TODAY));
    for (const a of infos) {
      expect(compareByUrgency(a, a)).toBe(0);
      for (const b of infos) expect(Math.sign(compareByUrgency(a, b))).toBe(-Math.sign(compareByUrgency(b, a)) || 0);
    }
  });

  it("isDue covers overdue, due soon and never seen", () => {
    const due = people.filter(([, p]) => isDue(dueInfo(p, TODAY))).map(([name]) => name);
    expect(due.sort()).toEqual(
      ["due-soon", "never-seen-long-ago", "never-seen-new", "never-seen-undated", "overdue-a-little", "overdue-a-lot"].sort(),
    );
  });
});

describe("birthdays", () => {
  const bday = (month: number, day: number, year: number | null = null): Birthday => ({ month, day, year });

  it.each<[Birthday, string, string]>([
    [bday(4, 2, 1990), "2026-11-21", "2027-04-02"],
    [bday(11, 21), "2026-11-21", "2026-11-21"],
    [bday(11, 22), "2026-11-21", "2026-11-22"],
    [bday(11, 20), "2026-11-21", "2027-11-20"],
    [bday(1, 1), "2026-12-31", "2027-01-01"],
    [bday(12, 31), "2027-01-01", "2027-12-31"],
    [bday(12, 31), "2026-12-31", "2026-12-31"],
    [bday(2, 29, 2000), "2026-01-10", "2026-02-28"],
    [bday(2, 29, 2000), "2027-12-01", "2028-02-29"],
    [bday(2, 29), "2027-03-01", "2028-02-29"],
    [bday(2, 29), "2028-02-29", "2028-02-29"],
    [bday(2, 29), "2026-02-28", "2026-02-28"],
    [bday(2, 29), "2100-01-01", "2100-02-28"],
    [bday(3, 8), "2026-03-07", "2026-03-08"],
    [bday(11, 1), "2026-10-31", "2026-11-01"],
  ])("%j from %s is %s", (birthday, today, expected) => {
    expect(nextBirthday(birthday, today)).toBe(expected);
  });

  it("falls within the coming year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), isoDates, (month, day, today) => {
        const next = nextBirthday(bday(month, day), today);
        const d = daysUntil(next, today);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThan(366);
        expect(next.slice(5, 7)).toBe(String(month).padStart(2, "0"));
      }),
      { numRuns: RUNS },
    );
  });

  it("ageOnBirthday needs a year", () => {
    expect(ageOnBirthday(bday(4, 2, 1990), "2027-04-02")).toBe(37);
    expect(ageOnBirthday(bday(4, 2), "2027-04-02")).toBeNull();
  });

  it("daysUntil counts calendar days", () => {
    expect(daysUntil("2026-11-23", TODAY)).toBe(2);
    expect(daysUntil(addDays(TODAY, -3), TODAY)).toBe(-3);
    expect(daysUntil("2026-03-09", "2026-03-08")).toBe(1);
  });
});

describe("personDueWords", () => {
  it.each<[string, Pick<DueInfo, "status" | "nextDue">, string]>([
    ["overdue says by how much", { status: "overdue", nextDue: "2026-11-16" }, "5 days overdue"],
    ["one day overdue", { status: "overdue", nextDue: "2026-11-20" }, "1 day overdue"],
    ["due today", { status: "due-soon", nextDue: TODAY }, "due today"],
    ["due soon says when", { status: "due-soon", nextDue: "2026-11-23" }, "due in 2 days"],
    ["snoozed", { status: "snoozed", nextDue: "2026-12-01" }, "snoozed"],
    ["archived", { status: "archived", nextDue: null }, "archived"],
    ["nothing due yet", { status: "ok", nextDue: "2026-12-01" }, ""],
    ["never seen is said with the last meeting", { status: "never-seen", nextDue: "2026-11-01" }, ""],
  ])("%s", (_, info, words) => {
    expect(personDueWords(info, TODAY)).toBe(words);
  });
});
