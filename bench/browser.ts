// The browser half of `npm run bench`: a generated vault served by the preview server
// (scripts/preview.mjs) with the real production main.js, opened in Debian's Chromium through
// playwright-core, and the views timed inside the page (bench/browser-page.ts).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import type { ChangeTiming, OpenTiming, ShowAllTiming } from "./browser-page";
import { BROWSER_NOTES, BROWSER_PEOPLE, BROWSER_TODAY, generateBrowserVault, writeVault } from "./browser-vault";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  // window.gc() between runs, so that no run pays for the garbage of the one before.
  "--js-flags=--expose-gc",
];
/** What DevTools' Performance panel records: tasks, script, style, layout, paint and GC. */
const TRACE_CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "disabled-by-default-devtools.timeline.frame", "v8", "v8.execute", "blink.user_timing"];
/** The preview page's size in the end-to-end tests: the Follow-ups view in the right sidebar. */
const VIEWPORT = { width: 1280, height: 800 };

export interface Spread {
  medianMs: number;
  /** The first run: the components' code has not run yet in this page. */
  firstMs: number;
  minMs: number;
  maxMs: number;
  runsMs: number[];
}

export interface ChangeFigures {
  /** From the action to the painted result, the view's 50 ms debounce included. */
  total: Spread;
  /** From the view's update to the painted result. */
  render: Spread;
}

/** A view's first render: until painted, and of that the part before its frame started. */
export type OpenFigures = Spread & {
  rows: number;
  /** From the command to the start of the frame that shows the rows: the plugin's and Svelte's work (and the wait for the frame). */
  beforeFrame: Spread;
};

export interface BrowserFigures {
  chromium: string;
  vault: { notes: number; people: number; files: number; openAgreements: number; peopleRows: number };
  /** Loading the page: the vault into the fake App, the plugin, the index built. */
  pageLoadMs: number;
  runs: number;
  followUpsOpen: OpenFigures;
  peopleOpen: OpenFigures;
  /** "Show more" clicked until every row is shown: the sum of each click's time. */
  peopleShowMore: Spread & { steps: number; rows: number };
  /** End pressed on the first row: every row rendered in one update. */
  peopleAllAtOnce: Spread & { rows: number };
  followUpsTick: ChangeFigures;
  followUpsEdit: ChangeFigures;
  peopleEdit: ChangeFigures;
  peopleTick: ChangeFigures;
  /** Errors the page logged (none expected). */
  pageErrors: string[];
  /** A DevTools trace of one more opening of each view (--browser-trace), for the Performance panel. */
  traceFile: string | null;
}

export type BrowserResult = BrowserFigures | { skipped: string };

export interface BrowserOptions {
  root: string;
  runs: number;
  notes?: number;
  people?: number;
  /** Where to write a DevTools trace of one more opening of each view; none when null. */
  traceFile?: string | null;
  log: (line: string) => void;
}

interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

/** Starts `scripts/preview.mjs` on the vault folder, as the end-to-end tests do. */
async function startPreview(root: string, vault: string): Promise<PreviewServer> {
  const args = [path.join(root, "scripts", "preview.mjs"), "--vault", vault, "--port", "0", "--no-build", "--today", BROWSER_TODAY];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the preview server did not start:\n${output.join("")}`)), 60_000);
    child.stdout.on("data", (chunk: Buffer) => {
      output.push(chunk.toString());
      const found = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(output.join(""));
      if (found) {
        clearTimeout(timer);
        resolve(found[0]);
      }
    });
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the preview server stopped:\n${output.join("")}`));
    });
  });
  return {
    url,
    async close() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;
  return sorted.length === 0 ? NaN : ((sorted[Math.floor(middle)] as number) + (sorted[Math.ceil(middle)] as number)) / 2;
}

function spread(values: number[]): Spread {
  return {
    medianMs: median(values),
    firstMs: values[0] ?? NaN,
    minMs: Math.min(...values),
    maxMs: Math.max(...values),
    runsMs: values.map((v) => Math.round(v * 100) / 100),
  };
}

async function repeat<T>(runs: number, measure: (run: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let run = 0; run < runs; run++) out.push(await measure(run));
  return out;
}

function openFigures(timings: OpenTiming[]): OpenFigures {
  return { ...spread(timings.map((t) => t.paintedMs)), rows: timings[0]?.rows ?? 0, beforeFrame: spread(timings.map((t) => t.scriptMs)) };
}

function changeFigures(timings: ChangeTiming[]): ChangeFigures {
  return { total: spread(timings.map((t) => t.totalMs)), render: spread(timings.map((t) => t.renderMs)) };
}

/** The in-page script, bundled next to the bench by bench/run.mjs. */
function pageScript(): string {
  const file = fileURLToPath(new URL("./browser-page.js", import.meta.url));
  if (!existsSync(file)) throw new Error(`${file} is missing: run the bench through npm run bench`);
  return readFileSync(file, "utf8");
}

async function openPage(browser: Browser, url: string, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(`Uncaught: ${error.message}`));
  page.setDefaultTimeout(180_000);
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.preview === "ready" || document.body.dataset.preview === "failed", undefined, { timeout: 180_000 });
  if ((await page.evaluate(() => document.body.dataset.preview)) !== "ready") throw new Error(`the preview did not start:\n${errors.join("\n")}`);
  return page;
}

export async function measureBrowser(options: BrowserOptions): Promise<BrowserResult> {
  const { root, runs, log } = options;
  if (!existsSync(CHROMIUM)) return { skipped: `no Chromium at ${CHROMIUM}` };
  if (!existsSync(path.join(root, "main.js"))) throw new Error("main.js is missing: run npm run build");
  const script = pageScript();
  const notes = options.notes ?? BROWSER_NOTES;
  const people = options.people ?? BROWSER_PEOPLE;

  const vault = generateBrowserVault(notes, people);
  const folder = mkdtempSync(path.join(tmpdir(), "one-on-ones-bench-"));
  let server: PreviewServer | null = null;
  let browser: Browser | null = null;
  try {
    const files = writeVault(vault, folder);
    log(`  browser: ${notes} notes, ${people} people (${files} files) in ${folder}`);
    server = await startPreview(root, folder);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const errors: string[] = [];
    const loadStart = performance.now();
    const page = await openPage(browser, server.url, errors);
    await page.addScriptTag({ content: script });
    if (!(await page.evaluate(() => window.oooBench !== undefined))) throw new Error("the bench script did not load in the page");
    await page.evaluate(() => window.oooBench?.ready());
    const pageLoadMs = performance.now() - loadStart;
    log(`  browser: Chromium ${browser.version()}, page ready in ${(pageLoadMs / 1000).toFixed(1)} s`);

    const call = <T>(name: string, run: number): Promise<T> =>
      page.evaluate(([fn, n]) => (window.oooBench as unknown as Record<string, (n: number) => Promise<unknown>>)[fn]?.(n), [name, run] as const) as Promise<T>;
    const step = async <T>(name: string): Promise<T[]> => {
      const started = performance.now();
      const results = await repeat(runs, (run) => call<T>(name, run));
      log(`  browser: ${name} ×${runs} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      return results;
    };

    const followUps = await step<OpenTiming>("openFollowUps");
    const peopleOpen = await step<OpenTiming>("openPeople");
    const showMore = await step<ShowAllTiming>("peopleShowMore");
    const allAtOnce = await step<ShowAllTiming>("peopleAllAtOnce");
    const followUpsTick = await step<ChangeTiming>("followUpsTick");
    const followUpsEdit = await step<ChangeTiming>("followUpsEdit");
    const peopleEdit = await step<ChangeTiming>("peopleEdit");
    const peopleTick = await step<ChangeTiming>("peopleTick");

    const traceFile = options.traceFile ?? null;
    if (traceFile !== null) {
      await browser.startTracing(page, { path: traceFile, screenshots: false, categories: TRACE_CATEGORIES });
      await call("openFollowUps", runs);
      await call("openPeople", runs);
      await browser.stopTracing();
      log(`  browser: a trace of one more opening of each view is in ${traceFile} (DevTools, Performance panel: load profile)`);
    }

    return {
      chromium: browser.version(),
      vault: { notes, people, files, openAgreements: followUps[0]?.total ?? NaN, peopleRows: peopleOpen[0]?.total ?? NaN },
      pageLoadMs,
      runs,
      followUpsOpen: openFigures(followUps),
      peopleOpen: openFigures(peopleOpen),
      peopleShowMore: { ...spread(showMore.map((t) => t.paintedMs)), steps: showMore[0]?.steps ?? 0, rows: showMore[0]?.rows ?? 0 },
      peopleAllAtOnce: { ...spread(allAtOnce.map((t) => t.paintedMs)), rows: allAtOnce[0]?.rows ?? 0 },
      followUpsTick: changeFigures(followUpsTick),
      followUpsEdit: changeFigures(followUpsEdit),
      peopleEdit: changeFigures(peopleEdit),
      peopleTick: changeFigures(peopleTick),
      pageErrors: errors,
      traceFile,
    };
  } finally {
    await browser?.close();
    await server?.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
