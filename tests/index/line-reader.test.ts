import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LineReader } from "../../src/index/records";
import { RUNS } from "../properties";

describe("LineReader", () => {
  it("gives the lines that split would, in any order asked", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "\n", "\r", " ", "é", "- [ ] x"), { maxLength: 40 }), fc.array(fc.integer({ min: -2, max: 25 }), { maxLength: 12 }), (parts, asked) => {
        const text = parts.join("");
        const lines = text.split("\n");
        const reader = new LineReader(text);
        for (const n of asked) expect(reader.line(n)).toBe(n >= 0 && n < lines.length ? lines[n] : null);
      }),
      { numRuns: RUNS },
    );
  });

  it("reads the last line without a line break, and an empty text as one empty line", () => {
    expect(new LineReader("a\nb").line(1)).toBe("b");
    expect(new LineReader("a\n").line(1)).toBe("");
    expect(new LineReader("").line(0)).toBe("");
    expect(new LineReader("").line(1)).toBeNull();
  });
});
