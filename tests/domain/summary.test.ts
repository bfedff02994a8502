import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_AGENDA_SECTIONS,
  buildLogEntry,
  buildMeetingNote,
  insertLogEntry,
  newLogNote,
  renderAgendaTemplate,
  type AgendaInput,
} from "../../src/domain/agenda";
import { headingKey, isPrivateHeading, logEntryAt, logEntryText, shareableSummary } from "../../src/domain/summary";
import { RUNS } from "../properties";

const opts = { privateHeadings: ["Private notes"] };
const summary = (text: string) => shareableSummary(text, opts);

const meeting: AgendaInput = {
  personName: "Anya Petrova",
  personLink: "Anya Petrova",
  date: "2026-11-21",
  firstMeeting: false,
  sections: DEFAULT_AGENDA_SECTIONS,
  carryOver: { mode: "reference" },
  talkingPoints: ["- Ask how the talk went"],
};

/** Fills a generated note: a line of text under every heading. */
function fill(note: string, under: Record<string, string>): string {
  return note
    .split("\n")
    .map((line) => {
      const title = line.replace(/^#+ /, "");
      return /^#+ /.test(line) && under[title] !== undefined ? `${line}\n${under[title]}` : line;
    })
    .join("\n");
}

describe("isPrivateHeading", () => {
  it.each<[string, boolean]>([
    ["Private notes", true],
    ["private notes", true],
    ["🔒 Private Manager Notes", true],
    ["Notes (private)", true],
    ["PRIVATE", true],
    ["Privat", true],
    ["Notes privées", false],
    ["Notas privadas", false],
    ["Privé", true],
    ["Privateer", false],
    ["Deprivation", false],
    ["Agreements", false],
    ["", false],
  ])("%j → %s", (heading, expected) => {
    expect(isPrivateHeading(heading, [])).toBe(expected);
  });

  it.each<[string, string[], boolean]>([
    ["Manager notes", ["Manager notes"], true],
    ["🗒️ **Manager notes**:", ["manager notes"], true],
    ["Manager notes for later", ["Manager notes"], false],
    ["Notes", ["", "  "], false],
    ["Nur für mich", ["nur für mich"], true],
  ])("%j with %j → %s", (heading, headings, expected) => {
    expect(isPrivateHeading(heading, headings)).toBe(expected);
  });

  it("compares heading words without decoration", () => {
    expect(headingKey("  🔒  Manager   Notes: ")).toBe("manager notes");
    expect(headingKey("日本語のメモ")).toBe("日本語のメモ");
  });
});

describe("shareableSummary", () => {
  it("drops front matter, hints, the live block, empty sections and private notes", () => {
    const note = fill(buildMeetingNote(meeting), {
      "Their topics": "- Wants to pair with the platform team",
      Agreements: "- [ ] @me intro Anya to the platform lead 📅 2026-12-01",
      "Private notes": "Seemed tired.",
    });
    expect(summary(note)).toBe(
      "# 1:1 with Anya Petrova — 2026-11-21\n\n" +
        "## Their topics\n- Wants to pair with the platform team\n\n" +
        "## My topics\n\n- Ask how the talk went\n\n" +
        "## Agreements\n- [ ] @me intro Anya to the platform lead 📅 2026-12-01\n",
    );
  });

  it("renders live blocks when the caller can", () => {
    const note = "# A\n\n```one-on-ones\nagreements: [[Anya]]\n```\n";
    const rendered = shareableSummary(note, {
      privateHeadings: [],
      renderBlock: (language, source) => (language === "one-on-ones" ? `- [ ] from ${source}` : null),
    });
    expect(rendered).toBe("# A\n\n- [ ] from agreements: [[Anya]]\n");
  });

  it("keeps ordinary code blocks, and headings in them are not headings", () => {
    const note = "## Notes\n```md\n## Private notes\nnot a heading\n```\n## Private notes\nsecret\n";
    expect(summary(note)).toBe("## Notes\n```md\n## Private notes\nnot a heading\n```\n");
  });

  it("drops inline and multi-line comments", () => {
    const note = "# A\nkeep %% hidden %% this\n%%\nhidden\n## not a heading\n%%\nafter %%hidden\nstill hidden %% shown\n";
    expect(summary(note)).toBe("# A\nkeep  this\nafter\nshown\n");
  });

  it("drops HTML comments, inline and over several lines", () => {
    const note = [
      "# A",
      "keep <!-- hidden --> this",
      "<!--",
      "hidden",
      "## not a heading",
      "-->",
      "after <!--hidden",
      "still hidden --> shown",
      "<!-- a %% inside --> and %% a <!-- inside %% kept",
      "empty <!--> and <!---> comments",
      "",
    ].join("\n");
    expect(summary(note)).toBe("# A\nkeep  this\nafter\nshown\n and  kept\nempty  and  comments\n");
  });

  it("drops a private section down to the next heading of the same or a higher level", () => {
    const note = "# T\n## Private notes\na\n### Sub\nb\n#### Deeper\nc\n## Next\nd\n# Top\ne\n";
    expect(summary(note)).toBe("# T\n## Next\nd\n# Top\ne\n");
  });

  it("drops a nested private section only", () => {
    const note = "## Check-in\nok\n### Private\nsecret\n### Mood\ngood\n";
    expect(summary(note)).toBe("## Check-in\nok\n### Mood\ngood\n");
  });

  it("never lets a separator inside private notes end them", () => {
    const note = "## Private notes\nSeems unsure\n---\nmore\n***\n## Next\nshown\n";
    expect(summary(note)).toBe("## Next\nshown\n");
  });

  it("starts a private section at a setext heading", () => {
    const note = "Intro\n\nPrivate notes\n-------------\nsecret\n\n# Public\nshown\n";
    expect(summary(note)).toBe("Intro\n\n# Public\nshown\n");
  });

  it("drops private callouts and quotes", () => {
    const note =
      "# A\n> [!private] Mine\n> secret\nlazy secret\n\n> [!note] Private thoughts\n> secret\n\n" +
      "> [!note] Shared\n> shown\n\n> ## Private\n> secret\n";
    expect(summary(note)).toBe("# A\n\n> [!note] Shared\n> shown\n");
  });

  it("drops Dataview and Tasks queries", () => {
    const note = "# A\n```dataviewjs\ndv.taskList()\n```\n```tasks\nnot done\n```\ntext\n";
    expect(summary(note)).toBe("# A\ntext\n");
  });

  it("collapses blank lines and trims separators at the ends", () => {
    const note = "---\nx: 1\n---\n\n\n---\n# A\n\n\n\ntext\n\n\n---\n\n---\n\nmore\n\n---\n\n";
    expect(summary(note)).toBe("# A\n\ntext\n\n---\n\nmore\n");
  });

  it("keeps CRLF notes readable", () => {
    expect(summary("# A\r\ntext\r\n## Private notes\r\nsecret\r\n")).toBe("# A\ntext\n");
  });

  it("is empty when nothing is left", () => {
    expect(summary(buildMeetingNote({ ...meeting, talkingPoints: [] }))).toBe("");
    expect(summary("")).toBe("");
  });

  it("summarizes a custom template's note", () => {
    const template = "# {{person}}\n## Topics\n{{talking_points}}\n## 🔒 Only me, private\n- note to self\n";
    expect(summary(renderAgendaTemplate(template, meeting))).toBe("# Anya Petrova\n## Topics\n- Ask how the talk went\n");
  });

  it("summarizes one entry of a running log", () => {
    let log = newLogNote("Anya Petrova", "Anya Petrova");
    log = insertLogEntry(log, "## 2026-11-14\n\n### Check-in\nolder entry\n\n### Private notes\nold secret\n");
    log = insertLogEntry(log, fill(buildLogEntry(meeting), { "Check-in": "fine", "Private notes": "new secret" }));
    const lines = log.split("\n");
    const at = lines.indexOf("fine");
    const entry = logEntryAt(log, at);
    expect(entry?.date).toBe("2026-11-21");
    const text = summary(logEntryText(log, entry ?? { start: 0, end: 0 }));
    expect(text).toBe("## 2026-11-21\n\n### Check-in\nfine\n\n### My topics\n\n- Ask how the talk went\n");
    expect(summary(log)).not.toContain("secret");
  });

  const fieldNote = join(
    dirname(fileURLToPath(import.meta.url)),
    "../../../shared/field-vaults/obsidian-one-on-one-manager/1-1s/john-doe/2026-01-22.md",
  );
  const hasFieldNote = existsSync(fieldNote);
  it.skipIf(!hasFieldNote)(
    hasFieldNote
      ? "leaves out the private manager notes of a field-vault note"
      : "field-vault note (SKIPPED: ../shared/field-vaults is not present next to the repository)",
    () => {
      const text = readFileSync(fieldNote, "utf8");
      const result = summary(text);
      expect(result.startsWith("# 1:1 with John Doe\n")).toBe(true);
      expect(result).toContain("- [ ] Review architecture proposal @john 📅 2026-01-29");
      expect(result).toContain("John mentioned interest in promotion.");
      expect(result).not.toMatch(/private|Observations|Coaching|Reaction|Follow-up for Me|confident|promotion packet/i);
      expect(result).not.toContain("mood:");
      expect(result.trimEnd().endsWith("---")).toBe(false);
      // Every line of the private section is gone.
      const privateLines = text.slice(text.indexOf("## 🔒")).split("\n").filter((line) => line.trim() !== "");
      for (const line of privateLines) expect(result.split("\n")).not.toContain(line);
    },
  );
});

type Block =
  | { t: "heading"; level: number; title: string; setext: boolean }
  | { t: "text"; prefix: string; inlineComment: boolean; html: boolean }
  | { t: "underline" }
  | { t: "blank" }
  | { t: "fence"; language: string; inner: string }
  | { t: "comment"; inner: string; multiline: boolean; html: boolean }
  | { t: "callout"; header: string; private: boolean; lines: number }
  | { t: "rule" };

const PRIVATE_TITLES = ["Private notes", "🔒 Private Manager Notes", "My notes", "my NOTES:", "PRIVATE"];
const PUBLIC_TITLES = ["Check-in", "Agreements", "Privateer", "Notes", "2026-11-21"];

const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({
    t: fc.constant("heading" as const),
    level: fc.integer({ min: 1, max: 6 }),
    title: fc.constantFrom(...PRIVATE_TITLES, ...PUBLIC_TITLES),
    setext: fc.boolean(),
  }),
  fc.record({
    t: fc.constant("text" as const),
    prefix: fc.constantFrom("", "- ", "  - ", "- [ ] ", "1. ", "> ", "**b** "),
    inlineComment: fc.boolean(),
    html: fc.boolean(),
  }),
  fc.constant({ t: "underline" as const }),
  fc.constant({ t: "blank" as const }),
  fc.record({
    t: fc.constant("fence" as const),
    language: fc.constantFrom("js", "", "one-on-ones"),
    inner: fc.constantFrom("## Check-in", "# Notes", "%%", "text"),
  }),
  fc.record({
    t: fc.constant("comment" as const),
    inner: fc.constantFrom("## Check-in", "# Top", "plain", "```"),
    multiline: fc.boolean(),
    html: fc.boolean(),
  }),
  fc.record({
    t: fc.constant("callout" as const),
    header: fc.constantFrom("[!private]", "[!note] Private thoughts", "[!note] Shared", "## Private", "quote"),
    private: fc.constant(false),
    lines: fc.integer({ min: 1, max: 3 }),
  }),
  fc.constant({ t: "rule" as const }),
);

/** A note from blocks, with every line a private section holds marked SECRET and the rest public. */
function buildNote(blocks: Block[], frontMatter: boolean): { text: string; publicTokens: string[] } {
  const lines: string[] = frontMatter ? ["---", "note: SECRET-fm", "---", "# Title"] : ["# Title"];
  const publicTokens: string[] = [];
  const privateHeadings = ["My notes"];
  let privateLevel = 0;
  let n = 0;
  const token = (isPrivate: boolean) => {
    n += 1;
    const value = isPrivate ? `SECRET${n}x` : `public${n}x`;
    if (!isPrivate) publicTokens.push(value);
    return value;
  };
  for (const b of blocks) {
    switch (b.t) {
      case "heading": {
        const isPrivate = isPrivateHeading(b.title, privateHeadings);
        if (b.setext && b.level <= 2) {
          lines.push("", b.title, b.level === 1 ? "===" : "---");
          if (privateLevel === 0 && isPrivate) privateLevel = b.level;
          break;
        }
        lines.push(`${"#".repeat(b.level)} ${b.title}`);
        if (privateLevel > 0 && b.level <= privateLevel) privateLevel = 0;
        if (privateLevel === 0 && isPrivate) privateLevel = b.level;
        break;
      }
      case "text":
        if (!b.inlineComment) lines.push(b.prefix + token(privateLevel > 0));
        else lines.push(b.prefix + token(privateLevel > 0) + (b.html ? " <!-- SECRET-inline -->" : " %% SECRET-inline %%"));
        break;
      case "underline":
        lines.push("---");
        break;
      case "blank":
        lines.push("");
        break;
      case "fence": {
        const inner = b.language === "one-on-ones" ? "agreements: [[SECRET-block]]" : token(privateLevel > 0);
        lines.push("```" + b.language, b.inner, inner, "```");
        break;
      }
      case "comment":
        if (b.html && b.multiline) lines.push("<!--", b.inner, "SECRET-comment", "-->");
        else if (b.html) lines.push(`<!-- ${b.inner} SECRET-comment -->`);
        else if (b.multiline) lines.push("%%", b.inner, "SECRET-comment", "%%");
        else lines.push(`%% ${b.inner} SECRET-comment %%`);
        break;
      case "callout": {
        const isPrivate = b.header !== "quote" && b.header !== "[!note] Shared";
        lines.push("", `> ${b.header === "quote" ? token(privateLevel > 0) : b.header}`);
        for (let i = 0; i < b.lines; i++) lines.push(`> ${token(privateLevel > 0 || isPrivate)}`);
        lines.push("");
        break;
      }
      case "rule":
        lines.push("", "---", "");
        break;
    }
  }
  return { text: lines.join("\n"), publicTokens };
}

describe("shareableSummary properties", () => {
  it("never contains a line of a private section, a comment or front matter, and keeps the rest", () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 40 }), fc.boolean(), fc.boolean(), (blocks, frontMatter, crlf) => {
        const { text, publicTokens } = buildNote(blocks, frontMatter);
        const result = shareableSummary(crlf ? text.replace(/\n/g, "\r\n") : text, { privateHeadings: ["My notes"] });
        expect(result).not.toContain("SECRET");
        for (const value of publicTokens) expect(result).toContain(value);
        expect(result).not.toMatch(/\n\n\n/);
        expect(result === "" || result.endsWith("\n")).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("logEntryAt", () => {
  const log = [
    "---", // 0
    "type: one-on-one", // 1
    "---", // 2
    "# 1:1s with Anya", // 3
    "", // 4
    "## 2026-11-21", // 5
    "### Check-in", // 6
    "fine", // 7
    "```", // 8
    "## 2026-01-01", // 9
    "```", // 10
    "", // 11
    "## 2026-11-14 — short one", // 12
    "text", // 13
    "### 2026-11-15 follow-up", // 14
    "more", // 15
    "# Archive", // 16
    "old", // 17
  ].join("\n");

  it.each<[number, { date: string; start: number; end: number } | null]>([
    [0, null],
    [3, null],
    [4, null],
    [5, { date: "2026-11-21", start: 5, end: 11 }],
    [7, { date: "2026-11-21", start: 5, end: 11 }],
    [9, { date: "2026-11-21", start: 5, end: 11 }],
    [13, { date: "2026-11-14", start: 12, end: 15 }],
    [15, { date: "2026-11-15", start: 14, end: 15 }],
    [16, null],
    [17, null],
    [99, null],
    [-1, null],
  ])("line %i → %j", (line, expected) => {
    expect(logEntryAt(log, line)).toEqual(expected);
  });

  it("runs to the end of the note for the last entry, CRLF or not", () => {
    expect(logEntryAt("## 2026-11-21\r\na\r\nb\r\n", 1)).toEqual({ date: "2026-11-21", start: 0, end: 3 });
    expect(logEntryText("## 2026-11-21\r\na\r\nb", { start: 0, end: 1 })).toBe("## 2026-11-21\na");
  });
});
