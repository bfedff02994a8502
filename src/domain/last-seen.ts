/**
 * Last seen, the whole rule: the latest day, up to today, of
 * - the person note's `last-seen` property, or the property other setups keep it in
 *   (`last_contact`, `lastContacted`, `lastTalk`…);
 * - the 1:1s with them that were held (not skipped or cancelled), wherever they are kept: 1:1
 *   notes, running logs, and their own note (dated headings, dated lines, `lastTalk::` fields);
 * - the meetings that name them among the people who took part;
 * - with "Dated notes count as seen" on, every daily note or note with a date that links to them
 *   outside an open task.
 * A note dated after today counts once that day comes. Each note counts for the person it is
 * listed with or resolves to, and for nobody else. When nothing is up to today, a `last-seen`
 * property after today is shown as it is.
 *
 * The notes' dates are gathered one note at a time by the index (`seenEntries`); this decides.
 */
import type { IsoDate } from "./types";

/** Last seen (see the module's header) from the property and the latest note date up to today. */
export function lastSeen(property: IsoDate | null, latestNoteDate: IsoDate | null, today: IsoDate): IsoDate | null {
  const upToToday = [property, latestNoteDate].filter((d): d is IsoDate => d !== null && d <= today);
  if (upToToday.length === 0) return property;
  return upToToday.reduce((a, b) => (b > a ? b : a));
}

/**
 * A first 1:1 — the one whose agenda starts with "About these 1:1s" — is for someone you have
 * never met: no 1:1 with them took place before that day (skipped and cancelled ones did not take
 * place), and they have no last seen date at all.
 */
export function isFirstMeeting(
  meetings: readonly { date: IsoDate | null; status: string }[],
  lastSeenDate: IsoDate | null,
  day: IsoDate,
): boolean {
  if (lastSeenDate !== null) return false;
  return !meetings.some((m) => m.status === "held" && m.date !== null && m.date < day);
}
