import { describe, expect, it } from "vitest";
import { isOpenStatus, passesGlobalFilter, sameConventions, statusType, TASKS_DEFAULTS, tasksConventionsFrom } from "../../src/domain/tasks-conventions";

const status = (symbol: string, type: unknown, extra: Record<string, unknown> = {}) => ({ symbol, name: symbol, nextStatusSymbol: "x", availableAsCommand: false, type, ...extra });
const core = [status(" ", "TODO"), status("x", "DONE")];

describe("Tasks' settings, as Tasks saved them", () => {
  it.each([
    ["nothing saved", undefined],
    ["not an object", "settings"],
    ["no status settings", { globalFilter: "" }],
    ["core statuses that are no list", { statusSettings: { coreStatuses: {}, customStatuses: [] } }],
  ])("%s: Tasks' defaults", (_, saved) => {
    expect(sameConventions(tasksConventionsFrom(saved), TASKS_DEFAULTS)).toBe(true);
  });

  it("reads the statuses in order, the first of a symbol winning, as Tasks does", () => {
    const read = tasksConventionsFrom({
      statusSettings: {
        coreStatuses: core,
        customStatuses: [status("!", "DONE"), status("!", "TODO"), status("?", "WHATEVER"), { name: "no symbol", type: "IN_PROGRESS" }, status("ab", "DONE"), null],
      },
    });
    expect([...read.statuses]).toEqual([
      [" ", "TODO"],
      ["x", "DONE"],
      ["!", "DONE"],
      ["?", "TODO"],
    ]);
  });

  it.each([
    [{ globalFilter: "#task" }, "#task"],
    [{ globalFilter: "   " }, ""],
    [{ globalFilter: 3 }, ""],
    [{}, ""],
  ])("global filter of %j: %j", (saved, filter) => {
    expect(tasksConventionsFrom(saved).globalFilter).toBe(filter);
  });
});

describe("status types and open agreements", () => {
  const custom = tasksConventionsFrom({ statusSettings: { coreStatuses: core, customStatuses: [status("X", "TODO"), status(">", "TODO"), status("h", "ON_HOLD"), status("~", "NON_TASK")] } }).statuses;

  it.each([
    // symbol, Tasks' defaults, these settings
    [" ", true, true],
    ["/", true, true], // not in these settings: to do
    ["-", false, true], // not in these settings: to do
    ["!", true, true],
    ["h", true, true],
    ["~", true, false],
    ["x", false, false],
    ["X", false, true],
    [">", false, false],
  ])("[%s] open: %s by Tasks' defaults, %s by settings that name other statuses", (symbol, byDefault, bySettings) => {
    expect(isOpenStatus(symbol)).toBe(byDefault);
    expect(isOpenStatus(symbol, custom)).toBe(bySettings);
  });

  it("X is done unless the settings say otherwise", () => {
    expect(statusType("X")).toBe("DONE");
    expect(statusType("X", custom)).toBe("TODO");
  });

  it("global filter: contained anywhere, as written", () => {
    expect(passesGlobalFilter(" call #task Anya", "#task")).toBe(true);
    expect(passesGlobalFilter(" call #tasks Anya", "#task")).toBe(true);
    expect(passesGlobalFilter(" call #Task Anya", "#task")).toBe(false);
    expect(passesGlobalFilter(" anything", "")).toBe(true);
  });
});
