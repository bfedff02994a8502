// Link resolution for large vaults. The fake metadata cache finds each link's file by going
// through every file of the vault: right for tests, but it resolves every link of the vault again
// after each change, so a vault of thousands of notes (the benchmark's has 6,000) took most of a
// minute to open and again after every edit. This gives the same answers from maps of the files,
// built when first needed and dropped whenever a file is created, deleted or renamed.
import type { App } from "../tests/fakes/fake-app";
import type { TFile } from "../tests/fakes/fake-vault";

interface Entry {
  file: TFile;
  /** The file's place in `vault.getFiles()`: the scan the maps replace returns the first match. */
  order: number;
}

interface Maps {
  /** Lower-cased path → the first file with it. */
  byPath: Map<string, Entry>;
  /** Lower-cased last segment of the path → every file with it. */
  byName: Map<string, TFile[]>;
  /** Answers so far, by the source's folder and the link: the same name is linked again and again. */
  answers: Map<string, TFile | null>;
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "" : path.slice(0, slash);
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
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

/** Replaces the metadata cache's `getFirstLinkpathDest` with one that answers from maps. */
export function resolveLinksFromMaps(app: App): void {
  const { vault, metadataCache } = app;
  let maps: Maps | null = null;
  const drop = (): void => {
    maps = null;
  };
  // Registered before the plugin loads, so that its handlers of these events see new maps.
  vault.on("create", drop);
  vault.on("delete", drop);
  vault.on("rename", drop);

  const build = (): Maps => {
    const byPath = new Map<string, Entry>();
    const byName = new Map<string, TFile[]>();
    vault.getFiles().forEach((file, order) => {
      const lower = file.path.toLowerCase();
      if (!byPath.has(lower)) byPath.set(lower, { file, order });
      const name = lastSegment(lower);
      const named = byName.get(name);
      if (named) named.push(file);
      else byName.set(name, [file]);
    });
    return { byPath, byName, answers: new Map() };
  };

  const find = (current: Maps, path: string): TFile | null => {
    const exact = vault.getFileByPath(path) ?? vault.getFileByPath(`${path}.md`);
    if (exact) return exact;
    const lower = path.toLowerCase();
    const plain = current.byPath.get(lower);
    const withExtension = current.byPath.get(`${lower}.md`);
    if (plain && withExtension) return plain.order < withExtension.order ? plain.file : withExtension.file;
    return (plain ?? withExtension)?.file ?? null;
  };

  const resolve = (current: Maps, linkpath: string, sourceFolder: string): TFile | null => {
    if (linkpath.startsWith("./") || linkpath.startsWith("../")) {
      const joined = joinRelative(sourceFolder, linkpath);
      return joined === null ? null : find(current, joined);
    }
    const target = linkpath.replace(/^\/+/, "");
    const direct = find(current, target);
    if (direct) return direct;
    if (sourceFolder !== "") {
      const relative = find(current, `${sourceFolder}/${target}`);
      if (relative) return relative;
    }
    const lower = target.toLowerCase();
    const suffixes = [`/${lower}`, `/${lower}.md`];
    const seen = new Set<TFile>();
    const candidates: TFile[] = [];
    for (const suffix of suffixes) {
      for (const file of current.byName.get(lastSegment(suffix)) ?? []) {
        if (seen.has(file)) continue;
        seen.add(file);
        const path = file.path.toLowerCase();
        if (suffixes.some((end) => path.endsWith(end))) candidates.push(file);
      }
    }
    candidates.sort((a, b) => a.path.length - b.path.length || a.path.localeCompare(b.path));
    return candidates[0] ?? null;
  };

  metadataCache.getFirstLinkpathDest = (linkpath: string, sourcePath: string): TFile | null => {
    if (linkpath === "") return vault.getFileByPath(sourcePath);
    const current = (maps ??= build());
    const sourceFolder = folderOf(sourcePath);
    const key = `${sourceFolder}\0${linkpath}`;
    const known = current.answers.get(key);
    if (known !== undefined) return known;
    const found = resolve(current, linkpath, sourceFolder);
    current.answers.set(key, found);
    return found;
  };
}
