// The fake metadata cache's Markdown parser: from a note's text, the `CachedMetadata` that
// Obsidian's own metadata cache produces. Checked field by field against metadata captured from
// real Obsidian (tests/fakes/conformance.test.ts).
//
// Block structure follows CommonMark (with GFM tables and Obsidian's callouts, `%%` comments,
// `$$` math and footnote definitions). Positions follow Obsidian's conventions, which differ
// from the CommonMark reference in a few places:
// - every block starts where its container's content starts on that line, so an indented list
//   item starts *before* its marker: `    - child` under `- parent` starts at column 2, a
//   top-level ` - item` at column 0, a `> - item` at column 2;
// - that content start is found by removing from each continuation line of a list item the
//   same number of columns: the least indentation among the item's non-blank lines, at most
//   the width of its marker with the spaces after it (a single-digit `N.` marker of odd width
//   counts one column more: under `1. a`, `    1. b` starts at column 4, under `1) a`,
//   `    1) b` at 3), and nothing when one of those lines is not indented at all; a tab only
//   partly removed is removed whole (`\t- child` under `- a` starts at column 1);
// - a list item followed by blank lines and then a sibling ends at the start of the line after
//   its last line (loose lists); otherwise it ends where its content ends;
// - in `listItems` an item ends at the end of its own content: the nested lists after it are
//   not included (an item holding only a nested list, as `- [ ] 1. text`, ends with it);
// - a task's checkbox belongs to the item's marker, so `- [ ] 1. text` holds a nested ordered
//   list starting right after `[ ] `; a task is any single character between the brackets;
// - a root item's `parent` is minus the line of the first item of its list (-1 when that is
//   line 0); a nested item's is its parent item's line;
// - after a quote's `>` only a space is part of the marker; a tab there is indentation, and
//   tabs in a quote's content are counted from the content's start (`>\t- b` is indented by 4);
// - `headings` holds the note's own headings only, not those inside quotes, callouts or lists.
// Inline: a tag needs whitespace (or the start of the text, or an inline element such as an
// escape or emphasis marker) before its `#`, ends at the first character Obsidian does not allow
// in tags, and is never purely numeric. Tags and links in code, math and HTML comments are
// ignored, those in `%%` comments are not; links with a URL scheme are not links. Front matter
// exists only between a `---` first line and the next `---` line; when its YAML is empty, not a
// mapping or invalid there is a `yaml` section but no `frontmatter`, `frontmatterPosition` or
// `frontmatterLinks`. Dates stay strings, empty values are null.
//
// Offsets are offsets into the given text; with CRLF line endings a column never counts the
// `\r`.
import type {
  BlockCache,
  CachedMetadata,
  EmbedCache,
  FrontMatterCache,
  FrontmatterLinkCache,
  HeadingCache,
  LinkCache,
  ListItemCache,
  Loc,
  Pos,
  SectionCache,
  TagCache,
} from "obsidian";
import { parseDocument } from "yaml";

// ---- Source text ---------------------------------------------------------------------------------

interface SourceLine {
  /** The line without its line ending. */
  text: string;
  /** Offset of the line's first character. */
  start: number;
  /** Index of the line's last character that is not a space or tab (-1 for a blank line). */
  lastNonSpace: number;
}

class Source {
  readonly lines: SourceLine[] = [];

  constructor(readonly text: string) {
    let start = 0;
    for (;;) {
      const newline = text.indexOf("\n", start);
      const end = newline === -1 ? text.length : newline > start && text[newline - 1] === "\r" ? newline - 1 : newline;
      const line = text.slice(start, end);
      let last = line.length - 1;
      while (last >= 0 && (line[last] === " " || line[last] === "\t")) last--;
      this.lines.push({ text: line, start, lastNonSpace: last });
      if (newline === -1) break;
      start = newline + 1;
    }
  }

  line(n: number): SourceLine {
    const line = this.lines[n];
    if (!line) throw new RangeError(`no line ${n}`);
    return line;
  }

  loc(offset: number): Loc {
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.line(mid).start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, col: offset - this.line(lo).start, offset };
  }

  pos(start: number, end: number): Pos {
    return { start: this.loc(start), end: this.loc(end) };
  }
}

// ---- Blocks --------------------------------------------------------------------------------------

type BlockKind =
  | "document"
  | "blockquote"
  | "list"
  | "item"
  | "footnoteDefinition"
  | "paragraph"
  | "heading"
  | "thematicBreak"
  | "code"
  | "html"
  | "table"
  | "math"
  | "comment";

/** A stretch of text whose inline content (tags, links) is scanned. */
interface Segment {
  from: number;
  to: number;
}

class Block {
  readonly children: Block[] = [];
  open = true;
  end: number;
  endLine: number;
  /** Inline content, in order. */
  readonly segments: Segment[] = [];

  // list and item
  /** The list's kind: the bullet character, or the ordered list's delimiter. */
  bullet = "";
  /** The item's marker as written (`-`, `1.`) and its character index in its line. */
  marker = "";
  markerPos = 0;
  /**
   * Per line of the item: the character index where the item's own indentation begins. Kept
   * for every line only for items not directly nested in another item (whose lines are
   * placed from their parent's), else only for the item's first line.
   */
  readonly bases = new Map<number, number>();
  recordsBases = false;
  /** Columns of indentation a continuation line needs to stay in the item (CommonMark). */
  contentIndent = 0;
  /**
   * While parsing, the columns taken as the item's indentation on a continuation line (its
   * marker's width, see `markerIndent`); `layoutLists` then places the items exactly.
   */
  visualIndent = 0;
  task: string | undefined;
  // blockquote, item, footnote definition: end of the last line that carried their marker
  ownEnd = -1;
  ownEndLine = -1;
  callout = false;
  // heading
  level = 0;
  // fenced code
  fenceChar = "";
  fenceLength = 0;
  fenceIndent = 0;
  fenced = false;
  // html
  htmlType = 0;

  constructor(
    readonly kind: BlockKind,
    readonly parent: Block | null,
    public start: number,
    readonly startLine: number,
  ) {
    this.end = start;
    this.endLine = startLine;
  }

  lastChild(): Block | undefined {
    return this.children[this.children.length - 1];
  }

  setEnd(offset: number, line: number): void {
    this.end = offset;
    this.endLine = line;
  }
}

/** Blocks that take every line as raw content while open. */
function isRawLeaf(block: Block): boolean {
  return block.kind === "code" || block.kind === "html" || block.kind === "math" || block.kind === "comment";
}

function canContain(parent: Block, kind: BlockKind): boolean {
  switch (parent.kind) {
    case "document":
    case "blockquote":
    case "item":
    case "footnoteDefinition":
      return kind !== "item";
    case "list":
      return kind === "item";
    default:
      return false;
  }
}

const enum Match {
  Yes,
  No,
  /** The line was used up (a closing code fence). */
  Consumed,
}

const enum Start {
  None,
  Container,
  Leaf,
}

const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const ATX_HEADING = /^#{1,6}(?=[ \t]|$)/;
const CODE_FENCE = /^(?:`{3,}|~{3,})/;
const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;
const FOOTNOTE_LABEL = /^\[\^[^\]\s]+\]:/;
const CHECKBOX = /^\[(.)\](?=[ \t]|$)/u;
const TAG_NAME = "[A-Za-z][A-Za-z0-9-]*";
const ATTRIBUTE = "(?:\\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\\s*=\\s*(?:[^\"'=<>`\\s]+|'[^']*'|\"[^\"]*\"))?)";
const OPEN_TAG = `<${TAG_NAME}${ATTRIBUTE}*\\s*/?>`;
const CLOSE_TAG = `</${TAG_NAME}\\s*>`;
const BLOCK_TAGS =
  "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul";
/** HTML block starts by CommonMark type (index 1 to 7). */
const HTML_BLOCK_START: readonly (RegExp | null)[] = [
  null,
  /^<(?:script|pre|style|textarea)(?:\s|>|$)/i,
  /^<!--/,
  /^<\?/,
  /^<![A-Za-z]/,
  /^<!\[CDATA\[/,
  new RegExp(`^</?(?:${BLOCK_TAGS})(?:\\s|/?>|$)`, "i"),
  new RegExp(`^(?:${OPEN_TAG}|${CLOSE_TAG})\\s*$`, "i"),
];
const HTML_BLOCK_END: readonly (RegExp | null)[] = [
  null,
  /<\/(?:script|pre|style|textarea)>/i,
  /-->/,
  /\?>/,
  />/,
  /\]\]>/,
];

/**
 * Removes up to `maxCols` columns of spaces and tabs from `from`, columns counted from `from`;
 * a tab that is only partly within them is removed whole. Returns the new character index.
 */
function removeIndent(line: string, from: number, maxCols: number): number {
  let i = from;
  let c = 0;
  while (i < line.length && c < maxCols) {
    const ch = line[i];
    if (ch === " ") c++;
    else if (ch === "\t") c += 4 - (c % 4);
    else break;
    i++;
  }
  return i;
}

/**
 * Columns of indentation at `from`, counted from `from` and at most `cap`; null for a blank
 * rest of line.
 */
function indentAt(line: SourceLine, from: number, cap: number): number | null {
  if (line.lastNonSpace < from) return null;
  let c = 0;
  for (let i = from; i < line.text.length && c < cap; i++) {
    const ch = line.text[i];
    if (ch === " ") c++;
    else if (ch === "\t") c += 4 - (c % 4);
    else break;
  }
  return Math.min(c, cap);
}

/**
 * The most indentation Obsidian removes from a list item's continuation lines: the item's
 * leading whitespace, marker and the spaces after it (up to 4), where a single-digit `N.`
 * marker of odd total width counts one column more.
 */
function markerIndent(line: string, itemStart: number, markerPos: number, marker: string): number {
  const leading = line.slice(itemStart, markerPos);
  const gap = /^(?: {1,4}(?! )| |\t)/.exec(line.slice(markerPos + marker.length))?.[0] ?? "";
  const width = columnsOf(leading + " ".repeat(marker.length) + gap);
  const odd = (leading.length + marker.length + gap.length) % 2 === 1;
  return /^\d+\.$/.test(marker) && Number(marker.slice(0, -1)) < 10 && odd ? width + 1 : width;
}

function isSpaceOrTab(ch: string | undefined): boolean {
  return ch === " " || ch === "\t";
}

/** Columns of a run of spaces and tabs starting at column 0. */
function columnsOf(whitespace: string): number {
  let col = 0;
  for (const ch of whitespace) col += ch === "\t" ? 4 - (col % 4) : 1;
  return col;
}

/** Cells of a table row: split on unescaped pipes, outer pipes dropped. */
function tableCells(row: string): string[] {
  let text = row.trim();
  if (text.startsWith("|")) text = text.slice(1);
  if (text.endsWith("|") && !text.endsWith("\\|")) text = text.slice(0, -1);
  const cells: string[] = [];
  let cell = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === "\\" && i + 1 < text.length) {
      cell += ch + text.charAt(i + 1);
      i++;
    } else if (ch === "|") {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

function isDelimiterRow(row: string): boolean {
  if (!row.includes("|") && !row.includes("-")) return false;
  return tableCells(row).every((cell) => /^\s*:?-+:?\s*$/.test(cell));
}

class BlockParser {
  private readonly doc: Block;
  private tip: Block;
  private oldTip: Block;
  private lastMatched: Block;
  private allClosed = true;

  // The current line.
  private lineNo = 0;
  private line = "";
  private lineStart = 0;
  /** Character index and (tab-expanded) column reached by the container prefixes. */
  private pos = 0;
  private col = 0;
  private partialTab = false;
  /** Character index where a block started now would begin (Obsidian's start positions). */
  private vpos = 0;
  private nextNonspace = 0;
  private nextNonspaceCol = 0;
  private indent = 0;
  private blank = false;
  private lineDone = false;
  private scanLine = -1;
  private scanFrom = 0;
  /** Per line: where the content of the enclosing containers starts (after blockquote markers). */
  readonly contentStart: number[] = [];

  constructor(private readonly src: Source) {
    this.doc = new Block("document", null, 0, 0);
    this.tip = this.doc;
    this.oldTip = this.doc;
    this.lastMatched = this.doc;
  }

  parse(fromLine: number): Block {
    for (let n = fromLine; n < this.src.lines.length; n++) this.processLine(n);
    while (this.tip !== this.doc) this.finalize(this.tip);
    this.finalize(this.doc);
    this.layoutLists(this.doc);
    return this.doc;
  }

  // -- where list items start

  /**
   * Places the list items. An item starts where its parent item's indentation ends on that
   * line; a parent removes from all its continuation lines the same number of columns: the
   * least indentation among its non-blank lines, at most its marker's width, and none at all
   * when one of them is not indented (a lazy line).
   */
  private layoutLists(root: Block): void {
    const work: { block: Block; bases?: Map<number, number> }[] = [{ block: root }];
    for (let task = work.pop(); task; task = work.pop()) {
      const { block, bases } = task;
      if (bases) {
        this.layoutItem(block, bases, work);
        continue;
      }
      for (const child of block.children) {
        if (child.kind !== "list") {
          work.push({ block: child });
          continue;
        }
        for (const item of child.children) {
          const recorded = new Map<number, number>();
          for (let n = item.startLine; n <= item.endLine; n++) recorded.set(n, this.recordedBase(item, n));
          work.push({ block: item, bases: recorded });
        }
      }
    }
  }

  private recordedBase(item: Block, n: number): number {
    const line = this.src.line(n);
    return item.bases.get(n) ?? (this.contentStart[n] ?? line.start) - line.start;
  }

  /** Places `item` given where its indentation begins on each of its lines; queues its children. */
  private layoutItem(item: Block, bases: Map<number, number>, work: { block: Block; bases?: Map<number, number> }[]): void {
    const baseOf = (n: number): number => bases.get(n) ?? this.recordedBase(item, n);
    const markerLine = this.src.line(item.startLine);
    const base = baseOf(item.startLine);
    item.start = markerLine.start + base;
    if (item.parent?.children[0] === item) item.parent.start = item.start;
    const widest = markerIndent(markerLine.text, base, item.markerPos, item.marker);
    let least = Infinity;
    for (let n = item.startLine + 1; n <= item.endLine && least > 0; n++) {
      const indent = indentAt(this.src.line(n), baseOf(n), widest);
      if (indent !== null) least = Math.min(least, indent);
    }
    const removed = least === 0 ? 0 : Math.min(widest, least);
    for (const child of item.children) {
      if (child.kind !== "list") {
        work.push({ block: child });
        continue;
      }
      for (const nested of child.children) {
        const nestedBases = new Map<number, number>();
        for (let n = nested.startLine; n <= nested.endLine; n++) {
          nestedBases.set(
            n,
            n === item.startLine
              ? this.recordedBase(nested, n) // a list right after a checkbox: `- [ ] 1. text`
              : removeIndent(this.src.line(n).text, baseOf(n), removed),
          );
        }
        work.push({ block: nested, bases: nestedBases });
      }
    }
  }

  // -- column bookkeeping

  private findNextNonspace(): void {
    // Deeply nested containers rescan the same whitespace: reuse the last answer on this line.
    if (this.lineNo === this.scanLine && this.pos >= this.scanFrom && this.pos <= this.nextNonspace) {
      this.scanFrom = this.pos;
      this.indent = this.nextNonspaceCol - this.col;
      return;
    }
    this.scanLine = this.lineNo;
    this.scanFrom = this.pos;
    let i = this.pos;
    let c = this.col;
    while (i < this.line.length) {
      const ch = this.line[i];
      if (ch === " ") c++;
      else if (ch === "\t") c += 4 - (c % 4);
      else break;
      i++;
    }
    this.blank = i >= this.line.length;
    this.nextNonspace = i;
    this.nextNonspaceCol = c;
    this.indent = c - this.col;
  }

  private advanceColumns(count: number): void {
    while (count > 0 && this.pos < this.line.length) {
      if (this.line[this.pos] === "\t") {
        const width = 4 - (this.col % 4);
        if (width > count) {
          this.partialTab = true;
          this.col += count;
          count = 0;
        } else {
          this.partialTab = false;
          this.col += width;
          this.pos++;
          count -= width;
        }
      } else {
        this.partialTab = false;
        this.pos++;
        this.col++;
        count--;
      }
    }
  }

  private advanceChars(count: number): void {
    while (count > 0 && this.pos < this.line.length) {
      this.col += this.line[this.pos] === "\t" ? 4 - (this.col % 4) : 1;
      this.partialTab = false;
      this.pos++;
      count--;
    }
  }

  private advanceToNextNonspace(): void {
    this.pos = this.nextNonspace;
    this.col = this.nextNonspaceCol;
    this.partialTab = false;
  }

  /**
   * Consumes `>` and the space after it. As in Obsidian, a tab there is not that space but
   * indentation, and the quote's content counts its columns (tab stops) from its own start.
   */
  private skipQuoteMarker(): void {
    this.advanceChars(1);
    if (this.line[this.pos] === " ") this.advanceChars(1);
    this.col = 0;
    this.partialTab = false;
    this.vpos = this.pos;
  }

  /** The character index after what was consumed; a partly consumed tab counts as consumed. */
  private consumedPos(): number {
    return this.partialTab ? this.pos + 1 : this.pos;
  }

  // -- tree

  private addChild(kind: BlockKind, start: number): Block {
    while (!canContain(this.tip, kind)) this.finalize(this.tip);
    const block = new Block(kind, this.tip, start, this.lineNo);
    this.tip.children.push(block);
    this.tip = block;
    return block;
  }

  private finalize(block: Block): void {
    block.open = false;
    const last = block.lastChild();
    switch (block.kind) {
      case "blockquote":
      case "item":
      case "footnoteDefinition":
        block.setEnd(block.ownEnd, block.ownEndLine);
        if (last && last.end > block.end) block.setEnd(last.end, last.endLine);
        break;
      case "list":
      case "document":
        if (last) block.setEnd(last.end, last.endLine);
        break;
      default:
        break;
    }
    if (block.parent) this.tip = block.parent;
  }

  private closeUnmatched(): void {
    if (this.allClosed) return;
    while (this.oldTip !== this.lastMatched) {
      const parent = this.oldTip.parent;
      this.finalize(this.oldTip);
      if (!parent) break;
      this.oldTip = parent;
    }
    this.allClosed = true;
  }

  // -- lines

  private processLine(n: number): void {
    const source = this.src.line(n);
    this.lineNo = n;
    this.line = source.text;
    this.lineStart = source.start;
    this.pos = 0;
    this.col = 0;
    this.partialTab = false;
    this.vpos = 0;
    this.lineDone = false;
    this.oldTip = this.tip;

    // 1. Which open blocks does the line continue?
    let container = this.doc;
    for (;;) {
      const child = container.lastChild();
      if (!child?.open) break;
      this.findNextNonspace();
      const match = this.continues(child);
      if (match === Match.Yes) container = child;
      else if (match === Match.No) break;
      else {
        this.contentStart[n] = this.lineStart + this.vpos;
        return;
      }
    }
    this.contentStart[n] = this.lineStart + this.vpos;
    this.lastMatched = container;
    this.allClosed = container === this.oldTip;

    // 2. New blocks starting on the line.
    while (!isRawLeaf(container)) {
      this.findNextNonspace();
      const started = this.tryStart(container);
      if (started === Start.None) break;
      container = this.tip;
      if (started === Start.Leaf) break;
    }

    // 3. The rest of the line.
    if (this.lineDone) return;
    if (!this.allClosed && !this.blank && this.tip.kind === "paragraph") {
      this.addParagraphLine(this.tip); // lazy continuation
      return;
    }
    this.closeUnmatched();
    const tip = this.tip;
    const lineEnd = this.lineStart + this.line.length;
    switch (tip.kind) {
      case "code":
        if (tip.fenced || !this.blank) tip.setEnd(lineEnd, n);
        break;
      case "html":
        tip.setEnd(lineEnd, n);
        if (tip.htmlType <= 5 && HTML_BLOCK_END[tip.htmlType]?.test(this.line.slice(this.pos))) this.finalize(tip);
        break;
      case "comment":
      case "math":
        this.addRawLine(tip, tip.kind === "comment" ? "%%" : "$$", this.pos);
        break;
      case "table":
        if (!this.blank) {
          tip.segments.push({ from: this.lineStart + this.nextNonspace, to: lineEnd });
          tip.setEnd(lineEnd, n);
        }
        break;
      case "paragraph":
        this.addParagraphLine(tip);
        break;
      default:
        if (!this.blank) this.addParagraphLine(this.addChild("paragraph", this.lineStart + this.vpos));
    }
  }

  private addParagraphLine(paragraph: Block): void {
    const lineEnd = this.lineStart + this.line.length;
    paragraph.segments.push({ from: this.lineStart + this.nextNonspace, to: lineEnd });
    paragraph.setEnd(lineEnd, this.lineNo);
  }

  /** Adds a line to a `%%` or `$$` block; closes it when the line holds the closing delimiter. */
  private addRawLine(block: Block, delimiter: string, searchFrom: number): void {
    const lineEnd = this.lineStart + this.line.length;
    block.segments.push({ from: this.lineStart + this.pos, to: lineEnd });
    block.setEnd(lineEnd, this.lineNo);
    if (this.line.indexOf(delimiter, searchFrom) !== -1) this.finalize(block);
  }

  private continues(block: Block): Match {
    switch (block.kind) {
      case "blockquote":
        if (this.indent < 4 && this.line[this.nextNonspace] === ">") {
          this.advanceToNextNonspace();
          this.skipQuoteMarker();
          block.ownEnd = this.lineStart + this.line.length;
          block.ownEndLine = this.lineNo;
          return Match.Yes;
        }
        return Match.No;
      case "item":
        if (this.blank) {
          if (block.children.length === 0) return Match.No;
          this.advanceToNextNonspace();
          return Match.Yes;
        }
        if (this.indent >= block.contentIndent) {
          const from = this.vpos;
          if (block.recordsBases) block.bases.set(this.lineNo, from);
          this.advanceColumns(block.contentIndent);
          this.vpos = removeIndent(this.line, from, block.visualIndent);
          return Match.Yes;
        }
        return Match.No;
      case "footnoteDefinition":
        if (this.blank) {
          this.advanceToNextNonspace();
          return Match.Yes;
        }
        if (this.indent >= 4) {
          this.advanceColumns(4);
          this.vpos = this.consumedPos();
          return Match.Yes;
        }
        return Match.No;
      case "list":
      case "math":
      case "comment":
        return Match.Yes;
      case "paragraph":
      case "table":
        return this.blank ? Match.No : Match.Yes;
      case "code":
        if (!block.fenced) {
          if (this.indent >= 4) {
            this.advanceColumns(4);
            return Match.Yes;
          }
          if (this.blank) {
            this.advanceToNextNonspace();
            return Match.Yes;
          }
          return Match.No;
        }
        if (this.indent < 4 && this.isClosingFence(block)) {
          block.setEnd(this.lineStart + this.line.length, this.lineNo);
          this.finalize(block);
          return Match.Consumed;
        }
        for (let i = block.fenceIndent; i > 0 && isSpaceOrTab(this.line[this.pos]); i--) this.advanceColumns(1);
        return Match.Yes;
      case "html":
        return this.blank && block.htmlType >= 6 ? Match.No : Match.Yes;
      default:
        return Match.No;
    }
  }

  private isClosingFence(block: Block): boolean {
    const rest = this.line.slice(this.nextNonspace);
    let length = 0;
    while (rest[length] === block.fenceChar) length++;
    return length >= block.fenceLength && rest.slice(length).trim() === "";
  }

  private tryStart(container: Block): Start {
    const start = this.lineStart + this.vpos;
    if (this.indent >= 4) {
      if (this.tip.kind === "paragraph" || this.blank) return Start.None;
      this.advanceColumns(4);
      this.closeUnmatched();
      this.addChild("code", start);
      return Start.Leaf;
    }
    if (this.blank) return Start.None;
    const rest = this.line.slice(this.nextNonspace);
    const ch = rest.charAt(0);
    const lineEnd = this.lineStart + this.line.length;

    if (ch === ">") {
      this.advanceToNextNonspace();
      this.skipQuoteMarker();
      this.closeUnmatched();
      const quote = this.addChild("blockquote", start);
      quote.callout = /^\[![^\]]+\]/.test(this.line.slice(this.pos).trimStart());
      quote.ownEnd = lineEnd;
      quote.ownEndLine = this.lineNo;
      return Start.Container;
    }

    const atx = ATX_HEADING.exec(rest);
    if (atx) {
      this.closeUnmatched();
      const heading = this.addChild("heading", start);
      heading.level = atx[0].length;
      const contentStart = this.nextNonspace + atx[0].length;
      let content = this.line.slice(contentStart);
      const lead = content.length - content.trimStart().length;
      content = content.trim();
      content = /^#+$/.test(content) ? "" : content.replace(/[ \t]+#+$/, "");
      const from = this.lineStart + contentStart + lead;
      heading.segments.push({ from, to: from + content.length });
      heading.setEnd(lineEnd, this.lineNo);
      this.finalize(heading);
      this.lineDone = true;
      return Start.Leaf;
    }

    const fence = CODE_FENCE.exec(rest);
    if (fence && !(fence[0].startsWith("`") && rest.slice(fence[0].length).includes("`"))) {
      this.closeUnmatched();
      const code = this.addChild("code", start);
      code.fenced = true;
      code.fenceChar = fence[0].charAt(0);
      code.fenceLength = fence[0].length;
      code.fenceIndent = this.indent;
      code.setEnd(lineEnd, this.lineNo);
      this.lineDone = true;
      return Start.Leaf;
    }

    if (rest.startsWith("%%") || rest.startsWith("$$")) {
      this.closeUnmatched();
      const raw = this.addChild(ch === "%" ? "comment" : "math", start);
      this.advanceToNextNonspace();
      this.addRawLine(raw, rest.slice(0, 2), this.nextNonspace + 2);
      this.lineDone = true;
      return Start.Leaf;
    }

    if (ch === "<") {
      for (let type = 1; type <= 7; type++) {
        if (!HTML_BLOCK_START[type]?.test(rest)) continue;
        if (type === 7 && (container.kind === "paragraph" || this.tip.kind === "paragraph")) break;
        this.closeUnmatched();
        this.addChild("html", start).htmlType = type;
        return Start.Leaf;
      }
    }

    if (container.kind === "paragraph") {
      const header = container.segments[0];
      if (container.segments.length === 1 && header && isDelimiterRow(rest)) {
        const headerText = this.src.text.slice(header.from, header.to);
        const columns = tableCells(headerText).length;
        if ((headerText.includes("|") || rest.includes("|")) && tableCells(rest).length === columns) {
          this.closeUnmatched();
          this.convert(container, "table").segments.push({ from: this.lineStart + this.nextNonspace, to: lineEnd });
          this.lineDone = true;
          return Start.Leaf;
        }
      }
      const underline = SETEXT_UNDERLINE.exec(rest);
      if (underline) {
        this.closeUnmatched();
        const heading = this.convert(container, "heading");
        heading.level = underline[0].startsWith("=") ? 1 : 2;
        heading.setEnd(lineEnd, this.lineNo);
        this.finalize(heading);
        this.lineDone = true;
        return Start.Leaf;
      }
    }

    if (THEMATIC_BREAK.test(rest)) {
      this.closeUnmatched();
      const rule = this.addChild("thematicBreak", start);
      rule.setEnd(lineEnd, this.lineNo);
      this.finalize(rule);
      this.lineDone = true;
      return Start.Leaf;
    }

    const footnote = FOOTNOTE_LABEL.exec(rest);
    if (footnote && container.kind !== "paragraph") {
      this.closeUnmatched();
      const definition = this.addChild("footnoteDefinition", start);
      definition.ownEnd = lineEnd;
      definition.ownEndLine = this.lineNo;
      this.advanceToNextNonspace();
      this.advanceChars(footnote[0].length);
      this.findNextNonspace();
      this.advanceToNextNonspace();
      this.vpos = this.pos;
      return Start.Container;
    }

    return this.tryListItem(container, start, rest);
  }

  /** Replaces an open paragraph by a table or a setext heading holding the same lines. */
  private convert(paragraph: Block, kind: "table" | "heading"): Block {
    const parent = paragraph.parent ?? this.doc;
    const block = new Block(kind, parent, paragraph.start, paragraph.startLine);
    block.segments.push(...paragraph.segments);
    block.setEnd(this.lineStart + this.line.length, this.lineNo);
    parent.children[parent.children.indexOf(paragraph)] = block;
    this.tip = block;
    return block;
  }

  private tryListItem(container: Block, start: number, rest: string): Start {
    const marker = /^(?:[*+-]|\d{1,9}[.)])/.exec(rest);
    if (!marker) return Start.None;
    const bullet = marker[0];
    const after = rest.charAt(bullet.length);
    if (after !== "" && !isSpaceOrTab(after)) return Start.None;
    const ordered = /\d/.test(bullet);
    if (container.kind === "paragraph") {
      if (ordered && !/^0*1[.)]$/.test(bullet)) return Start.None;
      if (rest.slice(bullet.length).trim() === "") return Start.None;
    }

    // CommonMark's content indent: marker, then 1 to 4 spaces (or 1 when the content is code).
    const markerOffset = this.indent;
    const markerPos = this.nextNonspace;
    this.advanceToNextNonspace();
    this.advanceChars(bullet.length);
    const spacesStartCol = this.col;
    const spacesStartPos = this.pos;
    const spacesStartPartial = this.partialTab;
    while (this.col - spacesStartCol < 5 && isSpaceOrTab(this.line[this.pos])) this.advanceColumns(1);
    const blankItem = this.pos >= this.line.length;
    const spaces = this.col - spacesStartCol;
    let padding: number;
    if (spaces >= 5 || spaces < 1 || blankItem) {
      padding = bullet.length + 1;
      this.pos = spacesStartPos;
      this.col = spacesStartCol;
      this.partialTab = spacesStartPartial;
      if (isSpaceOrTab(this.line[this.pos])) this.advanceColumns(1);
    } else padding = bullet.length + spaces;

    this.closeUnmatched();
    const type = ordered ? bullet.slice(-1) : bullet;
    if (this.tip.kind !== "list" || this.tip.bullet !== type) {
      this.addChild("list", start).bullet = type;
    } else {
      // A blank line between this item and the previous one: the previous one ends at the
      // start of the line after its content.
      const previous = this.tip.lastChild();
      if (previous && previous.endLine < this.lineNo - 1) {
        const line = previous.endLine + 1;
        previous.setEnd(this.contentStart[line] ?? this.src.line(line).start, line);
      }
    }
    const item = this.addChild("item", start);
    item.bullet = type;
    item.marker = bullet;
    item.markerPos = markerPos;
    item.bases.set(this.lineNo, this.vpos);
    item.recordsBases = item.parent?.parent?.kind !== "item";
    item.contentIndent = markerOffset + padding;
    item.visualIndent = markerIndent(this.line, this.vpos, markerPos, bullet);
    item.ownEnd = this.lineStart + this.line.length;
    item.ownEndLine = this.lineNo;

    const checkbox = CHECKBOX.exec(this.line.slice(this.pos));
    if (checkbox && this.pos > spacesStartPos) {
      item.task = checkbox[1];
      this.advanceChars(checkbox[0].length);
      if (isSpaceOrTab(this.line[this.pos])) this.advanceChars(1);
    }
    this.vpos = this.consumedPos();
    return Start.Container;
  }
}

// ---- Inline content ------------------------------------------------------------------------------

/** Characters that end a tag (Obsidian's set). */
const TAG_STOP = /[\u2000-\u206F\u2E00-\u2E7F'!"#$%&()*+,.:;<=>?@^`{|}~[\]\\\s]/;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const INLINE_HTML = new RegExp(
  `(?:${OPEN_TAG}|${CLOSE_TAG}|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\\s]*>|<[A-Za-z0-9.!#$%&'*+/=?^_\`{|}~-]+@[A-Za-z0-9.-]+>|<\\?[\\s\\S]*?\\?>|<![A-Za-z][^>]*>|<!\\[CDATA\\[[\\s\\S]*?\\]\\]>)`,
  "y",
);

interface InlineResults {
  tags: TagCache[];
  links: LinkCache[];
  embeds: EmbedCache[];
}

/** Splits the inside of `[[...]]` into link and display text as Obsidian does. */
function parseWikilink(inner: string): { link: string; displayText: string } {
  const pipe = inner.indexOf("|", 1);
  if (pipe !== -1) return { link: inner.slice(0, pipe), displayText: inner.slice(pipe + 1) };
  return {
    link: inner,
    displayText: inner
      .split("#")
      .filter((part) => part !== "")
      .join(" > "),
  };
}

function decodeLink(destination: string): string {
  const unescaped = destination.replace(/\\([!-/:-@[-`{-~])/g, "$1");
  try {
    return decodeURIComponent(unescaped);
  } catch {
    return unescaped;
  }
}

/** `indexOf` for one pattern, remembering its last answer (scans move forward). */
class Finder {
  private from = -1;
  private found = -1;

  constructor(
    private readonly text: string,
    private readonly pattern: string,
  ) {}

  next(from: number): number {
    if (this.from === -1 || from < this.from || (this.found !== -1 && from > this.found)) {
      this.from = from;
      this.found = this.text.indexOf(this.pattern, from);
    }
    return this.found;
  }
}

/** First element of a sorted array that is at least `min`, or -1. */
function firstAtLeast(sorted: readonly number[], min: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < min) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo] ?? -1;
}

class InlineScanner {
  private readonly text: string;
  /** Source offset of each character of `text` (and one past the end). */
  private readonly offsets: number[] = [];
  /** Starts of the backtick runs of each length. */
  private readonly backtickRuns = new Map<number, number[]>();
  /** Unescaped `$` preceded by a non-space: where inline math can close. */
  private readonly mathClosers: number[] = [];
  /** For each `[`, the index of its matching `]` (-1 when none). */
  private readonly closingBracket = new Map<number, number>();
  private readonly finders = new Map<string, Finder>();

  constructor(
    private readonly src: Source,
    segments: readonly Segment[],
    private readonly out: InlineResults,
  ) {
    let text = "";
    segments.forEach((segment, index) => {
      if (index > 0) {
        text += "\n";
        this.offsets.push(segments[index - 1]?.to ?? segment.from);
      }
      text += src.text.slice(segment.from, segment.to);
      for (let offset = segment.from; offset < segment.to; offset++) this.offsets.push(offset);
    });
    this.offsets.push(segments[segments.length - 1]?.to ?? 0);
    this.text = text;
    this.index();
  }

  private index(): void {
    const s = this.text;
    for (let i = 0; i < s.length; i++) {
      if (s[i] !== "`") continue;
      let run = 1;
      while (s[i + run] === "`") run++;
      const starts = this.backtickRuns.get(run) ?? [];
      starts.push(i);
      this.backtickRuns.set(run, starts);
      i += run - 1;
    }
    const open: number[] = [];
    for (let i = 0; i < s.length; i++) {
      const ch = s[i];
      if (ch === "\\") {
        i++;
      } else if (ch === "$") {
        if (i > 0 && !/\s/.test(s.charAt(i - 1))) this.mathClosers.push(i);
      } else if (ch === "`") {
        let run = 1;
        while (s[i + run] === "`") run++;
        const close = this.findBacktickRun(i + run, run);
        i = close === -1 ? i + run - 1 : close + run - 1;
      } else if (ch === "[") {
        open.push(i);
        this.closingBracket.set(i, -1);
      } else if (ch === "]") {
        const opener = open.pop();
        if (opener !== undefined) this.closingBracket.set(opener, i);
      }
    }
  }

  private find(pattern: string, from: number): number {
    let finder = this.finders.get(pattern);
    if (!finder) {
      finder = new Finder(this.text, pattern);
      this.finders.set(pattern, finder);
    }
    return finder.next(from);
  }

  private at(i: number): number {
    return this.offsets[i] ?? 0;
  }

  /** Source offset just after character `i - 1`. */
  private after(i: number): number {
    return i > 0 ? this.at(i - 1) + 1 : this.at(0);
  }

  private pos(from: number, to: number): Pos {
    return this.src.pos(this.at(from), this.after(to));
  }

  scan(): void {
    const s = this.text;
    let boundary = true;
    let i = 0;
    while (i < s.length) {
      const ch = s.charAt(i);
      if (ch === "\\" && ASCII_PUNCTUATION.test(s.charAt(i + 1))) {
        i += 2;
        boundary = true;
      } else if (ch === "`") {
        let run = 1;
        while (s[i + run] === "`") run++;
        const close = this.findBacktickRun(i + run, run);
        i = close === -1 ? i + run : close + run;
        boundary = close !== -1;
      } else if (ch === "$") {
        const end = this.mathEnd(i);
        boundary = end !== -1;
        i = end === -1 ? i + 1 : end;
      } else if (ch === "<") {
        const end = this.htmlEnd(i);
        boundary = end !== -1;
        i = end === -1 ? i + 1 : end;
      } else if (s.startsWith("[[", i) || s.startsWith("![[", i)) {
        const end = this.wikilink(i);
        boundary = end !== -1;
        i = end === -1 ? i + 1 : end;
      } else if (ch === "[" || s.startsWith("![", i)) {
        const end = this.markdownLink(i);
        boundary = end !== -1;
        i = end === -1 ? i + 1 : end;
      } else if (ch === "#" && boundary) {
        let end = i + 1;
        while (end < s.length && !TAG_STOP.test(s.charAt(end))) end++;
        const name = s.slice(i + 1, end);
        if (name !== "" && !/^\d+$/.test(name)) {
          this.out.tags.push({ tag: s.slice(i, end), position: this.pos(i, end) });
          i = end;
        } else i++;
        boundary = false;
      } else if (/\s/.test(ch)) {
        i++;
        boundary = true;
      } else if ("*_~=".includes(ch)) {
        while (s[i] === ch) i++;
      } else {
        i++;
        boundary = false;
      }
    }
  }

  /** Start of the next backtick run of exactly `length` at or after `from`, or -1. */
  private findBacktickRun(from: number, length: number): number {
    return firstAtLeast(this.backtickRuns.get(length) ?? [], from);
  }

  /** End of inline math starting at `i` (`$...$` or `$$...$$`), or -1. */
  private mathEnd(i: number): number {
    const s = this.text;
    if (s.startsWith("$$", i)) {
      const close = this.find("$$", i + 2);
      return close === -1 ? -1 : close + 2;
    }
    const first = s.charAt(i + 1);
    if (first === "" || /\s/.test(first)) return -1;
    const close = firstAtLeast(this.mathClosers, i + 2);
    return close === -1 ? -1 : close + 1;
  }

  private htmlEnd(i: number): number {
    const s = this.text;
    if (s.startsWith("<!--", i)) {
      const close = this.find("-->", i + 4);
      return close === -1 ? -1 : close + 3;
    }
    INLINE_HTML.lastIndex = i;
    const html = INLINE_HTML.exec(s);
    return html ? i + html[0].length : -1;
  }

  private wikilink(i: number): number {
    const s = this.text;
    const embed = s[i] === "!";
    const open = embed ? i + 3 : i + 2;
    const close = this.find("]]", open);
    const newline = this.find("\n", open);
    if (close === -1 || (newline !== -1 && newline < close)) return -1;
    const inner = s.slice(open, close);
    if (inner === "") return -1;
    const end = close + 2;
    const position = this.pos(i, end);
    const reference = {
      ...parseWikilink(inner),
      original: this.src.text.slice(position.start.offset, position.end.offset),
      position,
    };
    (embed ? this.out.embeds : this.out.links).push(reference);
    return end;
  }

  /** `[text](destination "title")` or `![alt](destination)`: end, or -1 when it is not one. */
  private markdownLink(i: number): number {
    const s = this.text;
    const embed = s[i] === "!";
    const textStart = embed ? i + 2 : i + 1;
    const close = this.closingBracket.get(textStart - 1) ?? -1;
    if (close === -1 || s[close + 1] !== "(") return -1;
    const text = s.slice(textStart, close);
    let k = close + 2;
    while (isSpaceOrTab(s[k]) || s[k] === "\n") k++;
    let destination: string;
    if (s[k] === "<") {
      const end = this.find(">", k + 1);
      if (end === -1 || /[<\n]/.test(s.slice(k + 1, end))) return -1;
      destination = s.slice(k + 1, end);
      k = end + 1;
    } else {
      const from = k;
      let parens = 0;
      for (; k < s.length; k++) {
        const ch = s.charAt(k);
        if (ch === "\\" && ASCII_PUNCTUATION.test(s.charAt(k + 1))) k++;
        else if (ch === "(") parens++;
        else if (ch === ")") {
          if (parens === 0) break;
          parens--;
        } else if (/\s/.test(ch) || ch < " ") break;
      }
      destination = s.slice(from, k);
    }
    while (isSpaceOrTab(s[k]) || s[k] === "\n") k++;
    const quote = s[k];
    if (quote === '"' || quote === "'" || quote === "(") {
      const end = this.find(quote === "(" ? ")" : quote, k + 1);
      if (end === -1) return -1;
      k = end + 1;
      while (isSpaceOrTab(s[k]) || s[k] === "\n") k++;
    }
    if (s[k] !== ")") return -1;
    const end = k + 1;
    if (destination !== "" && !URL_SCHEME.test(destination)) {
      const position = this.pos(i, end);
      const reference = {
        link: decodeLink(destination),
        original: this.src.text.slice(position.start.offset, position.end.offset),
        displayText: text,
        position,
      };
      (embed ? this.out.embeds : this.out.links).push(reference);
    }
    return end;
  }
}

// ---- Front matter --------------------------------------------------------------------------------

interface FrontMatter {
  /** Line of the closing `---`. */
  endLine: number;
  position: Pos;
  data: FrontMatterCache | undefined;
}

function readFrontMatter(src: Source): FrontMatter | null {
  const isFence = (n: number): boolean => /^---[ \t]*$/.test(src.lines[n]?.text ?? "");
  if (!isFence(0)) return null;
  let close = 1;
  while (close < src.lines.length && !isFence(close)) close++;
  if (close >= src.lines.length) return null;
  const yaml = src.lines
    .slice(1, close)
    .map((line) => line.text)
    .join("\n");
  const position = src.pos(0, src.line(close).start + 3);
  return { endLine: close, position, data: parseYamlMapping(yaml) };
}

function parseYamlMapping(yaml: string): FrontMatterCache | undefined {
  try {
    const doc = parseDocument(yaml, { schema: "core", merge: true, prettyErrors: false });
    if (doc.errors.length > 0) return undefined;
    const value: unknown = doc.toJS();
    if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
    return value;
  } catch {
    return undefined;
  }
}

/** Properties whose whole value is one wikilink, as Obsidian lists them in `frontmatterLinks`. */
function frontMatterLinks(frontmatter: FrontMatterCache): FrontmatterLinkCache[] {
  const links: FrontmatterLinkCache[] = [];
  const pending: [string, unknown][] = Object.entries(frontmatter).reverse();
  for (let entry = pending.pop(); entry; entry = pending.pop()) {
    const [key, value] = entry;
    if (typeof value === "string") {
      const match = /^\[\[([^\]\n]+)\]\]$/.exec(value);
      if (match?.[1] !== undefined) links.push({ key, original: value, ...parseWikilink(match[1]) });
    } else if (typeof value === "object" && value !== null) {
      const children = Object.entries(value as Record<string, unknown>);
      for (let i = children.length - 1; i >= 0; i--) {
        const [name, child] = children[i] ?? ["", undefined];
        pending.push([`${key}.${name}`, child]);
      }
    }
  }
  return links;
}

// ---- Assembly ------------------------------------------------------------------------------------

const SECTION_TYPE: Partial<Record<BlockKind, string>> = {
  blockquote: "blockquote",
  list: "list",
  footnoteDefinition: "footnoteDefinition",
  paragraph: "paragraph",
  heading: "heading",
  thematicBreak: "thematicBreak",
  code: "code",
  html: "html",
  table: "table",
  math: "math",
  comment: "comment",
};

const BLOCK_ID = /(?:^|\s)\^([A-Za-z0-9-]+)[ \t]*$/;

function nearestItem(block: Block): Block | null {
  for (let up = block.parent; up; up = up.parent) if (up.kind === "item") return up;
  return null;
}

/** Where Obsidian ends a list item: its own content, without the nested lists after it. */
function itemEnd(item: Block): number {
  const firstList = item.children.findIndex((child) => child.kind === "list");
  const before = item.children[firstList - 1];
  return firstList > 0 && before ? before.end : item.end;
}

/** Parses a note as Obsidian's metadata cache does. Never throws. */
export function computeMetadata(text: string): CachedMetadata {
  const src = new Source(text);
  const sections: SectionCache[] = [];
  const headings: HeadingCache[] = [];
  const listItems: ListItemCache[] = [];
  const inline: InlineResults = { tags: [], links: [], embeds: [] };
  const blocks: Record<string, BlockCache> = {};
  const metadata: CachedMetadata = {};

  const frontMatter = readFrontMatter(src);
  if (frontMatter) {
    sections.push({ type: "yaml", position: frontMatter.position });
    if (frontMatter.data) {
      metadata.frontmatter = frontMatter.data;
      metadata.frontmatterPosition = frontMatter.position;
      metadata.frontmatterLinks = frontMatterLinks(frontMatter.data);
    }
  }
  const doc = new BlockParser(src).parse(frontMatter ? frontMatter.endLine + 1 : 0);

  const itemCaches = new Map<Block, ListItemCache>();
  /** Collects what a block and its descendants hold, in document order. */
  const collect = (top: Block): void => {
    const pending = [top];
    for (let block = pending.pop(); block; block = pending.pop()) {
      switch (block.kind) {
        case "item": {
          const parentItem = nearestItem(block);
          const listLine = block.parent ? block.parent.startLine : block.startLine;
          const cache: ListItemCache = {
            position: src.pos(block.start, itemEnd(block)),
            parent: parentItem ? parentItem.startLine : -(listLine || 1),
          };
          if (block.task !== undefined) cache.task = block.task;
          listItems.push(cache);
          itemCaches.set(block, cache);
          break;
        }
        case "heading":
          // Only the note's own headings: Obsidian ignores those in quotes, callouts and lists.
          if (block.parent?.kind === "document") {
            headings.push({
              heading: block.segments
                .map((segment) => text.slice(segment.from, segment.to))
                .join("\n")
                .trim(),
              level: block.level,
              position: src.pos(block.start, block.end),
            });
          }
          new InlineScanner(src, block.segments, inline).scan();
          break;
        case "paragraph":
        case "table":
        case "comment":
          new InlineScanner(src, block.segments, inline).scan();
          break;
        default:
          break;
      }
      for (let i = block.children.length - 1; i >= 0; i--) {
        const child = block.children[i];
        if (child) pending.push(child);
      }
    }
  };

  for (const block of doc.children) {
    const type = SECTION_TYPE[block.kind] ?? block.kind;
    const section: SectionCache = {
      type: block.kind === "blockquote" && block.callout ? "callout" : type,
      position: src.pos(block.start, block.end),
    };
    sections.push(section);
    collect(block);
    if (block.kind === "paragraph") {
      const id = blockId(text, block);
      if (id) {
        section.id = id;
        blocks[id.toLowerCase()] = { id, position: section.position };
      }
    }
  }
  // Block ids on list items: `- text ^id`.
  for (const [item, cache] of itemCaches) {
    const paragraph = item.children[0];
    if (paragraph?.kind !== "paragraph") continue;
    const id = blockId(text, paragraph);
    if (id) {
      cache.id = id;
      blocks[id.toLowerCase()] = { id, position: cache.position };
    }
  }

  if (inline.links.length > 0) metadata.links = inline.links;
  if (inline.embeds.length > 0) metadata.embeds = inline.embeds;
  if (inline.tags.length > 0) metadata.tags = inline.tags;
  if (headings.length > 0) metadata.headings = headings;
  if (sections.length > 0) metadata.sections = sections;
  if (listItems.length > 0) metadata.listItems = listItems;
  if (Object.keys(blocks).length > 0) metadata.blocks = blocks;
  return metadata;
}

function blockId(text: string, paragraph: Block): string | undefined {
  const last = paragraph.segments[paragraph.segments.length - 1];
  if (!last) return undefined;
  return BLOCK_ID.exec(text.slice(last.from, last.to))?.[1];
}

// ---- Tags and aliases ----------------------------------------------------------------------------

/** A front-matter tag as Obsidian accepts it, with its `#`; null when it is not a valid tag. */
function normalizeTag(value: string): string | null {
  const name = value.startsWith("#") ? value.slice(1) : value;
  if (name === "" || /^\d+$/.test(name)) return null;
  for (const ch of name) if (TAG_STOP.test(ch)) return null;
  return `#${name}`;
}

function stringList(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return [];
}

/**
 * The `tags` property as Obsidian reads it: each valid tag with a `#`. A string is one tag
 * (`tags: a, b` is not a valid tag, so gives `[]`); null when there is no `tags` value.
 */
export function parseFrontMatterTags(frontmatter: unknown): string[] | null {
  if (typeof frontmatter !== "object" || frontmatter === null) return null;
  const value: unknown = (frontmatter as Record<string, unknown>)["tags"];
  if (value === undefined || value === null) return null;
  const tags: string[] = [];
  for (const item of stringList(value)) {
    const tag = normalizeTag(item);
    if (tag !== null) tags.push(tag);
  }
  return tags;
}

/** The `aliases` property: its strings; null when there is no `aliases` value. */
export function parseFrontMatterAliases(frontmatter: unknown): string[] | null {
  if (typeof frontmatter !== "object" || frontmatter === null) return null;
  const value: unknown = (frontmatter as Record<string, unknown>)["aliases"];
  if (value === undefined || value === null) return null;
  return stringList(value).filter((alias) => alias.trim() !== "");
}

/** Front-matter tags first, then the tags of the body, duplicates kept, as Obsidian lists them. */
export function getAllTags(cache: CachedMetadata): string[] {
  const tags = parseFrontMatterTags(cache.frontmatter) ?? [];
  for (const tag of cache.tags ?? []) tags.push(tag.tag);
  return tags;
}
