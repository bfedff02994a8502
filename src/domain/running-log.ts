/**
 * A person's running log — the note where each new 1:1 is added as a dated entry, newest first,
 * whatever the layout setting says — is, in this order:
 * 1. the note their `log` property names (found as a link finds it), unless that note is the 1:1
 *    note of one day, another person's note, or a note another person's `log` property names too
 *    and that person's note comes first (shortest path, then the alphabet): then they have no
 *    running log, and are told why;
 * 2. else their dateless 1:1 note, the 1:1 note about them with no date of its own (of several,
 *    the first in the same order);
 * 3. else their own person note, when it keeps their 1:1s under dated headings.
 * Nothing depends on the order in which notes were read.
 */
export interface RunningLogInput {
  person: string;
  /** The note the person's `log` property finds, and what it is. */
  byProperty: {
    note: string;
    /** The 1:1 note of one day (a date of its own), never a running log. */
    dayNote: boolean;
    /** The person note of someone else. */
    otherPersonNote: string | null;
    /** The first (see above) of the people whose `log` property names the note. */
    firstNamer: string;
    /** Their name, for the message. */
    firstNamerName: string;
  } | null;
  /** The first of their dateless 1:1 notes that no `log` property names, if any. */
  dateless: string | null;
  /** Their person note keeps 1:1s under dated headings. */
  ownNoteKeepsLog: boolean;
}

export interface RunningLog {
  log: string | null;
  /** Why the `log` property is not followed, in words; null when it is (or there is none). */
  problem: string | null;
}

/** A person's running log (see the module's header). */
export function runningLog(input: RunningLogInput): RunningLog {
  const named = input.byProperty;
  if (named !== null) {
    if (named.dayNote) {
      return { log: null, problem: `The log property names ${named.note}, the 1:1 note of one day, not a running log; it counts as that one 1:1.` };
    }
    if (named.otherPersonNote !== null) {
      return { log: null, problem: `The log property names ${named.note}, the note of ${named.otherPersonNote}, not a running log.` };
    }
    if (named.firstNamer !== input.person) {
      return {
        log: null,
        problem: `The log property names ${named.note}, which ${named.firstNamerName} (${named.firstNamer}) has as their log too; its entries count for them.`,
      };
    }
    return { log: named.note, problem: null };
  }
  if (input.dateless !== null) return { log: input.dateless, problem: null };
  return { log: input.ownNoteKeepsLog ? input.person : null, problem: null };
}
