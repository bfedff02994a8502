/**
 * Who you are, when the settings do not say: the person who keeps the notes is at every meeting.
 * Among the 1:1 notes that name two people (by their properties, Attendees lines, or the names in
 * the file name), the one name all of them name — with at least two such notes — is yours. When
 * that finds no one name, the same is asked of all meetings that name two or more people.
 */
import { personSlug } from "../person-names";
import { isPlausibleName, nameFromRef } from "./names";
import type { Candidate } from "./note";

/** The names a meeting puts side by side, from the candidates that list people. */
export function namesTogether(candidates: readonly Candidate[]): string[] {
  for (const source of ["people property", "person property", "attendees", "file name"] as const) {
    const names = candidates.filter((c) => c.source === source).map((c) => c.text.replace(/^.*\//, ""));
    const usable = source === "file name" ? names.filter(isPlausibleName) : names;
    if (usable.length >= 2) return usable;
  }
  return [];
}

/** The names a meeting puts side by side, and whether it is a 1:1 note. */
export interface MeetingNames {
  oneOnOne: boolean;
  names: readonly string[];
}

/** Your name as the meetings suggest it (see the module's header), or null. */
export function inferYou(meetings: readonly MeetingNames[]): string | null {
  return commonName(meetings.filter((m) => m.oneOnOne).map((m) => m.names)) ?? commonName(meetings.map((m) => m.names));
}

/** The one name every list of two or more names holds (with at least two such lists), or null. */
function commonName(meetings: readonly (readonly string[])[]): string | null {
  const together = meetings.filter((names) => names.length >= 2);
  if (together.length < 2) return null;
  const counts = new Map<string, { name: string; count: number }>();
  for (const names of together) {
    const seen = new Set<string>();
    for (const name of names) {
      const key = personSlug(name);
      if (key === "" || seen.has(key)) continue;
      seen.add(key);
      const spelled = nameFromRef(name);
      const entry = counts.get(key) ?? { name: spelled, count: 0 };
      entry.count++;
      // One spelling, whichever note comes first: `sam-okafor` is "Sam Okafor"; of two, the first in the alphabet.
      if (spelled < entry.name) entry.name = spelled;
      counts.set(key, entry);
    }
  }
  const everywhere = [...counts.values()].filter((entry) => entry.count === together.length);
  return everywhere.length === 1 ? (everywhere[0] as { name: string }).name : null;
}
