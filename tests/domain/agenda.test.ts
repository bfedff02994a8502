import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_AGENDA_SECTIONS,
  NO_OPEN_AGREEMENTS,
  buildAgendaBody,
  buildLogEntry,
  buildMeetingNote,
  buildTemplateLogEntry,
  formatPreviousAgreements,
  hintLine,
  insertLogEntry,
  newLogNote,
  normalizeTalkingPoint,
  renderAgendaTemplate,
  type AgendaInput,
} from "../../src/domain/agenda";
import { datedHeading } from "../../src/domain/written-dates";
import type { AgendaSection } from "../../src/domain/types";
import { RUNS } from "../properties";

function input(overrides: Partial<AgendaInput> = {}): AgendaInput {
  return {
    personName: "Anya Petrova",
    personLink: "Anya Petrova",
    date: "2026-11-21",
    firstMeeting: false,
    sections: DEFAULT_AGENDA_SECTIONS,
    carryOver: { mode: "reference" },
    talkingPoints: [],
    ...overrides,
  };
}

function headings(text: string): string[] {
  return text.split("\n").filter((line) => /^#{1,6} /.test(line));
}

describe("DEFAULT_AGENDA_SECTIONS", () => {
  it("follows the order of a good 1:1", () => {
    expect(DEFAULT_AGENDA_SECTIONS.map((section) => section.id)).toEqual([
      "first-meeting",
      "check-in",
      "their-topics",
      "previous-agreements",
      "my-topics",
      "decisions",
      "blockers",
      "feedback",
      "agreements",
      "private-notes",
    ]);
  });

  it("has sentence-case titles and short hints, all enabled", () => {
    for (const section of DEFAULT_AGENDA_SECTIONS) {
      expect(section.enabled).toBe(true);
      expect(section.title.slice(1)).toBe(section.title.slice(1).replace(/ [A-Z]/g, (m) => m.toLowerCase()));
      expect(section.hint.length).toBeGreaterThan(10);
      expect(section.hint.length).toBeLessThan(110);
      expect(section.hint).not.toContain("%%");
    }
  });

  it("has a private notes section the summary recognizes", () => {
    expect(DEFAULT_AGENDA_SECTIONS.find((s) => s.id === "private-notes")?.title.toLowerCase()).toContain("private");
  });
});

describe("hintLine", () => {
  it.each([
    ["They speak first.", "%% They speak first. %%"],
    ["  two\nlines  ", "%% two lines %%"],
    ["100%% sure", "%% 100% sure %%"],
    ["", ""],
    ["   ", ""],
  ])("%j → %j", (hint, expected) => {
    expect(hintLine(hint)).toBe(expected);
  });
});

describe("normalizeTalkingPoint", () => {
  it.each<[string, string | null]>([
    ["- Ask about X", "- Ask about X"],
    ["* Ask about X", "- Ask about X"],
    ["+ Ask about X", "- Ask about X"],
    ["1. Ask about X", "- Ask about X"],
    ["Ask about X", "- Ask about X"],
    ["  - indented", "- indented"],
    ["- [ ] task", "- [ ] task"],
    ["- [x] done task", "- [x] done task"],
    ["- ", null],
    ["", null],
    ["- [ ]", null],
    ["- Parent\n  - child\n    - grandchild", "- Parent\n  - child\n    - grandchild"],
    ["  - Parent\n    - child", "- Parent\n  - child"],
    ["- Parent\r\n  - child\r\n", "- Parent\n  - child"],
    ["- Parent\nlazy line", "- Parent\n  lazy line"],
  ])("%j → %j", (raw, expected) => {
    expect(normalizeTalkingPoint(raw)).toBe(expected);
  });
});

describe("formatPreviousAgreements", () => {
  it("reference mode is a live block", () => {
    expect(formatPreviousAgreements({ mode: "reference" }, "People/Anya Petrova")).toBe(
      "```one-on-ones\nagreements: [[People/Anya Petrova]]\n```",
    );
  });
  it("forward mode lists the lines, or says there are none", () => {
    expect(formatPreviousAgreements({ mode: "forward", lines: ["- [ ] a", "- [ ] b\r\n"] }, "A")).toBe("- [ ] a\n- [ ] b");
    expect(formatPreviousAgreements({ mode: "forward", lines: [] }, "A")).toBe(NO_OPEN_AGREEMENTS);
    expect(formatPreviousAgreements({ mode: "forward", lines: ["  "] }, "A")).toBe(NO_OPEN_AGREEMENTS);
  });
});

describe("buildAgendaBody", () => {
  it("writes the sections at the requested level with hints as comments", () => {
    const body = buildAgendaBody(input(), 3);
    expect(headings(body)).toEqual([
      "### Check-in",
      "### Their topics",
      "### Previous agreements",
      "### My topics",
      "### Decisions needed",
      "### Blockers",
      "### Feedback",
      "### Agreements",
      "### Private notes",
    ]);
    expect(body).toContain("### Check-in\n%% How are things going, at work and outside it? %%\n\n### Their topics");
    expect(body.endsWith("%%\n")).toBe(true);
    expect(body).not.toContain("\n\n\n");
  });

  it("includes the first-meeting section only in a first meeting, and no previous agreements there", () => {
    const first = headings(buildAgendaBody(input({ firstMeeting: true }), 2));
    expect(first[0]).toBe("## About these 1:1s");
    expect(first).not.toContain("## Previous agreements");
    expect(headings(buildAgendaBody(input(), 2))).not.toContain("## About these 1:1s");
  });

  it("keeps forwarded agreements even in a first meeting", () => {
    const body = buildAgendaBody(input({ firstMeeting: true, carryOver: { mode: "forward", lines: ["- [ ] x"] } }), 2);
    expect(body).toContain("## Previous agreements\n%% What we agreed earlier: done, still on, or dropped? %%\n\n- [ ] x\n");
  });

  it("says so when nothing is carried forward", () => {
    const body = buildAgendaBody(input({ carryOver: { mode: "forward", lines: [] } }), 2);
    expect(body).toContain(`\n\n${NO_OPEN_AGREEMENTS}\n`);
  });

  it("puts a reference block under previous agreements", () => {
    const body = buildAgendaBody(input(), 2);
    expect(body).toContain("%%\n\n```one-on-ones\nagreements: [[Anya Petrova]]\n```\n\n## My topics");
  });

  it("puts talking points under my topics, normalized", () => {
    const body = buildAgendaBody(input({ talkingPoints: ["* one", "- [ ] two", "three", "- "] }), 2);
    expect(body).toContain("## My topics\n%% What I collected since we last met. %%\n\n- one\n- [ ] two\n- three\n\n## Decisions");
  });

  it("writes no empty task under agreements", () => {
    const body = buildAgendaBody(input(), 2);
    expect(body).not.toMatch(/^- \[ \]\s*$/m);
    expect(body).toContain("## Agreements\n%% One checkbox per outcome: who does what, by when. %%\n\n## Private notes");
  });

  it("skips disabled sections and uses custom ones", () => {
    const sections: AgendaSection[] = [
      { id: "check-in", title: "How are you?", hint: "", enabled: true },
      { id: "blockers", title: "Blockers", hint: "x", enabled: false },
      { id: "custom-wins", title: "Wins", hint: "Something that went well.", enabled: true },
    ];
    expect(buildAgendaBody(input({ sections }), 2)).toBe("## How are you?\n\n## Wins\n%% Something that went well. %%\n");
  });

  it("never drops queued topics or forwarded agreements when their section is off", () => {
    const sections: AgendaSection[] = [
      { id: "check-in", title: "Check-in", hint: "", enabled: true },
      { id: "my-topics", title: "My topics", hint: "", enabled: false },
      { id: "agreements", title: "Agreements", hint: "", enabled: true },
    ];
    const body = buildAgendaBody(
      input({ sections, talkingPoints: ["- topic"], carryOver: { mode: "forward", lines: ["- [ ] carried"] } }),
      2,
    );
    expect(headings(body)).toEqual(["## Check-in", "## Previous agreements", "## My topics", "## Agreements"]);
    expect(body).toContain("- topic");
    expect(body).toContain("- [ ] carried");
  });

  it("clamps the heading level", () => {
    expect(buildAgendaBody(input(), 9).startsWith("###### Check-in")).toBe(true);
    expect(buildAgendaBody(input(), 0).startsWith("# Check-in")).toBe(true);
  });

  it("is empty without sections", () => {
    expect(buildAgendaBody(input({ sections: [] }), 2)).toBe("");
  });
});

describe("buildMeetingNote", () => {
  it("starts with exactly the contract's properties and a title", () => {
    const note = buildMeetingNote(input());
    expect(note.startsWith(
      '---\ntype: one-on-one\nperson: "[[Anya Petrova]]"\ndate: 2026-11-21\n---\n# 1:1 with Anya Petrova — 2026-11-21\n\n## Check-in\n',
    )).toBe(true);
    expect(note.endsWith("%%\n")).toBe(true);
    expect(note).not.toContain("\r");
  });

  it("names a first meeting as such", () => {
    expect(buildMeetingNote(input({ firstMeeting: true }))).toContain("\n# First 1:1 with Anya Petrova — 2026-11-21\n");
  });

  it("quotes the link safely", () => {
    expect(buildMeetingNote(input({ personLink: 'a "b"\\c' }))).toContain('person: "[[a \\"b\\"\\\\c]]"\n');
  });

  it("has a title that is not a dated heading", () => {
    const title = headings(buildMeetingNote(input()))[0] ?? "";
    expect(datedHeading(title.replace(/^#+ /, ""))).toBeNull();
  });
});

describe("buildLogEntry and newLogNote", () => {
  it("makes a dated entry with ### sections", () => {
    const entry = buildLogEntry(input());
    expect(entry.startsWith("## 2026-11-21\n\n### Check-in\n")).toBe(true);
    expect(headings(entry).slice(1).every((h) => h.startsWith("### "))).toBe(true);
  });

  it("makes a log note recognized as a 1:1 note without a date of its own", () => {
    expect(newLogNote("Anya Petrova", "People/Anya Petrova")).toBe(
      '---\ntype: one-on-one\nperson: "[[People/Anya Petrova]]"\n---\n# 1:1s with Anya Petrova\n' +
        "%% Newest meeting first: each meeting is a heading that starts with its date. %%\n",
    );
  });
});

describe("insertLogEntry", () => {
  const entry = "## 2026-11-21\n\n### Notes\n- new\n";

  it("puts the newest entry before the first dated heading", () => {
    const log = "---\ntype: one-on-one\n---\n# Log\nIntro.\n\n## 2026-11-14\n- old\n";
    expect(insertLogEntry(log, entry)).toBe(
      "---\ntype: one-on-one\n---\n# Log\nIntro.\n\n## 2026-11-21\n\n### Notes\n- new\n\n## 2026-11-14\n- old\n",
    );
  });

  it("appends when there is no entry yet", () => {
    expect(insertLogEntry("# Log\n", entry)).toBe("# Log\n\n## 2026-11-21\n\n### Notes\n- new\n");
    expect(insertLogEntry("# Log", entry)).toBe("# Log\n\n## 2026-11-21\n\n### Notes\n- new\n");
    expect(insertLogEntry("# Log\n\n", entry)).toBe("# Log\n\n## 2026-11-21\n\n### Notes\n- new\n");
    expect(insertLogEntry("", entry)).toBe("## 2026-11-21\n\n### Notes\n- new\n");
  });

  it("adds a blank line when the entry would touch the text above", () => {
    expect(insertLogEntry("# Log\n## 2026-11-14\n", entry)).toBe(
      "# Log\n\n## 2026-11-21\n\n### Notes\n- new\n\n## 2026-11-14\n",
    );
  });

  it("uses the log's line endings", () => {
    const log = "# Log\r\n\r\n## 2026-11-14\r\n- old\r\n";
    expect(insertLogEntry(log, entry)).toBe(
      "# Log\r\n\r\n## 2026-11-21\r\n\r\n### Notes\r\n- new\r\n\r\n## 2026-11-14\r\n- old\r\n",
    );
  });

  it("matches the level of existing entries", () => {
    const log = "# 1:1 with Nome\n\n## Ultimi incontri\n### 2026-11-14\n- old\n";
    expect(insertLogEntry(log, entry)).toBe(
      "# 1:1 with Nome\n\n## Ultimi incontri\n\n### 2026-11-21\n\n#### Notes\n- new\n\n### 2026-11-14\n- old\n",
    );
  });

  // A person note that is its own log: the entry goes above the newest dated heading, at its
  // level, and the queue and the properties above stay as they are.
  const entryAt = (level: number) => `${"#".repeat(level)} 2026-11-21\n\n${"#".repeat(level + 1)} Notes\n- new\n\n`;
  it.each([
    ["### ISO under a section", "## Next 1:1\n- q\n\n## 1:1 Notes\n", "### 2026-07-23\n- x\n### 2026-07-09\n", 3],
    ["### written out", "## Next 1:1\n- q\n\n## 1:1 Notes\n\n", "### July 23, 2026\n- x\n\n### Thursday, July 9, 2026\n", 3],
    ["## right after the queue", "## Next 1:1\n- q\n\n", "## 2026-07-23\n- x\n", 2],
    ["## written out, day first", "Bio.\n\n## Next 1:1\n", "## 23 July 2026\n- x\n", 2],
    ["# linked date", "## Next 1:1\n\n", "# [[2026-07-23]]\n- x\n", 1],
  ])("in a person note, with dated headings %s", (_, above, log, level) => {
    const note = `---\ntype: person\n---\n${above}${log}`;
    const gap = above.endsWith("\n\n") ? "" : "\n";
    expect(insertLogEntry(note, entry)).toBe(`---\ntype: person\n---\n${above}${gap}${entryAt(level)}${log}`);
  });

  it("recognizes dated headings with text after the date, and ignores code and front matter", () => {
    const log = "---\ntitle: 2026-01-01\n---\n```\n## 2026-10-01\n```\n### 2026-11-14 — notes\n";
    const result = insertLogEntry(log, entry);
    expect(result.indexOf("### 2026-11-21")).toBeGreaterThan(result.indexOf("```\n## 2026-10-01\n```"));
    expect(result.indexOf("### 2026-11-21")).toBeLessThan(result.indexOf("### 2026-11-14 — notes"));
  });

  it("closes a code block left open before appending", () => {
    expect(insertLogEntry("# Log\n~~~~\ncode\n", entry)).toBe("# Log\n~~~~\ncode\n~~~~\n\n## 2026-11-21\n\n### Notes\n- new\n");
  });

  it("leaves a log alone for an empty entry", () => {
    expect(insertLogEntry("# Log\n", "\n\n")).toBe("# Log\n");
  });

  it("never loses a byte of the old log", () => {
    const line = fc.oneof(
      fc.constantFrom("## 2026-11-14", "### 2026-01-02 — x", "# Title", "```", "---", "", "- [ ] task", "text", "## Notes"),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 14 }), fc.constantFrom("\n", "\r\n"), fc.boolean(), (lines, eol, final) => {
        const log = lines.join(eol) + (final ? eol : "");
        const result = insertLogEntry(log, buildLogEntry(input()));
        // The old log is the new one with one contiguous run of text taken out.
        let prefix = 0;
        while (prefix < log.length && log[prefix] === result[prefix]) prefix++;
        const removed = result.length - log.length;
        expect(removed).toBeGreaterThan(0);
        expect(result.slice(0, prefix) + result.slice(prefix + removed)).toBe(log);
        expect(result).toContain("2026-11-21");
      }),
      { numRuns: RUNS },
    );
  });
});

describe("renderAgendaTemplate", () => {
  it("fills the placeholders from the meeting", () => {
    const text = renderAgendaTemplate(
      "# {{person}} {{date}}\n## Open\n{{previous_agreements}}\n## Mine\n{{talking_points}}\n",
      input({ talkingPoints: ["* a"] }),
    );
    expect(text).toBe(
      "# Anya Petrova 2026-11-21\n## Open\n```one-on-ones\nagreements: [[Anya Petrova]]\n```\n## Mine\n- a\n",
    );
  });

  it("adds queued topics and forwarded agreements the template has no place for", () => {
    const text = renderAgendaTemplate(
      "# Notes\n",
      input({ talkingPoints: ["- a"], carryOver: { mode: "forward", lines: ["- [ ] b"] } }),
    );
    expect(text).toBe("# Notes\n\n## Previous agreements\n\n- [ ] b\n\n## My topics\n\n- a\n");
  });

  it("adds nothing in reference mode without topics", () => {
    expect(renderAgendaTemplate("# Notes", input())).toBe("# Notes");
  });

  it("keeps CRLF templates CRLF", () => {
    expect(renderAgendaTemplate("# Notes\r\n", input({ talkingPoints: ["- a"] }))).toBe(
      "# Notes\r\n\r\n## My topics\r\n\r\n- a\r\n",
    );
  });
});

describe("buildTemplateLogEntry", () => {
  it("drops front matter and a lone title and nests the headings under the date", () => {
    const template = "---\ntype: one-on-one\n---\n# {{person}}\n\n## How are you?\n\n## Mine\n{{talking_points}}\n";
    expect(buildTemplateLogEntry(template, input({ talkingPoints: ["- a"] }))).toBe(
      "## 2026-11-21\n\n### How are you?\n\n### Mine\n- a\n",
    );
  });

  it("keeps a template made of # sections", () => {
    expect(buildTemplateLogEntry("# How you doing?\n# News\n", input())).toBe(
      "## 2026-11-21\n\n### How you doing?\n### News\n",
    );
  });

  it("is just the heading for an empty template", () => {
    expect(buildTemplateLogEntry("", input())).toBe("## 2026-11-21\n");
  });
});
