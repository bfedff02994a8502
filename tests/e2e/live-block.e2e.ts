import { describe, expect, it } from "vitest";
import { texts, until, usePreviewSession } from "./harness";

const session = usePreviewSession();

describe("the live agreements block", () => {
  it("lists a person's open agreements in reading view and ticks one off in its own note", async () => {
    const note = "1-1s/Anya Petrova/2026-11-20.md";
    const source = "1-1s/Anya Petrova/2026-11-13.md";
    const { page } = await session.open({ file: note });
    const noteBefore = session.server.read(note);
    const sourceBefore = session.server.read(source);

    await page.locator(".mod-root .view-action[aria-label='Reading view (Ctrl+E)']").click();
    const block = page.locator(".mod-root .markdown-reading-view .block-language-one-on-ones");
    await block.locator(".ooo-agreement-row").first().waitFor();
    // Only those made before this 1:1: not the ones written further down the same note.
    const own = [
      "ask Helen to feature Anya's talk at the January all-hands",
      "picks a date for the idempotency brown-bag",
      "find Anya a mentor outside the team for the promotion period",
    ];
    for (const text of own) expect(noteBefore).toContain(text);
    expect(await texts(block.locator(".ooo-agreement-row-text"))).toEqual([
      "review Anya's promotion packet outline",
      "intro Anya to the platform lead",
      "shares the RFC draft",
    ]);

    await block.getByRole("checkbox", { name: "Done: shares the RFC draft" }).click();
    const after = await until("the tick on disk", () => session.server.read(source), (text) => text !== sourceBefore);
    const expected = sourceBefore.replace(
      "- [ ] [[Anya Petrova]] shares the RFC draft 📅 2026-11-28\n",
      "- [x] [[Anya Petrova]] shares the RFC draft 📅 2026-11-28 ✅ 2026-11-21\n",
    );
    expect(expected).not.toBe(sourceBefore);
    expect(after).toBe(expected);
    // The note that shows the block is not touched; the block follows the change.
    expect(session.server.read(note)).toBe(noteBefore);
    await until("the row to go", () => texts(block.locator(".ooo-agreement-row-text")), (rows) => rows.length === 2 && !rows.includes("shares the RFC draft"));

    // Back in the editor, the note's text is the block's source, unchanged.
    await page.keyboard.press("Control+E");
    const editor = page.locator(".mod-root .workspace-leaf:visible textarea.preview-editor");
    await editor.waitFor();
    expect(await editor.inputValue()).toBe(noteBefore);
  });
});
