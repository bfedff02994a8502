/**
 * The agenda skeleton and the notes built from it: a per-meeting note, a running-log entry, the
 * insertion of an entry into a log (newest first), and a new log note.
 *
 * Conventions of every generated text: LF line endings, a single trailing newline, one blank line
 * between sections. A section's hint is an Obsidian comment (`%% … %%`) on the line under its
 * heading: muted while editing, invisible in reading view and exports, ignored by Tasks and
 * Dataview, and dropped from the shareable summary, so it can never be taken for content.
 */
import { CODE_BLOCK_LANGUAGE } from "../constants";
import { datedHeading } from "./written-dates";
import {
  atxHeading,
  closingFence,
  codeLines,
  findHeading,
  detectEol,
  frontMatterLength,
  isBlank,
  listMarker,
  splitLines,
  textLines,
  unclosedFence,
  yamlString,
} from "./markdown";
import { renderTemplate, templatePlaceholders, type TemplateValues } from "./template";
import type { AgendaSection, IsoDate } from "./types";

/** The sections of a 1:1 in the order a good one runs. */
export const DEFAULT_AGENDA_SECTIONS: AgendaSection[] = [
  {
    id: "first-meeting",
    title: "About these 1:1s",
    hint: "Why we meet and whose time this is; how often and for how long; what stays between us.",
    enabled: true,
  },
  { id: "check-in", title: "Check-in", hint: "How are things going, at work and outside it?", enabled: true },
  { id: "their-topics", title: "Their topics", hint: "They speak first: what is on their mind?", enabled: true },
  {
    id: "previous-agreements",
    title: "Previous agreements",
    hint: "What we agreed earlier: done, still on, or dropped?",
    enabled: true,
  },
  { id: "my-topics", title: "My topics", hint: "What I collected since we last met.", enabled: true },
  { id: "decisions", title: "Decisions needed", hint: "What needs deciding, by whom, and by when?", enabled: true },
  { id: "blockers", title: "Blockers", hint: "What is in the way, and what can I do about it?", enabled: true },
  { id: "feedback", title: "Feedback", hint: "Both ways: one thing to keep, one thing to change.", enabled: true },
  {
    id: "agreements",
    title: "Agreements",
    hint: "One checkbox per outcome: who does what, by when.",
    enabled: true,
  },
  { id: "private-notes", title: "Private notes", hint: "Only for me: never part of the shareable summary.", enabled: true },
];

export type CarryOver = { mode: "reference" } | { mode: "forward"; lines: string[] };

export interface AgendaInput {
  personName: string;
  /** The text inside `[[ ]]` that links to the person note. */
  personLink: string;
  date: IsoDate;
  firstMeeting: boolean;
  sections: AgendaSection[];
  /** Reference: a live block lists the open agreements; forward: copies with a link back. */
  carryOver: CarryOver;
  /** Raw queue items, e.g. `- Ask about X` or `- [ ] task` (children indented under them). */
  talkingPoints: string[];
}

/** The live block that lists a person's open agreements where they are. */
export function agreementsBlock(personLink: string): string {
  return ["```" + CODE_BLOCK_LANGUAGE, `agreements: [[${personLink}]]`, "```"].join("\n");
}

export const NO_OPEN_AGREEMENTS = "No open agreements.";

/** What goes under "Previous agreements" (also the `{{previous_agreements}}` value). */
export function formatPreviousAgreements(carryOver: CarryOver, personLink: string): string {
  if (carryOver.mode === "reference") return agreementsBlock(personLink);
  const lines = carryOver.lines
    .flatMap((line) => textLines(line))
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== "");
  return lines.length > 0 ? lines.join("\n") : NO_OPEN_AGREEMENTS;
}

/**
 * A queued talking point as a `- ` list item: the marker normalized, a task kept as a task,
 * children kept under it with their indentation relative to the item. Null for an empty item.
 */
export function normalizeTalkingPoint(raw: string): string | null {
  const lines = textLines(raw).map((line) => line.trimEnd());
  while (lines.length > 0 && isBlank(lines[0] ?? "")) lines.shift();
  while (lines.length > 0 && isBlank(lines[lines.length - 1] ?? "")) lines.pop();
  const first = lines.shift();
  if (first === undefined) return null;
  const marker = listMarker(first);
  const indent = marker ? marker.indent : (/^[ \t]*/.exec(first)?.[0] ?? "");
  const text = (marker ? first.slice(marker.prefix.length) : first).trim();
  const emptyTask = /^\[.\]$/.test(text);
  if ((text === "" || emptyTask) && lines.length === 0) return null;
  const children = lines.map((line) => {
    if (line === "") return "";
    const relative = line.startsWith(indent) ? line.slice(indent.length) : line.trimStart();
    return /^[ \t]/.test(relative) ? relative : "  " + relative;
  });
  return ["- " + text, ...children].join("\n");
}

/** The talking points as list items (also the `{{talking_points}}` value). */
export function formatTalkingPoints(points: readonly string[]): string {
  return points
    .map((point) => normalizeTalkingPoint(point))
    .filter((point): point is string => point !== null)
    .join("\n");
}

function cleanHeadingText(text: string): string {
  return text.replace(/[\r\n]+/g, " ").trim();
}

/** A hint as a one-line Obsidian comment; "" when there is no hint. */
export function hintLine(hint: string): string {
  const text = hint.replace(/%%/g, "%").replace(/\s+/g, " ").trim();
  return text === "" ? "" : `%% ${text} %%`;
}

function headingMarks(level: number): string {
  return "#".repeat(Math.min(6, Math.max(1, Math.round(level))));
}

interface PlannedSection {
  id: string;
  title: string;
  hint: string;
  content: string;
}

/** Whether a section is kept, and with what content. Sections that carry content are never dropped. */
function planSections(input: AgendaInput): PlannedSection[] {
  const topics = formatTalkingPoints(input.talkingPoints);
  const forwarded = input.carryOver.mode === "forward" && input.carryOver.lines.some((line) => line.trim() !== "");
  const previous = formatPreviousAgreements(input.carryOver, input.personLink);
  const planned: PlannedSection[] = [];
  let placedTopics = false;
  let placedPrevious = false;

  for (const section of input.sections) {
    if (!section.enabled) continue;
    const title = cleanHeadingText(section.title);
    if (title === "") continue;
    let content = "";
    switch (section.id) {
      case "first-meeting":
        if (!input.firstMeeting) continue;
        break;
      case "previous-agreements":
        // A first meeting has nothing to look back on, unless agreements were carried into it.
        if (input.firstMeeting && !forwarded) continue;
        if (placedPrevious) continue;
        content = previous;
        placedPrevious = true;
        break;
      case "my-topics":
        if (placedTopics) continue;
        content = topics;
        placedTopics = true;
        break;
    }
    planned.push({ id: section.id, title, hint: section.hint, content });
  }

  // Queued topics and forwarded agreements have left their old place: they must land somewhere.
  const missing: PlannedSection[] = [];
  if (forwarded && !placedPrevious) missing.push(defaultSection("previous-agreements", previous));
  if (topics !== "" && !placedTopics) missing.push(defaultSection("my-topics", topics));
  if (missing.length > 0) {
    let at = planned.findIndex((section) => section.id === "agreements" || section.id === "private-notes");
    if (at < 0) at = planned.length;
    planned.splice(at, 0, ...missing);
  }
  return planned;
}

function defaultTitle(id: string): string {
  return DEFAULT_AGENDA_SECTIONS.find((section) => section.id === id)?.title ?? id;
}

function defaultSection(id: string, content: string): PlannedSection {
  const section = DEFAULT_AGENDA_SECTIONS.find((candidate) => candidate.id === id);
  return { id, title: section?.title ?? id, hint: section?.hint ?? "", content };
}

/**
 * The agenda's sections, each a heading of `headingLevel` with its hint and content. No empty
 * task is written under Agreements: a forgotten `- [ ]` would show up as a blank open task in
 * every Tasks and Dataview query of the vault.
 */
export function buildAgendaBody(input: AgendaInput, headingLevel: number): string {
  const marks = headingMarks(headingLevel);
  const blocks = planSections(input).map((section) => {
    const head = [`${marks} ${section.title}`];
    const hint = hintLine(section.hint);
    if (hint !== "") head.push(hint);
    return section.content === "" ? head.join("\n") : `${head.join("\n")}\n\n${section.content}`;
  });
  return blocks.length === 0 ? "" : blocks.join("\n\n") + "\n";
}

/**
 * The agenda inserted into a note that is not a 1:1 with the person (a daily note, a project
 * note): its sections under a heading that names them, `1:1 with [[Sam Okafor]]`, so the note
 * says whom the meeting and its talking points were for, and a dated note counts as seeing them.
 */
export function buildNamedAgenda(input: AgendaInput, headingLevel: number): string {
  const title = `${headingMarks(headingLevel)} 1:1 with [[${input.personLink}]]`;
  const body = buildAgendaBody(input, Math.min(headingLevel + 1, 6));
  return body === "" ? `${title}\n` : `${title}\n\n${body}`;
}

/** The properties every 1:1 note carries, as front matter (without the line break after it). */
export function frontMatter(input: { personLink: string; date?: IsoDate }): string {
  const lines = ["---", "type: one-on-one", `person: ${yamlString(`[[${input.personLink}]]`)}`];
  if (input.date !== undefined) lines.push(`date: ${input.date}`);
  lines.push("---");
  return lines.join("\n");
}

/**
 * The title of a meeting note. It names the person and the date so that a copied summary says
 * who and when; it starts with "1:1", never with a date, so it is not taken for a log entry.
 */
export function meetingTitle(personName: string, date: IsoDate, firstMeeting: boolean): string {
  return `${firstMeeting ? "First 1:1" : "1:1"} with ${cleanHeadingText(personName)} — ${date}`;
}

/** A whole note for the one-note-per-meeting layout. */
export function buildMeetingNote(input: AgendaInput): string {
  const body = buildAgendaBody(input, 2);
  const title = `# ${meetingTitle(input.personName, input.date, input.firstMeeting)}`;
  return `${frontMatter(input)}\n${title}\n${body === "" ? "" : "\n" + body}`;
}

/** One entry of a running log: a `## YYYY-MM-DD` heading with the sections as `###`. */
export function buildLogEntry(input: AgendaInput): string {
  const body = buildAgendaBody(input, 3);
  return `## ${input.date}\n${body === "" ? "" : "\n" + body}`;
}

/** The title of a running log. */
export function logTitle(personName: string): string {
  return `1:1s with ${cleanHeadingText(personName)}`;
}

/**
 * A new running log. Its properties are those of any 1:1 note, `type: one-on-one` and `person`,
 * but no `date`: a 1:1 note without a date of its own whose entries are dated headings is a log.
 * So the note is recognized by the same rule as every other 1:1 note, wherever it is moved.
 */
export function newLogNote(personName: string, personLink: string): string {
  return [
    frontMatter({ personLink }),
    `# ${logTitle(personName)}`,
    hintLine("Newest meeting first: each meeting is a heading that starts with its date."),
    "",
  ].join("\n");
}

/**
 * Inserts a log entry before the first dated heading (at any level, outside front matter and
 * code), so the newest entry comes first; appends it when the log has none yet. The old text is
 * kept byte for byte: only the entry (in the file's line ending) and blank separator lines are
 * added. The entry's headings are shifted to the level of the log's existing dated headings, so
 * a log whose entries are `###` gets a `###` entry.
 */
export function insertLogEntry(logText: string, entry: string): string {
  const eol = detectEol(logText);
  const lines = splitLines(logText);
  const texts = lines.map((line) => line.text);
  const { at, level, start } = findHeading(texts, (text) => datedHeading(text) !== null);

  const entryLines = trimBlankEnds(textLines(entry));
  const shifted = level > 0 ? shiftHeadings(entryLines, level) : entryLines;
  if (shifted.length === 0) return logText;

  if (at >= 0) {
    let offset = 0;
    for (let i = 0; i < at; i++) offset += (lines[i]?.text.length ?? 0) + (lines[i]?.eol.length ?? 0);
    const before = at > start && !isBlank(texts[at - 1] ?? "") ? [""] : [];
    const inserted = [...before, ...shifted, ""].join(eol) + eol;
    return logText.slice(0, offset) + inserted + logText.slice(offset);
  }

  let prefix = "";
  const last = lines[lines.length - 1];
  if (last !== undefined) {
    if (last.eol === "") prefix += eol;
    // A code block left open at the end would swallow the entry: it is closed first.
    const fence = unclosedFence(texts, start);
    if (fence) prefix += closingFence(fence) + eol + eol;
    else if (!isBlank(last.text)) prefix += eol;
  }
  return logText + prefix + shifted.join(eol) + eol;
}

function trimBlankEnds(lines: string[]): string[] {
  let from = 0;
  let to = lines.length;
  while (from < to && isBlank(lines[from] ?? "")) from++;
  while (to > from && isBlank(lines[to - 1] ?? "")) to--;
  return lines.slice(from, to);
}

/** Moves the headings of a block so that its first heading has `level` (capped at 1..6). */
function shiftHeadings(lines: string[], level: number): string[] {
  const inCode = codeLines(lines);
  let first = 0;
  for (let i = 0; i < lines.length && first === 0; i++) {
    if (!inCode[i]) first = atxHeading(lines[i] ?? "")?.level ?? 0;
  }
  return first === 0 ? lines : shiftHeadingsBy(lines, level - first);
}

/** Moves every heading of a block (outside code) by `delta` levels, capped at 1..6. */
function shiftHeadingsBy(lines: string[], delta: number): string[] {
  if (delta === 0) return lines;
  const inCode = codeLines(lines);
  return lines.map((line, i) => {
    if (inCode[i]) return line;
    const heading = atxHeading(line);
    const match = /^( {0,3})(#{1,6})/.exec(line);
    if (!heading || !match) return line;
    return (match[1] ?? "") + headingMarks(heading.level + delta) + line.slice(match[0].length);
  });
}

/** The values of a custom template's placeholders for one meeting. */
export function agendaTemplateValues(input: AgendaInput): TemplateValues {
  return {
    person: input.personName,
    date: input.date,
    previous_agreements: formatPreviousAgreements(input.carryOver, input.personLink),
    talking_points: formatTalkingPoints(input.talkingPoints),
  };
}

/**
 * A custom template rendered for one meeting. Queued talking points and forwarded agreements
 * have already left their old place, so when the template has no placeholder for them they are
 * added at the end under the default headings rather than lost.
 */
export function renderAgendaTemplate(template: string, input: AgendaInput): string {
  const values = agendaTemplateValues(input);
  let text = renderTemplate(template, values);
  const used = new Set(templatePlaceholders(template));
  const eol = detectEol(template);
  const extra: string[] = [];
  const forwarded = input.carryOver.mode === "forward" && input.carryOver.lines.some((line) => line.trim() !== "");
  if (forwarded && !used.has("previous_agreements")) {
    extra.push(`## ${defaultTitle("previous-agreements")}`, "", values.previous_agreements);
  }
  if (values.talking_points !== "" && !used.has("talking_points")) {
    if (extra.length > 0) extra.push("");
    extra.push(`## ${defaultTitle("my-topics")}`, "", values.talking_points);
  }
  if (extra.length === 0) return text;
  if (text !== "" && !text.endsWith("\n")) text += eol;
  if (text !== "" && !/(?:^|\n)[ \t]*\r?\n$/.test(text)) text += eol;
  return text + extra.join("\n").split("\n").join(eol) + eol;
}

/**
 * A running-log entry from a custom template: `## YYYY-MM-DD`, then the rendered template without
 * its front matter and without a lone `#` title (the date heading takes its place), its headings
 * moved so that the shallowest is `###`, under the entry's heading.
 */
export function buildTemplateLogEntry(template: string, input: AgendaInput): string {
  const all = textLines(renderAgendaTemplate(template, input));
  let body = all.slice(frontMatterLength(all));
  const inCode = codeLines(body);
  const headings: { index: number; level: number }[] = [];
  body.forEach((line, index) => {
    const heading = inCode[index] ? null : atxHeading(line);
    if (heading) headings.push({ index, level: heading.level });
  });
  const firstText = body.findIndex((line) => !isBlank(line));
  const titles = headings.filter((heading) => heading.level === 1);
  if (titles.length === 1 && titles[0]?.index === firstText) {
    body = body.filter((_, index) => index !== firstText);
  }
  body = trimBlankEnds(body);
  const inBody = codeLines(body);
  let shallowest = 7;
  body.forEach((line, index) => {
    const heading = inBody[index] ? null : atxHeading(line);
    if (heading) shallowest = Math.min(shallowest, heading.level);
  });
  if (shallowest <= 6) body = shiftHeadingsBy(body, 3 - shallowest);
  return body.length === 0 ? `## ${input.date}\n` : `## ${input.date}\n\n${body.join("\n")}\n`;
}
