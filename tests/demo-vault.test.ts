// @vitest-environment node
/**
 * The demo vault is what people see first: it must be well-formed by the data contract
 * (person notes, 1:1 notes in both layouts, agreements) and tell a story with something in
 * every state as of its "today", 2026-11-21.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";

const VAULT = fileURLToPath(new URL("../demo-vault/", import.meta.url));
/** The demo vault's own configuration folder (a fixed name in this vault, not a user setting). */
const CONFIG_DIR = path.join(VAULT, ".obsidian");
const TODAY = "2026-11-21";

const RELATIONSHIPS = ["report", "manager", "peer", "skip", "mentor", "mentee", "friend", "family", "other"];
const MEETING_SECTIONS = [
  "Check-in",
  "Their topics",
  "Previous agreements",
  "My topics",
  "Decisions needed",
  "Blockers",
  "Feedback",
  "Agreements",
  "Private notes",
];
const CADENCE = /^(weekly|biweekly|monthly|quarterly|none|every \d+ (days?|weeks?|months?)|\d+[dwm])$/;

interface Note {
  /** Vault path with `/` separators, e.g. `People/Anya Petrova.md`. */
  path: string;
  name: string;
  text: string;
  /** The YAML between the `---` lines, or null when the note has no front matter. */
  yaml: string | null;
  body: string;
}

function walk(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (full === CONFIG_DIR) continue;
    if (statSync(full).isDirectory()) found.push(...walk(full));
    else found.push(full);
  }
  return found;
}

function splitFrontMatter(text: string): { yaml: string | null; body: string } {
  if (!text.startsWith("---\n")) return { yaml: null, body: text };
  const end = text.indexOf("\n---", 3);
  if (end === -1) return { yaml: null, body: text };
  const after = text.indexOf("\n", end + 4);
  return { yaml: text.slice(4, end + 1), body: after === -1 ? "" : text.slice(after + 1) };
}

const notes: Note[] = walk(VAULT)
  .filter((file) => file.endsWith(".md"))
  .map((file) => {
    const text = readFileSync(file, "utf8");
    const rel = path.relative(VAULT, file).split(path.sep).join("/");
    return { path: rel, name: path.basename(file, ".md"), text, ...splitFrontMatter(text) };
  });

function properties(note: Note): Record<string, unknown> {
  if (note.yaml === null) return {};
  const value: unknown = parseDocument(note.yaml).toJS();
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function isRealDate(value: unknown): boolean {
  if (typeof value !== "string") return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `YYYY-MM-DD`, or `--MM-DD` when the year is unknown (29 February allowed). */
function isBirthday(value: unknown): boolean {
  if (typeof value !== "string") return false;
  const noYear = /^--(\d{2}-\d{2})$/.exec(value);
  return noYear ? isRealDate(`2000-${noYear[1]}`) : isRealDate(value);
}

const LINK = /\[\[([^\]|#]+)(?:[#|][^\]]*)?\]\]/g;

function linkTarget(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const match = /^\[\[([^\]|#]+)(?:[#|][^\]]*)?\]\]$/.exec(value);
  return match ? (match[1] ?? null) : null;
}

/** Lines outside fenced code blocks. */
function proseLines(body: string): string[] {
  const lines: string[] = [];
  let fence: string | null = null;
  for (const line of body.split("\n")) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line);
    if (marker) {
      const ticks = marker[1] ?? "";
      if (fence === null) fence = ticks;
      else if (ticks.startsWith(fence)) fence = null;
      continue;
    }
    if (fence === null) lines.push(line);
  }
  return lines;
}

interface Task {
  note: string;
  status: string;
  text: string;
  due: string | null;
  done: string | null;
}

function tasksOf(note: Note): Task[] {
  const tasks: Task[] = [];
  for (const line of proseLines(note.body)) {
    const match = /^[ \t>]*(?:[-*+]|\d+[.)]) \[(.)\] (.*)$/.exec(line);
    if (!match) continue;
    const text = match[2] ?? "";
    const due = /📅 *(\S+)/.exec(text)?.[1] ?? /[[(]due:: *([^\])]+)[\])]/.exec(text)?.[1] ?? null;
    const done = /✅ *(\S+)/.exec(text)?.[1] ?? null;
    tasks.push({ note: note.path, status: match[1] ?? "", text, due, done });
  }
  return tasks;
}

const people = notes.filter((note) => properties(note).type === "person");
const meetings = notes.filter((note) => properties(note).type === "one-on-one");
const perMeeting = meetings.filter((note) => properties(note).date !== undefined);
const logs = meetings.filter((note) => properties(note).date === undefined);
const personNames = new Set(people.map((note) => note.name));
const agreements = [...meetings, ...people].flatMap(tasksOf);
const isOpen = (task: Task) => task.status === " " || task.status === "/";

describe("demo vault", () => {
  it("has notes, written with LF line endings, valid UTF-8 and NFC", () => {
    expect(notes.length).toBeGreaterThan(20);
    for (const note of notes) {
      expect(note.text.includes("\r"), note.path).toBe(false);
      expect(note.text.includes("\uFFFD"), note.path).toBe(false);
      expect(note.text.endsWith("\n"), note.path).toBe(true);
      // Accented names must be spelled the same way in file names and in links (NFC).
      expect(note.path === note.path.normalize("NFC") && note.text === note.text.normalize("NFC"), note.path).toBe(true);
    }
  });

  it("has parseable YAML front matter wherever there is any", () => {
    for (const note of notes) {
      if (note.text.startsWith("---")) expect(note.yaml, note.path).not.toBeNull();
      if (note.yaml === null) continue;
      const doc = parseDocument(note.yaml);
      expect(doc.errors.map((e) => e.message), note.path).toEqual([]);
      const value: unknown = doc.toJS();
      expect(typeof value === "object" && value !== null && !Array.isArray(value), note.path).toBe(true);
    }
  });

  it("has valid dates in every date property", () => {
    for (const note of notes) {
      const props = properties(note);
      for (const key of ["date", "last-seen", "snooze-until"]) {
        if (key in props) expect(isRealDate(props[key]), `${note.path}: ${key}`).toBe(true);
      }
      if ("birthday" in props) expect(isBirthday(props.birthday), `${note.path}: birthday`).toBe(true);
    }
  });

  it("marks every note in People/ as a person, with known relationships and cadences", () => {
    const inFolder = notes.filter((note) => note.path.startsWith("People/"));
    expect(inFolder.length).toBeGreaterThanOrEqual(8);
    for (const note of inFolder) {
      const props = properties(note);
      expect(props.type, note.path).toBe("person");
      if ("relationship" in props) expect(RELATIONSHIPS, note.path).toContain(props.relationship);
      if ("cadence" in props) expect(String(props.cadence), note.path).toMatch(CADENCE);
      if ("archived" in props) expect(typeof props.archived, note.path).toBe("boolean");
      for (const key of ["aliases", "tags"]) {
        if (key in props) expect(Array.isArray(props[key]), `${note.path}: ${key}`).toBe(true);
      }
    }
    expect(people.map((note) => note.path).sort()).toEqual(inFolder.map((note) => note.path).sort());
  });

  it("has at least 8 people, one of them with a non-Latin name, across all relationships", () => {
    expect(people.length).toBeGreaterThanOrEqual(8);
    expect(people.some((note) => /(?!\p{Script=Latin})\p{L}/u.test(note.name))).toBe(true);
    const relationships = new Set(people.map((note) => properties(note).relationship));
    for (const relationship of ["report", "manager", "peer", "skip", "mentor", "mentee", "friend", "family"]) {
      expect(relationships, relationship).toContain(relationship);
    }
    const props = people.map(properties);
    expect(props.some((p) => p.archived === true)).toBe(true);
    expect(props.some((p) => typeof p["snooze-until"] === "string" && p["snooze-until"] > TODAY)).toBe(true);
    expect(props.some((p) => typeof p.birthday === "string" && p.birthday.startsWith("--"))).toBe(true);
    expect(props.some((p) => typeof p.birthday === "string" && p.birthday.endsWith("-02-29"))).toBe(true);
  });

  it("links every 1:1 note to an existing person note", () => {
    expect(meetings.length).toBeGreaterThan(0);
    for (const note of meetings) {
      const target = linkTarget(properties(note).person);
      expect(target, note.path).not.toBeNull();
      expect(personNames.has(target ?? ""), `${note.path} → ${String(target)}`).toBe(true);
    }
  });

  it("has per-meeting notes named after their date, in the person's folder, sections in order", () => {
    expect(perMeeting.length).toBeGreaterThan(10);
    for (const note of perMeeting) {
      const props = properties(note);
      const person = linkTarget(props.person) ?? "";
      expect(note.path, note.path).toBe(`1-1s/${person}/${String(props.date)}.md`);
      if ("status" in props) expect(["held", "skipped", "cancelled"], note.path).toContain(props.status);
      expect(note.body.startsWith(`# 1:1 with ${person} — ${String(props.date)}\n`), note.path).toBe(true);
      const headings = proseLines(note.body)
        .filter((line) => line.startsWith("## "))
        .map((line) => line.slice(3).trim());
      expect(headings, note.path).toEqual(MEETING_SECTIONS);
    }
    expect(perMeeting.some((note) => properties(note).status === "skipped")).toBe(true);
  });

  it("has running logs with dated entries, newest first", () => {
    expect(logs.length).toBeGreaterThanOrEqual(2);
    for (const note of logs) {
      expect(note.path.startsWith("1-1s/"), note.path).toBe(true);
      const dates = proseLines(note.body)
        .filter((line) => line.startsWith("## "))
        .map((line) => line.slice(3).trim());
      expect(dates.length, note.path).toBeGreaterThanOrEqual(2);
      for (const date of dates) expect(isRealDate(date), `${note.path}: ${date}`).toBe(true);
      expect(dates, note.path).toEqual([...dates].sort().reverse());
    }
  });

  it("has agreements in every state: open, overdue, due soon, done, cancelled, recurring", () => {
    for (const task of agreements) {
      if (task.due !== null) expect(isRealDate(task.due), `${task.note}: ${task.text}`).toBe(true);
      if (task.done !== null) expect(isRealDate(task.done), `${task.note}: ${task.text}`).toBe(true);
      if (task.status === "x") expect(task.done, `${task.note}: ${task.text}`).not.toBeNull();
    }
    const open = agreements.filter(isOpen);
    const soon = new Date(Date.UTC(2026, 10, 28)).toISOString().slice(0, 10);
    expect(open.some((task) => task.due !== null && task.due < TODAY)).toBe(true);
    expect(open.some((task) => task.due !== null && task.due >= TODAY && task.due <= soon)).toBe(true);
    expect(open.some((task) => task.due !== null && task.due > soon)).toBe(true);
    expect(open.some((task) => task.due === null)).toBe(true);
    expect(open.some((task) => task.text.includes("🔁"))).toBe(true);
    expect(open.some((task) => /\[due:: /.test(task.text))).toBe(true);
    expect(open.some((task) => /^@(?!me\b)\w/.test(task.text))).toBe(true);
    expect(agreements.some((task) => task.status === "x")).toBe(true);
    expect(agreements.some((task) => task.status === "-")).toBe(true);
  });

  it("uses the live agreements block in the previous-agreements section of newer notes", () => {
    const withBlock = meetings.filter((note) => /```one-on-ones\nagreements: \[\[[^\]]+\]\]\n```/.test(note.body));
    expect(withBlock.length).toBeGreaterThan(5);
    for (const note of withBlock) {
      const block = /```one-on-ones\nagreements: \[\[([^\]]+)\]\]\n```/.exec(note.body);
      expect(personNames.has(block?.[1] ?? ""), note.path).toBe(true);
    }
  });

  it("resolves every wiki link outside the templates", () => {
    const byName = new Set(notes.map((note) => note.name));
    const byPath = new Set(notes.map((note) => note.path.replace(/\.md$/, "")));
    for (const note of notes) {
      if (note.path.startsWith("Templates/")) continue;
      for (const match of note.text.matchAll(LINK)) {
        const target = (match[1] ?? "").trim();
        expect(byName.has(target) || byPath.has(target), `${note.path} → ${target}`).toBe(true);
      }
    }
  });

  it("has daily notes that link to people", () => {
    const daily = notes.filter((note) => note.path.startsWith("Daily/"));
    expect(daily.length).toBeGreaterThanOrEqual(3);
    for (const note of daily) expect(isRealDate(note.name), note.path).toBe(true);
    const linked = daily.flatMap((note) => [...note.text.matchAll(LINK)].map((m) => m[1] ?? ""));
    expect(linked.some((name) => personNames.has(name))).toBe(true);
  });

  it("has a custom template with every placeholder", () => {
    const template = notes.find((note) => note.path === "Templates/1-1 template.md");
    expect(template).toBeDefined();
    for (const placeholder of ["{{person}}", "{{date}}", "{{previous_agreements}}", "{{talking_points}}"]) {
      expect(template?.text, placeholder).toContain(placeholder);
    }
  });

  it("enables the plugin in the vault's settings", () => {
    const file = path.join(CONFIG_DIR, "community-plugins.json");
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, "utf8"))).toContain("one-on-ones");
    expect(existsSync(path.join(CONFIG_DIR, "app.json"))).toBe(true);
  });
});
