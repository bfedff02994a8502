/**
 * The plain data the views show. Built from the index by pure functions
 * (`follow-ups.ts`, `people-table.ts`); Svelte components get these and callbacks, nothing else.
 */
import type { DueStatus, IsoDate, Relationship } from "./types";

/** One open agreement as a row of the Follow-ups view or the live block. */
export interface AgreementItem {
  /** Stable while the line stays where it is: `path:line`. */
  id: string;
  path: string;
  line: number;
  /** The line as read, to find it again before writing. */
  original: string;
  /** Description for display: links shown as their names, no owner, no fields. */
  text: string;
  ownerName: string | null;
  ownerIsMe: boolean;
  personName: string | null;
  personPath: string | null;
  due: IsoDate | null;
  recurring: boolean;
  /** Where it was written, for display: e.g. "1:1 of 2026-11-07" or a note's name. */
  sourceLabel: string;
}

export type FollowUpSection = "overdue" | "due-soon" | "later" | "no-date";
export type OwnerFilter = "all" | "mine" | "theirs";
export type FollowUpsGrouping = "due" | "person";

export interface FollowUpsQuery {
  groupBy: FollowUpsGrouping;
  owner: OwnerFilter;
  /** Case- and accent-insensitive search over text, owner, person and source. */
  search: string;
}

export interface FollowUpGroup {
  /** `overdue`, `due-soon`, `later`, `no-date`, or `person:<path>` / `person:` for nobody. */
  key: string;
  title: string;
  items: AgreementItem[];
}

export interface FollowUpsModel {
  groups: FollowUpGroup[];
  /** Items after filtering. */
  total: number;
  counts: Record<FollowUpSection, number>;
}

/** One person as a row of the People table and of "People due". */
export interface PersonRow {
  path: string;
  name: string;
  firstName: string;
  lastName: string;
  aliases: string[];
  relationship: Relationship | null;
  role: string | null;
  team: string | null;
  tags: string[];
  /** The cadence in words ("weekly", "every 10 days", "none"). */
  cadence: string;
  cadenceIsDefault: boolean;
  lastSeen: IsoDate | null;
  nextDue: IsoDate | null;
  status: DueStatus;
  /** Days until due (negative: overdue), null without a due date. */
  daysUntilDue: number | null;
  openAgreements: number;
  nextBirthday: IsoDate | null;
  archived: boolean;
  /** Problems in the person's note, as sentences. */
  problems: string[];
}

export type PeopleColumn =
  | "name"
  | "relationship"
  | "role"
  | "team"
  | "tags"
  | "cadence"
  | "lastSeen"
  | "nextDue"
  | "openAgreements"
  | "nextBirthday"
  | "problems";

export type SortDirection = "ascending" | "descending";
/** Colleagues: report, manager, peer, skip, mentor, mentee. Friends and family: friend, family. */
export type RelationshipGroup = "all" | "colleagues" | "friends";

export interface PeopleQuery {
  sort: { column: PeopleColumn; direction: SortDirection };
  /** Names sort by first or last name. */
  nameOrder: "first" | "last";
  text: string;
  group: RelationshipGroup;
  /** A tag (without `#`); nested tags match their parent. Null: any. */
  tag: string | null;
  showArchived: boolean;
}
