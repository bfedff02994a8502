/**
 * The words users write for what their notes are: 1:1 markers, person and meeting types, template,
 * hub and log-section names. Each is compared folded — lower case, accents dropped, and `-`, `_`,
 * `:`, `.` and spaces ignored — so `one_on_one`, `One-on-One` and `oneonone` are one spelling.
 * English first, with the common words of German, Italian, French, Spanish, Russian and Chinese.
 */

/** `One-on-One` → `oneonone`, `1:1` → `11`, `Zoë` → `zoe`: how spellings are compared. */
export function foldSpelling(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\s_\-:.'’"`*]+/g, "");
}

/**
 * A 1:1 spelling, folded: one-on-one, one_on_one, oneonone, one-to-one, 1-1, 1:1, 1on1, 1-on-1,
 * 1to1, 121, optionally plural or followed by "meeting(s)" or "notes" (`1-1 meeting`,
 * `1-1-meeting`, `1on1s`); and the German, Italian, Russian and Chinese words for it.
 */
const ONE_ON_ONE_FOLDED = /^(?:oneonone|onetoone|1on1|1to1|11|121|1x1|einzelgesprach|mitarbeitergesprach|unoauno|одиннаодин|тетатет|一对一|1对1)s?(?:meetings?|notes?|sessions?|calls?|gesprach|gesprache|besprechung|riunioni|riunione|встречи|встреча|会议|会谈)?$/;

/** What every 1:1 spelling holds: a quick test before the folded one. */
const MAYBE_ONE_ON_ONE = /1|one|einzel|mitarbeiter|uno|один|тет|一对一/i;

/** Answers already given: the same few types and tags are asked about for every note. */
const oneOnOneAnswers = new Map<string, boolean>();

/** Whether a type, tag or category value (or one `/` segment of a tag) is a 1:1 spelling. */
export function isOneOnOneWord(value: string): boolean {
  if (value.length > 40 || !MAYBE_ONE_ON_ONE.test(value)) return false;
  let answer = oneOnOneAnswers.get(value);
  if (answer === undefined) {
    answer = value.includes("/") ? value.split("/").some((part) => isOneOnOneWord(part)) : ONE_ON_ONE_FOLDED.test(foldSpelling(value));
    if (oneOnOneAnswers.size > 2000) oneOnOneAnswers.clear();
    oneOnOneAnswers.set(value, answer);
  }
  return answer;
}

/**
 * A 1:1 marker inside a name or title: `1-1`, `1:1`, `1on1`, `1-on-1`, `1 on 1`, `1to1`, `121`,
 * `one-on-one`, `one to one` as words of their own (`2024-11-13 1-1 with John`, `Anya_1-1`,
 * `cody-scott-1on1`, `1:1 Notes - Sarah Chen`).
 */
export const ONE_ON_ONE_IN_TEXT =
  /(?:^|[^\p{L}\p{N}])(?:1\s?[-:x]\s?1|1\s?[-_]?\s?(?:on|to)\s?[-_]?\s?1|121|one[\s_-]?(?:on|to)[\s_-]?one|一对一|1对1)s?(?=$|[^\p{L}\p{N}])/iu;

const MARKERS = new RegExp(ONE_ON_ONE_IN_TEXT.source, "giu");

/** Whether a marker is the number of an issue key (`DOC-121`, `PROJ-1-1`), not a 1:1. */
function isKeyNumber(text: string, at: number): boolean {
  return /[A-Z][A-Z0-9]+-$/.test(text.slice(Math.max(0, at - 12), at + 1));
}

export function hasOneOnOneMarker(text: string): boolean {
  MARKERS.lastIndex = 0;
  for (let m = MARKERS.exec(text); m !== null; m = MARKERS.exec(text)) {
    if (!isKeyNumber(text, m.index)) return true;
    MARKERS.lastIndex = m.index + 1;
  }
  return false;
}

/** Words of a `type` or `category` that make a note a person note (folded, compared word by word). */
const PERSON_WORDS = new Set([
  "person",
  "people",
  "persons",
  "contact",
  "contacts",
  "kontakt",
  "kontakte",
  "personen",
  "persona",
  "persone",
  "personas",
  "personne",
  "personnes",
  "contatto",
  "contatti",
  "contacto",
  "contactos",
  "человек",
  "люди",
  "контакт",
  "контакты",
  "人物",
  "联系人",
  "人脉",
]);

/** More names of folders of person notes (not types): Personnel, Colleagues, Kollegen. */
const PEOPLE_FOLDER_WORDS = new Set(["personnel", "colleagues", "kollegen", "mitarbeiter", "colleghi", "collegues", "коллеги", "同事"]);

/** What the names of folders of people hold: a quick test before the word by word one. */
const MAYBE_PEOPLE = /peop|pers|contac|kontakt|contatt|personnel|colleag|kolleg|mitarbeiter|colleghi|collegues|человек|люди|контакт|коллеги|人物|联系人|人脉|同事/i;

/** Words of a `type` or `category` that make a note a meeting, or a contact with someone. */
const MEETING_WORDS = new Set([
  "meeting",
  "meetings",
  "interaction",
  "interactions",
  "call",
  "calls",
  "conversation",
  "conversations",
  "catchup",
  "touchpoint",
  "besprechung",
  "treffen",
  "gesprach",
  "termin",
  "riunione",
  "incontro",
  "reunion",
  "встреча",
  "звонок",
  "会议",
  "会面",
]);

/** What the names of folders of meetings hold: a quick test before the word by word one. */
const MAYBE_MEETINGS = /meeting|interaction|call|conversation|catch|touchpoint|besprechung|treffen|gespr|termin|riunion|incontr|reuni|встреч|звон|会议|会面/i;

/** The words of a value: `crm-contact` → `crm`, `contact`; `[[People]]` → `people`. */
function wordsOf(value: string): string[] {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[[\]]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "");
}

/** `person`, `crm-contact`, `[[People]]`, `Kontakt`: a person note's type or category. */
export function isPersonWord(value: string): boolean {
  if (!MAYBE_PEOPLE.test(value)) return false;
  const words = wordsOf(value);
  return words.some((word) => PERSON_WORDS.has(word)) && !words.some((word) => MEETING_WORDS.has(word));
}

/** `meeting`, `crm-interaction`, `[[Meetings]]`, `call`: a meeting note's type or category. */
export function isMeetingWord(value: string): boolean {
  if (!MAYBE_MEETINGS.test(value)) return isOneOnOneWord(value);
  const words = wordsOf(value);
  return words.some((word) => MEETING_WORDS.has(word)) || isOneOnOneWord(value);
}

/** Folder names that hold person notes: People, Contacts, Personen, Kontakte… (numbering ignored). */
export function isPeopleFolderName(folder: string): boolean {
  if (!MAYBE_PEOPLE.test(folder)) return false;
  const words = wordsOf(folder).filter((word) => !/^\d+$/.test(word));
  return words.length === 1 && (PERSON_WORDS.has(words[0] as string) || PEOPLE_FOLDER_WORDS.has(words[0] as string));
}

/** Folder names that hold meeting notes: Meetings, Meeting notes, Interactions, Besprechungen… */
export function isMeetingFolderName(folder: string): boolean {
  if (!MAYBE_MEETINGS.test(folder)) return false;
  const words = wordsOf(folder).filter((word) => !/^\d+$/.test(word) && word !== "notes" && word !== "note");
  return words.length === 1 && (MEETING_WORDS.has(words[0] as string) || MEETING_WORDS.has((words[0] as string).replace(/en$/, "")));
}

/** The words for a template: a note or folder named so is never a person or a meeting. */
const TEMPLATE_WORDS = new Set(["template", "templates", "vorlage", "vorlagen", "modello", "modelli", "plantilla", "plantillas", "modele", "modeles", "шаблон", "шаблоны", "模板"]);

/** `Templates`, `_templates`, `0 Templates`, `__Templates`, `Person Template`, `Vorlagen`. */
export function isTemplateName(name: string): boolean {
  return wordsOf(name).some((word) => TEMPLATE_WORDS.has(word));
}

/**
 * Notes about a collection rather than someone: README, overview, index, dashboard, hub, home,
 * map of content, "start here", welcome.
 */
const HUB_NAMES = new Set([
  "readme",
  "overview",
  "index",
  "dashboard",
  "hub",
  "home",
  "moc",
  "mapofcontent",
  "mapofcontents",
  "starthere",
  "welcome",
  "tableofcontents",
  "toc",
  "liesmich",
  "ubersicht",
  "leggimi",
  "indice",
  "обзор",
  "说明",
]);

/** What the names of hubs hold: a quick test before the word by word one. */
const MAYBE_HUB = /readme|overview|index|dashboard|hub|home|moc|map|start|welcome|content|toc|liesmich|bersicht|leggimi|indice|обзор|说明/i;

/** A README, overview, index or dashboard: its words, emoji and numbering aside. */
export function isHubName(name: string): boolean {
  if (name.length > 40 || !MAYBE_HUB.test(name)) return false;
  const words = wordsOf(name).filter((word) => !/^\d+$/.test(word));
  return HUB_NAMES.has(words.join(""));
}

/**
 * Words that are not part of a person's name in a note's name or title: what the note is (a
 * meeting, a call, notes), how often, and small words such as "with".
 */
export const FILLER_WORDS = new Set([
  "with",
  "and",
  "meeting",
  "meetings",
  "notes",
  "note",
  "sync",
  "catchup",
  "catch",
  "up",
  "checkin",
  "check",
  "in",
  "call",
  "chat",
  "email",
  "mail",
  "to",
  "from",
  "weekly",
  "biweekly",
  "monthly",
  "daily",
  "quarterly",
  "session",
  "part",
  "mit",
  "und",
  "con",
  "avec",
  "et",
  "y",
  "e",
  "с",
  "и",
  "和",
  "与",
]);
