// Profiles the cold build of one synthetic vault (`npm run bench -- --profile 20000x500`): writes
// a .cpuprofile (open it in Chrome DevTools or any profile viewer) and prints where the time goes,
// by function, so that a figure over its target comes with the reason.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { fixedClock } from "../src/domain/dates";
import { PeopleIndex } from "../src/index/people-index";
import { IndexFeeder } from "../src/obsidian/index-feeder";
import { BenchApp } from "./bench-app";
import { editNote, Random } from "./generate-vault";
import { generate, INDEX_SETTINGS, median, TODAY } from "./measure";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => {
    session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T)));
  });
}

/** Self time by function, the largest first. */
export function selfTimes(profile: Profile): { name: string; ms: number }[] {
  const time = new Map<number, number>();
  profile.samples.forEach((id, i) => time.set(id, (time.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || "(anonymous)"}${url ? ` ${url.slice(url.lastIndexOf("/") + 1)}:${lineNumber + 1}` : ""}`;
    byName.set(name, (byName.get(name) ?? 0) + (time.get(node.id) ?? 0) / 1000);
  }
  return [...byName].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
}

/** The profiler's own work on this thread (starting, stopping, sending the profile), and idle time. */
const NOT_OURS = /^(dispatch|\(root\)|\(program\)|\(idle\))$|node:inspector/;

function table(title: string, profile: Profile, runs: number, unit: string): string[] {
  const times = selfTimes(profile).filter((t) => !NOT_OURS.test(t.name));
  const total = times.reduce((sum, t) => sum + t.ms, 0);
  return [title, "", `| self ms ${unit} | share | function |`, "|---|---|---|", ...times.slice(0, 25).map((t) => `| ${(t.ms / runs).toFixed(3)} | ${((100 * t.ms) / total).toFixed(1)}% | ${t.name} |`)];
}

/**
 * Profiles one-file updates (`npm run bench -- --profile-updates 50000x500`): the index built,
 * then `edits` edits as the benchmark makes them, each followed by reading the lists; only the
 * updates are profiled (the metadata of each edited note is computed before, as Obsidian does).
 */
export async function profileUpdates(notes: number, people: number, edits: number, out: string): Promise<string> {
  const vault = generate(notes, people);
  const bench = new BenchApp(vault.files);
  const names = vault.peoplePaths.map((p) => p.slice("People/".length, -3));
  const index = new PeopleIndex(INDEX_SETTINGS, fixedClock(TODAY));
  const feeder = new IndexFeeder(bench.app, index);
  feeder.listen();
  await feeder.build();
  index.people();
  index.agreements();
  index.meetings();
  const r = new Random(vault.spec.seed * 7919 + 17);
  const session = new Session();
  session.connect();
  await post(session, "Profiler.enable");
  await post(session, "Profiler.setSamplingInterval", { interval: 20 });
  const times: number[] = [];
  const profiles: Profile[] = [];
  for (let i = 0; i < edits; i++) {
    // The benchmark's mix of edits: mostly 1:1 notes, then daily notes, then person notes.
    const roll = r.next();
    const pool = roll < 0.7 ? vault.meetingPaths : roll < 0.9 ? vault.dailyPaths : vault.peoplePaths;
    const path = r.pick(pool.length > 0 ? pool : vault.meetingPaths);
    bench.put(path, editNote(r, path, bench.texts.get(path) as string, names));
    await post(session, "Profiler.start");
    const start = performance.now();
    bench.changed(path);
    index.people();
    index.agreements();
    index.meetings();
    times.push(performance.now() - start);
    profiles.push((await post<{ profile: Profile }>(session, "Profiler.stop")).profile);
  }
  session.disconnect();
  const merged = mergeProfiles(profiles);
  writeFileSync(out, JSON.stringify(merged));
  const title = `${edits} one-file updates of ${notes} notes, ${people} people: median ${median(times).toFixed(3)} ms (profiler on); profile in ${out}`;
  return table(title, merged, edits, "an edit").join("\n");
}

/** Profiles as one: the nodes of each renumbered after those of the ones before. */
function mergeProfiles(profiles: readonly Profile[]): Profile {
  const merged: Profile = { nodes: [], samples: [], timeDeltas: [] };
  let offset = 0;
  for (const profile of profiles) {
    let top = 0;
    for (const node of profile.nodes) {
      merged.nodes.push({ ...node, id: node.id + offset, children: node.children?.map((c) => c + offset) });
      top = Math.max(top, node.id);
    }
    for (const id of profile.samples) merged.samples.push(id + offset);
    merged.timeDeltas.push(...profile.timeDeltas);
    offset += top;
  }
  return merged;
}

export async function profileColdBuild(notes: number, people: number, runs: number, out: string): Promise<string> {
  const vault = generate(notes, people);
  const bench = new BenchApp(vault.files);
  const session = new Session();
  session.connect();
  await post(session, "Profiler.enable");
  await post(session, "Profiler.setSamplingInterval", { interval: 100 });
  await post(session, "Profiler.start");
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const index = new PeopleIndex(INDEX_SETTINGS, fixedClock(TODAY));
    const feeder = new IndexFeeder(bench.app, index);
    await feeder.build();
    index.people();
    index.agreements();
    index.meetings();
  }
  const ms = (performance.now() - started) / runs;
  const { profile } = await post<{ profile: Profile }>(session, "Profiler.stop");
  session.disconnect();
  writeFileSync(out, JSON.stringify(profile));
  const title = `Cold build of ${notes} notes, ${people} people: ${ms.toFixed(0)} ms a build (mean of ${runs}, profiler on); profile in ${out}`;
  return table(title, profile, runs, "a build").join("\n");
}
