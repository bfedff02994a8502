// buildFollowUps keeps the order of the list it prepared last and derives the next list from it
// (new items merged in, gone ones left out). Checked here against a plain sort of every list, over
// sequences of edits such as the views see: items ticked off, added, changed, moved; a person's
// name changing; another list built in between.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compareNames } from "../../src/domain/collation";
import { addDays, fromDayNumber, isValidIsoDate, toDayNumber } from "../../src/domain/dates";
import { FOLLOW_UP_SECTIONS, NO_PERSON_TITLE, buildFollowUps, followUpMatches } from "../../src/domain/follow-ups";
import { personName } from "../../src/domain/person";
import type { AgreementItem, FollowUpsModel, FollowUpsQuery } from "../../src/domain/view-models";
import { RUNS } from "../properties";

let serial = 0;
function item(partial: Partial<AgreementItem>): AgreementItem {
  const path = partial.path ?? "a.md";
  const line = partial.line ?? serial++;
  return {
    id: `${path}:${line}`,
    path,
    line,
    original: "- [ ] x",
    text: "x",
    ownerName: null,
    ownerIsMe: false,
    personName: null,
    personPath: null,
    due: null,
    recurring: false,
    sourceLabel: "a",
    ...partial,
  };
}

type Shape = [key: string, title: string, ids: string[]];

/** The model by its definition: every item ranked against every other one, from scratch. */
function reference(items: readonly AgreementItem[], query: FollowUpsQuery, today: string, window: number): { groups: Shape[]; counts: FollowUpsModel["counts"]; total: number } {
  const keyOf = (i: AgreementItem) => (i.personPath ? i.personPath : i.personName !== null && i.personName.trim() !== "" ? i.personName : null);
  const titles = new Map<string, string>();
  for (const i of items) {
    const key = keyOf(i);
    const name = i.personName?.trim();
    if (key !== null && !titles.has(key)) titles.set(key, name ? name : i.personPath ? personName(i.personPath) : NO_PERSON_TITLE);
  }
  const due = (i: AgreementItem) => (isValidIsoDate(i.due) ? i.due : null);
  const positions = items.map((_, p) => p);
  positions.sort((pa, pb) => {
    const a = items[pa]!;
    const b = items[pb]!;
    const [da, db] = [due(a), due(b)];
    if (da !== db) return da === null ? 1 : db === null ? -1 : da < db ? -1 : 1;
    const [ka, kb] = [keyOf(a), keyOf(b)];
    if (ka !== kb) {
      if (ka === null) return 1;
      if (kb === null) return -1;
      return compareNames(titles.get(ka)!, titles.get(kb)!) || (ka < kb ? -1 : 1);
    }
    return compareNames(a.text, b.text) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.line - b.line || pa - pb;
  });
  const shown = positions.map((p) => items[p]!).filter((i) => followUpMatches(i, query));
  const soon = addDays(today, window);
  const section = (i: AgreementItem) => {
    const d = due(i);
    return d === null ? "no-date" : d < today ? "overdue" : d <= soon ? "due-soon" : "later";
  };
  const counts = { overdue: 0, "due-soon": 0, later: 0, "no-date": 0 };
  for (const i of shown) counts[section(i)]++;
  let groups: Shape[];
  if (query.groupBy === "due") {
    groups = FOLLOW_UP_SECTIONS.map(({ id, title }): Shape => [id, title, shown.filter((i) => section(i) === id).map((i) => i.id)]);
  } else {
    const keys = [...new Set(shown.map(keyOf).filter((k) => k !== null))];
    groups = keys.map((k): Shape => [`person:${k}`, titles.get(k)!, shown.filter((i) => keyOf(i) === k).map((i) => i.id)]);
    groups.push(["person:", NO_PERSON_TITLE, shown.filter((i) => keyOf(i) === null).map((i) => i.id)]);
  }
  return { groups: groups.filter((g) => g[2].length > 0), counts, total: shown.length };
}

function shape(model: FollowUpsModel): { groups: Shape[]; counts: FollowUpsModel["counts"]; total: number } {
  return { groups: model.groups.map((g): Shape => [g.key, g.title, g.items.map((i) => i.id)]), counts: model.counts, total: model.total };
}

const PEOPLE = [
  { personName: "Anya", personPath: "People/Anya.md" },
  { personName: "Anna", personPath: "People/Anya.md" }, // the same note under other names
  { personName: "Zoe", personPath: "People/Anya.md" },
  { personName: null, personPath: "People/Anya.md" },
  { personName: "Émile", personPath: "People/Émile.md" },
  { personName: "Анна", personPath: "People/Анна.md" },
  { personName: "Zed", personPath: null },
  { personName: " Zed ", personPath: null },
  { personName: null, personPath: null },
];
const day = fc.integer({ min: toDayNumber("2026-11-01"), max: toDayNumber("2026-12-31") }).map(fromDayNumber);
const arbItem = fc
  .record({
    text: fc.constantFrom("Send the RFC", "send the rfc", "Review José's doc", "Позвонить", "Item 2", "Item 10", ""),
    due: fc.option(fc.oneof(day, fc.constant("2026-02-30")), { nil: null }),
    who: fc.constantFrom(...PEOPLE),
    ownerIsMe: fc.boolean(),
    path: fc.constantFrom("a.md", "b.md", "1-1s/Anya/2026-11-07.md"),
    line: fc.integer({ min: 0, max: 5 }),
  })
  .map((r) => item({ text: r.text, due: r.due, ...r.who, ownerIsMe: r.ownerIsMe, path: r.path, line: r.line }));

type Edit =
  | { kind: "remove"; at: number }
  | { kind: "insert"; at: number; item: AgreementItem }
  | { kind: "replace"; at: number; item: AgreementItem }
  | { kind: "copy"; at: number }
  | { kind: "move"; from: number; to: number }
  | { kind: "remove many"; at: number; count: number }
  | { kind: "insert many"; at: number; items: AgreementItem[] };
const arbEdit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("remove" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), item: arbItem }),
  fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), item: arbItem }),
  fc.record({ kind: fc.constant("copy" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("move" as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant("remove many" as const), at: fc.nat(), count: fc.integer({ min: 2, max: 30 }) }),
  fc.record({ kind: fc.constant("insert many" as const), at: fc.nat(), items: fc.array(arbItem, { minLength: 2, maxLength: 12 }) }),
);

function apply(list: AgreementItem[], edit: Edit): void {
  const n = list.length;
  if (edit.kind === "insert") {
    list.splice(edit.at % (n + 1), 0, edit.item);
    return;
  }
  if (edit.kind === "insert many") {
    list.splice(edit.at % (n + 1), 0, ...edit.items);
    return;
  }
  if (n === 0) return;
  if (edit.kind === "remove") list.splice(edit.at % n, 1);
  else if (edit.kind === "remove many") list.splice(edit.at % n, edit.count);
  else if (edit.kind === "replace") list[edit.at % n] = edit.item;
  else if (edit.kind === "copy") list[edit.at % n] = { ...list[edit.at % n]! }; // same values, a new item
  else {
    const [moved] = list.splice(edit.from % n, 1);
    list.splice(edit.to % n, 0, moved!);
  }
}

const arbQuery: fc.Arbitrary<FollowUpsQuery> = fc.record({
  groupBy: fc.constantFrom("due" as const, "person" as const),
  owner: fc.constantFrom("all" as const, "mine" as const, "theirs" as const),
  search: fc.constantFrom("", "", "rfc", "anya", "item"),
});

describe("buildFollowUps over an edited list", () => {
  it("gives what sorting the list from scratch gives, edit after edit", () => {
    fc.assert(
      fc.property(
        fc.array(arbItem, { maxLength: 60 }),
        fc.array(
          fc.record({
            edits: fc.array(arbEdit, { minLength: 1, maxLength: 20 }),
            inPlace: fc.boolean(),
            otherListFirst: fc.boolean(),
            query: arbQuery,
          }),
          { minLength: 1, maxLength: 5 },
        ),
        day,
        (start, steps, today) => {
          let list = start;
          expect(shape(buildFollowUps(list, { groupBy: "due", owner: "all", search: "" }, today))).toEqual(
            reference(list, { groupBy: "due", owner: "all", search: "" }, today, 3),
          );
          for (const step of steps) {
            if (step.otherListFirst) buildFollowUps([item({ text: "another view" })], step.query, today);
            if (!step.inPlace) list = list.slice();
            for (const edit of step.edits) apply(list, edit);
            expect(shape(buildFollowUps(list, step.query, today))).toEqual(reference(list, step.query, today, 3));
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("follows a long list through single edits", () => {
    const r = fc.sample(fc.array(arbItem, { minLength: 3000, maxLength: 3000 }), { numRuns: 1, seed: 7 })[0]!;
    const edits = fc.sample(arbEdit, { numRuns: 40, seed: 11 });
    let list = r;
    const query: FollowUpsQuery = { groupBy: "person", owner: "all", search: "" };
    for (const edit of edits) {
      list = list.slice();
      apply(list, edit);
      expect(shape(buildFollowUps(list, query, "2026-11-21"))).toEqual(reference(list, query, "2026-11-21", 3));
    }
  });
});

describe("buildFollowUps over an edited list: group titles", () => {
  const BY_PERSON: FollowUpsQuery = { groupBy: "person", owner: "all", search: "" };
  const titles = (list: AgreementItem[]) => buildFollowUps(list, BY_PERSON, "2026-11-21").groups.map((g) => g.title);

  it("takes a person's title from the first item in the list when one is added before it", () => {
    const list = [item({ text: "a" }), item({ text: "b", personName: "Anya", personPath: "People/Anya.md" }), item({ text: "d", personName: "Boris", personPath: "People/Boris.md" })];
    expect(titles(list)).toEqual(["Anya", "Boris", NO_PERSON_TITLE]);
    const next = [item({ text: "c", personName: "Zoe", personPath: "People/Anya.md" }), ...list];
    expect(titles(next)).toEqual(["Boris", "Zoe", NO_PERSON_TITLE]);
    expect(buildFollowUps(next, { groupBy: "due", owner: "all", search: "" }, "2026-11-21").groups[0]!.items.map((i) => i.text)).toEqual(["d", "b", "c", "a"]);
  });

  it("takes it from the next item when the first one goes", () => {
    const first = item({ text: "b", personName: "Anya", personPath: "People/Anya.md" });
    const list = [item({ text: "a" }), first, item({ text: "c", personName: "Anna", personPath: "People/Anya.md" })];
    expect(titles(list)).toEqual(["Anya", NO_PERSON_TITLE]);
    expect(titles(list.filter((i) => i !== first))).toEqual(["Anna", NO_PERSON_TITLE]);
  });

  it("takes it from a new item when the person's items had all gone", () => {
    const list = [item({ text: "a" }), item({ text: "b", personName: "Anya", personPath: "People/Anya.md" })];
    expect(titles(list)).toEqual(["Anya", NO_PERSON_TITLE]);
    expect(titles(list.slice(0, 1))).toEqual([NO_PERSON_TITLE]);
    expect(titles([...list.slice(0, 1), item({ text: "c", personName: "Anna", personPath: "People/Anya.md" })])).toEqual(["Anna", NO_PERSON_TITLE]);
  });
});
