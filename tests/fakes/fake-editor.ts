// A string-backed Editor with CodeMirror's position rules: lines split on "\n", positions clamped
// to the document, `replaceRange` leaves a cursor at the insertion point where it was (the text
// goes after it), `replaceSelection` puts the cursor after the inserted text.
import type * as O from "obsidian";

type Pos = O.EditorPosition;
interface Range {
  anchor: Pos;
  head: Pos;
}
interface Change {
  from: number;
  to: number;
  text: string;
}

function comparePos(a: Pos, b: Pos): number {
  return a.line - b.line || a.ch - b.ch;
}

export class Editor implements O.Editor {
  private text = "";
  private ranges: Range[] = [{ anchor: { line: 0, ch: 0 }, head: { line: 0, ch: 0 } }];
  private readonly undoStack: Array<{ text: string; ranges: Range[] }> = [];
  private readonly redoStack: Array<{ text: string; ranges: Range[] }> = [];
  private focused = false;
  /** Fake only: called after every change made through the Editor API. */
  onChange: ((editor: Editor) => void) | null = null;

  constructor(text = "") {
    this.text = text;
  }

  /** Fake only: replaces the text without history or change notification (a reload from disk). */
  load(text: string): void {
    this.text = text;
    this.ranges = this.ranges.map((r) => ({ anchor: this.clipPos(r.anchor), head: this.clipPos(r.head) }));
  }

  getDoc(): this {
    return this;
  }

  refresh(): void {}

  getValue(): string {
    return this.text;
  }

  setValue(content: string): void {
    this.apply([{ from: 0, to: this.text.length, text: content }]);
  }

  getLine(line: number): string {
    return this.lines()[line] ?? "";
  }

  setLine(n: number, text: string): void {
    this.replaceRange(text, { line: n, ch: 0 }, { line: n, ch: this.getLine(n).length });
  }

  lineCount(): number {
    return this.lines().length;
  }

  lastLine(): number {
    return this.lineCount() - 1;
  }

  getSelection(): string {
    const main = this.ranges[0];
    if (!main) return "";
    const [from, to] = this.ordered(main);
    return this.getRange(from, to);
  }

  somethingSelected(): boolean {
    return this.ranges.some((r) => comparePos(r.anchor, r.head) !== 0);
  }

  getRange(from: Pos, to: Pos): string {
    const a = this.posToOffset(from);
    const b = this.posToOffset(to);
    return this.text.slice(Math.min(a, b), Math.max(a, b));
  }

  replaceSelection(replacement: string, _origin?: string): void {
    const changes = this.ranges.map((r) => {
      const [from, to] = this.ordered(r);
      return { from: this.posToOffset(from), to: this.posToOffset(to), text: replacement };
    });
    const ends = this.apply(changes, false);
    this.ranges = ends.map((offset) => ({ anchor: this.offsetToPos(offset), head: this.offsetToPos(offset) }));
    this.changed();
  }

  replaceRange(replacement: string, from: Pos, to?: Pos, _origin?: string): void {
    const a = this.posToOffset(from);
    const b = to ? this.posToOffset(to) : a;
    this.apply([{ from: Math.min(a, b), to: Math.max(a, b), text: replacement }]);
  }

  getCursor(which: "from" | "to" | "head" | "anchor" = "head"): Pos {
    const main = this.ranges[0] ?? { anchor: { line: 0, ch: 0 }, head: { line: 0, ch: 0 } };
    const [from, to] = this.ordered(main);
    const pos = which === "from" ? from : which === "to" ? to : which === "anchor" ? main.anchor : main.head;
    return { ...pos };
  }

  listSelections(): O.EditorSelection[] {
    return this.ranges.map((r) => ({ anchor: { ...r.anchor }, head: { ...r.head } }));
  }

  setCursor(pos: Pos | number, ch?: number): void {
    const target = this.clipPos(typeof pos === "number" ? { line: pos, ch: ch ?? 0 } : pos);
    this.ranges = [{ anchor: target, head: { ...target } }];
  }

  setSelection(anchor: Pos, head?: Pos): void {
    this.ranges = [{ anchor: this.clipPos(anchor), head: this.clipPos(head ?? anchor) }];
  }

  setSelections(ranges: O.EditorSelectionOrCaret[], main = 0): void {
    const list = ranges.map((r) => ({ anchor: this.clipPos(r.anchor), head: this.clipPos(r.head ?? r.anchor) }));
    const first = list.splice(main, 1);
    this.ranges = [...first, ...list];
    if (this.ranges.length === 0) this.setCursor(0, 0);
  }

  focus(): void {
    this.focused = true;
  }

  blur(): void {
    this.focused = false;
  }

  hasFocus(): boolean {
    return this.focused;
  }

  getScrollInfo(): { top: number; left: number } {
    return { top: 0, left: 0 };
  }

  scrollTo(_x?: number | null, _y?: number | null): void {}

  scrollIntoView(_range: O.EditorRange, _center?: boolean): void {}

  undo(): void {
    const previous = this.undoStack.pop();
    if (!previous) return;
    this.redoStack.push({ text: this.text, ranges: this.ranges });
    this.text = previous.text;
    this.ranges = previous.ranges;
    this.onChange?.(this);
  }

  redo(): void {
    const next = this.redoStack.pop();
    if (!next) return;
    this.undoStack.push({ text: this.text, ranges: this.ranges });
    this.text = next.text;
    this.ranges = next.ranges;
    this.onChange?.(this);
  }

  exec(command: O.EditorCommandName): void {
    const cursor = this.getCursor();
    switch (command) {
      case "goStart":
        this.setCursor(0, 0);
        break;
      case "goEnd":
        this.setCursor(this.offsetToPos(this.text.length));
        break;
      case "goUp":
        this.setCursor(Math.max(0, cursor.line - 1), cursor.ch);
        break;
      case "goDown":
        this.setCursor(Math.min(this.lastLine(), cursor.line + 1), cursor.ch);
        break;
      case "goLeft":
        this.setCursor(this.offsetToPos(Math.max(0, this.posToOffset(cursor) - 1)));
        break;
      case "goRight":
        this.setCursor(this.offsetToPos(this.posToOffset(cursor) + 1));
        break;
      case "newlineAndIndent": {
        const indent = /^\s*/.exec(this.getLine(cursor.line))?.[0] ?? "";
        this.replaceSelection(`\n${indent}`);
        break;
      }
      case "deleteLine": {
        const last = cursor.line === this.lastLine();
        const from = last && cursor.line > 0 ? { line: cursor.line - 1, ch: this.getLine(cursor.line - 1).length } : { line: cursor.line, ch: 0 };
        const to = last ? { line: cursor.line, ch: this.getLine(cursor.line).length } : { line: cursor.line + 1, ch: 0 };
        this.replaceRange("", from, to);
        this.setCursor(Math.min(cursor.line, this.lastLine()), 0);
        break;
      }
      case "indentMore":
      case "indentLess":
        this.processLines(
          () => null,
          (line, text) => {
            if (command === "indentMore") return { from: { line, ch: 0 }, text: "\t" };
            const remove = /^(\t| {1,4})/.exec(text)?.[0].length ?? 0;
            return remove > 0 ? { from: { line, ch: 0 }, to: { line, ch: remove }, text: "" } : undefined;
          },
        );
        break;
      case "swapLineUp":
      case "swapLineDown": {
        const other = command === "swapLineUp" ? cursor.line - 1 : cursor.line + 1;
        if (other < 0 || other > this.lastLine()) break;
        const lines = this.lines();
        const top = Math.min(cursor.line, other);
        this.replaceRange(`${lines[top + 1] ?? ""}\n${lines[top] ?? ""}`, { line: top, ch: 0 }, { line: top + 1, ch: (lines[top + 1] ?? "").length });
        this.setCursor(other, cursor.ch);
        break;
      }
      default:
        break;
    }
  }

  transaction(tx: O.EditorTransaction, _origin?: string): void {
    const changes: Change[] = (tx.changes ?? []).map((c) => {
      const a = this.posToOffset(c.from);
      const b = c.to ? this.posToOffset(c.to) : a;
      return { from: Math.min(a, b), to: Math.max(a, b), text: c.text };
    });
    if (tx.replaceSelection !== undefined) {
      for (const r of this.ranges) {
        const [from, to] = this.ordered(r);
        changes.push({ from: this.posToOffset(from), to: this.posToOffset(to), text: tx.replaceSelection });
      }
    }
    if (changes.length > 0) this.apply(changes, false);
    const selections = tx.selections ?? (tx.selection ? [tx.selection] : null);
    if (selections) {
      this.ranges = selections.map((s) => ({ anchor: this.clipPos(s.from), head: this.clipPos(s.to ?? s.from) }));
    }
    if (changes.length > 0) this.changed();
  }

  wordAt(pos: Pos): O.EditorRange | null {
    const line = this.getLine(pos.line);
    let start = pos.ch;
    let end = pos.ch;
    while (start > 0 && /\w/.test(line.charAt(start - 1))) start--;
    while (end < line.length && /\w/.test(line.charAt(end))) end++;
    return start === end ? null : { from: { line: pos.line, ch: start }, to: { line: pos.line, ch: end } };
  }

  posToOffset(pos: Pos): number {
    const clipped = this.clipPos(pos);
    const lines = this.lines();
    let offset = 0;
    for (let i = 0; i < clipped.line; i++) offset += (lines[i] ?? "").length + 1;
    return offset + clipped.ch;
  }

  offsetToPos(offset: number): Pos {
    const target = Math.max(0, Math.min(offset, this.text.length));
    const before = this.text.slice(0, target);
    const line = before.split("\n").length - 1;
    return { line, ch: target - (before.lastIndexOf("\n") + 1) };
  }

  processLines<T>(
    read: (line: number, lineText: string) => T | null,
    write: (line: number, lineText: string, value: T | null) => O.EditorChange | void,
    ignoreEmpty = false,
  ): void {
    const lines = new Set<number>();
    for (const r of this.ranges) {
      const [from, to] = this.ordered(r);
      for (let line = from.line; line <= to.line; line++) lines.add(line);
    }
    const sorted = [...lines].sort((a, b) => a - b).filter((line) => !ignoreEmpty || this.getLine(line).trim() !== "");
    const values = sorted.map((line) => read(line, this.getLine(line)));
    const changes: O.EditorChange[] = [];
    sorted.forEach((line, i) => {
      const change = write(line, this.getLine(line), values[i] ?? null);
      if (change) changes.push(change);
    });
    if (changes.length > 0) this.transaction({ changes });
  }

  // ---- Internals ------------------------------------------------------------------------------

  private lines(): string[] {
    return this.text.split("\n");
  }

  private clipPos(pos: Pos): Pos {
    const lines = this.lines();
    const line = Math.max(0, Math.min(pos.line, lines.length - 1));
    const ch = Math.max(0, Math.min(pos.ch, (lines[line] ?? "").length));
    return { line, ch };
  }

  private ordered(range: Range): [Pos, Pos] {
    return comparePos(range.anchor, range.head) <= 0 ? [range.anchor, range.head] : [range.head, range.anchor];
  }

  /**
   * Applies changes given against the current text (non-overlapping), maps the selections, and
   * returns where each change's inserted text ends in the new text.
   */
  private apply(changes: Change[], notify = true): number[] {
    this.undoStack.push({ text: this.text, ranges: this.ranges });
    this.redoStack.length = 0;
    const order = changes.map((c, i) => ({ c, i })).sort((a, b) => a.c.from - b.c.from);
    const mapOffset = (offset: number): number => {
      let shift = 0;
      for (const { c } of order) {
        if (offset <= c.from) break;
        if (offset < c.to) return c.from + shift + c.text.length;
        shift += c.text.length - (c.to - c.from);
      }
      return offset + shift;
    };
    const rangeOffsets = this.ranges.map((r) => [this.posToOffset(r.anchor), this.posToOffset(r.head)] as const);
    let result = "";
    let last = 0;
    let shift = 0;
    const ends: number[] = new Array<number>(changes.length).fill(0);
    for (const { c, i } of order) {
      result += this.text.slice(last, c.from) + c.text;
      last = c.to;
      ends[i] = c.from + shift + c.text.length;
      shift += c.text.length - (c.to - c.from);
    }
    result += this.text.slice(last);
    this.text = result;
    this.ranges = rangeOffsets.map(([anchor, head]) => ({
      anchor: this.offsetToPos(mapOffset(anchor)),
      head: this.offsetToPos(mapOffset(head)),
    }));
    if (notify) this.changed();
    return ends;
  }

  private changed(): void {
    this.onChange?.(this);
  }
}
