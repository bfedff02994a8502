// Synthetic vaults for the benchmark: people, one note per 1:1 with about five agreements each
// (30% of them open), a few running logs, and daily notes that link people. Deterministic: the
// same spec and seed always give the same files, byte for byte.
import { addDays } from "../src/domain/dates";
import type { IsoDate } from "../src/domain/types";

export interface VaultSpec {
  /** 1:1 notes (one note per meeting). */
  notes: number;
  people: number;
  /** Mean agreements per 1:1 note. */
  agreementsPerNote: number;
  /** Share of agreements that are open. */
  openShare: number;
  /** Daily notes, one per day going back from `today`, each linking a few people. */
  dailyNotes: number;
  /** Share of people whose 1:1s are kept in one running log (its entries come on top of `notes`). */
  logShare: number;
  today: IsoDate;
  seed: number;
}

export interface GeneratedVault {
  spec: VaultSpec;
  /** Path → text, in the order a vault would list them. */
  files: Map<string, string>;
  peoplePaths: string[];
  meetingPaths: string[];
  dailyPaths: string[];
  logPaths: string[];
  /** Open agreements written (a few may not count: under a person's queue heading). */
  openAgreements: number;
  agreements: number;
}

export function defaultSpec(notes: number, people: number, seed = 1): VaultSpec {
  return {
    notes,
    people,
    agreementsPerNote: 5,
    openShare: 0.3,
    dailyNotes: Math.round(notes * 0.3),
    logShare: 0.02,
    today: "2026-11-21",
    seed,
  };
}

/** A small, fast, seeded generator (xoshiro128**, seeded through SplitMix32). */
export class Random {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    // SplitMix32 spreads the seed over the state, so seeds 1, 2, 3 give unrelated streams.
    let x = seed >>> 0;
    const next = () => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next() | 1;
  }

  /** A uniform 32-bit unsigned integer. */
  uint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 = (this.s2 ^ this.s0) >>> 0;
    this.s3 = (this.s3 ^ this.s1) >>> 0;
    this.s1 = (this.s1 ^ this.s2) >>> 0;
    this.s0 = (this.s0 ^ this.s3) >>> 0;
    this.s2 = (this.s2 ^ t) >>> 0;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError("pick from an empty list");
    return item;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

const FIRST_NAMES = [
  "Anya", "Ben", "Chiara", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemi", "Lena",
  "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sam", "Tomás", "Uma", "Viktor", "Wen", "Ximena",
  "Yusuf", "Zoë", "Amélie", "Björn", "Chloé", "Dário", "Émile", "Freya", "Gustav", "Hanna", "Ivan", "Julia",
];
const LAST_NAMES = [
  "Petrova", "Okafor", "Rossi", "Ivanov", "García", "Haddad", "Lee", "Tanaka", "Moreau", "Schmidt",
  "Adeyemi", "Novak", "Silva", "Khan", "Lindqvist", "Patel", "Dubois", "Fernández", "Smith", "Müller",
  "Nakamura", "Kowalski", "Zhang", "Hernández", "Yilmaz", "Brennan", "Costa", "Nilsson", "Weber", "Ahmed",
  "Kim", "Larsen", "Mendes", "Olsen", "Park", "Quinn", "Reyes", "Sato", "Turner", "Varga", "Wójcik",
];
const RELATIONSHIPS = ["report", "report", "report", "peer", "peer", "manager", "skip", "mentor", "mentee", "friend", "family"];
const CADENCES = ["weekly", "weekly", "biweekly", "monthly", "quarterly", "every 10 days", "3w", "none"];
const TEAMS = ["Payments", "Platform", "Search", "Mobile", "Data", "Design", "Growth", "Security"];
const ROLES = ["Backend engineer", "Frontend engineer", "Designer", "Product manager", "Data scientist", "SRE", "Engineering manager"];
const VERBS = ["shares", "reviews", "drafts", "books", "sends", "updates", "checks", "writes", "plans", "intro to"];
const OBJECTS = [
  "the RFC draft", "the on-call rota", "the quarterly goals", "the training budget", "the hiring plan",
  "the design doc", "the release notes", "feedback for the team", "the migration plan", "the conference talk",
];

function personNames(count: number): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; names.length < count; i++) {
    const first = FIRST_NAMES[i % FIRST_NAMES.length] as string;
    const last = LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length] as string;
    const round = Math.floor(i / (FIRST_NAMES.length * LAST_NAMES.length));
    const name = round === 0 ? `${first} ${last}` : `${first} ${last} ${round + 1}`;
    if (seen.has(name)) continue;
    seen.add(name);
    names.push(name);
  }
  return names;
}

function personNote(r: Random, name: string, today: IsoDate): string {
  const first = name.split(" ")[0] as string;
  const lines = ["---", "type: person"];
  if (r.chance(0.3)) lines.push(`aliases: [${first}${r.int(1, 9)}]`);
  const relationship = r.pick(RELATIONSHIPS);
  lines.push(`relationship: ${relationship}`);
  if (relationship !== "friend" && relationship !== "family") {
    lines.push(`role: ${r.pick(ROLES)}`, `team: ${r.pick(TEAMS)}`);
    lines.push(`tags: [team/${r.pick(TEAMS).toLowerCase()}]`);
  }
  lines.push(`cadence: ${r.pick(CADENCES)}`);
  if (r.chance(0.4)) lines.push(`last-seen: ${addDays(today, -r.int(0, 90))}`);
  if (r.chance(0.6)) lines.push(`birthday: ${r.int(1960, 2000)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`);
  if (r.chance(0.03)) lines.push("archived: true");
  lines.push("---", "## Next 1:1");
  for (let i = r.int(0, 2); i > 0; i--) lines.push(`- [ ] ask about ${r.pick(OBJECTS)}`);
  lines.push("", "## Notes", `${first} joined the ${r.pick(TEAMS)} team.`, "");
  return lines.join("\n");
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

interface AgreementLines {
  lines: string[];
  open: number;
}

function agreementLines(r: Random, r2: { person: string; first: string; other: string }, meetingDate: IsoDate, mean: number, openShare: number): AgreementLines {
  const count = Math.max(0, Math.round(mean + (r.next() + r.next() + r.next() - 1.5) * 2));
  const lines: string[] = [];
  let open = 0;
  for (let i = 0; i < count; i++) {
    const isOpen = r.chance(openShare);
    if (isOpen) open++;
    const status = isOpen ? (r.chance(0.1) ? "/" : " ") : r.chance(0.1) ? "-" : "x";
    const ownerRoll = r.next();
    const owner =
      ownerRoll < 0.4 ? "@me" : ownerRoll < 0.75 ? `[[${r2.person}]]` : ownerRoll < 0.9 ? `@${r2.first.toLowerCase()}` : ownerRoll < 0.95 ? `[[${r2.other}]]` : "";
    const text = `${r.pick(VERBS)} ${r.pick(OBJECTS)}`;
    const dueRoll = r.next();
    const due =
      dueRoll < 0.45 ? ` 📅 ${addDays(meetingDate, r.int(1, 28))}` : dueRoll < 0.7 ? ` [due:: ${addDays(meetingDate, r.int(1, 28))}]` : "";
    const done = status === "x" ? ` ✅ ${addDays(meetingDate, r.int(1, 20))}` : "";
    lines.push(`- [${status}] ${owner ? `${owner} ` : ""}${text}${due}${done}`);
  }
  return { lines, open };
}

/** Generates a vault. People are `People/<name>.md`, 1:1 notes `1-1s/<name>/<date>.md`. */
export function generateVault(spec: VaultSpec): GeneratedVault {
  const r = new Random(spec.seed);
  const files = new Map<string, string>();
  const names = personNames(spec.people);
  const peoplePaths: string[] = [];
  const meetingPaths: string[] = [];
  const dailyPaths: string[] = [];
  const logPaths: string[] = [];
  let openAgreements = 0;
  let agreements = 0;

  for (const name of names) {
    const path = `People/${name}.md`;
    files.set(path, personNote(r, name, spec.today));
    peoplePaths.push(path);
  }

  // Meetings: person i gets every `people`-th note, weekly going back from today, a day or two off.
  const meetingsOf = new Array<number>(spec.people).fill(0);
  for (let n = 0; n < spec.notes; n++) {
    const p = n % spec.people;
    const k = meetingsOf[p] ?? 0;
    meetingsOf[p] = k + 1;
    const name = names[p] as string;
    const first = name.split(" ")[0] as string;
    const date = addDays(spec.today, -(7 * k + (p % 3)));
    const status = r.chance(0.03) ? "skipped" : null;
    const other = names[r.int(0, names.length - 1)] as string;
    const { lines: agreed, open } = agreementLines(r, { person: name, first, other }, date, spec.agreementsPerNote, spec.openShare);
    openAgreements += open;
    agreements += agreed.length;
    const text = [
      "---",
      "type: one-on-one",
      `person: "[[${name}]]"`,
      `date: ${date}`,
      ...(status ? [`status: ${status}`] : []),
      "---",
      "## Check-in",
      `${first} is ${r.pick(["well", "busy", "tired", "excited about the launch"])}.`,
      "## Their topics",
      `- ${r.pick(OBJECTS)}`,
      `- talked about [[${other}]]`,
      "## My topics",
      `- ${r.pick(OBJECTS)} #feedback`,
      "## Agreements",
      ...agreed,
      "## Private notes",
      "Nothing to add.",
      "",
    ].join("\n");
    const path = `1-1s/${name}/${date}.md`;
    files.set(path, text);
    meetingPaths.push(path);
  }

  // Running logs: newest entry first, each a dated heading with its agreements.
  const logPeople = Math.round(spec.people * spec.logShare);
  for (let i = 0; i < logPeople; i++) {
    const p = spec.people - 1 - i * Math.max(1, Math.floor(spec.people / Math.max(1, logPeople)));
    if (p < 0) break;
    const name = names[p] as string;
    const first = name.split(" ")[0] as string;
    const lines = ["---", "type: one-on-one", `person: "[[${name}]]"`, "---", `# 1:1s with ${first}`];
    for (let k = 0; k < 12; k++) {
      const date = addDays(spec.today, -14 * k - 3);
      lines.push(`## ${date}`, `- ${r.pick(OBJECTS)}`);
      const { lines: agreed, open } = agreementLines(r, { person: name, first, other: r.pick(names) }, date, 2, spec.openShare);
      openAgreements += open;
      agreements += agreed.length;
      lines.push(...agreed);
    }
    lines.push("");
    const path = `1-1s/Logs/${name} log.md`;
    files.set(path, lines.join("\n"));
    logPaths.push(path);
  }

  // Daily notes: lunch with someone, a task that mentions someone else, a done task.
  for (let d = 0; d < spec.dailyNotes; d++) {
    const date = addDays(spec.today, -d);
    const a = r.pick(names);
    const b = r.pick(names);
    const lines = [
      `# ${date}`,
      `Lunch with [[${a}]]${r.chance(0.3) ? ` and [[${b}]]` : ""}.`,
      `- [ ] call [[${r.pick(names)}]] about ${r.pick(OBJECTS)}`,
      `- [x] ${r.pick(VERBS)} ${r.pick(OBJECTS)}`,
      "",
    ];
    const path = `Daily/${date}.md`;
    files.set(path, lines.join("\n"));
    dailyPaths.push(path);
  }

  return { spec, files, peoplePaths, meetingPaths, dailyPaths, logPaths, openAgreements, agreements };
}

/**
 * An edit as a user makes one: in a 1:1 note, an agreement ticked off or a new one added; in a
 * daily note, another person linked; in a person note, a property changed.
 */
export function editNote(r: Random, path: string, text: string, names: readonly string[]): string {
  const lines = text.split("\n");
  if (path.startsWith("People/")) {
    const i = lines.findIndex((line) => line.startsWith("cadence:"));
    if (i >= 0) lines[i] = `cadence: ${r.pick(CADENCES)}`;
    return lines.join("\n");
  }
  if (path.startsWith("Daily/")) {
    lines.splice(2, 0, `Coffee with [[${r.pick(names)}]].`);
    return lines.join("\n");
  }
  const open = lines.findIndex((line) => line.startsWith("- [ ] "));
  if (open >= 0 && r.chance(0.5)) {
    lines[open] = (lines[open] as string).replace("- [ ] ", "- [x] ");
  } else {
    const at = lines.findIndex((line) => line === "## Private notes");
    lines.splice(at >= 0 ? at : lines.length, 0, `- [ ] @me ${r.pick(VERBS)} ${r.pick(OBJECTS)} 📅 2026-12-0${r.int(1, 9)}`);
  }
  return lines.join("\n");
}
