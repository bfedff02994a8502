/**
 * Finding a person by what you type in a picker, the way Obsidian's own pickers find notes, and
 * forgiving about how a name is written: case, accents, spaces and punctuation do not matter
 * ("zoe" finds Zoë, "lukasz" Łukasz, "angstrom" Ångström, "zoe angstrom" Zoë Ångström).
 */
import { foldForSearch } from "./collation";
import { isSlugSeparator } from "./person-names";

/** What a person is found by. */
export interface Findable {
  name: string;
  aliases: readonly string[];
  archived: boolean;
}

/** A person found, and where: their name or one of their aliases, with the parts that matched. */
export interface PersonFind<T> {
  person: T;
  /** The name or alias that was found. */
  text: string;
  /** The text found is an alias, not the name. */
  alias: boolean;
  /** Ranges `[start, end)` of `text` that match what was typed, in order. */
  matches: [number, number][];
}

/**
 * The letters and digits of a text, lower case and without accents (`foldForSearch`), each with
 * the range of the text it comes from and whether it starts a word. Spaces and punctuation are
 * left out; an accent written as a mark of its own belongs to the letter before it.
 */
interface Letters {
  letters: string[];
  from: number[];
  to: number[];
  wordStart: boolean[];
}

function lettersOf(text: string): Letters {
  const out: Letters = { letters: [], from: [], to: [], wordStart: [] };
  let afterSeparator = true;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    const size = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
    if (isSlugSeparator(code)) {
      afterSeparator = true;
    } else {
      const folded = foldForSearch(text.slice(i, i + size));
      if (folded === "") {
        const last = out.to.length - 1;
        if (last >= 0 && !afterSeparator) out.to[last] = i + size;
      } else {
        for (let k = 0; k < folded.length; k++) {
          out.letters.push(folded.charAt(k));
          out.from.push(i);
          out.to.push(i + size);
          out.wordStart.push(k === 0 && afterSeparator);
        }
        afterSeparator = false;
      }
    }
    i += size;
  }
  return out;
}

/**
 * How well `query` (its letters) is found in `text`: null when its letters do not all occur in
 * that order; otherwise the cost (lower is better) — every piece the letters fall into costs more
 * than all word starts together, and a piece that does not start a word costs one more — and the
 * ranges of the text that matched, for the best way of finding them.
 */
function fuzzyFind(query: readonly string[], text: Letters): { cost: number; matches: [number, number][] } | null {
  const m = query.length;
  const t = text.letters;
  const n = t.length;
  if (m === 0) return { cost: 0, matches: [] };
  // A quick look first: do the letters occur in order at all?
  let at = 0;
  for (const letter of query) {
    while (at < n && t[at] !== letter) at++;
    if (at === n) return null;
    at++;
  }
  const PIECE = m + 1;
  const INF = Number.POSITIVE_INFINITY;
  // cost[i][j]: the cheapest way to find query[0..i] with query[i] at t[j]; from[i][j] the place
  // of query[i - 1] then.
  const cost: number[][] = [];
  const from: number[][] = [];
  for (let i = 0; i < m; i++) {
    const row = new Array<number>(n).fill(INF);
    const back = new Array<number>(n).fill(-1);
    const prev = i > 0 ? cost[i - 1] : undefined;
    let bestBefore = i === 0 ? 0 : INF; // the cheapest prev[k] for k < j - 1
    let bestAt = -1;
    for (let j = 0; j < n; j++) {
      if (prev && j >= 2 && (prev[j - 2] ?? INF) < bestBefore) {
        bestBefore = prev[j - 2] ?? INF;
        bestAt = j - 2;
      }
      if (t[j] !== query[i]) continue;
      const start = bestBefore + PIECE + (text.wordStart[j] ? 0 : 1);
      const goOn = prev && j >= 1 ? (prev[j - 1] ?? INF) : INF;
      if (goOn <= start) {
        row[j] = goOn;
        back[j] = j - 1;
      } else {
        row[j] = start;
        back[j] = bestAt;
      }
    }
    cost.push(row);
    from.push(back);
  }
  const last = cost[m - 1] ?? [];
  let end = -1;
  let best = INF;
  for (let j = 0; j < n; j++) {
    const value = last[j] ?? INF;
    if (value < best) {
      best = value;
      end = j;
    }
  }
  if (end < 0) return null;
  const places: number[] = [];
  for (let i = m - 1, j = end; i >= 0; j = from[i]?.[j] ?? -1, i--) places.push(j);
  places.reverse();
  const matches: [number, number][] = [];
  for (const place of places) {
    const start = text.from[place] ?? 0;
    const stop = text.to[place] ?? start;
    const previous = matches[matches.length - 1];
    if (previous && previous[1] >= start) previous[1] = Math.max(previous[1], stop);
    else matches.push([start, stop]);
  }
  return { cost: best, matches };
}

/** Finds people among the same list again and again, having read their names once. */
export interface PersonFinder<T> {
  /** The people found for what was typed, best first: see `personFinder`. */
  find(query: string): PersonFind<T>[];
  /** The person a typed name already belongs to: see `personNamed`. */
  named(typed: string): T | null;
}

/**
 * The people a picker offers for what was typed, best first.
 *
 * A person is found when the letters and digits typed occur in that order in their name or in
 * one of their aliases — case, accents, spaces and punctuation aside ("jm" finds Jürgen Müller).
 * Archived people are found too, after everyone else. The best finds come first: the fewer pieces
 * the typed letters fall into, the better ("ang" together before "a…n…g"); then the more of those
 * pieces start a word ("ang" in Ångström before "ang" in Tangerine); then a name before an alias.
 * Otherwise the order given is kept (the pickers give most overdue first). With nothing typed,
 * everyone but archived people, in the order given.
 */
export function personFinder<T extends Findable>(people: readonly T[]): PersonFinder<T> {
  const prepared = people.map((person) => ({
    person,
    texts: [person.name, ...person.aliases].map((text, k) => {
      const letters = lettersOf(text);
      return { text, alias: k > 0, letters, key: letters.letters.join("") };
    }),
  }));
  return {
    find(query) {
      const typed = lettersOf(query).letters;
      if (typed.length === 0) {
        return people.filter((p) => !p.archived).map((person) => ({ person, text: person.name, alias: false, matches: [] }));
      }
      const found: { find: PersonFind<T>; cost: number; index: number }[] = [];
      prepared.forEach(({ person, texts }, index) => {
        let best: { find: PersonFind<T>; cost: number; index: number } | null = null;
        for (const { text, alias, letters } of texts) {
          const hit = fuzzyFind(typed, letters);
          if (hit && (best === null || hit.cost < best.cost)) best = { find: { person, text, alias, matches: hit.matches }, cost: hit.cost, index };
        }
        if (best) found.push(best);
      });
      found.sort(
        (a, b) =>
          Number(a.find.person.archived) - Number(b.find.person.archived) ||
          a.cost - b.cost ||
          Number(a.find.alias) - Number(b.find.alias) ||
          a.index - b.index,
      );
      return found.map((f) => f.find);
    },
    named(typed) {
      const key = lettersOf(typed).letters.join("");
      if (key === "") return null;
      const named = prepared.filter(({ texts }) => texts.some((t) => t.key === key)).map((p) => p.person);
      return named.find((p) => !p.archived) ?? named[0] ?? null;
    },
  };
}

/**
 * The person a typed name already belongs to: someone whose name or alias has the same letters
 * and digits in the same order, case, accents, spaces and punctuation aside ("Zoe Angstrom" is
 * Zoë Ångström). People who are not archived first; null when nobody has that name.
 */
export function personNamed<T extends Findable>(people: readonly T[], typed: string): T | null {
  return personFinder(people).named(typed);
}
