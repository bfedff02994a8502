// Details a user sees at once: links that stay readable under the mouse, and buttons that line up
// from row to row in Follow-ups' People due.
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { runFromPalette, usePreviewSession } from "./harness";

const LONG_NAME = "Maximiliana Featherstonehaugh-Cholmondeley";

const session = usePreviewSession({
  extraFiles: {
    // Overdue, so that she is among the people due.
    [`People/${LONG_NAME}.md`]: "---\ntype: person\nrelationship: peer\ncadence: weekly\nlast-seen: 2026-10-01\n---\n",
  },
});

const view = (page: Page, type: string) => page.locator(`.workspace-leaf-content[data-type="one-on-ones-${type}"]`);

/**
 * The contrast ratio (WCAG 2) of an element's text against what is behind it: its background and
 * those of its ancestors, see-through ones laid over the ones below.
 */
function contrast(el: Locator): Promise<number> {
  return el.evaluate((node) => {
    const parse = (css: string): [number, number, number, number] => {
      const parts = css.match(/[\d.]+/g)?.map(Number) ?? [];
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, css.startsWith("rgba") ? (parts[3] ?? 1) : 1];
    };
    const over = (top: [number, number, number, number], below: [number, number, number]): [number, number, number] => [
      top[0] * top[3] + below[0] * (1 - top[3]),
      top[1] * top[3] + below[1] * (1 - top[3]),
      top[2] * top[3] + below[2] * (1 - top[3]),
    ];
    const layers: Element[] = [];
    for (let at: Element | null = node; at; at = at.parentElement) layers.unshift(at);
    let back: [number, number, number] = [255, 255, 255];
    for (const layer of layers) back = over(parse(getComputedStyle(layer).backgroundColor), back);
    const text = over(parse(getComputedStyle(node).color), back);
    const luminance = ([r, g, b]: [number, number, number]) => {
      const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const [hi, lo] = [luminance(text), luminance(back)].sort((a, b) => b - a) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  });
}

describe("links under the mouse", () => {
  for (const theme of ["light", "dark"]) {
    it(`stay readable in the ${theme} theme: a person in People and in Follow-ups, an agreement and its source`, async () => {
      const { page } = await session.open({ theme });
      await runFromPalette(page, "One-on-Ones: Open follow-ups");
      await runFromPalette(page, "One-on-Ones: Open people");
      const followUps = view(page, "follow-ups");
      await followUps.locator(".ooo-agreement-row").first().waitFor();
      const links: [string, Locator][] = [
        ["a name in People", view(page, "people").getByRole("button", { name: "Anya Petrova", exact: true })],
        ["a name in People due", followUps.locator(".ooo-person-due .ooo-person-name").first()],
        ["an agreement", followUps.locator(".ooo-agreement-row-text").first()],
        ["an agreement's source", followUps.locator(".ooo-agreement-row-source:visible").first()],
      ];
      const poor: string[] = [];
      for (const [what, link] of links) {
        await link.hover();
        const ratio = await contrast(link);
        // WCAG AA for text of ordinary size.
        if (ratio < 4.5) poor.push(`${what}: ${ratio.toFixed(2)}`);
      }
      expect(poor).toEqual([]);
    });
  }
});

describe("People due in Follow-ups", () => {
  for (const [title, width] of [
    ["as the sidebar opens", null],
    ["in a sidebar made narrow", "250px"],
    ["in a sidebar made wide", "560px"],
  ] as const) {
    it(`lines up every row's buttons, short names and long ones, ${title}`, async () => {
      const { page } = await session.open();
      if (width !== null) await page.addStyleTag({ content: `.workspace-split.mod-right-split { width: ${width}; }` });
      await runFromPalette(page, "One-on-Ones: Open follow-ups");
      const rows = view(page, "follow-ups").locator(".ooo-person-due");
      await rows.filter({ hasText: LONG_NAME }).waitFor();
      const edges = await rows.evaluateAll((items) =>
        items.map((item) => {
          const name = item.querySelector(".ooo-person-name")?.textContent?.trim() ?? "";
          const buttons = Array.from(item.querySelectorAll("button.ooo-action")).map((b) => b.getBoundingClientRect());
          return { name, left: Math.round(buttons[0]?.left ?? -1), right: Math.round(buttons[buttons.length - 1]?.right ?? -1), count: buttons.length };
        }),
      );
      expect(edges.length).toBeGreaterThan(3);
      expect(edges.map((e) => e.name)).toContain(LONG_NAME);
      expect(edges.every((e) => e.count === 2)).toBe(true);
      const first = edges[0];
      expect(edges.filter((e) => e.left !== first?.left || e.right !== first.right)).toEqual([]);
    });
  }
});
