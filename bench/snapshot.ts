// What an index kept between sessions would have to read back at start-up
// (`npm run bench -- --snapshot 20000x500`): the index's inputs (every file's facts with its
// open task lines) and its outputs (the agreement, meeting and people lists), each written as
// JSON, with its size and the time JSON.parse takes to read it — before any structure is rebuilt.
import { fixedClock } from "../src/domain/dates";
import { copyFacts } from "../src/index/facts";
import { PeopleIndex } from "../src/index/people-index";
import { factsFrom, IndexFeeder } from "../src/obsidian/index-feeder";
import { BenchApp } from "./bench-app";
import { generate, INDEX_SETTINGS, median, TODAY } from "./measure";

export interface SnapshotFigure {
  what: string;
  sizeMB: number;
  parseMs: number;
}

function timeParse(json: string, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    JSON.parse(json);
    times.push(performance.now() - start);
  }
  return median(times);
}

export async function measureSnapshot(notes: number, people: number, runs: number): Promise<SnapshotFigure[]> {
  const vault = generate(notes, people);
  const bench = new BenchApp(vault.files);
  const index = new PeopleIndex(INDEX_SETTINGS, fixedClock(TODAY));
  await new IndexFeeder(bench.app, index).build();
  const inputs = bench.app.vault.getMarkdownFiles().map((file) => {
    const facts = copyFacts(factsFrom(file, bench.app.metadataCache.getFileCache(file)));
    const text = bench.texts.get(file.path) ?? "";
    const lines = text.split("\n");
    const open = facts.tasks.map((task) => lines[task.line] ?? "");
    return { ...facts, mtime: file.stat.mtime, size: file.stat.size, open };
  });
  const outputs = { agreements: index.agreements(), meetings: index.meetings(), people: index.people() };
  return [
    { what: "inputs: facts and open task lines of every file", value: inputs },
    { what: "outputs: agreement, meeting and people lists", value: outputs },
  ].map(({ what, value }) => {
    const json = JSON.stringify(value);
    return { what, sizeMB: json.length / (1024 * 1024), parseMs: timeParse(json, runs) };
  });
}

export function snapshotTable(notes: number, people: number, figures: readonly SnapshotFigure[]): string {
  return [
    `Snapshot of the index of ${notes} notes, ${people} people, as JSON (median of the runs)`,
    "",
    "| snapshot | size | JSON.parse |",
    "|---|---|---|",
    ...figures.map((f) => `| ${f.what} | ${f.sizeMB.toFixed(1)} MB | ${f.parseMs.toFixed(0)} ms |`),
  ].join("\n");
}
