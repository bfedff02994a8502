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
