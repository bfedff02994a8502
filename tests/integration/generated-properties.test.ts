/**
 * Properties the plugin writes are valid YAML whatever the name: a 1:1 started for
 * `Robert "Bob" Smith`, with the built-in agenda, a custom template without properties and one
 * with properties of its own, is read back by Obsidian as a 1:1 with him.
 */
import { describe, expect, it } from "vitest";
import { parseYaml } from "obsidian";
import { activeSuggest, read, runCommand, type App } from "../fakes/harness";
import { loadFixture } from "./setup";

const BOB = 'People/Robert "Bob" Smith.md';
const NOTE = "1-1s/Robert Bob Smith/2026-11-21 Robert Bob Smith.md";
const PERSON = "---\ntype: person\nrelationship: peer\n---\n";
const TEMPLATE_WITH_PROPERTIES = [
  "---",
  'person: "[[{{person}}]]"',
  "title: '1:1 with {{person}}'",
  "with: {{person}}",
  "---",
  "# {{person}} · {{date}}",
  "",
  "## Topics",
  "{{talking_points}}",
  "",
].join("\n");

/** The note's properties, as YAML reads them; throws on invalid YAML. */
function properties(app: App, path: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(read(app, path));
  if (!match) throw new Error(`${path} has no properties.`);
  return parseYaml(match[1] ?? "") as Record<string, unknown>;
}

async function startWithBob(template: string | null): Promise<App> {
  const extra: Record<string, string> = { [BOB]: PERSON };
  if (template !== null) extra["Templates/Bob template.md"] = template;
  const data = template === null ? undefined : { templatePath: "Templates/Bob template" };
  const { app, plugin } = await loadFixture({ data, extra });
  await runCommand(app, "start-one-on-one");
  await activeSuggest(app).choose('Robert "Bob" Smith');
  await plugin.whenReady();
  expect(plugin.index.meetingsWith(BOB).map((m) => m.path)).toEqual([NOTE]);
  return app;
}

describe("Generated properties", () => {
  it("quote a name with double quotes in the built-in 1:1 note", async () => {
    const app = await startWithBob(null);
    expect(read(app, NOTE)).toMatch(/^---\ntype: one-on-one\nperson: "\[\[Robert \\"Bob\\" Smith\]\]"\ndate: 2026-11-21\n---\n/);
    expect(properties(app, NOTE).person).toBe('[[Robert "Bob" Smith]]');
  });

  it("quote it the same way with a custom template that has no properties", async () => {
    const app = await startWithBob("# {{person}} · {{date}}\n\n## Topics\n{{talking_points}}\n");
    expect(read(app, NOTE)).toMatch(/^---\ntype: one-on-one\nperson: "\[\[Robert \\"Bob\\" Smith\]\]"\ndate: 2026-11-21\n---\n# Robert "Bob" Smith · 2026-11-21\n/);
    expect(properties(app, NOTE)).toEqual({ type: "one-on-one", person: '[[Robert "Bob" Smith]]', date: "2026-11-21" });
  });

  it("escape the name inside a template's own properties, in double, single and no quotes", async () => {
    const app = await startWithBob(TEMPLATE_WITH_PROPERTIES);
    expect(properties(app, NOTE)).toEqual({
      person: '[[Robert "Bob" Smith]]',
      title: '1:1 with Robert "Bob" Smith',
      with: 'Robert "Bob" Smith',
      type: "one-on-one",
      date: "2026-11-21",
    });
    // The body keeps the name as it is.
    expect(read(app, NOTE)).toContain('\n# Robert "Bob" Smith · 2026-11-21\n');
  });
});
