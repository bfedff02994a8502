import { flushSync, mount, unmount } from "svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import AgreementsList from "../../src/views/components/AgreementsList.svelte";
import { createAgreementsListProps } from "../../src/views/state/agreements-list-store.svelte";
import type { AgreementItem } from "../../src/domain/view-models";
import { TODAY, agreement, deferred } from "./builders";

afterEach(() => cleanup());

function callbacks() {
  return {
    onToggle: vi.fn<(item: AgreementItem) => void | Promise<void>>(),
    onOpen: vi.fn<(item: AgreementItem) => void>(),
  };
}

describe("AgreementsList (the live block)", () => {
  it("shows the empty text when there is nothing open", () => {
    render(AgreementsList, { props: { items: [], today: TODAY, emptyText: "No open agreements with Anya.", ...callbacks() } });
    expect(screen.getByText("No open agreements with Anya.")).toBeTruthy();
    expect(screen.queryByRole("list")).toBeNull();
  });

  it("renders the same rows as Follow-ups, without repeating the block's person", () => {
    const items = [
      agreement({ text: "Share the RFC draft", ownerName: "Anya Petrova", due: "2026-11-18" }),
      agreement({ text: "Book the training", ownerIsMe: true, due: "2026-11-23", sourceLabel: "1:1 of 2026-11-14" }),
    ];
    render(AgreementsList, { props: { items, today: TODAY, emptyText: "None.", ...callbacks() } });
    expect(screen.getAllByRole("listitem")).toHaveLength(2);
    expect(screen.getByRole("checkbox", { name: "Done: Share the RFC draft" })).toBeTruthy();
    expect(screen.getByText("3 days overdue").classList.contains("is-overdue")).toBe(true);
    expect(screen.getByText("due in 2 days").classList.contains("is-overdue")).toBe(false);
    expect(screen.getByText("Me")).toBeTruthy();
    // The owner Anya is shown once; the person column is left out in a person's own block.
    expect(screen.getAllByText("Anya Petrova")).toHaveLength(1);
    expect(screen.getByRole("button", { name: "1:1 of 2026-11-14" })).toBeTruthy();
  });

  it("ticks and opens through its callbacks", async () => {
    const cbs = callbacks();
    const pending = deferred();
    cbs.onToggle.mockReturnValue(pending.promise);
    const items = [agreement({ text: "Book the training", ownerIsMe: true })];
    render(AgreementsList, { props: { items, today: TODAY, emptyText: "None.", ...cbs } });
    const box = screen.getByRole<HTMLInputElement>("checkbox", { name: "Done: Book the training" });
    await fireEvent.click(box);
    expect(cbs.onToggle).toHaveBeenCalledWith(items[0]);
    expect(box.disabled).toBe(true);
    pending.resolve();
    await vi.waitFor(() => expect(box.disabled).toBe(false));
    await fireEvent.click(screen.getByRole("button", { name: "Book the training" }));
    expect(cbs.onOpen).toHaveBeenCalledWith(items[0]);
  });

  it("keeps a pending row disabled when other rows change, and shows new items", async () => {
    const cbs = callbacks();
    const pending = deferred();
    cbs.onToggle.mockReturnValue(pending.promise);
    const first = agreement({ text: "Book the training" });
    const props = createAgreementsListProps({ items: [first], today: TODAY, emptyText: "None.", ...cbs });
    const target = document.body.appendChild(document.createElement("div"));
    const component = mount(AgreementsList, { target, props });
    try {
      flushSync();
      const box = screen.getByRole<HTMLInputElement>("checkbox", { name: "Done: Book the training" });
      box.click();
      flushSync();
      expect(box.disabled).toBe(true);

      props.items = [first, agreement({ text: "Send the notes" })];
      flushSync();
      expect(screen.getAllByRole("checkbox")).toHaveLength(2);
      expect(box.disabled).toBe(true);

      pending.resolve();
      props.items = [];
      props.emptyText = "All done.";
      await vi.waitFor(() => expect(screen.getByText("All done.")).toBeTruthy());
    } finally {
      void unmount(component);
      target.remove();
    }
  });
});
