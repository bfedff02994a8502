import { describe, expect, it } from "vitest";
import { runFromPalette, texts, until, usePreviewSession } from "./harness";

const NAME = "<img src=x onerror=alert(1)>";

const PERSON = [
  "---",
  "type: person",
  "relationship: friend",
  "role: <script>window.injected = true</script>",
  'team: "<b onmouseover=alert(2)>Team</b>"',
  "cadence: weekly",
  "last-seen: 2026-11-01",
  "tags: [friends]",
  "---",
  "## Next 1:1",
  "- <img src=y onerror=alert(3)>",
  "",
  "## Agreements",
  "- [ ] @me ask about <img src=z onerror=alert(4)> 📅 2026-11-19",
  "",
  "```one-on-ones",
  `agreements: [[${NAME}]]`,
  "```",
  "",
].join("\n");

// An alert() from any of the notes' text would show as a dialog: none may open.
const session = usePreviewSession({ extraFiles: { [`People/${NAME}.md`]: PERSON }, failOnDialogs: true });

describe("note content is shown as text", () => {
  it("a person named like an HTML tag appears as those characters and runs nothing", async () => {
    const { page } = await session.open({ file: `People/${NAME}.md` });

    // Without the file list, the table has room for its Role and Team columns.
    await runFromPalette(page, "Toggle left sidebar");
    await runFromPalette(page, "One-on-Ones: Open people");
    const people = page.locator('.workspace-leaf-content[data-type="one-on-ones-people"]');
    await people.locator("tbody tr").first().waitFor();
    const row = people.locator("tbody tr", { has: page.getByRole("button", { name: NAME, exact: true }) });
    expect(await row.count()).toBe(1);
    expect((await row.locator(".ooo-col-role").textContent())?.trim()).toBe("<script>window.injected = true</script>");
    expect((await row.locator(".ooo-col-team").textContent())?.trim()).toBe("<b onmouseover=alert(2)>Team</b>");
    await row.locator(".ooo-col-team").hover();

    await page.locator(".status-bar .ooo-status-bar").click();
    const followUps = page.locator('.workspace-leaf-content[data-type="one-on-ones-follow-ups"]');
    await followUps.locator(".ooo-agreement-row").first().waitFor();
    expect(await texts(followUps.locator(".ooo-agreement-row-text"))).toContain("ask about <img src=z onerror=alert(4)>");
    expect(await texts(followUps.locator(".ooo-person-due .ooo-person-name"))).toContain(NAME);

    // The person's note in reading view: its live block lists the agreement, as text.
    await page.locator(".mod-root .workspace-tab-header", { hasText: NAME }).click();
    await page.keyboard.press("Control+E");
    const block = page.locator(".mod-root .markdown-reading-view .block-language-one-on-ones");
    await block.locator(".ooo-agreement-row").first().waitFor();
    expect(await texts(block.locator(".ooo-agreement-row-text"))).toEqual(["ask about <img src=z onerror=alert(4)>"]);

    // The picker of Start 1:1 shows the name as text too.
    await runFromPalette(page, "One-on-Ones: Start 1:1…");
    await page.locator(".modal.prompt .prompt-input").pressSequentially("img");
    await until("the picker", () => texts(page.locator(".modal.prompt .ooo-suggestion-title")), (t) => t[0] === NAME);
    await page.keyboard.press("Escape");

    // No element was made from the notes' text, and no script ran.
    expect(await page.locator("img, script:not([src]), b").count()).toBe(0);
    expect(await page.evaluate(() => "injected" in window)).toBe(false);
  });
});
