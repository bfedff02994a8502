import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, until, usePreviewSession } from "./harness";

const session = usePreviewSession();

/** Every note of a vault folder (hidden folders left out), path → text. */
function notes(folder: string, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(join(folder, prefix), { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const path = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) Object.assign(out, notes(folder, path));
    else out[path] = readFileSync(join(folder, path), "utf8");
  }
  return out;
}

describe("Follow-ups", () => {
  it("ticks an agreement off: exactly that line changes on disk", async () => {
    const { page } = await session.open();
    const path = "1-1s/Anya Petrova/2026-11-13.md";
    const before = session.server.read(path);

    const status = page.locator(".status-bar .ooo-status-bar");
    expect((await status.textContent())?.trim()).toBe("8 agreements overdue · 7 people due");
    await status.click();
    const view = page.locator('.mod-right-split .workspace-leaf-content[data-type="one-on-ones-follow-ups"]');
    await view.waitFor();
    expect((await view.locator(".ooo-counts").first().textContent())?.trim()).toBe("8 overdue · 5 due soon · 30 open");

    const box = view.getByRole("checkbox", { name: "Done: review Anya's promotion packet outline" });
    await box.click();

    const after = await until("the tick on disk", () => session.server.read(path), (text) => text !== before);
    const linesBefore = before.split("\n");
    const linesAfter = after.split("\n");
    expect(linesAfter.length).toBe(linesBefore.length);
    const changed = linesAfter.map((line, i) => (line === linesBefore[i] ? -1 : i)).filter((i) => i >= 0);
    expect(changed).toEqual([33]);
    expect(linesBefore[33]).toBe("- [ ] @me review Anya's promotion packet outline 📅 2026-11-20");
    expect(linesAfter[33]).toBe("- [x] @me review Anya's promotion packet outline 📅 2026-11-20 ✅ 2026-11-21");

    // Nothing else in the vault changed.
    const demo = notes(join(ROOT, "demo-vault"));
    const now = notes(session.server.vault);
    expect(Object.keys(now).sort()).toEqual(Object.keys(demo).sort());
    for (const [file, text] of Object.entries(now)) if (file !== path) expect(text, file).toBe(demo[file]);

    // The row leaves the list, and the counts follow.
    await until("the row to go", () => box.count(), (n) => n === 0);
    await until("the counts", async () => (await view.locator(".ooo-counts").first().textContent())?.trim(), (t) => t === "7 overdue · 5 due soon · 29 open");
    await until("the status bar", async () => (await status.textContent())?.trim(), (t) => t === "7 agreements overdue · 7 people due");
  });

  it("groups by person and filters to the other person's agreements", async () => {
    const { page } = await session.open();
    await page.locator(".side-dock-ribbon-action[aria-label='Open follow-ups']").click();
    const view = page.locator('.workspace-leaf-content[data-type="one-on-ones-follow-ups"]');
    await view.getByRole("button", { name: "By person" }).click();
    await view.getByRole("button", { name: "Theirs" }).click();
    const groups = (await view.locator(".ooo-group-name").allTextContents()).map((t) => t.trim());
    expect(groups).toContain("Sam Okafor");
    expect(groups).not.toContain("Kwame Mensah");
    await view.getByRole("searchbox", { name: "Search agreements" }).fill("runbook");
    await until("one match", () => view.locator(".ooo-agreement-row-text").allTextContents(), (t) => t.length === 1);
    expect((await view.locator(".ooo-agreement-row-text").textContent())?.trim()).toBe("writes the runbook for the payment-gateway failover");
  });
});
