// Focused checks of the fake's Markdown parser on the shapes of note the plugin relies on most.
// (Conformance with real Obsidian across many notes is in conformance.test.ts.)
import fc from "fast-check";
import type { Loc, Pos } from "obsidian";
import { describe, expect, it } from "vitest";
import {
  computeMetadata,
  getAllTags,
  parseFrontMatterAliases,
  parseFrontMatterTags,
} from "./metadata";
import { RUNS } from "../properties";

/** The location of line `line`, column `col` in `text` (lines split on "\n"). */
function at(text: string, line: number, col: number): Loc {
  const lines = text.split("\n");
  let offset = 0;
  for (let n = 0; n < line; n++) offset += (lines[n] ?? "").length + 1;
  return { line, col, offset: offset + col };
}

function span(text: string, line: number, from: number, to: number, endLine = line): Pos {
  return { start: at(text, line, from), end: at(text, endLine, to) };
}

const ONE_ON_ONE = [
  "---",
  "type: one-on-one",
  "person: \"[[Anya Petrova]]\"",
  "date: 2026-11-21",
  "tags:",
  "  - one-on-one",
  "aliases: [Anya 1:1]",
  "---",
  "# 1:1 with [[Anya Petrova]]",
  "",
  "## 2026-11-21",
  "",
  "- [ ] @me do x 📅 2026-11-28",
  "- [x] @anya send the deck #followup",
  "\t- note under the task",
  "",
  "## 2026-11-07",
  "",
  "Talked about [[Project Atlas|Atlas]].",
  "",
].join("\n");

describe("computeMetadata on a 1:1 note", () => {
  const text = ONE_ON_ONE;
  const meta = computeMetadata(text);

  it("parses the front matter: dates stay strings, links become frontmatterLinks", () => {
    expect(meta.frontmatter).toStrictEqual({
      type: "one-on-one",
      person: "[[Anya Petrova]]",
      date: "2026-11-21",
      tags: ["one-on-one"],
      aliases: ["Anya 1:1"],
    });
    expect(meta.frontmatterPosition).toStrictEqual(span(text, 0, 0, 3, 7));
    expect(meta.frontmatterLinks).toStrictEqual([
      { key: "person", link: "Anya Petrova", original: "[[Anya Petrova]]", displayText: "Anya Petrova" },
    ]);
  });

  it("lists the headings with their levels and whole-line positions", () => {
    expect(meta.headings).toStrictEqual([
      { heading: "1:1 with [[Anya Petrova]]", level: 1, position: span(text, 8, 0, 27) },
      { heading: "2026-11-21", level: 2, position: span(text, 10, 0, 13) },
      { heading: "2026-11-07", level: 2, position: span(text, 16, 0, 13) },
    ]);
  });

  it("lists the tasks and items with status characters and parents", () => {
    const line12 = "- [ ] @me do x 📅 2026-11-28";
    expect(meta.listItems).toStrictEqual([
      { parent: -12, task: " ", position: span(text, 12, 0, line12.length) },
      { parent: -12, task: "x", position: span(text, 13, 0, 35) },
      { parent: 13, position: span(text, 14, 1, 22) },
    ]);
  });

  it("finds the wikilinks, with aliases as display text", () => {
    expect(meta.links).toStrictEqual([
      {
        link: "Anya Petrova",
        original: "[[Anya Petrova]]",
        displayText: "Anya Petrova",
        position: span(text, 8, 11, 27),
      },
      {
        link: "Project Atlas",
        original: "[[Project Atlas|Atlas]]",
        displayText: "Atlas",
        position: span(text, 18, 13, 36),
      },
    ]);
  });

  it("finds body tags, and getAllTags puts the front-matter tags first", () => {
    expect(meta.tags).toStrictEqual([{ tag: "#followup", position: span(text, 13, 26, 35) }]);
    expect(getAllTags(meta)).toStrictEqual(["#one-on-one", "#followup"]);
    expect(parseFrontMatterTags(meta.frontmatter)).toStrictEqual(["#one-on-one"]);
    expect(parseFrontMatterAliases(meta.frontmatter)).toStrictEqual(["Anya 1:1"]);
  });

  it("divides the note into sections", () => {
    expect(meta.sections?.map((section) => [section.type, section.position.start.line, section.position.end.line])).toStrictEqual([
      ["yaml", 0, 7],
      ["heading", 8, 8],
      ["heading", 10, 10],
      ["list", 12, 14],
      ["heading", 16, 16],
      ["paragraph", 18, 18],
    ]);
  });
});

describe("computeMetadata with CRLF line endings", () => {
  const lf = ONE_ON_ONE;
  const crlf = lf.replace(/\n/g, "\r\n");
  const fromLf = computeMetadata(lf);
  const fromCrlf = computeMetadata(crlf);

  /** Drops offsets, which differ by the `\r`s before them. */
  const lines = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === "offset" ? undefined : v)));

  it("gives the same lines and columns as LF", () => {
    expect(lines(fromCrlf)).toStrictEqual(lines(fromLf));
    expect(fromCrlf.frontmatter).toStrictEqual(fromLf.frontmatter);
  });

  it("gives offsets into the CRLF text, never counting a `\\r` in a column", () => {
    for (const item of fromCrlf.listItems ?? []) {
      const { start, end } = item.position;
      expect(crlf.slice(start.offset, end.offset)).not.toContain("\r");
      expect(crlf.slice(start.offset - start.col, start.offset)).not.toContain("\n");
    }
    const task = fromCrlf.listItems?.[0];
    expect(task && crlf.slice(task.position.start.offset, task.position.end.offset)).toBe("- [ ] @me do x 📅 2026-11-28");
  });
});

describe("computeMetadata on list structure", () => {
  it("nests tasks by indentation and links each to its parent's line", () => {
    const text = "- [ ] a\n\t- [/] b\n\t\t- [-] c\n\t- d\n- [x] e\n";
    const meta = computeMetadata(text);
    expect(meta.listItems?.map((item) => [item.position.start.line, item.position.start.col, item.parent, item.task])).toStrictEqual([
      [0, 0, -1, " "],
      [1, 1, 0, "/"],
      [2, 2, 1, "-"],
      [3, 1, 0, undefined],
      [4, 0, -1, "x"],
    ]);
  });

  it("ends a parent item before its nested list", () => {
    const meta = computeMetadata("- parent\n    - child\n");
    expect(meta.listItems?.[0]?.position).toStrictEqual(span("- parent\n    - child\n", 0, 0, 8));
    expect(meta.listItems?.[1]?.position.start.col).toBe(2);
  });

  it("numbers roots by their list's first line and separates lists by marker", () => {
    const text = "# H\n\n1. a\n2) b\n* c\n+ d\n";
    expect(computeMetadata(text).listItems?.map((item) => item.parent)).toStrictEqual([-2, -3, -4, -5]);
  });

  it("finds tasks in block quotes and nested callouts", () => {
    const text = "> [!todo] Week\n> > [!note]\n> > - [ ] inner #t\n> - [x] outer\n";
    const meta = computeMetadata(text);
    expect(meta.sections?.map((section) => section.type)).toStrictEqual(["callout"]);
    expect(meta.listItems?.map((item) => [item.position.start.line, item.position.start.col, item.task])).toStrictEqual([
      [2, 4, " "],
      [3, 2, "x"],
    ]);
    expect(meta.tags?.map((tag) => tag.tag)).toStrictEqual(["#t"]);
  });

  it("ignores tasks and tags in code, HTML and %% comments, but keeps tags written inside %%", () => {
    const text = [
      "```",
      "- [ ] fenced #no",
      "```",
      "~~~md",
      "- [ ] tilde #no",
      "~~~",
      "<!--",
      "- [ ] html #no",
      "-->",
      "%%",
      "- [ ] comment #yes",
      "%%",
      "- [ ] real `#no` #real",
    ].join("\n");
    const meta = computeMetadata(text);
    expect(meta.listItems?.map((item) => item.position.start.line)).toStrictEqual([12]);
    expect(meta.tags?.map((tag) => tag.tag)).toStrictEqual(["#yes", "#real"]);
    expect(meta.sections?.map((section) => section.type)).toStrictEqual(["code", "code", "html", "comment", "list"]);
  });
});

describe("computeMetadata front matter edge cases", () => {
  it("gives a yaml section but no frontmatter for invalid YAML, without throwing", () => {
    const meta = computeMetadata("---\ntitle: [unclosed\n---\nBody\n");
    expect(meta.sections?.[0]).toStrictEqual({ type: "yaml", position: span("---\ntitle: [unclosed\n---\n", 0, 0, 3, 2) });
    expect(meta.frontmatter).toBeUndefined();
    expect(meta.frontmatterPosition).toBeUndefined();
    expect(meta.frontmatterLinks).toBeUndefined();
  });

  it("keeps empty values as null and does not look for front matter below the first line", () => {
    expect(computeMetadata("---\nnext:\ncount: 3\n---\n").frontmatter).toStrictEqual({ next: null, count: 3 });
    expect(computeMetadata("\n---\na: 1\n---\n").frontmatter).toBeUndefined();
  });

  it("reads tags and aliases as Obsidian does", () => {
    expect(parseFrontMatterTags({ tags: "one, two" })).toStrictEqual([]);
    expect(parseFrontMatterTags({ tags: ["#a", "b/c", "12"] })).toStrictEqual(["#a", "#b/c"]);
    expect(parseFrontMatterTags({ tags: null })).toBeNull();
    expect(parseFrontMatterTags(undefined)).toBeNull();
    expect(parseFrontMatterAliases({ aliases: "Anya" })).toStrictEqual(["Anya"]);
    expect(parseFrontMatterAliases({})).toBeNull();
    expect(getAllTags({})).toStrictEqual([]);
  });
});

describe("computeMetadata on arbitrary text", () => {
  const piece = fc.constantFrom(
    "- ", "* ", "1. ", "2) ", "[ ] ", "[x] ", "> ", "[!note] ", "# ", "## ", "```", "~~~", "%%", "$$",
    "---", "<!--", "-->", "<div>", "[[", "]]", "|", "[", "](", ")", "#", "#tag", "`", "\\", "==", "**",
    "text", " ", "  ", "    ", "\t", "\n", "\r\n", "\n\n", "\u200b", "📅", "^id", "[^1]: ", "| a |", "|---|",
  );
  const note = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(""));

  it("never throws, and every position's line and column match its offset", () => {
    fc.assert(
      fc.property(note, (text) => {
        const meta = computeMetadata(text);
        const check = (pos: Pos): void => {
          for (const loc of [pos.start, pos.end]) {
            const lineStart = loc.offset - loc.col;
            expect(loc.col).toBeGreaterThanOrEqual(0);
            expect(text.slice(lineStart, loc.offset)).not.toMatch(/[\r\n]/);
            expect(lineStart === 0 || text[lineStart - 1] === "\n").toBe(true);
            expect(text.slice(0, lineStart).split("\n").length - 1).toBe(loc.line);
          }
          expect(pos.end.offset).toBeGreaterThanOrEqual(pos.start.offset);
        };
        const lines = new Set(meta.listItems?.map((item) => item.position.start.line));
        for (const item of meta.listItems ?? []) {
          check(item.position);
          expect(item.parent < 0 || lines.has(item.parent)).toBe(true);
        }
        for (const list of [meta.sections, meta.headings, meta.tags, meta.links, meta.embeds]) {
          for (const entry of list ?? []) check(entry.position);
        }
        for (const tag of meta.tags ?? []) expect(text.slice(tag.position.start.offset, tag.position.end.offset)).toBe(tag.tag);
        for (const link of meta.links ?? []) {
          expect(text.slice(link.position.start.offset, link.position.end.offset)).toBe(link.original);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
