/**
 * People's names inside note names and titles. A 1:1 note's name often says who it is with,
 * among other things: `2023-06-23-1430 1-1 with John Doe`, `1:1 Notes - Sarah Chen (H2 2024)`,
 * `Call with Jane Doe`. What is not the name is taken away — dates, times, 1:1 markers, words in
 * brackets and filler words — and what is left is a name only if it looks like one: one to four
 * words (particles such as "van" or "de" aside), no digits, each word capitalized or the whole a
 * lower-case slug of up to three words (`john-doe`), and no word that names a topic (review,
 * retro, planning, week…).
 */
import { dateSpanInName } from "../written-dates";
import { FILLER_WORDS, ONE_ON_ONE_IN_TEXT } from "./words";

/** Times in names: `1430`, `14-30`, `14.30`, `14h30`, `9h`, `2pm`, `10:30 am`. */
const TIME = /(?:^|[^\p{L}\p{N}])(?:(?:[01]?\d|2[0-3])[-.:h]?[0-5]\d(?:\s?[ap]m)?|(?:[01]?\d|2[0-3])h|(?:1[0-2]|0?\d)\s?[ap]m)(?=$|[^\p{L}\p{N}])/giu;

/** Particles that belong to names without being capitalized: Ludwig van Beethoven, Ana de Souza. */
const PARTICLES = new Set(["van", "von", "de", "der", "den", "del", "della", "di", "da", "du", "dos", "das", "le", "la", "ten", "ter", "bin", "ibn", "al", "el", "y", "zu", "af", "av"]);

/** Words that name a topic, never part of a person's name. */
const TOPIC_WORDS = new Set([
  "review",
  "retro",
  "retrospective",
  "planning",
  "plan",
  "ideas",
  "idea",
  "project",
  "team",
  "budget",
  "standup",
  "roadmap",
  "strategy",
  "kickoff",
  "interview",
  "questions",
  "question",
  "agenda",
  "feedback",
  "onboarding",
  "offsite",
  "hands",
  "all",
  "okr",
  "okrs",
  "report",
  "update",
  "status",
  "template",
  "summary",
  "overview",
  "list",
  "tasks",
  "todo",
  "todos",
  "goals",
  "health",
  "metrics",
  "log",
  "minutes",
  "demo",
  "workshop",
  "training",
  "hiring",
  "performance",
  "discussion",
  "leadership",
  "design",
  "product",
  "engineering",
  "company",
  "tracker",
  "tracking",
  "history",
  "archive",
  "backlog",
  "inbox",
  "queue",
  "board",
  "priorities",
  "priority",
  "objectives",
  "vision",
  "process",
  "offboarding",
  "promotion",
  "compensation",
  "salary",
  "career",
  "growth",
  "development",
  "followup",
  "followups",
  "debrief",
  "handover",
  "handoff",
  "week",
  "weeks",
  "month",
  "quarter",
  "year",
  "prep",
  "preparation",
  "topics",
  "points",
  "items",
  "actions",
  "misc",
  "general",
  "draft",
  "dictation",
  "dictations",
  "transcript",
  "transcripts",
  "recording",
  "recordings",
  "inc",
  "ltd",
  "gmbh",
  "llc",
]);

/** Removes every date the text holds (`2026-01-26`, `20230301`, `21.11.2026`). */
function withoutDates(text: string): string {
  let out = text;
  for (let round = 0; round < 10; round++) {
    const found = dateSpanInName(out);
    if (!found) break;
    out = `${out.slice(0, found.start)} ${out.slice(found.end)}`;
  }
  return out;
}

/**
 * Separators between the names of two people, or between a topic and a name: `Scott / Cody`,
 * `Anya & Sam`, `Ben - Lea`, `Budget review with Anya`.
 */
const BETWEEN_NAMES = /\s*(?:[,;/|&+·–—]+|\s-+\s|(?:^|\s)(?:and|und|with|w\/|mit|con|avec|с|x|vs\.?|<>|et|y|e|и|和|与)(?:\s|$))\s*/i;

/** One name's words: separators become spaces, filler words go, a slug's hyphens become spaces. */
function unitWords(unit: string): string {
  let out = unit
    .replace(/^[\s@!]+/, "")
    .replace(/[_:#*"“”]+|^-+|-+$/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (out === out.toLowerCase()) out = out.replace(/-+/g, " ");
  return out
    .split(" ")
    .map((word) => word.replace(/^[@!.'-]+|[.'-]+$/g, ""))
    .filter((word) => word !== "" && !FILLER_WORDS.has(word.toLowerCase()) && !/^part\d*$/i.test(word))
    .join(" ");
}

/**
 * The names a note's name or title holds, once dates, times, 1:1 markers, bracketed remarks and
 * filler words are taken away: `2023-06-23-1430 1-1 with John Doe` → `John Doe`; `Scott / Cody
 * 1:1` → `Scott`, `Cody`; `Sarah-Alex` (capitalized words joined by a hyphen, nothing else) →
 * `Sarah`, `Alex`; `cody-scott-1on1` (a slug) → `cody scott`.
 */
export function nameUnits(text: string): string[] {
  const stripped = withoutDates(text)
    .replace(/\[\[|\]\]/g, " ")
    .replace(/\([^)]*\)|\[[^\]]*\]/g, " ")
    .replace(new RegExp(ONE_ON_ONE_IN_TEXT.source, "giu"), " ")
    .replace(TIME, " ");
  const units: string[] = [];
  for (const part of stripped.split(BETWEEN_NAMES)) {
    const words = unitWords(part);
    if (words === "") continue;
    // `Sarah-Alex`: capitalized words joined by hyphens, and nothing else, are two names.
    if (!words.includes(" ") && /^\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)+$/u.test(words)) units.push(...words.split("-"));
    else units.push(words);
  }
  return units;
}

/** The names of a note's name or title as one text (see `nameUnits`). */
export function cleanName(text: string): string {
  return nameUnits(text).join(" ");
}

function isCapitalized(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase() || first === first.toUpperCase();
}

/**
 * Whether a cleaned text looks like a person's name: 1 to 4 words besides particles, letters only
 * (with `-`, `'` and `.` inside), no topic word, and each word capitalized — or the whole in lower
 * case, as a slug writes it. Scripts without capitals (Chinese) need only the letters.
 */
export function isPlausibleName(text: string): boolean {
  if (text === "" || text.length > 60 || /\p{N}/u.test(text)) return false;
  const words = text.split(" ");
  const core = words.filter((word) => !PARTICLES.has(word.toLowerCase()));
  if (core.length === 0 || core.length > 4 || words.length > 6) return false;
  if (!words.every((word) => /^[\p{L}\p{M}]+(?:[-'’.][\p{L}\p{M}]+)*\.?$/u.test(word))) return false;
  // Joined words are read apart too: `TeamMetrics` is a topic, `AveryChen` a name.
  const parts = words.flatMap((word) => word.replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2").split(" "));
  if (parts.some((part) => TOPIC_WORDS.has(part.toLowerCase()))) return false;
  // A slug of a name has at most three words (`mary-jane-watson`); more is a topic.
  if (text === text.toLowerCase()) return words.length <= 3;
  return core.every(isCapitalized);
}

/** Whether a text has a capital letter: `Anya` has, `anya-petrova` and `李伟` have not. */
export function hasCapital(text: string): boolean {
  return text !== text.toLowerCase();
}

function capitalize(word: string): string {
  const first = word.codePointAt(0);
  if (first === undefined) return word;
  const head = String.fromCodePoint(first);
  return head.toUpperCase() + word.slice(head.length);
}

/**
 * The name a reference gives a person: `john-appleseed` → "John Appleseed", `@Anya` → "Anya",
 * `john_doe` → "John Doe", `NomePersona` → "NomePersona", `Anne-Marie Dupont` → as written.
 */
export function nameFromRef(ref: string): string {
  let text = ref.trim().replace(/^[@!]+/, "").replace(/_/g, " ");
  if (!hasCapital(text)) {
    text = text
      .replace(/-/g, " ")
      .split(/\s+/)
      .map(capitalize)
      .join(" ");
  }
  return text.replace(/\s+/g, " ").trim();
}
