import { afterEach, describe, expect, it, vi } from "vitest";
import { parseBlock } from "../../src/obsidian/agreements-block";
import { click, files, flush, notices, read, renderCodeBlock } from "../fakes/harness";
import { FIXTURE_VAULT, loadFixture } from "./setup";

const MEETING = "1-1s/Anya Petrova/2026-11-07.md";
const TODAY_NOTE = "1-1s/Anya Petrova/2026-11-21 Anya Petrova.md";

/** Today's 1:1 with Anya: the live block under "Previous agreements", today's agreements below. */
function todayNote(...agreements: string[]): string {
  return [
    "---",
    "type: one-on-one",
    'person: "[[Anya Petrova]]"',
    "date: 2026-11-21",
    "---",
    "## Previous agreements",
    "",
    "```one-on-ones",
    "agreements: [[Anya Petrova]]",
    "```",
    "",
    "## Agreements",
    ...agreements,
    "",
  ].join("\n");
}

function listed(el: HTMLElement): string[] {
  return Array.from(el.querySelectorAll("li"), (li) => li.textContent?.replace(/\s+/g, " ").trim() ?? "");
}

afterEach(() => {
  vi.useRealTimers();
});

describe("parseBlock", () => {
  it.each([
    ["agreements: [[Anya Petrova]]", { person: "Anya Petrova" }],
    ["agreements: [[People/Anya Petrova|Anya]]", { person: "People/Anya Petrova" }],
    ["agreements:", { person: null }],
    ["", { person: null }],
    ["agreement: [[Anya]]", { error: 'Unknown parameter "agreement". Known: agreements.' }],
    ["just text", { error: '"just text" is not understood. Write, for example: agreements: [[Anya Petrova]]' }],
  ])("%j", (source, expected) => {
    expect(parseBlock(source)).toEqual(expected);
  });
});

describe("the one-on-ones block", () => {
  it("lists the open agreements with a person, as text", async () => {
    const { app } = await loadFixture();
    const block = await renderCodeBlock(app, "one-on-ones", "agreements: [[Anya Petrova]]\n", "People/Anya Petrova.md");
    const items = Array.from(block.el.querySelectorAll("li")).map((li) => li.textContent?.replace(/\s+/g, " ").trim());
    expect(items).toEqual([
      "intro Anya to the platform lead Me 3 days overdue 1:1 of 2026-11-07",
      "shares the RFC draft Anya Petrova due in 7 days 1:1 of 2026-11-07",
    ]);
    expect(block.el.querySelector("li")?.querySelector("input")?.getAttribute("aria-label")).toBe(
      "Done: intro Anya to the platform lead",
    );
  });

  it("ticks exactly one line and follows the change", async () => {
    const { app } = await loadFixture();
    const before = files(app);
    const block = await renderCodeBlock(app, "one-on-ones", "agreements: [[Anya Petrova]]", "People/Anya Petrova.md");
    await click(app, block.el.querySelectorAll("input")[0] as HTMLElement);
    await flush(app);
    expect(read(app, MEETING)).toBe(
      (FIXTURE_VAULT[MEETING] as string).replace(
        "- [ ] @me intro Anya to the platform lead [due:: 2026-11-18]",
        "- [x] @me intro Anya to the platform lead [due:: 2026-11-18]  [completion:: 2026-11-21]",
      ),
    );
    const after = files(app);
    expect(Object.keys(after).filter((p) => after[p] !== before[p])).toEqual([MEETING]);
    expect(block.el.querySelectorAll("li")).toHaveLength(1);
  });

  it("writes nothing when the line changed since it was shown", async () => {
    const { app } = await loadFixture();
    const block = await renderCodeBlock(app, "one-on-ones", "agreements: [[Anya Petrova]]", "People/Anya Petrova.md");
    const file = app.vault.getFileByPath(MEETING);
    if (!file) throw new Error("missing");
    // Edited behind the block's back, before the index heard of it.
    const edited = (FIXTURE_VAULT[MEETING] as string).replace("intro Anya", "introduce Anya");
    app.vault.externalEdit(MEETING, edited);
    await click(app, block.el.querySelectorAll("input")[0] as HTMLElement);
    await flush(app);
    expect(read(app, MEETING)).toBe(edited);
    expect(notices(app)).toEqual(["That agreement changed or moved since it was shown; nothing was written."]);
  });

  it("defaults to the note's own person and shows errors inside the block", async () => {
    const { app } = await loadFixture({ extra: { [TODAY_NOTE]: todayNote() } });
    const own = await renderCodeBlock(app, "one-on-ones", "", TODAY_NOTE);
    expect(own.el.querySelectorAll("li")).toHaveLength(2);
    const unknown = await renderCodeBlock(app, "one-on-ones", "colour: blue", MEETING);
    expect(unknown.el.textContent).toBe('Unknown parameter "colour". Known: agreements.');
    const nobody = await renderCodeBlock(app, "one-on-ones", "agreements: [[Nobody]]", MEETING);
    expect(nobody.el.textContent).toBe('No person note found for "Nobody".');
    const none = await renderCodeBlock(app, "one-on-ones", "agreements: [[Sam Okafor]]", MEETING);
    expect(none.el.textContent).toBe("No open agreements with Sam Okafor.");
  });

  it("lists under Previous agreements only those made before this 1:1, not today's further down", async () => {
    const note = todayNote("- [ ] [[Anya Petrova]] writes up the new on-call rota 📅 2026-11-28", "- [ ] @me books the offsite");
    const { app } = await loadFixture({ extra: { [TODAY_NOTE]: note } });
    const block = await renderCodeBlock(app, "one-on-ones", "agreements: [[Anya Petrova]]", TODAY_NOTE);
    expect(listed(block.el)).toEqual([
      "intro Anya to the platform lead Me 3 days overdue 1:1 of 2026-11-07",
      "shares the RFC draft Anya Petrova due in 7 days 1:1 of 2026-11-07",
    ]);
    // In her person note the same block lists every open one.
    const card = await renderCodeBlock(app, "one-on-ones", "agreements: [[Anya Petrova]]", "People/Anya Petrova.md");
    expect(listed(card.el)).toHaveLength(4);
  });

  it("in a running log, lists the earlier entries' agreements, not those of the entry it stands in", async () => {
    const log = [
      "---",
      "type: one-on-one",
      'person: "[[Sam Okafor]]"',
      "---",
      "# 1:1s with Sam Okafor",
      "",
      "## 2026-11-21",
      "### Previous agreements",
      "```one-on-ones",
      "agreements: [[Sam Okafor]]",
      "```",
      "### Agreements",
      "- [ ] @me sends Sam the hiking map",
      "",
      "## 2026-10-30",
      "- [ ] [[Sam Okafor]] lends me the tent 📅 2026-12-01",
      "",
    ].join("\n");
    const { app } = await loadFixture({ extra: { "1-1s/Sam Okafor 1-1s.md": log } });
    const block = await renderCodeBlock(app, "one-on-ones", "agreements: [[Sam Okafor]]", "1-1s/Sam Okafor 1-1s.md");
    expect(listed(block.el)).toEqual(["lends me the tent Sam Okafor due in 10 days 1:1 of 2026-10-30"]);
  });
});
