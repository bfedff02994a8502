// The metadata cache. Markdown files are parsed by `computeMetadata` (tests/fakes/metadata.ts),
// one parse per distinct content. As in Obsidian, a write is seen by the cache a moment later:
// after the vault's event, `changed(file, data, cache)` fires on a later macrotask, then
// `resolve(file)` for each file whose links were re-resolved, then `resolved`. Until then
// `getFileCache` returns the previous cache. Deletions fire `deleted(file, prevCache)` right
// after the vault's `delete` handlers; renames move the cache at once.
import type * as O from "obsidian";
import { env } from "./fake-env";
import { Events, type Handler } from "./fake-events";
import { getLinkpath } from "./fake-util";
import { TFile, TFolder, type TAbstractFile, type Vault } from "./fake-vault";
import { computeMetadata } from "./metadata";

type LinkCounts = Record<string, Record<string, number>>;

function folderOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "" : path.slice(0, slash);
}

/** Resolves `./` and `../` against a folder ("" is the root); null when it climbs above it. */
function joinRelative(folder: string, relative: string): string | null {
  const parts = folder === "" ? [] : folder.split("/");
  for (const segment of relative.split("/")) {
    if (segment === "." || segment === "") continue;
    if (segment === "..") {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(segment);
  }
  return parts.join("/");
}

export class MetadataCache extends Events implements O.MetadataCache {
  resolvedLinks: LinkCounts = {};
  unresolvedLinks: LinkCounts = {};
  /** Obsidian-private flag: true once the first full resolution finished. */
  resolved = false;

  private readonly byPath = new Map<string, { data: string; cache: O.CachedMetadata }>();
  private readonly byContent = new Map<string, O.CachedMetadata>();
  private readonly queued = new Set<string>();
  private readonly reindexed = new Set<TFile>();
  private resolveScheduled = false;

  constructor(private readonly vault: Vault) {
    super();
    vault.addObserver({
      onCreate: (file) => {
        if (file instanceof TFile) this.queue(file);
        else this.scheduleResolve();
      },
      onModify: (file) => this.queue(file),
      onDelete: (file) => this.forget(file),
      onRename: (file, oldPath) => this.move(file, oldPath),
    });
  }

  // ---- Fake-only ------------------------------------------------------------------------------

  /** Indexes every Markdown file at once, without events (a warm cache at start-up). */
  indexAllNow(): void {
    for (const file of this.vault.getMarkdownFiles()) this.indexNow(file);
    this.resolveAll();
  }

  /** Marks the first resolution as done and fires `resolved`, once. */
  finishInitialResolve(): void {
    if (this.resolved) return;
    this.resolved = true;
    this.trigger("resolved");
  }

  /** The text the current cache of `path` was computed from. */
  indexedText(path: string): string | null {
    return this.byPath.get(path)?.data ?? null;
  }

  // ---- MetadataCache --------------------------------------------------------------------------

  getFileCache(file: TFile): O.CachedMetadata | null {
    return this.getCache(file.path);
  }

  getCache(path: string): O.CachedMetadata | null {
    return this.byPath.get(path)?.cache ?? null;
  }

  /**
   * Obsidian's link resolution, case-insensitive throughout: the empty link is the source itself;
   * `./` and `../` are relative to the source's folder; otherwise the exact path (with or without
   * `.md`), then the path relative to the source's folder, then any file whose path ends with the
   * link (`.md` optional), the shortest path winning.
   */
  getFirstLinkpathDest(linkpath: string, sourcePath: string): TFile | null {
    if (linkpath === "") return this.vault.getFileByPath(sourcePath);
    const files = this.vault.getFiles();
    const find = (path: string): TFile | null => {
      const exact = this.vault.getFileByPath(path) ?? this.vault.getFileByPath(`${path}.md`);
      if (exact) return exact;
      const lower = path.toLowerCase();
      return files.find((f) => f.path.toLowerCase() === lower || f.path.toLowerCase() === `${lower}.md`) ?? null;
    };
    const sourceFolder = folderOf(sourcePath);
    if (linkpath.startsWith("./") || linkpath.startsWith("../")) {
      const joined = joinRelative(sourceFolder, linkpath);
      return joined === null ? null : find(joined);
    }
    const target = linkpath.replace(/^\/+/, "");
    const direct = find(target);
    if (direct) return direct;
    if (sourceFolder !== "") {
      const relative = find(`${sourceFolder}/${target}`);
      if (relative) return relative;
    }
    const lower = target.toLowerCase();
    const candidates = files.filter((f) => {
      const path = f.path.toLowerCase();
      return path.endsWith(`/${lower}`) || path.endsWith(`/${lower}.md`);
    });
    candidates.sort((a, b) => a.path.length - b.path.length || a.path.localeCompare(b.path));
    return candidates[0] ?? null;
  }

  /**
   * The text to link to `file` from `sourcePath`, per the vault's "new link format": shortest
   * (the name alone when no other file has it, else the full path), relative, or absolute.
   */
  fileToLinktext(file: TFile, sourcePath: string, omitMdExtension = true): string {
    const omit = omitMdExtension && file.extension === "md";
    const full = omit ? file.path.slice(0, -".md".length) : file.path;
    const format = this.vault.config.newLinkFormat;
    if (format === "absolute") return full;
    if (format === "relative") return relativePath(folderOf(sourcePath), full);
    const name = file.name.toLowerCase();
    const sameName = this.vault.getFiles().filter((f) => f.name.toLowerCase() === name);
    if (sameName.length === 1) return omit ? file.basename : file.name;
    return full;
  }

  override on(name: "changed", callback: (file: TFile, data: string, cache: O.CachedMetadata) => unknown, ctx?: unknown): O.EventRef;
  override on(name: "deleted", callback: (file: TFile, prevCache: O.CachedMetadata | null) => unknown, ctx?: unknown): O.EventRef;
  override on(name: "resolve", callback: (file: TFile) => unknown, ctx?: unknown): O.EventRef;
  override on(name: "resolved", callback: () => unknown, ctx?: unknown): O.EventRef;
  override on(name: string, callback: Handler, ctx?: unknown): O.EventRef;
  override on(name: string, callback: Handler, ctx?: unknown): O.EventRef {
    return super.on(name, callback, ctx);
  }

  // ---- Internals ------------------------------------------------------------------------------

  private parse(data: string): O.CachedMetadata {
    let cache = this.byContent.get(data);
    if (!cache) {
      cache = computeMetadata(data);
      this.byContent.set(data, cache);
    }
    return cache;
  }

  private indexNow(file: TFile): { data: string; cache: O.CachedMetadata } {
    const raw = this.vault.adapter.readSync(file.path);
    const data = typeof raw === "string" ? raw : new TextDecoder().decode(raw);
    const entry = { data, cache: this.parse(data) };
    this.byPath.set(file.path, entry);
    return entry;
  }

  private queue(file: TFile): void {
    if (file.extension !== "md") {
      this.scheduleResolve();
      return;
    }
    if (this.queued.has(file.path)) return;
    this.queued.add(file.path);
    env.scheduler.defer(() => {
      this.queued.delete(file.path);
      if (this.vault.getFileByPath(file.path) !== file) return;
      const { data, cache } = this.indexNow(file);
      this.reindexed.add(file);
      this.trigger("changed", file, data, cache);
      this.scheduleResolve();
    });
  }

  private forget(file: TAbstractFile): void {
    if (file instanceof TFolder) return;
    const previous = this.byPath.get(file.path);
    this.byPath.delete(file.path);
    delete this.resolvedLinks[file.path];
    delete this.unresolvedLinks[file.path];
    if (file instanceof TFile && file.extension === "md") this.trigger("deleted", file, previous?.cache ?? null);
    this.scheduleResolve();
  }

  private move(file: TAbstractFile, oldPath: string): void {
    const entry = this.byPath.get(oldPath);
    if (entry) {
      this.byPath.delete(oldPath);
      this.byPath.set(file.path, entry);
    }
    for (const maps of [this.resolvedLinks, this.unresolvedLinks]) {
      const links = maps[oldPath];
      if (links) {
        delete maps[oldPath];
        maps[file.path] = links;
      }
    }
    this.scheduleResolve();
  }

  private scheduleResolve(): void {
    if (this.resolveScheduled) return;
    this.resolveScheduled = true;
    env.scheduler.defer(() => {
      this.resolveScheduled = false;
      if (this.queued.size > 0) return;
      const changed = new Set([...this.reindexed, ...this.resolveAll()]);
      this.reindexed.clear();
      for (const file of changed) if (this.vault.getFileByPath(file.path) === file) this.trigger("resolve", file);
      this.trigger("resolved");
    });
  }

  /** Recomputes both link maps; returns the files whose maps changed. */
  private resolveAll(): TFile[] {
    const changed: TFile[] = [];
    const resolved: LinkCounts = {};
    const unresolved: LinkCounts = {};
    for (const file of this.vault.getMarkdownFiles()) {
      const cache = this.byPath.get(file.path)?.cache;
      const found: Record<string, number> = {};
      const missing: Record<string, number> = {};
      const refs: O.Reference[] = [...(cache?.links ?? []), ...(cache?.embeds ?? []), ...(cache?.frontmatterLinks ?? [])];
      for (const ref of refs) {
        const linkpath = getLinkpath(ref.link);
        const dest = this.getFirstLinkpathDest(linkpath, file.path);
        if (dest) found[dest.path] = (found[dest.path] ?? 0) + 1;
        else missing[linkpath] = (missing[linkpath] ?? 0) + 1;
      }
      resolved[file.path] = found;
      unresolved[file.path] = missing;
      const before = JSON.stringify([this.resolvedLinks[file.path], this.unresolvedLinks[file.path]]);
      if (before !== JSON.stringify([found, missing])) changed.push(file);
    }
    replaceContents(this.resolvedLinks, resolved);
    replaceContents(this.unresolvedLinks, unresolved);
    return changed;
  }
}

/** Obsidian updates the link maps in place: plugins may hold on to them. */
function replaceContents(target: LinkCounts, source: LinkCounts): void {
  for (const key of Object.keys(target)) if (!(key in source)) delete target[key];
  Object.assign(target, source);
}

function relativePath(fromFolder: string, to: string): string {
  const from = fromFolder === "" ? [] : fromFolder.split("/");
  const target = to.split("/");
  let common = 0;
  while (common < from.length && common < target.length - 1 && from[common] === target[common]) common++;
  const up = from.slice(common).map(() => "..");
  return [...up, ...target.slice(common)].join("/");
}
