/**
 * Small, line-based Markdown helpers shared by the modules that read and edit notes
 * (agenda, queue, summary). They keep every byte they do not understand: a note is split into
 * lines with their own line endings and put back together unchanged.
 */

export type Eol = "\n" | "\r\n";

export interface Line {
  /** The line without its line ending. */
  text: string;
  /** `\n`, `\r\n`, or "" for a last line without a line ending. */
  eol: string;
}

/** Splits text into lines that `joinLines` puts back together byte for byte. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf("\n", start);
    if (newline < 0) {
      lines.push({ text: text.slice(start), eol: "" });
      break;
    }
    const crlf = newline > start && text.charCodeAt(newline - 1) === 13;
    lines.push({ text: text.slice(start, crlf ? newline - 1 : newline), eol: crlf ? "\r\n" : "\n" });
    start = newline + 1;
  }
  return lines;
}

export function joinLines(lines: readonly Line[]): string {
  let text = "";
  for (const line of lines) text += line.text + line.eol;
  return text;
}

/** The line ending a file uses: that of its first line, `\n` when it has none. */
export function detectEol(text: string): Eol {
  const newline = text.indexOf("\n");
  return newline > 0 && text.charCodeAt(newline - 1) === 13 ? "\r\n" : "\n";
}

/** Lines of a text as plain strings, whatever its line endings. */
export function textLines(text: string): string[] {
  return text.replace(/\r\n?/g, "\n").split("\n");
}

/** How many lines the front matter takes at the start (0 when there is none or it is not closed). */
export function frontMatterLength(lines: readonly string[]): number {
  if (lines.length === 0 || (lines[0] ?? "").trimEnd() !== "---") return 0;
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] ?? "").trimEnd();
    if (line === "---" || line === "...") return i + 1;
  }
  return 0;
}

export interface Heading {
  level: number;
  /** The heading's text without `#` marks and closing hashes. */
  text: string;
}

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

/** An ATX heading (`## Text`); `#tag` is not a heading. */
export function atxHeading(line: string): Heading | null {
  const match = ATX_HEADING.exec(line);
  if (!match) return null;
  const marks = match[1] ?? "#";
  const text = (match[2] ?? "").replace(/^#+$/, "").trim();
  return { level: marks.length, text };
}

export interface Fence {
  char: string;
  length: number;
  /** The info string's first word, lower-cased (`one-on-ones`, `dataview`…). */
  language: string;
}

const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})[ \t]*([^\s`]*)(.*)$/;
const FENCE_CLOSE = /^[ \t]*(`{3,}|~{3,})[ \t]*$/;

/** The fence a line opens, if it is a code fence's opening line. */
export function fenceStart(line: string): Fence | null {
  const match = FENCE_OPEN.exec(line);
  if (!match) return null;
  const marks = match[1] ?? "```";
  const rest = (match[2] ?? "") + (match[3] ?? "");
  // A backtick fence's info string may not contain a backtick.
  if (marks.startsWith("`") && rest.includes("`")) return null;
  return { char: marks.charAt(0), length: marks.length, language: (match[2] ?? "").toLowerCase() };
}

export function closesFence(line: string, fence: Fence): boolean {
  const match = FENCE_CLOSE.exec(line);
  if (!match) return false;
  const marks = match[1] ?? "";
  return marks.charAt(0) === fence.char && marks.length >= fence.length;
}

/** For each line: whether it belongs to a fenced code block (its fences included). */
export function codeLines(lines: readonly string[], from = 0): boolean[] {
  const inCode = new Array<boolean>(lines.length).fill(false);
  let fence: Fence | null = null;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (fence) {
      inCode[i] = true;
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    fence = fenceStart(line);
    if (fence) inCode[i] = true;
  }
  return inCode;
}

/** Walks the code fences from `from`, telling `each` whether a block is open after each line. */
function scanFences(lines: readonly string[], from: number, each?: (index: number, open: boolean) => void): Fence | null {
  let fence: Fence | null = null;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (fence) {
      if (closesFence(line, fence)) fence = null;
    } else {
      fence = fenceStart(line);
    }
    each?.(i, fence !== null);
  }
  return fence;
}

/** For each line: whether a code block is still open after it (text added there would be code). */
export function fenceOpenAfter(lines: readonly string[], from = 0): boolean[] {
  const open = new Array<boolean>(lines.length).fill(false);
  scanFences(lines, from, (index, isOpen) => (open[index] = isOpen));
  return open;
}

/** The fence still open after the last line (a code block never closed), or null. */
export function unclosedFence(lines: readonly string[], from = 0): Fence | null {
  return scanFences(lines, from);
}

/** The line that closes a fence. */
export function closingFence(fence: Fence): string {
  return fence.char.repeat(fence.length);
}

/** The width of a line's leading whitespace, a tab counting as four columns. */
export function indentWidth(line: string): number {
  let width = 0;
  for (const char of line) {
    if (char === " ") width += 1;
    else if (char === "\t") width += 4 - (width % 4);
    else break;
  }
  return width;
}

const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|$)/;

export interface ListMarker {
  indent: string;
  marker: string;
  /** The whole prefix up to the item's text, e.g. `  - `. */
  prefix: string;
}

/** The list marker a line starts with, if it is a list item. */
export function listMarker(line: string): ListMarker | null {
  const match = LIST_ITEM.exec(line);
  if (!match) return null;
  return { indent: match[1] ?? "", marker: match[2] ?? "-", prefix: match[0] };
}

export function isBlank(line: string): boolean {
  return line.trim() === "";
}

/** `---`, `***` or `___` (with optional spaces) on a line of its own. */
export function isThematicBreak(line: string): boolean {
  return /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/.test(line);
}

/** YAML words that a plain scalar would turn into a boolean or null. */
const YAML_WORDS = /^(?:true|false|yes|no|y|n|on|off|null|~)$/i;
/** Letters first, then letters, digits, marks, spaces and harmless punctuation: safe unquoted. */
const PLAIN = /^\p{L}[\p{L}\p{N}\p{M} .'/_()&-]*$/u;

/**
 * A string as a YAML scalar, how every property the plugin writes as text is written: plain when
 * that cannot change its meaning, else double-quoted with JSON's escapes (valid in YAML), plus
 * escapes for characters YAML does not allow as they are. `[[Robert "Bob" Smith]]` becomes
 * `"[[Robert \"Bob\" Smith]]"`.
 */
export function yamlString(value: string): string {
  if (PLAIN.test(value) && !YAML_WORDS.test(value) && !value.endsWith(" ") && !value.includes("  ")) return value;
  let out = "";
  for (const char of JSON.stringify(value)) {
    const code = char.codePointAt(0) ?? 0;
    if ((code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || code === 0xfeff) {
      out += `\\u${code.toString(16).padStart(4, "0")}`;
    } else out += char;
  }
  return out;
}

/**
 * The first heading outside front matter and code whose text passes `test` (from line `from`
 * on): its line and level, with the front matter's length and the code mask, which callers go
 * on using.
 */
export function findHeading(
  texts: readonly string[],
  test: (text: string) => boolean,
  from = 0,
): { at: number; level: number; start: number; inCode: boolean[] } {
  const start = frontMatterLength(texts);
  const inCode = codeLines(texts, start);
  for (let i = Math.max(start, from); i < texts.length; i++) {
    if (inCode[i]) continue;
    const heading = atxHeading(texts[i] ?? "");
    if (heading && test(heading.text)) return { at: i, level: heading.level, start, inCode };
  }
  return { at: -1, level: 0, start, inCode };
}
