/**
 * Reads a folder of real notes from disk into the `files` map of `createTestApp`: every file,
 * recursively, with vault paths (`/` separators, relative to the folder). Markdown and other
 * text formats are read as text, anything else as bytes. Hidden entries (`.obsidian`, `.git`)
 * are left out, as a vault's own files would be.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { FileData } from "../fakes/fake-vault";

const TEXT_EXTENSIONS = new Set([".md", ".txt", ".canvas", ".json", ".base", ".csv"]);

export function folderExists(dir: string): boolean {
  return existsSync(dir) && statSync(dir).isDirectory();
}

/** The sub-folders of `dir` (one field vault each), sorted by name. */
export function subfolders(dir: string): string[] {
  if (!folderExists(dir)) return [];
  return readdirSync(dir)
    .filter((entry) => !entry.startsWith(".") && statSync(path.join(dir, entry)).isDirectory())
    .sort();
}

/** Every file below `dir`, path → contents. */
export function readVaultFolder(dir: string): Record<string, FileData> {
  const files: Record<string, FileData> = {};
  const walk = (current: string) => {
    for (const entry of readdirSync(current).sort()) {
      if (entry.startsWith(".")) continue;
      const full = path.join(current, entry);
      if (statSync(full).isDirectory()) {
        walk(full);
        continue;
      }
      const vaultPath = path.relative(dir, full).split(path.sep).join("/");
      if (TEXT_EXTENSIONS.has(path.extname(entry).toLowerCase())) {
        files[vaultPath] = readFileSync(full, "utf8");
      } else {
        const bytes = readFileSync(full);
        files[vaultPath] = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      }
    }
  };
  walk(dir);
  return files;
}
