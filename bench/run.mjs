// npm run bench [-- options]: builds main.js for production (to weigh it), bundles the bench with
// esbuild (TypeScript and Svelte as the plugin is built; `obsidian` is the fake App of
// tests/fakes), and runs it with `node --expose-gc` so the heap can be measured.
//
//   npm run bench                       every vault: 1k, 10k, 20k, 50k notes × 50, 500, 2,000 people
//   npm run bench -- --quick            1k notes × 50 people and 20k notes × 500 people
//   npm run bench -- --vaults 20000x2000,50000x500 --runs 3 --edits 100
//   npm run bench -- --json bench-results.json
//   npm run bench -- --browser-only     only the views in Chromium (bench/browser.ts)
//   npm run bench -- --no-browser       everything but the views in Chromium
//   npm run bench -- --browser-runs 11 --browser-vault 3150x2000
//   npm run bench -- --browser-only --browser-trace views.json
//                                       and a DevTools trace of one more opening of each view
//   npm run bench -- --profile 20000x500 [--runs 3] [--json cold.cpuprofile]
//                                       profile the cold build: where its time goes, by function
//   npm run bench -- --profile-updates 50000x500 [--edits 200] [--json updates.cpuprofile]
//                                       profile one-file updates: where their time goes, by function
//   npm run bench -- --snapshot 20000x500 [--runs 5]
//                                       the index's inputs and lists as JSON: size, JSON.parse time
//
// The figures go to stdout as a table and as JSON; progress goes to stderr.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import esbuild from "esbuild";
import esbuildSvelte from "esbuild-svelte";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
// Inside the project, so that Node finds jsdom in node_modules.
const OUT_DIR = path.join(ROOT, "node_modules", ".cache", "one-on-ones-bench");
const OUT = path.join(OUT_DIR, "bench.mjs");
/** The in-page half of the browser bench; bench/browser.ts reads it from next to bench.mjs. */
const PAGE_OUT = path.join(OUT_DIR, "browser-page.js");

const args = process.argv.slice(2);
const skipBuild = args.includes("--no-build");
const benchArgs = args.filter((arg) => arg !== "--no-build");

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!skipBuild) run(process.execPath, ["esbuild.config.mjs", "production"]);

mkdirSync(OUT_DIR, { recursive: true });
await esbuild.build({
  entryPoints: [path.join(ROOT, "bench", "main.ts")],
  bundle: true,
  outfile: OUT,
  format: "esm",
  platform: "node",
  target: "node20",
  conditions: ["svelte", "browser"],
  mainFields: ["svelte", "browser", "module", "main"],
  alias: { obsidian: path.join(ROOT, "tests", "fakes", "obsidian.ts") },
  external: ["jsdom", "playwright-core"],
  plugins: [esbuildSvelte({ compilerOptions: { css: "injected", dev: false, fragments: "tree" } })],
  // Some dependencies are CommonJS and call require(): give the ES module one.
  banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
  logLevel: "warning",
  sourcemap: "inline",
});

await esbuild.build({
  entryPoints: [path.join(ROOT, "bench", "browser-page.ts")],
  bundle: true,
  outfile: PAGE_OUT,
  format: "iife",
  platform: "browser",
  target: "es2022",
  logLevel: "warning",
});

run(process.execPath, ["--expose-gc", OUT, "--root", ROOT, "--main-js", path.join(ROOT, "main.js"), ...benchArgs]);
