/**
 * Agreements: Markdown tasks, read and written the way the Tasks and Dataview plugins do.
 *
 *   - [ ] [[Anya Petrova]] shares the RFC draft 📅 2026-11-28 #rfc ^a1b2
 *   - [ ] @me intro Anya to the platform lead [due:: 2026-11-25]
 *   - [x] @me book the training ✅ 2026-11-20
 *
 * Tasks reads its emoji fields backwards from the end of the line, so the owner goes first and
 * only tags and a block id may follow the dates. Every edit here changes the status character and
 * the done date and keeps the rest of the line byte for byte.
 *
 * Regular expressions use neither lookbehind nor the `u` flag (both fail on some iOS versions):
 * an emoji is matched as its literal UTF-16 sequence, never inside a character class.
 */
import { isValidIsoDate, parseIsoDate } from "./dates";
import { isOpenStatus, passesGlobalFilter, TASKS_DEFAULTS, type StatusType } from "./tasks-conventions";
import type { DueDateSyntax, IsoDate, Owner, ParsedAgreement, TaskLine } from "./types";

export { isOpenStatus };

// ---------------------------------------------------------------------------------------------
// Task lines

/**
 * Indentation, quote and callout markers, a list marker (`-`, `*`, `+`, `1.`, `1)`), spaces, then
 * `[c]` and either nothing or a space or tab. Line endings are not part of a line.
 */
const TASK_LINE = /^((?:[ \t]|>)*(?:[-*+]|\d{1,9}[.)])[ \t]+)\[([^\r\n])\]((?:[ \t][^\r\n]*)?)$/;

/** True when the character at `i` is white space as `\s` matches it (false past the end). */
export function isWhiteAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** As `/\s/.test(ch)` for one character. */
function isWhiteChar(ch: string): boolean {
  return ch.length > 0 && isWhiteAt(ch, 0);
}

export function parseTaskLine(line: string): TaskLine | null {
  if (typeof line !== "string") return null;
  const m = TASK_LINE.exec(line);
  if (!m) return null;
  return { prefix: m[1] ?? "", status: m[2] ?? " ", body: m[3] ?? "" };
}

export function serializeTaskLine(task: TaskLine): string {
  return `${task.prefix}[${task.status}]${task.body}`;
}

// ---------------------------------------------------------------------------------------------
// Fields

type FieldKind =
  | "due"
  | "done"
  | "scheduled"
  | "start"
  | "created"
  | "cancelled"
  | "recurrence"
  | "priority"
  | "id"
  | "depends"
  | "on-completion"
  | "dataview"
  | "tag"
  | "block-id";

interface Field {
  kind: FieldKind;
  start: number;
  end: number;
  /** Date text, tag name, block id, recurrence rule… */
  value: string;
  /** Dataview key, lower-cased. */
  key?: string;
}

const VS = "\uFE0F?";
const DATE = "(\\d{4}-\\d{2}-\\d{2})";
const DUE_EMOJI = `(?:📅|📆|🗓)${VS}`;
const DONE_EMOJI = `✅${VS}`;
const SCHEDULED_EMOJI = `(?:⏳|⌛)${VS}`;
const START_EMOJI = `🛫${VS}`;
const CREATED_EMOJI = `➕${VS}`;
const CANCELLED_EMOJI = `❌${VS}`;

const DATE_FIELDS: { kind: FieldKind; emoji: string }[] = [
  { kind: "due", emoji: DUE_EMOJI },
  { kind: "done", emoji: DONE_EMOJI },
  { kind: "scheduled", emoji: SCHEDULED_EMOJI },
  { kind: "start", emoji: START_EMOJI },
  { kind: "created", emoji: CREATED_EMOJI },
  { kind: "cancelled", emoji: CANCELLED_EMOJI },
];

/** Fields that Tasks reads at the end of a line, each anchored there. */
const TRAILING_FIELDS: { kind: FieldKind; pattern: RegExp }[] = [
  ...DATE_FIELDS.map(({ kind, emoji }) => ({ kind, pattern: new RegExp(`${emoji} *${DATE}$`) })),
  { kind: "recurrence", pattern: new RegExp(`🔁${VS} *([a-zA-Z0-9, !]*)$`) },
  { kind: "priority", pattern: new RegExp(`((?:🔺|⏫|🔼|🔽|⏬)${VS})$`) },
  { kind: "id", pattern: new RegExp(`🆔${VS} *([a-zA-Z0-9_-]+)$`) },
  { kind: "depends", pattern: new RegExp(`⛔${VS} *([a-zA-Z0-9_-]+(?: *, *[a-zA-Z0-9_-]+)*)$`) },
  { kind: "on-completion", pattern: new RegExp(`🏁${VS} *([a-zA-Z]+)$`) },
  { kind: "dataview", pattern: /\[([^[\]():]+)::([^[\]]*)\]$/ },
  { kind: "dataview", pattern: /\(([^[\]():]+)::([^()[\]]*)\)$/ },
];

/** What each of the fields above holds: an emoji (all past U+2000) or Dataview's `::`. */
const FIELD_MARK = /[\u2000-\uffff]|::/;

/** Date fields anywhere in a line (outside the trailing fields Tasks reads). */
const INLINE_DATE_FIELDS = DATE_FIELDS.map(({ kind, emoji }) => ({ kind, pattern: new RegExp(`${emoji} *${DATE}`, "g") }));
const INLINE_DATAVIEW = [/\[([^[\]():]+)::([^[\]]*)\]/g, /\(([^[\]():]+)::([^()[\]]*)\)/g];

/** Dataview keys that mean something to Tasks, lower-cased. */
const DATAVIEW_KEYS: Record<string, FieldKind> = {
  due: "due",
  completion: "done",
  scheduled: "scheduled",
  start: "start",
  created: "created",
  cancelled: "cancelled",
  repeat: "recurrence",
  priority: "priority",
  id: "id",
  dependson: "depends",
  oncompletion: "on-completion",
};

/** Characters a tag cannot hold (besides whitespace). */
const TAG_BODY = /^#[^\s!"#$%&'()*+,.:;<=>?@[\\\]^`{|}~]+$/;
const TAGS_ANYWHERE = /(^|\s)#([^\s!"#$%&'()*+,.:;<=>?@[\\\]^`{|}~]+)/g;
const BLOCK_ID = /^\^[A-Za-z0-9-]+$/;

function isTagWord(word: string): boolean {
  return TAG_BODY.test(word) && !/^#\d+$/.test(word);
}

function isSpace(ch: string | undefined): boolean {
  return ch === " " || ch === "\t";
}

/** The longest text a trailing field is looked for in (keeps the backwards scan linear). */
const WINDOW = 300;

function dataviewKind(key: string): FieldKind {
  const folded = key.trim().toLowerCase().replace(/\s+/g, "");
  return Object.prototype.hasOwnProperty.call(DATAVIEW_KEYS, folded) ? (DATAVIEW_KEYS[folded] ?? "dataview") : "dataview";
}

/** The field, tag or block id that ends exactly at `end`, if any. */
function trailingTokenAt(body: string, end: number, first: boolean): Field | null {
  let wordStart = end;
  while (wordStart > 0 && !isWhiteAt(body, wordStart - 1)) wordStart--;
  const word = body.slice(wordStart, end);
  if (first && BLOCK_ID.test(word)) return { kind: "block-id", start: wordStart, end, value: word.slice(1) };
  if (isTagWord(word)) return { kind: "tag", start: wordStart, end, value: word.slice(1) };
  const offset = Math.max(0, end - WINDOW);
  const windowText = body.slice(offset, end);
  // Every field has an emoji or `::` in it: most words before the fields have neither.
  if (!FIELD_MARK.test(windowText)) return null;
  for (const { kind, pattern } of TRAILING_FIELDS) {
    const m = pattern.exec(windowText);
    if (!m) continue;
    const start = offset + m.index;
    if (kind === "dataview") {
      const key = (m[1] ?? "").trim().toLowerCase();
      return { kind: dataviewKind(key), start, end, value: (m[2] ?? "").trim(), key };
    }
    return { kind, start, end, value: (m[1] ?? "").trim() };
  }
  return null;
}

interface TrailingScan {
  /** Fields from the end of the line backwards. */
  fields: Field[];
  /** Where the trailing fields begin (the end of the description, before its spaces). */
  start: number;
}

/** Tasks-style: fields, tags and a block id read backwards from the end of the body. */
function scanTrailing(body: string, allowBlockId = true): TrailingScan {
  const fields: Field[] = [];
  let p = body.length;
  for (;;) {
    let q = p;
    while (q > 0 && isWhiteAt(body, q - 1)) q--;
    if (q === 0) break;
    const token = trailingTokenAt(body, q, allowBlockId && fields.length === 0);
    if (!token || token.start >= q) break;
    fields.push(token);
    p = token.start;
  }
  let start = fields.length > 0 ? p : body.length;
  while (start > 0 && isWhiteAt(body, start - 1)) start--;
  return { fields, start };
}

const DATE_KINDS: ReadonlySet<FieldKind> = new Set(["due", "done", "scheduled", "start", "created", "cancelled"]);

/** A date field with an impossible date stays in the text, so that the user sees it. */
function isRemovable(field: Field): boolean {
  if (field.kind === "dataview") return true;
  if (DATE_KINDS.has(field.kind)) return parseIsoDate(field.value) !== null;
  return true;
}

function overlaps(spans: { start: number; end: number }[], start: number, end: number): boolean {
  return spans.some((s) => start < s.end && end > s.start);
}

/** Date and Dataview fields written in the middle of the description. */
function scanInline(head: string, taken: Field[]): Field[] {
  const found: Field[] = [];
  for (const { kind, pattern } of INLINE_DATE_FIELDS) {
    pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = pattern.exec(head)) !== null) {
      const start = m.index;
      const end = start + m[0].length;
      if (!overlaps([...taken, ...found], start, end)) found.push({ kind, start, end, value: m[1] ?? "" });
    }
  }
  for (const pattern of INLINE_DATAVIEW) {
    pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = pattern.exec(head)) !== null) {
      const start = m.index;
      const end = start + m[0].length;
      const key = (m[1] ?? "").trim().toLowerCase();
      if (!overlaps([...taken, ...found], start, end)) {
        found.push({ kind: dataviewKind(key), start, end, value: (m[2] ?? "").trim(), key });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------
// Owners

/** The `(from [[…]])` note that `forwardedCopy` adds (and `(forwarded to [[…]])`, `markForwarded`'s). */
const FROM_NOTE = / ?\(from \[\[[^[\]]*\]\]\)/;
const FROM_NOTE_AT_END = /\((?:from|forwarded to) \[\[[^[\]]*\]\]\)\s*$/;

/**
 * True for a UTF-16 unit of a symbol rather than a letter: general punctuation, arrows, technical
 * symbols and dingbats (U+2000–U+2BFF), CJK punctuation, variation selectors and surrogates
 * (astral characters are mostly emoji). Checked by code, as a regex class of these misbehaves
 * without the `u` flag.
 */
function isSymbolUnit(code: number): boolean {
  return (
    (code >= 0x2000 && code <= 0x2bff) ||
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    (code >= 0xd800 && code <= 0xdfff)
  );
}

const NAME_STOP_ASCII = "@#[](){}<>,;:!?\"'`*~=|\\/+&$%^";

/** Characters that end an `@name`: spaces, punctuation, symbols and emoji. */
function isNameStop(ch: string | undefined): boolean {
  if (ch === undefined || ch === "" || isWhiteChar(ch)) return true;
  return NAME_STOP_ASCII.includes(ch) || isSymbolUnit(ch.charCodeAt(0));
}

interface OwnerToken {
  owner: Owner;
  start: number;
  end: number;
}

function readAtName(body: string, at: number, limit: number): OwnerToken | null {
  if (body[at] !== "@") return null;
  let end = at + 1;
  while (end < limit && !isNameStop(body[end])) end++;
  let nameEnd = end;
  while (nameEnd > at + 1 && /[.\-_]/.test(body[nameEnd - 1] ?? "")) nameEnd--;
  const name = body.slice(at + 1, nameEnd);
  if (name === "") return null;
  const owner: Owner = name.toLowerCase() === "me" ? { kind: "me" } : { kind: "name", name };
  return { owner, start: at, end: nameEnd };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function readLinkOwner(body: string, at: number, limit: number): OwnerToken | null {
  const rest = body.slice(at, limit);
  const wiki = /^\[\[([^[\]|#^\r\n]*)((?:[#^][^[\]|\r\n]*)?)(?:\|[^[\]\r\n]*)?\]\]/.exec(rest);
  if (wiki) {
    const target = (wiki[1] ?? "").trim();
    if (target === "") return null;
    return { owner: { kind: "link", target }, start: at, end: at + wiki[0].length };
  }
  const md = /^\[([^[\]\r\n]*)\]\(<?([^()<>\s]*)>?\)/.exec(rest);
  if (md) {
    const url = md[2] ?? "";
    if (url === "" || url.includes("://") || url.startsWith("mailto:")) return null;
    const target = safeDecode(url.split("#")[0] ?? "").replace(/\.md$/i, "").trim();
    if (target === "") return null;
    return { owner: { kind: "link", target }, start: at, end: at + md[0].length };
  }
  return null;
}

/** A word made only of emoji and symbols (`🔺`, `⭐`, `➡️`): skipped when looking for the owner. */
function isSymbolWord(word: string): boolean {
  if (word === "") return false;
  for (let i = 0; i < word.length; i++) {
    if (!isSymbolUnit(word.charCodeAt(i))) return false;
  }
  return true;
}

function wordEnd(body: string, start: number, limit: number): number {
  let end = start;
  while (end < limit && !isWhiteAt(body, end)) end++;
  return end;
}

/** Extends an owner token over a directly following `:` or `,` ("@anya: send the RFC"). */
function withPunctuation(body: string, token: OwnerToken): OwnerToken {
  const next = body[token.end];
  return next === ":" || next === "," ? { ...token, end: token.end + 1 } : token;
}

/** Where the description's first word starts: after white space, removed fields, leading tags and emoji. */
function firstWordAt(body: string, limit: number, removed: readonly { start: number; end: number }[]): number {
  let p = 0;
  while (p < limit) {
    if (isWhiteChar(body[p] ?? "")) {
      p++;
      continue;
    }
    const span = removed.find((f) => f.start <= p && p < f.end);
    if (span) {
      p = span.end;
      continue;
    }
    const end = wordEnd(body, p, limit);
    const word = body.slice(p, end);
    if (!isTagWord(word) && !isSymbolWord(word)) break;
    p = end;
  }
  return p;
}

/**
 * The owner is the first word of the description (after any leading tags and emoji), or an
 * `@name` as its last word ("review the proposal @john").
 */
function findOwner(body: string, limit: number, removed: Field[]): OwnerToken | null {
  const p = firstWordAt(body, limit, removed);
  if (p < limit) {
    const ch = body[p] ?? "";
    const token = ch === "@" ? readAtName(body, p, limit) : ch === "[" ? readLinkOwner(body, p, limit) : null;
    if (token) return withPunctuation(body, token);
  }
  // An @name as the last word of the description, before any `(from [[…]])` of a forwarded copy.
  let q = limit;
  const from = FROM_NOTE_AT_END.exec(body.slice(0, limit));
  if (from) q = from.index;
  for (;;) {
    while (q > 0 && isWhiteAt(body, q - 1)) q--;
    const span = removed.find((f) => f.start < q && q <= f.end);
    if (!span) break;
    q = span.start;
  }
  let start = q;
  while (start > 0 && !isWhiteAt(body, start - 1)) start--;
  if (body[start] !== "@") return null;
  const token = readAtName(body, start, q);
  if (!token) return null;
  const tail = body.slice(token.end, q);
  return /^[.,;:!?]*$/.test(tail) ? { ...token, end: q } : null;
}

/** `Anya:`, `**Anya Petrova:**`, `__Anya__:` at the start of a description: up to four capitalized words, then a colon. */
const LEAD = /^(?:\*\*|__)?(\p{L}[\p{L}\p{M}'’.-]*(?: \p{L}[\p{L}\p{M}'’.-]*){0,3})(?:\*\*|__)?\s*:(?:\*\*|__)?(?=\s|$)/u;
/** `Sarah to send the plan`, `Sarah Chen will review it`: a name, then "to" or "will". */
const LEAD_VERB = /^(\p{L}[\p{L}\p{M}'’.-]*(?: \p{L}[\p{L}\p{M}'’.-]*){0,2}) (?:to|will) (?=\S)/u;

/** The name a description starts with before a colon (see `ParsedAgreement.lead`), as a span. */
function findLead(body: string, limit: number, removed: readonly { start: number; end: number }[]): (OwnerToken & { name: string }) | null {
  const p = firstWordAt(body, limit, removed);
  const rest = body.slice(p, limit);
  const colon = LEAD.exec(rest);
  const m = colon ?? LEAD_VERB.exec(rest);
  // A name: every word capitalized (in scripts that have capitals).
  if (!m?.[1] || m[1].split(" ").some((word) => word.charAt(0) !== word.charAt(0).toUpperCase())) return null;
  // "Sarah to send the plan" keeps its words; "Sarah: send the plan" loses the name and colon.
  return { owner: { kind: "name", name: m[1] }, name: m[1], start: p, end: colon ? p + m[0].length : p };
}

// ---------------------------------------------------------------------------------------------
// Agreements

/**
 * The text with the spans cut out and its white space collapsed (runs to one space, none at the
 * ends). The pieces between spans are trimmed and joined by one space, so that the common line
 * (single spaces between its words) needs no second pass.
 */
function withoutSpans(text: string, spans: readonly { start: number; end: number }[]): string {
  const sorted = spans.length > 1 ? [...spans].sort((a, b) => a.start - b.start) : spans;
  let out = "";
  let p = 0;
  const add = (piece: string) => {
    const trimmed = piece.trim();
    if (trimmed !== "") out = out === "" ? trimmed : `${out} ${trimmed}`;
  };
  for (const s of sorted) {
    if (s.start < p) {
      p = Math.max(p, s.end);
      continue;
    }
    add(text.slice(p, s.start));
    p = s.end;
  }
  add(text.slice(p));
  return collapse(out);
}

/** White space at either end, two in a row, or any but a plain space. */
const NOT_COLLAPSED = /^\s|\s$|\s\s|[^\S ]/;

function collapse(text: string): string {
  // Most descriptions have single spaces between words and none at the ends: nothing to do.
  return NOT_COLLAPSED.test(text) ? text.replace(/\s+/g, " ").trim() : text;
}

interface BodyAnalysis {
  trailing: TrailingScan;
  inline: Field[];
  owner: OwnerToken | null;
}

function analyseBody(body: string): BodyAnalysis {
  const trailing = scanTrailing(body);
  const head = body.slice(0, trailing.start);
  const inline = scanInline(head, []);
  const removed = inline.filter(isRemovable);
  const owner = findOwner(body, trailing.start, removed);
  return { trailing, inline, owner };
}

function firstValidDate(fields: Field[], kind: FieldKind): IsoDate | null {
  for (const f of fields) {
    if (f.kind !== kind) continue;
    const date = parseIsoDate(f.value);
    if (date !== null) return date;
  }
  return null;
}

/**
 * Reads a task line as an agreement, or null when the line is not a task. Never throws. It is open
 * as `isOpenStatus` says, with Tasks' status settings when given.
 */
export function parseAgreement(line: string, statuses: ReadonlyMap<string, StatusType> = TASKS_DEFAULTS.statuses): ParsedAgreement | null {
  const task = parseTaskLine(line);
  if (!task) return null;
  const body = task.body;
  const { trailing, inline, owner } = analyseBody(body);
  // Trailing fields are listed from the end: the last one written wins, as in Tasks.
  const fields = [...trailing.fields, ...inline];
  const removed: { start: number; end: number }[] = fields.filter(isRemovable);
  const description = withoutSpans(body, removed);
  const leadSpan = owner ? null : findLead(body, trailing.start, removed);
  if (owner) removed.push(owner);
  const text = withoutSpans(body, removed);
  const lead = leadSpan ? { name: leadSpan.name, text: leadSpan.end > leadSpan.start ? withoutSpans(body, [...removed, leadSpan]) : text } : null;

  const tags: string[] = [];
  TAGS_ANYWHERE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TAGS_ANYWHERE.exec(body)) !== null) {
    const tag = m[2] ?? "";
    if (!/^\d+$/.test(tag) && !tags.includes(tag)) tags.push(tag);
  }
  const blockId = trailing.fields.find((f) => f.kind === "block-id")?.value ?? null;

  return {
    task,
    open: isOpenStatus(task.status, statuses),
    owner: owner ? owner.owner : { kind: "none" },
    text,
    description,
    lead,
    due: firstValidDate(fields, "due"),
    done: firstValidDate(fields, "done"),
    recurring: fields.some((f) => f.kind === "recurrence") || body.includes("🔁"),
    blockId,
    tags,
  };
}

// ---------------------------------------------------------------------------------------------
// Edits

const DONE_DATE_ANYWHERE = new RegExp(`${DONE_EMOJI} *\\d{4}-\\d{2}-\\d{2}`, "g");
const COMPLETION_FIELD = /\[\s*completion\s*::[^[\]]*\]|\(\s*completion\s*::[^()[\]]*\)/gi;

function hasDoneDate(body: string): boolean {
  DONE_DATE_ANYWHERE.lastIndex = 0;
  COMPLETION_FIELD.lastIndex = 0;
  return DONE_DATE_ANYWHERE.test(body) || COMPLETION_FIELD.test(body);
}

/** Removes every done date together with the spaces before it. */
function removeDoneDates(body: string): string {
  const spans: { start: number; end: number }[] = [];
  for (const pattern of [DONE_DATE_ANYWHERE, COMPLETION_FIELD]) {
    pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = pattern.exec(body)) !== null) {
      let start = m.index;
      while (start > 0 && isSpace(body[start - 1])) start--;
      spans.push({ start, end: m.index + m[0].length });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  let out = "";
  let p = 0;
  for (const s of spans) {
    if (s.end <= p) continue;
    out += body.slice(p, Math.max(p, s.start));
    p = s.end;
  }
  return out + body.slice(p);
}

/** Where a done date goes: after the last field or word, before trailing tags and a block id. */
function doneDateIndex(body: string, trailing: TrailingScan): number {
  let index = body.length;
  for (const f of trailing.fields) {
    if (f.kind !== "tag" && f.kind !== "block-id") break;
    index = f.start;
  }
  while (index > 0 && isWhiteAt(body, index - 1)) index--;
  return index;
}

/**
 * The way a line writes its fields: Dataview's (`[due:: …]`) when it has such fields and no emoji
 * fields, Tasks' emoji when it has those, else `fallback` (the format chosen in the settings).
 */
function fieldSyntax(trailing: TrailingScan, inline: Field[], fallback: DueDateSyntax): DueDateSyntax {
  const fields = [...trailing.fields, ...inline];
  const dataview = fields.some((f) => f.key !== undefined && f.kind !== "dataview");
  const emoji = fields.some((f) => f.key === undefined && f.kind !== "tag" && f.kind !== "block-id");
  if (emoji) return "tasks";
  return dataview ? "dataview" : fallback;
}

export interface ToggleOptions {
  done: boolean;
  today: IsoDate;
  /** Write a done date (`✅ YYYY-MM-DD`, or `[completion:: …]` on a line in Dataview style). */
  doneDates: boolean;
  /** The date format for a line without date fields of its own (Tasks' emoji when not given). */
  syntax?: DueDateSyntax;
}

/**
 * Ticks a task (`[x]` plus, if asked, a done date before trailing tags and the block id) or
 * un-ticks it (`[ ]`, done dates removed). A line that is not a task comes back unchanged.
 */
export function toggleTaskLine(line: string, options: ToggleOptions): string {
  const task = parseTaskLine(line);
  if (!task) return line;
  if (!options.done) {
    return serializeTaskLine({ ...task, status: " ", body: removeDoneDates(task.body) });
  }
  const status = task.status === "x" || task.status === "X" ? task.status : "x";
  let body = task.body;
  if (options.doneDates && isValidIsoDate(options.today) && !hasDoneDate(body)) {
    const { trailing, inline } = analyseBody(body);
    const index = doneDateIndex(body, trailing);
    const before = body.slice(0, index);
    const dataview = fieldSyntax(trailing, inline, options.syntax ?? "tasks") === "dataview";
    const field = dataview ? `${dataviewGap(before)}[completion:: ${options.today}]` : ` ✅ ${options.today}`;
    body = `${before}${field}${body.slice(index)}`;
  }
  return serializeTaskLine({ ...task, status, body });
}

export type ToggleInTextResult =
  | { ok: true; text: string; line: number }
  | { ok: false; reason: "gone" | "ambiguous" | "not-a-task" };

function withoutCr(line: string): string {
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}

const FENCE = /^(?:[ \t]*>)*[ \t]{0,3}(`{3,}|~{3,})/;

/**
 * For each line: true when Obsidian does not read it as note content — front matter, fenced code
 * blocks (fence lines included) and `%% … %%` or `<!-- … -->` comments that span lines. A line
 * that starts inside a comment, or starts with a comment that opens there, is hidden.
 */
export function hiddenLineMask(lines: string[]): boolean[] {
  const mask: boolean[] = lines.map(() => false);
  let i = 0;
  if (withoutCr(lines[0] ?? "") === "---") {
    for (let j = 1; j < lines.length; j++) {
      const l = withoutCr(lines[j] ?? "");
      if (l === "---" || l === "...") {
        for (let k = 0; k <= j; k++) mask[k] = true;
        i = j + 1;
        break;
      }
    }
  }
  let fence: string | null = null;
  let comment: "%%" | "<!--" | null = null;
  for (; i < lines.length; i++) {
    const line = withoutCr(lines[i] ?? "");
    if (fence !== null) {
      mask[i] = true;
      const m = FENCE.exec(line);
      const marker = m?.[1];
      if (m && marker && marker[0] === fence[0] && marker.length >= fence.length) {
        if (line.slice(m.index + m[0].length).trim() === "") fence = null;
      }
      continue;
    }
    if (comment === null) {
      const m = FENCE.exec(line);
      if (m) {
        fence = m[1] ?? "```";
        mask[i] = true;
        continue;
      }
      const trimmed = line.trimStart();
      if (trimmed.startsWith("%%") || trimmed.startsWith("<!--")) mask[i] = true;
    } else {
      mask[i] = true;
    }
    comment = commentStateAfter(line, comment);
  }
  return mask;
}

/** Whether a comment is open at the end of a line, given whether one was open at its start. */
function commentStateAfter(line: string, open: "%%" | "<!--" | null): "%%" | "<!--" | null {
  let state = open;
  let p = 0;
  while (p < line.length) {
    if (state === null) {
      const percent = line.indexOf("%%", p);
      const html = line.indexOf("<!--", p);
      if (percent < 0 && html < 0) break;
      if (html < 0 || (percent >= 0 && percent < html)) {
        state = "%%";
        p = percent + 2;
      } else {
        state = "<!--";
        p = html + 4;
      }
    } else {
      const close = line.indexOf(state === "%%" ? "%%" : "-->", p);
      if (close < 0) break;
      p = close + (state === "%%" ? 2 : 3);
      state = null;
    }
  }
  return state;
}

/**
 * Toggles one task in a note's text. The line is found by its text: at `target.line` if it still
 * reads `target.original`, otherwise as the only such line outside code blocks, comments and front matter. Line endings
 * (CRLF or LF, with or without a final newline) are kept.
 */
export function toggleInText(
  text: string,
  target: { line: number; original: string },
  options: ToggleOptions,
): ToggleInTextResult {
  const lines = text.split("\n");
  const original = withoutCr(target.original);
  let index = -1;
  const expected = lines[target.line];
  if (Number.isInteger(target.line) && expected !== undefined && withoutCr(expected) === original) {
    index = target.line;
  } else {
    const mask = hiddenLineMask(lines);
    const matches: number[] = [];
    lines.forEach((l, i) => {
      if (!mask[i] && withoutCr(l) === original) matches.push(i);
    });
    if (matches.length === 0) return { ok: false, reason: "gone" };
    if (matches.length > 1) return { ok: false, reason: "ambiguous" };
    index = matches[0] ?? -1;
  }
  const current = lines[index] ?? "";
  const content = withoutCr(current);
  if (!parseTaskLine(content)) return { ok: false, reason: "not-a-task" };
  lines[index] = toggleTaskLine(content, options) + (current.endsWith("\r") ? "\r" : "");
  return { ok: true, text: lines.join("\n"), line: index };
}

/** Every task in a note's text outside front matter, code blocks and comments, with its line number. */
export function agreementsInText(text: string): { line: number; agreement: ParsedAgreement }[] {
  const lines = text.split("\n");
  const mask = hiddenLineMask(lines);
  const out: { line: number; agreement: ParsedAgreement }[] = [];
  lines.forEach((l, i) => {
    if (mask[i]) return;
    const agreement = parseAgreement(withoutCr(l));
    if (agreement) out.push({ line: i, agreement });
  });
  return out;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * The space written before a Dataview field: two spaces after a closing `]` — a field or a link
 * (Obsidian reads `[a] [b]` as a reference link and hides the second; Tasks and Dataview document
 * two spaces between fields, and Tasks writes them so) — else one.
 */
export function dataviewGap(before: string): string {
  return before.trimEnd().endsWith("]") ? "  " : " ";
}

/** The due date field in the chosen syntax: `📅 2026-11-25` or `[due:: 2026-11-25]`. */
export function formatDueField(due: IsoDate, syntax: DueDateSyntax): string {
  return syntax === "dataview" ? `[due:: ${due}]` : `📅 ${due}`;
}

/**
 * A new open agreement: `- [ ] @me intro Anya 📅 2026-11-25`. The owner is `@me`, a `[[link]]`,
 * an `@name` or empty; line breaks in the text become spaces; an invalid due date is left out.
 * An agreement tag (`accountability`) and then Tasks' global filter (`#task`) go after the text,
 * each unless the line has it already, so that Tasks reads the line as a task.
 */
export function formatAgreement(input: {
  owner: string;
  text: string;
  due: IsoDate | null;
  syntax: DueDateSyntax;
  tag?: string;
  globalFilter?: string;
}): string {
  const parts = [oneLine(input.owner), oneLine(input.text)];
  const tag = (input.tag ?? "").replace(/^#+/, "").trim();
  const words = oneLine(input.text).toLowerCase().split(" ");
  if (tag !== "" && !words.includes(`#${tag.toLowerCase()}`)) parts.push(`#${tag}`);
  const filter = input.globalFilter ?? "";
  if (!passesGlobalFilter(parts.join(" "), filter)) parts.push(filter.trim());
  let content = parts.filter((p) => p !== "").join(" ");
  if (input.due !== null && isValidIsoDate(input.due)) {
    const field = formatDueField(input.due, input.syntax);
    content = content === "" ? field : `${content}${input.syntax === "dataview" ? dataviewGap(content) : " "}${field}`;
  }
  return content === "" ? "- [ ]" : `- [ ] ${content}`;
}


/**
 * The body with a note such as `(from [[…]])` after the description and before the trailing
 * fields, tags and block id (Tasks reads those from the end); an earlier note matching `earlier`
 * is replaced.
 */
function withNoteBeforeFields(body: string, note: string, earlier: RegExp, allowBlockId: boolean): string {
  const fields = scanTrailing(body, allowBlockId);
  let head = body.slice(0, fields.start).replace(earlier, "");
  const tail = body.slice(fields.start);
  head = head.trim() === "" ? ` ${note}` : `${head} ${note}`;
  return head + tail;
}

/** `[[1-1s/Anya/2026-11-14]]` or `1-1s/Anya/2026-11-14` → `1-1s/Anya/2026-11-14`. */
function linkTarget(link: string): string {
  return link.trim().replace(/^\[\[/, "").replace(/\]\]$/, "");
}

/**
 * A copy of a task for a new note: same status, no indentation or quote markers, a `- ` marker,
 * ` (from [[source]])` after the description and before the fields (Tasks reads those from the
 * end), no block id. An earlier `(from [[…]])` is replaced.
 */
export function forwardedCopy(line: string, sourceLink: string): string {
  const task = parseTaskLine(line);
  if (!task) return line;
  let body = task.body;
  const { trailing } = analyseBody(body);
  const blockId = trailing.fields.find((f) => f.kind === "block-id");
  if (blockId) {
    let start = blockId.start;
    while (start > 0 && isWhiteAt(body, start - 1)) start--;
    body = body.slice(0, start) + body.slice(blockId.end);
  }
  // The block id is gone: what is now last is description, even if it looks like one.
  body = withNoteBeforeFields(body.trimEnd(), `(from [[${linkTarget(sourceLink)}]])`, FROM_NOTE, false);
  return serializeTaskLine({ prefix: "- ", status: task.status, body });
}

const FORWARDED_NOTE = / ?\(forwarded to \[\[[^[\]]*\]\]\)/;

/**
 * Marks the original of a forwarded agreement: status `[x]` — the one status that Tasks (done) and
 * Dataview (`completed`) both read as no longer open, with their default settings — and
 * ` (forwarded to [[note]])` after the description, so that it does not read as done. No done
 * date; the rest of the line is kept. A line that is not a task comes back unchanged.
 */
export function markForwarded(line: string, targetLink: string): string {
  const task = parseTaskLine(line);
  if (!task) return line;
  const body = withNoteBeforeFields(task.body, `(forwarded to [[${linkTarget(targetLink)}]])`, FORWARDED_NOTE, true);
  return serializeTaskLine({ ...task, status: "x", body });
}
