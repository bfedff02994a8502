// The components are plain Svelte: data and callbacks in, no Obsidian, no raw HTML, no inline styles.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const views = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "src", "views");
const files = ["components", "state"].flatMap((folder) =>
  readdirSync(join(views, folder)).map((name) => ({ name, text: readFileSync(join(views, folder, name), "utf8") })),
);

describe("view components and state", () => {
  it("exist", () => {
    expect(files.map((f) => f.name)).toEqual(
      expect.arrayContaining(["FollowUps.svelte", "PeopleTable.svelte", "AgreementsList.svelte", "AgreementRow.svelte"]),
    );
  });

  it.each(files)("$name imports no Obsidian and writes no raw HTML or inline style", ({ text }) => {
    expect(text).not.toMatch(/from\s+["']obsidian["']/);
    expect(text).not.toMatch(/\{@html/);
    expect(text).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML/);
    expect(text).not.toMatch(/\sstyle(:[\w-]+)?=/);
    expect(text).not.toMatch(/\bapp\.|\bplugin\b/);
  });
});
