import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { appendToQueue, readQueue, removeFromQueue } from "../../src/domain/queue";
import { RUNS } from "../properties";

const person = `---
type: person
relationship: report
---
Backend engineer on Payments.

## Next 1:1
- Ask how the conference talk went
- [ ] Agree on the RFC review date
* On-call swap
  - she asked for the first week off
  - check with Sam

  continued after a blank line
1. numbered one

## Notes
- not a talking point
`;

describe("readQueue", () => {
  it("reads the items under the heading, children with them", () => {
    expect(readQueue(person)).toEqual([
      "- Ask how the conference talk went",
      "- [ ] Agree on the RFC review date",
      "* On-call swap\n  - she asked for the first week off\n  - check with Sam\n\n  continued after a blank line",
      "1. numbered one",
    ]);
  });

  it.each<[string, string, string[]]>([
    ["no heading", "# Anya\n- a\n", []],
    ["empty queue", "## Next 1:1\n\n## Notes\n- a\n", []],
    ["any level, any case", "## next 1:1 ##\n- a\n### Sub\n- b\n## Other\n- c", ["- a", "- b"]],
    ["a deeper heading ends it", "#### Next 1:1\n- a\n### Sub\n- b", ["- a"]],
    ["stops at a higher heading", "### Next 1:1\n- a\n## Up\n- b", ["- a"]],
    ["skips text that is not a list", "## Next 1:1\nSome words\n- a\n\nMore words\n- b\n", ["- a", "- b"]],
    ["keeps lazy continuation lines", "## Next 1:1\n- a\nmore of a\n- b\n", ["- a\nmore of a", "- b"]],
    ["a list after a paragraph", "## Next 1:1\n- a\n\nText\n\n  - b\n", ["- a", "  - b"]],
    ["ignores code", "```\n## Next 1:1\n- no\n```\n## Next 1:1\n- yes\n```\n- code\n```\n", ["- yes"]],
    ["ignores front matter", "---\ntitle: x\n---\n## Next 1:1\n- a", ["- a"]],
    ["CRLF", "## Next 1:1\r\n- a\r\n  - child\r\n- b\r\n", ["- a\n  - child", "- b"]],
    ["indented list", "## Next 1:1\n  - a\n    - child\n  - b\n", ["  - a\n    - child", "  - b"]],
    ["tab children", "## Next 1:1\n- a\n\t- child\n", ["- a\n\t- child"]],
    ["empty item", "## Next 1:1\n-\n- b\n", ["-", "- b"]],
  ])("%s", (_name, text, expected) => {
    expect(readQueue(text)).toEqual(expected);
  });

  it("reads another heading when asked", () => {
    expect(readQueue("## Topics\n- a\n## Next 1:1\n- b\n", "Topics")).toEqual(["- a"]);
  });
});

describe("appendToQueue", () => {
  it.each<[string, string, string, string]>([
    ["after the last item", "## Next 1:1\n- a\n- b\n\n## Notes\n", "c", "## Next 1:1\n- a\n- b\n- c\n\n## Notes\n"],
    ["after children", "## Next 1:1\n- a\n  - child\n## Notes\n", "c", "## Next 1:1\n- a\n  - child\n- c\n## Notes\n"],
    ["under an empty heading", "# A\n## Next 1:1\n\n## Notes\n", "c", "# A\n## Next 1:1\n- c\n\n## Notes\n"],
    ["after text in an empty queue", "## Next 1:1\nTopics:\n\n## Notes", "c", "## Next 1:1\nTopics:\n- c\n\n## Notes"],
    ["at the end without a final newline", "## Next 1:1\n- a", "c", "## Next 1:1\n- a\n- c"],
    ["creates the heading", "# Anya\nText\n", "c", "# Anya\nText\n\n## Next 1:1\n- c\n"],
    ["creates it after a blank line", "# Anya\n\n", "c", "# Anya\n\n## Next 1:1\n- c\n"],
    ["creates it without a final newline", "# Anya", "c", "# Anya\n\n## Next 1:1\n- c\n"],
    ["creates it in an empty note", "", "c", "## Next 1:1\n- c\n"],
    ["keeps a task a task", "## Next 1:1\n", "- [ ] do it", "## Next 1:1\n- [ ] do it\n"],
    ["adds a marker to a bare task", "## Next 1:1\n", "[ ] do it", "## Next 1:1\n- [ ] do it\n"],
    ["keeps the list's marker", "## Next 1:1\n* a\n", "- b", "## Next 1:1\n* a\n* b\n"],
    ["a sibling of the last item", "## Next 1:1\n  - a\n1. b\n", "c", "## Next 1:1\n  - a\n1. b\n2. c\n"],
    ["numbers a numbered list", "## Next 1:1\n1. a\n2) b\n", "c", "## Next 1:1\n1. a\n2) b\n3) c\n"],
    ["keeps the list's indentation", "## Next 1:1\n  - a\n", "b\nmore", "## Next 1:1\n  - a\n  - b\n    more\n"],
    ["CRLF", "# A\r\n## Next 1:1\r\n- a\r\n", "b", "# A\r\n## Next 1:1\r\n- a\r\n- b\r\n"],
    ["CRLF new heading", "# A\r\n", "b", "# A\r\n\r\n## Next 1:1\r\n- b\r\n"],
    ["ignores blank items", "# A\n", "  \n ", "# A\n"],
    ["closes a code block left open", "# A\n```\ncode", "c", "# A\n```\ncode\n```\n\n## Next 1:1\n- c\n"],
  ])("%s", (_name, text, item, expected) => {
    expect(appendToQueue(text, item)).toBe(expected);
  });
});

describe("removeFromQueue", () => {
  it("removes exactly the given items and leaves the heading", () => {
    const items = readQueue(person);
    const later = appendToQueue(person, "Added meanwhile");
    const result = removeFromQueue(later, items);
    expect(result).toBe(
      "---\ntype: person\nrelationship: report\n---\nBackend engineer on Payments.\n\n## Next 1:1\n2. Added meanwhile\n\n## Notes\n- not a talking point\n",
    );
    expect(readQueue(result)).toEqual(["2. Added meanwhile"]);
  });

  it.each<[string, string, string[], string]>([
    ["one of two", "## Next 1:1\n- a\n- b\n", ["- b"], "## Next 1:1\n- a\n"],
    ["one copy of a repeated item", "## Next 1:1\n- a\n- a\n", ["- a"], "## Next 1:1\n- a\n"],
    ["nothing unknown", "## Next 1:1\n- a\n", ["- z", "a"], "## Next 1:1\n- a\n"],
    ["not outside the queue", "## Notes\n- a\n## Next 1:1\n- b\n", ["- a"], "## Notes\n- a\n## Next 1:1\n- b\n"],
    ["the last line without newline", "## Next 1:1\n- a\n- b", ["- b"], "## Next 1:1\n- a"],
    ["CRLF items", "## Next 1:1\r\n- a\r\n  - c\r\n- b\r\n", ["- a\n  - c"], "## Next 1:1\r\n- b\r\n"],
    ["items given with CRLF", "## Next 1:1\n- a\n  - c\n", ["- a\r\n  - c"], "## Next 1:1\n"],
  ])("%s", (_name, text, items, expected) => {
    expect(removeFromQueue(text, items)).toBe(expected);
  });

  it("returns the text untouched without a queue", () => {
    expect(removeFromQueue("# A\n- a\n", ["- a"])).toBe("# A\n- a\n");
  });
});

const noteLine = fc.oneof(
  fc.constantFrom("## Next 1:1", "## Notes", "# Anya", "- old item", "  - child", "* star", "1. one", "", "text", "```", "---"),
  fc.string({ maxLength: 10 }).filter((s) => !s.includes("\n") && !s.includes("\r")),
);
const note = fc
  .tuple(fc.array(noteLine, { maxLength: 15 }), fc.constantFrom("\n", "\r\n"), fc.boolean())
  .map(([lines, eol, final]) => lines.join(eol) + (final && lines.length > 0 ? eol : ""));
const topic = fc.stringMatching(/^[A-Za-z][A-Za-z ?]{0,15}$/).map((s) => s.trim());

describe("queue properties", () => {
  it("append adds one item at the end of the queue and keeps every other byte", () => {
    fc.assert(
      fc.property(note, topic, (text, item) => {
        const before = readQueue(text);
        const after = appendToQueue(text, item);
        const queue = readQueue(after);
        expect(queue.slice(0, before.length)).toEqual(before);
        expect(queue.length).toBe(before.length + 1);
        expect(queue[queue.length - 1]).toMatch(new RegExp(`^\\s*(?:[-*+]|\\d+[.)]) ${item.replace(/\?/g, "\\?")}$`));
        // Only insertions: the old text is the new one with the added characters taken out.
        let i = 0;
        for (const char of after) if (i < text.length && char === text[i]) i++;
        expect(i).toBe(text.length);
        if (text.includes("\r\n")) expect(after.replace(/\r\n/g, "").includes("\n")).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it("removing what was appended gives the note back byte for byte", () => {
    fc.assert(
      fc.property(note, topic, (text, item) => {
        const after = appendToQueue(text, item);
        const added = readQueue(after).slice(-1);
        fc.pre(readQueue(text).every((existing) => existing !== added[0]));
        const removed = removeFromQueue(after, added);
        const created = after.split("Next 1:1").length > text.split("Next 1:1").length;
        if (!created) {
          expect(removed).toBe(text);
        } else {
          // The heading was created: it stays, the rest of the note is as it was.
          expect(removed.startsWith(text)).toBe(true);
          expect(readQueue(removed)).toEqual([]);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("removing the items read leaves an empty queue and everything else", () => {
    fc.assert(
      fc.property(note, (text) => {
        const items = readQueue(text);
        const removed = removeFromQueue(text, items);
        expect(readQueue(removed)).toEqual([]);
        expect(removed.length).toBeLessThanOrEqual(text.length);
        // What is left is a subsequence of the lines of the original.
        let i = 0;
        const lines = text.split("\n");
        for (const line of removed.split("\n")) {
          while (i < lines.length && lines[i] !== line && lines[i] !== line + "\r") i++;
          expect(i).toBeLessThan(lines.length);
          i++;
        }
      }),
      { numRuns: RUNS },
    );
  });
});
