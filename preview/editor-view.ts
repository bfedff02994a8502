// The Markdown view of the preview: the fake MarkdownView (whose Editor the plugin's commands use)
// shown as a plain-text editor — a <textarea> kept in step with the Editor's text, cursor and
// selection both ways — and a reading view that renders the note, with the plugin's code blocks.
import { Editor } from "../tests/fakes/fake-editor";
import { Component } from "../tests/fakes/fake-events";
import { MarkdownView } from "../tests/fakes/fake-views";
import type { WorkspaceLeaf } from "../tests/fakes/fake-workspace";
import { Keymap } from "../tests/fakes/fake-ui";
import { renderNote } from "./markdown";
import { PreviewNotice } from "./notices";

type Mode = "source" | "preview";

/** An Editor that tells its view when the cursor moves or the text is reloaded. */
class ViewEditor extends Editor {
  moved: (() => void) | null = null;

  override load(text: string): void {
    super.load(text);
    this.moved?.();
  }

  override setCursor(pos: Parameters<Editor["setCursor"]>[0], ch?: number): void {
    super.setCursor(pos, ch);
    this.moved?.();
  }

  override setSelection(anchor: Parameters<Editor["setSelection"]>[0], head?: Parameters<Editor["setSelection"]>[1]): void {
    super.setSelection(anchor, head);
    this.moved?.();
  }

  override setSelections(ranges: Parameters<Editor["setSelections"]>[0], main?: number): void {
    super.setSelections(ranges, main);
    this.moved?.();
  }

  override focus(): void {
    super.focus();
    this.moved?.();
  }
}

export class PreviewMarkdownView extends MarkdownView {
  private mode: Mode = "source";
  private readonly sourceEl: HTMLElement;
  private readonly textarea: HTMLTextAreaElement;
  private readonly readingEl: HTMLElement;
  private readonly modeButton: HTMLElement;
  /** True while a change typed into the textarea is handed to the Editor. */
  private typing = false;
  private rendered: string | null = null;
  private renderChild: Component | null = null;
  private renderTimer: number | null = null;

  constructor(leaf: WorkspaceLeaf) {
    super(leaf);
    const editor = new ViewEditor();
    // The fake MarkdownView saves and fires "editor-change" from its editor's onChange.
    const save = this.editor.onChange;
    editor.onChange = (changed) => {
      save?.(changed);
      this.syncFromEditor();
      this.scheduleRender();
    };
    editor.moved = () => this.syncFromEditor();
    this.editor = editor;

    this.contentEl.addClass("markdown-view-content");
    this.sourceEl = this.contentEl.createDiv("markdown-source-view mod-cm6 is-plain-text");
    this.textarea = this.sourceEl.createEl("textarea", {
      cls: "preview-editor",
      attr: { spellcheck: "false", "aria-label": "Note text", autocapitalize: "off" },
    });
    this.readingEl = this.contentEl.createDiv("markdown-reading-view");
    this.readingEl.hide();
    this.modeButton = this.addAction("book-open", "Reading view (Ctrl+E)", () => this.toggleMode());
    this.listen();
  }

  override getMode(): "source" | "preview" {
    return this.mode;
  }

  override setViewData(data: string, clear: boolean): void {
    super.setViewData(data, clear);
    this.syncFromEditor();
    this.scheduleRender();
  }

  override async onClose(): Promise<void> {
    if (this.renderTimer !== null) window.clearTimeout(this.renderTimer);
    this.renderChild?.unload();
    await super.onClose();
  }

  /** Switches between the editor and the reading view. */
  toggleMode(): void {
    this.setMode(this.mode === "source" ? "preview" : "source");
  }

  setMode(mode: Mode): void {
    this.mode = mode;
    this.sourceEl.toggle(mode === "source");
    this.readingEl.toggle(mode === "preview");
    this.modeButton.empty();
    const next = mode === "source" ? { icon: "book-open", label: "Reading view (Ctrl+E)" } : { icon: "pencil", label: "Editing view (Ctrl+E)" };
    this.modeButton.setAttr("aria-label", next.label);
    this.modeButton.dataset.icon = next.icon;
    this.modeButton.createSpan({ cls: ["svg-icon", `lucide-${next.icon}`], attr: { "data-icon": next.icon } });
    this.containerEl.toggleClass("is-reading", mode === "preview");
    if (mode === "preview") void this.render();
    else this.textarea.focus();
  }

  private listen(): void {
    const textarea = this.textarea;
    textarea.addEventListener("input", () => this.takeTyping());
    for (const type of ["keyup", "mouseup", "select", "focus"]) textarea.addEventListener(type, () => this.takeSelection());
    textarea.addEventListener("focus", () => this.editor.focus());
    textarea.addEventListener("blur", () => this.editor.blur());
    textarea.addEventListener("keydown", (event) => {
      if (event.key === "Tab" && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        this.takeSelection();
        if (event.shiftKey) this.editor.exec("indentLess");
        else if (this.editor.somethingSelected()) this.editor.exec("indentMore");
        else this.editor.replaceSelection("\t");
      }
    });
    this.readingEl.addEventListener("click", (event) => {
      const target = event.target instanceof Element ? event.target.closest("a") : null;
      if (!target || !this.readingEl.contains(target)) return;
      if (target.hasClass("external-link")) return;
      event.preventDefault();
      const href = target.getAttr("data-href");
      if (target.hasClass("internal-link") && href !== null && this.file) {
        void this.app.workspace.openLinkText(href, this.file.path, Keymap.isModEvent(event));
      }
    });
  }

  /** What was typed: the smallest replaced range, handed to the Editor as one change. */
  private takeTyping(): void {
    const before = this.editor.getValue();
    const after = this.textarea.value;
    if (before === after) return this.takeSelection();
    let start = 0;
    while (start < before.length && start < after.length && before[start] === after[start]) start++;
    let endBefore = before.length;
    let endAfter = after.length;
    while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
      endBefore--;
      endAfter--;
    }
    this.typing = true;
    try {
      this.editor.replaceRange(after.slice(start, endAfter), this.editor.offsetToPos(start), this.editor.offsetToPos(endBefore));
      this.setEditorSelection();
    } finally {
      this.typing = false;
    }
  }

  private takeSelection(): void {
    this.typing = true;
    try {
      this.setEditorSelection();
    } finally {
      this.typing = false;
    }
  }

  private setEditorSelection(): void {
    const { selectionStart, selectionEnd, selectionDirection } = this.textarea;
    const from = this.editor.offsetToPos(selectionStart);
    const to = this.editor.offsetToPos(selectionEnd);
    if (selectionDirection === "backward") this.editor.setSelection(to, from);
    else this.editor.setSelection(from, to);
  }

  /** Shows the Editor's text and selection in the textarea (after a command or a reload). */
  private syncFromEditor(): void {
    if (this.typing) return;
    const text = this.editor.getValue();
    if (this.textarea.value !== text) this.textarea.value = text;
    const anchor = this.editor.posToOffset(this.editor.getCursor("anchor"));
    const head = this.editor.posToOffset(this.editor.getCursor("head"));
    this.textarea.setSelectionRange(Math.min(anchor, head), Math.max(anchor, head), head < anchor ? "backward" : "forward");
  }

  private scheduleRender(): void {
    if (this.mode !== "preview") return;
    if (this.renderTimer !== null) window.clearTimeout(this.renderTimer);
    this.renderTimer = window.setTimeout(() => {
      this.renderTimer = null;
      void this.render();
    }, 150);
  }

  private async render(): Promise<void> {
    const file = this.file;
    const text = this.editor.getValue();
    if (!file || text === this.rendered) return;
    this.rendered = text;
    const scroll = this.readingEl.scrollTop;
    if (this.renderChild) this.removeChild(this.renderChild);
    const child = this.addChild(new Component());
    this.renderChild = child;
    const pageEl = createDiv("markdown-preview-view markdown-rendered");
    const sizer = pageEl.createDiv("markdown-preview-sizer markdown-preview-section");
    sizer.createDiv({ cls: "inline-title", text: file.basename });
    await renderNote(sizer, {
      app: this.app,
      file,
      text,
      component: child,
      toggleTask: (n, original) => void this.toggleTask(n, original),
    });
    if (this.renderChild !== child) return;
    this.readingEl.replaceChildren(pageEl);
    this.readingEl.scrollTop = scroll;
  }

  /** Clicking a task's box in reading view: `[ ]` becomes `[x]` and back, on that line only. */
  private async toggleTask(n: number, original: string): Promise<void> {
    const file = this.file;
    if (!file) return;
    let changed = false;
    await this.app.vault.process(file, (data) => {
      const eol = data.includes("\r\n") ? "\r\n" : "\n";
      const lines = data.split(eol);
      if (lines[n] !== original) return data;
      lines[n] = original.replace(/^(\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s+\[)(.)\]/, (_m, lead: string, status: string) => `${lead}${status === " " ? "x" : " "}]`);
      changed = true;
      return lines.join(eol);
    });
    if (!changed) new PreviewNotice("That task changed since it was shown; nothing was written.");
  }
}
