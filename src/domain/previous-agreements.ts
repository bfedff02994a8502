/**
 * The agreements a 1:1 looks back on, and the 1:1 a line of a note belongs to.
 */
import type { IsoDate } from "./types";

/** What a 1:1 note or log entry needs to be placed: its kind, its day, its heading's line. */
export interface MeetingPlace {
  kind: "note" | "log-entry" | "log";
  date: IsoDate | null;
  /** Heading line of a log entry; -1 for a note of its own. */
  line: number;
}

/**
 * The 1:1 that a line of a note belongs to: a 1:1 note is one meeting, whatever the line; in a
 * running log it is the dated entry the line stands under. Null when the line is under no entry
 * (above the first, or a note that holds no 1:1), or the line is not known in a log.
 */
export function meetingAt<M extends MeetingPlace>(meetings: readonly M[], line: number | null): M | null {
  const note = meetings.find((m) => m.kind === "note");
  if (note) return note;
  if (line === null) return null;
  let found: M | null = null;
  for (const m of meetings) {
    if (m.kind === "log-entry" && m.line <= line && (found === null || m.line > found.line)) found = m;
  }
  return found;
}

/**
 * The previous agreements of a 1:1 held on `day`: the open agreements with the person that were
 * made before that day. Those written at that 1:1 itself (further down the same note) or at a
 * later one are not previous; agreements not written at any 1:1 (a person note, another note)
 * always are. With no day (the list is not inside a 1:1), every open agreement is listed.
 */
export function previousAgreements<A extends { meetingDate: IsoDate | null }>(agreements: readonly A[], day: IsoDate | null): A[] {
  if (day === null) return [...agreements];
  return agreements.filter((a) => a.meetingDate === null || a.meetingDate < day);
}

/**
 * The link back to where an agreement was made: the note, or in a running log the entry's heading
 * in it (`Sam Okafor 1-1s#2026-11-14`), so that it leads to that meeting, not to the top of the
 * log. Characters a heading link cannot hold (`# | ^ : \ [ ]`, `%%`) become spaces, as Obsidian
 * writes such links.
 */
export function sourceLink(noteLink: string, entryHeading: string | null): string {
  if (entryHeading === null) return noteLink;
  const heading = entryHeading.replace(/%%|[#|^:\\[\]]/g, " ").replace(/\s+/g, " ").trim();
  return heading === "" ? noteLink : `${noteLink}#${heading}`;
}
