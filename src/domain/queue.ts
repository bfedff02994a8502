/**
 * The queue of talking points in a person note: the list under a `## Next 1:1` heading (any
 * level; the heading text is compared case-insensitively). **Add talking point for…** appends to
 * it; **Start 1:1** reads it, writes the new note, then removes exactly the items it moved;
 * **Mark this 1:1 skipped** gives a 1:1's topics back to it (see `meeting-topics.ts`).
 *
 * An item is a list line at the list's own indentation together with the lines indented deeper
 * under it (children, continuation lines, blank lines between them). Its text is those lines
 * joined with `\n`, exactly as written (line endings aside). Edits keep every other byte of the
 * note, and new lines take the note's line ending.
 */
import { QUEUE_HEADING } from "../constants";
import {
  atxHeading,
  closingFence,
  detectEol,
  fenceOpenAfter,
  fenceStart,
  findHeading,
  frontMatterLength,
  indentWidth,
  isBlank,
  isThematicBreak,
  joinLines,
  listMarker,
  splitLines,
  textLines,
  unclosedFence,
  type Line,
} from "./markdown";

export { QUEUE_HEADING };

interface QueueItem {
  /** First line (index into the note's lines). */
  start: number;
  /** Line after the item (exclusive). */
  end: number;
  text: string;
}

interface QueueSection {
  /** The heading's line. */
  heading: number;
  /** The line after the section (exclusive). */
  end: number;
  items: QueueItem[];
}

function sameHeading(a: string, b: string): boolean {
  return a.trim().replace(/\s+/g, " ").toLowerCase() === b.trim().replace(/\s+/g, " ").toLowerCase();
}

/** A line that continues the paragraph above it rather than starting a block of its own. */
function isLazyContinuation(line: string): boolean {
  return (
    !isBlank(line) &&
    !listMarker(line) &&
    !atxHeading(line) &&
    !fenceStart(line) &&
    !isThematicBreak(line) &&
    !/^ {0,3}>/.test(line)
  );
}

/** Lines `from` to `to` (exclusive) of a note: a part of it, such as one entry of a log. */
export interface LineRange {
  from: number;
  to: number;
}

function findQueue(lines: readonly Line[], heading: string, range?: LineRange): QueueSection | null {
  const texts = lines.map((line) => line.text);
  const to = Math.min(range?.to ?? texts.length, texts.length);
  const { at, level, inCode } = findHeading(texts, (text) => sameHeading(text, heading), range?.from ?? 0);
  if (at < 0 || at >= to) return null;

  let end = to;
  for (let i = at + 1; i < to; i++) {
    if (inCode[i]) continue;
    const found = atxHeading(texts[i] ?? "");
    if (found && found.level <= level) {
      end = i;
      break;
    }
  }

  const items: QueueItem[] = [];
  let i = at + 1;
  while (i < end) {
    const text = texts[i] ?? "";
    const list = inCode[i] ? null : listMarker(text);
    if (!list) {
      i++;
      continue;
    }
    // The item runs on over lines indented deeper than its marker (children, blank lines
    // between them) and over lazy continuation lines of its text.
    const base = indentWidth(text);
    let last = i;
    let j = i + 1;
    while (j < end) {
      const next = texts[j] ?? "";
      if (isBlank(next)) {
        j++;
        continue;
      }
      const deeper = indentWidth(next) > base && (inCode[j] || !atxHeading(next));
      const lazy = j === last + 1 && !inCode[j] && isLazyContinuation(next);
      if (deeper || lazy) {
        last = j;
        j++;
        continue;
      }
      break;
    }
    items.push({ start: i, end: last + 1, text: texts.slice(i, last + 1).join("\n") });
    i = last + 1;
  }
  return { heading: at, end, items };
}

/**
 * The items of the queue, in order; [] when the note has no such heading. With a range, the
 * list under the first such heading within it (any list under a heading reads the same way).
 */
export function readQueue(text: string, heading: string = QUEUE_HEADING, range?: LineRange): string[] {
  const queue = findQueue(splitLines(text), heading, range);
  return queue ? queue.items.map((item) => item.text) : [];
}

/** Indentation and marker for a new item: those of the last item, the next number if numbered. */
function nextMarker(queue: QueueSection): { indent: string; marker: string } {
  const last = queue.items[queue.items.length - 1];
  const list = last ? listMarker(last.text.split("\n")[0] ?? "") : null;
  if (!list) return { indent: "", marker: "-" };
  const ordered = /^(\d+)([.)])$/.exec(list.marker);
  const marker = ordered ? `${Number(ordered[1]) + 1}${ordered[2] ?? "."}` : list.marker;
  return { indent: list.indent, marker };
}

/**
 * A talking point as the lines of a list item: a list marker is added unless the text has one
 * (`[ ] task` becomes `- [ ] task`); further lines are indented under it. [] for blank text.
 */
function itemLines(item: string, indent: string, marker: string): string[] {
  const lines = textLines(item).map((line) => line.trimEnd());
  while (lines.length > 0 && isBlank(lines[0] ?? "")) lines.shift();
  while (lines.length > 0 && isBlank(lines[lines.length - 1] ?? "")) lines.pop();
  const first = lines.shift();
  if (first === undefined) return [];
  const own = listMarker(first);
  const rest = (own ? first.slice(own.prefix.length) : first).trim();
  const head = `${indent}${marker}${rest === "" ? "" : " " + rest}`;
  const childIndent = indent + " ".repeat(marker.length + 1);
  return [head, ...lines.map((line) => (line.trim() === "" ? "" : childIndent + line.trim()))];
}

/**
 * Adds a talking point at the end of the queue's list. When the note has no queue heading, a
 * `## Next 1:1` section is added at the end of the note, after a blank line.
 */
export function appendToQueue(text: string, item: string, heading: string = QUEUE_HEADING): string {
  const eol = detectEol(text);
  const lines = splitLines(text);
  const queue = findQueue(lines, heading);

  if (!queue) {
    const added = itemLines(item, "", "-");
    if (added.length === 0) return text;
    let prefix = "";
    const last = lines[lines.length - 1];
    if (last !== undefined) {
      if (last.eol === "") prefix += eol;
      // A code block left open at the end would swallow the new heading: it is closed first.
      const texts = lines.map((line) => line.text);
      const fence = unclosedFence(texts, frontMatterLength(texts));
      if (fence) prefix += closingFence(fence) + eol + eol;
      else if (!isBlank(last.text)) prefix += eol;
    }
    const title = heading.replace(/[\r\n]+/g, " ").trim() || QUEUE_HEADING;
    return text + prefix + [`## ${title}`, ...added].join(eol) + eol;
  }

  const next = nextMarker(queue);
  const added = itemLines(item, next.indent, next.marker);
  if (added.length === 0) return text;
  const texts = lines.map((line) => line.text);
  const openAfter = fenceOpenAfter(texts, frontMatterLength(texts));
  const lastItem = queue.items[queue.items.length - 1];
  let after = lastItem ? lastItem.end - 1 : queue.end - 1;
  // Not inside a code block (the heading line never is), and without items not after blank lines.
  while (after > queue.heading && (openAfter[after] || (!lastItem && isBlank(texts[after] ?? "")))) after--;
  const anchor = lines[after];
  if (anchor === undefined) return text;
  if (anchor.eol === "") {
    // The note ends on this line without a line ending: the new item does too.
    return text + eol + added.join(eol);
  }
  let offset = 0;
  for (let i = 0; i <= after; i++) offset += (lines[i]?.text.length ?? 0) + (lines[i]?.eol.length ?? 0);
  return text.slice(0, offset) + added.join(eol) + eol + text.slice(offset);
}

/**
 * Removes exactly the given items from the queue (each once, by its text as `readQueue` gave it);
 * items added meanwhile, the heading and everything else stay as they are.
 */
export function removeFromQueue(
  text: string,
  items: readonly string[],
  heading: string = QUEUE_HEADING,
  range?: LineRange,
): string {
  const lines = splitLines(text);
  const queue = findQueue(lines, heading, range);
  if (!queue || items.length === 0) return text;

  const remove = new Set<number>();
  const used = new Set<QueueItem>();
  for (const wanted of items) {
    const key = textLines(wanted).join("\n");
    const match = queue.items.find((candidate) => !used.has(candidate) && candidate.text === key);
    if (!match) continue;
    used.add(match);
    for (let i = match.start; i < match.end; i++) remove.add(i);
  }
  if (remove.size === 0) return text;

  const kept = lines.filter((_, i) => !remove.has(i)).map((line) => ({ ...line }));
  const lastLine = lines[lines.length - 1];
  if (lastLine && lastLine.eol === "" && remove.has(lines.length - 1)) {
    // The note ended without a line ending on a removed line: so does it now.
    const last = kept[kept.length - 1];
    if (last) last.eol = "";
  }
  return joinLines(kept);
}
