import { describe, expect, it } from "vitest";
import { saved, texts, until, usePreviewSession } from "./harness";

const session = usePreviewSession();

const NOTE = "1-1s/José Álvarez/2026-11-21 José Álvarez.md";
const PERSON = "People/José Álvarez.md";

describe("Start 1:1 from the command palette", () => {
  it("writes today's note for the chosen person, opens it, and empties the queue", async () => {
    const { page } = await session.open();
    const personBefore = session.server.read(PERSON);
    expect(session.server.exists(NOTE)).toBe(false);

    await page.keyboard.press("Control+P");
    const palette = page.locator(".modal.mod-command-palette");
    await palette.locator(".prompt-input").pressSequentially("start 1:1");
    expect((await texts(palette.locator(".suggestion-item")))[0]).toBe("One-on-Ones: Start 1:1…");
    await page.keyboard.press("Enter");

    const picker = page.locator(".modal.prompt").filter({ has: page.getByPlaceholder("Start a 1:1 with…") });
    await picker.waitFor();
    // The most overdue person comes first.
    expect((await texts(picker.locator(".ooo-suggestion-title")))[0]).toBe("Kwame Mensah");
    await picker.locator(".prompt-input").pressSequentially("José");
    await until("José to be offered", () => texts(picker.locator(".ooo-suggestion-title")), (t) => t[0] === "José Álvarez");
    await page.keyboard.press("Enter");

    const note = await until("the new note on disk", () => (session.server.exists(NOTE) ? session.server.read(NOTE) : ""), (t) => t !== "");
    expect(note.startsWith('---\ntype: one-on-one\nperson: "[[José Álvarez]]"\ndate: 2026-11-21\n---\n# 1:1 with José Álvarez — 2026-11-21\n')).toBe(true);
    expect(note.match(/^## .*$/gm)).toEqual([
      "## Check-in",
      "## Their topics",
      "## Previous agreements",
      "## My topics",
      "## Decisions needed",
      "## Blockers",
      "## Feedback",
      "## Agreements",
      "## Private notes",
    ]);
    const section = (title: string): string => note.split(`## ${title}\n`)[1]?.split("\n## ")[0] ?? "";
    expect(section("Previous agreements")).toContain("```one-on-ones\nagreements: [[José Álvarez]]\n```");
    const queued = [
      "- Catch up on what we missed when he was on call last Tuesday",
      "- Thank him for how calmly he ran the gateway incident — and ask what he would change in the runbook",
      "- How is the pager load since the new alert thresholds went in?",
    ];
    expect(section("My topics")).toContain(queued.join("\n"));

    // The note is open in the editor, as it is on disk.
    const tab = page.locator(".mod-root .workspace-tab-header.is-active");
    await until("the note's tab", () => tab.textContent(), (t) => t?.trim() === "2026-11-21 José Álvarez");
    expect(await page.locator(".mod-root .workspace-leaf:visible textarea.preview-editor").inputValue()).toBe(note);

    // The queue moved into the note: the person note lost those lines, and was seen today.
    await saved(page);
    const expectedPerson = personBefore
      .replace(`${queued.join("\n")}\n`, "")
      .replace("  - on-call\n---\n", "  - on-call\nlast-seen: 2026-11-21\n---\n");
    expect(session.server.read(PERSON)).toBe(expectedPerson);
  });

  it("adds an agreement at the cursor of the open note, through the editor", async () => {
    const path = "1-1s/Anya Petrova/2026-11-20.md";
    const { page } = await session.open({ file: path });
    const editor = page.locator(".mod-root .workspace-leaf:visible textarea.preview-editor");
    const before = await editor.inputValue();
    expect(before).toBe(session.server.read(path));
    // The cursor goes to the start of the line after the last agreement.
    const last = "- [ ] @me find Anya a mentor outside the team for the promotion period\n";
    const at = before.indexOf(last) + last.length;
    await editor.click();
    await editor.evaluate((el: HTMLTextAreaElement, offset: number) => el.setSelectionRange(offset, offset), at);
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Control+P");
    await page.locator(".mod-command-palette .prompt-input").pressSequentially("add agreement");
    await page.keyboard.press("Enter");
    const modal = page.locator(".modal").filter({ hasText: "Add agreement" });
    await modal.getByPlaceholder("Share the draft with the team").fill("send Anya the conference budget");
    await modal.getByRole("button", { name: "Add" }).click();

    const line = "- [ ] @me send Anya the conference budget 📅 2026-11-28";
    const text = await until("the agreement on disk", () => session.server.read(path), (t) => t.includes(line));
    expect(text).toBe(`${before.slice(0, at)}${line}${before.slice(at)}`);
    expect(await editor.inputValue()).toBe(text);
  });
});
