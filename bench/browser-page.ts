// The in-page half of the browser benchmark: bundled for the browser by bench/run.mjs and added
// to the preview page (scripts/preview.mjs) once the plugin has loaded. Each function opens a
// view or changes a note the way the user would, and times it with performance.now() until the
// frame that shows the result has been painted.
//
// "Painted" here: the first animation frame at whose start the expected elements are in the
// visible view is produced (style, layout and paint of that frame run right after its
// requestAnimationFrame callbacks), and a message posted from that callback is handled once the
// frame is done. The time therefore includes the plugin's work, Svelte's DOM updates, the wait
// for the frame (up to one vsync interval, 16.7 ms at 60 Hz) and the frame's style, layout and
// paint; it leaves out rasterisation and compositing, which run on other threads.
import { COMMAND_IDS, PLUGIN_ID, VIEW_TYPE_FOLLOW_UPS, VIEW_TYPE_PEOPLE } from "../src/constants";
import type { App } from "../tests/fakes/fake-app";
import type { TFile } from "../tests/fakes/fake-vault";

export interface OpenTiming {
  /** From the command to the start of the frame that shows the rows (all script work done). */
  scriptMs: number;
  /** From the command until that frame has been painted. */
  paintedMs: number;
  /** Rows in the DOM when the frame was painted. */
  rows: number;
  /** Agreements or people in the view's model (its counts line). */
  total: number;
}

export interface ShowAllTiming {
  /** The sum, over every step, of the time from the action until its frame was painted. */
  paintedMs: number;
  steps: number;
  rows: number;
}

export interface ChangeTiming {
  /** From the change (a click, a save) until the frame showing its result was painted. */
  totalMs: number;
  /** From the view's update (after the index changed and the view's 50 ms debounce) to painted. */
  renderMs: number;
}

export interface BenchPage {
  ready(): Promise<void>;
  openFollowUps(): Promise<OpenTiming>;
  openPeople(): Promise<OpenTiming>;
  peopleShowMore(): Promise<ShowAllTiming>;
  peopleAllAtOnce(): Promise<ShowAllTiming>;
  followUpsTick(): Promise<ChangeTiming>;
  followUpsEdit(run: number): Promise<ChangeTiming>;
  peopleEdit(run: number): Promise<ChangeTiming>;
  peopleTick(): Promise<ChangeTiming>;
}

declare global {
  interface Window {
    oooBench?: BenchPage;
    gc?: () => void;
  }
}

const TIMEOUT_MS = 30_000;
const FOLLOW_UPS_VIEW = `.mod-right-split .workspace-leaf-content[data-type="${VIEW_TYPE_FOLLOW_UPS}"]`;
const PEOPLE_VIEW = `.mod-root .workspace-leaf-content[data-type="${VIEW_TYPE_PEOPLE}"]`;

function app(): App {
  const preview = window.preview;
  if (!preview) throw new Error("the preview page has not started");
  return preview.app;
}

/**
 * Waits until the page has nothing left to do, collects the garbage, lets two frames pass, and
 * returns on a task of its own: what comes next starts as an event handler would, not inside a
 * frame.
 */
async function quiet(): Promise<void> {
  await window.preview?.saved();
  window.gc?.();
  await nextFrame();
  await nextFrame();
  await nextTask();
}

function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Resolves once the frame about to be produced has been painted. Call from a rAF callback. */
async function afterThisFrame(): Promise<number> {
  await nextTask();
  return performance.now();
}

/**
 * Waits for the first frame at whose start `ready()` holds, and for that frame to be painted.
 * Returns the time of that frame's start and of its end.
 */
function paintedWhen(ready: () => boolean, what: string): Promise<{ frame: number; painted: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const frame = performance.now();
      if (ready()) {
        void afterThisFrame().then((painted) => resolve({ frame, painted }));
      } else if (frame - started > TIMEOUT_MS) {
        reject(new Error(`timed out waiting for ${what}`));
      } else {
        requestAnimationFrame(check);
      }
    };
    requestAnimationFrame(check);
  });
}

function view(selector: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(selector);
}

function countsText(selector: string): string {
  return view(selector)?.querySelector(".ooo-counts")?.textContent?.trim() ?? "";
}

/** "12 overdue · 3 due soon · 5,012 open" → 5012; "2,000 people" → 2000. */
function countIn(text: string, word: string): number {
  const found = new RegExp(`([\\d,]+) ${word}`).exec(text);
  return found ? Number(found[1]?.replace(/,/g, "")) : NaN;
}

function command(id: string): void {
  if (!app().commands.executeCommandById(`${PLUGIN_ID}:${id}`)) throw new Error(`the command ${id} did not run`);
}

function closeViews(type: string): void {
  for (const leaf of app().workspace.getLeavesOfType(type)) leaf.detach();
}

async function open(type: string, selector: string, commandId: string, rowSelector: string, word: string): Promise<OpenTiming> {
  closeViews(type);
  await quiet();
  const start = performance.now();
  command(commandId);
  const { frame, painted } = await paintedWhen(() => (view(selector)?.querySelector(rowSelector) ?? null) !== null, `the ${type} view`);
  const el = view(selector);
  return {
    scriptMs: frame - start,
    paintedMs: painted - start,
    rows: el?.querySelectorAll(rowSelector).length ?? 0,
    total: countIn(countsText(selector), word),
  };
}

const AGREEMENT_ROW = "li.ooo-agreement-row";
const PERSON_ROW = "tbody tr.ooo-person-row";

function peopleRows(): number {
  return view(PEOPLE_VIEW)?.querySelectorAll(PERSON_ROW).length ?? 0;
}

/** Rows the People table draws before "Show more". */
const PEOPLE_PAGE = 200;

/**
 * The People view as it first opens (its first page of rows), and no Follow-ups view: a change
 * re-renders every open view, and each figure is about one view.
 */
async function peopleOpen(): Promise<HTMLElement> {
  closeViews(VIEW_TYPE_FOLLOW_UPS);
  if (!view(PEOPLE_VIEW) || peopleRows() > PEOPLE_PAGE) await open(VIEW_TYPE_PEOPLE, PEOPLE_VIEW, COMMAND_IDS.openPeople, PERSON_ROW, "people");
  const el = view(PEOPLE_VIEW);
  if (!el) throw new Error("the People view did not open");
  return el;
}

/** The Follow-ups view, and no People view. */
async function followUpsOpen(): Promise<HTMLElement> {
  closeViews(VIEW_TYPE_PEOPLE);
  if (!view(FOLLOW_UPS_VIEW)) await open(VIEW_TYPE_FOLLOW_UPS, FOLLOW_UPS_VIEW, COMMAND_IDS.openFollowUps, AGREEMENT_ROW, "open");
  const el = view(FOLLOW_UPS_VIEW);
  if (!el) throw new Error("the Follow-ups view did not open");
  return el;
}

/** The plugin's view of a type, with its `update` (called after each change of the index). */
function indexView(type: string): { update(): void } {
  const found = app().workspace.getLeavesOfType(type)[0]?.view as unknown as { update?: () => void } | undefined;
  if (!found || typeof found.update !== "function") throw new Error(`no ${type} view with an update method`);
  return found as { update(): void };
}

/** Runs `act`, then waits until `done()` shows in a painted frame; notes when the view updated. */
async function change(type: string, act: () => void | Promise<void>, done: () => boolean, what: string): Promise<ChangeTiming> {
  await quiet();
  const target = indexView(type);
  const original = target.update.bind(target);
  let updated = NaN;
  target.update = () => {
    if (Number.isNaN(updated)) updated = performance.now();
    original();
  };
  try {
    const start = performance.now();
    await act();
    const { painted } = await paintedWhen(done, what);
    if (Number.isNaN(updated)) throw new Error(`the view did not update for ${what}`);
    return { totalMs: painted - start, renderMs: painted - updated };
  } finally {
    delete (target as { update?: unknown }).update;
    await quiet();
  }
}

function file(path: string): TFile {
  const found = app().vault.getFileByPath(path);
  if (!found) throw new Error(`no file ${path}`);
  return found;
}

/** The visible rows of the People table, as name and row element. */
function shownPeople(): { name: string; row: HTMLElement }[] {
  const out: { name: string; row: HTMLElement }[] = [];
  for (const row of view(PEOPLE_VIEW)?.querySelectorAll<HTMLElement>(PERSON_ROW) ?? []) {
    const name = row.querySelector(".ooo-col-name .ooo-person-name")?.textContent?.trim();
    if (name) out.push({ name, row });
  }
  return out;
}

function cellText(row: HTMLElement, column: string): string {
  return row.querySelector(`.ooo-col-${column}`)?.textContent?.trim() ?? "";
}

const page: BenchPage = {
  async ready() {
    const plugin = window.preview?.plugin as unknown as { whenReady?: () => Promise<void> } | undefined;
    await plugin?.whenReady?.();
    await quiet();
  },

  openFollowUps: () => open(VIEW_TYPE_FOLLOW_UPS, FOLLOW_UPS_VIEW, COMMAND_IDS.openFollowUps, AGREEMENT_ROW, "open"),

  openPeople: () => open(VIEW_TYPE_PEOPLE, PEOPLE_VIEW, COMMAND_IDS.openPeople, PERSON_ROW, "people"),

  async peopleShowMore() {
    await this.openPeople();
    const el = await peopleOpen();
    await quiet();
    let paintedMs = 0;
    let steps = 0;
    for (let button = el.querySelector<HTMLButtonElement>("button.ooo-show-more"); button; button = el.querySelector("button.ooo-show-more")) {
      const before = peopleRows();
      const start = performance.now();
      button.click();
      const { painted } = await paintedWhen(() => peopleRows() > before, "more rows");
      paintedMs += painted - start;
      steps++;
      await quiet();
    }
    return { paintedMs, steps, rows: peopleRows() };
  },

  async peopleAllAtOnce() {
    await this.openPeople();
    const el = await peopleOpen();
    const total = countIn(countsText(PEOPLE_VIEW), "people");
    const first = el.querySelector<HTMLElement>(PERSON_ROW);
    if (!first) throw new Error("no rows");
    first.focus();
    await quiet();
    const start = performance.now();
    // End moves the focus to the last row: the table renders every row at once.
    first.dispatchEvent(new KeyboardEvent("keydown", { key: "End", bubbles: true, cancelable: true }));
    const { painted } = await paintedWhen(() => peopleRows() >= total, "every row");
    return { paintedMs: painted - start, steps: 1, rows: peopleRows() };
  },

  async followUpsTick() {
    const el = await followUpsOpen();
    const box = el.querySelector<HTMLInputElement>(`${AGREEMENT_ROW} input.ooo-agreement-row-check:not(:disabled)`);
    if (!box) throw new Error("no agreement to tick");
    const before = countsText(FOLLOW_UPS_VIEW);
    return change(VIEW_TYPE_FOLLOW_UPS, () => box.click(), () => countsText(FOLLOW_UPS_VIEW) !== before, "the tick");
  },

  async followUpsEdit(run) {
    await followUpsOpen();
    const before = countsText(FOLLOW_UPS_VIEW);
    const note = app()
      .vault.getMarkdownFiles()
      .find((f) => f.path.startsWith("1-1s/") && !f.path.startsWith("1-1s/Logs/"));
    if (!note) throw new Error("no 1:1 note");
    const line = `- [ ] @me bench follow-up ${run} 📅 2026-11-20`;
    return change(
      VIEW_TYPE_FOLLOW_UPS,
      () => app().vault.process(note, (text) => text.replace("## Agreements\n", `## Agreements\n${line}\n`)).then(() => undefined),
      () => countsText(FOLLOW_UPS_VIEW) !== before,
      "the new agreement",
    );
  },

  async peopleEdit(run) {
    await peopleOpen();
    const target = shownPeople()[run % 10];
    if (!target) throw new Error("no person row");
    const role = `Bench role ${run}`;
    const note = file(`People/${target.name}.md`);
    return change(
      VIEW_TYPE_PEOPLE,
      () =>
        app()
          .vault.process(note, (text) => (/^role: .*$/m.test(text) ? text.replace(/^role: .*$/m, `role: ${role}`) : text.replace("type: person\n", `type: person\nrole: ${role}\n`)))
          .then(() => undefined),
      () => shownPeople().some((p) => p.name === target.name && cellText(p.row, "role") === role),
      "the new role",
    );
  },

  async peopleTick() {
    await peopleOpen();
    for (const { name, row } of shownPeople()) {
      const open = Number(cellText(row, "openAgreements"));
      if (!(open > 0)) continue;
      const note = app()
        .vault.getMarkdownFiles()
        .find((f) => f.path.startsWith(`1-1s/${name}/`) && (app().metadataCache.getFileCache(f)?.listItems ?? []).some((item) => item.task === " "));
      if (!note) continue;
      const text = await app().vault.cachedRead(note);
      if (!/^- \[ \] @me /m.test(text)) continue;
      return change(
        VIEW_TYPE_PEOPLE,
        () => app().vault.process(note, (t) => t.replace(/^- \[ \] @me /m, "- [x] @me ")).then(() => undefined),
        () => shownPeople().some((p) => p.name === name && Number(cellText(p.row, "openAgreements")) === open - 1),
        "the ticked agreement",
      );
    }
    throw new Error("no person on the first page with an open agreement of mine");
  },
};

window.oooBench = page;
