/**
 * Everyone a meeting note names, strongest first, each with where it was named:
 * 1. the `person` (or `with`) property;
 * 2. the other properties that list people: `people`, `participants`, `attendees`, `contacts`,
 *    `members`, `reports`, `directReport`… (links, plain names, slugs, lists);
 * 3. person tags: `people/<slug>`, `person/<slug>`, `p/<slug>`, `contact/<slug>` and the person
 *    tags of the settings, in the properties, then in the text (not on one of its tasks);
 * 4. an Attendees or Participants line near the top;
 * 5. links near the top (before the first section), not in a task;
 * 6. the names in the file name; 7. the names in the title;
 * 8. the parent folder (`1-1s/john-doe/2026-01-22.md`).
 * A note with a `person` property is with whom it names: the rest is not read.
 */
import { baseName } from "../paths";
import { foldersOf, textsOf, titleOf, type Candidate, type CandidateSource, type NoteFacts, type NoteText, type RecognitionSettings } from "./note";
import { namesInList } from "./note-text";
import { nameUnits } from "./names";
import { isHubName, isMeetingFolderName, isOneOnOneWord, isPeopleFolderName, isTemplateName } from "./words";

/** Property names (folded: lower case, no `-`, `_` or spaces) that name the one person of a note. */
const PERSON_PROPERTIES = new Set(["person", "with", "oneononewith", "1on1with"]);

/** Property names (folded) that list the people of a note. */
const PEOPLE_PROPERTIES = new Set([
  "people",
  "persons",
  "participants",
  "participant",
  "attendees",
  "attendee",
  "contacts",
  "contact",
  "members",
  "report",
  "reports",
  "directreport",
  "directreports",
  "guests",
  "who",
  "teilnehmer",
  "personen",
  "partecipanti",
  "participantes",
  "участники",
  "参与者",
]);

/** A value that names nobody: a template's (`__NAME__`, `[Name]`, `{{title}}`, `<% … %>`, `[[People/]]`), or no letters at all (`42`). */
function isPlaceholder(text: string): boolean {
  return /^_+[A-Z]+_+$|^\[[^\]]*\]$|\{\{|<%|\/$/.test(text.trim()) || !/\p{L}/u.test(text);
}

function fold(key: string): string {
  return key.toLowerCase().replace(/[\s_-]+/g, "");
}

/** The names a property value gives: links, plain names, comma-separated lists. */
function namesOfValue(value: unknown): string[] {
  const out: string[] = [];
  for (const text of textsOf(value)) {
    if (isPlaceholder(text)) continue;
    for (const name of namesInList(text)) if (!isPlaceholder(name) && !out.includes(name)) out.push(name);
  }
  return out;
}

/** Prefixes of tags that name a person: `people/anya-petrova`, `p/anya-petrova`. */
const PERSON_TAG_PREFIXES = ["people", "person", "persons", "p", "contact", "contacts", "1-1", "one-on-one"];

function personTagPrefixes(settings: RecognitionSettings | null): string[] {
  return settings === null ? PERSON_TAG_PREFIXES : [...new Set([...PERSON_TAG_PREFIXES, ...settings.personTags])];
}

/** The person the first person tag names: `people/anya-petrova` → `anya-petrova` (tags lower-cased, without `#`). */
export function personOfTags(tags: readonly string[], settings: RecognitionSettings | null = null): string | null {
  const prefixes = personTagPrefixes(settings);
  for (const tag of tags) {
    const slash = tag.indexOf("/");
    if (slash > 0 && tag.length > slash + 1 && prefixes.includes(tag.slice(0, slash))) return tag.slice(slash + 1);
  }
  return null;
}

/** The note's own tags: those of its properties, and those of its text outside its tasks. */
function noteTags(facts: NoteFacts): { inProperties: string[]; inText: string[] } {
  const fm = facts.frontmatter;
  const own = new Set(textsOf(fm?.tags ?? fm?.tag).map((t) => t.replace(/^#/, "").toLowerCase()));
  const body = facts.bodyTags;
  const tasks = facts.taskLines ?? [];
  if (!body) return { inProperties: facts.tags.filter((t) => own.has(t)), inText: facts.tags.filter((t) => !own.has(t)) };
  const text = new Set(body.filter((t) => !tasks.includes(t.line)).map((t) => t.tag));
  return { inProperties: facts.tags.filter((t) => own.has(t)), inText: facts.tags.filter((t) => !own.has(t) && text.has(t)) };
}

/** The line where the note's first section starts (a heading below the title), or the note's end. */
function firstSectionLine(facts: NoteFacts): number {
  const start = facts.bodyStart ?? 0;
  const heading = facts.headings.find((h) => h.level > 1 && h.line >= start);
  return heading ? heading.line : Number.MAX_SAFE_INTEGER;
}

/** Everyone a note names (see the module's header), in that order. */
export function personCandidates(facts: NoteFacts, text: NoteText | null, settings: RecognitionSettings): Candidate[] {
  const out: Candidate[] = [];
  const add = (textValue: string, source: CandidateSource, label: string) => {
    if (!out.some((c) => c.text === textValue && c.source === source)) out.push({ text: textValue, source, label });
  };
  const fm = facts.frontmatter;
  if (fm) {
    for (const [key, value] of Object.entries(fm)) {
      const folded = fold(key);
      const source: CandidateSource | null = PERSON_PROPERTIES.has(folded) ? "person property" : PEOPLE_PROPERTIES.has(folded) ? "people property" : null;
      if (source) for (const name of namesOfValue(value)) add(name, source, `the ${key} property`);
    }
  }
  // A `person` property decides alone (see `choosePerson`): nothing weaker is read.
  if (out.some((c) => c.source === "person property")) return out;
  const tags = noteTags(facts);
  for (const [list, source] of [[tags.inProperties, "tag"], [tags.inText, "text tag"]] as const) {
    for (const tag of list) {
      const person = personOfTags([tag], settings);
      if (person !== null) add(person, source, `the tag #${tag}`);
    }
  }
  for (const name of text?.attendees ?? []) add(name, "attendees", "the Attendees line");
  const start = facts.bodyStart ?? 0;
  const end = Math.min(firstSectionLine(facts), start + 20);
  const tasks = facts.taskLines ?? [];
  for (const link of facts.links) {
    if (link.line >= start && link.line < end && !tasks.includes(link.line)) add(link.target, "link", "a link near the top");
  }
  for (const unit of nameUnits(baseName(facts.path))) add(unit, "file name", "the file name");
  const title = titleOf(facts);
  if (title !== null) for (const unit of nameUnits(title)) add(unit, "title", "the title");
  const folders = foldersOf(facts.path);
  const parent = folders[folders.length - 1];
  if (parent !== undefined && isPersonFolder(parent, settings)) for (const unit of nameUnits(parent)) add(unit, "folder", "the folder name");
  return out;
}

/** A folder that may be a person's: not the 1:1 folder, a date, a year, or a folder of a kind. */
function isPersonFolder(folder: string, settings: RecognitionSettings): boolean {
  const root = settings.meetingsFolder.split("/").pop() ?? "";
  if (folder.toLowerCase() === root.toLowerCase() || /^\d/.test(folder)) return false;
  return !(isPeopleFolderName(folder) || isMeetingFolderName(folder) || isTemplateName(folder) || isHubName(folder) || isOneOnOneWord(folder));
}
