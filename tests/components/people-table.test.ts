import { flushSync, mount, unmount } from "svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/svelte";
import PeopleTable from "../../src/views/components/PeopleTable.svelte";
import { createPeopleTableProps, type PeopleTableProps } from "../../src/views/state/people-table-store.svelte";
import type { PeopleQuery, PersonRow } from "../../src/domain/view-models";
import { PEOPLE_QUERY, TODAY, person } from "./builders";

afterEach(() => cleanup());

function callbacks() {
  return {
    onOpen: vi.fn<(path: string) => void>(),
    onStart: vi.fn<(path: string) => void>(),
    onMarkSeen: vi.fn<(path: string) => void>(),
    onCopy: vi.fn<PeopleTableProps["onCopy"]>(),
    onQueryChange: vi.fn<(query: PeopleQuery) => void>(),
  };
}

function setup(rows: PersonRow[], query: PeopleQuery = PEOPLE_QUERY) {
  const cbs = callbacks();
  render(PeopleTable, { props: { rows, today: TODAY, query, ...cbs } });
  return cbs;
}

/** The body rows (the header row left out). */
const bodyRows = () => screen.getAllByRole("row").slice(1);
/** The names in the order shown. */
const names = () => bodyRows().map((row) => within(row).getAllByRole("cell")[0]?.textContent?.trim());
const header = (title: string) => screen.getByRole("columnheader", { name: new RegExp(`^${title}`) });
const sortButton = (title: string) => within(header(title)).getByRole("button", { name: title });

const crew = (): PersonRow[] => [
  person("Émile", { tags: ["team/platform"], lastSeen: "2026-11-01", relationship: "peer" }),
  person("Eddie", { tags: ["team/payments"], lastSeen: "2026-11-20", relationship: "report" }),
  person("Анна", { relationship: "family", lastSeen: "2026-10-01" }),
  person("Zoe", { relationship: "friend", tags: ["book-club"], lastSeen: null, status: "never-seen", nextDue: null, daysUntilDue: null }),
  person("Old Friend", { relationship: "friend", archived: true, status: "archived", nextDue: null, daysUntilDue: null }),
];

describe("People table: structure and cells", () => {
  it("is a real table with a caption, column headers and a count", () => {
    setup(crew());
    const table = screen.getByRole("table", { name: "People" });
    expect(table.querySelector("caption")?.textContent?.trim()).toBe("People");
    const headers = within(table).getAllByRole("columnheader");
    expect(headers.every((th) => th.getAttribute("scope") === "col")).toBe(true);
    expect(headers.map((th) => within(th).queryAllByRole("button")[0]?.textContent?.trim())).toContain("Next due");
    expect(screen.getByText("4 people")).toBeTruthy();
  });

  it("writes due dates and last seen in words, coloured by status, with the date as a title", () => {
    setup([
      person("Anya Petrova", { status: "overdue", nextDue: "2026-11-16", daysUntilDue: -5, lastSeen: "2026-11-18" }),
      person("John Appleseed", { status: "ok", nextDue: "2026-11-24", daysUntilDue: 3 }),
      person("Zoe", { status: "never-seen", lastSeen: null, nextDue: null, daysUntilDue: null }),
      person("Sam", { status: "due-soon", nextDue: "2026-11-22", daysUntilDue: 1 }),
      person("Kim", { status: "snoozed", nextDue: "2026-12-01", daysUntilDue: 10 }),
    ]);
    const overdue = screen.getByText("5 days overdue");
    expect(overdue.classList.contains("ooo-status-overdue")).toBe(true);
    expect(overdue.getAttribute("title")).toBe("2026-11-16");
    expect(screen.getByText("in 3 days").classList.contains("ooo-status-ok")).toBe(true);
    expect(screen.getByText("never seen").classList.contains("ooo-status-never-seen")).toBe(true);
    expect(screen.getByText("tomorrow").classList.contains("ooo-status-due-soon")).toBe(true);
    expect(screen.getByText("snoozed, back in 10 days").classList.contains("ooo-status-snoozed")).toBe(true);
    const seen = screen.getAllByText("3 days ago")[0] as HTMLElement;
    expect(seen.getAttribute("title")).toBe("2026-11-18");
    expect(screen.getByText("never")).toBeTruthy();
  });

  it("shows problems as a count with the sentences listed", () => {
    setup([person("Anya Petrova", { problems: ["Unknown cadence “fortnightly”.", "Birthday is not a date."] })]);
    const problems = screen.getByText("2", { selector: "summary" });
    expect(problems.getAttribute("aria-label")).toBe("2 problems");
    const details = problems.closest("details") as HTMLElement;
    expect(within(details).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Unknown cadence “fortnightly”.",
      "Birthday is not a date.",
    ]);
  });

  it("renders a name full of markup as text", () => {
    setup([person("<img src=x onerror=alert(1)>")]);
    expect(screen.getByRole("button", { name: "<img src=x onerror=alert(1)>" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Start 1:1 with <img src=x onerror=alert(1)>" })).toBeTruthy();
    expect(document.querySelector("img")).toBeNull();
  });

  it("acts on a row: open, start a 1:1, mark seen", async () => {
    const cbs = setup(crew());
    await fireEvent.click(screen.getByRole("button", { name: "Eddie" }));
    expect(cbs.onOpen).toHaveBeenCalledWith("People/Eddie.md");
    await fireEvent.click(screen.getByRole("button", { name: "Start 1:1 with Zoe" }));
    expect(cbs.onStart).toHaveBeenCalledWith("People/Zoe.md");
    await fireEvent.click(screen.getByRole("button", { name: "Mark Анна as seen today" }));
    expect(cbs.onMarkSeen).toHaveBeenCalledWith("People/Анна.md");
  });

  it("says when nobody matches", async () => {
    setup(crew());
    await fireEvent.input(screen.getByRole("searchbox", { name: "Filter people" }), { target: { value: "nobody at all" } });
    expect(screen.getByText("No people match.")).toBeTruthy();
    expect(screen.getByText("0 people")).toBeTruthy();
  });
});

describe("People table: no people yet", () => {
  it("offers New person, Import contacts and Adopt existing notes first, with no empty table above them", async () => {
    const onNewPerson = vi.fn<() => void>();
    const onImportContacts = vi.fn<() => void>();
    const onAdoptNotes = vi.fn<() => void>();
    const { container } = render(PeopleTable, {
      props: { rows: [], today: TODAY, query: PEOPLE_QUERY, ...callbacks(), onNewPerson, onImportContacts, onAdoptNotes },
    });
    const start = screen.getByRole("region", { name: "No people yet" });
    expect(screen.queryByRole("table")).toBeNull();
    // Nothing comes before it in the view: it is the first thing a new user reads.
    expect(container.querySelector(".ooo-people")?.firstElementChild).toBe(start);
    const buttons = within(start).getAllByRole("button").map((b) => b.textContent?.trim());
    expect(buttons).toEqual(["New person", "Import contacts", "Adopt existing notes"]);

    await fireEvent.click(within(start).getByRole("button", { name: "New person" }));
    await fireEvent.click(within(start).getByRole("button", { name: "Import contacts" }));
    await fireEvent.click(within(start).getByRole("button", { name: "Adopt existing notes" }));
    expect([onNewPerson.mock.calls.length, onImportContacts.mock.calls.length, onAdoptNotes.mock.calls.length]).toEqual([1, 1, 1]);
  });

  it("keeps the table's filters out of the way while there is nobody to filter, and offers nothing once someone is there", () => {
    setup([]);
    expect(screen.queryByRole("searchbox", { name: "Filter people" })).toBeNull();
    cleanup();
    setup(crew());
    expect(screen.queryByRole("region", { name: "No people yet" })).toBeNull();
    expect(screen.queryByRole("button", { name: "New person" })).toBeNull();
  });
});

describe("People table: sorting", () => {
  it("sorts names locale-aware: accents with their letter, Cyrillic after Latin", async () => {
    setup(crew());
    expect(names()).toEqual(["Eddie", "Émile", "Zoe", "Анна"]);
    await fireEvent.click(sortButton("Name"));
    expect(names()).toEqual(["Анна", "Zoe", "Émile", "Eddie"]);
  });

  it("marks the sorted column with aria-sort and flips it on a second click", async () => {
    const cbs = setup(crew());
    const others = () => screen.getAllByRole("columnheader").filter((th) => th !== header("Name"));
    expect(header("Name").getAttribute("aria-sort")).toBe("ascending");
    expect(others().every((th) => !th.hasAttribute("aria-sort"))).toBe(true);

    await fireEvent.click(sortButton("Name"));
    expect(header("Name").getAttribute("aria-sort")).toBe("descending");

    await fireEvent.click(sortButton("Last seen"));
    expect(header("Last seen").getAttribute("aria-sort")).toBe("ascending");
    expect(header("Name").hasAttribute("aria-sort")).toBe(false);
    expect(names()).toEqual(["Анна", "Émile", "Eddie", "Zoe"]);
    expect(cbs.onQueryChange).toHaveBeenLastCalledWith({ ...PEOPLE_QUERY, sort: { column: "lastSeen", direction: "ascending" } });

    await fireEvent.click(sortButton("Last seen"));
    expect(header("Last seen").getAttribute("aria-sort")).toBe("descending");
    expect(names()).toEqual(["Eddie", "Émile", "Анна", "Zoe"]);
  });

  it("sorts names by first or last name", async () => {
    const cbs = setup([person("Anya Petrova"), person("John Appleseed"), person("Bea Zimmer")]);
    expect(names()).toEqual(["Anya Petrova", "Bea Zimmer", "John Appleseed"]);
    const last = screen.getByRole("button", { name: "Last name" });
    expect(last.getAttribute("aria-pressed")).toBe("false");
    await fireEvent.click(last);
    expect(last.getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByRole("button", { name: "First name" }).getAttribute("aria-pressed")).toBe("false");
    expect(names()).toEqual(["John Appleseed", "Anya Petrova", "Bea Zimmer"]);
    expect(cbs.onQueryChange).toHaveBeenLastCalledWith({ ...PEOPLE_QUERY, nameOrder: "last" });
  });

  it("starts from the query it is given", () => {
    setup(crew(), { ...PEOPLE_QUERY, sort: { column: "lastSeen", direction: "descending" }, group: "friends", showArchived: true });
    expect(header("Last seen").getAttribute("aria-sort")).toBe("descending");
    expect(screen.getByRole<HTMLSelectElement>("combobox", { name: "Relationship" }).value).toBe("friends");
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "Show archived" }).checked).toBe(true);
    expect(names()).toEqual(["Old Friend", "Анна", "Zoe"]);
  });
});

describe("People table: filters and copying", () => {
  it("filters by text, ignoring case and accents", async () => {
    const cbs = setup(crew());
    const filter = screen.getByRole("searchbox", { name: "Filter people" });
    expect(filter.getAttribute("placeholder")).toBe("Filter people");
    await fireEvent.input(filter, { target: { value: "EMI" } });
    expect(names()).toEqual(["Émile"]);
    expect(screen.getByText("1 person")).toBeTruthy();
    expect(cbs.onQueryChange).toHaveBeenLastCalledWith({ ...PEOPLE_QUERY, text: "EMI" });
  });

  it("filters by relationship group", async () => {
    const cbs = setup(crew());
    const group = screen.getByRole("combobox", { name: "Relationship" });
    expect(within(group).getAllByRole("option").map((o) => o.textContent)).toEqual(["All", "Colleagues", "Friends and family"]);
    await fireEvent.change(group, { target: { value: "friends" } });
    expect(names()).toEqual(["Zoe", "Анна"]);
    await fireEvent.change(group, { target: { value: "colleagues" } });
    expect(names()).toEqual(["Eddie", "Émile"]);
    expect(cbs.onQueryChange).toHaveBeenLastCalledWith({ ...PEOPLE_QUERY, group: "colleagues" });
  });

  it("filters by tag, parents included", async () => {
    const cbs = setup(crew());
    const tag = screen.getByRole("combobox", { name: "Tag" });
    expect(within(tag).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Any tag",
      "#book-club",
      "#team",
      "#team/payments",
      "#team/platform",
    ]);
    await fireEvent.change(tag, { target: { value: "team" } });
    expect(names()).toEqual(["Eddie", "Émile"]);
    await fireEvent.change(tag, { target: { value: "team/payments" } });
    expect(names()).toEqual(["Eddie"]);
    expect(cbs.onQueryChange).toHaveBeenLastCalledWith({ ...PEOPLE_QUERY, tag: "team/payments" });
    await fireEvent.change(tag, { target: { value: "" } });
    expect(names()).toHaveLength(4);
    expect(cbs.onQueryChange).toHaveBeenLastCalledWith({ ...PEOPLE_QUERY, tag: null });
  });

  it("shows archived people on request", async () => {
    const cbs = setup(crew());
    expect(names()).not.toContain("Old Friend");
    await fireEvent.click(screen.getByRole("checkbox", { name: "Show archived" }));
    expect(names()).toContain("Old Friend");
    expect(screen.getByText("archived").classList.contains("ooo-status-archived")).toBe(true);
    expect(cbs.onQueryChange).toHaveBeenLastCalledWith({ ...PEOPLE_QUERY, showArchived: true });
  });

  it("copies the visible rows, in the order shown", async () => {
    const rows = crew();
    const cbs = setup(rows);
    await fireEvent.change(screen.getByRole("combobox", { name: "Relationship" }), { target: { value: "friends" } });
    await fireEvent.click(sortButton("Name"));
    await fireEvent.click(screen.getByRole("button", { name: "Copy as Markdown" }));
    expect(cbs.onCopy).toHaveBeenLastCalledWith("markdown", [rows[2], rows[3]]);
    await fireEvent.click(screen.getByRole("button", { name: "Copy as CSV" }));
    expect(cbs.onCopy).toHaveBeenLastCalledWith("csv", [rows[2], rows[3]]);
  });
});

describe("People table: keyboard", () => {
  it("keeps one row in the tab order and moves with the arrow keys, Home and End", async () => {
    const cbs = setup(crew());
    const rows = bodyRows();
    expect(rows.map((r) => r.tabIndex)).toEqual([0, -1, -1, -1]);
    // Controls of other rows stay out of the tab order too.
    expect(within(rows[1] as HTMLElement).getByRole("button", { name: "Émile" }).tabIndex).toBe(-1);
    expect(within(rows[0] as HTMLElement).getByRole("button", { name: "Eddie" }).tabIndex).toBe(0);

    (rows[0] as HTMLElement).focus();
    await fireEvent.keyDown(rows[0] as HTMLElement, { key: "ArrowDown" });
    await vi.waitFor(() => expect(document.activeElement).toBe(bodyRows()[1]));
    expect(bodyRows().map((r) => r.tabIndex)).toEqual([-1, 0, -1, -1]);

    await fireEvent.keyDown(document.activeElement as HTMLElement, { key: "Enter" });
    expect(cbs.onOpen).toHaveBeenCalledWith("People/Émile.md");

    await fireEvent.keyDown(document.activeElement as HTMLElement, { key: "End" });
    await vi.waitFor(() => expect(document.activeElement).toBe(bodyRows()[3]));
    await fireEvent.keyDown(document.activeElement as HTMLElement, { key: "ArrowDown" });
    await vi.waitFor(() => expect(document.activeElement).toBe(bodyRows()[3]));
    await fireEvent.keyDown(document.activeElement as HTMLElement, { key: "ArrowUp" });
    await vi.waitFor(() => expect(document.activeElement).toBe(bodyRows()[2]));
    await fireEvent.keyDown(document.activeElement as HTMLElement, { key: "Home" });
    await vi.waitFor(() => expect(document.activeElement).toBe(bodyRows()[0]));
    expect(cbs.onOpen).toHaveBeenCalledTimes(1);
  });

  it("Enter on a row's button does that button's job, not the row's", async () => {
    const cbs = setup(crew());
    const start = screen.getByRole("button", { name: "Start 1:1 with Eddie" });
    await fireEvent.keyDown(start, { key: "Enter" });
    expect(cbs.onOpen).not.toHaveBeenCalled();
  });

  it("the focused row follows the person when the table is re-sorted", async () => {
    setup(crew());
    const emile = bodyRows()[1] as HTMLElement;
    emile.focus();
    await fireEvent.focusIn(emile);
    await fireEvent.click(sortButton("Name"));
    const rows = bodyRows();
    expect(names()).toEqual(["Анна", "Zoe", "Émile", "Eddie"]);
    expect(rows.map((r) => r.tabIndex)).toEqual([-1, -1, 0, -1]);
  });
});

describe("People table: updates through the props store", () => {
  it("re-renders new rows and keeps the sort, the filters and the name order", () => {
    const cbs = callbacks();
    const props = createPeopleTableProps({ rows: crew(), today: TODAY, query: PEOPLE_QUERY, ...cbs });
    const target = document.body.appendChild(document.createElement("div"));
    const component = mount(PeopleTable, { target, props });
    try {
      flushSync();
      sortButton("Last seen").click();
      flushSync();
      sortButton("Last seen").click();
      flushSync();
      const group = screen.getByRole<HTMLSelectElement>("combobox", { name: "Relationship" });
      group.value = "colleagues";
      group.dispatchEvent(new Event("change", { bubbles: true }));
      flushSync();
      expect(names()).toEqual(["Eddie", "Émile"]);

      props.rows = [...crew(), person("Mia", { relationship: "manager", lastSeen: "2026-11-10" })];
      flushSync();
      expect(header("Last seen").getAttribute("aria-sort")).toBe("descending");
      expect(group.value).toBe("colleagues");
      expect(names()).toEqual(["Eddie", "Mia", "Émile"]);
      expect(screen.getByText("3 people")).toBeTruthy();
    } finally {
      void unmount(component);
      target.remove();
    }
  });
});

describe("a large table", () => {
  it("renders 200 rows at first and more on request", async () => {
    const rows = Array.from({ length: 450 }, (_, i) => person(`Person ${String(i).padStart(3, "0")}`));
    setup(rows);
    const bodyRows = () => document.querySelectorAll("tbody tr").length;
    expect(bodyRows()).toBe(200);
    await fireEvent.click(screen.getByText("Show 200 more"));
    expect(bodyRows()).toBe(400);
    await fireEvent.click(screen.getByText("Show 50 more"));
    expect(bodyRows()).toBe(450);
    expect(screen.queryByText(/Show \d+ more/)).toBeNull();
    expect(screen.getByText("450 people")).toBeTruthy();
  });
});
