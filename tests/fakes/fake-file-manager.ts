// FileManager: front matter through `vault.process` (see fake-yaml.ts for the output rules),
// renames that update links in other notes, links in the user's preferred format.
import type * as O from "obsidian";
import { applyFrontMatter, getFrontMatterInfo } from "./fake-yaml";
import type { MetadataCache } from "./fake-metadata-cache";
import { getLinkpath, normalizePath } from "./fake-util";
import { TFile, TFolder, type TAbstractFile, type Vault } from "./fake-vault";
import { computeMetadata } from "./metadata";

/** A link to rewrite after a rename, found before the rename in a note's text. */
interface LinkEdit {
  start: number;
  end: number;
  original: string;
  target: TFile;
}

interface FrontmatterEdit {
  original: string;
  target: TFile;
}

function encodeLinkPath(path: string): string {
  return encodeURI(path).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export class FileManager implements O.FileManager {
  constructor(
    private readonly vault: Vault,
    private readonly metadataCache: MetadataCache,
  ) {}

  getNewFileParent(sourcePath: string, _newFilePath?: string): TFolder {
    const config = this.vault.config;
    if (config.newFileLocation === "current") {
      const source = this.vault.getAbstractFileByPath(sourcePath);
      if (source?.parent) return source.parent;
    }
    if (config.newFileLocation === "folder") {
      const folder = this.vault.getFolderByPath(normalizePath(config.newFileFolderPath));
      if (folder) return folder;
    }
    return this.vault.getRoot();
  }

  /**
   * Renames or moves a file or folder, then (when the vault's "automatically update internal
   * links" is on, the fake's default) rewrites links to it in other notes: wikilinks, embeds,
   * Markdown links and links in properties, keeping `#subpath` and `|alias`.
   */
  async renameFile(file: TAbstractFile, newPath: string): Promise<void> {
    const moved = new Set<TFile>();
    if (file instanceof TFolder) {
      for (const f of this.vault.getFiles()) if (f.path.startsWith(file.path + "/")) moved.add(f);
    } else if (file instanceof TFile) moved.add(file);
    const plans = this.vault.config.alwaysUpdateLinks ? await this.planLinkUpdates(moved) : [];
    await this.vault.rename(file, newPath);
    for (const plan of plans) {
      await this.vault.process(plan.source, (text) => (text === plan.text ? this.applyEdits(plan, text) : text));
    }
  }

  async trashFile(file: TAbstractFile): Promise<void> {
    const option = this.vault.config.trashOption;
    if (option === "none") await this.vault.delete(file, true);
    else await this.vault.trash(file, option === "system");
  }

  generateMarkdownLink(file: TFile, sourcePath: string, subpath = "", alias = ""): string {
    if (this.vault.config.useMarkdownLinks) {
      const path = this.metadataCache.fileToLinktext(file, sourcePath, false);
      const text = alias !== "" ? alias : file.extension === "md" ? file.basename : file.name;
      return `[${text}](${encodeLinkPath(path)}${encodeLinkPath(subpath)})`;
    }
    const linktext = this.metadataCache.fileToLinktext(file, sourcePath, true);
    return `[[${linktext}${subpath}${alias !== "" ? `|${alias}` : ""}]]`;
  }

  /**
   * Hands the parsed front matter to `fn` and writes the note back through `vault.process`: the
   * body stays byte for byte. Throws without writing when the YAML is malformed or `fn` throws.
   */
  async processFrontMatter(file: TFile, fn: (frontmatter: Record<string, unknown>) => void, options?: O.DataWriteOptions): Promise<void> {
    await this.vault.process(file, (text) => applyFrontMatter(text, fn), options);
  }

  getAvailablePathForAttachment(filename: string, sourcePath?: string): Promise<string> {
    const configured = this.vault.config.attachmentFolderPath;
    let folder = normalizePath(configured);
    if (configured.startsWith("./")) {
      const source = sourcePath ? this.vault.getAbstractFileByPath(sourcePath) : null;
      const base = source?.parent?.path ?? "/";
      folder = normalizePath(`${base === "/" ? "" : base}/${configured.slice(2)}`);
    }
    const dot = filename.lastIndexOf(".");
    const stem = dot > 0 ? filename.slice(0, dot) : filename;
    const ext = dot > 0 ? filename.slice(dot) : "";
    const prefix = folder === "/" ? "" : `${folder}/`;
    let candidate = `${prefix}${stem}${ext}`;
    for (let n = 1; this.vault.getAbstractFileByPathInsensitive(candidate); n++) candidate = `${prefix}${stem} ${n}${ext}`;
    return Promise.resolve(candidate);
  }

  // ---- Link updates ---------------------------------------------------------------------------

  private async planLinkUpdates(moved: Set<TFile>): Promise<Array<{ source: TFile; text: string; body: LinkEdit[]; props: FrontmatterEdit[] }>> {
    const plans = [];
    for (const source of this.vault.getMarkdownFiles()) {
      if (moved.has(source)) continue;
      const text = await this.vault.read(source);
      const cache = computeMetadata(text);
      const resolve = (link: string): TFile | null => {
        const dest = this.metadataCache.getFirstLinkpathDest(getLinkpath(link), source.path);
        return dest && moved.has(dest) ? dest : null;
      };
      const body: LinkEdit[] = [];
      for (const ref of [...(cache.links ?? []), ...(cache.embeds ?? [])]) {
        const target = resolve(ref.link);
        if (target) body.push({ start: ref.position.start.offset, end: ref.position.end.offset, original: ref.original, target });
      }
      const props: FrontmatterEdit[] = [];
      for (const ref of cache.frontmatterLinks ?? []) {
        const target = resolve(ref.link);
        if (target) props.push({ original: ref.original, target });
      }
      if (body.length > 0 || props.length > 0) plans.push({ source, text, body, props });
    }
    return plans;
  }

  private applyEdits(plan: { source: TFile; body: LinkEdit[]; props: FrontmatterEdit[] }, text: string): string {
    let result = text;
    for (const edit of [...plan.body].sort((a, b) => b.start - a.start)) {
      if (result.slice(edit.start, edit.end) !== edit.original) continue;
      result = result.slice(0, edit.start) + this.rewrite(edit.original, edit.target, plan.source.path) + result.slice(edit.end);
    }
    if (plan.props.length > 0) {
      const info = getFrontMatterInfo(result);
      if (info.exists) {
        let block = result.slice(info.from, info.to);
        for (const edit of plan.props) block = block.split(edit.original).join(this.rewrite(edit.original, edit.target, plan.source.path));
        result = result.slice(0, info.from) + block + result.slice(info.to);
      }
    }
    return result;
  }

  private rewrite(original: string, target: TFile, sourcePath: string): string {
    const wiki = /^(!?)\[\[([^\]|#]*)(#[^\]|]*)?(\|[^\]]*)?\]\]$/.exec(original);
    if (wiki) {
      const linktext = this.metadataCache.fileToLinktext(target, sourcePath, true);
      return `${wiki[1] ?? ""}[[${linktext}${wiki[3] ?? ""}${wiki[4] ?? ""}]]`;
    }
    const markdown = /^(!?)\[([^\]]*)\]\(([^)#]*)(#[^)]*)?\)$/.exec(original);
    if (markdown) {
      const path = this.metadataCache.fileToLinktext(target, sourcePath, false);
      return `${markdown[1] ?? ""}[${markdown[2] ?? ""}](${encodeLinkPath(path)}${markdown[4] ?? ""})`;
    }
    return original;
  }
}
