// The People table at the widths people use: a laptop with both sidebars open, a small window,
// a phone. At each, every row shows its name, next due and last seen, and its actions can be
// clicked where they are, without scrolling sideways.
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { TODAY, runFromPalette, saved, until, usePreviewSession } from "./harness";

const session = usePreviewSession();

const people = (page: Page) => page.locator('.mod-root .workspace-leaf-content[data-type="one-on-ones-people"]');

interface Layout {
  width: number;
  left: boolean;
  right: boolean;
}

/** Sets the window's width and opens or closes each sidebar; People is the tab in front. */
async function arrange(page: Page, layout: Layout): Promise<void> {
  await page.setViewportSize({ width: layout.width, height: 800 });
  if (layout.right) await runFromPalette(page, "One-on-Ones: Open follow-ups");
  await runFromPalette(page, "One-on-Ones: Open people");
  const collapsed = (side: "left" | "right") => page.locator(`.mod-${side}-split`).evaluate((el) => el.classList.contains("is-collapsed"));
  if ((await collapsed("left")) === layout.left) await runFromPalette(page, "Toggle left sidebar");
  if (layout.right && (await collapsed("right"))) await runFromPalette(page, "Toggle right sidebar");
  expect([!(await collapsed("left")), !(await collapsed("right"))]).toEqual([layout.left, layout.right]);
  await people(page).locator("tbody tr").first().waitFor();
}

interface Part {
  row: string;
  part: string;
  text: string;
  /** Fully inside the pane's table box and the window. */
  inside: boolean;
  /** A click at its middle lands on it. */
  onTop: boolean;
}

/** Each row's name, next due, last seen and two buttons: where they are, and whether they can be clicked. */
async function rowParts(view: Locator): Promise<{ parts: Part[]; sideways: number }> {
  return view.evaluate((root) => {
    const scroll = root.querySelector(".ooo-table-scroll");
    if (!scroll) throw new Error("no table");
    const parts: Part[] = [];
    for (const row of Array.from(root.querySelectorAll<HTMLElement>("tbody tr"))) {
      row.scrollIntoView({ block: "center" });
      const box = scroll.getBoundingClientRect();
      const name = row.querySelector(".ooo-person-name")?.textContent?.trim() ?? "?";
      const elements: [string, Element | null][] = [
        ["name", row.querySelector(".ooo-col-name .ooo-person-name")],
        ["next due", row.querySelector(".ooo-col-nextDue")],
        ["last seen", row.querySelector(".ooo-col-lastSeen")],
        ["Start 1:1", row.querySelector(`button[aria-label^="Start 1:1 with"]`)],
        ["Mark seen", row.querySelector(`button[aria-label^="Mark "]`)],
      ];
      for (const [part, el] of elements) {
        if (!el) {
          parts.push({ row: name, part, text: "", inside: false, onTop: false });
          continue;
        }
        const r = el.getBoundingClientRect();
        const inside =
          r.width > 0 &&
          r.height > 0 &&
          r.left >= box.left - 0.5 &&
          r.right <= box.right + 0.5 &&
          r.top >= box.top - 0.5 &&
          r.bottom <= box.bottom + 0.5 &&
          r.right <= window.innerWidth &&
          r.bottom <= window.innerHeight;
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        parts.push({ row: name, part, text: (el.textContent ?? "").trim(), inside, onTop: hit !== null && (hit === el || el.contains(hit)) });
      }
    }
    return { parts, sideways: scroll.scrollWidth - scroll.clientWidth };
  });
}

const LAYOUTS: [string, Layout][] = [
  ["1280 px with both sidebars open", { width: 1280, left: true, right: true }],
  ["900 px with the file list open", { width: 900, left: true, right: false }],
  ["900 px with both sidebars closed", { width: 900, left: false, right: false }],
  ["390 px (a phone)", { width: 390, left: false, right: false }],
];

describe("People at any width", () => {
  for (const [title, layout] of LAYOUTS) {
    it(`${title}: every row shows its name, next due and last seen, and its actions can be clicked`, async () => {
      const { page } = await session.open();
      await arrange(page, layout);
      const { parts, sideways } = await rowParts(people(page));
      expect(parts).toHaveLength(12 * 5);
      expect(sideways).toBeLessThanOrEqual(0);
      expect(parts.filter((p) => !p.inside || !p.onTop || p.text === "")).toEqual([]);

      // A real click on the last row's "Mark seen" marks that person seen, on disk.
      const last = parts.filter((p) => p.part === "Mark seen").at(-1);
      if (!last) throw new Error("no rows");
      await people(page).getByRole("button", { name: `Mark ${last.row} as seen today` }).click();
      await saved(page);
      const note = `People/${last.row}.md`;
      await until(`${note} marked seen`, () => session.server.read(note), (text) => text.includes(`last-seen: ${TODAY}`));
    });
  }
});

describe("People in a pane of any width", () => {
  it("never needs scrolling sideways to reach a row's name, dates or actions, from 390 to 1,600 px", async () => {
    const { page } = await session.open();
    await arrange(page, { width: 1600, left: false, right: false });
    const failures: string[] = [];
    for (let width = 390; width <= 1600; width += 30) {
      await page.setViewportSize({ width, height: 800 });
      const { parts, sideways } = await rowParts(people(page));
      if (sideways > 0) failures.push(`${width} px: ${sideways} px to scroll sideways`);
      for (const p of parts) if (!p.inside || !p.onTop || p.text === "") failures.push(`${width} px: ${p.row}'s ${p.part}`);
    }
    expect(failures).toEqual([]);
  });

  it("on a phone, each card shows the name and next due, then last seen, the actions, then the rest", async () => {
    const { page } = await session.open();
    await arrange(page, { width: 390, left: false, right: false });
    const card = people(page).locator("tbody tr", { has: page.getByRole("button", { name: "Kwame Mensah", exact: true }) });
    const top = async (selector: string) => (await card.locator(selector).first().boundingBox())?.y ?? Number.NaN;
    const [name, due, seen, actions, relationship, role] = await Promise.all([
      top(".ooo-col-name"),
      top(".ooo-col-nextDue"),
      top(".ooo-col-lastSeen"),
      top(".ooo-col-actions"),
      top(".ooo-col-relationship"),
      top(".ooo-col-role"),
    ]);
    expect(Math.abs(name - due)).toBeLessThan(8);
    expect(name < seen && seen < actions && actions < relationship && relationship <= role).toBe(true);
    expect((await card.locator(".ooo-col-relationship").innerText()).trim()).toBe("Friend");
    expect((await card.locator(".ooo-col-role").innerText()).trim()).toBe("Physics teacher");
  });
});
