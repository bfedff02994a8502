import { RangeSetBuilder, type Extension } from "@codemirror/state";
import { Decoration, ViewPlugin, type DecorationSet, type EditorView, type ViewUpdate } from "@codemirror/view";
import { setIcon, type EventRef, type MarkdownPostProcessor, type Workspace } from "obsidian";
import { inRanges, privateLineRanges } from "../domain/private-sections";

export const DISCREET_BODY_CLASS = "ooo-discreet";
const PRIVATE_LINE_CLASS = "ooo-private-line";
const PRIVATE_SECTION_CLASS = "ooo-private-section";

/**
 * Discreet mode, for screen sharing: private-notes sections are blurred in the editor and in
 * reading view — in every window, the main one and each pop-out, open now or later — birthdays
 * are left out of the views, and an indicator in the status bar says so.
 */
export class DiscreetMode {
  private readonly listeners = new Set<() => void>();
  /** Pop-out windows opened since the plugin loaded (some may have no leaf yet). */
  private readonly opened = new Set<Document>();
  private readonly windowEvents: EventRef[];

  constructor(
    private enabled: boolean,
    private readonly indicatorEl: HTMLElement,
    private readonly persist: (enabled: boolean) => void,
    private readonly workspace: Workspace,
  ) {
    this.windowEvents = [
      workspace.on("window-open", (win) => {
        this.opened.add(win.doc);
        win.doc.body.toggleClass(DISCREET_BODY_CLASS, this.enabled);
      }),
      workspace.on("window-close", (win) => this.opened.delete(win.doc)),
    ];
    indicatorEl.addClass("ooo-discreet-indicator", "mod-clickable");
    setIcon(indicatorEl.createSpan({ cls: "ooo-discreet-icon" }), "eye-off");
    indicatorEl.createSpan({ text: "Discreet" });
    indicatorEl.setAttr("aria-label", "Discreet mode is on: private notes and birthdays are hidden. Click to turn it off.");
    indicatorEl.setAttr("role", "button");
    indicatorEl.addEventListener("click", () => this.set(false));
    this.apply();
  }

  get on(): boolean {
    return this.enabled;
  }

  toggle(): void {
    this.set(!this.enabled);
  }

  set(enabled: boolean): void {
    if (enabled === this.enabled) return;
    this.enabled = enabled;
    this.persist(enabled);
    this.apply();
    for (const listener of [...this.listeners]) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Takes the class off every window when the plugin unloads. */
  dispose(): void {
    for (const ref of this.windowEvents) this.workspace.offref(ref);
    for (const doc of this.documents()) doc.body.removeClass(DISCREET_BODY_CLASS);
    this.listeners.clear();
  }

  /** The document of every window: the main one, each pop-out with a leaf, each one opened. */
  private documents(): Set<Document> {
    const docs = new Set<Document>([this.workspace.rootSplit.doc, ...this.opened]);
    this.workspace.iterateAllLeaves((leaf) => docs.add(leaf.getContainer().doc));
    return docs;
  }

  private apply(): void {
    for (const doc of this.documents()) doc.body.toggleClass(DISCREET_BODY_CLASS, this.enabled);
    this.indicatorEl.toggleClass("is-hidden", !this.enabled);
  }
}

/** Marks rendered blocks that belong to a private section (reading view). */
export function privateSectionMarker(privateHeadings: () => string[]): MarkdownPostProcessor {
  return (el, ctx) => {
    const info = ctx.getSectionInfo(el);
    if (!info) return;
    if (inRanges(info.lineStart, privateLineRanges(info.text, privateHeadings()))) el.addClass(PRIVATE_SECTION_CLASS);
  };
}

/** Marks the lines of private sections in the editor; CSS blurs them only in discreet mode. */
export function privateLinesExtension(privateHeadings: () => string[]): Extension {
  const decorate = (view: EditorView): DecorationSet => {
    const builder = new RangeSetBuilder<Decoration>();
    const doc = view.state.doc;
    const line = Decoration.line({ class: PRIVATE_LINE_CLASS });
    for (const range of privateLineRanges(doc.toString(), privateHeadings())) {
      for (let n = range.from; n <= range.to && n < doc.lines; n++) {
        const start = doc.line(n + 1).from;
        builder.add(start, start, line);
      }
    }
    return builder.finish();
  };
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = decorate(view);
      }
      update(update: ViewUpdate): void {
        if (update.docChanged) this.decorations = decorate(update.view);
      }
    },
    { decorations: (plugin) => plugin.decorations },
  );
}
