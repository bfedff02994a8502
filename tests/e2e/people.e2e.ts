import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { runFromPalette, texts, until, usePreviewSession } from "./harness";

const session = usePreviewSession();

const table = (page: Page) => page.locator('.mod-root .workspace-leaf-content[data-type="one-on-ones-people"]');
const names = (page: Page) => texts(table(page).locator("tbody .ooo-col-name .ooo-person-name"));
const count = async (page: Page) => (await table(page).locator(".ooo-counts").textContent())?.trim();

/** Waits for the table to show exactly `expected`, in that order. */
async function expectNames(page: Page, expected: string[]): Promise<void> {
  const shown = await until("the table's rows", () => names(page), (rows) => JSON.stringify(rows) === JSON.stringify(expected), 5000).catch(async () => names(page));
  expect(shown).toEqual(expected);
}

describe("People", () => {
  it("sorts by any column and filters by text, relationship, tag and archived", async () => {
    const { page } = await session.open();
    await runFromPalette(page, "One-on-Ones: Open people");
    await table(page).waitFor();
    expect((await page.locator(".mod-root .workspace-tab-header.is-active").textContent())?.trim()).toBe("People");

    // By next due, most urgent first: the default; archived people are left out.
    const byDue = ["Kwame Mensah", "Ingrid Solberg", "José Álvarez", "Maya Cohen", "李伟", "Helen Nakamura", "Sam Okafor", "Anya Petrova", "Marcus Bennett", "Nora Lindqvist", "Grace Mwangi", "Tomás Ferreira"];
    await expectNames(page, byDue);
    expect(await count(page)).toBe("12 people");
    const header = (name: string) => table(page).getByRole("button", { name, exact: true });
    await header("Next due").click();
    expect(await table(page).locator("th.ooo-col-nextDue").getAttribute("aria-sort")).toBe("descending");
    const descending = await names(page);
    expect([descending[0], descending[descending.length - 1]]).toEqual(["Tomás Ferreira", "Kwame Mensah"]);

    // By name: first names, then last names, both ways.
    const byFirst = ["Anya Petrova", "Grace Mwangi", "Helen Nakamura", "Ingrid Solberg", "José Álvarez", "Kwame Mensah", "Marcus Bennett", "Maya Cohen", "Nora Lindqvist", "Sam Okafor", "Tomás Ferreira", "李伟"];
    await header("Name").click();
    await expectNames(page, byFirst);
    expect(await table(page).locator("th.ooo-col-name").getAttribute("aria-sort")).toBe("ascending");
    await header("Name").click();
    await expectNames(page, [...byFirst].reverse());
    await header("Last name").click();
    await expectNames(page, ["李伟", "Ingrid Solberg", "Anya Petrova", "Sam Okafor", "Helen Nakamura", "Grace Mwangi", "Kwame Mensah", "Nora Lindqvist", "Tomás Ferreira", "Maya Cohen", "Marcus Bennett", "José Álvarez"]);
    await header("First name").click();

    // Filters.
    const filter = table(page).getByRole("searchbox", { name: "Filter people" });
    await filter.fill("Wei");
    await expectNames(page, ["李伟"]);
    await filter.fill("");
    await table(page).getByRole("combobox", { name: "Relationship" }).selectOption("friends");
    await expectNames(page, ["Nora Lindqvist", "Maya Cohen", "Kwame Mensah"]);
    await table(page).getByRole("combobox", { name: "Relationship" }).selectOption("all");
    await table(page).getByRole("combobox", { name: "Tag" }).selectOption("team/payments");
    await expectNames(page, ["李伟", "Sam Okafor", "José Álvarez", "Anya Petrova"]);
    await table(page).getByRole("combobox", { name: "Tag" }).selectOption("");
    await table(page).getByRole("checkbox", { name: "Show archived" }).check();
    await until("13 people", () => count(page), (text) => text === "13 people");
    expect(await names(page)).toContain("Priya Raman");

    // A click on a name opens the person's note.
    await table(page).getByRole("button", { name: "Helen Nakamura", exact: true }).click();
    await until("Helen's note", async () => (await page.locator(".mod-root .workspace-tab-header.is-active").textContent())?.trim(), (t) => t === "Helen Nakamura");
  });
});
