import { describe, expect, it } from "vitest";
import { runFromPalette, saved, texts, until, usePreviewSession } from "./harness";

const session = usePreviewSession();

const NOTE = "1-1s/José Álvarez/2026-11-21 José Álvarez.md";
const PERSON = "People/José Álvarez.md";
const QUEUED = [
  "- Catch up on what we missed when he was on call last Tuesday",
  "- Thank him for how calmly he ran the gateway incident — and ask what he would change in the runbook",
  "- How is the pager load since the new alert thresholds went in?",
];

describe("Mark this 1:1 skipped", () => {
  it("marks today's 1:1 skipped, gives its talking points back to the queue and puts last seen back", async () => {
    const { page } = await session.open();
    const personBefore = session.server.read(PERSON);
    expect(personBefore).toContain(`## Next 1:1\n${QUEUED.join("\n")}\n`);

    await runFromPalette(page, "One-on-Ones: Start 1:1…");
    const picker = page.locator(".modal.prompt").filter({ has: page.getByPlaceholder("Start a 1:1 with…") });
    await picker.locator(".prompt-input").pressSequentially("José");
    await until("José to be offered", () => texts(picker.locator(".ooo-suggestion-title")), (t) => t[0] === "José Álvarez");
    await page.keyboard.press("Enter");
    await until("the new note on disk", () => (session.server.exists(NOTE) ? session.server.read(NOTE) : ""), (t) => t.includes(QUEUED.join("\n")));
    await saved(page);
    await until("the queue emptied", () => session.server.read(PERSON), (t) => !t.includes(QUEUED[0] as string));

    await runFromPalette(page, "One-on-Ones: Mark this 1:1 skipped");
    const note = await until("the note marked skipped", () => session.server.read(NOTE), (t) => t.includes("status: skipped\n") && !t.includes(QUEUED[0] as string));
    expect(note.startsWith('---\ntype: one-on-one\nperson: "[[José Álvarez]]"\ndate: 2026-11-21\nstatus: skipped\n---\n')).toBe(true);
    expect(note).toContain("## My topics\n%% What I collected since we last met. %%\n\n\n## Decisions needed\n");

    // The topics are back in the queue, in their order, and the last-seen property Start added is
    // gone again: his note is as it was (the queue is written first, last seen after it).
    const person = await until("the queue given back and last seen put back", () => session.server.read(PERSON), (t) => t === personBefore);
    expect(person).toBe(personBefore);
    await until("the notice", () => texts(page.locator(".notice")), (t) => t.includes("Marked as skipped; its talking points went back to the queue of José Álvarez."));
  });
});
