/**
 * What Obsidian's plugin directory asks of a release: an MIT licence naming who publishes the
 * plugin (the manifest's author, not the plugin's name), and the directory's lint rules applied to
 * all plugin code — Svelte components included — and to package.json, manifest.json and LICENSE.
 */
// @vitest-environment node
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..", "..");
const read = (name: string) => readFileSync(join(root, name), "utf8");
const manifest = JSON.parse(read("manifest.json")) as Record<string, unknown>;
const pkg = JSON.parse(read("package.json")) as Record<string, unknown>;

describe("licence and manifest", () => {
  it("has an MIT LICENSE, as package.json says, held by the manifest's author", () => {
    const license = read("LICENSE");
    expect(pkg.license).toBe("MIT");
    expect(license).toMatch(/^MIT License\b/);
    expect(license).toContain("Permission is hereby granted, free of charge");
    const holder = /^Copyright \(C\) \d{4}(?:-\d{4})? by (.+)$/m.exec(license)?.[1];
    expect(holder).toBe(manifest.author);
  });

  it("names as author who publishes the plugin, not the plugin", () => {
    expect(typeof manifest.author).toBe("string");
    expect(String(manifest.author).trim()).not.toBe("");
    expect(String(manifest.author).toLowerCase()).not.toBe(String(manifest.name).toLowerCase());
    expect(String(manifest.author).toLowerCase()).not.toBe(String(manifest.id).toLowerCase());
  });
});

describe("the directory's lint rules", () => {
  const eslint = new ESLint({ cwd: root });
  const ruleIds = async (code: string, filePath: string) => {
    const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
    return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
  };

  it("apply to Svelte components", async () => {
    const component = [
      '<script lang="ts">',
      "  let box: HTMLElement;",
      "  export function paint(): void {",
      '    box.style.color = "red";',
      "  }",
      "</script>",
      "<div bind:this={box}></div>",
      "",
    ].join("\n");
    // Linted under the name of a component that exists: type-aware rules need a file of the project.
    const existing = readdirSync(join(root, "src/views/components")).find((name) => name.endsWith(".svelte"));
    expect(await ruleIds(component, `src/views/components/${existing}`)).toContain("obsidianmd/no-static-styles-assignment");
  }, 120_000);

  it("apply to package.json", async () => {
    const withMoment = JSON.stringify({ ...pkg, dependencies: { ...(pkg.dependencies as object), moment: "^2.30.1" } }, null, 2);
    expect(await ruleIds(withMoment, "package.json")).toContain("depend/ban-dependencies");
  }, 60_000);

  it("apply to manifest.json and LICENSE, and both pass", async () => {
    expect(await ruleIds(JSON.stringify({ ...manifest, description: "An Obsidian plugin" }), "manifest.json")).toContain(
      "obsidianmd/validate-manifest",
    );
    expect(await ruleIds("Copyright (C) 2020 by Dynalist Inc.\n", "LICENSE")).toContain("obsidianmd/validate-license");
    expect(await ruleIds(read("manifest.json"), "manifest.json")).toEqual([]);
    expect(await ruleIds(read("LICENSE"), "LICENSE")).toEqual([]);
    expect(await ruleIds(read("package.json"), "package.json")).toEqual([]);
  }, 60_000);
});
