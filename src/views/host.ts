import type { Clock } from "../domain/dates";
import type { FollowUpsQuery, PeopleQuery, PersonRow } from "../domain/view-models";
import type { PeopleIndex } from "../index/people-index";
import type { Tickable } from "../obsidian/toggler";
import type { LineTarget } from "../obsidian/note-writer";

/** What the views need from the plugin, as callbacks: they never see the plugin itself. */
export interface ViewHost {
  index: PeopleIndex;
  clock: Clock;
  followUpsQuery(): FollowUpsQuery;
  peopleQuery(): PeopleQuery;
  saveFollowUpsQuery(query: FollowUpsQuery): void;
  savePeopleQuery(query: PeopleQuery): void;
  tick(target: Tickable): Promise<boolean>;
  openAt(target: LineTarget): Promise<void>;
  openPerson(path: string): Promise<void>;
  startOneOnOne(path: string): Promise<void>;
  markSeen(path: string): Promise<void>;
  copyPeople(format: "markdown" | "csv", rows: PersonRow[]): Promise<void>;
  /** Writes the rows into a new file of the vault, for spreadsheets or address books. */
  exportPeople(format: "csv" | "vcard", rows: PersonRow[]): Promise<void>;
  openFollowUps(): Promise<void>;
  /** The commands a view offers while there are no people: New person, Import contacts, Adopt. */
  newPerson(): void;
  importContacts(): Promise<void>;
  adoptNotes(): Promise<void>;
  /** Discreet mode: personal details are left out of the views. */
  discreet(): boolean;
  onDiscreetChange(listener: () => void): () => void;
}
