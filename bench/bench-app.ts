// The least of an Obsidian App that the index feeder touches, over a generated vault whose
// metadata was computed beforehand, as Obsidian's metadata cache holds it when the layout is
// ready. `getFileCache` hands out the cached object itself and `cachedRead` answers from memory
// (a resolved promise: no I/O gives the event loop a turn, the worst case for long tasks).
import type { App, CachedMetadata, EventRef } from "obsidian";
import { TFile, type Vault } from "../tests/fakes/fake-vault";
import { computeMetadata } from "../tests/fakes/metadata";

type Handler = (...args: unknown[]) => unknown;

/** Files get a creation time a year before the bench's today. */
const CREATED = new Date(2025, 10, 21, 12).getTime();

export class BenchApp {
  readonly files = new Map<string, TFile>();
  readonly texts = new Map<string, string>();
  readonly caches = new Map<string, CachedMetadata>();
  private readonly handlers = new Map<string, Set<Handler>>();
  private list: TFile[] | null = null;

  /** Computes the metadata of every file (not timed by the bench). */
  constructor(files: ReadonlyMap<string, string>) {
    for (const [path, text] of files) this.put(path, text);
  }

  put(path: string, text: string): TFile {
    let file = this.files.get(path);
    if (!file) {
      file = new TFile(null as unknown as Vault, path, { ctime: CREATED, mtime: CREATED, size: text.length });
      this.files.set(path, file);
      this.list = null;
    }
    file.stat = { ctime: file.stat.ctime, mtime: file.stat.mtime + 1, size: text.length };
    this.texts.set(path, text);
    this.caches.set(path, computeMetadata(text));
    return file;
  }

  /** Fires `changed` as Obsidian does once it has parsed a modified file. */
  changed(path: string): void {
    const file = this.files.get(path);
    const data = this.texts.get(path);
    const cache = this.caches.get(path);
    if (!file || data === undefined || !cache) throw new Error(`no such file: ${path}`);
    for (const handler of this.handlers.get("changed") ?? []) handler(file, data, cache);
  }

  get app(): App {
    const on = (name: string, handler: Handler): EventRef => {
      let set = this.handlers.get(name);
      if (!set) this.handlers.set(name, (set = new Set()));
      set.add(handler);
      const ref: EventRef = {};
      return ref;
    };
    const vault = {
      getMarkdownFiles: () => (this.list ??= [...this.files.values()]).slice(),
      cachedRead: (file: TFile) => {
        const text = this.texts.get(file.path);
        return text === undefined ? Promise.reject(new Error("deleted")) : Promise.resolve(text);
      },
      getAbstractFileByPath: (path: string) => this.files.get(path) ?? null,
      getFileByPath: (path: string) => this.files.get(path) ?? null,
      on,
    };
    const metadataCache = {
      getFileCache: (file: TFile) => this.caches.get(file.path) ?? null,
      on,
    };
    return { vault, metadataCache } as unknown as App;
  }
}
