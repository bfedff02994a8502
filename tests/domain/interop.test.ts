import { describe, expect, it } from "vitest";
import { formatAgreement, forwardedCopy, markForwarded, parseAgreement, parseTaskLine, toggleTaskLine } from "../../src/domain/agreement";
import { passesGlobalFilter, tasksConventionsFrom } from "../../src/domain/tasks-conventions";
import type { DueDateSyntax } from "../../src/domain/types";
import { hiddenInLivePreview, readAsDataview, readAsTasks, TASKS_DEFAULT_STATUSES } from "../builders/other-plugins";

// Every line One-on-Ones writes — a new agreement, a tick with a done date, a forwarded copy and
// its original — in both date formats, with and without Tasks' global filter, read back by Tasks'
// and Dataview's documented rules: the same status, due date and done date as One-on-Ones reads.

const TODAY = "2026-11-21";

interface Written {
  what: string;
  line: string;
}

function writtenLines(syntax: DueDateSyntax, globalFilter: string): Written[] {
  const lines: Written[] = [];
  const add = (what: string, line: string) => lines.push({ what, line });
  const owners = ["@me", "[[Anya Petrova]]", ""];
  for (const owner of owners) {
    for (const due of ["2026-11-28", null]) {
      for (const text of ["shares the RFC draft", "review [[Design doc]]", "ask #growth"]) {
        const created = formatAgreement({ owner, text, due, syntax, tag: "", globalFilter });
        add(`new: ${created}`, created);
        const ticked = toggleTaskLine(created, { done: true, today: TODAY, doneDates: true, syntax });
        add(`ticked: ${ticked}`, ticked);
        add(`ticked without date: ${created}`, toggleTaskLine(created, { done: true, today: TODAY, doneDates: false, syntax }));
        add(`un-ticked: ${ticked}`, toggleTaskLine(ticked, { done: false, today: TODAY, doneDates: true, syntax }));
        add(`copy: ${created}`, forwardedCopy(`${created} ^a1b2`, "1-1s/Anya Petrova/2026-11-14"));
        add(`original: ${created}`, markForwarded(`${created} ^a1b2`, "1-1s/Anya Petrova/2026-11-21"));
      }
    }
  }
  return lines;
}

const CASES = (["tasks", "dataview"] as const).flatMap((syntax) =>
  ["", "#task"].map((globalFilter) => ({ syntax, globalFilter, name: `${syntax} dates, global filter "${globalFilter}"` })),
);

describe.each(CASES)("what One-on-Ones writes, read by Tasks and Dataview: $name", ({ syntax, globalFilter }) => {
  const conventions = tasksConventionsFrom({ globalFilter });
  const tasksSetup = { statuses: TASKS_DEFAULT_STATUSES, globalFilter, format: syntax === "tasks" ? ("emoji" as const) : ("dataview" as const) };

  it.each(writtenLines(syntax, globalFilter))("$what", ({ line }) => {
    const ours = parseAgreement(line, conventions.statuses);
    const body = parseTaskLine(line)?.body ?? "";
    expect(ours).not.toBeNull();
    // A task to Tasks exactly when it is one to One-on-Ones: the global filter is on every line written.
    expect(passesGlobalFilter(body, conventions.globalFilter)).toBe(true);
    const tasks = readAsTasks(line, tasksSetup);
    expect(tasks).toEqual({ notDone: ours?.open, due: ours?.due, done: ours?.done });
    const dataview = readAsDataview(line);
    expect(dataview).toMatchObject({ completed: !ours?.open, due: ours?.due, completion: ours?.done });
    // Every Dataview field shows in Live Preview.
    expect(hiddenInLivePreview(line)).toEqual([]);
  });

  it("leaves exactly one open copy of a forwarded agreement, to each of them", () => {
    for (const due of ["2026-11-28", null]) {
      const line = formatAgreement({ owner: "@me", text: "intro Anya to the platform lead", due, syntax, globalFilter });
      const pair = [forwardedCopy(line, "1-1s/Anya Petrova/2026-11-14"), markForwarded(line, "1-1s/Anya Petrova/2026-11-21")];
      expect(pair.filter((l) => parseAgreement(l, conventions.statuses)?.open)).toHaveLength(1);
      expect(pair.filter((l) => readAsTasks(l, tasksSetup)?.notDone)).toHaveLength(1);
      expect(pair.filter((l) => readAsDataview(l)?.completed === false)).toHaveLength(1);
    }
  });
});

describe("two Dataview fields side by side", () => {
  it.each([
    ["- [ ] @me a [due:: 2026-11-28]", "- [x] @me a [due:: 2026-11-28]  [completion:: 2026-11-21]"],
    ["- [ ] [[Anya Petrova]] b (due:: 2026-11-28) ^id", "- [x] [[Anya Petrova]] b (due:: 2026-11-28) [completion:: 2026-11-21] ^id"],
    ["- [ ] c [due:: 2026-11-28] #t", "- [x] c [due:: 2026-11-28]  [completion:: 2026-11-21] #t"],
  ])("are set apart as Tasks documents, so Live Preview shows both: %s", (line, ticked) => {
    const result = toggleTaskLine(line, { done: true, today: TODAY, doneDates: true });
    expect(result).toBe(ticked);
    expect(hiddenInLivePreview(result)).toEqual([]);
    expect(readAsDataview(result)).toMatchObject({ due: "2026-11-28", completion: TODAY });
  });

  it("after a link, a new agreement's due field too", () => {
    const line = formatAgreement({ owner: "@me", text: "read [[Design doc]]", due: "2026-11-28", syntax: "dataview" });
    expect(line).toBe("- [ ] @me read [[Design doc]]  [due:: 2026-11-28]");
    expect(hiddenInLivePreview(line)).toEqual([]);
  });
});
