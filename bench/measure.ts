// The measurements of `npm run bench`. Each vault is generated, its metadata computed (as
// Obsidian's cache holds it), and then the real index, feeder and view models are timed.
import { gzipSync } from "node:zlib";
import { readFileSync, statSync } from "node:fs";
import { fixedClock } from "../src/domain/dates";
import { agreementItem, buildFollowUps } from "../src/domain/follow-ups";
import { buildPeopleTable, personRow } from "../src/domain/people-table";
import type { FollowUpsQuery, PeopleQuery } from "../src/domain/view-models";
import type { FileFacts } from "../src/index/facts";
import { PeopleIndex, type IndexSettings } from "../src/index/people-index";
import { factsFrom, IndexFeeder } from "../src/obsidian/index-feeder";
import { DEFAULT_SETTINGS, indexSettings } from "../src/settings";
import { viewData } from "../src/views/view-data";
import type { TFile } from "obsidian";
import { BenchApp } from "./bench-app";
import { defaultSpec, editNote, generateVault, Random, type GeneratedVault } from "./generate-vault";

export const TODAY = "2026-11-21";

/** The index's settings as the plugin gives them with the default settings. */
export const INDEX_SETTINGS: IndexSettings = indexSettings(DEFAULT_SETTINGS);

// ---- statistics and timing ----------------------------------------------------------------------

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (at - low);
}

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error("run with node --expose-gc (npm run bench does)");
  collect();
  collect();
}

/** A collection of the young generation only: what the objects just made cost to keep. */
function minorGc(): void {
  const collect = (globalThis as { gc?: (options: { type: "minor" }) => void }).gc;
  if (!collect) throw new Error("run with node --expose-gc (npm run bench does)");
  collect({ type: "minor" });
}

/**
 * Watches the event loop while `work` runs: a callback scheduled again and again with
 * `setImmediate` gets a turn between two tasks, so the longest gap between two of its turns is
 * the longest the main thread was held without a break.
 */
async function withLongestSlice<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; busyMs: number; longestSliceMs: number; slices: number }> {
  let running = true;
  let last = performance.now();
  let longest = 0;
  let busy = 0;
  let slices = 0;
  const gap = (now: number) => {
    const ms = now - last;
    longest = Math.max(longest, ms);
    // The beat runs many times a millisecond while the thread is free: longer gaps are work.
    if (ms > 0.25) {
      busy += ms;
      slices++;
    }
    last = now;
  };
  const beat = () => {
    gap(performance.now());
    if (running) setImmediate(beat);
  };
  setImmediate(beat);
  const start = performance.now();
  last = start;
  const result = await work();
  const end = performance.now();
  running = false;
  gap(end);
  return { result, ms: end - start, busyMs: busy, longestSliceMs: longest, slices };
}

// ---- one vault ----------------------------------------------------------------------------------

export interface VaultFigures {
  notes: number;
  people: number;
  files: number;
  openAgreements: number;
  /** Cold build: the feeder's build plus the first people(), agreements(), meetings(); wall time. */
  coldBuildMs: number;
  /** The part of it the main thread was busy (the rest: breaks given to the event loop). */
  coldBuildBusyMs: number;
  /** The longest the cold build held the main thread without giving the event loop a turn. */
  coldBuildLongestSliceMs: number;
  coldBuildSlices: number;
  /** Where the cold build's time goes, run in one go without breaks (medians). */
  phases: { factsMs: number; classifyMs: number; tasksFromTextMs: number; deriveMs: number };
  /** Facts from the metadata cache, classified, people and meetings derived, no text read; per file. */
  metadataPassUsPerFile: number;
  /** The same without taking the facts from the metadata cache (the index's part alone). */
  metadataIndexUsPerFile: number;
  updateMedianMs: number;
  updateP95Ms: number;
  /** The views' data brought up to date after one edit (viewData, agreements read too), median. */
  viewDataMedianMs: number;
  rebuildMs: number;
  rebuildOverUpdate: number;
  /**
   * The Follow-ups model as the view gets it after one edit: viewData (only the changed entries
   * converted) and buildFollowUps over its list; median over the edits.
   */
  followUpsAfterChangeMs: number;
  /**
   * Every entry converted (agreementItem), as viewData does once when a view first opens after the
   * index is built, with the young collection that follows; median.
   */
  followUpsConvertMs: number;
  /** On first opening: the model built over converted items it has not seen; median. */
  followUpsModelMs: number;
  /** The very first of those, before the JIT has compiled the code. */
  followUpsFirstMs: number;
  /** Another query over the same items. */
  followUpsModelWarmMs: number;
  /**
   * The People model after one edit: viewData (its rows: the agreements are made only when a view
   * reads them) and buildPeopleTable over its rows; median.
   */
  peopleAfterChangeMs: number;
  /** Every row made (personRow), as the status bar does once after the index is built, and collected; median. */
  peopleConvertMs: number;
  /** On first opening: rows it has not seen sorted and filtered; median. */
  peopleModelMs: number;
  /** The very first of those, before the JIT has compiled the code. */
  peopleFirstMs: number;
  /** Another sort or filter of the same rows. */
  peopleModelWarmMs: number;
  indexHeapMB: number;
}

async function coldBuild(bench: BenchApp): Promise<{ index: PeopleIndex; feeder: IndexFeeder; ms: number; busyMs: number; longestSliceMs: number; slices: number }> {
  const index = new PeopleIndex(INDEX_SETTINGS, fixedClock(TODAY));
  const feeder = new IndexFeeder(bench.app, index);
  feeder.listen();
  const measured = await withLongestSlice(async () => {
    await feeder.build();
    index.people();
    index.agreements();
    index.meetings();
  });
  return { index, feeder, ...measured };
}

/** The metadata-only pass: facts of every file, classified, then people and meetings derived. */
function metadataPass(bench: BenchApp): { withFacts: number; indexOnly: number } {
  const files = bench.app.vault.getMarkdownFiles();
  const caches = files.map((file) => bench.app.metadataCache.getFileCache(file));
  const run = (factsOf: (file: TFile, i: number) => FileFacts) => {
    const index = new PeopleIndex(INDEX_SETTINGS, fixedClock(TODAY));
    const start = performance.now();
    index.batch(() => {
      files.forEach((file, i) => {
        const facts = factsOf(file, i);
        index.upsert(facts, null);
        index.needsText(facts);
      });
    });
    index.people();
    index.meetings();
    return ((performance.now() - start) * 1000) / files.length;
  };
  const withFacts = run((file, i) => factsFrom(file, caches[i] ?? null));
  const prepared = files.map((file, i) => factsFrom(file, caches[i] ?? null));
  const indexOnly = run((file, i) => prepared[i] ?? factsFrom(file, null));
  return { withFacts, indexOnly };
}

/** The cold build's work in one go, timed phase by phase. */
function phases(bench: BenchApp): VaultFigures["phases"] {
  const files = bench.app.vault.getMarkdownFiles();
  const index = new PeopleIndex(INDEX_SETTINGS, fixedClock(TODAY));
  let t = performance.now();
  const facts = files.map((file) => factsFrom(file, bench.app.metadataCache.getFileCache(file)));
  const factsMs = performance.now() - t;
  t = performance.now();
  const needText: FileFacts[] = [];
  index.batch(() => {
    for (const f of facts) {
      index.upsert(f, null);
      if (index.needsText(f)) needText.push(f);
    }
  });
  const classifyMs = performance.now() - t;
  t = performance.now();
  index.batch(() => {
    for (const f of needText) index.upsert(f, bench.texts.get(f.path) as string);
  });
  const tasksFromTextMs = performance.now() - t;
  t = performance.now();
  index.agreements();
  index.meetings();
  index.people();
  const deriveMs = performance.now() - t;
  return { factsMs, classifyMs, tasksFromTextMs, deriveMs };
}

export async function measureVault(vault: GeneratedVault, options: { runs: number; edits: number; log: (line: string) => void }): Promise<VaultFigures> {
  const { runs, edits, log } = options;
  const bench = new BenchApp(vault.files);
  const names = vault.peoplePaths.map((p) => p.slice("People/".length, -3));

  // Heap held by the index: after minus before, the vault and its metadata already in memory.
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const { index, feeder } = await coldBuild(bench);
  gc();
  const indexHeapMB = (process.memoryUsage().heapUsed - heapBefore) / (1024 * 1024);

  // One-file updates on the index built first, then a rebuild of the same vault in the same run.
  // The same mix of edits in every vault, whatever its mix of notes: mostly 1:1 notes (an
  // agreement ticked off or added), then daily notes (someone linked), then person notes.
  const r = new Random(vault.spec.seed * 7919 + 17);
  const pickPath = () => {
    const roll = r.next();
    const pool = roll < 0.7 ? vault.meetingPaths : roll < 0.9 ? vault.dailyPaths : vault.peoplePaths;
    return r.pick(pool.length > 0 ? pool : vault.meetingPaths);
  };
  const updates: number[] = [];
  const viewDataTimes: number[] = [];
  void viewData(index, TODAY).agreements;
  for (let i = 0; i < edits; i++) {
    const path = pickPath();
    const text = editNote(r, path, bench.texts.get(path) as string, names);
    bench.put(path, text); // Obsidian parses the file before it fires `changed`: not timed.
    const start = performance.now();
    bench.changed(path);
    index.people();
    index.agreements();
    index.meetings();
    const mid = performance.now();
    void viewData(index, TODAY).agreements; // both views' data, agreements made too
    const end = performance.now();
    updates.push(mid - start);
    viewDataTimes.push(end - mid);
  }
  const rebuilds: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await feeder.build();
    index.people();
    index.agreements();
    index.meetings();
    rebuilds.push(performance.now() - start);
  }

  // View models. Converting: every entry made an item or row, as viewData does once after the
  // index is built (rows for the status bar at once, items when a view first opens), and the young generation
  // collected, which copies what was made: that is part of its cost, not of the model's. First
  // opening: the model built over items or rows it has not seen. Fresh items and rows each run; a
  // run costs tens of milliseconds, so there are at least 11 and the median is not the JIT's
  // warm-up; the first run, which the JIT meets cold, is reported on its own. Warm: another query
  // over the same items.
  const followUpsQuery: FollowUpsQuery = { groupBy: "due", owner: "all", search: "" };
  const peopleQuery: PeopleQuery = {
    sort: { column: "nextDue", direction: "ascending" },
    nameOrder: "first",
    text: "a",
    group: "colleagues",
    tag: null,
    showArchived: false,
  };
  const otherPeopleQueries: PeopleQuery[] = [
    { ...peopleQuery, sort: { column: "name", direction: "ascending" }, nameOrder: "last" },
    { ...peopleQuery, sort: { column: "lastSeen", direction: "descending" }, text: "" },
    { ...peopleQuery, sort: { column: "team", direction: "ascending" }, group: "all" },
  ];
  const followUpsConvert: number[] = [];
  const followUps: number[] = [];
  const followUpsWarm: number[] = [];
  const peopleConvert: number[] = [];
  const peopleTimes: number[] = [];
  const peopleWarm: number[] = [];
  const modelRuns = Math.max(runs, 11);
  for (let i = 0; i < modelRuns; i++) {
    const entries = index.agreements();
    let start = performance.now();
    const items = entries.map(agreementItem);
    minorGc();
    followUpsConvert.push(performance.now() - start);
    start = performance.now();
    buildFollowUps(items, followUpsQuery, TODAY);
    followUps.push(performance.now() - start);
    start = performance.now();
    buildFollowUps(items, { groupBy: "person", owner: "mine", search: "" }, TODAY);
    followUpsWarm.push(performance.now() - start);
    const people = index.people();
    start = performance.now();
    const rows = people.map((entry) => personRow(entry, TODAY));
    minorGc();
    peopleConvert.push(performance.now() - start);
    start = performance.now();
    buildPeopleTable(rows, peopleQuery);
    peopleTimes.push(performance.now() - start);
    start = performance.now();
    buildPeopleTable(rows, otherPeopleQueries[i % otherPeopleQueries.length] as PeopleQuery);
    peopleWarm.push(performance.now() - start);
  }

  // After a change, as the open views see it: one edit (the index brought up to date, not timed
  // here), then viewData and each view's model over what it gives. Follow-ups reads the
  // agreements, which are made then: its figure includes that; the People view's does not.
  let data = viewData(index, TODAY);
  buildFollowUps(data.agreements, followUpsQuery, TODAY);
  buildPeopleTable(data.people, peopleQuery);
  const followUpsAfterChange: number[] = [];
  const peopleAfterChange: number[] = [];
  for (let i = 0; i < edits; i++) {
    const path = pickPath();
    bench.put(path, editNote(r, path, bench.texts.get(path) as string, names));
    bench.changed(path);
    index.people();
    index.agreements();
    index.meetings();
    const start = performance.now();
    data = viewData(index, TODAY);
    const converted = performance.now();
    buildFollowUps(data.agreements, followUpsQuery, TODAY);
    const followed = performance.now();
    buildPeopleTable(data.people, peopleQuery);
    const end = performance.now();
    followUpsAfterChange.push(followed - start);
    peopleAfterChange.push(converted - start + (end - followed));
  }

  // Cold builds and passes last, one index alive at a time, each after a full collection (as a
  // start-up begins with a settled heap): the figures are the index's own work and garbage.
  const openAgreements = index.agreements().length;
  index.clear();
  void viewData(index, TODAY).agreements; // and the views' copies go with it
  const builds: number[] = [];
  const busy: number[] = [];
  const slices: number[] = [];
  const sliceCounts: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const built = await coldBuild(bench);
    builds.push(built.ms);
    busy.push(built.busyMs);
    slices.push(built.longestSliceMs);
    sliceCounts.push(built.slices);
  }
  log(`    cold build ${fmt(median(builds))} ms (busy ${fmt(median(busy))} ms, longest slice ${fmt(median(slices))} ms)`);

  const passes: number[] = [];
  const indexPasses: number[] = [];
  const phaseRuns: VaultFigures["phases"][] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const pass = metadataPass(bench);
    passes.push(pass.withFacts);
    indexPasses.push(pass.indexOnly);
    gc();
    phaseRuns.push(phases(bench));
  }


  const updateMedianMs = median(updates);
  const rebuildMs = median(rebuilds);
  return {
    notes: vault.spec.notes,
    people: vault.spec.people,
    files: vault.files.size,
    openAgreements,
    coldBuildMs: median(builds),
    coldBuildBusyMs: median(busy),
    coldBuildLongestSliceMs: median(slices),
    coldBuildSlices: median(sliceCounts),
    phases: {
      factsMs: median(phaseRuns.map((p) => p.factsMs)),
      classifyMs: median(phaseRuns.map((p) => p.classifyMs)),
      tasksFromTextMs: median(phaseRuns.map((p) => p.tasksFromTextMs)),
      deriveMs: median(phaseRuns.map((p) => p.deriveMs)),
    },
    metadataPassUsPerFile: median(passes),
    metadataIndexUsPerFile: median(indexPasses),
    updateMedianMs,
    updateP95Ms: quantile(updates, 0.95),
    viewDataMedianMs: median(viewDataTimes),
    rebuildMs,
    rebuildOverUpdate: rebuildMs / updateMedianMs,
    followUpsAfterChangeMs: median(followUpsAfterChange),
    followUpsConvertMs: median(followUpsConvert),
    followUpsModelMs: median(followUps),
    followUpsFirstMs: followUps[0] ?? NaN,
    followUpsModelWarmMs: median(followUpsWarm),
    peopleAfterChangeMs: median(peopleAfterChange),
    peopleConvertMs: median(peopleConvert),
    peopleModelMs: median(peopleTimes),
    peopleFirstMs: peopleTimes[0] ?? NaN,
    peopleModelWarmMs: median(peopleWarm),
    indexHeapMB,
  };
}

export function generate(notes: number, people: number): GeneratedVault {
  return generateVault(defaultSpec(notes, people));
}

// ---- main.js ------------------------------------------------------------------------------------

export function bundleSize(path: string): { minifiedKB: number; gzippedKB: number } {
  const bytes = readFileSync(path);
  return { minifiedKB: statSync(path).size / 1024, gzippedKB: gzipSync(bytes, { level: 9 }).length / 1024 };
}

export function fmt(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(digits);
}
