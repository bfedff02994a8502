/**
 * The talking points of one 1:1, and giving them back to the queue.
 *
 * A 1:1's topics are the list under its "My topics" heading (the title the agenda sections give
 * it, or the default), where Start 1:1 put the queued talking points: in a 1:1 note the first such
 * heading, in a running log the one inside the entry of that day. Topics that were not discussed
 * — all of them, when the 1:1 was skipped — go back to the queue for the next 1:1.
 */
import { normalizeTalkingPoint } from "./agenda";
import { findHeading, textLines } from "./markdown";
import { appendToQueue, readQueue, removeFromQueue, QUEUE_HEADING, type LineRange } from "./queue";
import { logEntryAt } from "./summary";
import type { IsoDate } from "./types";
import { datedHeading } from "./written-dates";

export interface MeetingTopics {
  items: string[];
  /** The heading they stand under, and the lines of the 1:1 (the whole note, or the log entry). */
  heading: string;
  range: LineRange;
}

/** The lines of a 1:1: the whole note, or in a log the entry of `entryDate` (its first). */
function meetingRange(text: string, entryDate: IsoDate | null): LineRange | null {
  const lines = textLines(text);
  if (entryDate === null) return { from: 0, to: lines.length };
  const { at } = findHeading(lines, (heading) => datedHeading(heading) === entryDate);
  const entry = at < 0 ? null : logEntryAt(text, at);
  return entry ? { from: entry.start + 1, to: entry.end + 1 } : null;
}

/**
 * The topics of a 1:1 (see the module's header): under the first of `titles` that has any in the
 * note, or in the log entry of `entryDate`. Null when there are none.
 */
export function meetingTopics(text: string, titles: readonly string[], entryDate: IsoDate | null): MeetingTopics | null {
  const range = meetingRange(text, entryDate);
  if (!range) return null;
  for (const heading of titles) {
    const items = readQueue(text, heading, range);
    if (items.length > 0) return { items, heading, range };
  }
  return null;
}

/** The 1:1's text without the given topics: each removed once, by its exact text; the rest kept. */
export function withoutMeetingTopics(text: string, topics: readonly string[], titles: readonly string[], entryDate: IsoDate | null): string {
  const found = meetingTopics(text, titles, entryDate);
  return found ? removeFromQueue(text, topics, found.heading, found.range) : text;
}

/** A talking point as compared for duplicates: its text, whatever list marker or spacing it has. */
function pointKey(point: string): string | null {
  const normal = normalizeTalkingPoint(point);
  return normal === null ? null : normal.replace(/\s+/g, " ").trim();
}

/**
 * Talking points go back to the queue: appended at the end of its list, in their order, each
 * once — a point the queue already holds (however its list marker is written) is not added again.
 */
export function returnToQueue(personNote: string, points: readonly string[], heading: string = QUEUE_HEADING): string {
  const held = new Set(readQueue(personNote, heading).map(pointKey));
  let text = personNote;
  for (const point of points) {
    const key = pointKey(point);
    if (key === null || held.has(key)) continue;
    held.add(key);
    text = appendToQueue(text, point, heading);
  }
  return text;
}
