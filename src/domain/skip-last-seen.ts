/**
 * Last seen after a skip, the whole rule. When you mark a 1:1 skipped, the person's `last-seen`
 * property changes only if it says the day of that 1:1:
 * - when Start wrote that day there, and nothing changed it since, it goes back to exactly what
 *   Start replaced (and is removed again when it had no value before Start);
 * - otherwise it becomes the latest day, up to today, on which you really saw them apart from
 *   the skipped 1:1: other 1:1s that took place, dated log lines and contacts, dated notes that
 *   link them;
 * - when there is no such day it stays as it is: a date you wrote is never deleted.
 * A `last-seen` that says any other day is left alone.
 *
 * What Start replaced is remembered per person for their last few 1:1s. Skipping one of them
 * forgets it; a later Start that replaced the skipped day is remembered as having replaced what
 * was there before that day (so skipping both, in any order, brings back the value before both).
 */
import { parseIsoDate } from "./dates";
import type { IsoDate } from "./types";

/** One Start that set `last-seen`: the day it wrote, and the value it replaced (null: none). */
export interface StartWrite {
  wrote: IsoDate;
  replaced: string | null;
}

/** What happens to `last-seen`: nothing, a new value, or no value (the property is removed). */
export type LastSeenChange = { kind: "keep" } | { kind: "set"; value: string } | { kind: "remove" };

/** How many Starts are remembered per person. */
export const STARTS_REMEMBERED = 5;

export interface SkipInput {
  /** The date `last-seen` says now (null: none, or not a date). */
  property: IsoDate | null;
  /** The day of the skipped 1:1. */
  skipped: IsoDate;
  /** What Start wrote over `last-seen` for this person, oldest first. */
  starts: readonly StartWrite[];
  /** The latest day up to today the person was seen apart from the skipped 1:1 and the property. */
  seenApart: IsoDate | null;
}

/** `last-seen` after a skip, and what is remembered of Start afterwards (see the module's header). */
export function lastSeenAfterSkip(input: SkipInput): { change: LastSeenChange; starts: StartWrite[] } {
  const { property, skipped, starts, seenApart } = input;
  const remembered = startsAfterSkip(starts, skipped);
  if (property !== skipped) return { change: { kind: "keep" }, starts: remembered };
  const newest = starts.at(-1);
  if (newest && newest.wrote === skipped) {
    return { change: newest.replaced === null ? { kind: "remove" } : { kind: "set", value: newest.replaced }, starts: remembered };
  }
  if (seenApart !== null && seenApart !== property) return { change: { kind: "set", value: seenApart }, starts: remembered };
  return { change: { kind: "keep" }, starts: remembered };
}

/** What is remembered once Start wrote `write.wrote` over `write.replaced`: the newest few. */
export function rememberStart(starts: readonly StartWrite[], write: StartWrite): StartWrite[] {
  return [...starts.filter((s) => s.wrote !== write.wrote), write].slice(-STARTS_REMEMBERED);
}

/** Forgets the Start of the skipped day; the Start after it, when it replaced that day, replaced what it did. */
function startsAfterSkip(starts: readonly StartWrite[], skipped: IsoDate): StartWrite[] {
  const out: StartWrite[] = [];
  let forgotten: StartWrite | null = null;
  for (const start of starts) {
    if (start.wrote === skipped) {
      forgotten = start;
      continue;
    }
    out.push(forgotten && parseIsoDate(start.replaced) === skipped ? { ...start, replaced: forgotten.replaced } : start);
    forgotten = null;
  }
  return out;
}
