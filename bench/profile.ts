// Profiles the cold build of one synthetic vault (`npm run bench -- --profile 20000x500`): writes
// a .cpuprofile (open it in Chrome DevTools or any profile viewer) and prints where the time goes,
// by function, so that a figure over its target comes with the reason.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { fixedClock } from "../src/domain/dates";
import { PeopleIndex } from "../src/index/people-index";
import { IndexFeeder } from "../src/obsidian/index-feeder";
import { BenchApp } from "./bench-app";
import { generate, INDEX_SETTINGS, TODAY } from "./measure";

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
  const times = selfTimes(profile);
  const total = times.reduce((sum, t) => sum + t.ms, 0);
  const lines = [
    `Cold build of ${notes} notes, ${people} people: ${ms.toFixed(0)} ms a build (mean of ${runs}, profiler on); profile in ${out}`,
    "",
    "| self ms a build | share | function |",
    "|---|---|---|",
    ...times.slice(0, 25).map((t) => `| ${(t.ms / runs).toFixed(1)} | ${((100 * t.ms) / total).toFixed(1)}% | ${t.name} |`),
  ];
  return lines.join("\n");
}
