/**
 * The shareable summary of a 1:1 note: what can be pasted into a message to the other person.
 *
 * Left out: the front matter; every private section (a heading equal to one of the configured
 * private headings, or containing the word "private", down to the next heading of the same or a
 * higher level); quotes and callouts marked private; comments, Obsidian's `%% … %%` and HTML's
 * `<!-- … -->`; live query blocks (`one-on-ones`, `dataview`, `dataviewjs`, `tasks`, `query`,
 * `base`), whose source means nothing outside Obsidian, unless the caller renders them; headings
 * left with nothing under them. Runs of blank lines become one. The result uses LF line endings.
 *
 * Leaving out too much is always preferred to leaking: a setext heading (`Text` over `---`)
 * can start a private section but never ends one, because inside private notes a line over a
 * `---` separator would otherwise turn into a public heading.
 */
import { CODE_BLOCK_LANGUAGE } from "../constants";
import { datedHeading } from "./written-dates";
import {
  atxHeading,
  closesFence,
  codeLines,
  fenceStart,
  frontMatterLength,
  isBlank,
  isThematicBreak,
  listMarker,
  textLines,
  type Fence,
} from "./markdown";
import type { IsoDate } from "./types";

export interface SummaryOptions {
  /** Headings whose sections are private, compared case-insensitively (e.g. `Private notes`). */
  privateHeadings: string[];
  /**
   * Markdown to put in place of a live query block (e.g. the open agreements as a list), or
   * null to leave the block out. Without it every such block is left out.
   */
  renderBlock?: (language: string, source: string) => string | null;
}

/** Code block languages whose content is a live query rather than something to read. */
export const QUERY_BLOCK_LANGUAGES: readonly string[] = [
  CODE_BLOCK_LANGUAGE,
  "dataview",
  "dataviewjs",
  "tasks",
  "query",
  "base",
  "bases",
];

type Item = { kind: "line"; text: string } | { kind: "code"; fence: Fence; lines: string[] };

const PRIVATE_WORD = /(?:^|[^a-z0-9])(?:private|privat|privé|privée|privado|privada|privato|privata)(?:$|[^a-z0-9])/i;

/** Whether a code point is decoration around a heading's words: space, punctuation, symbol, emoji. */
function isDecoration(codePoint: number): boolean {
  if (codePoint < 0x80) {
    const char = String.fromCharCode(codePoint);
    return !/[0-9A-Za-z]/.test(char);
  }
  return (
    codePoint <= 0xbf || // Latin-1 punctuation and symbols
    (codePoint >= 0x2000 && codePoint <= 0x2bff) || // punctuation, arrows, symbols, dingbats
    (codePoint >= 0x3000 && codePoint <= 0x303f) || // CJK punctuation
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || // variation selectors
    (codePoint >= 0xe000 && codePoint <= 0xf8ff) || // private use
    codePoint >= 0x1f000 // emoji and pictographs
  );
}

/** A heading's words for comparison: decoration at both ends trimmed, spaces collapsed, lower case. */
export function headingKey(text: string): string {
  const chars = Array.from(text.replace(/[*_~=`]/g, " "));
  let from = 0;
  let to = chars.length;
  while (from < to && isDecoration(chars[from]?.codePointAt(0) ?? 0)) from++;
  while (to > from && isDecoration(chars[to - 1]?.codePointAt(0) ?? 0)) to--;
  return chars.slice(from, to).join("").replace(/\s+/g, " ").toLowerCase();
}

/** Whether a heading (or callout title) starts a private section. */
export function isPrivateHeading(text: string, privateHeadings: readonly string[]): boolean {
  if (PRIVATE_WORD.test(text)) return true;
  const key = headingKey(text);
  if (key === "") return false;
  return privateHeadings.some((heading) => {
    const other = headingKey(heading);
    return other !== "" && other === key;
  });
}

/** What closes a comment: `%%` for an Obsidian comment, `-->` for an HTML comment. */
type CommentEnd = "%%" | "-->";

/**
 * Removes comments (`%% … %%` and `<!-- … -->`) from one line; `open` says which comment, if any,
 * runs on past it.
 */
function stripComments(line: string, inComment: CommentEnd | null): { text: string; open: CommentEnd | null } {
  let text = "";
  let pos = 0;
  let open = inComment;
  for (;;) {
    if (open) {
      const at = line.indexOf(open, pos);
      if (at < 0) return { text, open };
      pos = at + open.length;
      open = null;
    } else {
      const obsidian = line.indexOf("%%", pos);
      const html = line.indexOf("<!--", pos);
      if (obsidian < 0 && html < 0) return { text: text + line.slice(pos), open: null };
      const isHtml = html >= 0 && (obsidian < 0 || html < obsidian);
      const at = isHtml ? html : obsidian;
      text += line.slice(pos, at);
      // The search for the end starts after `%%` or `<!`: `<!-->` and `<!--->` are whole HTML
      // comments, their `-->` sharing the opening dashes.
      pos = at + 2;
      open = isHtml ? "-->" : "%%";
    }
  }
}

/** Lines and fenced code blocks, with comments taken out of the lines. */
function tokenize(lines: readonly string[]): Item[] {
  const items: Item[] = [];
  let inComment: CommentEnd | null = null;
  let code: { fence: Fence; lines: string[] } | null = null;
  for (const raw of lines) {
    if (code) {
      code.lines.push(raw);
      if (closesFence(raw, code.fence)) {
        items.push({ kind: "code", fence: code.fence, lines: code.lines });
        code = null;
      }
      continue;
    }
    if (!inComment) {
      const fence = fenceStart(raw);
      if (fence) {
        code = { fence, lines: [raw] };
        continue;
      }
    }
    const stripped = stripComments(raw, inComment);
    const hadComment = inComment !== null || stripped.open !== null || stripped.text !== raw;
    // Text after a comment that began on an earlier line has no indentation of its own.
    const text = hadComment ? (inComment ? stripped.text.trim() : stripped.text.trimEnd()) : raw;
    inComment = stripped.open;
    if (hadComment && isBlank(text)) continue;
    items.push({ kind: "line", text });
  }
  if (code) items.push({ kind: "code", fence: code.fence, lines: code.lines });
  return items;
}

const QUOTE = /^ {0,3}>/;

function quoteContent(line: string): string {
  return line.replace(/^(?:[ \t]*>)+[ \t]?/, "");
}

function setextLevel(line: string): number {
  const match = /^ {0,3}(=+|-+)[ \t]*$/.exec(line);
  if (!match) return 0;
  return (match[1] ?? "").startsWith("=") ? 1 : 2;
}

function isParagraphLine(item: Item | undefined): boolean {
  if (!item || item.kind !== "line") return false;
  const text = item.text;
  return !isBlank(text) && !atxHeading(text) && !listMarker(text) && !QUOTE.test(text) && !isThematicBreak(text);
}

/** Leaves out private sections, private quotes and callouts. */
function dropPrivate(items: readonly Item[], privateHeadings: readonly string[]): Item[] {
  const out: Item[] = [];
  let privateLevel = 0;
  let privateQuote = false;
  for (const item of items) {
    if (item.kind === "code") {
      privateQuote = false;
      if (privateLevel === 0) out.push(item);
      continue;
    }
    const text = item.text;
    const heading = atxHeading(text);
    if (privateLevel > 0) {
      if (heading && heading.level <= privateLevel) privateLevel = 0;
      else continue;
    }
    if (privateQuote) {
      // A private quote goes on to the next blank line, lazy continuation lines included.
      if (!isBlank(text) && !heading) continue;
      privateQuote = false;
    }
    if (heading && isPrivateHeading(heading.text, privateHeadings)) {
      privateLevel = heading.level;
      continue;
    }
    const setext = setextLevel(text);
    const previous = out[out.length - 1];
    if (setext > 0 && previous?.kind === "line" && isParagraphLine(previous)) {
      if (isPrivateHeading(previous.text, privateHeadings)) {
        out.pop();
        privateLevel = setext;
        continue;
      }
    }
    if (QUOTE.test(text)) {
      const inner = quoteContent(text);
      const callout = /^\[!([^\]]*)\][+-]?[ \t]*(.*)$/.exec(inner);
      const innerHeading = atxHeading(inner);
      const isPrivate = callout
        ? isPrivateHeading(callout[1] ?? "", privateHeadings) || isPrivateHeading(callout[2] ?? "", privateHeadings)
        : innerHeading !== null && isPrivateHeading(innerHeading.text, privateHeadings);
      if (isPrivate) {
        privateQuote = true;
        continue;
      }
    }
    out.push(item);
  }
  return out;
}

function renderQueries(items: readonly Item[], opts: SummaryOptions): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    if (item.kind !== "code" || !QUERY_BLOCK_LANGUAGES.includes(item.fence.language)) {
      out.push(item);
      continue;
    }
    const closed = item.lines.length > 1 && closesFence(item.lines[item.lines.length - 1] ?? "", item.fence);
    const source = item.lines.slice(1, closed ? -1 : undefined).join("\n");
    const rendered = opts.renderBlock?.(item.fence.language, source) ?? null;
    if (rendered === null || isBlank(rendered)) continue;
    // What the caller renders is trusted Markdown from the same note, but it is read as lines
    // so that a fence in it is kept whole.
    out.push(...tokenize(textLines(rendered)));
  }
  return out;
}

function isContent(item: Item): boolean {
  if (item.kind === "code") return true;
  return !isBlank(item.text) && !isThematicBreak(item.text) && setextLevel(item.text) === 0;
}

/** Leaves out headings with nothing under them (sub-headings do not count as something). */
function dropEmptyHeadings(items: readonly Item[]): Item[] {
  const keep = new Set<number>();
  const open: { index: number; level: number }[] = [];
  items.forEach((item, index) => {
    const heading = item.kind === "line" ? atxHeading(item.text) : null;
    if (heading) {
      while (open.length > 0 && (open[open.length - 1]?.level ?? 0) >= heading.level) open.pop();
      open.push({ index, level: heading.level });
      return;
    }
    if (isContent(item)) for (const entry of open) keep.add(entry.index);
  });
  return items.filter((item, index) => item.kind !== "line" || !atxHeading(item.text) || keep.has(index));
}

function toLines(items: readonly Item[]): string[] {
  const lines: string[] = [];
  let blank = true; // at the start, blank lines are dropped
  let lastBreak = false;
  for (const item of items) {
    if (item.kind === "code") {
      lines.push(...item.lines);
      blank = false;
      lastBreak = false;
      continue;
    }
    const text = item.text;
    if (isBlank(text)) {
      if (!blank) lines.push("");
      blank = true;
      continue;
    }
    const brk = isThematicBreak(text) && blank;
    if (brk && (lastBreak || lines.length === 0)) continue;
    lines.push(text);
    blank = false;
    lastBreak = brk;
  }
  // Trailing blank lines and separators that now separate nothing.
  for (;;) {
    const last = lines[lines.length - 1];
    if (last === undefined) break;
    if (isBlank(last)) {
      lines.pop();
      continue;
    }
    const before = lines[lines.length - 2];
    if (isThematicBreak(last) && (before === undefined || isBlank(before))) {
      lines.pop();
      continue;
    }
    break;
  }
  return lines;
}

/** Everything of a note but what is private; "" when nothing is left. */
export function shareableSummary(noteText: string, opts: SummaryOptions): string {
  const all = textLines(noteText);
  const body = all.slice(frontMatterLength(all));
  let items = tokenize(body);
  items = dropPrivate(items, opts.privateHeadings);
  items = renderQueries(items, opts);
  items = dropEmptyHeadings(items);
  const lines = toLines(items);
  return lines.length === 0 ? "" : lines.join("\n") + "\n";
}

export interface LogEntryRange {
  date: IsoDate;
  /** Line of the dated heading (0-based). */
  start: number;
  /**
   * The entry's last line (0-based, inclusive): the line before the next heading of the same or
   * a higher level, or the note's last line. The entry is `lines.slice(start, end + 1)`.
   */
  end: number;
}

/**
 * The running-log entry a line belongs to: the innermost dated heading whose section contains
 * the line. Lines are counted from 0, as the editor does; front matter and code are skipped.
 */
export function logEntryAt(text: string, line: number): LogEntryRange | null {
  const lines = textLines(text);
  if (!Number.isInteger(line) || line < 0 || line >= lines.length) return null;
  const start = frontMatterLength(lines);
  const inCode = codeLines(lines, start);
  const open: { line: number; level: number; date: IsoDate | null }[] = [];
  for (let i = start; i <= line; i++) {
    if (inCode[i]) continue;
    const heading = atxHeading(lines[i] ?? "");
    if (!heading) continue;
    while (open.length > 0 && (open[open.length - 1]?.level ?? 0) >= heading.level) open.pop();
    open.push({ line: i, level: heading.level, date: datedHeading(heading.text) });
  }
  let entry: { line: number; level: number; date: IsoDate } | null = null;
  for (let k = open.length - 1; k >= 0 && entry === null; k--) {
    const candidate = open[k];
    if (candidate && candidate.date !== null) entry = { line: candidate.line, level: candidate.level, date: candidate.date };
  }
  if (!entry) return null;
  let end = lines.length - 1;
  for (let i = line + 1; i < lines.length; i++) {
    if (inCode[i]) continue;
    const heading = atxHeading(lines[i] ?? "");
    if (heading && heading.level <= entry.level) {
      end = i - 1;
      break;
    }
  }
  return { date: entry.date, start: entry.line, end };
}

/** The text of one log entry (LF line endings), e.g. to summarize it. */
export function logEntryText(text: string, entry: { start: number; end: number }): string {
  return textLines(text)
    .slice(entry.start, entry.end + 1)
    .join("\n");
}
