import { flushSync, mount, unmount } from "svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/svelte";
import FollowUps from "../../src/views/components/FollowUps.svelte";
import { createFollowUpsProps, type FollowUpsProps } from "../../src/views/state/follow-ups-store.svelte";
import type { AgreementItem, PersonRow } from "../../src/domain/view-models";
import { FOLLOW_UPS_QUERY, TODAY, agreement, deferred, person } from "./builders";

afterEach(() => cleanup());

function callbacks() {
  return {
    onToggle: vi.fn<(item: AgreementItem) => void | Promise<void>>(),
    onOpen: vi.fn<(item: AgreementItem) => void>(),
    onOpenPerson: vi.fn<(path: string) => void>(),
    onStart: vi.fn<(path: string) => void>(),
    onMarkSeen: vi.fn<(path: string) => void>(),
    onQueryChange: vi.fn(),
  };
}

function setup(agreements: AgreementItem[], people: PersonRow[] = [], over: Partial<FollowUpsProps> = {}) {
  const cbs = callbacks();
  const props: FollowUpsProps = { agreements, people, today: TODAY, query: FOLLOW_UPS_QUERY, ...cbs, ...over };
  render(FollowUps, { props });
  return cbs;
}

const groupButton = (title: string) => screen.getByRole("button", { name: new RegExp(`^${title}\\b`) });
const checkboxes = () => screen.queryAllByRole("checkbox");

const sample = (): AgreementItem[] => [
  agreement({ text: "Share the RFC draft", ownerName: "Anya Petrova", due: "2026-11-18" }),
  agreement({ text: "Book the training", ownerIsMe: true, due: "2026-11-20" }),
  agreement({ text: "Intro Anya to the platform lead", ownerIsMe: true, due: "2026-11-22" }),
  agreement({
    text: "Send the offsite agenda",
    ownerName: "John Appleseed",
    personName: "John Appleseed",
    personPath: "People/John Appleseed.md",
    due: "2026-12-20",
  }),
  agreement({ text: "Read the book", personName: "John Appleseed", personPath: "People/John Appleseed.md" }),
];

describe("Follow-ups: agreements", () => {
  it("groups by due date with a count on each group and totals above", () => {
    setup(sample());
    expect(screen.getByText("2 overdue · 1 due soon · 5 open")).toBeTruthy();
    const headers = screen.getAllByRole("button", { expanded: true });
    expect(headers.map((h) => h.textContent?.replace(/\s+/g, " ").trim())).toEqual([
      "Overdue 2",
      "Due soon 1",
      "Later 1",
      "No due date 1",
    ]);
    const overdue = groupButton("Overdue").closest(".ooo-group") as HTMLElement;
    expect(within(overdue).getByRole("checkbox", { name: "Done: Share the RFC draft" })).toBeTruthy();
    expect(within(overdue).getByText("3 days overdue").classList.contains("is-overdue")).toBe(true);
    expect(within(overdue).getByText("1 day overdue")).toBeTruthy();
    const soon = groupButton("Due soon").closest(".ooo-group") as HTMLElement;
    expect(within(soon).getByText("due tomorrow").classList.contains("is-overdue")).toBe(false);
  });

  it("shows the owner, the person and the source, and opens the note from the text or the source", async () => {
    const cbs = setup([agreement({ text: "Book the training", ownerIsMe: true, sourceLabel: "1:1 of 2026-11-07" })]);
    expect(screen.getByText("Me")).toBeTruthy();
    expect(screen.getByText("Anya Petrova")).toBeTruthy();
    await fireEvent.click(screen.getByRole("button", { name: "Book the training" }));
    await fireEvent.click(screen.getByRole("button", { name: "1:1 of 2026-11-07" }));
    expect(cbs.onOpen).toHaveBeenCalledTimes(2);
    expect(cbs.onOpen.mock.calls[0]?.[0]?.text).toBe("Book the training");
  });

  it("filters Mine and Theirs with pressed buttons and reports the query", async () => {
    const cbs = setup(sample());
    const mine = screen.getByRole("button", { name: "Mine" });
    const all = screen.getByRole("button", { name: "All" });
    expect(all.getAttribute("aria-pressed")).toBe("true");
    expect(mine.getAttribute("aria-pressed")).toBe("false");

    await fireEvent.click(mine);
    expect(mine.getAttribute("aria-pressed")).toBe("true");
    expect(all.getAttribute("aria-pressed")).toBe("false");
    expect(checkboxes().map((c) => c.getAttribute("aria-label"))).toEqual([
      "Done: Book the training",
      "Done: Intro Anya to the platform lead",
    ]);
    expect(screen.getByText("1 overdue · 1 due soon · 2 open")).toBeTruthy();
    expect(cbs.onQueryChange).toHaveBeenLastCalledWith({ groupBy: "due", owner: "mine", search: "" });

    await fireEvent.click(screen.getByRole("button", { name: "Theirs" }));
    expect(checkboxes()).toHaveLength(3);
    expect(screen.queryByRole("checkbox", { name: "Done: Book the training" })).toBeNull();
    expect(cbs.onQueryChange).toHaveBeenLastCalledWith({ groupBy: "due", owner: "theirs", search: "" });
  });

  it("searches text, owner and person, ignoring case and accents", async () => {
    const cbs = setup([...sample(), agreement({ text: "Café with Zoë" })]);
    const search = screen.getByRole("searchbox", { name: "Search agreements" });
    expect(search.getAttribute("placeholder")).toBe("Search agreements");

    await fireEvent.input(search, { target: { value: "appleseed" } });
    expect(checkboxes()).toHaveLength(2);
    expect(cbs.onQueryChange).toHaveBeenLastCalledWith({ groupBy: "due", owner: "all", search: "appleseed" });

    await fireEvent.input(search, { target: { value: "cafe zoe" } });
    expect(checkboxes().map((c) => c.getAttribute("aria-label"))).toEqual(["Done: Café with Zoë"]);

    await fireEvent.input(search, { target: { value: "nothing like this" } });
    expect(checkboxes()).toHaveLength(0);
    expect(screen.getByText("No agreements match.")).toBeTruthy();
  });

  it("groups by person", async () => {
    setup(sample());
    const byPerson = screen.getByRole("button", { name: "By person" });
    await fireEvent.click(byPerson);
    expect(byPerson.getAttribute("aria-pressed")).toBe("true");
    const headers = screen.getAllByRole("button", { expanded: true });
    expect(headers.map((h) => h.textContent?.replace(/\s+/g, " ").trim())).toEqual(["Anya Petrova 3", "John Appleseed 2"]);
    const john = groupButton("John Appleseed").closest(".ooo-group") as HTMLElement;
    expect(within(john).getAllByRole("checkbox").map((c) => c.getAttribute("aria-label"))).toEqual([
      "Done: Send the offsite agenda",
      "Done: Read the book",
    ]);
  });

  it("starts from the query it is given", () => {
    setup(sample(), [], { query: { groupBy: "person", owner: "mine", search: "training" } });
    expect(screen.getByRole("button", { name: "By person" }).getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByRole("button", { name: "Mine" }).getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByRole<HTMLInputElement>("searchbox").value).toBe("training");
    expect(checkboxes().map((c) => c.getAttribute("aria-label"))).toEqual(["Done: Book the training"]);
  });

  it("collapses and expands a group from its header", async () => {
    setup(sample());
    const overdue = groupButton("Overdue");
    expect(overdue.getAttribute("aria-controls")).toBeTruthy();
    await fireEvent.click(overdue);
    expect(overdue.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("checkbox", { name: "Done: Share the RFC draft" })).toBeNull();
    expect(checkboxes()).toHaveLength(3);
    await fireEvent.click(overdue);
    expect(overdue.getAttribute("aria-expanded")).toBe("true");
    expect(screen.getByRole("checkbox", { name: "Done: Share the RFC draft" })).toBeTruthy();
  });

  it("ticking calls onToggle with that item and disables the box until it settles", async () => {
    const items = sample();
    const pending = deferred();
    const cbs = setup(items);
    cbs.onToggle.mockReturnValue(pending.promise);
    const box = screen.getByRole<HTMLInputElement>("checkbox", { name: "Done: Book the training" });

    await fireEvent.click(box);
    expect(cbs.onToggle).toHaveBeenCalledTimes(1);
    expect(cbs.onToggle).toHaveBeenCalledWith(items[1]);
    expect(box.disabled).toBe(true);
    expect(box.checked).toBe(true);
    // Other rows stay usable.
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "Done: Share the RFC draft" }).disabled).toBe(false);

    pending.resolve();
    await pending.promise;
    await Promise.resolve();
    flushSync();
    expect(box.disabled).toBe(false);
  });

  it("a failed tick enables the box again, unticked", async () => {
    const failing = deferred();
    const cbs = setup(sample());
    cbs.onToggle.mockReturnValue(failing.promise);
    const box = screen.getByRole<HTMLInputElement>("checkbox", { name: "Done: Book the training" });
    await fireEvent.click(box);
    expect(box.disabled).toBe(true);
    failing.reject(new Error("line moved"));
    await failing.promise.catch(() => undefined);
    await Promise.resolve();
    flushSync();
    expect(box.disabled).toBe(false);
    expect(box.checked).toBe(false);
  });

  // Role queries compute accessible names for every element: too slow for hundreds of rows in
  // jsdom, so these two count the boxes directly and find the button by its text.
  const boxCount = () => document.querySelectorAll('input[type="checkbox"]').length;
  const moreButton = (text: string) => screen.getByText(text, { selector: "button" });

  it("renders at most 200 rows per group and shows more on request", async () => {
    const many = Array.from({ length: 450 }, (_, i) =>
      agreement({ text: `Task ${String(i).padStart(3, "0")}`, due: "2026-11-01", line: i + 1, path: "Log.md" }),
    );
    setup(many);
    expect(screen.getByText("450 overdue · 450 open")).toBeTruthy();
    expect(groupButton("Overdue").textContent).toContain("450");
    expect(boxCount()).toBe(200);

    await fireEvent.click(moreButton("Show 200 more"));
    expect(boxCount()).toBe(400);
    await fireEvent.click(moreButton("Show 50 more"));
    expect(boxCount()).toBe(450);
    expect(screen.queryByText(/^Show \d+ more$/)).toBeNull();
  });

  it("stays responsive with 5,000 open agreements", () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      agreement({
        text: `Task ${i}`,
        due: i % 4 === 0 ? null : `2026-${String((i % 12) + 1).padStart(2, "0")}-10`,
        line: i + 1,
        path: `Notes/${i % 50}.md`,
      }),
    );
    setup(many);
    // Overdue, later and no date: one page each, whatever the total.
    expect(boxCount()).toBe(3 * 200);
    expect(screen.getByText(/· 5000 open$/)).toBeTruthy();
  });

  it("says so when there are no open agreements", () => {
    setup([]);
    expect(screen.getByText("No open agreements.")).toBeTruthy();
    expect(screen.getByText("0 open")).toBeTruthy();
  });

  it("renders markup in agreement text as text", () => {
    setup([agreement({ text: "<img src=x onerror=alert(1)>", ownerName: "<b>Bold</b>" })]);
    expect(screen.getByRole("button", { name: "<img src=x onerror=alert(1)>" })).toBeTruthy();
    expect(document.querySelector("img")).toBeNull();
    expect(document.querySelector("b")).toBeNull();
  });
});

describe("Follow-ups: people due and birthdays", () => {
  const people = () => [
    person("Anya Petrova", { status: "overdue", nextDue: "2026-11-16", daysUntilDue: -5, lastSeen: "2026-11-09" }),
    person("John Appleseed", { status: "due-soon", nextDue: "2026-11-22", daysUntilDue: 1, lastSeen: "2026-11-08" }),
    person("Zoë Kravitz", { status: "never-seen", lastSeen: null, nextDue: "2026-11-01", daysUntilDue: -20 }),
    person("Otto Fine", { status: "ok", nextBirthday: "2026-11-24" }),
    person("Birgit Today", { status: "ok", nextBirthday: TODAY }),
    person("Far Away", { status: "ok", nextBirthday: "2027-02-01" }),
    person("Old Friend", { status: "archived", archived: true, nextDue: null, daysUntilDue: null, nextBirthday: "2026-11-22" }),
  ];

  it("lists who is due, most overdue first, with status and last seen", () => {
    setup([], people());
    const section = screen.getByRole("region", { name: "People due" });
    const items = within(section).getAllByRole("listitem");
    expect(items.map((li) => within(li).getAllByRole("button")[0]?.textContent?.trim())).toEqual([
      "Zoë Kravitz",
      "Anya Petrova",
      "John Appleseed",
    ]);
    const anya = items[1] as HTMLElement;
    expect(within(anya).getByText("5 days overdue").classList.contains("ooo-status-overdue")).toBe(true);
    expect(within(anya).getByText("last seen 12 days ago")).toBeTruthy();
    expect(within(items[0] as HTMLElement).getByText("never seen")).toBeTruthy();
    expect(within(items[2] as HTMLElement).getByText("due tomorrow")).toBeTruthy();
  });

  it("starts a 1:1, marks seen and opens the person", async () => {
    const cbs = setup([], people());
    await fireEvent.click(screen.getByRole("button", { name: "Start 1:1 with Anya Petrova" }));
    expect(cbs.onStart).toHaveBeenCalledWith("People/Anya Petrova.md");
    await fireEvent.click(screen.getByRole("button", { name: "Mark John Appleseed as seen today" }));
    expect(cbs.onMarkSeen).toHaveBeenCalledWith("People/John Appleseed.md");
    const section = screen.getByRole("region", { name: "People due" });
    await fireEvent.click(within(section).getByRole("button", { name: "Zoë Kravitz" }));
    expect(cbs.onOpenPerson).toHaveBeenCalledWith("People/Zoë Kravitz.md");
  });

  it("lists birthdays in the next two weeks, soonest first", async () => {
    const cbs = setup([], people());
    const section = screen.getByRole("region", { name: "Birthdays" });
    const items = within(section).getAllByRole("listitem");
    expect(items.map((li) => li.textContent?.replace(/\s+/g, " ").trim())).toEqual([
      "Birgit Today today",
      "Otto Fine in 3 days",
    ]);
    await fireEvent.click(within(section).getByRole("button", { name: "Otto Fine" }));
    expect(cbs.onOpenPerson).toHaveBeenCalledWith("People/Otto Fine.md");
  });

  it("says when nobody is due and hides an empty birthday list", () => {
    setup([], [person("Otto Fine")]);
    expect(screen.getByText("Nobody is due.")).toBeTruthy();
    expect(screen.queryByRole("region", { name: "Birthdays" })).toBeNull();
  });
});

describe("Follow-ups: no people yet", () => {
  it("offers New person, Import contacts and Adopt existing notes at the top", async () => {
    const onNewPerson = vi.fn<() => void>();
    const onImportContacts = vi.fn<() => void>();
    const onAdoptNotes = vi.fn<() => void>();
    setup([], [], { onNewPerson, onImportContacts, onAdoptNotes });
    const start = screen.getByRole("region", { name: "No people yet" });
    // Above the toolbar and the sections.
    const toolbar = screen.getByRole("group", { name: "Group agreements" });
    expect(start.compareDocumentPosition(toolbar) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await fireEvent.click(within(start).getByRole("button", { name: "New person" }));
    await fireEvent.click(within(start).getByRole("button", { name: "Import contacts" }));
    await fireEvent.click(within(start).getByRole("button", { name: "Adopt existing notes" }));
    expect([onNewPerson.mock.calls.length, onImportContacts.mock.calls.length, onAdoptNotes.mock.calls.length]).toEqual([1, 1, 1]);
  });

  it("offers nothing once there is someone", () => {
    setup([], [person("Otto Fine")], { onNewPerson: vi.fn(), onImportContacts: vi.fn(), onAdoptNotes: vi.fn() });
    expect(screen.queryByRole("region", { name: "No people yet" })).toBeNull();
  });
});

describe("Follow-ups: keyboard", () => {
  it("reaches every control with Tab: all are buttons, checkboxes or inputs in document order", () => {
    setup(sample(), [person("Anya Petrova", { status: "overdue", nextDue: "2026-11-16", daysUntilDue: -5 })]);
    const focusable = [...document.querySelectorAll<HTMLElement>("button, input, [tabindex]")];
    expect(focusable.length).toBeGreaterThan(10);
    for (const el of focusable) {
      expect(el.tabIndex).toBe(0);
      expect(["BUTTON", "INPUT"]).toContain(el.tagName);
    }
  });
});

describe("Follow-ups: updates through the props store", () => {
  it("re-renders on new data and keeps collapsed groups and the search text", () => {
    const cbs = callbacks();
    const props = createFollowUpsProps({ agreements: sample(), people: [], today: TODAY, query: FOLLOW_UPS_QUERY, ...cbs });
    const target = document.body.appendChild(document.createElement("div"));
    const component = mount(FollowUps, { target, props });
    try {
      flushSync();
      const search = screen.getByRole<HTMLInputElement>("searchbox");
      search.value = "the";
      search.dispatchEvent(new Event("input", { bubbles: true }));
      flushSync();
      groupButton("Overdue").click();
      flushSync();
      expect(groupButton("Overdue").getAttribute("aria-expanded")).toBe("false");

      props.agreements = [
        ...sample(),
        agreement({ text: "Write the review", due: "2026-11-10" }),
        agreement({ text: "Plan the roadmap", due: "2026-11-30" }),
      ];
      flushSync();

      expect(screen.getByRole<HTMLInputElement>("searchbox").value).toBe("the");
      expect(groupButton("Overdue").getAttribute("aria-expanded")).toBe("false");
      expect(groupButton("Overdue").textContent).toContain("3");
      expect(screen.queryByRole("checkbox", { name: "Done: Write the review" })).toBeNull();
      expect(screen.getByRole("checkbox", { name: "Done: Plan the roadmap" })).toBeTruthy();

      props.today = "2026-12-25";
      flushSync();
      // A new day moves everything dated before it into the (still collapsed) overdue group.
      expect(groupButton("Overdue").getAttribute("aria-expanded")).toBe("false");
      expect(groupButton("Overdue").textContent).toContain("6");
      expect(screen.queryByRole("checkbox", { name: "Done: Plan the roadmap" })).toBeNull();

      props.people = [person("Anya Petrova", { status: "overdue", nextDue: "2026-12-20", daysUntilDue: -5 })];
      flushSync();
      expect(screen.getByRole("button", { name: "Start 1:1 with Anya Petrova" })).toBeTruthy();
    } finally {
      void unmount(component);
      target.remove();
    }
  });
});

describe("Components are plain Svelte", () => {
  it("render without Obsidian's DOM helpers", () => {
    const proto = HTMLElement.prototype as unknown as Record<string, unknown>;
    expect(proto.createEl).toBeUndefined();
    expect(proto.empty).toBeUndefined();
    expect(proto.addClass).toBeUndefined();
    setup(sample());
    expect(screen.getAllByRole("checkbox").length).toBe(5);
  });
});
