// No parser throws, whatever a note holds: any text (lone surrogates, control characters, CRLF,
// unclosed fences and front matter) and any property value (numbers, lists, nulls, objects,
// dates where text is expected). What cannot be read becomes a problem or is left alone.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  agreementsInText,
  forwardedCopy,
  hiddenLineMask,
  markForwarded,
  parseAgreement,
  parseTaskLine,
  toggleInText,
  toggleTaskLine,
} from "../../src/domain/agreement";
import { DEFAULT_AGENDA_SECTIONS, insertLogEntry, renderAgendaTemplate, buildLogEntry, type AgendaInput } from "../../src/domain/agenda";
import { parseCadence } from "../../src/domain/cadence";
import { formatLastSeen, parseDateWithFormat, parseIsoDate } from "../../src/domain/dates";
import { dueInfo, dueProblem } from "../../src/domain/due";
import { dateInFileName, datedHeading } from "../../src/domain/written-dates";
import { displayText } from "../../src/domain/follow-ups";
import { atxHeading, codeLines, fenceStart, frontMatterLength, listMarker, splitLines } from "../../src/domain/markdown";
import { linkTargetOf, parsePerson, personName, readProperty } from "../../src/domain/person";
import { personKeys, personSlug } from "../../src/domain/person-names";
import { personRow } from "../../src/domain/people-table";
import { readQuestionBank } from "../../src/domain/questions";
import { appendToQueue, readQueue, removeFromQueue } from "../../src/domain/queue";
import { logEntryAt, shareableSummary } from "../../src/domain/summary";
import { renderTemplate, templatePlaceholders } from "../../src/domain/template";
import { parseBlock } from "../../src/obsidian/agreements-block";
import { normalizeSettings } from "../../src/settings";
import { RUNS } from "../properties";

/** Note text of every kind: random units, and lines built from Markdown's sharp edges. */
const noteText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 400 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          "---",
          "...",
          "```",
          "~~~~",
          "```one-on-ones",
          "%%",
          "<!--",
          "-->",
          "## Next 1:1",
          "# ",
          "###### 2026-02-30",
          "## 2026-11-21 (skipped)",
          "- [ ] ",
          "- [ ] @me [[x|<svg onload=alert(1)>]] 📅 2026-13-45",
          "> - [/] quoted [due:: ]",
          "\t* [x] ✅ 2026-11-21 ^id",
          "1) [",
          "type: person",
          "aliases: [unclosed",
          "\r",
          "",
          "\u202e",
          "\ud800",
        ),
        fc.string({ unit: "binary", maxLength: 30 }),
      ),
      { maxLength: 25 },
    )
    .chain((lines) => fc.constantFrom("\n", "\r\n").map((eol) => lines.join(eol))),
);

/** Any value a property can hold, and some it cannot (maps, sets, typed arrays, boxed values). */
const anyValue = fc.anything({
  withDate: true,
  withNullPrototype: true,
  withBigInt: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withBoxedValues: true,
  withObjectString: true,
});

const PROPERTY_NAMES = [
  "type",
  "aliases",
  "alias",
  "relationship",
  "role",
  "team",
  "cadence",
  "last-seen",
  "Last_Seen",
  "birthday",
  "first-name",
  "last-name",
  "archived",
  "snooze-until",
  "tags",
  "log",
  "person",
  "people",
  "with",
  "date",
  "status",
  "kanban-plugin",
];
/** Dates at the ends of the calendar, a date and time that is no time of the day, long cadences. */
const edgeValues = fc.constantFrom("9999-12-31", "9999-12-25", "0000-01-01", "0000-12-31", "2026-11-21T25:61", "every 60 months", "weekly", "daily");
const frontmatters = fc.oneof(
  fc.dictionary(fc.constantFrom(...PROPERTY_NAMES), fc.oneof(anyValue, edgeValues), { maxKeys: 8 }),
  fc.dictionary(fc.constantFrom(...PROPERTY_NAMES), fc.jsonValue(), { maxKeys: 8 }),
  anyValue,
);

const TODAY = "2026-11-21";

describe("no parser throws", () => {
  it("on any task line or note text", () => {
    fc.assert(
      fc.property(noteText, fc.integer({ min: -3, max: 40 }), (text, line) => {
        const lines = text.split("\n");
        for (const l of lines.slice(0, 10)) {
          parseTaskLine(l);
          parseAgreement(l);
          toggleTaskLine(l, { done: true, today: TODAY, doneDates: true });
          forwardedCopy(l, l);
          markForwarded(l, l);
        }
        hiddenLineMask(lines);
        agreementsInText(text);
        toggleInText(text, { line, original: lines[line] ?? "" }, { done: false, today: TODAY, doneDates: true });
      }),
      { numRuns: RUNS },
    );
  });

  it("on any value where a line or a date is expected", () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        if (typeof value !== "string") expect(parseTaskLine(value as string)).toBeNull();
        const date = parseIsoDate(value);
        expect(date === null || typeof date === "string").toBe(true);
        const cadence = parseCadence(value);
        expect("cadence" in cadence || typeof cadence.problem === "string").toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("on any person note properties, and the table row built from them", () => {
    fc.assert(
      fc.property(frontmatters, fc.string({ maxLength: 40 }), (frontmatter, name) => {
        const person = parsePerson({ path: `People/${name}.md`, frontmatter: frontmatter as Record<string, unknown> });
        for (const problem of person.problems) expect(typeof problem.message).toBe("string");
        personKeys(person);
        readProperty(frontmatter, "type", "cadence");
        const cadence = person.cadence ?? { kind: "none" };
        const due = dueInfo({ lastSeen: person.lastSeen, cadence, archived: person.archived, snoozeUntil: person.snoozeUntil, created: TODAY }, TODAY);
        const problem = dueProblem(person.lastSeen, cadence);
        expect(problem === null || typeof problem === "string").toBe(true);
        const row = personRow(
          {
            person,
            path: person.path,
            name: person.name,
            cadence,
            cadenceIsDefault: person.cadence === null,
            lastSeen: person.lastSeen,
            due,
            openAgreements: 0,
            problems: person.problems,
          },
          TODAY,
        );
        expect(row.problems.every((p) => typeof p === "string")).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("on any text in names, dates of headings and file names, and links", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), fc.string({ maxLength: 12 }), (text, pattern) => {
        datedHeading(text);
        dateInFileName(text);
        parseDateWithFormat(text, pattern);
        personSlug(text);
        personName(text);
        linkTargetOf(text);
        displayText(text);
        atxHeading(text);
        fenceStart(text);
        listMarker(text);
        formatLastSeen(parseIsoDate(text), TODAY);
      }),
      { numRuns: RUNS },
    );
  });

  it("on any note when reading, adding to and emptying the queue of talking points", () => {
    fc.assert(
      fc.property(noteText, fc.string({ maxLength: 40 }), fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }), (text, item, items) => {
        const queue = readQueue(text);
        expect(Array.isArray(queue)).toBe(true);
        expect(typeof appendToQueue(text, item)).toBe("string");
        expect(typeof removeFromQueue(text, [...queue, ...items])).toBe("string");
      }),
      { numRuns: RUNS },
    );
  });

  it("on any note when summarizing, finding log entries and inserting one", () => {
    fc.assert(
      fc.property(noteText, fc.integer({ min: -2, max: 30 }), fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }), (text, line, privateHeadings) => {
        shareableSummary(text, { privateHeadings });
        logEntryAt(text, line);
        const lines = splitLines(text);
        frontMatterLength(lines.map((l) => l.text));
        codeLines(lines.map((l) => l.text));
        const input: AgendaInput = {
          personName: "Anya",
          personLink: "Anya",
          date: TODAY,
          firstMeeting: false,
          sections: DEFAULT_AGENDA_SECTIONS,
          carryOver: { mode: "reference" },
          talkingPoints: [],
        };
        expect(typeof insertLogEntry(text, buildLogEntry(input))).toBe("string");
      }),
      { numRuns: RUNS },
    );
  });

  it("on any template, question bank or code block source", () => {
    fc.assert(
      fc.property(noteText, (text) => {
        templatePlaceholders(text);
        renderTemplate(text, { person: "A", date: TODAY, previous_agreements: "", talking_points: "" });
        renderAgendaTemplate(text, {
          personName: "A",
          personLink: "A",
          date: TODAY,
          firstMeeting: true,
          sections: DEFAULT_AGENDA_SECTIONS,
          carryOver: { mode: "forward", lines: [text] },
          talkingPoints: [text],
        });
        readQuestionBank(text);
        const block = parseBlock(text);
        expect("error" in block || "person" in block).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("on any stored settings", () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.dictionary(fc.constantFrom("peopleFolder", "layout", "defaultCadence", "questions", "agendaSections", "followUpsQuery", "peopleQuery", "dueSoonDays"), anyValue)), (stored) => {
        const { settings, problems } = normalizeSettings(stored);
        expect(typeof settings.peopleFolder).toBe("string");
        expect(Array.isArray(problems)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
