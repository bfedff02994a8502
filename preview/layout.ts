// Obsidian's window, reduced to what the plugin touches: the ribbon on the left, the file
// explorer, the main area with its tabs, the right sidebar with its tabs, and the status bar.
// The fake workspace keeps leaves and views; this puts each leaf's view where it belongs and
// shows the selected tab of each group, after every change of the layout.
import type { App } from "../tests/fakes/fake-app";
import { setIcon } from "../tests/fakes/fake-dom";
import { asFakeView, type View } from "../tests/fakes/fake-views";
import type { LeafLocation, WorkspaceLeaf } from "../tests/fakes/fake-workspace";
import { FileTree } from "./file-tree";

interface TabGroup {
  location: LeafLocation;
  el: HTMLElement;
  headerEl: HTMLElement;
  containerEl: HTMLElement;
}

export interface RibbonAction {
  icon: string;
  title: string;
  run: () => void;
}

function icon(parent: HTMLElement, name: string): HTMLElement {
  const el = parent.createDiv("preview-icon");
  setIcon(el, name);
  return el;
}

export class Layout {
  readonly fileTree: FileTree;
  private readonly rootEl: HTMLElement;
  private readonly leftEl: HTMLElement;
  private readonly rightEl: HTMLElement;
  private readonly groups: TabGroup[];
  private readonly wrappers = new Map<WorkspaceLeaf, HTMLElement>();
  private readonly ribbonEl: HTMLElement;
  private renderScheduled = false;
  private leftCollapsed = false;

  constructor(private readonly app: App) {
    const body = document.body;
    const appEl = body.createDiv("app-container");
    const main = appEl.createDiv("horizontal-main-container");
    const workspaceEl = main.createDiv("workspace preview-workspace");

    this.ribbonEl = workspaceEl.createDiv("workspace-ribbon side-dock-ribbon mod-left");
    app.ribbonEl.addClass("side-dock-actions");
    this.ribbonEl.appendChild(app.ribbonEl);

    this.leftEl = workspaceEl.createDiv("workspace-split mod-horizontal mod-sidedock mod-left-split");
    this.fileTree = new FileTree(app);
    this.leftEl.appendChild(this.fileTree.el);
    const leftLeaves = this.leftEl.createDiv("preview-left-leaves");

    this.rootEl = workspaceEl.createDiv("workspace-split mod-vertical mod-root");
    this.rightEl = workspaceEl.createDiv("workspace-split mod-horizontal mod-sidedock mod-right-split");
    this.groups = [this.tabGroup("main", this.rootEl), this.tabGroup("right", this.rightEl), this.tabGroup("left", leftLeaves)];

    const toggleRight = this.groups[0]?.headerEl.parentElement?.createDiv({
      cls: "clickable-icon sidebar-toggle-button mod-right",
      attr: { "aria-label": "Toggle right sidebar", role: "button", tabindex: "0" },
    });
    if (toggleRight) {
      setIcon(toggleRight, "panel-right");
      toggleRight.addEventListener("click", () => this.toggleRight());
    }

    appEl.appendChild(app.statusBarEl);
    // The fake workspace appends new views to its own element: it stays out of sight, and the
    // views are moved from there to their tab groups.
    app.workspace.containerEl.addClass("preview-parking");
    body.appendChild(app.workspace.containerEl);
    new MutationObserver(() => this.scheduleRender()).observe(app.workspace.containerEl, { childList: true });

    for (const name of ["layout-change", "active-leaf-change", "file-open"] as const) app.workspace.on(name, () => this.scheduleRender());
    app.vault.on("rename", () => this.scheduleRender());
    const reveal = app.workspace.revealLeaf.bind(app.workspace);
    app.workspace.revealLeaf = async (leaf) => {
      await reveal(leaf);
      this.scheduleRender();
    };
  }

  /** Adds buttons to the ribbon: `top` above the plugins' icons, the others at the bottom. */
  addRibbonActions(top: RibbonAction[], bottom: RibbonAction[]): void {
    const make = (parent: HTMLElement, action: RibbonAction): void => {
      const el = parent.createDiv({ cls: "side-dock-ribbon-action clickable-icon", attr: { "aria-label": action.title, role: "button", tabindex: "0" } });
      setIcon(el, action.icon);
      el.addEventListener("click", action.run);
      el.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          action.run();
        }
      });
    };
    const topEl = createDiv("side-dock-actions preview-ribbon-top");
    this.ribbonEl.insertBefore(topEl, this.app.ribbonEl);
    for (const action of top) make(topEl, action);
    const bottomEl = this.ribbonEl.createDiv("side-dock-settings");
    for (const action of bottom) make(bottomEl, action);
  }

  toggleLeft(): void {
    this.leftCollapsed = !this.leftCollapsed;
    this.render();
  }

  toggleRight(): void {
    this.app.workspace.rightSplit.toggle();
    this.render();
  }

  scheduleRender(): void {
    if (this.renderScheduled) return;
    this.renderScheduled = true;
    queueMicrotask(() => {
      this.renderScheduled = false;
      this.render();
    });
  }

  render(): void {
    const workspace = this.app.workspace;
    const leaves = workspace.allLeaves();
    for (const [leaf, wrapper] of this.wrappers) {
      if (!leaves.includes(leaf)) {
        wrapper.detach();
        this.wrappers.delete(leaf);
      }
    }
    for (const group of this.groups) this.renderGroup(group, leaves.filter((leaf) => leaf.location === group.location));
    const rightLeaves = leaves.filter((leaf) => leaf.location === "right");
    this.rightEl.toggleClass("is-collapsed", workspace.rightSplit.collapsed || rightLeaves.length === 0);
    this.leftEl.toggleClass("is-collapsed", this.leftCollapsed);
    this.fileTree.refreshSoon();
  }

  private tabGroup(location: LeafLocation, parent: HTMLElement): TabGroup {
    const el = parent.createDiv({ cls: ["workspace-tabs", "mod-top", ...(location === "main" ? ["mod-active"] : [])] });
    const headerContainer = el.createDiv("workspace-tab-header-container");
    const headerEl = headerContainer.createDiv({ cls: "workspace-tab-header-container-inner", attr: { role: "tablist" } });
    const containerEl = el.createDiv("workspace-tab-container");
    return { location, el, headerEl, containerEl };
  }

  private activeLeaf(): WorkspaceLeaf | null {
    return this.app.workspace.allLeaves().find((leaf) => this.app.workspace.isActive(leaf)) ?? null;
  }

  private selectedOf(leaves: WorkspaceLeaf[]): WorkspaceLeaf | null {
    const first = leaves[0];
    if (!first) return null;
    const selected = first.parent.selected;
    if (selected && leaves.includes(selected)) return selected;
    const active = this.activeLeaf();
    if (active && leaves.includes(active)) return active;
    return leaves[leaves.length - 1] ?? null;
  }

  private renderGroup(group: TabGroup, leaves: WorkspaceLeaf[]): void {
    const selected = this.selectedOf(leaves);
    const active = this.activeLeaf();
    group.el.toggle(leaves.length > 0 || group.location === "main");
    group.headerEl.empty();
    for (const leaf of leaves) {
      const view = asFakeView(leaf.view);
      const title = leaf.getDisplayText();
      const tab = group.headerEl.createDiv({
        cls: ["workspace-tab-header", "tappable", ...(leaf === selected ? ["is-active"] : []), ...(leaf === active ? ["mod-active"] : [])],
        attr: { role: "tab", "aria-selected": String(leaf === selected), "aria-label": title, "data-type": view.getViewType(), tabindex: "0" },
      });
      const inner = tab.createDiv("workspace-tab-header-inner");
      icon(inner.createDiv("workspace-tab-header-inner-icon"), view.getIcon() || (view.getViewType() === "markdown" ? "file-text" : "file"));
      inner.createDiv({ cls: "workspace-tab-header-inner-title", text: title });
      const close = inner.createDiv({ cls: "workspace-tab-header-inner-close-button", attr: { "aria-label": `Close ${title}`, role: "button" } });
      setIcon(close, "x");
      tab.addEventListener("click", (event) => {
        if (close.contains(event.target as Node)) {
          leaf.detach();
          this.render();
          return;
        }
        void this.app.workspace.revealLeaf(leaf);
        this.app.workspace.setActiveLeaf(leaf, { focus: true });
        this.render();
      });

      const wrapper = this.wrapperOf(leaf);
      if (wrapper.parentElement !== group.containerEl) group.containerEl.appendChild(wrapper);
      if (view.containerEl.parentElement !== wrapper) wrapper.replaceChildren(view.containerEl);
      wrapper.toggleClass("mod-active", leaf === active);
      wrapper.toggle(leaf === selected);
      this.decorate(view, title);
    }
  }

  private wrapperOf(leaf: WorkspaceLeaf): HTMLElement {
    let wrapper = this.wrappers.get(leaf);
    if (!wrapper) {
      wrapper = createDiv({ cls: "workspace-leaf", attr: { "data-leaf-id": leaf.id } });
      // Clicking into a view makes its leaf the active one, as in Obsidian.
      wrapper.addEventListener("pointerdown", () => {
        if (!this.app.workspace.isActive(leaf) && this.app.workspace.allLeaves().includes(leaf)) {
          this.app.workspace.setActiveLeaf(leaf, { focus: true });
        }
      });
      this.wrappers.set(leaf, wrapper);
    }
    return wrapper;
  }

  /** The view header's title, and what an empty tab says. */
  private decorate(view: View, title: string): void {
    const titleEl = view.containerEl.querySelector(":scope > .view-header .view-header-title");
    if (titleEl && titleEl.textContent !== title) titleEl.setText(title);
    if (view.getViewType() !== "empty") return;
    const content = view.containerEl.querySelector<HTMLElement>(":scope > .view-content");
    if (!content || content.querySelector(".empty-state")) return;
    const state = content.createDiv("empty-state");
    const container = state.createDiv("empty-state-container");
    container.createDiv({ cls: "empty-state-title", text: "No file is open" });
    const actions = container.createDiv("empty-state-action-list");
    actions.createDiv({ cls: "empty-state-action", text: "Press Ctrl+P (⌘P) for the command palette" });
    actions.createDiv({ cls: "empty-state-action", text: "Pick a note in the file list" });
  }
}
