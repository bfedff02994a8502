import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MAX_FILE_NAME_BYTES,
  fileNameCollision,
  fileNameKey,
  isSafeFileName,
  logNotePath,
  meetingNotePath,
  normalizeVaultPath,
  personNotePath,
  safeFileName,
  utf8ByteLength,
  validatePattern,
} from "../../src/domain/paths";
import { RUNS } from "../properties";

/** Every rule a safe name must follow, checked independently of the implementation. */
function problemsOf(name: string): string[] {
  const problems: string[] = [];
  if (/[\\/:*?"<>|#^[\]]/.test(name)) problems.push("forbidden character");
  for (const char of name) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) problems.push("control character");
    if (code >= 0xd800 && code <= 0xdfff) problems.push("lone surrogate");
  }
  if (name.startsWith(".")) problems.push("leading dot");
  if (name.includes("..")) problems.push("..");
  if (/[. ]$/.test(name)) problems.push("trailing dot or space");
  if (/^\s/.test(name)) problems.push("leading space");
  const stem = name.split(".")[0]?.trimEnd() ?? "";
  if (/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i.test(stem)) problems.push("reserved name");
  if (new TextEncoder().encode(name).length > MAX_FILE_NAME_BYTES) problems.push("too long");
  if (name !== name.normalize("NFC")) problems.push("not NFC");
  return problems;
}

describe("safeFileName", () => {
  it.each([
    ["Anya Petrova", "Anya Petrova"],
    ["  Anya   Petrova  ", "Anya Petrova"],
    ["Anya/Petrova", "Anya Petrova"],
    ["Anya: PM", "Anya PM"],
    ['a\\b/c:d*e?f"g<h>i|j#k^l[m]n', "a b c d e f g h i j k l m n"],
    ["[[Anya]]", "Anya"],
    ["Tab\there", "Tab here"],
    ["line\nbreak", "line break"],
    ["\u0000name\u007f", "name"],
    [".hidden", "hidden"],
    ["...dots", "dots"],
    ["Mr.. Smith", "Mr. Smith"],
    ["trailing. . .", "trailing"],
    ["O'Brien, Seán", "O'Brien, Seán"],
    ["CON", "CON_"],
    ["con", "con_"],
    ["Nul.txt", "Nul_.txt"],
    ["com1", "com1_"],
    ["LPT9", "LPT9_"],
    ["COM¹", "COM¹_"],
    ["Connor", "Connor"],
    ["AUX Team", "AUX Team"],
    ["e\u0301", "é"],
    ["\u202eevil\u202c", "evil"],
    ["👩‍💻 Dev", "👩‍💻 Dev"],
    ["###", ""],
    ["", ""],
    ["   ", ""],
    ["..", ""],
    ["\ud800lone", "lone"],
  ])("%j → %j", (name, expected) => {
    expect(safeFileName(name)).toBe(expected);
  });

  it("cuts long names to 200 bytes without splitting a character", () => {
    const emoji = "😀".repeat(60); // 4 bytes each
    const cut = safeFileName(emoji);
    expect(utf8ByteLength(cut)).toBe(200);
    expect(cut).toBe("😀".repeat(50));
    const mixed = "é".repeat(101); // 2 bytes each
    expect(utf8ByteLength(safeFileName(mixed))).toBe(200);
    const odd = "a" + "€".repeat(100); // 1 + 3n
    const oddCut = safeFileName(odd);
    expect(utf8ByteLength(oddCut)).toBe(199);
    expect(oddCut.endsWith("€")).toBe(true);
  });

  it("removes a trailing space or dot left by the cut", () => {
    const name = "a".repeat(199) + " b";
    expect(safeFileName(name)).toBe("a".repeat(199));
  });

  it("gives a safe name for any string (property)", () => {
    const anyText = fc.oneof(
      fc.string({ unit: "binary", maxLength: 300 }),
      fc.string({ unit: "grapheme", maxLength: 120 }),
      fc.string({ unit: fc.constantFrom(".", " ", "/", "C", "O", "N", "#", "\u0301", "e", "😀", "\t", "[", "\ud800"), maxLength: 80 }),
    );
    fc.assert(
      fc.property(anyText, (name) => {
        const safe = safeFileName(name);
        expect(problemsOf(safe)).toEqual([]);
        expect(safeFileName(safe)).toBe(safe);
        expect(safe === "" || isSafeFileName(safe)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("keeps safe names as they are (property)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ,'()&-]{0,40}[A-Za-z0-9)]$/), (name) => {
        fc.pre(!/ {2}/.test(name) && problemsOf(name).length === 0);
        expect(safeFileName(name)).toBe(name);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("isSafeFileName", () => {
  it.each<[string, boolean]>([
    ["Anya Petrova", true],
    ["", false],
    ["a/b", false],
    ["CON", false],
    ["x.", false],
    ["e\u0301", false],
  ])("%j → %s", (name, expected) => {
    expect(isSafeFileName(name)).toBe(expected);
  });
});

describe("fileNameCollision", () => {
  it.each<[string, string, boolean]>([
    ["Anya: PM", "Anya PM", true],
    ["anya petrova", "Anya Petrova", true],
    ["Anya/Petrova", "Anya Petrova", true],
    ["e\u0301mile", "émile", true],
    ["Anya", "Anya", false],
    ["Anya", "Anna", false],
    ["###", "[[]]", false],
  ])("%j vs %j → %s", (a, b, expected) => {
    expect(fileNameCollision(a, b)).toBe(expected);
    expect(fileNameCollision(b, a)).toBe(expected);
  });

  it("detects every pair that would share a file (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (a, b) => {
        const same = safeFileName(a).toLowerCase() === safeFileName(b).toLowerCase() && safeFileName(a) !== "";
        expect(fileNameCollision(a, b)).toBe(same && a !== b);
        if (fileNameCollision(a, b)) expect(fileNameKey(a)).toBe(fileNameKey(b));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("normalizeVaultPath", () => {
  it.each([
    ["/1-1s//Anya/", "1-1s/Anya"],
    ["a\\b", "a/b"],
    ["", ""],
    ["/", ""],
    ["a\u00a0b", "a b"],
  ])("%j → %j", (path, expected) => {
    expect(normalizeVaultPath(path)).toBe(expected);
  });
});

describe("meetingNotePath", () => {
  const base = { folder: "1-1s", personName: "Anya Petrova", date: "2026-11-21" };
  it.each<[string, string | undefined, string]>([
    ["default", undefined, "1-1s/Anya Petrova/2026-11-21 Anya Petrova.md"],
    ["empty pattern", "", "1-1s/Anya Petrova/2026-11-21 Anya Petrova.md"],
    ["the date alone", "{{person}}/{{date}}", "1-1s/Anya Petrova/2026-11-21.md"],
    ["date first", "{{date}} {{person}}", "1-1s/2026-11-21 Anya Petrova.md"],
    ["year folders", "{{year}}/{{month}}/{{date}} {{person}}", "1-1s/2026/11/2026-11-21 Anya Petrova.md"],
    ["day", "{{person}}/{{year}}-{{month}}-{{day}}", "1-1s/Anya Petrova/2026-11-21.md"],
    ["spaces in braces", "{{ person }}/{{ date }}", "1-1s/Anya Petrova/2026-11-21.md"],
    ["extension given", "{{person}}/{{date}}.md", "1-1s/Anya Petrova/2026-11-21.md"],
    ["slashes", "/{{person}}//{{date}}/", "1-1s/Anya Petrova/2026-11-21.md"],
    ["literal text", "1-1 {{person}} {{date}}", "1-1s/1-1 Anya Petrova 2026-11-21.md"],
    ["dot-dot made harmless", "../{{person}}/{{date}}", "1-1s/Anya Petrova/2026-11-21.md"],
  ])("%s", (_name, pattern, expected) => {
    expect(meetingNotePath({ ...base, pattern })).toBe(expected);
  });

  it("never lets a name create folders or escape", () => {
    expect(meetingNotePath({ ...base, personName: "../../etc/passwd" })).toBe("1-1s/etc passwd/2026-11-21 etc passwd.md");
    expect(meetingNotePath({ ...base, personName: "A/B: C" })).toBe("1-1s/A B C/2026-11-21 A B C.md");
  });

  it("puts notes in the vault root when the folder is empty", () => {
    expect(meetingNotePath({ ...base, folder: "" })).toBe("Anya Petrova/2026-11-21 Anya Petrova.md");
    expect(meetingNotePath({ ...base, folder: "/" })).toBe("Anya Petrova/2026-11-21 Anya Petrova.md");
    expect(meetingNotePath({ ...base, folder: "Work/1-1s/" })).toBe("Work/1-1s/Anya Petrova/2026-11-21 Anya Petrova.md");
  });

  it("drops parts left empty", () => {
    expect(meetingNotePath({ ...base, personName: "###" })).toBe("1-1s/2026-11-21.md");
  });

  it("always gives a normalized path inside the folder ending in .md (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (personName, pattern) => {
        const path = meetingNotePath({ folder: "1-1s", personName, pattern, date: "2026-11-21" });
        expect(path.startsWith("1-1s/")).toBe(true);
        expect(path.endsWith(".md")).toBe(true);
        expect(path).toBe(normalizeVaultPath(path));
        for (const segment of path.slice("1-1s/".length, -3).split("/")) expect(isSafeFileName(segment)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("logNotePath and personNotePath", () => {
  it("names notes after the person", () => {
    // A log never takes the person note's own name: [[Anya Petrova]] stays her note.
    expect(logNotePath({ folder: "1-1s", personName: "Anya Petrova" })).toBe("1-1s/Anya Petrova 1-1s.md");
    expect(personNotePath({ folder: "People", name: "Anya Petrova" })).toBe("People/Anya Petrova.md");
    expect(personNotePath({ folder: "", name: "Anya: PM" })).toBe("Anya PM.md");
  });

  it("gives an empty path for a name with nothing usable", () => {
    expect(logNotePath({ folder: "1-1s", personName: "###" })).toBe("");
    expect(personNotePath({ folder: "People", name: "" })).toBe("");
  });
});

describe("validatePattern", () => {
  it.each<[string, RegExp | null]>([
    ["{{person}}/{{date}}", null],
    ["{{date}} {{person}}", null],
    ["{{year}}/{{ person }}/{{date}}", null],
    ["", /empty/],
    ["/{{person}}/{{date}}", /absolute/],
    ["C:/{{person}}/{{date}}", /absolute/],
    ["../{{person}}/{{date}}", /\.\./],
    ["{{person}}/../{{date}}", /\.\./],
    ["{{person}}", /\{\{date\}\}/],
    ["{{year}}-{{month}}-{{day}} {{person}}", /\{\{date\}\}/],
    ["{{date}}", /\{\{person\}\}/],
    ["{{person}}/{{title}} {{date}}", /Unknown placeholder \{\{title\}\}/],
    ["{{person}}/{{date}}}", /brace/],
    ["{{person}}/{date}", /brace/],
  ])("%j", (pattern, expected) => {
    const problem = validatePattern(pattern);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});
