// The file explorer of the left sidebar: the vault's folders and files, folders first, each
// level sorted by name. A click opens a note in the main area, as in Obsidian.
import type { App } from "../tests/fakes/fake-app";
import { Keymap } from "../tests/fakes/fake-ui";
import { TFile, TFolder, type TAbstractFile } from "../tests/fakes/fake-vault";

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

function sorted(children: TAbstractFile[]): TAbstractFile[] {
  return [...children].sort((a, b) => {
    const folderFirst = Number(b instanceof TFolder) - Number(a instanceof TFolder);
    return folderFirst || collator.compare(a.name, b.name);
  });
}

export class FileTree {
  readonly el: HTMLElement;
  private readonly listEl: HTMLElement;
  private readonly expanded = new Set<string>();
  private timer: number | null = null;

  constructor(private readonly app: App) {
    this.el = createDiv("nav-files-pane");
    const header = this.el.createDiv("nav-header");
    header.createDiv({ cls: "nav-header-title", text: app.vault.getName() });
    this.listEl = this.el.createDiv({ cls: "nav-files-container", attr: { role: "tree", "aria-label": "Files" } });
    for (const name of ["create", "delete", "rename"] as const) app.vault.on(name, () => this.refreshSoon());
    app.workspace.on("file-open", (file) => {
      if (file) this.reveal(file.path);
      this.refreshSoon();
    });
    this.listEl.addEventListener("click", (event) => this.onClick(event));
    this.listEl.addEventListener("keydown", (event) => {
      if ((event.key === "Enter" || event.key === " ") && event.target instanceof HTMLElement && event.target.hasClass("tree-item-self")) {
        event.preventDefault();
        event.target.click();
      }
    });
  }

  setTitle(title: string): void {
    this.el.querySelector(".nav-header-title")?.setText(title);
  }

  refreshSoon(): void {
    if (this.timer !== null) return;
    this.timer = window.setTimeout(() => {
      this.timer = null;
      this.refresh();
    }, 30);
  }

  /** Opens the folders on the way to `path`. */
  reveal(path: string): void {
    const parts = path.split("/");
    for (let i = 1; i < parts.length; i++) this.expanded.add(parts.slice(0, i).join("/"));
  }

  refresh(): void {
    const active = this.app.workspace.getActiveFile()?.path ?? null;
    const scroll = this.listEl.scrollTop;
    this.listEl.empty();
    this.renderChildren(this.listEl, this.app.vault.getRoot(), 0, active);
    this.listEl.scrollTop = scroll;
  }

  private renderChildren(parent: HTMLElement, folder: TFolder, depth: number, active: string | null): void {
    for (const child of sorted(folder.children)) {
      if (child instanceof TFolder) {
        const open = this.expanded.has(child.path);
        const item = parent.createDiv({ cls: ["tree-item", "nav-folder", ...(open ? [] : ["is-collapsed"])] });
        const self = item.createDiv({
          cls: "tree-item-self nav-folder-title is-clickable",
          attr: { "data-path": child.path, role: "treeitem", "aria-expanded": String(open), tabindex: "0" },
        });
        self.setCssProps({ "--preview-depth": String(depth) });
        const icon = self.createDiv("tree-item-icon collapse-icon");
        icon.createSpan({ cls: ["svg-icon", open ? "lucide-chevron-down" : "lucide-chevron-right"], attr: { "data-icon": open ? "chevron-down" : "chevron-right" } });
        self.createDiv({ cls: "tree-item-inner nav-folder-title-content", text: child.name });
        if (open) this.renderChildren(item.createDiv("tree-item-children nav-folder-children"), child, depth + 1, active);
      } else if (child instanceof TFile) {
        const item = parent.createDiv("tree-item nav-file");
        const self = item.createDiv({
          cls: ["tree-item-self", "nav-file-title", "is-clickable", ...(child.path === active ? ["is-active"] : [])],
          attr: { "data-path": child.path, role: "treeitem", tabindex: "0" },
        });
        self.setCssProps({ "--preview-depth": String(depth) });
        self.createDiv({ cls: "tree-item-inner nav-file-title-content", text: child.extension === "md" ? child.basename : child.name });
        if (child.extension !== "md") self.createDiv({ cls: "nav-file-tag", text: child.extension });
      }
    }
  }

  private onClick(event: MouseEvent): void {
    const self = event.target instanceof Element ? event.target.closest<HTMLElement>(".tree-item-self") : null;
    const path = self?.dataset.path;
    if (!self || path === undefined) return;
    const found = this.app.vault.getAbstractFileByPath(path);
    if (found instanceof TFolder) {
      if (this.expanded.has(path)) this.expanded.delete(path);
      else this.expanded.add(path);
      this.refresh();
    } else if (found instanceof TFile) {
      void this.app.workspace.getLeaf(Keymap.isModEvent(event)).openFile(found);
    }
  }
}
