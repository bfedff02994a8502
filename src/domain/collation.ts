/**
 * Sorting and searching names and other short texts as people expect, fast enough for tens of
 * thousands of items.
 *
 * Order: `Intl.Collator("en", { sensitivity: "base", numeric: true })`. The locale is fixed so that
 * lists (and a copy of them) are ordered the same on every machine: case and accents do not matter
 * ("Émile" sorts between "Eddie" and "Frank"), Latin comes before Greek and Cyrillic, "Anna 2"
 * before "Anna 10".
 *
 * A collator call costs about a microsecond, too much for 30,000 comparisons in a sort. So each
 * text gets a key once (`sortText`) whose plain string order is the collator's order:
 * - lower-case text of Latin letters a–z, Russian letters а–я and spaces is its own key (their code
 *   point order is the collator's);
 * - other characters get keys from a table built from the collator itself on first use:
 *   punctuation a code between the space and the digits; an accented letter the key of its base
 *   letter when the collator takes them as equal (é → e, ё → е); a letter of its own (ŋ, і, α)
 *   the plain letter before it followed by a code above everything else; ß, æ, œ, ĳ two letters;
 * - a run of digits becomes a length marker and the digits without leading zeros, so numbers
 *   compare as numbers.
 * A text with a character outside the table has no key and is compared by the collator itself, so
 * the comparison as a whole is always the collator's.
 *
 * Search: lower case with accents removed ("José" → "jose", "Ёлка" → "елка", "Łódź" → "lodz");
 * every word of the query must occur.
 */

export const COLLATOR = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** Characters below this code may have a key in the table; covers Latin, Greek and Cyrillic. */
const TABLE_SIZE = 0x0530;
/** Digit runs longer than this are left to the collator. */
const MAX_DIGITS = 16;
/** Codes of punctuation, in the collator's order, start here, just above the space. */
const FIRST_PUNCTUATION_CODE = 0x21;
/** Marker before a digit run of length 1 (length n: this + n - 1); below "a". */
const DIGIT_MARKER = 0x50;
/** Second code of a letter that sorts between two plain letters: above every other code. */
const BETWEEN_CODE = 0xf000;
const PUNCTUATION =
  "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\u00a1\u00ab\u00b7\u00bb\u00bf\u2010\u2013\u2014\u2018\u2019\u201c\u201d\u2026";
/** Letters the collator reads as two letters. */
const EXPANSIONS: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ĳ: "ij" };
/** Lower-case text whose own code point order is the collator's order: its key is itself. */
const PLAIN = /^[ a-z\u0430-\u044f]*$/;

function isPlainCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || c === 0x20 || (c >= 0x430 && c <= 0x44f);
}

function isCombiningMark(code: number): boolean {
  return code >= 0x0300 && code <= 0x036f;
}

function isLatinLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0xdf && code < 0x250 && code !== 0xf7);
}

/** Keys of lower-case characters that are not plain (none: no key); null if unusable. */
let keyTable: Map<number, string> | null | undefined;

function buildKeyTable(): Map<number, string> | null {
  const table = new Map<number, string>();
  // Plain letters first: the sort is stable, so each starts the group of letters equal to it.
  const letters: string[] = [];
  for (let c = 0x61; c <= 0x7a; c++) letters.push(String.fromCharCode(c));
  for (let c = 0x430; c <= 0x44f; c++) letters.push(String.fromCharCode(c));
  const aliases: [string, string][] = [];
  for (let c = 0xdf; c < TABLE_SIZE; c++) {
    if (c === 0xf7 || isCombiningMark(c) || isPlainCode(c)) continue;
    const ch = String.fromCharCode(c);
    if (ch.toLowerCase() !== ch || ch.toUpperCase() === ch) continue;
    if (Object.prototype.hasOwnProperty.call(EXPANSIONS, ch)) continue;
    const base = ch.normalize("NFD").charAt(0);
    if (base !== ch && COLLATOR.compare(ch, base) === 0) aliases.push([ch, base]);
    else letters.push(ch);
  }
  const weighs = (ch: string) => COLLATOR.compare(`a${ch}b`, "ab") !== 0;
  const all = [" ", ...PUNCTUATION, "0", ...letters].filter((ch) => ch === "0" || weighs(ch));
  all.sort((a, b) => COLLATOR.compare(a, b));

  const last = all[all.length - 1] ?? "z";
  let punctuationCode = FIRST_PUNCTUATION_CODE - 1;
  let plain = ""; // the last plain character of the order so far
  let between = 0;
  let digitsSeen = false;
  let groupKey: string | undefined;
  let groupStart = "";
  for (const ch of all) {
    if (ch === "0") {
      digitsSeen = true;
      continue;
    }
    const code = ch.charCodeAt(0);
    if (groupStart === "" || COLLATOR.compare(groupStart, ch) !== 0) {
      // A character with one weight sorts after anything that starts with the group before it;
      // one that does not is read as several letters and is left to the collator.
      if (groupStart !== "" && COLLATOR.compare(ch, groupStart + last) <= 0) {
        if (isPlainCode(code)) return null;
        continue;
      }
      groupStart = ch;
      if (isPlainCode(code)) {
        if (plain !== "" && plain.charCodeAt(0) >= code) return null;
        plain = ch;
        between = 0;
        groupKey = ch;
      } else if (!digitsSeen) {
        punctuationCode++;
        groupKey = punctuationCode < DIGIT_MARKER ? String.fromCharCode(punctuationCode) : undefined;
      } else {
        groupKey = /[a-z\u0430-\u044f]/.test(plain) ? plain + String.fromCharCode(BETWEEN_CODE + between++) : undefined;
      }
    } else if (isPlainCode(code)) {
      return null; // a plain letter equal to another character: its own code would be wrong
    }
    if (!isPlainCode(code) && groupKey !== undefined) table.set(code, groupKey);
  }
  for (const [ch, base] of aliases) {
    const baseCode = base.charCodeAt(0);
    const key = isPlainCode(baseCode) ? base : table.get(baseCode);
    if (key !== undefined) table.set(ch.charCodeAt(0), key);
  }
  for (const [ch, pair] of Object.entries(EXPANSIONS)) {
    if (COLLATOR.compare(ch, pair) === 0) table.set(ch.charCodeAt(0), pair);
  }
  return table;
}

/**
 * The key of a text, or null when it has a character outside the table. A combining mark after a
 * Latin letter is ignored, as the collator does; anywhere else it is left to the collator.
 */
function collationKey(raw: string): string | null {
  const lower = raw.toLowerCase();
  if (PLAIN.test(lower)) return lower;
  if (keyTable === undefined) keyTable = buildKeyTable();
  const table = keyTable;
  if (table === null) return null;
  let out = "";
  let copied = 0;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (isPlainCode(c)) continue;
    out += lower.slice(copied, i);
    if (c >= 0x30 && c <= 0x39) {
      let end = i;
      while (end < lower.length && lower.charCodeAt(end) >= 0x30 && lower.charCodeAt(end) <= 0x39) end++;
      let start = i;
      while (start < end - 1 && lower.charCodeAt(start) === 0x30) start++;
      if (end - start > MAX_DIGITS) return null;
      out += String.fromCharCode(DIGIT_MARKER + end - start - 1) + lower.slice(start, end);
      i = end - 1;
    } else if (isCombiningMark(c)) {
      let base = i - 1;
      while (base >= 0 && isCombiningMark(lower.charCodeAt(base))) base--;
      if (c > 0x0362 || base < 0 || !isLatinLetter(lower.charCodeAt(base))) {
        // Perhaps a decomposed letter of its own (и + breve = й): try the composed form.
        const composed = lower.normalize("NFC");
        return composed === lower ? null : collationKey(composed);
      }
    } else {
      const key = table.get(c);
      if (key === undefined) return null;
      out += key;
    }
    copied = i + 1;
  }
  return out + lower.slice(copied);
}

/** A text prepared for sorting: `key` is set when plain string order gives the collator's order. */
export interface SortText {
  raw: string;
  key: string | null;
}

export function sortText(raw: string): SortText {
  return { raw, key: collationKey(raw) };
}

/** The collator's order of two prepared texts: negative, 0 or positive. */
export function compareSortText(a: SortText, b: SortText): number {
  if (a.key !== null && b.key !== null) return a.key === b.key ? 0 : a.key < b.key ? -1 : 1;
  return COLLATOR.compare(a.raw, b.raw);
}

/** Lower case of a Latin letter A–Z or a Russian letter А–Я, or the code itself. */
function lowerCode(c: number): number {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x410 && c <= 0x42f) ? c + 0x20 : c;
}

/** Whether a code is a letter a–z or а–я in either case, or a space: one collation element each. */
function isSimpleCode(c: number): boolean {
  return isPlainCode(lowerCode(c));
}

/** Whether a code cannot change the character before it: no combining mark is among these. */
function endsElement(c: number): boolean {
  return c < 0x300 || (c >= 0x400 && c < 0x483) || (c >= 0x48a && c < 0x530);
}

/**
 * The collator's order of two texts when it can be read from the texts alone, without keys: after
 * a common start of plain letters (either case) and spaces, the first letters that differ other
 * than in case decide, as their codes do, when nothing after them combines with them; a text that
 * ends where the other goes on with a letter or a space comes first; texts that differ only in
 * case are equal. Null when it cannot be read so (then compare `sortText`s). Cheaper than two keys
 * when texts differ early, as most do; relies on the order `buildKeyTable` checks.
 */
export function quickCompare(a: string, b: string): number | null {
  if (a === b) return 0;
  if (keyTable === undefined) keyTable = buildKeyTable();
  if (keyTable === null) return null;
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (!isSimpleCode(ca) || !isSimpleCode(cb)) return null;
    const la = lowerCode(ca);
    const lb = lowerCode(cb);
    if (la !== lb) {
      const nextA = i + 1 < a.length ? a.charCodeAt(i + 1) : 0x20;
      const nextB = i + 1 < b.length ? b.charCodeAt(i + 1) : 0x20;
      return endsElement(nextA) && endsElement(nextB) ? (la < lb ? -1 : 1) : null;
    }
    i++;
  }
  if (a.length === b.length) return 0; // the same letters, in upper or lower case
  const rest = a.length > b.length ? a.charCodeAt(n) : b.charCodeAt(n);
  if (!isSimpleCode(rest)) return null;
  return a.length < b.length ? -1 : 1;
}

/** Locale-aware comparison of two names: case and accents ignored, numbers as numbers. */
export function compareNames(a: string, b: string): number {
  return compareSortText(sortText(a), sortText(b));
}

// ---------------------------------------------------------------------------------------------
// Search

/** Letters without a combining mark in Unicode that are searched as their plain form. */
const SEARCH_LETTERS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
  ĳ: "ij",
};

/** What each lower-case character below TABLE_SIZE is searched as; undefined: itself. */
let searchTable: (string | undefined)[] | null = null;

function buildSearchTable(): (string | undefined)[] {
  const table: (string | undefined)[] = new Array<string | undefined>(TABLE_SIZE);
  for (let c = 0x80; c < TABLE_SIZE; c++) {
    const ch = String.fromCharCode(c);
    const base = ch
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .normalize("NFC");
    // A letter whose accent comes off to leave one of SEARCH_LETTERS (ǣ → æ, ǿ → ø) goes on to
    // its plain form, so that folding twice gives what folding once gave.
    const folded = Array.from(base, (letter) => SEARCH_LETTERS[letter] ?? letter).join("");
    if (folded !== ch) table[c] = folded;
  }
  return table;
}

const NON_ASCII = /[\u0080-\uffff]/;

/** Lower case without accents, for searching: "José Ñúñez" → "jose nunez", "Ёлка" → "елка". */
export function foldForSearch(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  if (searchTable === null) searchTable = buildSearchTable();
  const table = searchTable;
  let out = "";
  let copied = 0;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c < 0x80) continue;
    const replacement = isCombiningMark(c) ? "" : c < TABLE_SIZE ? table[c] : undefined;
    if (replacement === undefined) continue;
    out += lower.slice(copied, i) + replacement;
    copied = i + 1;
  }
  return copied === 0 ? lower : out + lower.slice(copied);
}

/** The words of a search query, folded; empty when the query is blank. */
export function searchWords(query: string): string[] {
  const folded = foldForSearch(query).trim();
  return folded === "" ? [] : folded.split(/\s+/);
}

/** True when every word occurs in the folded haystack. */
export function matchesWords(haystack: string, words: readonly string[]): boolean {
  for (const word of words) if (!haystack.includes(word)) return false;
  return true;
}
