// The status bar counts overdue agreements from the index's own entries (no item is made for them
// until a view opens) and people due from their rows: the same counts the views' data gives.
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../src/domain/dates";
import { PeopleIndex } from "../../src/index/people-index";
import { statusCounts } from "../../src/views/status-bar";
import { statusData, viewData } from "../../src/views/view-data";
import { factsOf } from "../builders/facts";
import { indexSettings } from "../builders/index-settings";

const TODAY = "2026-11-21";

function feed(index: PeopleIndex, path: string, text: string): void {
  const facts = factsOf(path, text);
  index.upsert(facts, index.needsText(facts) ? text : null);
}

describe("status bar counts", () => {
  it("count what the views' data counts, without converting the agreements", () => {
    const index = new PeopleIndex(indexSettings(), fixedClock(TODAY));
    feed(index, "People/Anya.md", "---\ntype: person\ncadence: weekly\nlast-seen: 2026-10-01\n---\n");
    feed(index, "People/Ben.md", "---\ntype: person\ncadence: monthly\nlast-seen: 2026-11-20\n---\n");
    feed(index, "People/Old.md", "---\ntype: person\ncadence: weekly\narchived: true\n---\n");
    feed(
      index,
      "1-1s/Anya/2026-11-07.md",
      [
        "---",
        "type: one-on-one",
        'person: "[[Anya]]"',
        "date: 2026-11-07",
        "---",
        "## Agreements",
        "- [ ] @me overdue 📅 2026-11-20",
        "- [ ] @me long overdue [due:: 2025-01-01]",
        "- [ ] @me not a day 📅 2026-02-30",
        "- [ ] @me due today 📅 2026-11-21",
        "- [ ] @me later 📅 2026-12-24",
        "- [ ] @me no date",
        "- [x] @me done 📅 2026-11-01",
        "",
      ].join("\n"),
    );
    const counts = statusCounts(statusData(index, TODAY));
    expect(counts).toEqual({ overdueAgreements: 2, peopleDue: 1 });
    expect(counts).toEqual(statusCounts(viewData(index, TODAY)));
    // The agreements are the index's entries themselves.
    expect(statusData(index, TODAY).agreements).toBe(index.agreements());

    // A day later the agreement due today is overdue too; the rows follow the day.
    expect(statusCounts(statusData(index, "2026-11-22"))).toEqual(statusCounts(viewData(index, "2026-11-22")));
    expect(statusCounts(statusData(index, "2026-11-22")).overdueAgreements).toBe(3);
  });
});
