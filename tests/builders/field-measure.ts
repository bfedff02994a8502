/**
 * How well the plugin reads a field vault, against its `EXPECTED.json` (shape in
 * `../shared/field-vaults/SOURCES.md`): recall and precision for people, meetings (the right
 * person and date) and open agreements. Names are compared as a user reads them: case, accents,
 * spaces and punctuation folded (`ben-cohen` is "Ben Cohen").
 */
import { personSlug } from "../../src/domain/person-names";

export interface Expected {
  people: string[];
  meetings: { file: string; person: string; date: string }[];
  openAgreements: string[];
  notPeople: string[];
  notes: string;
}

/** What the plugin shows, reduced to what is measured. */
export interface Shown {
  people: string[];
  meetings: { path: string; person: string | null; date: string }[];
  /** The open agreements' lines, as written in the notes. */
  agreements: string[];
}

export interface Score {
  expected: number;
  shown: number;
  /** Expected items found among those shown. */
  found: number;
  /** Shown items that match an expected one. */
  right: number;
  /** What was expected and not found, and what was shown and not expected. */
  missed: string[];
  extra: string[];
}

export interface VaultScore {
  people: Score;
  meetings: Score;
  agreements: Score;
}

/** A name folded for comparison: "Zoë Ångström", "zoe-angstrom" and "ZOE ANGSTROM" are one. */
export function foldName(name: string): string {
  return personSlug(name).replace(/-/g, "");
}

/**
 * Pairs expected and shown items one to one (an item counts once: a commitment written in two
 * notes is expected twice and must be shown twice).
 */
function pair<E, S>(expected: readonly E[], shown: readonly S[], matches: (e: E, s: S) => boolean, labelE: (e: E) => string, labelS: (s: S) => string): Score {
  const used = new Set<number>();
  const missed: string[] = [];
  for (const e of expected) {
    const at = shown.findIndex((s, i) => !used.has(i) && matches(e, s));
    if (at < 0) missed.push(labelE(e));
    else used.add(at);
  }
  const extra = shown.filter((_, i) => !used.has(i)).map(labelS);
  return { expected: expected.length, shown: shown.length, found: used.size, right: used.size, missed, extra };
}

export function score(expected: Expected, shown: Shown): VaultScore {
  return {
    people: pair(
      expected.people,
      shown.people,
      (e, s) => foldName(e) === foldName(s),
      (e) => e,
      (s) => s,
    ),
    meetings: pair(
      expected.meetings,
      shown.meetings,
      (e, s) => e.file.split("#")[0] === s.path && e.date === s.date && s.person !== null && foldName(e.person) === foldName(s.person),
      (e) => `${e.file} ${e.person} ${e.date}`,
      (s) => `${s.path} ${s.person ?? "(nobody)"} ${s.date}`,
    ),
    agreements: pair(
      expected.openAgreements,
      shown.agreements,
      (e, s) => s.includes(e),
      (e) => e,
      (s) => s.trim(),
    ),
  };
}

/** Sums the scores of several vaults (the lists of misses are kept per vault, not summed). */
export function total(scores: readonly VaultScore[]): VaultScore {
  const sum = (pick: (v: VaultScore) => Score): Score => {
    const parts = scores.map(pick);
    return {
      expected: parts.reduce((n, p) => n + p.expected, 0),
      shown: parts.reduce((n, p) => n + p.shown, 0),
      found: parts.reduce((n, p) => n + p.found, 0),
      right: parts.reduce((n, p) => n + p.right, 0),
      missed: [],
      extra: [],
    };
  };
  return { people: sum((v) => v.people), meetings: sum((v) => v.meetings), agreements: sum((v) => v.agreements) };
}

/** Found ÷ expected; 1 when nothing was expected. */
export function recall(s: Score): number {
  return s.expected === 0 ? 1 : s.found / s.expected;
}

/** Right ÷ shown; 1 when nothing was shown. */
export function precision(s: Score): number {
  return s.shown === 0 ? 1 : s.right / s.shown;
}

function percent(n: number): string {
  return `${Math.round(n * 1000) / 10}%`.padStart(6);
}

function cell(s: Score): string {
  return `${percent(recall(s))} ${percent(precision(s))} (${s.found}/${s.expected}, ${s.shown} shown)`.padEnd(32);
}

/** A table: one row per vault and a total, recall and precision per measure. */
export function table(rows: readonly { name: string; score: VaultScore }[]): string {
  const lines = [
    `${"vault".padEnd(32)} ${"people: recall precision".padEnd(32)} ${"meetings: recall precision".padEnd(32)} ${"agreements: recall precision".padEnd(32)}`,
  ];
  for (const row of rows) {
    lines.push(`${row.name.padEnd(32)} ${cell(row.score.people)} ${cell(row.score.meetings)} ${cell(row.score.agreements)}`);
  }
  return lines.join("\n");
}
