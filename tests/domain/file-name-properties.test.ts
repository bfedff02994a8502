// A person's name, whatever it is, becomes a note name that every platform Obsidian runs on
// accepts; two different names that would end up in one file are always told apart. The rules of
// each platform are written out here on their own, without the implementation's helpers.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fileNameCollision, fileNameKey, nameClash, personNotePath, safeFileName } from "../../src/domain/paths";
import { RUNS } from "../properties";

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;
const codePoints = (text: string) => Array.from(text, (c) => c.codePointAt(0) ?? 0);

/** What each platform refuses in a file name (the note is `<name>.md`). */
const PLATFORMS: Record<string, (file: string) => string | null> = {
  linux: (file) => (file.includes("/") || file.includes(String.fromCharCode(0)) ? "slash or NUL" : utf8Bytes(file) > 255 ? "longer than 255 bytes" : null),
  windows: (file) => {
    if (/[<>:"/\\|?*]/.test(file)) return "reserved character";
    if (codePoints(file).some((c) => c < 0x20)) return "control character";
    if (/[. ]$/.test(file)) return "trailing dot or space";
    const stem = (file.split(".")[0] ?? "").trimEnd();
    if (/^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i.test(stem)) return "device name";
    if (file.length > 255) return "longer than 255 UTF-16 units";
    return null;
  },
  macos: (file) => (/[/:]/.test(file) ? "slash or colon" : utf8Bytes(file) > 255 ? "longer than 255 bytes" : null),
  ios: (file) => (/[/:]/.test(file) ? "slash or colon" : utf8Bytes(file) > 255 ? "longer than 255 bytes" : null),
  // Android's shared storage and SD cards use FAT32 or exFAT rules.
  android: (file) => {
    if (/["*/:<>?\\|]/.test(file)) return "reserved character";
    if (codePoints(file).some((c) => c < 0x20 || c === 0x7f)) return "control character";
    if (file.length > 255) return "longer than 255 UTF-16 units";
    return null;
  },
  // Obsidian itself: links break on these, a leading dot hides the note.
  obsidian: (file) => {
    if (/[#^[\]|]/.test(file)) return "breaks links";
    if (file.startsWith(".")) return "hidden";
    return null;
  },
  // Any platform: the bytes must be valid UTF-8, the name must not pretend to be another.
  unicode: (file) => {
    for (let i = 0; i < file.length; i++) {
      const c = file.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        const next = file.charCodeAt(i + 1);
        if (!(next >= 0xdc00 && next <= 0xdfff)) return "lone surrogate";
        i++;
      } else if (c >= 0xdc00 && c <= 0xdfff) return "lone surrogate";
    }
    if (/[\u202a-\u202e\u2066-\u2069\ufeff]/.test(file)) return "bidi override";
    if (file !== file.normalize("NFC")) return "not NFC (macOS and Linux would store different names)";
    if (/^\s|\s$/.test(file.slice(0, -3))) return "leading or trailing space";
    return null;
  },
};

function platformProblems(name: string): string[] {
  const file = `${name}.md`;
  return Object.entries(PLATFORMS).flatMap(([platform, check]) => {
    const problem = check(file);
    return problem ? [`${platform}: ${problem}`] : [];
  });
}

/** Any Unicode text: UTF-16 units (lone surrogates too), whole graphemes, and the troublemakers. */
const anyName = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 150 }),
  fc.string({ unit: "binary-ascii", maxLength: 60 }),
  fc.string({
    unit: fc.constantFrom(".", " ", "/", "\\", ":", "C", "o", "N", "1", "#", "^", "[", "]", "|", "\u0301", "e", "😀", "\t", "\ud800", "\u202e", "\ufeff", "¹", "$", "I", "n"),
    maxLength: 40,
  }),
  fc.constantFrom("CON", "con.md", "Nul .txt", "COM¹", "CONIN$", "..", ".", " . ", "\u202eevil", "e\u0301".repeat(200), "😀".repeat(70), "é".repeat(130)),
);

describe("safe file names on every platform", () => {
  it("are valid on Windows, macOS, Linux, iOS and Android, and in Obsidian", () => {
    fc.assert(
      fc.property(anyName, (name) => {
        const safe = safeFileName(name);
        if (safe === "") return;
        expect(platformProblems(safe)).toEqual([]);
        expect(safe === "." || safe === "..").toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it("are empty only when the name has no letter, digit or symbol to keep", () => {
    fc.assert(
      fc.property(anyName, (name) => {
        const visible = Array.from(name.normalize("NFC")).filter((char) => {
          const code = char.codePointAt(0) ?? 0;
          const dropped = code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
          return !dropped && code !== 0xfeff && !(code >= 0xd800 && code <= 0xdfff) && !/[\\/:*?"<>|#^[\]\s.]/.test(char);
        });
        if (visible.length > 0) expect(safeFileName(name)).not.toBe("");
      }),
      { numRuns: RUNS },
    );
  });

  it("are stable: a safe name stays as it is", () => {
    fc.assert(
      fc.property(anyName, (name) => {
        const safe = safeFileName(name);
        expect(safeFileName(safe)).toBe(safe);
        expect(fileNameKey(safe)).toBe(fileNameKey(name));
      }),
      { numRuns: RUNS },
    );
  });

  it("give a person note inside the people folder", () => {
    fc.assert(
      fc.property(anyName, fc.constantFrom("People", "Work/People", ""), (name, folder) => {
        const path = personNotePath({ folder, name });
        if (safeFileName(name) === "") {
          expect(path).toBe("");
          return;
        }
        expect(path.startsWith(folder === "" ? "" : `${folder}/`)).toBe(true);
        expect(path.slice(folder === "" ? 0 : folder.length + 1)).toBe(`${safeFileName(name)}.md`);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("two people never share a file silently", () => {
  /** Names made of few letters and the characters a file name loses, so that clashes are common. */
  const clashy = fc.string({ unit: fc.constantFrom("k", "K", "i", "m", " ", ":", "/", "?", ".", "é", "e\u0301", "#"), maxLength: 8 });

  it("nameClash names the other person whenever the file would be the same", () => {
    fc.assert(
      fc.property(clashy, fc.uniqueArray(clashy, { maxLength: 6 }), (name, taken) => {
        const clash = nameClash(name, taken);
        const typed = (text: string) => text.normalize("NFC").replace(/\s+/g, " ").trim();
        const samePerson = taken.some((other) => typed(other) === typed(name));
        const sameFile = taken.filter((other) => safeFileName(name) !== "" && fileNameKey(other) === fileNameKey(name));
        if (samePerson || sameFile.length === 0) {
          expect(clash).toBeNull();
        } else {
          expect(sameFile).toContain(clash);
          expect(fileNameCollision(name, clash ?? "")).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("names that differ only in case, punctuation a file cannot hold or Unicode form clash", () => {
    expect(nameClash("Kim: the builder", ["Kim the builder"])).toBe("Kim the builder");
    expect(nameClash("kim lee", ["Kim Lee"])).toBe("Kim Lee");
    expect(nameClash("Kim/Lee", ["Kim Lee"])).toBe("Kim Lee");
    // The same name, however it was typed, is the same person.
    expect(nameClash("Ze\u0301", ["Zé"])).toBeNull();
    expect(nameClash("  Kim   Lee ", ["Kim Lee"])).toBeNull();
    expect(nameClash("Kim Lee", ["Kim Lee", "kim lee"])).toBeNull();
    expect(nameClash("Kim", ["Kimberly"])).toBeNull();
  });
});
