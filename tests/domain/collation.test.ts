import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  COLLATOR,
  compareNames,
  compareSortText,
  foldForSearch,
  quickCompare,
  matchesWords,
  searchWords,
  sortText,
} from "../../src/domain/collation";
import { RUNS } from "../properties";

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

/** Characters that exercise every path: plain letters, accents, letters of their own, expansions,
 * punctuation, digits, combining marks (after Latin and Cyrillic letters and alone), other scripts. */
const TRICKY = [
  ..." abcenoxyzABEZ",
  ..."éèëÉñçåÅøØłŁßæÆœĳŋþðđıſ",
  ..."аеёжзийкяАЁЙЯіїєґў",
  ..."αβσςΩ",
  ..."'’-.,()#&_/@~",
  ..."0123456789",
  "e\u0301",
  "e\u0363",
  "\u0438\u0306",
  "\u0301",
  "ŉ",
  "İ",
  "ǅ",
  "中",
  "😀",
];
const trickyText = fc.array(fc.constantFrom(...TRICKY), { maxLength: 8 }).map((parts) => parts.join(""));

describe("compareNames", () => {
  it("ignores case and accents: Émile sorts between Eddie and Frank", () => {
    const names = ["Frank", "Émile", "eddie", "Emily", "Zoë", "zoe"];
    const sorted = [...names].sort(compareNames);
    expect(sorted.indexOf("Émile")).toBeGreaterThan(sorted.indexOf("eddie"));
    expect(sorted.indexOf("Émile")).toBeLessThan(sorted.indexOf("Frank"));
    expect(compareNames("Zoë", "zoe")).toBe(0);
    expect(compareNames("ÉMILE", "emile")).toBe(0);
  });

  it("puts Cyrillic after Latin and keeps the Russian alphabet", () => {
    const names = ["Юлия", "Анна", "Zoe", "Ёжиков", "Егор", "Adam", "Йоган", "Иван"];
    expect([...names].sort(compareNames)).toEqual(["Adam", "Zoe", "Анна", "Егор", "Ёжиков", "Иван", "Йоган", "Юлия"]);
  });

  it("treats ё as е and й as a letter of its own", () => {
    expect(compareNames("Ёлка", "елка")).toBe(0);
    expect(compareNames("Йоган", "Иоган")).toBeGreaterThan(0);
  });

  it("compares numbers as numbers", () => {
    expect(["Anna 10", "Anna 2", "Anna 1"].sort(compareNames)).toEqual(["Anna 1", "Anna 2", "Anna 10"]);
    expect(compareNames("Team 007", "Team 7")).toBe(0);
  });

  it("reads decomposed letters like composed ones", () => {
    expect(compareNames("E\u0301mile", "Émile")).toBe(0);
    expect(compareNames("\u0418\u0306оган", "Йоган")).toBe(0);
  });
});

describe("sortText", () => {
  it.each([
    "anya petrova",
    "Émile O'Brien-Smith",
    "Anna 2",
    "Анна Иванова",
    "Ólafur Søren Łukasz",
    "Straße (payments), #team/core",
    "Ёжиков Юрий",
    "Αλέξανδρος Παπαδόπουλος",
  ])("has a key for %j", (name) => {
    expect(sortText(name).key).not.toBeNull();
  });

  it.each(["中文", "😀 party", "x\u0363"])("leaves %j to the collator", (text) => {
    expect(sortText(text).key).toBeNull();
  });

  it("orders as the collator does, with or without a key", () => {
    fc.assert(
      fc.property(trickyText, trickyText, (a, b) => {
        expect(sign(compareSortText(sortText(a), sortText(b)))).toBe(sign(COLLATOR.compare(a, b)));
      }),
      { numRuns: Math.max(RUNS, 3000) },
    );
  });

  it("orders as the collator does for any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 6 }), fc.string({ unit: "grapheme", maxLength: 6 }), (a, b) => {
        expect(sign(compareSortText(sortText(a), sortText(b)))).toBe(sign(COLLATOR.compare(a, b)));
      }),
      { numRuns: Math.max(RUNS, 2000) },
    );
  });

  it("is a total order: a list and its reverse sort the same", () => {
    fc.assert(
      fc.property(fc.array(trickyText, { maxLength: 30 }), (texts) => {
        const once = texts.map(sortText).sort(compareSortText);
        const again = [...texts].reverse().map(sortText).sort(compareSortText);
        once.forEach((text, i) => expect(compareSortText(text, again[i]!)).toBe(0));
        for (let i = 1; i < once.length; i++) expect(compareSortText(once[i - 1]!, once[i]!)).toBeLessThanOrEqual(0);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("quickCompare", () => {
  it.each([
    ["send the rfc", "Send the RFC", 0],
    ["review", "send", -1],
    ["Zed", "anya", 1],
    ["ab", "abc", -1],
    ["ab ", "ab", 1],
    ["a b", "ab", -1],
    ["zoe", "анна", -1],
  ] as const)("%j against %j: %d", (a, b, expected) => {
    expect(quickCompare(a, b)).toBe(expected);
  });

  it.each([
    ["item 2", "item 10"],
    ["émile", "eddie"],
    ["\u0438\u0306a", "\u043aa"],
    ["ab", "ab\u00ad"],
    ["ab", "ab-"],
  ])("leaves %j against %j to the keys", (a, b) => {
    expect(quickCompare(a, b)).toBeNull();
  });

  it("answers as the collator does whenever it answers", () => {
    const simple = fc.array(fc.constantFrom(..." abcdenxyzABNZаеийкяАИЯ"), { maxLength: 6 }).map((parts) => parts.join(""));
    const text = fc.oneof(trickyText, simple, fc.tuple(simple, trickyText).map(([a, b]) => a + b));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const quick = quickCompare(a, b);
        if (quick !== null) expect(quick).toBe(sign(COLLATOR.compare(a, b)));
      }),
      { numRuns: RUNS },
    );
  });

  it("answers for most texts that differ early", () => {
    expect(quickCompare("checks the budget", "reviews the on-call rota")).toBe(-1);
    expect(quickCompare("Позвонить Анне", "позвонить Борису")).toBe(-1);
  });
});

describe("search", () => {
  it.each([
    ["José", "jose"],
    ["Łódź", "lodz"],
    ["Ёлка", "елка"],
    ["Straße", "strasse"],
    ["Søren Ærø", "soren aero"],
    ["E\u0301MILE", "emile"],
    ["Анна ИВАНОВА", "анна иванова"],
    ["plain ascii", "plain ascii"],
    ["中文 Ünï", "中文 uni"],
    // An accented æ or ø folds all the way, as the plain letter does.
    ["Ǣ ǽ Ǿ", "ae ae o"],
  ])("folds %j to %j", (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });

  it("splits a query into folded words", () => {
    expect(searchWords("  José   Pérez ")).toEqual(["jose", "perez"]);
    expect(searchWords("   ")).toEqual([]);
  });

  it("needs every word somewhere", () => {
    const haystack = foldForSearch("Anya Petrova\nBackend engineer\nPayments");
    expect(matchesWords(haystack, searchWords("payments anya"))).toBe(true);
    expect(matchesWords(haystack, searchWords("payments boris"))).toBe(false);
    expect(matchesWords(haystack, [])).toBe(true);
  });

  it("folds once for all, and every word of a text finds the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 12 }), (text) => {
        const folded = foldForSearch(text);
        expect(foldForSearch(folded)).toBe(folded);
        expect(matchesWords(folded, searchWords(text))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
