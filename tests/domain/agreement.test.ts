import { describe, expect, it } from "vitest";
import {
  isWhiteAt,
  agreementsInText,
  hiddenLineMask,
  formatAgreement,
  formatDueField,
  forwardedCopy,
  isOpenStatus,
  markForwarded,
  parseAgreement,
  parseTaskLine,
  serializeTaskLine,
  toggleInText,
  toggleTaskLine,
} from "../../src/domain/agreement";
import type { ParsedAgreement } from "../../src/domain/types";

const TODAY = "2026-11-21";
const DONE = { done: true, today: TODAY, doneDates: true };
const UNDONE = { done: false, today: TODAY, doneDates: true };

describe("parseTaskLine", () => {
  it.each([
    ["- [ ] a", "- ", " ", " a"],
    ["- [ ]", "- ", " ", ""],
    ["- [x] done", "- ", "x", " done"],
    ["- [X] done", "- ", "X", " done"],
    ["- [-] cancelled", "- ", "-", " cancelled"],
    ["- [>] forwarded", "- ", ">", " forwarded"],
    ["- [/] doing", "- ", "/", " doing"],
    ["- [?] question", "- ", "?", " question"],
    ["* [ ] star", "* ", " ", " star"],
    ["+ [ ] plus", "+ ", " ", " plus"],
    ["1. [ ] numbered", "1. ", " ", " numbered"],
    ["12) [ ] paren", "12) ", " ", " paren"],
    ["    - [ ] indented", "    - ", " ", " indented"],
    ["\t\t- [ ] tabs", "\t\t- ", " ", " tabs"],
    ["-\t[ ] tab after marker", "-\t", " ", " tab after marker"],
    ["- [ ]\tbody after tab", "- ", " ", "\tbody after tab"],
    ["> - [ ] quoted", "> - ", " ", " quoted"],
    [">> - [ ] nested", ">> - ", " ", " nested"],
    ["> > - [ ] spaced", "> > - ", " ", " spaced"],
    [" >>> - [ ] callout", " >>> - ", " ", " callout"],
    [">- [ ] tight", ">- ", " ", " tight"],
    ["- [ ] trailing spaces  ", "- ", " ", " trailing spaces  "],
    ["- [ ] 🔥 emoji", "- ", " ", " 🔥 emoji"],
  ])("%j", (line, prefix, status, body) => {
    expect(parseTaskLine(line)).toEqual({ prefix, status, body });
    expect(serializeTaskLine({ prefix, status, body })).toBe(line);
  });

  it.each([
    ["- [] empty brackets"],
    ["-[ ] no space"],
    ["- [ ]x no space after"],
    ["- [xx] two chars"],
    ["text - [ ] not at start"],
    ["[ ] no marker"],
    ["- plain item"],
    ["1.[ ] no space"],
    ["a. [ ] letter marker"],
    ["- [ ] line\r"],
    [""],
    ["- [🔥] emoji status"],
  ])("%j is not a task", (line) => {
    expect(parseTaskLine(line)).toBeNull();
  });
});

describe("parseAgreement", () => {
  it.each<[string, Partial<ParsedAgreement>]>([
    [
      "- [ ] [[Anya Petrova]] shares the RFC draft 📅 2026-11-28",
      { open: true, owner: { kind: "link", target: "Anya Petrova" }, text: "shares the RFC draft", due: "2026-11-28", description: "[[Anya Petrova]] shares the RFC draft" },
    ],
    [
      "- [ ] @me intro Anya to the platform lead [due:: 2026-11-25]",
      { open: true, owner: { kind: "me" }, text: "intro Anya to the platform lead", due: "2026-11-25" },
    ],
    ["- [x] @me book the training ✅ 2026-11-20", { open: false, owner: { kind: "me" }, text: "book the training", done: "2026-11-20", due: null }],
    ["- [/] @anya in progress", { open: true, owner: { kind: "name", name: "anya" } }],
    ["- [X] capital", { open: false }],
    ["- [-] cancelled ❌ 2026-11-20", { open: false, text: "cancelled" }],
    ["- [>] forwarded", { open: false }],
    ["- [?] unknown status", { open: true }],
    ["- [ ] [[People/Anya Petrova|Anya]] alias link", { owner: { kind: "link", target: "People/Anya Petrova" }, text: "alias link" }],
    ["- [ ] [[Anya Petrova#Notes]] heading link", { owner: { kind: "link", target: "Anya Petrova" }, text: "heading link" }],
    ["- [ ] [Anya](People/Anya%20Petrova.md) markdown link", { owner: { kind: "link", target: "People/Anya Petrova" }, text: "markdown link" }],
    ["- [ ] [site](https://example.com) web link", { owner: { kind: "none" }, text: "[site](https://example.com) web link" }],
    ["- [ ] @Анна подготовит отчёт", { owner: { kind: "name", name: "Анна" }, text: "подготовит отчёт" }],
    ["- [ ] @john.doe sends it", { owner: { kind: "name", name: "john.doe" } }],
    ["- [ ] @anya-petrova_2 sends it", { owner: { kind: "name", name: "anya-petrova_2" } }],
    ["- [ ] @anya: sends it", { owner: { kind: "name", name: "anya" }, text: "sends it" }],
    ["- [ ] @anya, sends it", { owner: { kind: "name", name: "anya" }, text: "sends it" }],
    ["- [ ] @ME caps", { owner: { kind: "me" }, text: "caps" }],
    ["- [ ] @meg is not me", { owner: { kind: "name", name: "meg" } }],
    ["- [ ] @anya. sends it", { owner: { kind: "name", name: "anya" } }],
    ["- [ ] email bob@example.com", { owner: { kind: "none" }, text: "email bob@example.com" }],
    ["- [ ] unassigned task 📅 2026-11-28", { owner: { kind: "none" }, text: "unassigned task" }],
    ["- [ ] Review architecture proposal @john 📅 2026-01-29", { owner: { kind: "name", name: "john" }, text: "Review architecture proposal", due: "2026-01-29" }],
    ["- [ ] thank @anya.", { owner: { kind: "name", name: "anya" }, text: "thank" }],
    ["- [ ] talk to @anya about [[Project X]]", { owner: { kind: "none" } }],
    ["- [ ] 🔺 @me emoji before owner", { owner: { kind: "me" }, text: "🔺 emoji before owner" }],
    ["- [ ] ⭐️ [[Anya]] emoji with variation selector", { owner: { kind: "link", target: "Anya" } }],
    ["- [ ] #task @me with global filter", { owner: { kind: "me" }, text: "#task with global filter", tags: ["task"] }],
    ["- [ ] 📅 2026-11-28 @me date first", { owner: { kind: "me" }, due: "2026-11-28", text: "date first" }],
    ["- [ ] @me", { owner: { kind: "me" }, text: "" }],
    ["- [ ]", { owner: { kind: "none" }, text: "" }],
    ["- [ ] [[]] empty link", { owner: { kind: "none" } }],
  ])("%j", (line, expected) => {
    expect(parseAgreement(line)).toMatchObject(expected);
  });

  it.each<[string, string | null]>([
    ["- [ ] a 📅 2026-11-28", "2026-11-28"],
    ["- [ ] a 📅2026-11-28", "2026-11-28"],
    ["- [ ] a 📆 2026-11-28", "2026-11-28"],
    ["- [ ] a 🗓 2026-11-28", "2026-11-28"],
    ["- [ ] a 🗓️ 2026-11-28", "2026-11-28"],
    ["- [ ] a [due:: 2026-11-28]", "2026-11-28"],
    ["- [ ] a [due::2026-11-28]", "2026-11-28"],
    ["- [ ] a [Due :: 2026-11-28 ]", "2026-11-28"],
    ["- [ ] a (due:: 2026-11-28)", "2026-11-28"],
    ["- [ ] a (due:: 2026-11-28) #tag ^id", "2026-11-28"],
    ["- [ ] a [due:: 2026-11-28T10:00]", "2026-11-28"],
    ["- [ ] a ⏳ 2026-11-28", null],
    ["- [ ] a ⌛ 2026-11-28", null],
    ["- [ ] a 🛫 2026-11-28", null],
    ["- [ ] a ➕ 2026-11-28", null],
    ["- [ ] a [scheduled:: 2026-11-28]", null],
    ["- [ ] a 📅 2026-02-30", null],
    ["- [ ] a [due:: 2026-02-30]", null],
    ["- [ ] a [due:: soon]", null],
    ["- [ ] a 📅 2026-11-28 ⏳ 2026-11-20 🛫 2026-11-19", "2026-11-28"],
    ["- [ ] a 📅 2026-11-27 📅 2026-11-28", "2026-11-28"],
    ["- [ ] a by 2026-11-28", null],
  ])("due date of %j is %s", (line, due) => {
    expect(parseAgreement(line)?.due).toBe(due);
  });

  it.each<[string, string]>([
    ["- [ ] shares the RFC 📅 2026-02-30", "shares the RFC 📅 2026-02-30"],
    ["- [ ] plan 🔁 every week 🛫 2024-11-21 📅 2024-11-21 ", "plan"],
    ["- [ ] report 🔺 📅 2024-11-20 #work #q4 ^abc-1", "report"],
    ["- [ ] a #inline tag stays #end", "a #inline tag stays"],
    ["- [ ] a [priority:: high] b", "a b"],
    ["- [ ] a (see [[Note]]) b 📅 2026-11-28", "a (see [[Note]]) b"],
    ["- [ ] a (from [[2026-11-14]]) 📅 2026-11-28", "a (from [[2026-11-14]])"],
    ["- [ ] 🆔 abc123 ⛔ x1,y2 a 🏁 delete", "🆔 abc123 ⛔ x1,y2 a"],
    ["- [ ] a ✅ 2026-11-20 ❌ 2026-11-19 ➕ 2026-11-01", "a"],
    ["- [ ]   lots   of   space   ", "lots of space"],
    ["- [ ] #123 is not a tag", "#123 is not a tag"],
  ])("text of %j is %j", (line, text) => {
    expect(parseAgreement(line)?.text).toBe(text);
  });

  it("reads tags, block id, recurrence and done date", () => {
    expect(parseAgreement("- [ ] a #x b 📅 2026-11-28 #y ^blk-1")).toMatchObject({
      tags: ["x", "y"],
      blockId: "blk-1",
      recurring: false,
    });
    expect(parseAgreement("- [ ] a ^not-last #y")?.blockId).toBeNull();
    expect(parseAgreement("- [ ] water plants 🔁 every week")?.recurring).toBe(true);
    expect(parseAgreement("- [ ] water plants [repeat:: every week]")?.recurring).toBe(true);
    expect(parseAgreement("- [x] a [completion:: 2026-11-20]")?.done).toBe("2026-11-20");
    expect(parseAgreement("- [x] a ✅ 2026-11-20 #t")?.done).toBe("2026-11-20");
    expect(parseAgreement("- [ ] see [[Note#heading]] and #real")?.tags).toEqual(["real"]);
  });

  it("reads tasks in callouts, quotes, numbered lists and indented lists", () => {
    for (const line of [
      "> - [ ] @me quoted 📅 2026-11-28",
      ">> - [ ] @me nested 📅 2026-11-28",
      "> > - [ ] @me spaced 📅 2026-11-28",
      "1. [ ] @me numbered 📅 2026-11-28",
      "3) [ ] @me paren 📅 2026-11-28",
      "\t- [ ] @me tab 📅 2026-11-28",
    ]) {
      expect(parseAgreement(line)).toMatchObject({ owner: { kind: "me" }, due: "2026-11-28" });
    }
  });

  it("returns null for lines that are not tasks", () => {
    expect(parseAgreement("- just a list item")).toBeNull();
    expect(parseAgreement("# heading")).toBeNull();
  });

  it("isOpenStatus: open as Tasks reads it by default, symbols it does not know included", () => {
    for (const s of [" ", "/", "?", "!", "*", "h"]) expect(isOpenStatus(s)).toBe(true);
    for (const s of ["x", "X", "-", ">"]) expect(isOpenStatus(s)).toBe(false);
  });
});

describe("a name before a colon, the owner when it names someone", () => {
  it.each<[string, ParsedAgreement["lead"]]>([
    ["- [ ] Anya: send the RFC 📅 2026-11-28", { name: "Anya", text: "send the RFC" }],
    ["- [ ] **Anya Petrova:** send the RFC", { name: "Anya Petrova", text: "send the RFC" }],
    ["- [ ] **Anya**: send the RFC", { name: "Anya", text: "send the RFC" }],
    ["- [ ] #work Max: ask Egnyte for intros", { name: "Max", text: "#work ask Egnyte for intros" }],
    ["- [ ] April: golf outing in San Diego", { name: "April", text: "golf outing in San Diego" }],
    ["- [ ] Review the proposal: by Friday", null],
    ["- [ ] Sarah to create a project plan by July 15", { name: "Sarah", text: "Sarah to create a project plan by July 15" }],
    ["- [ ] Chuck Blake will follow up 📅 2026-02-01", { name: "Chuck Blake", text: "Chuck Blake will follow up" }],
    ["- [ ] need to write a narrative", null],
    ["- [ ] Plan to review the budget", { name: "Plan", text: "Plan to review the budget" }],
    ["- [ ] 10:30 call", null],
    ["- [ ] @anya: send the RFC", null],
    ["- [ ] [[Anya]]: send the RFC", null],
  ])("%j", (line, lead) => {
    expect(parseAgreement(line)?.lead).toEqual(lead);
  });
});

describe("toggleTaskLine", () => {
  it.each<[string, string]>([
    ["- [ ] @me book the training", "- [x] @me book the training ✅ 2026-11-21"],
    ["- [ ] a 📅 2026-11-28", "- [x] a 📅 2026-11-28 ✅ 2026-11-21"],
    ["- [ ] a 📅 2026-11-28 #work", "- [x] a 📅 2026-11-28 ✅ 2026-11-21 #work"],
    ["- [ ] a 📅 2026-11-28 #work ^blk", "- [x] a 📅 2026-11-28 ✅ 2026-11-21 #work ^blk"],
    ["- [ ] a #x 📅 2026-11-28 #y ^blk", "- [x] a #x 📅 2026-11-28 ✅ 2026-11-21 #y ^blk"],
    ["- [ ] a ^blk", "- [x] a ✅ 2026-11-21 ^blk"],
    ["- [ ] Finish report 🔺 📅 2024-11-20 ", "- [x] Finish report 🔺 📅 2024-11-20 ✅ 2026-11-21 "],
    ["- [ ] a  #t  ", "- [x] a ✅ 2026-11-21  #t  "],
    ["- [ ]", "- [x] ✅ 2026-11-21"],
    ["- [ ] #task", "- [x] ✅ 2026-11-21 #task"],
    ["- [/] doing", "- [x] doing ✅ 2026-11-21"],
    ["- [>] forwarded", "- [x] forwarded ✅ 2026-11-21"],
    ["- [-] cancelled", "- [x] cancelled ✅ 2026-11-21"],
    ["- [x] already ✅ 2026-11-20", "- [x] already ✅ 2026-11-20"],
    ["- [X] already", "- [X] already ✅ 2026-11-21"],
    ["> - [ ] quoted", "> - [x] quoted ✅ 2026-11-21"],
    ["\t1) [ ] numbered 🔥", "\t1) [x] numbered 🔥 ✅ 2026-11-21"],
    ["- [ ] @me a [due:: 2026-11-28]", "- [x] @me a [due:: 2026-11-28]  [completion:: 2026-11-21]"],
    ["- [ ] @me a (due:: 2026-11-28) #t", "- [x] @me a (due:: 2026-11-28) [completion:: 2026-11-21] #t"],
    ["- [ ] a [due:: 2026-11-28] 📅 2026-11-28", "- [x] a [due:: 2026-11-28] 📅 2026-11-28 ✅ 2026-11-21"],
    ["- [ ] a [mood:: fine]", "- [x] a [mood:: fine] ✅ 2026-11-21"],
    ["- [ ] a [completion:: 2026-11-01]", "- [x] a [completion:: 2026-11-01]"],
  ])("ticks %j", (line, expected) => {
    expect(toggleTaskLine(line, DONE)).toBe(expected);
  });

  it("ticks without a done date when the setting is off", () => {
    expect(toggleTaskLine("- [ ] a 📅 2026-11-28 #t", { ...DONE, doneDates: false })).toBe("- [x] a 📅 2026-11-28 #t");
  });

  it.each<[string, string]>([
    ["- [x] @me book the training ✅ 2026-11-20", "- [ ] @me book the training"],
    ["- [x] a 📅 2026-11-28 ✅ 2026-11-21 #work ^blk", "- [ ] a 📅 2026-11-28 #work ^blk"],
    ["- [X] a", "- [ ] a"],
    ["- [x] a [completion:: 2026-11-21] #t", "- [ ] a #t"],
    ["- [x] a (completion:: 2026-11-21)", "- [ ] a"],
    ["- [x] ✅ 2026-11-21", "- [ ]"],
    ["- [x] a ✅ 2026-11-21 ", "- [ ] a "],
    ["- [-] cancelled ❌ 2026-11-20", "- [ ] cancelled ❌ 2026-11-20"],
    ["- [ ] already open", "- [ ] already open"],
  ])("un-ticks %j", (line, expected) => {
    expect(toggleTaskLine(line, UNDONE)).toBe(expected);
  });

  it("leaves a line that is not a task alone", () => {
    expect(toggleTaskLine("- not a task", DONE)).toBe("- not a task");
  });
});

describe("toggleInText", () => {
  const note = ["# 1:1", "", "- [ ] @me a 📅 2026-11-28", "- [ ] @anya b", ""].join("\n");

  it("toggles the expected line", () => {
    const r = toggleInText(note, { line: 2, original: "- [ ] @me a 📅 2026-11-28" }, DONE);
    expect(r).toEqual({ ok: true, line: 2, text: note.replace("- [ ] @me a 📅 2026-11-28", "- [x] @me a 📅 2026-11-28 ✅ 2026-11-21") });
  });

  it("finds a line that moved", () => {
    const moved = `intro\n${note}`;
    const r = toggleInText(moved, { line: 2, original: "- [ ] @anya b" }, DONE);
    expect(r).toEqual({ ok: true, line: 4, text: moved.replace("- [ ] @anya b", "- [x] @anya b ✅ 2026-11-21") });
  });

  it("reports a line that is gone", () => {
    expect(toggleInText(note, { line: 3, original: "- [ ] @anya c" }, DONE)).toEqual({ ok: false, reason: "gone" });
    expect(toggleInText("", { line: 0, original: "- [ ] a" }, DONE)).toEqual({ ok: false, reason: "gone" });
  });

  it("reports an ambiguous line when the expected one changed", () => {
    const text = "- [ ] same\n- [ ] other\n- [ ] same\n";
    expect(toggleInText(text, { line: 1, original: "- [ ] same" }, DONE)).toEqual({ ok: false, reason: "ambiguous" });
    expect(toggleInText(text, { line: 2, original: "- [ ] same" }, DONE)).toMatchObject({ ok: true, line: 2 });
  });

  it("does not count copies inside code blocks or front matter", () => {
    const text = "---\nx: - [ ] same\n---\n```\n- [ ] same\n```\n~~~md\n- [ ] same\n~~~\n- [ ] same\n%%\n- [ ] same\n%%\n";
    expect(toggleInText(text, { line: 0, original: "- [ ] same" }, DONE)).toMatchObject({ ok: true, line: 9 });
  });

  it("reports a line that is not a task", () => {
    expect(toggleInText(note, { line: 0, original: "# 1:1" }, DONE)).toEqual({ ok: false, reason: "not-a-task" });
  });

  it("keeps CRLF line endings", () => {
    const crlf = "# 1:1\r\n- [ ] @me a\r\n- [ ] b\r\n";
    const r = toggleInText(crlf, { line: 1, original: "- [ ] @me a" }, DONE);
    expect(r).toEqual({ ok: true, line: 1, text: "# 1:1\r\n- [x] @me a ✅ 2026-11-21\r\n- [ ] b\r\n" });
    const r2 = toggleInText(crlf, { line: 5, original: "- [ ] b\r" }, DONE);
    expect(r2).toEqual({ ok: true, line: 2, text: "# 1:1\r\n- [ ] @me a\r\n- [x] b ✅ 2026-11-21\r\n" });
  });

  it("keeps a missing final newline and mixed endings", () => {
    expect(toggleInText("a\r\n- [ ] b", { line: 1, original: "- [ ] b" }, DONE)).toEqual({ ok: true, line: 1, text: "a\r\n- [x] b ✅ 2026-11-21" });
    expect(toggleInText("- [x] b ✅ 2026-11-21\na\r\n", { line: 0, original: "- [x] b ✅ 2026-11-21" }, UNDONE)).toEqual({
      ok: true,
      line: 0,
      text: "- [ ] b\na\r\n",
    });
  });

  it("ignores an impossible expected line number", () => {
    expect(toggleInText("- [ ] a", { line: -1, original: "- [ ] a" }, DONE)).toMatchObject({ ok: true, line: 0 });
    expect(toggleInText("- [ ] a", { line: 1.5, original: "- [ ] a" }, DONE)).toMatchObject({ ok: true, line: 0 });
  });
});

describe("code blocks", () => {
  it("hiddenLineMask marks front matter and fences, including quoted ones", () => {
    const lines = ["---", "a: 1", "---", "x", "```js", "- [ ] in code", "```", "> ```", "> - [ ] quoted code", "> ```", "y", "````", "```", "````", "z"];
    expect(hiddenLineMask(lines)).toEqual([true, true, true, false, true, true, true, true, true, true, false, true, true, true, false]);
  });

  it("hiddenLineMask marks comments that span lines", () => {
    const lines = ["a", "%%", "- [ ] hidden", "%%", "- [ ] seen %% inline %% tail", "<!--", "- [ ] hidden", "-->", "%% - [ ] hidden %%", "- [ ] open %%", "- [ ] hidden", "%% closes", "b"];
    expect(hiddenLineMask(lines)).toEqual([false, true, true, true, false, true, true, true, true, false, true, true, false]);
  });

  it("an unclosed fence runs to the end", () => {
    expect(hiddenLineMask(["a", "```", "- [ ] b"])).toEqual([false, true, true]);
  });

  it("agreementsInText skips code and front matter", () => {
    const text = "---\ntype: one-on-one\n---\n- [ ] @me a\n```\n- [ ] b\n```\n> - [x] c\r\n";
    expect(agreementsInText(text).map((a) => [a.line, a.agreement.text])).toEqual([
      [3, "a"],
      [7, "c"],
    ]);
  });
});

describe("formatAgreement", () => {
  it.each<[Parameters<typeof formatAgreement>[0], string]>([
    [{ owner: "@me", text: "intro Anya", due: "2026-11-25", syntax: "tasks" }, "- [ ] @me intro Anya 📅 2026-11-25"],
    [{ owner: "[[Anya Petrova]]", text: "shares the RFC", due: "2026-11-28", syntax: "dataview" }, "- [ ] [[Anya Petrova]] shares the RFC [due:: 2026-11-28]"],
    [{ owner: "@anya", text: "x", due: null, syntax: "tasks" }, "- [ ] @anya x"],
    [{ owner: "", text: "unassigned", due: null, syntax: "tasks" }, "- [ ] unassigned"],
    [{ owner: "", text: "line\nbreaks\r\nhere ", due: "2026-11-25", syntax: "tasks" }, "- [ ] line breaks here 📅 2026-11-25"],
    [{ owner: " @me ", text: "  spaced  ", due: "2026-02-30", syntax: "tasks" }, "- [ ] @me spaced"],
    [{ owner: "", text: "", due: null, syntax: "tasks" }, "- [ ]"],
    // With an agreement tag set, new agreements carry it (before the date, which Tasks reads last).
    [{ owner: "@me", text: "book the room", due: "2026-11-25", syntax: "tasks", tag: "accountability" }, "- [ ] @me book the room #accountability 📅 2026-11-25"],
    [{ owner: "@me", text: "book the room #Accountability", due: null, syntax: "tasks", tag: "#accountability" }, "- [ ] @me book the room #Accountability"],
  ])("%j", (input, expected) => {
    expect(formatAgreement(input)).toBe(expected);
  });

  it("writes what parseAgreement reads back", () => {
    const line = formatAgreement({ owner: "[[Anya Petrova]]", text: "shares the RFC", due: "2026-11-28", syntax: "dataview" });
    expect(parseAgreement(line)).toMatchObject({ owner: { kind: "link", target: "Anya Petrova" }, text: "shares the RFC", due: "2026-11-28", open: true });
    expect(formatDueField("2026-11-28", "tasks")).toBe("📅 2026-11-28");
  });
});

describe("forwardedCopy and markForwarded", () => {
  it.each<[string, string]>([
    ["- [ ] [[Anya Petrova]] shares the RFC 📅 2026-11-28", "- [ ] [[Anya Petrova]] shares the RFC (from [[2026-11-14]]) 📅 2026-11-28"],
    ["    * [/] @me doing it #t ^blk-1", "- [/] @me doing it (from [[2026-11-14]]) #t"],
    ["> 1. [ ] @me quoted [due:: 2026-11-28]  ", "- [ ] @me quoted (from [[2026-11-14]]) [due:: 2026-11-28]"],
    ["- [ ] plain", "- [ ] plain (from [[2026-11-14]])"],
    ["- [ ] plain ^blk", "- [ ] plain (from [[2026-11-14]])"],
    ["- [ ] 📅 2026-11-28", "- [ ] (from [[2026-11-14]]) 📅 2026-11-28"],
    ["- [ ]", "- [ ] (from [[2026-11-14]])"],
    ["- [ ] a (from [[2026-11-07]]) 📅 2026-11-28", "- [ ] a (from [[2026-11-14]]) 📅 2026-11-28"],
    ["- [ ] a 🔁 every week 📅 2026-11-28", "- [ ] a (from [[2026-11-14]]) 🔁 every week 📅 2026-11-28"],
  ])("%j", (line, expected) => {
    expect(forwardedCopy(line, "2026-11-14")).toBe(expected);
    expect(forwardedCopy(line, "[[2026-11-14]]")).toBe(expected);
  });

  it("keeps the copy's fields readable", () => {
    const copy = forwardedCopy("- [ ] @anya sends it 📅 2026-11-28 #x ^blk", "1-1s/Anya/2026-11-14");
    expect(parseAgreement(copy)).toMatchObject({
      owner: { kind: "name", name: "anya" },
      text: "sends it (from [[1-1s/Anya/2026-11-14]])",
      due: "2026-11-28",
      tags: ["x"],
      blockId: null,
    });
  });

  it("marks as forwarded", () => {
    expect(markForwarded("  - [ ] a 📅 2026-11-28 ^blk", "[[N]]")).toBe("  - [x] a (forwarded to [[N]]) 📅 2026-11-28 ^blk");
    expect(markForwarded("- [/] a [due:: 2026-11-28]", "N")).toBe("- [x] a (forwarded to [[N]]) [due:: 2026-11-28]");
    expect(markForwarded("- [ ] a (forwarded to [[M]]) #t", "N")).toBe("- [x] a (forwarded to [[N]]) #t");
    expect(markForwarded("not a task", "N")).toBe("not a task");
    expect(forwardedCopy("not a task", "x")).toBe("not a task");
  });
});

describe("huge lines", () => {
  it.each([
    ["spaces", `- [ ] ${" ".repeat(30000)}x`],
    ["trailing spaces", `- [ ] x${" ".repeat(30000)}`],
    ["tags", `- [ ] x${" #a".repeat(10000)}`],
    ["brackets", `- [ ] ${"[".repeat(30000)}`],
    ["fields", `- [ ] x${" 📅 2026-01-01".repeat(3000)}`],
    ["recurrence", `- [ ] ${"🔁 a".repeat(5000)}`],
    ["at signs", `- [ ] ${"@".repeat(30000)}`],
    ["dataview", `- [ ] ${"[a:: (b:: ".repeat(5000)}`],
  ])("are handled quickly: %s", (_, line) => {
    const started = performance.now();
    parseAgreement(line);
    toggleTaskLine(line, DONE);
    toggleTaskLine(line, UNDONE);
    forwardedCopy(line, "x");
    toggleInText(`${line}\n${line}`, { line: 5, original: line }, DONE);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("white space", () => {
  it("is what \\s matches, for every UTF-16 code unit", () => {
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      if (isWhiteAt(ch, 0) !== /\s/.test(ch)) throw new Error(`U+${code.toString(16)} differs`);
    }
    expect(isWhiteAt("a", 1)).toBe(false);
    expect(isWhiteAt("a", -1)).toBe(false);
  });
});
