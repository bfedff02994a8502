import { describe, expect, it } from "vitest";
import { inRanges, privateLineRanges } from "../../src/domain/private-sections";

describe("privateLineRanges", () => {
  it("covers a private section down to the next heading of its level", () => {
    const text = [
      "# 1:1", //             0
      "## Check-in", //       1
      "Fine.", //             2
      "## Private notes", //  3
      "Tired.", //            4
      "### Details", //       5
      "Sleeps badly.", //     6
      "## Agreements", //     7
      "- [ ] @me x", //       8
    ].join("\n");
    expect(privateLineRanges(text, ["Private notes"])).toEqual([{ from: 3, to: 6 }]);
  });

  it("knows headings with the word private, and runs to the end of the note", () => {
    const text = "## Notes\r\nok\r\n## 🔒 Private Manager Notes\r\nsecret\r\n";
    expect(privateLineRanges(text, [])).toEqual([{ from: 2, to: 4 }]);
  });

  it("ignores headings inside code", () => {
    expect(privateLineRanges("```\n## Private notes\n```\ntext", ["Private notes"])).toEqual([]);
  });

  it("covers each private section of a running log", () => {
    const text = "## 2026-11-21\n### Private notes\na\n## 2026-11-14\n### Check-in\nb\n### Private notes\nc";
    const ranges = privateLineRanges(text, ["Private notes"]);
    expect(ranges).toEqual([
      { from: 1, to: 2 },
      { from: 6, to: 7 },
    ]);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((line) => inRanges(line, ranges))).toEqual([false, true, true, false, false, false, true, true]);
  });
});
