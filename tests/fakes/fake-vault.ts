// The vault: an in-memory file tree with Obsidian's API and events. The adapter holds the bytes
// ("the disk"); the vault's tree mirrors every path of it that is not hidden (no segment starts
// with "."). Writes through the vault fire their event before the returned promise resolves;
// changes made through the adapter, or by `externalEdit`, reach the tree a moment later, as
// Obsidian's file watcher does.
import type * as O from "obsidian";
import { FORBIDDEN, InMemoryAdapter, isHidden, missing, nameOf, parentPath, toArrayBuffer, type FileData } from "./fake-adapter";
import { Events, type Handler } from "./fake-events";
import { normalizePath } from "./fake-util";

export type { FileData };

export abstract class TAbstractFile implements O.TAbstractFile {
  vault: Vault;
  path: string;
  name: string;
  parent: TFolder | null = null;

  constructor(vault: Vault, path: string) {
    this.vault = vault;
    this.path = path;
    this.name = path === "/" ? "" : nameOf(path);
  }

  /** Fake only: updates the path (and the derived names) after a rename. */
  setPath(path: string): void {
    this.path = path;
    this.name = nameOf(path);
  }
}

export class TFile extends TAbstractFile implements O.TFile {
  stat: O.FileStats;
  basename = "";
  extension = "";

  constructor(vault: Vault, path: string, stat: O.FileStats) {
    super(vault, path);
    this.stat = stat;
    this.setPath(path);
  }

  override setPath(path: string): void {
    super.setPath(path);
    const dot = this.name.lastIndexOf(".");
    this.basename = dot > 0 ? this.name.slice(0, dot) : this.name;
    this.extension = dot > 0 ? this.name.slice(dot + 1) : "";
  }
}

export class TFolder extends TAbstractFile implements O.TFolder {
  children: TAbstractFile[] = [];

  isRoot(): boolean {
    return this.path === "/";
  }
}

/** What the metadata cache and the workspace hear after the vault's own handlers ran. */
export interface VaultObserver {
  onCreate?(file: TAbstractFile): void;
  onModify?(file: TFile): void;
  onDelete?(file: TAbstractFile): void;
  onRename?(file: TAbstractFile, oldPath: string): void;
}

/** Settings that Obsidian keeps in `.obsidian/app.json` and that change what the API does. */
export interface VaultConfig {
  useMarkdownLinks: boolean;
  newLinkFormat: "shortest" | "relative" | "absolute";
  newFileLocation: "root" | "current" | "folder";
  newFileFolderPath: string;
  attachmentFolderPath: string;
  alwaysUpdateLinks: boolean;
  trashOption: "system" | "local" | "none";
  [key: string]: unknown;
}

export class Vault extends Events implements O.Vault {
  adapter: InMemoryAdapter;
  configDir = ".obsidian";
  readonly config: VaultConfig = {
    useMarkdownLinks: false,
    newLinkFormat: "shortest",
    newFileLocation: "root",
    newFileFolderPath: "",
    attachmentFolderPath: "/",
    alwaysUpdateLinks: true,
    trashOption: "system",
  };
  /** Fake only: the clock for ctime and mtime. */
  now: () => number = () => Date.now();
  /** Fake only: paths removed by `trash`, with where they went. */
  readonly trashed: Array<{ path: string; system: boolean }> = [];

  private readonly fileMap = new Map<string, TAbstractFile>();
  private readonly root: TFolder;
  /** What the vault last saw of each file: `cachedRead` answers from here. */
  private readonly seen = new Map<string, FileData>();
  private readonly observers: VaultObserver[] = [];
  private readonly failures: Array<{ path: string | undefined; error: Error }> = [];

  constructor() {
    super();
    this.adapter = new InMemoryAdapter(this);
    this.root = new TFolder(this, "/");
    this.fileMap.set("/", this.root);
  }

  // ---- Fake-only controls ------------------------------------------------------------------

  /** Makes the next content write (to `path`, or to any file) fail without changing anything. */
  failNextWrite(path?: string, error = new Error("EACCES: permission denied (simulated write failure)")): void {
    this.failures.push({ path, error });
  }

  /** Another app or a sync service changes a file on disk; the vault notices a moment later. */
  externalEdit(path: string, data: FileData): void {
    this.adapter.writeRaw(path, data);
    this.adapter.notice(path);
  }

  /** Another app deletes a file on disk; the vault notices a moment later. */
  externalDelete(path: string): void {
    this.adapter.removeRaw(path);
    this.adapter.notice(path);
  }

  addObserver(observer: VaultObserver): void {
    this.observers.push(observer);
  }

  getConfig(key: string): unknown {
    return this.config[key];
  }

  setConfig(key: string, value: unknown): void {
    this.config[key] = value;
  }

  /** Fake only: seeds a file without events (for building the initial vault). */
  seed(path: string, data: FileData, stat?: { ctime?: number; mtime?: number }): TFile | null {
    this.adapter.writeRaw(path, data, stat);
    if (isHidden(path)) return null;
    this.ensureFolders(parentPath(path), false);
    return this.attachFile(path, data, this.adapter.fileStats(path));
  }

  // ---- Lookup ---------------------------------------------------------------------------------

  getName(): string {
    return "Test Vault";
  }

  getAbstractFileByPath(path: string): TAbstractFile | null {
    return this.fileMap.get(path) ?? null;
  }

  getFileByPath(path: string): TFile | null {
    const file = this.fileMap.get(path);
    return file instanceof TFile ? file : null;
  }

  getFolderByPath(path: string): TFolder | null {
    const folder = this.fileMap.get(path);
    return folder instanceof TFolder ? folder : null;
  }

  /** Fake only: a file or folder whose path equals `path` ignoring case (as on macOS or Windows). */
  getAbstractFileByPathInsensitive(path: string): TAbstractFile | null {
    const lower = path.toLowerCase();
    for (const [key, file] of this.fileMap) if (key.toLowerCase() === lower) return file;
    return null;
  }

  getRoot(): TFolder {
    return this.root;
  }

  getAllLoadedFiles(): TAbstractFile[] {
    return [...this.fileMap.values()];
  }

  getAllFolders(includeRoot = false): TFolder[] {
    return this.getAllLoadedFiles().filter((f): f is TFolder => f instanceof TFolder && (includeRoot || !f.isRoot()));
  }

  getFiles(): TFile[] {
    return this.getAllLoadedFiles().filter((f): f is TFile => f instanceof TFile);
  }

  getMarkdownFiles(): TFile[] {
    return this.getFiles().filter((f) => f.extension === "md");
  }

  static recurseChildren(root: TFolder, cb: (file: TAbstractFile) => unknown): void {
    cb(root);
    for (const child of [...root.children]) {
      if (child instanceof TFolder) Vault.recurseChildren(child, cb);
      else cb(child);
    }
  }

  getResourcePath(file: TFile): string {
    return `app://local/${encodeURI(file.path)}?${file.stat.mtime}`;
  }

  // ---- Reading --------------------------------------------------------------------------------

  read(file: TFile): Promise<string> {
    return Promise.resolve().then(() => {
      const data = this.adapter.readSync(file.path);
      return typeof data === "string" ? data : new TextDecoder().decode(data);
    });
  }

  cachedRead(file: TFile): Promise<string> {
    return Promise.resolve().then(() => {
      const data = this.seen.get(file.path) ?? this.adapter.readSync(file.path);
      return typeof data === "string" ? data : new TextDecoder().decode(data);
    });
  }

  readBinary(file: TFile): Promise<ArrayBuffer> {
    return Promise.resolve().then(() => {
      const data = this.adapter.readSync(file.path);
      return typeof data === "string" ? toArrayBuffer(data) : data;
    });
  }

  // ---- Writing --------------------------------------------------------------------------------

  create(path: string, data: string, options?: O.DataWriteOptions): Promise<TFile> {
    return Promise.resolve().then(() => this.createSync(path, data, options));
  }

  createBinary(path: string, data: ArrayBuffer, options?: O.DataWriteOptions): Promise<TFile> {
    return Promise.resolve().then(() => this.createSync(path, data, options));
  }

  createFolder(path: string): Promise<TFolder> {
    return Promise.resolve().then(() => {
      this.checkPath(path);
      if (this.getAbstractFileByPathInsensitive(path)) throw new Error("Folder already exists.");
      return this.ensureFolders(path, true);
    });
  }

  modify(file: TFile, data: string, options?: O.DataWriteOptions): Promise<void> {
    return Promise.resolve().then(() => this.writeSync(file, data, options));
  }

  modifyBinary(file: TFile, data: ArrayBuffer, options?: O.DataWriteOptions): Promise<void> {
    return Promise.resolve().then(() => this.writeSync(file, data, options));
  }

  append(file: TFile, data: string, options?: O.DataWriteOptions): Promise<void> {
    return Promise.resolve().then(() => {
      const current = this.adapter.readSync(file.path);
      this.writeSync(file, (typeof current === "string" ? current : "") + data, options);
    });
  }

  /** Reads, applies `fn` and writes in one step: nothing can change the file in between. */
  process(file: TFile, fn: (data: string) => string, options?: O.DataWriteOptions): Promise<string> {
    return Promise.resolve().then(() => {
      const current = this.adapter.readSync(file.path);
      const next = fn(typeof current === "string" ? current : new TextDecoder().decode(current));
      this.writeSync(file, next, options);
      return next;
    });
  }

  copy<T extends O.TAbstractFile>(file: T, newPath: string): Promise<T> {
    return Promise.resolve().then(() => {
      if (this.getAbstractFileByPathInsensitive(newPath)) throw new Error("File already exists.");
      if (file instanceof TFile) return this.createSync(newPath, this.adapter.readSync(file.path)) as unknown as T;
      if (!(file instanceof TFolder)) throw new Error("Not a vault file.");
      const folder = this.ensureFolders(newPath, true);
      Vault.recurseChildren(file, (child) => {
        if (child === file) return;
        const target = newPath + child.path.slice(file.path.length);
        if (child instanceof TFolder) this.ensureFolders(target, true);
        else this.createSync(target, this.adapter.readSync(child.path));
      });
      return folder as unknown as T;
    });
  }

  delete(file: TAbstractFile, _force?: boolean): Promise<void> {
    return Promise.resolve().then(() => this.removeSync(file));
  }

  trash(file: TAbstractFile, system: boolean): Promise<void> {
    return Promise.resolve().then(() => {
      this.trashed.push({ path: file.path, system });
      this.removeSync(file);
    });
  }

  rename(file: TAbstractFile, newPath: string): Promise<void> {
    return Promise.resolve().then(() => this.renameSync(file, newPath));
  }

  // ---- Events ---------------------------------------------------------------------------------

  override on(name: "create" | "modify" | "delete", callback: (file: TAbstractFile) => unknown, ctx?: unknown): O.EventRef;
  override on(name: "rename", callback: (file: TAbstractFile, oldPath: string) => unknown, ctx?: unknown): O.EventRef;
  override on(name: string, callback: Handler, ctx?: unknown): O.EventRef;
  override on(name: string, callback: Handler, ctx?: unknown): O.EventRef {
    return super.on(name, callback, ctx);
  }

  // ---- Internals ------------------------------------------------------------------------------

  private checkPath(path: string): void {
    if (normalizePath(path) !== path || path === "/") {
      throw new Error(`The fake vault expects a normalized path, got "${path}" (use normalizePath).`);
    }
    for (const segment of path.split("/")) {
      if (FORBIDDEN.test(segment)) {
        throw new Error('File name cannot contain any of the following characters: * " \\ / < > : | ?');
      }
    }
  }

  private takeFailure(path: string): void {
    const index = this.failures.findIndex((f) => f.path === undefined || f.path === path);
    if (index === -1) return;
    const [failure] = this.failures.splice(index, 1);
    if (failure) throw failure.error;
  }

  private createSync(path: string, data: FileData, options?: O.DataWriteOptions): TFile {
    this.checkPath(path);
    if (this.getAbstractFileByPathInsensitive(path) || this.adapter.existsSync(path)) {
      throw new Error("File already exists.");
    }
    if (!this.getFolderByPath(parentPath(path))) throw missing(path);
    this.takeFailure(path);
    const now = this.now();
    this.adapter.writeRaw(path, data, { ctime: options?.ctime ?? now, mtime: options?.mtime ?? now });
    const file = this.attachFile(path, data, this.adapter.fileStats(path));
    this.announce("create", file);
    return file;
  }

  private writeSync(file: TFile, data: FileData, options?: O.DataWriteOptions): void {
    if (this.getFileByPath(file.path) !== file) throw missing(file.path);
    this.takeFailure(file.path);
    this.adapter.writeRaw(file.path, data, { mtime: options?.mtime ?? this.now(), ctime: options?.ctime });
    this.refresh(file, data);
    this.announce("modify", file);
  }

  /** Fake only: the editor saves the open note (synchronously; the event follows shortly). */
  saveFromEditor(file: TFile, data: string): void {
    if (this.getFileByPath(file.path) !== file) return;
    this.adapter.writeRaw(file.path, data, { mtime: this.now() });
    this.adapter.notice(file.path);
  }

  private refresh(file: TFile, data: FileData): void {
    file.stat = this.adapter.fileStats(file.path);
    this.seen.set(file.path, data);
  }

  private attachFile(path: string, data: FileData, stat: O.FileStats): TFile {
    const file = new TFile(this, path, stat);
    this.link(file);
    this.seen.set(path, data);
    return file;
  }

  private link(file: TAbstractFile): void {
    const parent = this.getFolderByPath(parentPath(file.path));
    if (!parent) throw missing(file.path);
    file.parent = parent;
    parent.children.push(file);
    this.fileMap.set(file.path, file);
  }

  private unlink(file: TAbstractFile): void {
    if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file);
    this.fileMap.delete(file.path);
  }

  private ensureFolders(path: string, announce: boolean): TFolder {
    if (path === "/") return this.root;
    const existing = this.getAbstractFileByPath(path);
    if (existing instanceof TFolder) return existing;
    if (existing) throw new Error(`"${path}" is a file, not a folder.`);
    this.ensureFolders(parentPath(path), announce);
    this.adapter.mkdirRaw(path);
    const folder = new TFolder(this, path);
    this.link(folder);
    if (announce) this.announce("create", folder);
    return folder;
  }

  private removeSync(file: TAbstractFile): void {
    if (this.getAbstractFileByPath(file.path) !== file || file === this.root) throw missing(file.path);
    const ordered: TAbstractFile[] = [];
    if (file instanceof TFolder) {
      Vault.recurseChildren(file, (f) => {
        if (f !== file) ordered.push(f);
      });
      ordered.reverse();
    }
    ordered.push(file);
    for (const f of ordered) {
      this.adapter.removeRaw(f.path);
      this.unlink(f);
      this.seen.delete(f.path);
      this.announce("delete", f);
    }
  }

  private renameSync(file: TAbstractFile, newPath: string): void {
    this.checkPath(newPath);
    if (this.getAbstractFileByPath(file.path) !== file || file === this.root) throw missing(file.path);
    if (newPath === file.path) return;
    const clash = this.getAbstractFileByPathInsensitive(newPath);
    if (clash && clash !== file) throw new Error("Destination file already exists!");
    if (!this.getFolderByPath(parentPath(newPath))) throw missing(newPath);
    if (file instanceof TFolder && newPath.startsWith(file.path + "/")) throw new Error("Cannot move a folder into itself.");
    const moved: Array<{ item: TAbstractFile; oldPath: string }> = [];
    if (file instanceof TFolder) Vault.recurseChildren(file, (f) => moved.push({ item: f, oldPath: f.path }));
    else moved.push({ item: file, oldPath: file.path });
    const oldBase = file.path;
    this.unlink(file);
    for (const { item, oldPath } of moved) {
      const target = newPath + oldPath.slice(oldBase.length);
      this.adapter.moveRaw(oldPath, target);
      const data = this.seen.get(oldPath);
      this.seen.delete(oldPath);
      if (data !== undefined) this.seen.set(target, data);
      if (item !== file) this.fileMap.delete(oldPath);
      item.setPath(target);
      if (item !== file) this.fileMap.set(target, item);
    }
    this.link(file);
    for (const { item, oldPath } of moved) this.announce("rename", item, oldPath);
  }

  private announce(kind: "create" | "modify" | "delete" | "rename", file: TAbstractFile, oldPath?: string): void {
    if (kind === "rename") this.trigger("rename", file, oldPath);
    else this.trigger(kind, file);
    for (const observer of this.observers) {
      if (kind === "create") observer.onCreate?.(file);
      else if (kind === "modify" && file instanceof TFile) observer.onModify?.(file);
      else if (kind === "delete") observer.onDelete?.(file);
      else if (kind === "rename" && oldPath !== undefined) observer.onRename?.(file, oldPath);
    }
  }

  /** The file watcher: brings the tree in line with the disk for one path. */
  reconcile(path: string): void {
    if (isHidden(path)) return;
    const known = this.getAbstractFileByPath(path);
    const onDisk = this.adapter.statSync(path);
    if (!onDisk) {
      if (known && known !== this.root) this.removeSync(known);
      return;
    }
    if (onDisk.type === "folder") {
      if (!known) this.ensureFolders(path, true);
      return;
    }
    const data = this.adapter.readSync(path);
    if (!known) {
      this.ensureFolders(parentPath(path), true);
      this.announce("create", this.attachFile(path, data, this.adapter.fileStats(path)));
    } else if (known instanceof TFile && this.seen.get(path) !== data) {
      this.refresh(known, data);
      this.announce("modify", known);
    }
  }
}
