import { Notice, TFile, type App, type CachedMetadata, type EventRef, type Pos, getAllTags } from "obsidian";
import { localDateOf } from "../domain/dates";
import { describeError } from "../domain/error-text";
import { copyFacts, type FileFacts } from "../index/facts";
import { interned } from "../index/intern";
import type { PeopleIndex } from "../index/people-index";

/** At most this many files are read at once while the index is built. */
export const MAX_READS_IN_FLIGHT = 4;

/** Turns Obsidian's cached metadata of a file into the facts the index takes. */
export function factsFrom(file: TFile, cache: CachedMetadata | null): FileFacts {
  return new CachedFacts(file, cache);
}

/**
 * The facts of a file, read from its cached metadata when asked for. This runs for every file of
 * the vault and the index keeps what it returns, but most files are only ever asked for a few of
 * their facts (a dated 1:1 note never for its headings): each list is made on use, at its final
 * length, and empty ones are shared. The metadata object is Obsidian's own, held by
 * the cache anyway; a new one comes with each change, and new facts with it.
 */
class CachedFacts implements FileFacts {
  readonly path: string;
  readonly frontmatter: Record<string, unknown> | null;
  readonly propertiesUnread?: boolean;
  private readonly ctime: number;
  private readonly cache: CachedMetadata | null;
  // Every field is given a value in the constructor: one added later costs each object more.
  private created_: string | null | undefined = undefined;
  private tags_: string[] | undefined = undefined;

  constructor(file: TFile, cache: CachedMetadata | null) {
    this.path = file.path;
    this.ctime = file.stat.ctime;
    this.cache = cache;
    this.frontmatter = cache?.frontmatter ?? null;
    // A properties block Obsidian could not read: a `yaml` section with lines in it, no properties.
    if (cache && !cache.frontmatter && cache.sections?.[0]?.type === "yaml") {
      // Without a position (a cache left odd by another plugin), it is taken as read: one note never stops the build.
      const yaml: Pos | undefined = cache.sections[0].position;
      if (yaml && yaml.end.line - yaml.start.line > 1) this.propertiesUnread = true;
    }
  }

  get created(): string | null {
    if (this.created_ === undefined) this.created_ = this.ctime > 0 ? interned(localDateOf(new Date(this.ctime))) : null;
    return this.created_;
  }

  get tags(): string[] {
    if (this.tags_ === undefined) {
      const all = this.cache ? (getAllTags(this.cache) ?? []) : [];
      const tags: string[] = [];
      for (const tag of all) {
        const clean = (tag.startsWith("#") ? tag.slice(1) : tag).toLowerCase();
        if (!tags.includes(clean)) tags.push(clean);
      }
      this.tags_ = tags.length === 0 ? NONE : tags.slice();
    }
    return this.tags_;
  }

  /**
   * Headings, links and tasks are made anew each time: they are read once or twice while a file
   * is recognized and not after, and kept they would be a second copy of the cache's (an object
   * per link and task of every note: the largest part of the facts in a large vault).
   */
  get headings(): FileFacts["headings"] {
    const headings = this.cache?.headings;
    return headings?.length ? headings.map((h) => ({ text: h.heading, level: h.level, line: h.position.start.line })) : NONE;
  }

  get links(): FileFacts["links"] {
    const links = this.cache?.links ?? [];
    const frontmatterLinks = this.cache?.frontmatterLinks ?? [];
    if (links.length + frontmatterLinks.length === 0) return NONE;
    return links
      .map((l) => ({ target: l.link, line: l.position.start.line }))
      .concat(frontmatterLinks.map((l) => ({ target: l.link, line: -1 })));
  }

  /** Tags written in the body, with their lines. */
  get bodyTags(): NonNullable<FileFacts["bodyTags"]> {
    const tags = this.cache?.tags;
    return tags?.length ? tags.map((t) => ({ tag: (t.tag.startsWith("#") ? t.tag.slice(1) : t.tag).toLowerCase(), line: t.position.start.line })) : NONE;
  }

  /** The lines of every task, done or not. */
  get taskLines(): number[] {
    let lines: number[] | null = null;
    for (const item of this.cache?.listItems ?? []) if (item.task !== undefined) (lines ??= []).push(item.position.start.line);
    return lines ?? NONE;
  }

  /** The first line after the properties block. */
  get bodyStart(): number {
    const position = this.cache?.frontmatterPosition ?? (this.cache?.sections?.[0]?.type === "yaml" ? this.cache.sections[0].position : undefined);
    return position ? position.end.line + 1 : 0;
  }

  /** Every task with its status: which are open the index decides, by the Tasks plugin's statuses. */
  get tasks(): FileFacts["tasks"] {
    let tasks: FileFacts["tasks"] | null = null;
    for (const item of this.cache?.listItems ?? []) {
      if (item.task !== undefined) (tasks ??= []).push({ line: item.position.start.line, status: item.task });
    }
    return tasks ?? NONE;
  }
}

/** The empty list all facts without tags, headings, links or tasks share (never changed). */
const NONE = Object.freeze([]) as unknown as never[];

/** Work on the main thread is cut into slices of about this long, so Obsidian stays responsive. */
export const SLICE_MS = 12;

/** Tells when a slice is used up, and gives the event loop a turn then (one turn for all waiting). */
class Slicer {
  private start = performance.now();
  private pause: Promise<void> | null = null;

  constructor(private readonly sliceMs: number) {}

  over(): boolean {
    return performance.now() - this.start > this.sliceMs;
  }

  async breathe(): Promise<void> {
    if (!this.over()) return;
    this.pause ??= new Promise<void>((resolve) => window.setTimeout(resolve, 0)).then(() => {
      this.pause = null;
      this.start = performance.now();
    });
    await this.pause;
  }
}

/**
 * Keeps the index in step with the vault: one build when the layout is ready (metadata first,
 * text only of files with open tasks, a few reads at a time, in slices that leave the main thread
 * free in between), then one update per changed file.
 */
export class IndexFeeder {
  private refs: EventRef[] = [];
  private built = false;
  /** The latest build; an older one still running gives way to it. */
  private run = 0;
  private latest: Promise<void> = Promise.resolve();
  /** Paths changed, renamed or deleted while a build runs: looked at again when it is done. */
  private readonly touched = new Set<string>();
  private building = false;
  /** Files whose text is being read, with a number so that only the latest read counts. */
  private readonly generation = new Map<string, number>();
  private generations = 0;

  constructor(
    private readonly app: App,
    private readonly index: PeopleIndex,
    private readonly options: { sliceMs?: number } = {},
  ) {}

  /**
   * Builds the index from the metadata cache. Resolves when every needed file was read, or when
   * the build failed: then the user is told, and the index holds what was read.
   */
  build(): Promise<void> {
    const run = ++this.run;
    this.latest = this.buildRun(run).catch((error: unknown) => {
      // Whatever went wrong, later changes are still taken one file at a time.
      if (run !== this.run) return;
      this.building = false;
      this.built = true;
      new Notice(`One-on-Ones could not read all your notes (${describeError(error)}); people, 1:1s and agreements may be missing. Reload the plugin to try again.`);
    });
    return this.latest;
  }

  private async buildRun(run: number): Promise<void> {
    this.building = true;
    this.touched.clear();
    const slicer = new Slicer(this.options.sliceMs ?? SLICE_MS);
    const superseded = () => run !== this.run;
    const files = this.app.vault.getMarkdownFiles();
    const needText: { file: TFile; facts: FileFacts }[] = [];

    // 1. Metadata of every file: people, meetings, last seen. Subscribers hear of it once.
    const release = this.index.hold();
    try {
      this.index.clear();
      let count = 0;
      for (const file of files) {
        if ((count++ & 63) === 0 && slicer.over()) {
          await slicer.breathe();
          if (superseded()) break;
        }
        if (this.touched.has(file.path)) continue; // done once the build is over
        const facts = factsFrom(file, this.app.metadataCache.getFileCache(file));
        this.index.upsert(facts, null);
        if (this.index.needsText(facts)) needText.push({ file, facts });
      }
      // Notes a person's `log` property named after they went by: their tasks are agreements too.
      const listed = new Set(needText.map((item) => item.file.path));
      for (const item of this.wantedFiles()) if (!listed.has(item.file.path)) needText.push(item);
    } finally {
      release();
    }
    if (superseded()) return this.latest;

    // 2. The text of files with open tasks, a few at a time: agreements. Heard of once, too.
    const releaseReads = this.index.hold();
    try {
      let next = 0;
      const worker = async () => {
        while (next < needText.length && !superseded()) {
          const item = needText[next++];
          if (item && !this.touched.has(item.file.path)) await this.readAndUpsert(item.file, item.facts);
          await slicer.breathe();
        }
      };
      await Promise.all(Array.from({ length: Math.min(MAX_READS_IN_FLIGHT, needText.length) }, worker));
    } finally {
      releaseReads();
    }

    // 3. What the views read (agreements, meetings, people), derived in slices too.
    while (!superseded() && !this.index.settle(() => slicer.over())) await slicer.breathe();
    if (superseded()) return this.latest;

    this.building = false;
    this.built = true;
    const touched = [...this.touched];
    this.touched.clear();
    for (const path of touched) this.refresh(path);
    this.readWanted();
  }

  /** The notes the index has come to need the text of (a `log` property names them now). */
  private wantedFiles(): { file: TFile; facts: FileFacts }[] {
    const wanted: { file: TFile; facts: FileFacts }[] = [];
    for (const path of this.index.takeWantedTexts()) {
      const file = this.app.vault.getAbstractFileByPath(path);
      const facts = this.index.facts(path);
      if (file instanceof TFile && facts) wanted.push({ file, facts });
    }
    return wanted;
  }

  private readWanted(): void {
    for (const { file, facts } of this.wantedFiles()) void this.readAndUpsert(file, facts);
  }

  /** Subscribes to vault and metadata events; returns the refs for the plugin to register. */
  listen(): EventRef[] {
    const { vault, metadataCache } = this.app;
    this.refs = [
      metadataCache.on("changed", (file, data, cache) => {
        if (this.building) {
          this.invalidate(file.path);
          this.touched.add(file.path);
          return;
        }
        if (!this.built) return;
        const facts = factsFrom(file, cache);
        this.invalidate(file.path);
        this.index.upsert(facts, this.index.needsText(facts) ? data : null);
        this.readWanted();
      }),
      vault.on("delete", (file) => {
        if (file instanceof TFile) {
          this.invalidate(file.path);
          this.index.remove(file.path);
          if (this.building) this.touched.add(file.path);
          else if (this.built) this.readWanted();
        }
      }),
      vault.on("rename", (file, oldPath) => {
        if (!(file instanceof TFile)) return;
        if (this.building) {
          this.invalidate(oldPath);
          this.invalidate(file.path);
          this.touched.add(oldPath);
          this.touched.add(file.path);
          return;
        }
        if (!this.built) return;
        this.invalidate(oldPath);
        if (file.extension !== "md") {
          this.index.remove(oldPath);
          return;
        }
        // A rename does not change the text: when the cache has not moved to the new path yet,
        // the facts held for the old path are still true.
        const cache = this.app.metadataCache.getFileCache(file);
        const previous = this.index.facts(oldPath);
        const facts = cache || !previous ? factsFrom(file, cache) : copyFacts(previous, { path: file.path });
        this.index.rename(oldPath, facts, null);
        if (this.index.needsText(facts)) void this.readAndUpsert(file, facts);
        this.readWanted();
      }),
    ];
    return this.refs;
  }

  /** Takes a path changed during a build as it is now: updated, or removed when it is gone. */
  private refresh(path: string): void {
    const file = this.app.vault.getAbstractFileByPath(path);
    this.invalidate(path);
    if (!(file instanceof TFile) || file.extension !== "md") {
      this.index.remove(path);
      return;
    }
    const facts = factsFrom(file, this.app.metadataCache.getFileCache(file));
    if (this.index.needsText(facts)) void this.readAndUpsert(file, facts);
    else this.index.upsert(facts, null);
  }

  /** A read of this file under way, if any, is stale now. */
  private invalidate(path: string): void {
    this.generation.delete(path);
  }

  private async readAndUpsert(file: TFile, facts: FileFacts): Promise<void> {
    const generation = ++this.generations;
    this.generation.set(file.path, generation);
    let text: string;
    try {
      text = await this.app.vault.cachedRead(file);
    } catch {
      if (this.generation.get(file.path) === generation) this.generation.delete(file.path);
      return; // deleted meanwhile
    }
    // A newer change of this file has arrived while reading: it wins.
    if (this.generation.get(file.path) !== generation) return;
    this.generation.delete(file.path);
    this.index.upsert(facts, text);
  }
}
