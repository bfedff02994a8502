// The disk under the vault: an in-memory map of vault-relative paths to bytes (folders are
// entries without data). Writes made here reach the vault's tree a moment later, through
// `Vault.reconcile`, as Obsidian's file watcher would notice them.
import type * as O from "obsidian";
import { env } from "./fake-env";
import type { Vault } from "./fake-vault";

export type FileData = string | ArrayBuffer;

export const FORBIDDEN = /[*"\\<>:|?]/;
export const encoder = new TextEncoder();

export function sizeOf(data: FileData): number {
  return typeof data === "string" ? encoder.encode(data).length : data.byteLength;
}

export function parentPath(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "/" : path.slice(0, slash);
}

export function nameOf(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

export function isHidden(path: string): boolean {
  return path.split("/").some((segment) => segment.startsWith("."));
}

export function missing(path: string): Error {
  return new Error(`ENOENT: no such file or directory, open '${path}'`);
}

export function toArrayBuffer(text: string): ArrayBuffer {
  const bytes = encoder.encode(text);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

interface Entry {
  data: FileData | null;
  ctime: number;
  mtime: number;
}

export class InMemoryAdapter implements O.DataAdapter {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly vault: Vault) {}

  // ---- Fake-only, synchronous -----------------------------------------------------------------

  writeRaw(path: string, data: FileData, stat?: { ctime?: number | undefined; mtime?: number | undefined }): void {
    const previous = this.entries.get(path);
    const now = this.vault.now();
    const ctime = stat?.ctime ?? previous?.ctime ?? now;
    this.entries.set(path, { data, ctime, mtime: stat?.mtime ?? now });
    for (let parent = parentPath(path); parent !== "/"; parent = parentPath(parent)) this.mkdirRaw(parent);
  }

  mkdirRaw(path: string): void {
    if (path === "/" || this.entries.has(path)) return;
    const now = this.vault.now();
    this.entries.set(path, { data: null, ctime: now, mtime: now });
    this.mkdirRaw(parentPath(path));
  }

  removeRaw(path: string): void {
    for (const key of [...this.entries.keys()]) if (key === path || key.startsWith(path + "/")) this.entries.delete(key);
  }

  moveRaw(from: string, to: string): void {
    const entry = this.entries.get(from);
    if (!entry) return;
    this.entries.delete(from);
    this.entries.set(to, entry);
  }

  existsSync(path: string, sensitive = false): boolean {
    if (this.entries.has(path)) return true;
    if (sensitive) return false;
    const lower = path.toLowerCase();
    return [...this.entries.keys()].some((key) => key.toLowerCase() === lower);
  }

  readSync(path: string): FileData {
    const entry = this.entries.get(path);
    if (!entry || entry.data === null) throw missing(path);
    return entry.data;
  }

  statSync(path: string): O.Stat | null {
    const entry = this.entries.get(path);
    if (!entry) return null;
    const type = entry.data === null ? "folder" : "file";
    return { type, ctime: entry.ctime, mtime: entry.mtime, size: entry.data === null ? 0 : sizeOf(entry.data) };
  }

  fileStats(path: string): O.FileStats {
    const stat = this.statSync(path);
    if (!stat) throw missing(path);
    return { ctime: stat.ctime, mtime: stat.mtime, size: stat.size };
  }

  /** Lets the vault notice a change on disk a moment later. */
  notice(path: string): void {
    env.scheduler.defer(() => this.vault.reconcile(path));
  }

  /** Fake only: every stored path, files and folders. */
  paths(): string[] {
    return [...this.entries.keys()];
  }

  // ---- DataAdapter ----------------------------------------------------------------------------

  getName(): string {
    return this.vault.getName();
  }

  exists(normalizedPath: string, sensitive?: boolean): Promise<boolean> {
    return Promise.resolve(this.existsSync(normalizedPath, sensitive));
  }

  stat(normalizedPath: string): Promise<O.Stat | null> {
    return Promise.resolve(this.statSync(normalizedPath));
  }

  list(normalizedPath: string): Promise<O.ListedFiles> {
    const prefix = normalizedPath === "/" || normalizedPath === "" ? "" : normalizedPath + "/";
    const files: string[] = [];
    const folders: string[] = [];
    for (const [path, entry] of this.entries) {
      if (!path.startsWith(prefix) || path.slice(prefix.length).includes("/")) continue;
      (entry.data === null ? folders : files).push(path);
    }
    return Promise.resolve({ files, folders });
  }

  read(normalizedPath: string): Promise<string> {
    return Promise.resolve().then(() => {
      const data = this.readSync(normalizedPath);
      return typeof data === "string" ? data : new TextDecoder().decode(data);
    });
  }

  readBinary(normalizedPath: string): Promise<ArrayBuffer> {
    return Promise.resolve().then(() => {
      const data = this.readSync(normalizedPath);
      return typeof data === "string" ? toArrayBuffer(data) : data;
    });
  }

  write(normalizedPath: string, data: string, options?: O.DataWriteOptions): Promise<void> {
    return Promise.resolve().then(() => {
      this.writeRaw(normalizedPath, data, options);
      this.notice(normalizedPath);
    });
  }

  writeBinary(normalizedPath: string, data: ArrayBuffer, options?: O.DataWriteOptions): Promise<void> {
    return Promise.resolve().then(() => {
      this.writeRaw(normalizedPath, data, options);
      this.notice(normalizedPath);
    });
  }

  append(normalizedPath: string, data: string, options?: O.DataWriteOptions): Promise<void> {
    return Promise.resolve().then(() => {
      const current = this.entries.has(normalizedPath) ? this.readSync(normalizedPath) : "";
      this.writeRaw(normalizedPath, (typeof current === "string" ? current : "") + data, options);
      this.notice(normalizedPath);
    });
  }

  process(normalizedPath: string, fn: (data: string) => string, options?: O.DataWriteOptions): Promise<string> {
    return Promise.resolve().then(() => {
      const current = this.readSync(normalizedPath);
      const next = fn(typeof current === "string" ? current : new TextDecoder().decode(current));
      this.writeRaw(normalizedPath, next, options);
      this.notice(normalizedPath);
      return next;
    });
  }

  getResourcePath(normalizedPath: string): string {
    return `app://local/${encodeURI(normalizedPath)}`;
  }

  mkdir(normalizedPath: string): Promise<void> {
    return Promise.resolve().then(() => {
      this.mkdirRaw(normalizedPath);
      this.notice(normalizedPath);
    });
  }

  trashSystem(normalizedPath: string): Promise<boolean> {
    return this.remove(normalizedPath).then(() => true);
  }

  trashLocal(normalizedPath: string): Promise<void> {
    return this.remove(normalizedPath);
  }

  rmdir(normalizedPath: string, _recursive: boolean): Promise<void> {
    return this.remove(normalizedPath);
  }

  remove(normalizedPath: string): Promise<void> {
    return Promise.resolve().then(() => {
      if (!this.entries.has(normalizedPath)) throw missing(normalizedPath);
      const affected = this.paths().filter((p) => p === normalizedPath || p.startsWith(normalizedPath + "/"));
      this.removeRaw(normalizedPath);
      for (const path of affected.reverse()) this.notice(path);
    });
  }

  rename(normalizedPath: string, normalizedNewPath: string): Promise<void> {
    return Promise.resolve().then(() => {
      if (!this.entries.has(normalizedPath)) throw missing(normalizedPath);
      if (this.entries.has(normalizedNewPath)) throw new Error("Destination file already exists!");
      for (const path of this.paths()) {
        if (path === normalizedPath || path.startsWith(normalizedPath + "/")) {
          const target = normalizedNewPath + path.slice(normalizedPath.length);
          this.moveRaw(path, target);
          this.notice(path);
          this.notice(target);
        }
      }
    });
  }

  copy(normalizedPath: string, normalizedNewPath: string): Promise<void> {
    return Promise.resolve().then(() => {
      if (this.entries.has(normalizedNewPath)) throw new Error("Destination file already exists!");
      this.writeRaw(normalizedNewPath, this.readSync(normalizedPath));
      this.notice(normalizedNewPath);
    });
  }
}
