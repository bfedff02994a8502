// Properties of what the plugin writes and ticks, checked byte for byte:
// - an agreement written by "Add agreement" reads back as the same owner, text and due date,
//   and reading, writing and reading again changes nothing;
// - ticking (or un-ticking) one agreement in a note changes the status character of that line and
//   its done date, and not one other byte of the note: CRLF, block ids, tags, emoji and trailing
//   spaces stay as they were.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatAgreement, parseAgreement, toggleInText } from "../../src/domain/agreement";
import { fromDayNumber, toDayNumber } from "../../src/domain/dates";
import type { DueDateSyntax, Owner } from "../../src/domain/types";
import { RUNS } from "../properties";

const TODAY = "2026-11-21";
const dates = fc.integer({ min: toDayNumber("1999-01-01"), max: toDayNumber("2040-12-31") }).map(fromDayNumber);

/** Emoji and markers that Tasks or Dataview read as fields. */
const FIELD_SYNTAX = /📅|📆|🗓|✅|⏳|⌛|🛫|➕|❌|🔁|🔺|⏫|🔼|🔽|⏬|🆔|⛔|🏁|::/;

/** A word of any script, emoji or punctuation that Tasks would not read as a field or a tag. */
const plainWord = fc
  .string({ unit: "grapheme", minLength: 1, maxLength: 8 })
  .filter((w) => !/\s/.test(w) && !/^[#@^]/.test(w) && !FIELD_SYNTAX.test(w) && !w.includes("(from"));
const markupWord = fc.constantFrom(
  "<img src=x onerror=alert(1)>",
  "<script>",
  "[[Note]]",
  "[[x|<svg onload=alert(1)>]]",
  '"><b>',
  "\u202eevil",
  "100%",
  "a,b",
  "🔥",
  "Анна",
  "שלום",
  "(see",
  "x)",
);
const descriptions = fc
  .array(fc.oneof(plainWord, markupWord), { minLength: 1, maxLength: 6 })
  .map((words) => words.join(" "));

const owners = fc.constantFrom<[string, Owner]>(
  ["@me", { kind: "me" }],
  ["", { kind: "none" }],
  ["[[Anya Petrova]]", { kind: "link", target: "Anya Petrova" }],
  ["[[People/Kim Lee|Kim]]", { kind: "link", target: "People/Kim Lee" }],
  ["@anya", { kind: "name", name: "anya" }],
);
const syntaxes = fc.constantFrom<DueDateSyntax>("tasks", "dataview");

/**
 * Starts with a letter or digit that is not read as a symbol: emoji, dingbats, superscripts and
 * astral characters are skipped when the owner is looked for, so a link after them would count.
 */
function startsWithWord(text: string): boolean {
  const first = text.charCodeAt(0);
  const symbol = (first >= 0x2000 && first <= 0x2bff) || (first >= 0x3000 && first <= 0x303f) || (first >= 0xd800 && first <= 0xdfff);
  return /^[\p{L}\p{N}]/u.test(text) && !symbol;
}

/** The owner as "Add agreement" offers it, from a parsed owner. */
function ownerText(owner: Owner): string {
  switch (owner.kind) {
    case "me":
      return "@me";
    case "none":
      return "";
    case "link":
      return `[[${owner.target}]]`;
    case "name":
      return `@${owner.name}`;
  }
}

describe("an agreement reads back as it was written", () => {
  it("parse ∘ format gives the owner, text and due date back", () => {
    fc.assert(
      fc.property(owners, descriptions, fc.option(dates, { nil: null }), syntaxes, ([owner, expected], text, due, syntax) => {
        // Without an owner, a link or @name leading the text (after any emoji) is read as one.
        fc.pre(owner !== "" || startsWithWord(text));
        const line = formatAgreement({ owner, text, due, syntax });
        const parsed = parseAgreement(line);
        expect(parsed).not.toBeNull();
        expect(parsed?.owner).toEqual(expected);
        expect(parsed?.text).toBe(text);
        expect(parsed?.due).toBe(due);
        expect(parsed?.open).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("format ∘ parse is the identity on what format wrote", () => {
    // A link's display text is not part of the owner: it is left out here.
    const plainOwners = owners.filter(([owner]) => !owner.includes("|"));
    fc.assert(
      fc.property(plainOwners, descriptions, fc.option(dates, { nil: null }), syntaxes, ([owner], text, due, syntax) => {
        fc.pre(owner !== "" || startsWithWord(text));
        const line = formatAgreement({ owner, text, due, syntax });
        const parsed = parseAgreement(line);
        if (!parsed) throw new Error("not parsed");
        const again = formatAgreement({ owner: ownerText(parsed.owner), text: parsed.text, due: parsed.due, syntax });
        expect(again).toBe(line);
      }),
      { numRuns: RUNS },
    );
  });

  it("line breaks and runs of spaces in the typed text become single spaces", () => {
    fc.assert(
      fc.property(descriptions, fc.constantFrom("\n", "\r\n", "\t", "  ", "\u00a0"), (text, gap) => {
        const typed = ` ${text.split(" ").join(gap)} `;
        const line = formatAgreement({ owner: "@me", text: typed, due: null, syntax: "tasks" });
        expect(line).not.toMatch(/[\r\n]/);
        expect(parseAgreement(line)?.text).toBe(text);
      }),
      { numRuns: RUNS },
    );
  });
});

// ---- Ticking, byte for byte --------------------------------------------------------------------

/** Any text that fits on one line, lone surrogates and control characters included. */
const anyLine = fc.string({ unit: "binary", maxLength: 60 }).map((s) => s.replace(/[\r\n]/g, " "));

const prefixes = fc
  .tuple(
    fc.constantFrom("", " ", "  ", "\t", "    "),
    fc.constantFrom("", "> ", ">> ", "> > ", ">"),
    fc.constantFrom("- ", "* ", "+ ", "1. ", "10) ", "-\t"),
  )
  .map(([indent, quote, marker]) => indent + quote + marker);

const bodyParts = fc.oneof(
  plainWord,
  markupWord,
  dates.map((d) => `📅 ${d}`),
  dates.map((d) => `[due:: ${d}]`),
  dates.map((d) => `⏳ ${d}`),
  fc.constantFrom("#work", "#team/payments", "^blk-1", "🔺", "🔁 every week", "@me", "[[Anya Petrova]]", "✅", "📅 2026-02-30"),
);
/** A realistic task body: words, fields, tags, a block id, odd spacing and trailing spaces. */
const bodies = fc.oneof(
  fc
    .tuple(fc.array(bodyParts, { maxLength: 7 }), fc.constantFrom(" ", "  ", "\t"), fc.constantFrom("", " ", "   ", "\t"))
    .map(([parts, sep, trailing]) => (parts.length === 0 ? "" : " " + parts.join(sep) + trailing)),
  anyLine.map((s) => ` ${s}`),
);

interface Note {
  text: string;
  /** The task's line number and its text without the line ending. */
  line: number;
  original: string;
  prefix: string;
}

const notes = fc
  .record({
    before: fc.array(fc.tuple(anyLine, fc.boolean()), { maxLength: 6 }),
    after: fc.array(fc.tuple(anyLine, fc.boolean()), { maxLength: 6 }),
    prefix: prefixes,
    status: fc.constantFrom(" ", "/", "x", "X", "-", ">", "?"),
    body: bodies,
    crlf: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map(({ before, after, prefix, status, body, crlf, finalNewline }): Note => {
    const original = `${prefix}[${status}]${body}`;
    const lines = [...before.map(([l, cr]) => l + (cr ? "\r" : "")), original + (crlf ? "\r" : ""), ...after.map(([l, cr]) => l + (cr ? "\r" : ""))];
    return { text: lines.join("\n") + (finalNewline ? "\n" : ""), line: before.length, original, prefix };
  });

/** Whether `after` is `before` with `inserted` put in at one place (independent of the implementation). */
function isOneInsertion(before: string, after: string, inserted: string): boolean {
  if (after.length !== before.length + inserted.length) return false;
  for (let at = after.indexOf(inserted); at >= 0; at = after.indexOf(inserted, at + 1)) {
    if (after.slice(0, at) + after.slice(at + inserted.length) === before) return true;
  }
  return false;
}

describe("ticking changes one status character and the done date, nothing else", () => {
  it("keeps every other byte of the note when ticking", () => {
    fc.assert(
      fc.property(notes, fc.boolean(), fc.integer({ min: -2, max: 14 }), (note, doneDates, hint) => {
        const lines = note.text.split("\n");
        const result = toggleInText(note.text, { line: hint, original: note.original }, { done: true, today: TODAY, doneDates });
        // The expected line is always found; elsewhere, only a line that reads the same.
        if (hint === note.line) expect(result).toMatchObject({ ok: true, line: note.line });
        if (!result.ok) {
          expect(["gone", "ambiguous"]).toContain(result.reason);
          return;
        }
        expect((lines[result.line] ?? "").replace(/\r$/, "")).toBe(note.original);
        const out = result.text.split("\n");
        expect(out).toHaveLength(lines.length);
        out.forEach((l, i) => {
          if (i !== result.line) expect(l).toBe(lines[i]);
        });
        const beforeLine = lines[result.line] ?? "";
        const afterLine = out[result.line] ?? "";
        expect(afterLine.endsWith("\r")).toBe(beforeLine.endsWith("\r"));
        // The status character: `x` (an `X` stays), everything before it untouched.
        const statusAt = note.prefix.length + 1;
        expect(afterLine.slice(0, statusAt)).toBe(beforeLine.slice(0, statusAt));
        const oldStatus = beforeLine[statusAt];
        expect(afterLine[statusAt]).toBe(oldStatus === "X" ? "X" : "x");
        // After it, nothing changed but for one done date, put in with a space or tab before it.
        const beforeRest = beforeLine.slice(statusAt + 1);
        const afterRest = afterLine.slice(statusAt + 1);
        if (afterRest === beforeRest) return;
        expect(doneDates).toBe(true);
        // (Two spaces before a Dataview field that follows a `]`.)
        const insertions = [" ", "\t"].flatMap((space) => [`${space}✅ ${TODAY}`, `${space}[completion:: ${TODAY}]`, `${space} [completion:: ${TODAY}]`]);
        expect(insertions.some((inserted) => isOneInsertion(beforeRest, afterRest, inserted))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("un-ticking restores the note exactly", () => {
    fc.assert(
      fc.property(notes, fc.boolean(), (note, doneDates) => {
        fc.pre(note.original.slice(note.prefix.length + 1, note.prefix.length + 2) === " ");
        fc.pre(!/✅|completion/i.test(note.original));
        const ticked = toggleInText(note.text, { line: note.line, original: note.original }, { done: true, today: TODAY, doneDates });
        expect(ticked.ok).toBe(true);
        if (!ticked.ok) return;
        const tickedLine = ticked.text.split("\n")[ticked.line] ?? "";
        const back = toggleInText(ticked.text, { line: ticked.line, original: tickedLine.replace(/\r$/, "") }, { done: false, today: TODAY, doneDates });
        expect(back.ok && back.text).toBe(note.text);
      }),
      { numRuns: RUNS },
    );
  });

  it("writes nothing when the line is not there any more", () => {
    fc.assert(
      fc.property(notes, anyLine, (note, other) => {
        const gone = `${note.original}${other}x`;
        const result = toggleInText(note.text, { line: note.line, original: gone }, { done: true, today: TODAY, doneDates: true });
        if (!note.text.split("\n").some((l) => l.replace(/\r$/, "") === gone)) expect(result.ok).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });
});
