// The bench's figures as tables, and each target of the performance issue checked against them.
import type { BrowserResult, ChangeFigures, OpenFigures, Spread } from "./browser";
import { fmt, type VaultFigures } from "./measure";

export interface Results {
  machine: { cpu: string; cores: number; memoryGB: number; node: string; platform: string; loadAtStart: number[]; loadAtEnd: number[] };
  date: string;
  onloadMs: number;
  mainJs: { minifiedKB: number; gzippedKB: number } | null;
  vaults: VaultFigures[];
  /** The views in Chromium; absent when the run left them out (--no-browser). */
  browser?: BrowserResult;
}

type Machine = Results["machine"];

export interface TargetCheck {
  figure: string;
  target: string;
  measured: string;
  met: boolean | null;
}

function pick(results: Results, notes: number): VaultFigures[] {
  return results.vaults.filter((v) => v.notes === notes);
}

function worst(vaults: VaultFigures[], value: (v: VaultFigures) => number): { vault: VaultFigures; value: number } | null {
  let out: { vault: VaultFigures; value: number } | null = null;
  for (const vault of vaults) {
    const v = value(vault);
    if (!out || v > out.value) out = { vault, value: v };
  }
  return out;
}

const at = (v: VaultFigures) => `${v.notes / 1000}k notes, ${v.people} people`;

export function evaluate(results: Results): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const add = (figure: string, target: string, found: { text: string; met: boolean } | null) =>
    checks.push({ figure, target, measured: found?.text ?? "not measured", met: found?.met ?? null });

  const cold = worst(pick(results, 20000), (v) => v.coldBuildMs);
  const slice = worst(pick(results, 20000), (v) => v.coldBuildLongestSliceMs);
  add(
    "cold index, 20k notes / 100k agreements",
    "≤ 150 ms, no main-thread slice over 50 ms",
    cold && slice
      ? {
          text: `${fmt(cold.value)} ms (${at(cold.vault)}), longest slice ${fmt(slice.value)} ms`,
          met: cold.value <= 150 && slice.value <= 50,
        }
      : null,
  );
  // Per file at the largest vaults: in small ones the figure is mostly the compiler warming up.
  const largest = Math.max(...results.vaults.map((v) => v.notes));
  const pass = worst(pick(results, largest), (v) => v.metadataPassUsPerFile);
  const indexPass = worst(pick(results, largest), (v) => v.metadataIndexUsPerFile);
  add(
    "metadata-only pass (people and meetings, no text read)",
    "≤ 1 µs per file",
    pass && indexPass
      ? {
          text: `${fmt(pass.value)} µs per file, ${fmt(indexPass.value)} µs without taking the facts from the cache (slowest: ${at(pass.vault)})`,
          met: pass.value <= 1,
        }
      : null,
  );
  const updates = pick(results, 50000).map((big) => {
    const small = results.vaults.find((v) => v.notes === 1000 && v.people === big.people);
    return { big, small };
  });
  const update = worst(
    updates.map((u) => u.big),
    (v) => v.updateMedianMs,
  );
  const growth = updates.reduce((most, { big, small }) => (small ? Math.max(most, big.updateMedianMs / small.updateMedianMs) : most), 0);
  add(
    "one-file update at 50k notes",
    "≤ 1 ms median, within 1.5× of 1k notes",
    update
      ? {
          text: `${fmt(update.value, 3)} ms (${at(update.vault)}); ${growth > 0 ? `${fmt(growth)}× the 1k figure` : "no 1k figure"}`,
          met: update.value <= 1 && growth > 0 && growth <= 1.5,
        }
      : null,
  );
  const ratios = pick(results, 20000);
  const lowest = ratios.length > 0 ? ratios.reduce((a, b) => (b.rebuildOverUpdate < a.rebuildOverUpdate ? b : a)) : null;
  add(
    "full rebuild ÷ one-file update at 20k notes",
    "≥ 100×",
    lowest ? { text: `${fmt(lowest.rebuildOverUpdate, 0)}× (${at(lowest)})`, met: lowest.rebuildOverUpdate >= 100 } : null,
  );
  // The figure after a change (what an open view waits for), the first opening (a model over items
  // or rows it has not seen) and another query must all meet the target. Shown besides: the very
  // first opening, with the JIT cold, and converting every entry (with the young collection after
  // it), which viewData does once after the index is built, when a view first opens (the status bar
  // counts the index's entries as they are).
  const follow = worst(pick(results, 20000), (v) => Math.max(v.followUpsAfterChangeMs, v.followUpsModelMs, v.followUpsModelWarmMs));
  add(
    "Follow-ups model, 30k open agreements",
    "≤ 20 ms",
    follow
      ? {
          text:
            `${fmt(follow.vault.followUpsAfterChangeMs)} ms after a change (viewData + model); ${fmt(follow.vault.followUpsModelMs)} ms on first opening ` +
            `(the very first ${fmt(follow.vault.followUpsFirstMs)} ms, JIT cold); ${fmt(follow.vault.followUpsModelWarmMs)} ms another query; ` +
            `converting every entry when a view first opens after a build, young collection included, ${fmt(follow.vault.followUpsConvertMs)} ms (${follow.vault.openAgreements} open, ${at(follow.vault)})`,
          met: follow.value <= 20,
        }
      : null,
  );
  const people = worst(
    results.vaults.filter((v) => v.people === 2000),
    (v) => Math.max(v.peopleAfterChangeMs, v.peopleModelMs, v.peopleModelWarmMs),
  );
  add(
    "People model, 2,000 people, sort + filter",
    "≤ 5 ms",
    people
      ? {
          text:
            `${fmt(people.vault.peopleAfterChangeMs)} ms after a change (viewData + model); ${fmt(people.vault.peopleModelMs)} ms on first opening ` +
            `(the very first ${fmt(people.vault.peopleFirstMs)} ms, JIT cold); ${fmt(people.vault.peopleModelWarmMs)} ms another sort or filter; ` +
            `making every row after a build, young collection included, ${fmt(people.vault.peopleConvertMs)} ms (${at(people.vault)})`,
          met: people.value <= 5,
        }
      : null,
  );
  add("onload", "≤ 5 ms", { text: `${fmt(results.onloadMs)} ms`, met: results.onloadMs <= 5 });
  add(
    "main.js",
    "≤ 150 KB minified",
    results.mainJs
      ? { text: `${fmt(results.mainJs.minifiedKB, 1)} KB minified, ${fmt(results.mainJs.gzippedKB, 1)} KB gzipped`, met: results.mainJs.minifiedKB <= 150 }
      : null,
  );
  const heap = worst(pick(results, 50000), (v) => v.indexHeapMB);
  add("index heap at 50k notes", "≤ 30 MB", heap ? { text: `${fmt(heap.value, 1)} MB (${at(heap.vault)})`, met: heap.value <= 30 } : null);
  if (results.browser) checks.push(...browserChecks(results.browser));
  return checks;
}

/** Render in Chromium: medians of the first render of each view, against 150 ms. */
export function browserChecks(browser: BrowserResult): TargetCheck[] {
  const figure = "render 5,000 agreements / 2,000 people in Chromium";
  const target = "≤ 150 ms each";
  if ("skipped" in browser) return [{ figure, target, measured: `skipped: ${browser.skipped}`, met: null }];
  const follow = browser.followUpsOpen;
  const people = browser.peopleOpen;
  const measured =
    `Follow-ups ${fmt(follow.medianMs)} ms (${count(browser.vault.openAgreements)} open, first run ${fmt(follow.firstMs)} ms); ` +
    `People ${fmt(people.medianMs)} ms (first page, ${count(people.rows)} of ${count(browser.vault.peopleRows)} rows; first run ${fmt(people.firstMs)} ms)`;
  return [{ figure, target, measured, met: follow.medianMs <= 150 && people.medianMs <= 150 }];
}

function count(n: number): string {
  return Number.isFinite(n) ? n.toLocaleString("en-US") : String(n);
}

function render(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

function machineLines(m: Machine): string[] {
  const busy = Math.max(m.loadAtStart[0] ?? 0, m.loadAtEnd[0] ?? 0) > m.cores / 2;
  return [
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node} (${m.platform}); load ${m.loadAtStart.join(" ")} at the start, ${m.loadAtEnd.join(" ")} at the end; medians.`,
    ...(busy ? ["WARNING: other work kept the machine busy during the run; the times are not representative."] : []),
  ];
}

function targetsTable(targets: TargetCheck[]): string {
  return render(
    ["figure", "target", "measured", "met"],
    targets.map((t) => [t.figure, t.target, t.measured, t.met === null ? "–" : t.met ? "yes" : "NO"]),
  );
}

/** The views in Chromium: each figure's median, first run and range. */
export function browserSection(browser: BrowserResult): string {
  if ("skipped" in browser) return `Views in Chromium: skipped: ${browser.skipped}`;
  const v = browser.vault;
  const row = (label: string, s: Spread): string[] => [label, fmt(s.medianMs), fmt(s.firstMs), `${fmt(s.minMs)}–${fmt(s.maxMs)}`];
  const change = (label: string, c: ChangeFigures): string[][] => [
    row(`${label}: action → painted`, c.total),
    row(`${label}: view update → painted`, c.render),
  ];
  const rows = [
    row(`Follow-ups opened, ${count(v.openAgreements)} open agreements (${count(browser.followUpsOpen.rows)} rows drawn: 200 per group)`, browser.followUpsOpen),
    row(`People opened, ${count(v.peopleRows)} people (first page: ${count(browser.peopleOpen.rows)} rows)`, browser.peopleOpen),
    row(`People, "Show more" ×${browser.peopleShowMore.steps} until all ${count(browser.peopleShowMore.rows)} rows (sum)`, browser.peopleShowMore),
    row(`People, all ${count(browser.peopleAllAtOnce.rows)} rows in one update (End key)`, browser.peopleAllAtOnce),
    ...change("Follow-ups, one agreement ticked (click)", browser.followUpsTick),
    ...change("Follow-ups, one note edited (agreement added)", browser.followUpsEdit),
    ...change("People, one note edited (role)", browser.peopleEdit),
    ...change("People, one agreement ticked in a 1:1 note", browser.peopleTick),
  ];
  const split = (name: string, o: OpenFigures): string =>
    `${name}: ${fmt(o.beforeFrame.medianMs)} ms until the frame that shows it starts (the plugin's and Svelte's work), ${fmt(o.medianMs - o.beforeFrame.medianMs)} ms in that frame (style, layout, paint)`;
  return [
    `Views in Chromium ${browser.chromium} (headless, 1280×800), real main.js on the preview page; vault of ${count(v.notes)} 1:1 notes and ${count(v.people)} people ` +
      `(${count(v.files)} files, page ready in ${fmt(browser.pageLoadMs / 1000, 1)} s); ${browser.runs} runs each. Times run until the frame showing the result has been painted.`,
    "After a change only the view measured is open (People at its first page). Action → painted includes the view's 50 ms debounce, the index update and the",
    "preview's fake metadata cache (it resolves every link of the vault again after each change, which Obsidian does not); view update → painted is the view's own work.",
    ...(browser.pageErrors.length > 0 ? [`WARNING: the page logged errors: ${browser.pageErrors.join(" | ")}`] : []),
    "",
    render(["figure", "median ms", "first run ms", "range ms"], rows),
    "",
    `First render, medians: ${split("Follow-ups", browser.followUpsOpen)}; ${split("People", browser.peopleOpen)}.`,
    ...(browser.traceFile ? [`A DevTools trace of one more opening of each view: ${browser.traceFile}`] : []),
  ].join("\n");
}

/** What --browser-only prints: the machine, the views in Chromium and their target. */
export function browserTable(results: { machine: Machine; browser: BrowserResult }, targets: TargetCheck[]): string {
  return [...machineLines(results.machine), "", browserSection(results.browser), "", targetsTable(targets)].join("\n");
}

export function table(results: Results, targets: TargetCheck[]): string {
  const m = results.machine;
  const header = [
    "notes",
    "people",
    "files",
    "open agr.",
    "cold build ms",
    "busy ms",
    "longest slice ms",
    "metadata µs/file",
    "index part µs/file",
    "update median ms",
    "update p95 ms",
    "viewData ms",
    "rebuild ms",
    "rebuild ÷ update",
    "Follow-ups ms (after change / first open / other query / convert all)",
    "People ms (after change / first open / other query / convert all)",
    "index heap MB",
  ];
  const rows = results.vaults.map((v) => [
    String(v.notes),
    String(v.people),
    String(v.files),
    String(v.openAgreements),
    fmt(v.coldBuildMs),
    fmt(v.coldBuildBusyMs),
    fmt(v.coldBuildLongestSliceMs),
    fmt(v.metadataPassUsPerFile),
    fmt(v.metadataIndexUsPerFile),
    fmt(v.updateMedianMs, 3),
    fmt(v.updateP95Ms, 3),
    fmt(v.viewDataMedianMs, 3),
    fmt(v.rebuildMs),
    `${fmt(v.rebuildOverUpdate, 0)}×`,
    `${fmt(v.followUpsAfterChangeMs)} / ${fmt(v.followUpsModelMs)} / ${fmt(v.followUpsModelWarmMs)} / ${fmt(v.followUpsConvertMs)}`,
    `${fmt(v.peopleAfterChangeMs)} / ${fmt(v.peopleModelMs)} / ${fmt(v.peopleModelWarmMs)} / ${fmt(v.peopleConvertMs)}`,
    fmt(v.indexHeapMB, 1),
  ]);
  const size = results.mainJs ? `${fmt(results.mainJs.minifiedKB, 1)} KB minified, ${fmt(results.mainJs.gzippedKB, 1)} KB gzipped` : "not built";
  return [
    ...machineLines(m),
    "",
    render(header, rows),
    "",
    "Cold build, phase by phase (in one go, no breaks):",
    "",
    render(
      ["notes", "people", "facts from cache ms", "classify ms", "open task lines from text ms", "parse agreements + derive lists ms"],
      results.vaults.map((v) => [
        String(v.notes),
        String(v.people),
        fmt(v.phases.factsMs),
        fmt(v.phases.classifyMs),
        fmt(v.phases.tasksFromTextMs),
        fmt(v.phases.deriveMs),
      ]),
    ),
    "",
    `onload: ${fmt(results.onloadMs)} ms    main.js: ${size}`,
    "",
    ...(results.browser ? [browserSection(results.browser), ""] : []),
    targetsTable(targets),
  ].join("\n");
}
