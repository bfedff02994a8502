/**
 * What kind of note it is, each kind with the rule that decided it in words a user reads in Adopt
 * and with problems. In this order:
 * 1. Never a person or a meeting: a template (in a templates folder, named as one, the template
 *    note of the settings, or holding template code or date placeholders never filled in), a
 *    README, overview, index or dashboard, a folder's own note, a board or database of another
 *    plugin.
 * 2. A person note: a person type or category (`type: person`, `categories: [[People]]`,
 *    `type: crm-contact`), a person tag, or — for a note whose name reads as a name — the People
 *    folder or a folder named People or Contacts.
 * 3. A 1:1 note: a 1:1 type, tag or category in any common spelling, the 1:1 folder, or a 1:1
 *    marker in the file name, the title or the folder (`2024-01-22 1-1 Anya`, `# Scott / Cody
 *    1:1`, `MeetingNotes/121/`). An explicit 1:1 type wins over everything that makes a person.
 * 4. Another meeting: a meeting type, tag or category (`type: meeting`, `categories: [[Meetings]]`,
 *    `type: interaction`), a folder named Meetings or Interactions, or attendees in its properties.
 */
import { cleanName, isPlausibleName } from "./names";
import { baseName, isInFolder } from "../paths";
import { foldersOf, property, textsOf, titleOf, type NoteFacts, type NoteText, type RecognitionSettings } from "./note";
import { hasTemplateCode } from "./note-text";
import {
  hasOneOnOneMarker,
  isHubName,
  isMeetingFolderName,
  isMeetingWord,
  isOneOnOneWord,
  isPeopleFolderName,
  isPersonWord,
  isTemplateName,
} from "./words";

/** A quick test before the word-by-word one: could the path name a template at all? */
const MAYBE_TEMPLATE = /templat|vorlag|modell|plantill|mod[eè]le|шаблон|模板/i;

/** A date pattern of a template never filled in: `YYYY-MM-DD`, `DD.MM`. */
const UNFILLED_DATE = /(?:^|[^A-Za-z])(?:YYYY|MM-DD|DD\.MM)(?:$|[^A-Za-z])/;

/** Placeholders of a template never filled in: `YYYY-MM-DD`, `{{date}}`, `{{title}}`, `<% … %>`. */
function hasPlaceholder(text: string): boolean {
  return UNFILLED_DATE.test(text) || hasTemplateCode(text);
}

export interface NoteTypes {
  type: string[];
  category: string[];
}

/** The types and categories a note gives itself: `type`, `categories`, `meeting-type`, `kind`. */
export function typesOf(facts: NoteFacts): NoteTypes {
  const fm = facts.frontmatter;
  return {
    type: [
      ...textsOf(property(fm, "type")),
      ...textsOf(property(fm, "meeting-type", "meeting_type", "meetingtype")),
      ...textsOf(property(fm, "kind")),
    ],
    category: [...textsOf(property(fm, "categories")), ...textsOf(property(fm, "category"))],
  };
}

/** Why a note is never a person or a 1:1 by its place and name, or null. */
export function templateOrHub(facts: NoteFacts, settings: RecognitionSettings): string | null {
  const path = facts.path;
  if (settings.templatePath && path.replace(/\.md$/i, "") === settings.templatePath.replace(/\.md$/i, "")) {
    return "It is the template note set in the settings.";
  }
  const name = baseName(path);
  if (MAYBE_TEMPLATE.test(path)) {
    if (foldersOf(path).some(isTemplateName)) return "It is in a templates folder.";
    if (isTemplateName(name)) return "Its name says it is a template.";
  }
  if (isHubName(name)) return "It is a README, overview or index, not a person or a meeting.";
  const folders = foldersOf(path);
  const parent = folders[folders.length - 1];
  // A folder's own note (`1on1s/1on1s.md`) is about the folder, unless the folder is a person's.
  if (parent !== undefined && parent.toLowerCase() === name.toLowerCase() && !nameReadsAsName(path)) {
    return "It is the note of its folder, not a person or a meeting.";
  }
  if (hasPlaceholder(name)) return "Its name holds a placeholder never filled in (YYYY-MM-DD, {{…}}).";
  return null;
}

/**
 * Why a note is a board, drawing or database of another plugin (`kanban-plugin: basic`), never a
 * person or a 1:1 by its place alone; null when it is not, or its type says what it is.
 */
export function ownedByPlugin(facts: NoteFacts, types: NoteTypes): string | null {
  const fm = facts.frontmatter;
  if (fm === null || !Object.keys(fm).some((key) => /-plugin$/i.test(key))) return null;
  const { type, category } = types;
  if ([...type, ...category].some((t) => isPersonWord(t) || isMeetingWord(t))) return null;
  return "It is a board or database of another plugin.";
}

/** Why a note that would be a person or a meeting is a template after all: code or placeholders left in it. */
export function unfilledTemplate(facts: NoteFacts, text: NoteText | null): string | null {
  if (text?.templateCode) return "It holds template code never filled in (<% … %>, {{title}}).";
  const fm = facts.frontmatter;
  if (fm !== null) {
    for (const value of Object.values(fm)) {
      if (typeof value !== "string" && !Array.isArray(value)) continue;
      if (textsOf(value).some(hasTemplateCode)) {
        return "Its properties hold template code never filled in.";
      }
    }
  }
  if (facts.headings.some((h) => hasPlaceholder(h.text))) return "Its headings hold placeholders never filled in (YYYY-MM-DD).";
  return null;
}

/**
 * Whether the note's name reads as a person's name (`Anya Petrova`, `ben-cohen`, `!AveryChen`);
 * a name that says 1:1 (`Anya_1-1`, `1on1 questions`) is about meetings, not the person.
 */
export function nameReadsAsName(path: string): boolean {
  const name = baseName(path);
  return !hasOneOnOneMarker(name) && isPlausibleName(cleanName(name.replace(/^[@!]+/, "")));
}

/** Why a note is a person note, or null. An explicit 1:1 or meeting type is never one. */
export function personReason(facts: NoteFacts, types: NoteTypes, settings: RecognitionSettings): string | null {
  const { type, category } = types;
  if (type.some(isOneOnOneWord) || type.some(isMeetingWord) || category.some(isMeetingWord)) return null;
  const typed = type.find(isPersonWord);
  if (typed !== undefined) return `Its type is "${typed}".`;
  const categorized = category.find(isPersonWord);
  if (categorized !== undefined) return `Its category is ${categorized}.`;
  const tag = facts.tags.find((t) => settings.personTags.includes(t));
  if (tag !== undefined) return `It is tagged #${tag}.`;
  const inSetting = settings.peopleFolder !== "" && isInFolder(facts.path, settings.peopleFolder);
  const folder = inSetting ? settings.peopleFolder : foldersOf(facts.path).find(isPeopleFolderName);
  if (folder !== undefined && nameReadsAsName(facts.path)) {
    return inSetting ? `It is in the People folder (${settings.peopleFolder}).` : `It is in a folder named ${folder}.`;
  }
  return null;
}

/** What marks a note as a 1:1: its type or tag, the 1:1 folder of the settings, or its name (file name, title, a folder). */
export type OneOnOneMark = { why: string; by: "type or tag" | "1:1 folder" | "name" };

/** Why a note is a 1:1 note, and what says so; null when nothing does. */
export function oneOnOneReason(facts: NoteFacts, types: NoteTypes, settings: RecognitionSettings): OneOnOneMark | null {
  const { type, category } = types;
  const typed = [...type, ...category].find(isOneOnOneWord);
  if (typed !== undefined) return { why: `Its type is "${typed}".`, by: "type or tag" };
  const tag = facts.tags.find((t) => settings.meetingTags.includes(t) || isOneOnOneWord(t));
  if (tag !== undefined) return { why: `It is tagged #${tag}.`, by: "type or tag" };
  if (settings.meetingsFolder !== "" && isInFolder(facts.path, settings.meetingsFolder)) {
    return { why: `It is in the 1:1 folder (${settings.meetingsFolder}).`, by: "1:1 folder" };
  }
  if (hasOneOnOneMarker(baseName(facts.path))) return { why: "Its file name says 1:1.", by: "name" };
  const title = titleOf(facts);
  if (title !== null && hasOneOnOneMarker(title)) return { why: "Its title says 1:1.", by: "name" };
  // (A folder named `11` is November, not 1:1: a folder needs a marker with its separator.)
  const folder = foldersOf(facts.path).find(hasOneOnOneMarker);
  if (folder !== undefined) return { why: `It is in the folder ${folder}.`, by: "name" };
  return null;
}

const ATTENDEE_PROPERTIES = ["attendees", "participants", "people", "contacts", "with"];

/** Why a note is a meeting (not marked as a 1:1), or null. */
export function meetingReason(facts: NoteFacts, types: NoteTypes): string | null {
  const { type, category } = types;
  const typed = type.find(isMeetingWord);
  if (typed !== undefined) return `Its type is "${typed}".`;
  const categorized = category.find(isMeetingWord);
  if (categorized !== undefined) return `Its category is ${categorized}.`;
  const tag = facts.tags.find((t) => /^meetings?(?:\/|$)/.test(t));
  if (tag !== undefined) return `It is tagged #${tag}.`;
  const folder = foldersOf(facts.path).find(isMeetingFolderName);
  if (folder !== undefined) return `It is in the folder ${folder}.`;
  if (ATTENDEE_PROPERTIES.some((name) => textsOf(property(facts.frontmatter, name)).length > 0)) return "Its properties list who took part.";
  return null;
}
