// `npm run bench`: generates synthetic vaults, runs the real index, feeder and view models over
// them, and prints the figures as a table and as JSON. See bench/run.mjs for the options.
import { cpus, loadavg, totalmem } from "node:os";
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { BrowserResult } from "./browser";
import { installDom } from "./dom";

interface Options {
  vaults: { notes: number; people: number }[];
  runs: number;
  edits: number;
  json: string | null;
  mainJs: string | null;
  root: string | null;
  /** The views in Chromium: with the rest, not at all, or alone. */
  browser: "with" | "no" | "only";
  browserRuns: number;
  browserVault: { notes: number; people: number } | null;
  /** A DevTools trace of one more opening of each view, written here. */
  browserTrace: string | null;
  /** Only profile the cold build of this vault (see bench/profile.ts). */
  profile: { notes: number; people: number } | null;
  /** Only profile one-file updates of this vault (see bench/profile.ts). */
  profileUpdates: { notes: number; people: number } | null;
  /** Only measure a snapshot of this vault's index as JSON (see bench/snapshot.ts). */
  snapshot: { notes: number; people: number } | null;
}

const FULL = [1000, 10000, 20000, 50000].flatMap((notes) => [50, 500, 2000].map((people) => ({ notes, people })));
const QUICK = [
  { notes: 1000, people: 50 },
  { notes: 20000, people: 500 },
];

function parse(argv: string[]): Options {
  const options: Options = {
    vaults: FULL,
    runs: 5,
    edits: 200,
    json: null,
    mainJs: null,
    root: null,
    browser: "with",
    browserRuns: 7,
    browserVault: null,
    browserTrace: null,
    profile: null,
    snapshot: null,
    profileUpdates: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      return value;
    };
    if (arg === "--quick") options.vaults = QUICK;
    else if (arg === "--vaults") {
      options.vaults = next()
        .split(",")
        .map((spec) => {
          const [notes, people] = spec.split("x").map(Number);
          if (!notes || !people) throw new Error(`--vaults takes NOTESxPEOPLE,…, not ${spec}`);
          return { notes, people };
        });
    } else if (arg === "--runs") options.runs = Number(next());
    else if (arg === "--edits") options.edits = Number(next());
    else if (arg === "--json") options.json = next();
    else if (arg === "--main-js") options.mainJs = next();
    else if (arg === "--root") options.root = next();
    else if (arg === "--browser") options.browser = options.browser === "only" ? "only" : "with";
    else if (arg === "--no-browser") options.browser = "no";
    else if (arg === "--browser-only") options.browser = "only";
    else if (arg === "--browser-runs") options.browserRuns = Number(next());
    else if (arg === "--browser-trace") options.browserTrace = next();
    else if (arg === "--profile" || arg === "--profile-updates" || arg === "--snapshot") {
      const spec = next();
      const [notes, people] = spec.split("x").map(Number);
      if (!notes || !people) throw new Error(`${arg} takes NOTESxPEOPLE, not ${spec}`);
      options[arg === "--profile" ? "profile" : arg === "--snapshot" ? "snapshot" : "profileUpdates"] = { notes, people };
    } else if (arg === "--browser-vault") {
      const spec = next();
      const [notes, people] = spec.split("x").map(Number);
      if (!notes || !people) throw new Error(`--browser-vault takes NOTESxPEOPLE, not ${spec}`);
      options.browserVault = { notes, people };
    }
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

/** The views in Chromium; before anything else, while `window` is not yet Node's global. */
async function browserSection(options: Options, log: (line: string) => void): Promise<BrowserResult> {
  const { measureBrowser } = await import("./browser");
  const root = options.root ?? process.cwd();
  const traceFile = options.browserTrace === null ? null : path.resolve(options.browserTrace);
  const result = await measureBrowser({ root, runs: options.browserRuns, ...options.browserVault, traceFile, log });
  if ("skipped" in result) log(`  browser: skipped: ${result.skipped}`);
  return result;
}

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const machine = {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    /** Load averages (1, 5, 15 minutes) when the run started: other work on the machine. */
    loadAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
  };
  log(`bench: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}`);
  if (options.profile) {
    const scope = globalThis as { window?: unknown };
    scope.window ??= globalThis;
    const { profileColdBuild } = await import("./profile");
    const out = options.json ?? "cold-build.cpuprofile";
    process.stdout.write(`${await profileColdBuild(options.profile.notes, options.profile.people, options.runs, out)}\n`);
    return;
  }
  if (options.profileUpdates) {
    const scope = globalThis as { window?: unknown };
    scope.window ??= globalThis;
    const { profileUpdates } = await import("./profile");
    const { notes, people } = options.profileUpdates;
    const out = options.json ?? "updates.cpuprofile";
    process.stdout.write(`${await profileUpdates(notes, people, options.edits, out)}\n`);
    return;
  }
  if (options.snapshot) {
    const scope = globalThis as { window?: unknown };
    scope.window ??= globalThis;
    const { measureSnapshot, snapshotTable } = await import("./snapshot");
    const { notes, people } = options.snapshot;
    process.stdout.write(`${snapshotTable(notes, people, await measureSnapshot(notes, people, options.runs))}\n`);
    return;
  }
  const browser = options.browser === "no" ? undefined : await browserSection(options, log);
  if (options.browser === "only" && browser) {
    const { browserChecks, browserTable } = await import("./report");
    const results = { machine: { ...machine, loadAtEnd: loadavg().map((x) => Math.round(x * 100) / 100) }, date: new Date().toISOString().slice(0, 10), browser };
    const targets = browserChecks(browser);
    process.stdout.write(`${browserTable(results, targets)}\n`);
    const json = JSON.stringify({ ...results, targets }, null, 2);
    process.stdout.write(`${json}\n`);
    if (options.json) writeFileSync(options.json, `${json}\n`);
    return;
  }

  // The index yields with `window.setTimeout`: Node's own timers here, as a browser's would be;
  // jsdom (whose timers cost more) is installed for the plugin's `onload` only, at the end.
  const scope = globalThis as { window?: unknown };
  scope.window ??= globalThis;
  const { fmt, generate, measureVault, bundleSize } = await import("./measure");
  const { evaluate, table } = await import("./report");

  const vaults = [];
  for (const { notes, people } of options.vaults) {
    const started = performance.now();
    const vault = generate(notes, people);
    log(`  ${notes} notes, ${people} people: ${vault.files.size} files, generated in ${fmt(performance.now() - started, 0)} ms`);
    vaults.push(await measureVault(vault, { runs: options.runs, edits: options.edits, log }));
  }

  // onload does not depend on the vault (it waits for the layout): a small one will do.
  installDom();
  const { measureOnload } = await import("./onload");
  const small = generate(20, 5);
  const onloadMs = await measureOnload(Math.max(options.runs * 4, 20), Object.fromEntries(small.files));
  const size = options.mainJs ? bundleSize(options.mainJs) : null;

  const results = {
    machine: { ...machine, loadAtEnd: loadavg().map((x) => Math.round(x * 100) / 100) },
    date: new Date().toISOString().slice(0, 10),
    onloadMs,
    mainJs: size,
    vaults,
    ...(browser ? { browser } : {}),
  };
  const targets = evaluate(results);
  process.stdout.write(`${table(results, targets)}\n`);
  const json = JSON.stringify({ ...results, targets }, null, 2);
  process.stdout.write(`${json}\n`);
  if (options.json) writeFileSync(options.json, `${json}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
