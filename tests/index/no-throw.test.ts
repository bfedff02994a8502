// The index takes any vault without throwing: notes with any text, properties of any type (a
// number where a name is expected, a list for a date, an object for a cadence), links to nowhere,
// people named alike, renames and deletions in any order. Whatever it cannot read shows up as a
// problem of the person, never as an exception.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fixedClock } from "../../src/domain/dates";
import { nameUnits } from "../../src/domain/recognition/names";
import { readNoteText } from "../../src/domain/recognition/note-text";
import { noteShape } from "../../src/domain/recognition/shape";
import { copyFacts, type FileFacts } from "../../src/index/facts";
import { PeopleIndex } from "../../src/index/people-index";
import { viewData } from "../../src/views/view-data";
import { factsOf } from "../builders/facts";
import { indexSettings } from "../builders/index-settings";
import { PROPERTY_TIMEOUT_MS, RUNS } from "../properties";

const TODAY = "2026-11-21";

const settings = indexSettings({ templatePath: "Templates/1-1", agreementsAnywhere: true });

const PATHS = [
  "People/Anya.md",
  "People/anya.md",
  "People/@Anya.md",
  "People/Team/Anya.md",
  "People/Kim the builder.md",
  "People/!!!.md",
  "People/‮evil.md",
  "1-1s/Anya.md",
  "1-1s/Anya/2026-11-21.md",
  "1-1s/Anya/2026-02-30.md",
  "1-1s/2026-11-20 Kim the builder.md",
  "Daily/2026-11-19.md",
  "Templates/1-1.md",
  "Notes/x.md",
];

/** Dates at the ends of the calendar, and a date and time that is no time of the day. */
const EDGE_DATES = ["9999-12-31", "9999-12-25", "0000-01-01", "2026-11-21T25:61", "every 60 months"];

const anyValue = fc.anything({ withDate: true, withNullPrototype: true, withBigInt: true, withMap: true, withSet: true, withBoxedValues: true });

const PROPERTY_NAMES = ["type", "aliases", "relationship", "cadence", "last-seen", "birthday", "archived", "snooze-until", "tags", "log", "person", "date", "status", "first-name"];
const frontmatter = fc.oneof(
  fc.constant(null),
  fc.dictionary(fc.constantFrom(...PROPERTY_NAMES), fc.oneof(anyValue, fc.constantFrom("person", "one-on-one", "[[Anya]]", "[[Nobody]]", "2026-11-20", "weekly", "3w", ...EDGE_DATES)), {
    maxKeys: 6,
  }),
);

const LINES = [
  "- [ ] @anya sends the doc 📅 2026-11-28",
  "- [ ] [[Anya]] reviews [due:: 2026-13-01]",
  "- [ ] @me far ahead 📅 9999-12-31",
  "## 9999-12-31",
  "- [ ] [[Nobody]] does nothing",
  "- [/] @me half done",
  "> - [ ] quoted @kim",
  "```",
  "- [ ] in code",
  "## 2026-11-12",
  "## Next 1:1",
  "Met [[Anya]] and [[Kim the builder|Kim]].",
  "---",
  "type: person",
];
const noteText = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom(...LINES), fc.string({ unit: "binary", maxLength: 30 })), { maxLength: 12 }).map((lines) => lines.join("\n")),
  fc.string({ unit: "binary", maxLength: 200 }),
);

/** A person note whose dates lie at the ends of the calendar, or hold a time that is none. */
const edgePerson = fc
  .record({
    path: fc.constantFrom(...PATHS.filter((p) => p.startsWith("People/"))),
    lastSeen: fc.constantFrom(...EDGE_DATES),
    snooze: fc.option(fc.constantFrom(...EDGE_DATES)),
    cadence: fc.constantFrom("daily", "weekly", "every 60 months", "none"),
  })
  .map(({ path, lastSeen, snooze, cadence }) => {
    const lines = ["---", "type: person", `last-seen: ${lastSeen}`, `cadence: ${cadence}`];
    if (snooze !== null) lines.push(`snooze-until: ${snooze}`);
    const text = [...lines, "---", ""].join("\n");
    return { facts: factsOf(path, text), text };
  });

/** One note: its text read as Obsidian would, facts with any property values, or a person at the calendar's ends. */
const note = fc.oneof(
  edgePerson,
  fc.record({ path: fc.constantFrom(...PATHS), text: noteText }).map(({ path, text }) => ({ facts: factsOf(path, text), text })),
  fc
    .record({
      path: fc.constantFrom(...PATHS),
      frontmatter,
      text: noteText,
      tags: fc.array(fc.constantFrom("person", "meeting/one-on-one", "people/anya", ""), { maxLength: 2 }),
    })
    .map(({ path, frontmatter, text, tags }) => {
      const read = factsOf(path, text);
      const facts: FileFacts = copyFacts(read, { frontmatter, tags });
      return { facts, text };
    }),
);

type Step = { kind: "upsert"; facts: FileFacts; text: string } | { kind: "remove"; path: string } | { kind: "rename"; from: string; to: string };
const steps = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: note.map((n): Step => ({ kind: "upsert", ...n })) },
    { weight: 1, arbitrary: fc.constantFrom(...PATHS).map((path): Step => ({ kind: "remove", path })) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PATHS), fc.constantFrom(...PATHS)).map(([from, to]): Step => ({ kind: "rename", from, to })) },
  ),
  { maxLength: 14 },
);

describe("the index never throws", () => {
  it("on any vault, changed in any order", () => {
    fc.assert(
      fc.property(steps, fc.string({ maxLength: 20 }), (plan, ref) => {
        const index = new PeopleIndex(settings, fixedClock(TODAY));
        for (const step of plan) {
          if (step.kind === "upsert") index.upsert(step.facts, index.needsText(step.facts) ? step.text : null);
          else if (step.kind === "remove") index.remove(step.path);
          else {
            const facts = index.facts(step.from);
            if (facts) index.rename(step.from, copyFacts(facts, { path: step.to }), null);
          }
        }
        const people = index.people();
        for (const person of people) {
          expect(typeof person.name).toBe("string");
          for (const problem of person.problems) {
            expect(typeof problem.field).toBe("string");
            expect(typeof problem.message).toBe("string");
          }
          index.agreementsWith(person.path);
          index.meetingsWith(person.path);
          index.logOf(person.path);
        }
        for (const path of PATHS) {
          index.personOfNote(path);
          index.kindOf(path);
        }
        index.findPerson(ref);
        index.meetings();
        const data = viewData(index, TODAY);
        expect(data.people).toHaveLength(people.length);
        expect(data.agreements).toHaveLength(index.agreements().length);
      }),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT_MS);

  it("on any facts of a note, when deciding what it is", () => {
    fc.assert(
      fc.property(note, (n) => {
        const kind = noteShape(n.facts, readNoteText(n.text), settings);
        expect(["person", "meeting", "dated", "other"]).toContain(kind.kind);
        nameUnits(n.facts.path);
      }),
      { numRuns: RUNS },
    );
  });
});
