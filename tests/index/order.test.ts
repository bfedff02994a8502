// No result of the index may depend on the order in which files were indexed. The same vault is
// fed to two indexes in two random orders, each file either at once (with its text when the index
// wants it, as after a change), in two passes as the feeder's build does (its metadata first, then
// its text if the index wanted it then), or under another path first and then renamed into place;
// with reads, sliced settling and the reading of wanted texts in between. Both must then give the
// same people, meetings, agreements, problems, logs, kinds and people of notes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../src/domain/dates";
import type { FileFacts } from "../../src/index/facts";
import { PeopleIndex, type IndexSettings } from "../../src/index/people-index";
import { factsOf } from "../builders/facts";
import { indexSettings } from "../builders/index-settings";
import { PROPERTY_TIMEOUT_MS, RUNS } from "../properties";

const TODAY = "2026-11-21";

// ---- a small world rich in the cases where order once mattered ----------------------------------

/** People as notes name them: namesakes, a shared first name (Anya), you (Sam Okafor), nobody. */
const NAMES = ["Anya Petrova", "Anya Smith", "Anya", "Ben", "@Lena", "Lena", "Sam Okafor", "Zoë Müller", "Kai Lee", "john appleseed"];
/** Aliases, several people may share one. */
const ALIASES = ["Anya", "Sammy", "Lena", "Ben", "AP", "Kai", "Petrova"];
/** Person tag slugs. */
const SLUGS = ["anya-petrova", "anya", "ben", "lena", "sam-okafor", "zoe-muller", "kai-lee", "anya-smith"];
/** What a person's `log` property may name (besides their own note). */
const LOGS = [
  "Journal",
  "Notes/Journal",
  "1-1s/Lena",
  "Anya log",
  "1-1s/Anya Petrova",
  "1-1s/Anya",
  "Anya Petrova",
  "Ben",
  "People/Ben",
  "missing",
  "Log since 2026-10-01",
  "Friends/Anya Petrova",
  "1-1s/Anya Petrova/2026-11-07",
  "1-1s/2026-11-12",
];
const DATES = ["2026-10-15", "2026-11-07", "2026-11-14", "2026-11-21", "2026-11-30"];
const pick = <T>(items: readonly T[], n: number): T => items[Math.abs(n) % items.length] as T;

function refTo(name: string, n: number): string {
  const plain = name.replace(/^@/, "");
  const first = (plain.split(" ")[0] ?? plain).toLowerCase();
  return pick([`"[[${name}]]"`, plain, `"@${first}"`, plain.toLowerCase().replace(/ /g, "-"), `"[[People/${name}|them]]"`, `"[[Friends/${name}]]"`], n);
}

function task(n: number): string {
  const owner = pick(
    ["@me ", `[[${pick(NAMES, n >> 2)}]] `, `@${pick(["anya", "sam", "lena", "ben", "kai", "nobody"], n >> 3)} `, "[[Friends/Anya Petrova]] ", ""],
    n,
  );
  const due = pick(["", ` 📅 ${pick(DATES, n >> 4)}`, ` [due:: ${pick(DATES, n >> 5)}]`], n >> 1);
  const what = pick(["send the doc", "review [[Ben]]", "book", "ask #people/anya-petrova", "call [[Anya]]"], n >> 7);
  return `- [${pick([" ", " ", "/", "x"], n >> 6)}] ${owner}${what}${due}`;
}

function frontmatter(lines: readonly string[], tags: readonly string[]): string[] {
  const all = tags.length > 0 ? [...lines, `tags: [${tags.join(", ")}]`] : [...lines];
  return all.length > 0 ? ["---", ...all, "---"] : [];
}

function personNote(path: string, n: (i: number) => number): string {
  const props: string[] = [];
  const tags: string[] = [];
  // In a People or Contacts folder a name is enough; elsewhere a type or a tag makes a person.
  const how = path.startsWith("Friends/") ? n(0) % 2 : n(0) % 4;
  if (how === 0) props.push("type: person");
  else if (how === 1) tags.push("person");
  else if (how === 2) props.push("relationship: peer");
  const aliases = n(1) % 3;
  if (aliases > 0) props.push(`aliases: [${[pick(ALIASES, n(2)), pick(ALIASES, n(2) >> 3)].slice(0, aliases).join(", ")}]`);
  if (n(3) % 4 === 0) props.push(`first-name: ${pick(["Anya", "Sam", "Lena", "Ben"], n(3) >> 2)}`);
  // Often a log property: two people naming the same note is where order used to matter.
  if (n(4) % 2 === 0) props.push(`log: "[[${pick([...LOGS, path.slice(0, -3)], n(4) >> 1)}]]"`);
  if (n(5) % 3 === 0) props.push(`last-seen: ${pick(DATES, n(5) >> 2)}`);
  props.push(`cadence: ${pick(["weekly", "monthly", "none", "sometimes"], n(6))}`);
  // Now and then properties Obsidian cannot read.
  if (n(7) % 9 === 0) props.push("aliases: [Kai");
  // A note named by a slug takes its name from a property or its title: another namesake.
  const slug = path.endsWith("/anya-petrova.md");
  if (slug && n(11) % 3 === 0) props.push("name: Anya Petrova");
  const lines = [...frontmatter(props, tags)];
  if (slug && n(11) % 3 === 1) lines.push("# Anya Petrova");
  lines.push("## Next 1:1", "- [ ] a queued topic", "## Notes", task(n(8)));
  // Some keep their 1:1s in the person note itself, under dated headings.
  if (n(9) % 3 === 0) lines.push(`## ${pick(DATES, n(9) >> 2)}`, "Talked about the plan.", task(n(10)));
  if (n(9) % 5 === 0) lines.push(`## ${pick(DATES, n(9) >> 4)} skipped`, task(n(10) >> 3));
  lines.push("");
  return lines.join("\n");
}

/** A 1:1 note, naming its person by a property, a participants list, a tag, a line, a link or nothing. */
function oneOnOneNote(path: string, n: (i: number) => number): string {
  const props: string[] = [];
  const tags: string[] = [];
  const body: string[] = [];
  const marked = n(0) % 3;
  if (marked === 1) props.push(pick(["type: one-on-one", "type: 1:1"], n(0) >> 2));
  else if (marked === 2) tags.push("meeting/one-on-one");
  const a = pick(NAMES, n(2));
  const b = pick(NAMES, n(2) >> 4);
  // Named only by its file name or folder is the most common case.
  switch (n(1) % 8) {
    case 0:
      props.push(`person: ${refTo(a, n(3))}`);
      break;
    case 1:
      props.push(`participants: [${refTo(a, n(3))}, ${refTo(b, n(3) >> 3)}]`);
      break;
    case 2:
      tags.push(`people/${pick(SLUGS, n(3))}`);
      break;
    case 3:
      body.push(`Attendees: [[${a}]]${n(3) % 2 === 0 ? `, [[${b}]]` : ""}`);
      break;
    case 4:
      body.push(`With [[${a}]] today.`);
      break;
    case 5:
      props.push(`attendees: [${refTo(a, n(3))}]`);
      break;
    default:
      break;
  }
  const date = n(4) % 5;
  if (date === 1 || date === 2) props.push(`date: ${pick(DATES, n(4) >> 3)}`);
  else if (date === 3 && n(4) % 4 === 3) props.push("date: 2026-02-30");
  if (n(5) % 6 === 0) props.push(pick(["status: skipped", "status: postponed"], n(5) >> 3));
  const lines = [...frontmatter(props, tags), ...body];
  // Dated headings make it a running log; a date of its own and none, one meeting.
  if (n(6) % 2 === 0) {
    lines.push(`## ${pick(DATES, n(6) >> 1)}`, task(n(7)), `## ${pick(DATES, n(6) >> 4)} skipped`, task(n(8)));
  } else {
    lines.push("## Agreements", task(n(7)), task(n(8)));
  }
  lines.push("");
  return lines.join("\n");
}

/** A meeting that is not a 1:1: `type: meeting` with attendees (one of them maybe you). */
function meetingNote(n: (i: number) => number): string {
  const props: string[] = [];
  if (n(0) % 3 !== 0) props.push(pick(["type: meeting", "categories: [Meetings]"], n(0) >> 2));
  const who = [refTo(pick(NAMES, n(1)), n(2))];
  if (n(3) % 2 === 0) who.push(refTo(pick(NAMES, n(1) >> 4), n(2) >> 3));
  if (n(4) % 4 !== 0) props.push(`attendees: [${who.join(", ")}]`);
  if (n(5) % 3 === 0) props.push(`date: ${pick(DATES, n(5) >> 2)}`);
  const lines = frontmatter(props, []);
  if (n(4) % 4 === 0) lines.push(`Attendees: [[${pick(NAMES, n(1))}]], [[Sam Okafor]]`);
  lines.push("## Notes", task(n(6)), task(n(7)), "");
  return lines.join("\n");
}

/** A daily note, a journal, a note that may be someone's log. */
function otherNote(n: (i: number) => number): string {
  const lines = [`Lunch with [[${pick(NAMES, n(0))}]].`];
  if (n(5) % 3 === 0) lines.unshift("---", `date: ${pick(DATES, n(6))}`, "---");
  if (n(1) % 2 === 0) lines.push(`## ${pick(DATES, n(2))}`, `Met [[${pick(NAMES, n(3))}]]`);
  if (n(7) % 4 === 0) lines.push(`- [ ] ask about the trip #people/${pick(SLUGS, n(7) >> 2)}`);
  lines.push(task(n(4)), "");
  return lines.join("\n");
}

const PATHS = [
  "People/Anya Petrova.md",
  "Friends/Anya Petrova.md",
  "Contacts/Anya Petrova.md",
  "People/anya-petrova.md",
  "People/Anya Smith.md",
  "People/Ben.md",
  "People/@Lena.md",
  "People/Sam Okafor.md",
  "People/Zoë Müller.md",
  "Friends/Kai Lee.md",
  "1-1s/Anya Petrova/2026-11-07.md",
  "1-1s/Anya Petrova/2026-11-14.md",
  "1-1s/Anya Petrova.md",
  "1-1s/Anya.md",
  "1-1s/Anya log.md",
  "1-1s/Lena.md",
  "1-1s/Ben.md",
  "1-1s/2026-11-02 1-1 with Anya.md",
  "Notes/2026-11-09 1-1 with Ben.md",
  "1-1s/2026-11-10 sync.md",
  "1-1s/2026-11-12.md",
  "Meetings/2026-11-13 planning.md",
  "Meetings/2026-11-16 coffee.md",
  "Daily/2026-11-19.md",
  "Daily/2026-11-21.md",
  "Journal.md",
  "Notes/Journal.md",
  "Notes/journal.md",
  "Notes/Log since 2026-10-01.md",
];

function note(path: string, v: readonly number[]): string {
  const n = (i: number) => v[i % v.length] ?? 0;
  if (/^(People|Friends|Contacts)\//.test(path)) return personNote(path, n);
  if (path.startsWith("1-1s/") || path.includes(" 1-1 ")) return oneOnOneNote(path, n);
  if (path.startsWith("Meetings/")) return meetingNote(n);
  return otherNote(n);
}

// ---- feeding in an order ---------------------------------------------------------------------------

/**
 * How one index is fed. `order` is a permutation of two tokens per path (`i` and `i + PATHS.length`):
 * a file's first token to come brings it, its second finishes it. `modes[i]` says how:
 * 0. at once, with its text if the index wants it then (as after a change of the file);
 * 1. its metadata first (`upsert(facts, null)`), and at its second token the same facts with the
 *    text if the index wanted it after the first (the feeder's build);
 * 2. its metadata first, and at its second token new facts, with the text if wanted then;
 * 3. at once under another path (`Inbox/<i>/<name>`), and at its second token renamed into place
 *    (`rename(from, facts, null)`, then the text if wanted, as the feeder takes a rename).
 * After the tokens in `reads`, the index is read (everything, or settled in slices of `slice`
 * steps) and the texts it wants are read.
 */
interface Feeding {
  order: number[];
  modes: number[];
  reads: number[];
  slice: number;
}

type Vault = ReadonlyMap<string, string>;

/** Where a file of mode 3 arrives before it is renamed into place. */
const elsewhere = (i: number): string => `Inbox/${i}/${(PATHS[i] as string).slice((PATHS[i] as string).lastIndexOf("/") + 1)}`;

/** The texts the index wants now (a `log` property named their notes), read, until none is left. */
function readWanted(index: PeopleIndex, vault: Vault): void {
  for (let round = 0; round < 10; round++) {
    const paths = index.takeWantedTexts();
    if (paths.length === 0) return;
    for (const path of paths) {
      const text = vault.get(path);
      const facts = index.facts(path);
      if (text !== undefined && facts) index.upsert(facts, text);
    }
  }
  throw new Error("the index keeps wanting texts");
}

function build(vault: Vault, settings: IndexSettings, feeding: Feeding): PeopleIndex {
  const index = new PeopleIndex(settings, fixedClock(TODAY));
  const metadata = new Map<string, { facts: FileFacts; wanted: boolean }>();
  const reads = new Set(feeding.reads);
  // The texts by path, also where files of mode 3 arrive first (read there when wanted there).
  const texts = new Map(vault);
  for (const [i, path] of PATHS.entries()) {
    const text = vault.get(path);
    if (text !== undefined && feeding.modes[i] === 3) texts.set(elsewhere(i), text);
  }
  for (const [step, token] of feeding.order.entries()) {
    const i = token % PATHS.length;
    const path = PATHS[i] as string;
    const text = vault.get(path);
    if (text !== undefined) {
      const mode = feeding.modes[i] ?? 0;
      const first = token === i ? !feeding.order.slice(0, step).includes(i + PATHS.length) : !feeding.order.slice(0, step).includes(i);
      if (first) {
        const facts = factsOf(mode === 3 ? elsewhere(i) : path, text);
        if (mode === 0 || mode === 3) {
          index.upsert(facts, index.needsText(facts) ? text : null);
        } else {
          index.upsert(facts, null);
          metadata.set(path, { facts, wanted: index.needsText(facts) });
        }
      } else if (mode === 1) {
        const held = metadata.get(path);
        if (held?.wanted) index.upsert(held.facts, text);
      } else if (mode === 2) {
        const facts = factsOf(path, text);
        index.upsert(facts, index.needsText(facts) ? text : null);
      } else if (mode === 3) {
        const facts = factsOf(path, text);
        index.rename(elsewhere(i), facts, null);
        if (index.needsText(facts)) index.upsert(facts, text);
      }
    }
    if (reads.has(step)) {
      if (feeding.slice === 0) {
        observe(index);
      } else {
        let steps = 0;
        for (let round = 0; round < 1000 && !index.settle(() => ++steps % feeding.slice === 0); round++);
      }
      readWanted(index, texts);
    }
  }
  readWanted(index, texts);
  return index;
}

/** What the index gives, in plain values. */
function observe(index: PeopleIndex) {
  const people = index.people();
  return {
    people: people.map((p) => ({ path: p.path, name: p.name, lastSeen: p.lastSeen, due: p.due, openAgreements: p.openAgreements, problems: p.problems })),
    meetings: index.meetings().map((m) => ({ ...m })),
    agreements: index.agreements().map((a) => ({
      id: a.id,
      text: a.text,
      due: a.due,
      personPath: a.personPath,
      ownerPath: a.ownerPath,
      ownerName: a.ownerName,
      personName: a.personName,
      meetingDate: a.meetingDate,
    })),
    noteProblems: index.noteProblems().map((p) => ({ ...p })),
    logs: people.map((p) => [p.path, index.logOf(p.path)]),
    notes: PATHS.map((path) => [path, index.kindOf(path), index.personOfNote(path)?.path ?? null]),
    found: ["Anya", "anya", "Anya Petrova", "@lena", "Lena", "zoe-muller", "People/Ben", "ben", "Sammy", "AP", "Petrova", "Kai", "sam"].map((ref) => [
      ref,
      index.findPerson(ref)?.path ?? null,
    ]),
  };
}

function vaultOf(files: readonly (readonly number[] | null)[]): Map<string, string> {
  const vault = new Map<string, string>();
  files.forEach((v, i) => {
    if (v !== null) vault.set(PATHS[i] as string, note(PATHS[i] as string, v));
  });
  return vault;
}

/** Feeds the vault both ways and compares what the two indexes give, part by part. */
function checkSameResults(vault: Vault, settings: IndexSettings, a: Feeding, b: Feeding): void {
  const one = observe(build(vault, settings, a));
  const two = observe(build(vault, settings, b));
  for (const key of Object.keys(one) as (keyof typeof one)[]) expect(two[key], key).toEqual(one[key]);
}

/**
 * Feeds the files in the order given (the others after them): each at once (mode 0), or the
 * metadata of all first and then their texts in the same order, as the feeder's build does (mode 1).
 */
function inOrder(paths: readonly string[], mode = 0): Feeding {
  const first = paths.map((path) => PATHS.indexOf(path));
  const order = [...first, ...PATHS.keys()].filter((i, at, all) => all.indexOf(i) === at);
  return { order: [...order, ...order.map((i) => i + PATHS.length)], modes: PATHS.map(() => mode), reads: [], slice: 0 };
}

/** Two tokens per path (see `Feeding`). */
const TOKENS = Array.from({ length: 2 * PATHS.length }, (_, token) => token);

const feedingArb: fc.Arbitrary<Feeding> = fc.record({
  order: fc.shuffledSubarray(TOKENS, { minLength: TOKENS.length, maxLength: TOKENS.length }),
  modes: fc.array(fc.nat(3), { minLength: PATHS.length, maxLength: PATHS.length }),
  reads: fc.array(fc.nat(TOKENS.length - 1), { maxLength: 3 }),
  slice: fc.nat(4),
});

const filesArb = fc.array(
  fc.option(fc.array(fc.nat(1000), { minLength: 1, maxLength: 12 }), { freq: 3 }),
  { minLength: PATHS.length, maxLength: PATHS.length },
);

const settingsArb = fc
  .record({ me: fc.boolean(), anywhere: fc.boolean(), dated: fc.boolean(), oneOther: fc.boolean() })
  .map(({ me, anywhere, dated, oneOther }) =>
    indexSettings({ myName: me ? "Sam Okafor" : "", agreementsAnywhere: anywhere, datedNotesCountAsSeen: dated, oneOtherPersonIsOneOnOne: oneOther }),
  );

describe("the index, fed the same vault in another order", () => {
  it("gives the same people, meetings, agreements, problems, logs and people of notes", () => {
    fc.assert(
      fc.property(filesArb, settingsArb, feedingArb, feedingArb, (files, settings, a, b) => checkSameResults(vaultOf(files), settings, a, b)),
      // Each case builds two indexes of up to 29 notes: 300 in `npm test`, and more with FC_RUNS
      // (30,000 in test:deep), as the incremental property does.
      { numRuns: Math.max(300, Math.round(RUNS * 0.3)) },
    );
  }, PROPERTY_TIMEOUT_MS);

  it("feeds every file of the vault, at its own path, in every manner", () => {
    // The harness itself: whatever the order and manner, the index ends with the vault's files.
    const vault = vaultOf(PATHS.map((_, i) => [i, i * 7, i * 13, 2, 4, 6, 8, 10, 12]));
    for (const mode of [0, 1, 2, 3]) {
      const feeding = inOrder([...PATHS].reverse(), mode);
      const index = build(vault, indexSettings(), feeding);
      expect(index.size, `mode ${mode}`).toBe(PATHS.length);
      expect(PATHS.filter((path) => index.kindOf(path) === null)).toEqual([]);
      // Every open task of a note that is someone's log was read.
      expect(index.takeWantedTexts()).toEqual([]);
    }
  });

  /** Some orders of a few files: each rotation, forwards and backwards. */
  function ordersOf(paths: readonly string[]): string[][] {
    const rotations = paths.map((_, i) => [...paths.slice(i), ...paths.slice(0, i)]);
    return [...rotations, ...rotations.map((order) => [...order].reverse())];
  }

  it("gives a note two people's log properties name to the same person in any order", () => {
    const vault = new Map([
      ["People/Ben.md", '---\ntype: person\nlog: "[[Journal]]"\n---\n'],
      ["Friends/Anya Petrova.md", '---\ntype: person\nlog: "[[Journal]]"\n---\n'],
      ["Journal.md", "Notes.\n- [ ] @me send the doc\n## 2026-11-14\n- [ ] [[Ben]] book\n"],
      ["Notes/Journal.md", "- [ ] @me ask\n"],
    ]);
    const settings = indexSettings();
    const baseline = inOrder([...vault.keys()]);
    for (const order of ordersOf([...vault.keys()])) {
      for (const mode of [0, 1]) checkSameResults(vault, settings, baseline, inOrder(order, mode));
    }
    // Ben's note comes first (the shorter path): the log is his, and Anya is told.
    const index = build(vault, settings, baseline);
    expect(index.logOf("People/Ben.md")).toBe("Journal.md");
    expect(index.logOf("Friends/Anya Petrova.md")).toBeNull();
    expect(index.person("Friends/Anya Petrova.md")?.problems.map((p) => p.field)).toContain("log");
    expect(index.agreements().map((a) => [a.path, a.personPath, a.meetingDate])).toEqual([
      ["Journal.md", "People/Ben.md", null],
      ["Journal.md", "People/Ben.md", "2026-11-14"],
    ]);
  });

  it("chooses among namesakes and dateless 1:1 notes, and names people of 1:1 notes, in any order", () => {
    const vault = new Map([
      ["People/Anya Petrova.md", "---\ntype: person\naliases: [AP]\n---\n"],
      ["Friends/Anya Petrova.md", "---\ntype: person\naliases: [AP]\n---\n## 2026-11-14\n- [ ] @me call\n"],
      ["People/Anya Smith.md", "---\ntype: person\n---\n"],
      ["1-1s/Anya Petrova.md", "## 2026-11-07\n- [ ] @me send the doc\n"],
      ["1-1s/Anya log.md", '---\nperson: "[[Anya Petrova]]"\n---\n## 2026-11-14\n- [ ] @anya book\n'],
      ["1-1s/2026-11-02 1-1 with Anya.md", "- [ ] @me review\n"],
      ["1-1s/2026-11-10 sync.md", '---\nparticipants: ["[[Anya Smith]]", "[[Sam Okafor]]"]\n---\n- [ ] @me plan\n'],
      ["1-1s/2026-11-12.md", "---\ntags: [people/anya-smith]\n---\n- [ ] @me ask\n"],
      ["Meetings/2026-11-13 planning.md", '---\ntype: meeting\nattendees: ["[[Anya Smith]]", Sam Okafor]\n---\n- [ ] @me draft\n'],
    ]);
    const settings = indexSettings({ myName: "Sam Okafor" });
    const baseline = inOrder([...vault.keys()]);
    for (const order of ordersOf([...vault.keys()])) {
      for (const mode of [0, 1]) checkSameResults(vault, settings, baseline, inOrder(order, mode));
    }
    const index = build(vault, settings, baseline);
    // A name two notes have goes to the shorter path; of her two dateless 1:1 notes the shorter
    // path is her log; "Anya" alone names nobody (two people are called Anya).
    expect(index.logOf("People/Anya Petrova.md")).toBe("1-1s/Anya log.md");
    expect(index.personOfNote("1-1s/Anya Petrova.md")?.path).toBe("People/Anya Petrova.md");
    expect(index.personOfNote("1-1s/2026-11-02 1-1 with Anya.md")).toBeNull();
    expect(index.logOf("Friends/Anya Petrova.md")).toBe("Friends/Anya Petrova.md");
    // You are never the other person: these are 1:1s with Anya Smith.
    for (const path of ["1-1s/2026-11-10 sync.md", "1-1s/2026-11-12.md", "Meetings/2026-11-13 planning.md"]) {
      expect(index.personOfNote(path)?.path, path).toBe("People/Anya Smith.md");
    }
  });
});
