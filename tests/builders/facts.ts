import type { TFile } from "obsidian";
import { factsFrom } from "../../src/obsidian/index-feeder";
import type { FileFacts } from "../../src/index/facts";
import { computeMetadata } from "../fakes/metadata";

/** The facts the plugin's adapter takes from Obsidian's metadata for a note with this text. */
export function factsOf(path: string, text: string, created = new Date(2026, 0, 5, 12).getTime()): FileFacts {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const file = {
    path,
    name,
    basename: name.replace(/\.md$/, ""),
    extension: "md",
    stat: { ctime: created, mtime: created, size: text.length },
  } as unknown as TFile;
  return factsFrom(file, computeMetadata(text));
}
