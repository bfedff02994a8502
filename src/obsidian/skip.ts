import { Notice, type TFile } from "obsidian";
import { DEFAULT_AGENDA_SECTIONS } from "../domain/agenda";
import { meetingTopics, returnToQueue, withoutMeetingTopics } from "../domain/meeting-topics";
import { lastSeenAfterSkip, rememberStart as remembered, type StartWrite } from "../domain/skip-last-seen";
import type { IsoDate } from "../domain/types";
import type { PeopleIndex, PersonEntry } from "../index/people-index";
import type { OneOnOnesSettings } from "../settings";
import { QUEUE_HEADING } from "../constants";
import type { NoteWriter } from "./note-writer";

/** The headings a 1:1's topics stand under: the title set for "My topics", and the default. */
export function topicHeadings(settings: OneOnOnesSettings): string[] {
  const titles = [settings.agendaSections, DEFAULT_AGENDA_SECTIONS].map((sections) => sections.find((s) => s.id === "my-topics")?.title ?? "");
  return Array.from(new Set(titles.filter((title) => title.trim() !== "")));
}

/**
 * Gives the topics of a 1:1 that did not take place back to the person's queue: the queue is
 * written first, and only then are they taken out of the 1:1 (each by its exact text, so what
 * was edited meanwhile stays). Returns how many there were.
 */
export async function giveBackTopics(
  writer: NoteWriter,
  read: (file: TFile) => Promise<string>,
  settings: OneOnOnesSettings,
  person: PersonEntry,
  meeting: { file: TFile; entryDate: IsoDate | null },
): Promise<number> {
  const titles = topicHeadings(settings);
  const topics = meetingTopics(await read(meeting.file), titles, meeting.entryDate);
  if (!topics) return 0;
  const personFile = writer.file(person.path);
  if (!personFile) {
    new Notice(`The note of ${person.name} was moved or deleted; the talking points stay in the skipped 1:1.`);
    return 0;
  }
  const queued = await writer.tryEdit(
    personFile,
    (text) => {
      const next = returnToQueue(text, topics.items, QUEUE_HEADING);
      return next === text ? null : next;
    },
    (reason) => `The talking points of the skipped 1:1 could not go back to the queue of ${person.name} (${reason}); they are still in the 1:1.`,
  );
  if (queued === null) return 0;
  await writer.tryEdit(
    meeting.file,
    (text) => {
      const next = withoutMeetingTopics(text, topics.items, titles, meeting.entryDate);
      return next === text ? null : next;
    },
    (reason) => `The talking points are back in the queue of ${person.name}, but could not be taken out of the skipped 1:1 (${reason}).`,
  );
  return topics.items.length;
}

/** What Start wrote over people's `last-seen` (kept in the plugin's data), by person note path. */
export interface StartsMemory {
  of(personPath: string): readonly StartWrite[];
  set(personPath: string, starts: StartWrite[]): Promise<void>;
}

/** Remembers nothing (for a `Meetings` without the plugin's data). */
export const FORGETFUL: StartsMemory = { of: () => [], set: () => Promise.resolve() };

/**
 * Remembers that Start wrote `wrote` over the person's `last-seen`, whose value was `replaced`
 * (undefined or null: none). A value that is no text (a list, say) is not remembered: a skip
 * then sets the latest day they were really seen.
 */
export async function rememberStart(memory: StartsMemory, personPath: string, wrote: IsoDate, replaced: unknown): Promise<void> {
  if (replaced !== undefined && replaced !== null && typeof replaced !== "string") return;
  await memory.set(personPath, remembered(memory.of(personPath), { wrote, replaced: replaced ?? null }));
}

/** After the 1:1 of `skipped.date` in `skipped.path` was skipped, `last-seen` as `lastSeenAfterSkip` says. */
export async function restoreLastSeen(
  writer: NoteWriter,
  index: PeopleIndex,
  memory: StartsMemory,
  person: PersonEntry,
  skipped: { path: string; date: IsoDate },
): Promise<void> {
  const before = memory.of(person.path);
  const { change, starts } = lastSeenAfterSkip({
    property: person.person.lastSeen,
    skipped: skipped.date,
    starts: before,
    seenApart: index.latestSeenApart(person.path, skipped.path, skipped.date),
  });
  if (change.kind !== "keep") {
    const file = writer.file(person.path);
    if (!file) return;
    const written = await writer.setProperties(file, (fm) => {
      if (change.kind === "remove") delete fm["last-seen"];
      else fm["last-seen"] = change.value;
    });
    if (!written) return;
  }
  if (JSON.stringify(starts) !== JSON.stringify(before)) await memory.set(person.path, starts);
}
