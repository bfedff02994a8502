// Helpers for the end-to-end tests: a preview server (`scripts/preview.mjs`) on a free port
// against a fresh copy of demo-vault/ in a temporary folder, Debian's Chromium driven by
// playwright-core, and a page that records every console error, page error and dialog.
// usePreviewSession sets these up for a test file that drives the page.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** The day the demo vault's story is set on; the page's clock is fixed to it. */
export const TODAY = "2026-11-21";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export interface PreviewServer {
  /** The page's address, with `?today=`. */
  url: string;
  origin: string;
  /** The vault folder the server reads and writes. */
  vault: string;
  /** What the server printed. */
  log: string[];
  /** A vault file's text on disk now. */
  read(path: string): string;
  exists(path: string): boolean;
  stop(): Promise<void>;
}

/**
 * Copies demo-vault/ (without installed plugins) into a temporary folder, adds `extra` files and
 * leaves out the files and folders of `leaveOut` (paths in the vault, such as "People").
 */
export function copyDemoVault(extra: Record<string, string> = {}, leaveOut: readonly string[] = []): string {
  const vault = mkdtempSync(join(tmpdir(), "one-on-ones-e2e-"));
  const skipped = [`${sep}.obsidian${sep}plugins`, `${sep}.obsidian${sep}workspace`, ...leaveOut.map((path) => `${sep}demo-vault${sep}${path.split("/").join(sep)}`)];
  cpSync(join(ROOT, "demo-vault"), vault, {
    recursive: true,
    filter: (source) => !skipped.some((part) => source.includes(part)),
  });
  for (const [path, text] of Object.entries(extra)) {
    mkdirSync(dirname(join(vault, path)), { recursive: true });
    writeFileSync(join(vault, path), text);
  }
  return vault;
}

/** Starts `scripts/preview.mjs --port 0 --no-build` on a copy of the demo vault. */
export async function startPreview(options: { extraFiles?: Record<string, string>; leaveOut?: readonly string[] } = {}): Promise<PreviewServer> {
  for (const built of ["main.js", "styles.css"]) {
    if (!existsSync(join(ROOT, built))) throw new Error(`${built} is missing: run "npm run build" (npm run test:e2e does).`);
  }
  const vault = copyDemoVault(options.extraFiles, options.leaveOut);
  const log: string[] = [];
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [join(ROOT, "scripts", "preview.mjs"), "--vault", vault, "--port", "0", "--no-build", "--today", TODAY],
    { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"] },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The preview server did not start:\n${log.join("")}`)), 30_000);
    const take = (chunk: Buffer): void => {
      log.push(chunk.toString());
      const found = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(log.join(""));
      if (found) {
        clearTimeout(timer);
        resolve(found[0]);
      }
    };
    child.stdout.on("data", take);
    child.stderr.on("data", (chunk: Buffer) => log.push(chunk.toString()));
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`The preview server stopped:\n${log.join("")}`));
    });
  });
  return {
    url,
    origin: new URL(url).origin,
    vault,
    log,
    read: (path) => readFileSync(join(vault, path), "utf8"),
    exists: (path) => existsSync(join(vault, path)),
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      rmSync(vault, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface PreviewPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions, in order. */
  errors: string[];
  /** Dialogs (alert, confirm, prompt) the page opened; each was dismissed. */
  dialogs: string[];
  close(): Promise<void>;
}

/** Opens the preview page at 1280×800 and waits until the plugin has loaded. */
export async function openPreview(browser: Browser, server: PreviewServer, params: Record<string, string> = {}): Promise<PreviewPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(`Uncaught: ${error.message}`));
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const url = new URL(server.url);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  await page.goto(url.href);
  await page.waitForFunction(() => document.body.dataset.preview === "ready" || document.body.dataset.preview === "failed");
  const state = await page.evaluate(() => document.body.dataset.preview);
  if (state !== "ready") throw new Error(`The preview did not start:\n${errors.join("\n")}`);
  return { page, context, errors, dialogs, close: () => context.close() };
}

export interface PreviewSession {
  /** The server of this test file; read it inside a test or hook, once beforeAll has run. */
  readonly server: PreviewServer;
  /** Opens the preview page (see openPreview); it is closed after the test. */
  open(params?: Record<string, string>): Promise<PreviewPage>;
}

export interface PreviewSessionOptions {
  /** Files added to the copy of the demo vault, path → text. */
  extraFiles?: Record<string, string>;
  /** Files and folders of the demo vault left out of the copy ("People"). */
  leaveOut?: readonly string[];
  /** Fail a test whose page opened a dialog (alert, confirm, prompt). */
  failOnDialogs?: boolean;
}

/**
 * Registers the hooks of a test file that drives the preview page: one browser and one preview
 * server for the whole file, and after each test the pages it opened closed, and the test failed
 * on any console error or uncaught exception they recorded.
 */
export function usePreviewSession(options: PreviewSessionOptions = {}): PreviewSession {
  let browser: Browser | undefined;
  let server: PreviewServer | undefined;
  let opened: PreviewPage[] = [];

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startPreview({ extraFiles: options.extraFiles, leaveOut: options.leaveOut })]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async () => {
    const pages = opened;
    opened = [];
    await Promise.all(pages.map((preview) => preview.close()));
    if (options.failOnDialogs) expect(pages.flatMap((preview) => preview.dialogs)).toEqual([]);
    expect(pages.flatMap((preview) => preview.errors)).toEqual([]);
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("The preview session has not started: use it inside a test or hook.");
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    async open(params = {}) {
      const preview = await openPreview(started(browser), started(server), params);
      opened.push(preview);
      return preview;
    },
  };
}

/** Waits until every change the page made is written to disk. */
export async function saved(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await window.preview?.saved();
  });
}

/** Polls a condition (on disk or in the page) until it holds, or fails after `timeoutMs`. */
export async function until<T>(what: string, probe: () => T | Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  let last: T = await probe();
  while (!accept(last)) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await probe();
  }
  return last;
}

/** The texts of the elements a locator matches, trimmed. */
export async function texts(locator: Locator): Promise<string[]> {
  return (await locator.allTextContents()).map((text) => text.trim());
}

/** Runs a command from the palette: Ctrl+P, type, pick the exact command name. */
export async function runFromPalette(page: Page, name: string): Promise<void> {
  await page.keyboard.press("Control+P");
  const palette = page.locator(".modal.mod-command-palette");
  await palette.waitFor();
  await palette.locator(".prompt-input").fill(name.replace(/^One-on-Ones: /, ""));
  const item = palette.locator(".suggestion-item", { hasText: name }).first();
  await item.waitFor();
  await item.click();
  await palette.waitFor({ state: "detached" });
}
