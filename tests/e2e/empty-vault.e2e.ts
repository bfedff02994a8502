// A vault with no people yet: People and Follow-ups say so at their top and offer the ways in.
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { runFromPalette, usePreviewSession } from "./harness";

const session = usePreviewSession({ leaveOut: ["People", "1-1s"] });

const view = (page: Page, type: string) => page.locator(`.workspace-leaf-content[data-type="one-on-ones-${type}"]`);

/** How far below the top of its view an element starts, in pixels. */
async function below(el: Locator, root: Locator): Promise<number> {
  const [a, b] = await Promise.all([el.boundingBox(), root.boundingBox()]);
  if (!a || !b) throw new Error("not shown");
  return a.y - b.y;
}

describe("a vault with no people", () => {
  for (const [type, open] of [
    ["people", "One-on-Ones: Open people"],
    ["follow-ups", "One-on-Ones: Open follow-ups"],
  ] as const) {
    it(`${type}: offers New person, Import contacts and Adopt existing notes at the top, each opening its dialog`, async () => {
      const { page } = await session.open();
      await runFromPalette(page, open);
      const root = view(page, type);
      const start = root.getByRole("region", { name: "No people yet" });
      await start.waitFor();
      for (const [button, title] of [
        ["New person", "New person"],
        ["Import contacts", "Import contacts"],
        ["Adopt existing notes", "Adopt existing notes"],
      ] as const) {
        const el = start.getByRole("button", { name: button, exact: true });
        // In the first screenful of the view, not under an empty table.
        expect(await below(el, root)).toBeLessThan(200);
        await el.click();
        const modal = page.locator(".modal-container .modal", { has: page.locator(".modal-title", { hasText: title }) });
        await modal.waitFor();
        await modal.locator(".modal-close-button").click();
        await modal.waitFor({ state: "detached" });
      }
    });
  }
});
