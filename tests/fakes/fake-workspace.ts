// The workspace: a main area and two sidebars, each one group of tabs (leaves). Opening a file
// in the active leaf fires `active-leaf-change` (when the active leaf changed), `file-open`, then
// `layout-change`. A sidebar leaf can be active; the active file and `activeEditor` then stay
// those of the most recent leaf of the main area. Views load at once (never deferred).
// Pop-out windows are windows of their own (a document, a window object, Obsidian's DOM
// additions; here an iframe's, which jsdom and browsers both give); opening one fires
// `window-open`, and it closes, firing `window-close`, when its last leaf goes. Their leaves count
// as leaves of the main area.
import type * as O from "obsidian";
import type { App } from "./fake-app";
import { trackResult } from "./fake-env";
import { Events, type Handler } from "./fake-events";
import { installDomHelpersIn } from "./fake-dom";
import { debounce, getLinkpath, normalizePath } from "./fake-util";
import { TFile, type TAbstractFile } from "./fake-vault";
import { asFakeView, asObsidianView, EmptyView, FileView, MarkdownView, OtherFileView, type View } from "./fake-views";

export type LeafLocation = "main" | "left" | "right";

const BUILTIN_TYPES: Record<string, string> = {
  png: "image", jpg: "image", jpeg: "image", gif: "image", bmp: "image", svg: "image", webp: "image", avif: "image",
  mp3: "audio", wav: "audio", m4a: "audio", ogg: "audio", flac: "audio",
  mp4: "video", webm: "video", mov: "video", mkv: "video",
  pdf: "pdf",
  canvas: "canvas",
};

export abstract class WorkspaceItem extends Events implements O.WorkspaceItem {
  abstract parent: WorkspaceParent;

  constructor(readonly workspace: Workspace) {
    super();
  }

  getRoot(): WorkspaceItem {
    return (this.parent as unknown) === this ? this : this.parent.getRoot();
  }

  getContainer(): WorkspaceContainer {
    const root = this.getRoot();
    return root instanceof WorkspaceContainer ? root : this.workspace.rootSplit;
  }
}

export abstract class WorkspaceParent extends WorkspaceItem implements O.WorkspaceParent {
  children: WorkspaceItem[] = [];
}

export class WorkspaceSplit extends WorkspaceParent implements O.WorkspaceSplit {
  parent: WorkspaceParent;

  constructor(workspace: Workspace, parent?: WorkspaceParent) {
    super(workspace);
    this.parent = parent ?? this;
  }
}

export abstract class WorkspaceContainer extends WorkspaceSplit implements O.WorkspaceContainer {
  abstract win: Window;
  abstract doc: Document;
}

export class WorkspaceRoot extends WorkspaceContainer implements O.WorkspaceRoot {
  win: Window = window;
  doc: Document = document;
}

export class WorkspaceWindow extends WorkspaceContainer implements O.WorkspaceWindow {
  win: Window;
  doc: Document;
  /** Fake only: the window's tabs, and the element views are shown in. */
  readonly tabs: WorkspaceTabs;
  readonly containerEl: HTMLElement;

  /** Fake only: what holds the window. */
  readonly frameEl: HTMLIFrameElement;

  constructor(workspace: Workspace) {
    super(workspace);
    this.frameEl = document.body.createEl("iframe", { cls: "fake-popout-window" });
    const win = this.frameEl.contentWindow as (Window & typeof globalThis) | null;
    if (!win) throw new Error("The pop-out window could not be opened.");
    installDomHelpersIn(win);
    this.win = win;
    this.doc = win.document;
    this.tabs = new WorkspaceTabs(workspace, this);
    this.containerEl = this.doc.body.createDiv("workspace");
  }

  /** Fake only: the window's leaves. */
  leaves(): WorkspaceLeaf[] {
    return this.tabs.children.filter((item): item is WorkspaceLeaf => item instanceof WorkspaceLeaf);
  }
}

export class WorkspaceSidedock extends WorkspaceSplit implements O.WorkspaceSidedock {
  collapsed = true;

  toggle(): void {
    this.collapsed = !this.collapsed;
  }

  collapse(): void {
    this.collapsed = true;
  }

  expand(): void {
    this.collapsed = false;
  }
}

export class WorkspaceTabs extends WorkspaceParent implements O.WorkspaceTabs {
  parent: WorkspaceSplit;
  /** Fake only: the tab on top. */
  selected: WorkspaceLeaf | null = null;

  constructor(workspace: Workspace, parent: WorkspaceSplit) {
    super(workspace);
    this.parent = parent;
    parent.children.push(this);
  }
}

export class WorkspaceRibbon implements O.WorkspaceRibbon {}

let leafCount = 0;

export class WorkspaceLeaf extends WorkspaceItem implements O.WorkspaceLeaf {
  parent: WorkspaceTabs;
  view: O.View;
  readonly app: App;
  readonly id: string;
  pinned = false;
  group: string | null = null;

  constructor(workspace: Workspace, parent: WorkspaceTabs) {
    super(workspace);
    this.app = workspace.app;
    this.parent = parent;
    this.id = `leaf-${++leafCount}`;
    const empty = new EmptyView(this);
    empty.load();
    this.view = asObsidianView(empty);
  }

  /** Fake only: where the leaf is. */
  get location(): LeafLocation {
    const root = this.getRoot();
    return root === this.workspace.leftSplit ? "left" : root === this.workspace.rightSplit ? "right" : "main";
  }

  async openFile(file: TFile, openState?: O.OpenViewState): Promise<void> {
    this.workspace.noteOpened(file);
    const state = { ...openState?.state, file: file.path };
    await this.applyViewState({ type: this.workspace.viewTypeFor(file), state, active: openState?.active ?? true }, openState?.eState, true);
  }

  async open(view: O.View): Promise<O.View> {
    await this.replaceView(asFakeView(view));
    return view;
  }

  getViewState(): O.ViewState {
    return { type: this.view.getViewType(), state: this.view.getState(), active: this.workspace.isActive(this), pinned: this.pinned };
  }

  setViewState(viewState: O.ViewState, eState?: unknown): Promise<void> {
    return this.applyViewState(viewState, eState, false);
  }

  private async applyViewState(viewState: O.ViewState, eState: unknown, fileOpened: boolean): Promise<void> {
    let view = asFakeView(this.view);
    if (view.getViewType() !== viewState.type) {
      view = this.workspace.createView(viewState.type, this);
      await this.replaceView(view);
    }
    await view.setState(viewState.state ?? {}, { history: false });
    if (eState !== undefined) view.setEphemeralState(eState);
    if (viewState.pinned !== undefined) this.setPinned(viewState.pinned);
    if (viewState.active) this.workspace.setActiveLeaf(this, { focus: true }, fileOpened);
    this.workspace.trigger("layout-change");
  }

  get isDeferred(): boolean {
    return false;
  }

  loadIfDeferred(): Promise<void> {
    return Promise.resolve();
  }

  getEphemeralState(): unknown {
    return this.view.getEphemeralState();
  }

  setEphemeralState(state: unknown): void {
    this.view.setEphemeralState(state);
  }

  togglePinned(): void {
    this.setPinned(!this.pinned);
  }

  setPinned(pinned: boolean): void {
    this.pinned = pinned;
    this.trigger("pinned-change", pinned);
  }

  setGroupMember(other: WorkspaceLeaf): void {
    const group = other.group ?? other.id;
    other.setGroup(group);
    this.setGroup(group);
  }

  setGroup(group: string): void {
    this.group = group;
    this.trigger("group-change", group);
  }

  detach(): void {
    this.workspace.detachLeaf(this);
  }

  getIcon(): string {
    return this.view.getIcon();
  }

  getDisplayText(): string {
    return this.view.getDisplayText();
  }

  onResize(): void {
    this.view.onResize();
  }

  override on(name: "pinned-change", callback: (pinned: boolean) => unknown, ctx?: unknown): O.EventRef;
  override on(name: "group-change", callback: (group: string) => unknown, ctx?: unknown): O.EventRef;
  override on(name: string, callback: Handler, ctx?: unknown): O.EventRef;
  override on(name: string, callback: Handler, ctx?: unknown): O.EventRef {
    return super.on(name, callback, ctx);
  }

  /** Fake only: closes the current view and shows `next`. */
  async replaceView(next: View): Promise<void> {
    const previous = asFakeView(this.view);
    if (previous === next) return;
    this.view = asObsidianView(next);
    await previous.closeView();
    previous.containerEl.detach();
    const container = this.getContainer();
    (container instanceof WorkspaceWindow ? container.containerEl : this.workspace.containerEl).appendChild(next.containerEl);
    await next.openView();
  }
}

export class Workspace extends Events implements O.Workspace {
  leftSplit: WorkspaceSidedock;
  rightSplit: WorkspaceSidedock;
  leftRibbon = new WorkspaceRibbon();
  rightRibbon = new WorkspaceRibbon();
  rootSplit: WorkspaceRoot;
  containerEl: HTMLElement = createDiv("workspace");
  layoutReady = false;
  requestSaveLayout: O.Debouncer<[], Promise<void>> = debounce(() => Promise.resolve(), 2000);
  activeEditor: O.MarkdownFileInfo | null = null;

  /** Fake only: view creators by type (Obsidian keeps them in its view registry). */
  readonly viewCreators = new Map<string, O.ViewCreator>();
  /** Fake only: view types by file extension (`registerExtensions`). */
  readonly extensionViews = new Map<string, string>();

  private readonly layoutCallbacks: Array<() => unknown> = [];
  private current: WorkspaceLeaf | null = null;
  private readonly tabs: Record<LeafLocation, WorkspaceTabs>;
  private mostRecentLeaf: WorkspaceLeaf | null = null;
  private lastOpenedFile: TFile | null = null;
  private readonly recentFiles: string[] = [];
  private readonly windows: WorkspaceWindow[] = [];

  constructor(readonly app: App) {
    super();
    this.rootSplit = new WorkspaceRoot(this);
    this.leftSplit = new WorkspaceSidedock(this);
    this.rightSplit = new WorkspaceSidedock(this);
    this.tabs = {
      main: new WorkspaceTabs(this, this.rootSplit),
      left: new WorkspaceTabs(this, this.leftSplit),
      right: new WorkspaceTabs(this, this.rightSplit),
    };
    this.setActiveLeaf(this.newLeaf("main"));
    app.vault.addObserver({
      onModify: (file) => this.onFileModified(file),
      onDelete: (file) => this.onFileDeleted(file),
      onRename: (file) => this.onFileRenamed(file),
    });
  }

  /** The active leaf (deprecated in Obsidian's API, still there). */
  get activeLeaf(): WorkspaceLeaf | null {
    return this.current;
  }

  set activeLeaf(leaf: WorkspaceLeaf | null) {
    this.current = leaf;
  }

  // ---- Fake only ------------------------------------------------------------------------------

  /** Marks the layout ready and runs the queued `onLayoutReady` callbacks, in order. */
  setLayoutReady(): void {
    if (this.layoutReady) return;
    this.layoutReady = true;
    for (const callback of this.layoutCallbacks.splice(0)) trackResult(callback());
    this.trigger("layout-ready");
  }

  isActive(leaf: WorkspaceLeaf): boolean {
    return this.current === leaf;
  }

  /** The MarkdownView of the active leaf, or null. */
  activeMarkdownView(): MarkdownView | null {
    const view = this.current ? asFakeView(this.current.view) : null;
    return view instanceof MarkdownView ? view : null;
  }

  allLeaves(): WorkspaceLeaf[] {
    const popouts = this.windows.flatMap((win) => win.tabs.children);
    return [...this.tabs.main.children, ...popouts, ...this.tabs.left.children, ...this.tabs.right.children].filter(
      (item): item is WorkspaceLeaf => item instanceof WorkspaceLeaf,
    );
  }

  viewTypeFor(file: TFile): string {
    if (file.extension === "md") return "markdown";
    return this.extensionViews.get(file.extension) ?? BUILTIN_TYPES[file.extension] ?? "file";
  }

  createView(type: string, leaf: WorkspaceLeaf): View {
    const creator = this.viewCreators.get(type);
    if (creator) return asFakeView(creator(leaf));
    if (type === "empty") return new EmptyView(leaf);
    if (type === "markdown") return new MarkdownView(leaf);
    if (type === "file" || Object.values(BUILTIN_TYPES).includes(type)) return new OtherFileView(leaf, type);
    throw new Error(`No view is registered for the type "${type}".`);
  }

  noteOpened(file: TFile): void {
    const index = this.recentFiles.indexOf(file.path);
    if (index >= 0) this.recentFiles.splice(index, 1);
    this.recentFiles.unshift(file.path);
    this.recentFiles.length = Math.min(this.recentFiles.length, 10);
  }

  detachLeaf(leaf: WorkspaceLeaf): void {
    const tabs = leaf.parent;
    if (!tabs.children.includes(leaf)) return;
    tabs.children = tabs.children.filter((c) => c !== leaf);
    if (tabs.selected === leaf) tabs.selected = null;
    if (this.mostRecentLeaf === leaf) this.mostRecentLeaf = this.rootLeaves()[0] ?? null;
    if (this.tabs.main.children.length === 0) this.mostRecentLeaf = this.newLeaf("main");
    if (this.current === leaf) this.setActiveLeaf(this.mostRecentLeaf ?? this.newLeaf("main"));
    trackResult(asFakeView(leaf.view).closeView());
    const win = this.windows.find((w) => w.tabs === tabs);
    if (win && win.leaves().length === 0) this.closeWindow(win);
    this.trigger("layout-change");
  }

  // ---- Workspace ------------------------------------------------------------------------------

  onLayoutReady(callback: () => unknown): void {
    if (this.layoutReady) trackResult(callback());
    else this.layoutCallbacks.push(callback);
  }

  changeLayout(_workspace: unknown): Promise<void> {
    return Promise.resolve();
  }

  getLayout(): Record<string, unknown> {
    const describe = (location: LeafLocation): O.ViewState[] =>
      this.allLeaves().filter((l) => l.location === location).map((l) => l.getViewState());
    return { main: describe("main"), left: describe("left"), right: describe("right"), active: this.current?.id ?? null };
  }

  createLeafInParent(parent: WorkspaceSplit, index: number): WorkspaceLeaf {
    const location: LeafLocation = parent === this.leftSplit ? "left" : parent === this.rightSplit ? "right" : "main";
    return this.newLeaf(location, index);
  }

  createLeafBySplit(leaf: WorkspaceLeaf, _direction?: O.SplitDirection, _before?: boolean): WorkspaceLeaf {
    return this.newLeaf(leaf.location);
  }

  splitActiveLeaf(direction?: O.SplitDirection): WorkspaceLeaf {
    return this.createLeafBySplit(this.current ?? this.getLeaf(), direction);
  }

  async duplicateLeaf(leaf: WorkspaceLeaf, _a?: O.PaneType | boolean | O.SplitDirection, _b?: O.SplitDirection): Promise<WorkspaceLeaf> {
    const copy = this.newLeaf(leaf.location);
    await copy.setViewState({ ...leaf.getViewState(), active: false });
    return copy;
  }

  getUnpinnedLeaf(): WorkspaceLeaf {
    return this.getLeaf(false);
  }

  getLeaf(newLeaf?: O.PaneType | boolean, _direction?: O.SplitDirection): WorkspaceLeaf {
    if (newLeaf === true || typeof newLeaf === "string") return this.newLeaf("main");
    const active = this.current;
    if (active && active.location === "main" && !active.pinned) return active;
    const recent = this.mostRecentLeaf;
    if (recent && !recent.pinned && this.rootLeaves().includes(recent)) return recent;
    return this.newLeaf("main");
  }

  moveLeafToPopout(leaf: WorkspaceLeaf, _data?: O.WorkspaceWindowInitData): WorkspaceWindow {
    const from = leaf.parent;
    from.children = from.children.filter((c) => c !== leaf);
    if (from.selected === leaf) from.selected = null;
    const win = this.openWindow();
    leaf.parent = win.tabs;
    win.tabs.children.push(leaf);
    win.tabs.selected = leaf;
    win.containerEl.appendChild(asFakeView(leaf.view).containerEl);
    const source = this.windows.find((w) => w.tabs === from);
    if (source && source.leaves().length === 0) this.closeWindow(source);
    if (this.tabs.main.children.length === 0) this.mostRecentLeaf = this.newLeaf("main");
    this.trigger("layout-change");
    return win;
  }

  openPopoutLeaf(_data?: O.WorkspaceWindowInitData): WorkspaceLeaf {
    const win = this.openWindow();
    const leaf = new WorkspaceLeaf(this, win.tabs);
    win.tabs.children.push(leaf);
    win.tabs.selected = leaf;
    return leaf;
  }

  /** Opens the note a link points to; like Obsidian, creates it when the link is unresolved. */
  async openLinkText(linktext: string, sourcePath: string, newLeaf?: O.PaneType | boolean, openViewState?: O.OpenViewState): Promise<void> {
    const linkpath = getLinkpath(linktext);
    let file = this.app.metadataCache.getFirstLinkpathDest(linkpath, sourcePath);
    if (!file) {
      const folder = this.app.fileManager.getNewFileParent(sourcePath);
      const name = /\.[^/.]+$/.test(linkpath) ? linkpath : `${linkpath}.md`;
      file = await this.app.vault.create(normalizePath(folder.isRoot() ? name : `${folder.path}/${name}`), "");
    }
    await this.getLeaf(newLeaf).openFile(file, openViewState);
  }

  setActiveLeaf(leaf: WorkspaceLeaf, params?: { focus?: boolean } | boolean, fileOpened?: boolean): void {
    const changed = this.current !== leaf;
    this.current = leaf;
    const view = asFakeView(leaf.view);
    if (leaf.location === "main") {
      this.mostRecentLeaf = leaf;
      leaf.parent.selected = leaf;
      this.activeEditor = view instanceof MarkdownView ? view : null;
    } else if (view instanceof MarkdownView) {
      this.activeEditor = view;
    }
    if (changed) this.trigger("active-leaf-change", leaf);
    const file = this.getActiveFile();
    if (fileOpened === true || (changed && file !== this.lastOpenedFile)) {
      this.lastOpenedFile = file;
      this.trigger("file-open", file);
    }
  }

  getLeafById(id: string): WorkspaceLeaf | null {
    return this.allLeaves().find((l) => l.id === id) ?? null;
  }

  getGroupLeaves(group: string): WorkspaceLeaf[] {
    return this.allLeaves().filter((l) => l.group === group);
  }

  getMostRecentLeaf(_root?: WorkspaceParent): WorkspaceLeaf | null {
    return this.mostRecentLeaf;
  }

  getLeftLeaf(_split: boolean): WorkspaceLeaf | null {
    return this.newLeaf("left");
  }

  getRightLeaf(_split: boolean): WorkspaceLeaf | null {
    return this.newLeaf("right");
  }

  async ensureSideLeaf(
    type: string,
    side: O.Side,
    options: { active?: boolean; split?: boolean; reveal?: boolean; state?: unknown } = {},
  ): Promise<WorkspaceLeaf> {
    let leaf = this.getLeavesOfType(type).find((l) => l.location === side);
    if (!leaf) {
      leaf = this.newLeaf(side);
      await leaf.setViewState({ type, active: options.active ?? false, state: options.state as Record<string, unknown> | undefined });
    }
    if (options.reveal ?? true) await this.revealLeaf(leaf);
    return leaf;
  }

  getActiveViewOfType<T extends O.View>(type: O.Constructor<T>): T | null {
    const view = this.current?.view;
    return view instanceof type ? view : null;
  }

  getActiveFile(): TFile | null {
    const active = this.current;
    const leaf = active && active.location === "main" ? active : this.mostRecentLeaf;
    const view = leaf ? asFakeView(leaf.view) : null;
    if (view instanceof FileView) return view.file;
    const editorFile = this.activeEditor?.file;
    if (active && active.location !== "main" && editorFile instanceof TFile) return editorFile;
    return null;
  }

  iterateRootLeaves(callback: (leaf: WorkspaceLeaf) => unknown): void {
    for (const leaf of this.rootLeaves()) callback(leaf);
  }

  iterateAllLeaves(callback: (leaf: WorkspaceLeaf) => unknown): void {
    for (const leaf of this.allLeaves()) callback(leaf);
  }

  getLeavesOfType(viewType: string): WorkspaceLeaf[] {
    return this.allLeaves().filter((l) => l.view.getViewType() === viewType);
  }

  detachLeavesOfType(viewType: string): void {
    for (const leaf of this.getLeavesOfType(viewType)) leaf.detach();
  }

  revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
    const root = leaf.getRoot();
    if (root instanceof WorkspaceSidedock) root.expand();
    leaf.parent.selected = leaf;
    return Promise.resolve();
  }

  getLastOpenFiles(): string[] {
    return [...this.recentFiles];
  }

  updateOptions(): void {}

  override on(name: "file-open", callback: (file: TFile | null) => unknown, ctx?: unknown): O.EventRef;
  override on(name: "active-leaf-change", callback: (leaf: WorkspaceLeaf | null) => unknown, ctx?: unknown): O.EventRef;
  override on(name: "layout-change", callback: () => unknown, ctx?: unknown): O.EventRef;
  override on(name: "editor-change", callback: (editor: O.Editor, info: O.MarkdownFileInfo) => unknown, ctx?: unknown): O.EventRef;
  override on(name: "window-open", callback: (win: WorkspaceWindow, window: Window) => unknown, ctx?: unknown): O.EventRef;
  override on(name: "window-close", callback: (win: WorkspaceWindow, window: Window) => unknown, ctx?: unknown): O.EventRef;
  override on(name: string, callback: Handler, ctx?: unknown): O.EventRef;
  override on(name: string, callback: Handler, ctx?: unknown): O.EventRef {
    return super.on(name, callback, ctx);
  }

  // ---- Internals ------------------------------------------------------------------------------

  private openWindow(): WorkspaceWindow {
    const win = new WorkspaceWindow(this);
    this.windows.push(win);
    this.trigger("window-open", win, win.win);
    return win;
  }

  private closeWindow(win: WorkspaceWindow): void {
    this.windows.splice(this.windows.indexOf(win), 1);
    this.trigger("window-close", win, win.win);
    win.frameEl.remove();
  }

  private rootLeaves(): WorkspaceLeaf[] {
    return this.allLeaves().filter((l) => l.location === "main");
  }

  private newLeaf(location: LeafLocation, index?: number): WorkspaceLeaf {
    const tabs = this.tabs[location];
    const leaf = new WorkspaceLeaf(this, tabs);
    if (index === undefined || index >= tabs.children.length) tabs.children.push(leaf);
    else tabs.children.splice(Math.max(0, index), 0, leaf);
    return leaf;
  }

  private markdownViewsOf(file: TAbstractFile): MarkdownView[] {
    return this.allLeaves()
      .map((l) => asFakeView(l.view))
      .filter((v): v is MarkdownView => v instanceof MarkdownView && v.file === file);
  }

  private onFileModified(file: TFile): void {
    const views = this.markdownViewsOf(file);
    if (views.length === 0) return;
    const raw = this.app.vault.adapter.readSync(file.path);
    const data = typeof raw === "string" ? raw : new TextDecoder().decode(raw);
    for (const view of views) view.reload(data);
  }

  private onFileDeleted(file: TAbstractFile): void {
    for (const leaf of this.allLeaves()) {
      const view = asFakeView(leaf.view);
      if (view instanceof FileView && view.file === file) {
        if (view instanceof MarkdownView && this.activeEditor === view) this.activeEditor = null;
        view.file = null;
        trackResult(leaf.replaceView(new EmptyView(leaf)));
      }
    }
  }

  private onFileRenamed(file: TAbstractFile): void {
    if (!(file instanceof TFile)) return;
    for (const leaf of this.allLeaves()) {
      const view = asFakeView(leaf.view);
      if (view instanceof FileView && view.file === file) trackResult(view.onRename(file));
    }
  }
}
