// Views: View, ItemView (containerEl = [header, content]), FileView, TextFileView and the
// MarkdownView whose `editor` is the string-backed Editor. A change made through the editor is
// written to the vault at once (Obsidian saves about two seconds later); a change to the file on
// disk reloads the editor, keeping the cursor where it can.
import type * as O from "obsidian";
import type { App } from "./fake-app";
import { Editor } from "./fake-editor";
import { Component } from "./fake-events";
import { setIcon } from "./fake-dom";
import type { Scope } from "./fake-ui";
import { debounce } from "./fake-util";
import type { TFile } from "./fake-vault";
import type { WorkspaceLeaf } from "./fake-workspace";

/** The fake views are not O.View to the type checker (O.View has protected members). */
export function asObsidianView(view: View): O.View {
  return view as unknown as O.View;
}

export function asFakeView(view: O.View): View {
  return view as unknown as View;
}

export abstract class View extends Component implements Pick<O.View, keyof O.View> {
  app: App;
  icon = "";
  navigation = false;
  leaf: WorkspaceLeaf;
  containerEl: HTMLElement;
  scope: Scope | null = null;

  constructor(leaf: WorkspaceLeaf) {
    super();
    this.leaf = leaf;
    this.app = leaf.app;
    this.containerEl = createDiv("workspace-leaf-content");
  }

  protected onOpen(): Promise<void> {
    return Promise.resolve();
  }

  protected onClose(): Promise<void> {
    return Promise.resolve();
  }

  abstract getViewType(): string;

  getState(): Record<string, unknown> {
    return {};
  }

  setState(_state: unknown, _result: O.ViewStateResult): Promise<void> {
    return Promise.resolve();
  }

  getEphemeralState(): Record<string, unknown> {
    return {};
  }

  setEphemeralState(_state: unknown): void {}

  getIcon(): string {
    return this.icon;
  }

  onResize(): void {}

  abstract getDisplayText(): string;

  onPaneMenu(_menu: O.Menu, _source: string): void {}

  /** Fake only: what the leaf does when the view is shown (load, then onOpen). */
  async openView(): Promise<void> {
    this.containerEl.setAttr("data-type", this.getViewType());
    this.load();
    await this.onOpen();
  }

  /** Fake only: what the leaf does when the view goes away (onClose, then unload). */
  async closeView(): Promise<void> {
    await this.onClose();
    this.unload();
    this.containerEl.detach();
  }
}

export abstract class ItemView extends View implements Pick<O.ItemView, keyof O.ItemView> {
  contentEl: HTMLElement;
  /** Fake only: the header holding the title and the actions. */
  readonly headerEl: HTMLElement;
  private readonly actionsEl: HTMLElement;

  constructor(leaf: WorkspaceLeaf) {
    super(leaf);
    this.headerEl = this.containerEl.createDiv("view-header");
    this.headerEl.createDiv("view-header-title");
    this.actionsEl = this.headerEl.createDiv("view-actions");
    this.contentEl = this.containerEl.createDiv("view-content");
  }

  addAction(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const el = this.actionsEl.createEl("a", { cls: ["clickable-icon", "view-action"], attr: { "aria-label": title } });
    setIcon(el, icon);
    el.addEventListener("click", (evt) => void callback(evt));
    return el;
  }
}

export abstract class FileView extends ItemView implements Pick<O.FileView, keyof O.FileView> {
  allowNoFile = false;
  file: TFile | null = null;
  override navigation = true;

  override getDisplayText(): string {
    return this.file?.basename ?? "No file";
  }

  override onload(): void {}

  override getState(): Record<string, unknown> {
    return this.file ? { file: this.file.path } : {};
  }

  override async setState(state: unknown, _result: O.ViewStateResult): Promise<void> {
    const path = typeof state === "object" && state !== null && "file" in state ? state.file : undefined;
    if (typeof path !== "string") return;
    const file = this.app.vault.getFileByPath(path);
    if (file && file !== this.file) await this.loadFile(file);
  }

  /** Fake only: switches the view to another file. */
  async loadFile(file: TFile): Promise<void> {
    if (this.file) await this.onUnloadFile(this.file);
    this.file = file;
    await this.onLoadFile(file);
  }

  onLoadFile(_file: TFile): Promise<void> {
    return Promise.resolve();
  }

  onUnloadFile(_file: TFile): Promise<void> {
    return Promise.resolve();
  }

  onRename(_file: TFile): Promise<void> {
    return Promise.resolve();
  }

  canAcceptExtension(_extension: string): boolean {
    return false;
  }
}

export abstract class EditableFileView extends FileView {}

export abstract class TextFileView extends EditableFileView implements Pick<O.TextFileView, keyof O.TextFileView> {
  data = "";
  requestSave: () => void;

  constructor(leaf: WorkspaceLeaf) {
    super(leaf);
    this.requestSave = debounce(() => this.save(), 2000, true);
  }

  override async onLoadFile(file: TFile): Promise<void> {
    this.data = await this.app.vault.read(file);
    this.setViewData(this.data, true);
  }

  override async onUnloadFile(_file: TFile): Promise<void> {
    await this.save();
    this.clear();
  }

  async save(clear?: boolean): Promise<void> {
    const file = this.file;
    if (!file || this.app.vault.getFileByPath(file.path) !== file) return;
    this.data = this.getViewData();
    if ((await this.app.vault.read(file)) !== this.data) await this.app.vault.modify(file, this.data);
    if (clear) this.clear();
  }

  abstract getViewData(): string;
  abstract setViewData(data: string, clear: boolean): void;
  abstract clear(): void;
}

type MarkdownViewKeys = "editor" | "hoverPopover" | "getViewType" | "getMode" | "getViewData" | "clear" | "setViewData" | "showSearch";

export class MarkdownView extends TextFileView implements Pick<O.MarkdownView, MarkdownViewKeys> {
  editor: Editor = new Editor();
  hoverPopover: O.HoverPopover | null = null;
  /** The note's line ending: the editor works with "\n", saves put the original back. */
  private eol = "\n";

  constructor(leaf: WorkspaceLeaf) {
    super(leaf);
    this.editor.onChange = () => this.onEditorChange();
  }

  getViewType(): string {
    return "markdown";
  }

  getMode(): O.MarkdownViewModeType {
    return "source";
  }

  getViewData(): string {
    const text = this.editor.getValue();
    return this.eol === "\n" ? text : text.replace(/\n/g, this.eol);
  }

  setViewData(data: string, clear: boolean): void {
    this.eol = data.includes("\r\n") ? "\r\n" : "\n";
    this.editor.load(data.replace(/\r\n/g, "\n"));
    if (clear) this.editor.setCursor(0, 0);
    this.data = data;
  }

  clear(): void {
    this.editor.load("");
  }

  showSearch(_replace?: boolean): void {}

  override canAcceptExtension(extension: string): boolean {
    return extension === "md";
  }

  /** Fake only: the file changed on disk. */
  reload(data: string): void {
    if (data !== this.getViewData()) this.setViewData(data, false);
  }

  private onEditorChange(): void {
    this.data = this.getViewData();
    if (this.file) this.app.vault.saveFromEditor(this.file, this.data);
    this.app.workspace.trigger("editor-change", this.editor, this);
  }
}

/** The view of a new, empty tab. */
export class EmptyView extends ItemView {
  getViewType(): string {
    return "empty";
  }

  getDisplayText(): string {
    return "New tab";
  }
}

/** Non-Markdown files (images, PDFs, ...): the fake shows nothing but knows the file. */
export class OtherFileView extends FileView {
  constructor(
    leaf: WorkspaceLeaf,
    private readonly type: string,
  ) {
    super(leaf);
  }

  getViewType(): string {
    return this.type;
  }

  override canAcceptExtension(): boolean {
    return true;
  }
}
