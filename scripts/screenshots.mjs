// Takes the README's screenshots: the plugin in the preview page (see scripts/preview.mjs) on a
// copy of demo-vault/, in Chromium at 1280×800, on the demo's date, in the light and dark theme;
// and the People table at 1280 px with both sidebars open, at 900 px and at 390 px.
//
//   npm run screenshots                  build, then write docs/*.png
//   npm run screenshots -- --no-build    use the main.js and styles.css already built
//
// Needs Chromium (Debian: apt-get install -y chromium; or CHROMIUM_PATH) and, for the names in
// Chinese, a CJK font (apt-get install -y fonts-noto-cjk).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { buildPlugin, startPreview } from "./preview.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DOCS = path.join(ROOT, "docs");
const TODAY = "2026-11-21";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const VIEWPORT = { width: 1280, height: 800 };

function say(line) {
  process.stdout.write(`${line}\n`);
}

/** A copy of demo-vault/ under the same name (the page shows the vault's folder name). */
function copyDemoVault() {
  const vault = path.join(mkdtempSync(path.join(tmpdir(), "one-on-ones-screenshots-")), "demo-vault");
  cpSync(path.join(ROOT, "demo-vault"), vault, {
    recursive: true,
    filter: (source) => !source.includes(`${path.sep}.obsidian${path.sep}plugins`) && !source.includes(`${path.sep}.obsidian${path.sep}workspace`),
  });
  return vault;
}

function warnWithoutCjkFont() {
  const fonts = spawnSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" });
  if (fonts.status === 0 && fonts.stdout.trim() === "") {
    say("  ! No Chinese font is installed: 李伟 will show as boxes (apt-get install -y fonts-noto-cjk).");
  }
}

/** A page (1280×800 unless told) that fails the run on any console error. */
async function openPage(browser, preview, params, errors, viewport = VIEWPORT) {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  const url = new URL(preview.url);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  await page.goto(url.href);
  await page.waitForFunction(() => document.body.dataset.preview === "ready" || document.body.dataset.preview === "failed");
  if ((await page.evaluate(() => document.body.dataset.preview)) !== "ready") throw new Error(`the page did not start: ${errors.join("; ")}`);
  return page;
}

async function runCommand(page, name) {
  await page.keyboard.press("Control+P");
  const palette = page.locator(".modal.mod-command-palette");
  await palette.locator(".prompt-input").fill(name.replace(/^One-on-Ones: /, ""));
  await palette.locator(".suggestion-item", { hasText: name }).first().click();
  await palette.waitFor({ state: "detached" });
}

async function readingView(page) {
  const toggle = page.locator(".mod-root .workspace-leaf:visible .view-action[aria-label^='Reading view']");
  if ((await toggle.count()) > 0) await toggle.click();
  await page.locator(".mod-root .workspace-leaf:visible .markdown-reading-view .markdown-preview-view").waitFor();
}

/** No hover, no focus ring, no blinking caret: then the picture. */
async function shoot(page, name) {
  // An empty spot of the ribbon: nothing there changes on hover.
  await page.mouse.move(22, VIEWPORT.height / 2);
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });
  await page.waitForTimeout(250);
  const file = path.join(DOCS, `${name}.png`);
  await page.screenshot({ path: file });
  say(`  ✓ ${path.relative(ROOT, file)}`);
}

async function followUps(browser, preview, theme, errors) {
  const page = await openPage(browser, preview, { theme, file: "1-1s/Anya Petrova/2026-11-20.md" }, errors);
  await readingView(page);
  await page.locator(".status-bar .ooo-status-bar").click();
  await page.locator('.workspace-leaf-content[data-type="one-on-ones-follow-ups"] .ooo-agreement-row').first().waitFor();
  await shoot(page, `follow-ups-${theme}`);
  await page.close();
}

async function people(browser, preview, theme, errors) {
  const page = await openPage(browser, preview, { theme }, errors);
  await runCommand(page, "Toggle left sidebar");
  await runCommand(page, "One-on-Ones: Open people");
  await page.locator('.workspace-leaf-content[data-type="one-on-ones-people"] tbody tr').first().waitFor();
  await shoot(page, `people-${theme}`);
  await page.close();
}

/** The People table in a pane of another width: the window's width and which sidebars are open. */
async function peopleAtWidth(browser, preview, { name, width, left, right }, errors) {
  const page = await openPage(browser, preview, { theme: "light" }, errors, { width, height: VIEWPORT.height });
  if (right) await runCommand(page, "One-on-Ones: Open follow-ups");
  if (!left) await runCommand(page, "Toggle left sidebar");
  await runCommand(page, "One-on-Ones: Open people");
  await page.locator('.workspace-leaf-content[data-type="one-on-ones-people"] tbody tr').first().waitFor();
  await shoot(page, name);
  await page.close();
}

/** The widths README shows the People table at. */
const PEOPLE_WIDTHS = [
  { name: "people-1280-both-sidebars", width: 1280, left: true, right: true },
  { name: "people-900", width: 900, left: false, right: false },
  { name: "people-390", width: 390, left: false, right: false },
];

async function oneOnOneNote(browser, preview, theme, errors) {
  const page = await openPage(browser, preview, { theme }, errors);
  await runCommand(page, "One-on-Ones: Start 1:1…");
  const picker = page.locator(".modal.prompt .prompt-input");
  await picker.fill("José");
  await page.locator(".modal.prompt .ooo-suggestion-title", { hasText: "José Álvarez" }).first().click();
  await page.locator(".mod-root .workspace-tab-header.is-active", { hasText: TODAY }).waitFor();
  await readingView(page);
  await page.locator(".mod-root .block-language-one-on-ones .ooo-agreement-row").first().waitFor();
  // From the note's first heading on: its agenda, the live list of open agreements, the topics.
  await page.locator(".mod-root .markdown-reading-view").evaluate((el) => {
    const heading = el.querySelector("h1");
    if (heading) el.scrollTop = heading.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop - 24;
  });
  await shoot(page, `one-on-one-note-${theme}`);
  await page.close();
}

async function main() {
  const build = !process.argv.includes("--no-build");
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  if (build) buildPlugin();
  warnWithoutCjkFont();
  mkdirSync(DOCS, { recursive: true });
  const vault = copyDemoVault();
  const preview = await startPreview({ vault, port: 0, today: TODAY });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars"],
  });
  const errors = [];
  try {
    say(`Screenshots of ${preview.url} into ${path.relative(ROOT, DOCS)}/`);
    for (const theme of ["light", "dark"]) {
      await followUps(browser, preview, theme, errors);
      await people(browser, preview, theme, errors);
    }
    for (const layout of PEOPLE_WIDTHS) await peopleAtWidth(browser, preview, layout, errors);
    // Starting the 1:1 changes the vault: it comes last.
    for (const theme of ["light", "dark"]) await oneOnOneNote(browser, preview, theme, errors);
    if (errors.length > 0) throw new Error(`the page logged errors:\n${errors.join("\n")}`);
  } finally {
    await browser.close();
    await preview.close();
    rmSync(path.dirname(vault), { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`screenshots: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
