import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  agreementsInText,
  forwardedCopy,
  markForwarded,
  parseAgreement,
  parseTaskLine,
  serializeTaskLine,
  toggleInText,
  toggleTaskLine,
} from "../../src/domain/agreement";
import { fromDayNumber, toDayNumber } from "../../src/domain/dates";
import { RUNS } from "../properties";

const TODAY = "2026-11-21";

const dates = fc.integer({ min: toDayNumber("2020-01-01"), max: toDayNumber("2030-12-31") }).map(fromDayNumber);

const prefixes = fc
  .tuple(
    fc.stringMatching(/^[ \t]{0,6}$/),
    fc.constantFrom("", "> ", ">> ", "> > ", " >>> ", ">"),
    fc.constantFrom("- ", "* ", "+ ", "1. ", "12) ", "-\t", "-  "),
  )
  .map(([indent, quote, marker]) => indent + quote + marker);

const statuses = fc.constantFrom(" ", "/", "x", "X", "-", ">", "?", "!", "*", "~");
const openishStatuses = fc.constantFrom(" ", "/", "-", ">", "?");

/** Any text that fits on one line (no CR or LF), including lone surrogates and emoji. */
const oneLine = fc.string({ unit: "binary", maxLength: 80 }).map((s) => s.replace(/[\r\n]/g, " "));

const words = fc.constantFrom(
  "call",
  "Anya",
  "review",
  "RFC",
  "🔥",
  "⭐️",
  "(see",
  "[[Note]])",
  "x:",
  "[[Anya Petrova]]",
  "[[People/Anya|A]]",
  "@anya",
  "@me",
  "Анна",
  "a,b",
  "100%",
  "#inline",
  "email@x.com",
  "[mood:: ok]",
  "(note:: a (b))",
  "^not-an-id",
  "2026-11-28",
  "📅",
);

const fields = fc.oneof(
  dates.map((d) => `📅 ${d}`),
  dates.map((d) => `📆 ${d}`),
  dates.map((d) => `🗓️ ${d}`),
  dates.map((d) => `⏳ ${d}`),
  dates.map((d) => `🛫 ${d}`),
  dates.map((d) => `➕ ${d}`),
  dates.map((d) => `[due:: ${d}]`),
  dates.map((d) => `(due:: ${d})`),
  dates.map((d) => `[scheduled:: ${d}]`),
  fc.constantFrom("🔁 every week", "🔺", "⏫", "🔽", "📅 2026-02-30", "[priority:: high]", "🆔 abc1", "⛔ x1,y2"),
);

const tags = fc.constantFrom("#work", "#team/payments", "#q4", "#таг", "#a-b_c");
const separators = fc.constantFrom(" ", "  ", "\t");

/** A realistic task body without done dates: description, fields, tags, block id, spaces. */
const bodies = fc
  .record({
    lead: separators,
    description: fc.array(words, { maxLength: 6 }),
    fields: fc.array(fields, { maxLength: 4 }),
    tags: fc.array(tags, { maxLength: 3 }),
    blockId: fc.option(fc.constantFrom("^blk-1", "^a1b2c3"), { nil: null }),
    sep: separators,
    trailing: fc.constantFrom("", " ", "  ", "\t"),
  })
  .map(({ lead, description, fields, tags, blockId, sep, trailing }) => {
    const tokens = [...description, ...fields, ...tags, ...(blockId ? [blockId] : [])];
    return tokens.length === 0 ? "" : lead + tokens.join(sep) + trailing;
  });

const taskLines = fc.tuple(prefixes, statuses, bodies).map(([prefix, status, body]) => ({ prefix, status, body, line: `${prefix}[${status}]${body}` }));

/** Removes done dates the way an un-tick does, written independently of the implementation. */
function withoutDoneDates(body: string): string {
  return body.replace(/[ \t]*(?:✅\uFE0F? *\d{4}-\d{2}-\d{2}|\[\s*completion\s*::[^[\]]*\]|\(\s*completion\s*::[^()[\]]*\))/gi, "");
}

describe("task line round trip", () => {
  it("serialize ∘ parse is the identity on generated task lines", () => {
    fc.assert(
      fc.property(prefixes, statuses, oneLine, (prefix, status, rest) => {
        const line = `${prefix}[${status}] ${rest}`;
        const task = parseTaskLine(line);
        expect(task).not.toBeNull();
        expect(task && serializeTaskLine(task)).toBe(line);
        expect(task?.prefix).toBe(prefix);
        expect(task?.status).toBe(status);
      }),
      { numRuns: RUNS },
    );
  });

  it("serialize ∘ parse is the identity on any string that parses", () => {
    fc.assert(
      fc.property(oneLine, (line) => {
        const task = parseTaskLine(line);
        if (task) expect(serializeTaskLine(task)).toBe(line);
      }),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[ \t>]{0,4}[-*+1.)]{1,3}[ \t]{0,2}\[.{0,2}\][ \tx]{0,2}.{0,5}$/), (line) => {
        const task = parseTaskLine(line);
        if (task) expect(serializeTaskLine(task)).toBe(line);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("nothing throws", () => {
  it("on any string", () => {
    fc.assert(
      fc.property(fc.oneof(oneLine, oneLine.map((s) => `- [ ] ${s}`), taskLines.map((t) => t.line)), fc.string({ maxLength: 30 }), (line, link) => {
        parseTaskLine(line);
        parseAgreement(line);
        toggleTaskLine(line, { done: true, today: TODAY, doneDates: true });
        toggleTaskLine(line, { done: false, today: TODAY, doneDates: true });
        forwardedCopy(line, link);
        markForwarded(line, link);
      }),
      { numRuns: RUNS },
    );
  });

  it("on any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), fc.integer({ min: -2, max: 20 }), oneLine, (text, line, original) => {
        toggleInText(text, { line, original }, { done: true, today: TODAY, doneDates: true });
        agreementsInText(text);
      }),
      { numRuns: RUNS },
    );
  });

  it("on any value passed where a line is expected", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(parseTaskLine(value as string)).toBeNull();
      }),
      { numRuns: RUNS },
    );
  });
});

describe("ticking changes only the status and the done date", () => {
  it("inserts one done date before trailing tags and the block id", () => {
    fc.assert(
      fc.property(prefixes, openishStatuses, bodies, fc.boolean(), (prefix, status, body, dataviewStyle) => {
        const line = `${prefix}[${status}]${body}`;
        const before = parseAgreement(line);
        const result = toggleTaskLine(line, { done: true, today: TODAY, doneDates: true });
        expect(result.startsWith(`${prefix}[x]`)).toBe(true);
        const resultBody = result.slice(prefix.length + 3);
        const inserted = [` ✅ ${TODAY}`, ` [completion:: ${TODAY}]`, `  [completion:: ${TODAY}]`];
        const spots = inserted.flatMap((ins) => {
          const found: { ins: string; at: number }[] = [];
          for (let at = resultBody.indexOf(ins); at >= 0; at = resultBody.indexOf(ins, at + 1)) {
            if (resultBody.slice(0, at) + resultBody.slice(at + ins.length) === body) found.push({ ins, at });
          }
          return found;
        });
        expect(spots.length).toBeGreaterThan(0);
        const { ins, at } = spots[spots.length - 1] ?? { ins: "", at: 0 };
        expect(resultBody.slice(at + ins.length)).toMatch(/^(?:\s+(?:#\S+|\^[A-Za-z0-9-]+))*\s*$/);
        const after = parseAgreement(result);
        expect(after).toMatchObject({
          open: false,
          done: TODAY,
          due: before?.due,
          text: before?.text,
          owner: before?.owner,
          tags: before?.tags,
          blockId: before?.blockId,
          recurring: before?.recurring,
        });
        void dataviewStyle;
      }),
      { numRuns: RUNS },
    );
  });

  it("un-ticking a ticked line gives back the original", () => {
    fc.assert(
      fc.property(prefixes, bodies, (prefix, body) => {
        const line = `${prefix}[ ]${body}`;
        const ticked = toggleTaskLine(line, { done: true, today: TODAY, doneDates: true });
        expect(toggleTaskLine(ticked, { done: false, today: TODAY, doneDates: true })).toBe(line);
        const plain = toggleTaskLine(line, { done: true, today: TODAY, doneDates: false });
        expect(plain).toBe(`${prefix}[x]${body}`);
        expect(toggleTaskLine(plain, { done: false, today: TODAY, doneDates: false })).toBe(line);
      }),
      { numRuns: RUNS },
    );
  });

  it("holds for any body text, both ways", () => {
    fc.assert(
      fc.property(prefixes, statuses, fc.oneof(oneLine, bodies), fc.boolean(), fc.boolean(), (prefix, status, rest, done, doneDates) => {
        const body = rest === "" || rest.startsWith(" ") || rest.startsWith("\t") ? rest : ` ${rest}`;
        const line = `${prefix}[${status}]${body}`;
        const result = toggleTaskLine(line, { done, today: TODAY, doneDates });
        const task = parseTaskLine(result);
        expect(task?.prefix).toBe(prefix);
        const expectedStatus = done ? (status === "X" ? "X" : "x") : " ";
        expect(task?.status).toBe(expectedStatus);
        expect(withoutDoneDates(task?.body ?? "")).toBe(withoutDoneDates(body));
        if (!done) expect(withoutDoneDates(task?.body ?? "")).toBe(task?.body);
        if (done && !doneDates) expect(task?.body).toBe(body);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("toggleInText touches exactly one line", () => {
  const noteLines = fc.array(
    fc.record({
      kind: fc.constantFrom("task", "task", "text", "heading", "blank"),
      body: bodies,
      status: statuses,
      crlf: fc.boolean(),
    }),
    { minLength: 1, maxLength: 12 },
  );

  it("keeps every other byte", () => {
    fc.assert(
      fc.property(noteLines, fc.boolean(), fc.nat(), fc.integer({ min: -3, max: 15 }), fc.boolean(), (items, finalNewline, pick, hint, done) => {
        const contents = items.map((item, i) => {
          if (item.kind === "task") return `- [${item.status}] item ${i}${item.body}`;
          if (item.kind === "heading") return `## Section ${i}`;
          if (item.kind === "blank") return "";
          return `plain text ${i}`;
        });
        const raw = contents.map((c, i) => c + (items[i]?.crlf ? "\r" : ""));
        const text = raw.join("\n") + (finalNewline ? "\n" : "");
        const taskIndexes = contents.flatMap((c, i) => (items[i]?.kind === "task" ? [i] : []));
        if (taskIndexes.length === 0) return;
        const index = taskIndexes[pick % taskIndexes.length] ?? 0;
        const original = contents[index] ?? "";
        const options = { done, today: TODAY, doneDates: true };
        const result = toggleInText(text, { line: hint, original }, options);
        expect(result).toMatchObject({ ok: true, line: index });
        if (!result.ok) return;
        const out = result.text.split("\n");
        const before = text.split("\n");
        expect(out.length).toBe(before.length);
        out.forEach((l, i) => {
          if (i === index) {
            expect(l).toBe(toggleTaskLine(original, options) + (items[i]?.crlf ? "\r" : ""));
          } else {
            expect(l).toBe(before[i]);
          }
        });
      }),
      { numRuns: RUNS },
    );
  });
});

describe("forwardedCopy", () => {
  it("keeps status, owner, fields and tags, drops the block id, links back", () => {
    fc.assert(
      fc.property(taskLines, (t) => {
        fc.pre(!t.body.includes("(from"));
        const before = parseAgreement(t.line);
        const copy = forwardedCopy(t.line, "1-1s/Anya/2026-11-14");
        const after = parseAgreement(copy);
        expect(copy.startsWith(`- [${t.status}]`)).toBe(true);
        expect(copy).toContain("(from [[1-1s/Anya/2026-11-14]])");
        expect(after).toMatchObject({
          open: before?.open,
          owner: before?.owner,
          due: before?.due,
          done: before?.done,
          recurring: before?.recurring,
          tags: before?.tags,
          blockId: null,
        });
        // The link back joins the description; an impossible date kept in the text may follow it.
        const note = "(from [[1-1s/Anya/2026-11-14]])";
        expect(after?.text).toContain(note);
        expect((after?.text ?? "").replace(note, " ").replace(/\s+/g, " ").trim()).toBe(before?.text);
        // The original: closed, with the same owner, dates, tags and block id, and a link ahead.
        const forwarded = markForwarded(t.line, "1-1s/Anya/2026-11-21");
        expect(forwarded.startsWith(`${t.prefix}[x]`)).toBe(true);
        expect(forwarded).toContain("(forwarded to [[1-1s/Anya/2026-11-21]])");
        expect(parseAgreement(forwarded)).toMatchObject({
          open: false,
          owner: before?.owner,
          due: before?.due,
          done: before?.done,
          tags: before?.tags,
          blockId: before?.blockId,
        });
      }),
      { numRuns: RUNS },
    );
  });
});
