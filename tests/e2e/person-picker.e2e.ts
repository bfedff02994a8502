import { readdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { runFromPalette, texts, until, usePreviewSession } from "./harness";

/** Two people whose names carry letters of their own, added to the demo vault's People. */
const EXTRA = {
  "People/Zoë Ångström.md": "---\ntype: person\nrelationship: report\ncadence: weekly\nlast-seen: 2026-11-10\n---\n\n## Next 1:1\n",
  "People/Łukasz Nowak.md": "---\ntype: person\nrelationship: peer\n---\n\n## Next 1:1\n",
};

const session = usePreviewSession({ extraFiles: EXTRA, failOnDialogs: true });

const picker = (page: Page) => page.locator(".modal.prompt").filter({ has: page.getByPlaceholder("Start a 1:1 with…") });

/** Types `query` into the open picker and waits until its first suggestion's title is `first`. */
async function typeAndSee(page: Page, query: string, first: string): Promise<string[]> {
  const input = picker(page).locator(".prompt-input");
  await input.fill("");
  await input.pressSequentially(query);
  return until(`"${query}" to offer ${first}`, () => texts(picker(page).locator(".ooo-suggestion-title")), (titles) => titles[0] === first);
}

/** Every file under the vault's 1-1s folder. */
function meetingFiles(vault: string): string[] {
  return readdirSync(`${vault}/1-1s`, { recursive: true, encoding: "utf8" }).filter((path) => path.endsWith(".md"));
}

describe("Person pickers", () => {
  it("find people however their names are typed, archived ones marked, and never a duplicate", async () => {
    const { page } = await session.open();
    await runFromPalette(page, "One-on-Ones: Start 1:1…");
    await picker(page).waitFor();

    // Accents and case aside: the existing person comes first, with the letters that matched.
    await typeAndSee(page, "zoe", "Zoë Ångström");
    const first = picker(page).locator(".suggestion-item").first();
    expect(await texts(first.locator(".suggestion-highlight"))).toEqual(["Zoë"]);
    expect((await first.locator(".ooo-suggestion-note").textContent())?.trim()).toBe("Report · last seen 11 days ago · 4 days overdue");
    await typeAndSee(page, "angstrom", "Zoë Ångström");
    await typeAndSee(page, "lukasz", "Łukasz Nowak");
    expect((await picker(page).locator(".ooo-suggestion-note").first().textContent())?.trim()).toBe("Peer · never seen");
    await typeAndSee(page, "Tomas", "Tomás Ferreira");
    await typeAndSee(page, "jose", "José Álvarez");

    // Priya Raman is archived: found when typed for, and marked so.
    await typeAndSee(page, "priya", "Priya Raman");
    const priya = picker(page).locator(".suggestion-item").first();
    expect(await priya.getAttribute("class")).toContain("is-archived");
    expect((await priya.locator(".ooo-suggestion-note").textContent())?.trim()).toMatch(/ · archived$/);

    // A name written like Zoë's offers her, not a new person; Enter starts the 1:1 with her.
    const titles = await typeAndSee(page, "Zoe Angstrom", "Zoë Ångström");
    expect(titles.filter((title) => title.startsWith("Add new person"))).toEqual([]);
    const before = meetingFiles(session.server.vault);
    await page.keyboard.press("Enter");
    const added = await until(
      "Zoë's 1:1 note",
      () => meetingFiles(session.server.vault).filter((path) => !before.includes(path)),
      (paths) => paths.length > 0,
    );
    expect(added).toHaveLength(1);
    expect(session.server.read(`1-1s/${added[0] ?? ""}`)).toContain('person: "[[Zoë Ångström]]"');
    expect(session.server.exists("People/Zoe Angstrom.md")).toBe(false);
  });

  it("find the owner of a new agreement", async () => {
    const path = "1-1s/Anya Petrova/2026-11-20.md";
    const { page } = await session.open({ file: path });
    const editor = page.locator(".mod-root .workspace-leaf:visible textarea.preview-editor");
    await editor.click();
    await page.keyboard.press("Control+End");
    await runFromPalette(page, "One-on-Ones: Add agreement");
    const form = page.locator(".modal").filter({ hasText: "Add agreement" });
    const owner = form.locator("select");
    await owner.selectOption({ label: "Find a person…" });
    const ownerPicker = page.locator(".modal.prompt").filter({ has: page.getByPlaceholder("Owner of the agreement…") });
    await ownerPicker.locator(".prompt-input").pressSequentially("lukasz");
    await until("Łukasz to be offered", () => texts(ownerPicker.locator(".ooo-suggestion-title")), (t) => t[0] === "Łukasz Nowak");
    await page.keyboard.press("Enter");
    await ownerPicker.waitFor({ state: "detached" });
    expect(await owner.inputValue()).toBe("[[Łukasz Nowak]]");
    await form.getByPlaceholder("Share the draft with the team").fill("reviews the payments RFC");
    await form.getByRole("button", { name: "Add" }).click();
    await until("the agreement on disk", () => session.server.read(path), (t) => t.includes("- [ ] [[Łukasz Nowak]] reviews the payments RFC 📅 2026-11-28"));
  });

  it("tell the status bar's count is of agreements", async () => {
    const { page } = await session.open();
    const status = page.locator(".ooo-status-bar");
    await until("the status bar", async () => (await status.textContent())?.trim(), (t) => /^\d+ agreements overdue · \d+ people due$/.test(t ?? ""));
  });
});
