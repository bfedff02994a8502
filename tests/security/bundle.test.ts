/**
 * The built bundle may not reach for the network, evaluate text, write HTML or use Node.
 * It is built here exactly as `npm run build` builds it (into a temporary folder).
 *
 * Svelte's runtime contains the words `innerHTML` and `outerHTML` in code that only reads them
 * (a dev-time hydration message and a list of properties it never sets): what is forbidden is
 * writing them, which is what the patterns look for.
 */
// @vitest-environment node
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = join(__dirname, "..", "..");
let vault = "";
let bundle = "";

beforeAll(() => {
  vault = mkdtempSync(join(tmpdir(), "ooo-bundle-"));
  execFileSync(process.execPath, ["esbuild.config.mjs", "production"], {
    cwd: root,
    env: { ...process.env, OBSIDIAN_VAULT: vault },
    stdio: "pipe",
  });
  bundle = readFileSync(join(vault, ".obsidian", "plugins", "one-on-ones", "main.js"), "utf8");
}, 120_000);

afterAll(() => {
  if (vault) rmSync(vault, { recursive: true, force: true });
});

const FORBIDDEN: [string, RegExp][] = [
  ["writing innerHTML", /\.innerHTML\s*(?:\+?=)(?!=)/],
  ["writing outerHTML", /\.outerHTML\s*(?:\+?=)(?!=)/],
  ["insertAdjacentHTML", /insertAdjacentHTML/],
  ["eval", /(?<![\w$.])eval\s*\(/],
  ["new Function", /new\s+Function\s*\(/],
  ["fetch", /(?<![\w$.])fetch\s*\(/],
  ["XMLHttpRequest", /XMLHttpRequest/],
  ["WebSocket", /WebSocket/],
  ["requestUrl", /requestUrl/],
  ["sendBeacon", /sendBeacon/],
];

describe("the built bundle", () => {
  it("is not empty", () => {
    expect(bundle.length).toBeGreaterThan(10_000);
  });

  it.each(FORBIDDEN)("contains no %s", (_name, pattern) => {
    const match = pattern.exec(bundle);
    expect(match ? bundle.slice(Math.max(0, match.index - 60), match.index + 60) : null).toBeNull();
  });

  it("requires nothing but Obsidian and CodeMirror: no Node built-in", () => {
    const required = [...bundle.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? "");
    const node = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    expect(required.filter((name) => node.has(name) || name === "electron")).toEqual([]);
    expect([...new Set(required)].sort()).toEqual(
      expect.arrayContaining(["obsidian"]),
    );
    for (const name of required) expect(name).toMatch(/^(obsidian|@codemirror\/(state|view))$/);
  });
});
