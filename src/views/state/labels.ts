/**
 * Words the views show for dates and statuses. Pure functions over the view models, so the
 * components stay declarative and the wording is tested in one place.
 */
import { daysBetween, formatLastSeen, isValidIsoDate } from "../../domain/dates";
import { personDueWords } from "../../domain/due";
import type { DueStatus, IsoDate, Relationship } from "../../domain/types";
import type { AgreementItem, PersonRow } from "../../domain/view-models";

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "1 person", "12 people". */
export function peopleCount(n: number): string {
  return plural(n, "person", "people");
}

/** Days from today to `date`, or null when either date is not a valid day. */
export function daysFrom(today: IsoDate, date: IsoDate | null): number | null {
  if (date === null || !isValidIsoDate(date) || !isValidIsoDate(today)) return null;
  return daysBetween(today, date);
}

/** "today", "tomorrow", "in 3 days", "yesterday", "3 days ago". */
export function inDays(days: number): string {
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days === -1) return "yesterday";
  if (days > 1) return `in ${days} days`;
  return `${-days} days ago`;
}

/** Who the agreement is on: "Me", a person's name, or "" when unassigned. */
export function ownerLabel(item: AgreementItem): string {
  if (item.ownerIsMe) return "Me";
  return item.ownerName ?? "";
}

/**
 * A person's next due date in words, for the table: "in 3 days", "today", "5 days overdue",
 * "never seen", "snoozed", "archived", or "no cadence".
 */
export function nextDueWords(row: PersonRow, today: IsoDate): string {
  if (row.status === "archived") return "archived";
  const days = row.daysUntilDue ?? daysFrom(today, row.nextDue);
  if (row.status === "snoozed") return days === null ? "snoozed" : `snoozed, back ${inDays(days)}`;
  if (row.status === "never-seen") return "never seen";
  if (days === null) return "no cadence";
  if (days < 0) return plural(-days, "day overdue", "days overdue");
  return inDays(days);
}

/** A due person's status for "People due": "5 days overdue", "due tomorrow", "never seen". */
export function dueStatusWords(row: PersonRow, today: IsoDate): string {
  return row.status === "never-seen" ? "never seen" : personDueWords(row, today);
}

/** The CSS class that colours a status. */
export function statusClass(status: DueStatus): string {
  return `ooo-status-${status}`;
}

/** "Report", "Friend": a relationship in sentence case, or "". */
export function relationshipLabel(relationship: Relationship | null): string {
  if (relationship === null) return "";
  return relationship.charAt(0).toUpperCase() + relationship.slice(1);
}

/** "today", "in 3 days": when a birthday comes. */
export function birthdayWords(date: IsoDate, today: IsoDate): string {
  const days = daysFrom(today, date);
  return days === null ? date : inDays(days);
}

/** Every tag of the rows with its parents (`team/payments` also offers `team`), sorted. */
export function tagOptions(rows: readonly PersonRow[]): string[] {
  const tags = new Set<string>();
  for (const row of rows) {
    for (const tag of row.tags) {
      const parts = tag.replace(/^#/, "").split("/");
      for (let i = 1; i <= parts.length; i++) {
        const name = parts.slice(0, i).join("/");
        if (name !== "") tags.add(name);
      }
    }
  }
  return [...tags].sort((a, b) => a.localeCompare(b));
}

/** What one row of the People table shows in words, worked out once per row and day. */
export interface PersonCells {
  relationship: string;
  lastSeen: string;
  nextDue: string;
  statusClass: string;
  nextBirthday: string;
}

export function personCells(row: PersonRow, today: IsoDate): PersonCells {
  return {
    relationship: relationshipLabel(row.relationship),
    lastSeen: row.lastSeen === null ? "never" : formatLastSeen(row.lastSeen, today),
    nextDue: nextDueWords(row, today),
    statusClass: statusClass(row.status),
    nextBirthday: row.nextBirthday === null ? "" : birthdayWords(row.nextBirthday, today),
  };
}
