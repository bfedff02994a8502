import { atxHeading, codeLines } from "./markdown";
import { isPrivateHeading } from "./summary";

/** Lines `from`..`to` (0-based, inclusive) of a private section: its heading and everything under it. */
export interface LineRange {
  from: number;
  to: number;
}

/**
 * The private sections of a note — a heading matching one of `privateHeadings` or containing
 * "private" (as the shareable summary decides), down to the next heading of the same or a higher
 * level — as line ranges, for hiding them in discreet mode.
 */
export function privateLineRanges(text: string, privateHeadings: readonly string[]): LineRange[] {
  const lines = text.split("\n").map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
  const inCode = codeLines(lines);
  const ranges: LineRange[] = [];
  let open: { from: number; level: number } | null = null;
  lines.forEach((line, index) => {
    if (inCode[index]) return;
    const heading = atxHeading(line);
    if (!heading) return;
    if (open && heading.level <= open.level) {
      ranges.push({ from: open.from, to: index - 1 });
      open = null;
    }
    if (!open && isPrivateHeading(heading.text, privateHeadings)) open = { from: index, level: heading.level };
  });
  if (open !== null) ranges.push({ from: (open as { from: number }).from, to: lines.length - 1 });
  return ranges;
}

export function inRanges(line: number, ranges: readonly LineRange[]): boolean {
  return ranges.some((range) => line >= range.from && line <= range.to);
}
