// Plain view-model rows for component tests.
import type { AgreementItem, FollowUpsQuery, PeopleQuery, PersonRow } from "../../src/domain/view-models";

export const TODAY = "2026-11-21";

let next = 0;

export function agreement(over: Partial<AgreementItem> = {}): AgreementItem {
  next += 1;
  const path = over.path ?? `1-1s/Anya Petrova/2026-11-${String((next % 20) + 1).padStart(2, "0")}.md`;
  const line = over.line ?? next;
  const text = over.text ?? `Agreement ${next}`;
  return {
    id: `${path}:${line}`,
    path,
    line,
    original: `- [ ] ${text}`,
    text,
    ownerName: null,
    ownerIsMe: false,
    personName: "Anya Petrova",
    personPath: "People/Anya Petrova.md",
    due: null,
    recurring: false,
    sourceLabel: "1:1 of 2026-11-07",
    ...over,
  };
}

export function person(name: string, over: Partial<PersonRow> = {}): PersonRow {
  const [first = name, ...rest] = name.split(" ");
  return {
    path: `People/${name}.md`,
    name,
    firstName: first,
    lastName: rest.join(" "),
    aliases: [],
    relationship: "report",
    role: null,
    team: null,
    tags: [],
    cadence: "weekly",
    cadenceIsDefault: false,
    lastSeen: "2026-11-18",
    nextDue: "2026-11-25",
    status: "ok",
    daysUntilDue: 4,
    openAgreements: 0,
    nextBirthday: null,
    archived: false,
    problems: [],
    ...over,
  };
}

export const FOLLOW_UPS_QUERY: FollowUpsQuery = { groupBy: "due", owner: "all", search: "" };

export const PEOPLE_QUERY: PeopleQuery = {
  sort: { column: "name", direction: "ascending" },
  nameOrder: "first",
  text: "",
  group: "all",
  tag: null,
  showArchived: false,
};

/** A promise settled from outside, to hold a callback pending. */
export function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void } {
  let resolve: () => void = () => undefined;
  let reject: (e: unknown) => void = () => undefined;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
