import { TFile, type App, type CachedMetadata, type EventRef, getAllTags } from "obsidian";
import { localDateOf } from "../domain/dates";
import type { FileFacts } from "../index/facts";
import type { PeopleIndex } from "../index/people-index";

/** At most this many files are read at once while the index is built. */
export const MAX_READS_IN_FLIGHT = 4;

/** Turns Obsidian's cached metadata of a file into the plain facts the index takes. */
export function factsFrom(file: TFile, cache: CachedMetadata | null): FileFacts {
  const tags = cache ? (getAllTags(cache) ?? []) : [];
  return {
    path: file.path,
    created: file.stat.ctime > 0 ? localDateOf(new Date(file.stat.ctime)) : null,
    frontmatter: cache?.frontmatter ?? null,
    tags: [...new Set(tags.map((tag) => tag.replace(/^#/, "").toLowerCase()))],
    headings: (cache?.headings ?? []).map((h) => ({ text: h.heading, level: h.level, line: h.position.start.line })),
    links: [
      ...(cache?.links ?? []).map((l) => ({ target: l.link, line: l.position.start.line })),
      ...(cache?.frontmatterLinks ?? []).map((l) => ({ target: l.link, line: -1 })),
    ],
    tasks: (cache?.listItems ?? [])
      .filter((item) => item.task !== undefined)
      .map((item) => ({ line: item.position.start.line, status: item.task as string })),
  };
}

/**
 * Keeps the index in step with the vault: one build when the layout is ready (metadata first,
 * text only of files with open tasks, a few reads at a time), then one update per changed file.
 */
export class IndexFeeder {
  private refs: EventRef[] = [];
  private built = false;
  /** Files whose text is being read, with a counter so a stale read never wins. */
  private readonly generation = new Map<string, number>();

  constructor(
    private readonly app: App,
    private readonly index: PeopleIndex,
  ) {}

  /** Builds the index from the metadata cache. Resolves when every needed file was read. */
  async build(): Promise<void> {
    const files = this.app.vault.getMarkdownFiles();
    const needText: { file: TFile; facts: FileFacts }[] = [];
    this.index.batch(() => {
      this.index.clear();
      for (const file of files) {
        const facts = factsFrom(file, this.app.metadataCache.getFileCache(file));
        this.index.upsert(facts, null);
        if (this.index.needsText(facts)) needText.push({ file, facts });
      }
    });
    let next = 0;
    const worker = async () => {
      while (next < needText.length) {
        const item = needText[next++];
        if (item) await this.readAndUpsert(item.file, item.facts);
      }
    };
    await Promise.all(Array.from({ length: Math.min(MAX_READS_IN_FLIGHT, needText.length) }, worker));
    this.built = true;
  }

  /** Subscribes to vault and metadata events; returns the refs for the plugin to register. */
  listen(): EventRef[] {
    const { vault, metadataCache } = this.app;
    this.refs = [
      metadataCache.on("changed", (file, data, cache) => {
        if (!this.built) return;
        const facts = factsFrom(file, cache);
        this.bump(file.path);
        this.index.upsert(facts, this.index.needsText(facts) ? data : null);
      }),
      vault.on("delete", (file) => {
        if (file instanceof TFile) {
          this.bump(file.path);
          this.index.remove(file.path);
        }
      }),
      vault.on("rename", (file, oldPath) => {
        if (!this.built || !(file instanceof TFile)) return;
        this.bump(oldPath);
        if (file.extension !== "md") {
          this.index.remove(oldPath);
          return;
        }
        // A rename does not change the text: when the cache has not moved to the new path yet,
        // the facts held for the old path are still true.
        const cache = this.app.metadataCache.getFileCache(file);
        const previous = this.index.facts(oldPath);
        const facts = cache || !previous ? factsFrom(file, cache) : { ...previous, path: file.path };
        this.index.rename(oldPath, facts, null);
        if (this.index.needsText(facts)) void this.readAndUpsert(file, facts);
      }),
    ];
    return this.refs;
  }

  private bump(path: string): number {
    const generation = (this.generation.get(path) ?? 0) + 1;
    this.generation.set(path, generation);
    return generation;
  }

  private async readAndUpsert(file: TFile, facts: FileFacts): Promise<void> {
    const generation = this.bump(file.path);
    let text: string;
    try {
      text = await this.app.vault.cachedRead(file);
    } catch {
      return; // deleted meanwhile
    }
    // A newer change of this file has arrived while reading: it wins.
    if (this.generation.get(file.path) !== generation) return;
    this.index.upsert(facts, text);
  }
}
