// @vitest-environment node
/**
 * Task lines as real notes have them: Obsidian's own metadata for the Tasks plugin's sample notes
 * (../shared/obsidian-metadata) and the 1:1 notes of other people's vaults (../shared/field-vaults).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { agreementsInText, parseAgreement, parseTaskLine, serializeTaskLine, toggleTaskLine } from "../../src/domain/agreement";

const shared = fileURLToPath(new URL("../../../shared/", import.meta.url));
const metadataDir = join(shared, "obsidian-metadata");
const fieldDir = join(shared, "field-vaults");

interface ListItem {
  task?: string;
  position: { start: { line: number } };
}
interface Captured {
  fileContents: string;
  cachedMetadata: { listItems?: ListItem[] };
}

function captured(): [string, Captured][] {
  if (!existsSync(metadataDir)) return [];
  return readdirSync(metadataDir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => [f, JSON.parse(readFileSync(join(metadataDir, f), "utf8")) as Captured]);
}

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith(".md") ? [path] : [];
  });
}

describe.skipIf(!existsSync(metadataDir))("agrees with Obsidian's metadata cache", () => {
  const files = captured();

  it("has fixtures", () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(files)("%s: every task Obsidian sees is a task line with the same status", (_, data) => {
    const lines = data.fileContents.split("\n");
    for (const item of data.cachedMetadata.listItems ?? []) {
      if (item.task === undefined) continue;
      const line = (lines[item.position.start.line] ?? "").replace(/\r$/, "");
      const task = parseTaskLine(line);
      expect(task, line).not.toBeNull();
      expect(task?.status, line).toBe(item.task);
      expect(task && serializeTaskLine(task)).toBe(line);
    }
  });

  it.each(files)("%s: agreementsInText finds the same task lines", (_, data) => {
    const expected = new Set(
      (data.cachedMetadata.listItems ?? []).filter((i) => i.task !== undefined).map((i) => i.position.start.line),
    );
    const found = new Set(agreementsInText(data.fileContents).map((a) => a.line));
    expect([...found].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
  });

  it.each(files)("%s: list items that are not tasks are not task lines", (_, data) => {
    const lines = data.fileContents.split("\n");
    const items = data.cachedMetadata.listItems ?? [];
    const taskLines = new Set(items.filter((i) => i.task !== undefined).map((i) => i.position.start.line));
    for (const item of items) {
      if (item.task !== undefined || taskLines.has(item.position.start.line)) continue;
      const line = lines[item.position.start.line] ?? "";
      expect(parseTaskLine(line.replace(/\r$/, "")), line).toBeNull();
    }
  });

  it.each(files)("%s: every task can be ticked and un-ticked without other changes", (_, data) => {
    for (const { agreement } of agreementsInText(data.fileContents)) {
      const line = serializeTaskLine(agreement.task);
      const open = serializeTaskLine({ ...agreement.task, status: " " });
      if (parseAgreement(open)?.done !== null) continue;
      const ticked = toggleTaskLine(open, { done: true, today: "2026-11-21", doneDates: true });
      expect(toggleTaskLine(ticked, { done: false, today: "2026-11-21", doneDates: true }), line).toBe(open);
    }
  });
});

describe.skipIf(!existsSync(fieldDir))("field vaults", () => {
  const files = markdownFiles(fieldDir);

  it("reads every task in every note without trouble", () => {
    let count = 0;
    for (const file of files) {
      for (const { agreement } of agreementsInText(readFileSync(file, "utf8"))) {
        count++;
        expect(typeof agreement.text).toBe("string");
      }
    }
    expect(count).toBeGreaterThan(5);
  });

  it.each<[string, object]>([
    ["- [ ] Review architecture proposal @john 📅 2026-01-29", { owner: { kind: "name", name: "john" }, due: "2026-01-29", text: "Review architecture proposal", open: true }],
    ["- [x] Schedule team meeting", { owner: { kind: "none" }, open: false, text: "Schedule team meeting" }],
    ["- [ ] Finish & email out report 🔺 📅 2024-11-20 ", { due: "2024-11-20", text: "Finish & email out report" }],
    ["- [ ] Send weekly update 🔁 every week 🛫 2024-11-21 📅 2024-11-21 ", { due: "2024-11-21", recurring: true, text: "Send weekly update" }],
    ["- [x] Create Obsidian vault template from my current work vault ✅ 2024-11-20", { done: "2024-11-20", open: false }],
    ["- [ ] Chat with #people/john-appleseed re: other uses for Github Copilot", { tags: ["people/john-appleseed"], owner: { kind: "none" } }],
    ["- [ ] Review and respond to candidate 📅 {{date}}", { due: null, text: "Review and respond to candidate 📅 {{date}}" }],
  ])("%j", (line, expected) => {
    const inVault = files.some((f) => readFileSync(f, "utf8").split(/\r?\n/).includes(line));
    expect(inVault).toBe(true);
    expect(parseAgreement(line)).toMatchObject(expected);
  });
});
