// The vault folder on disk, through the preview server: the page loads every note into the fake
// vault at start, then sends each change the fake's "disk" (its adapter) receives back to the
// server, in order. Consecutive saves of one file are merged into one request.
import type { App } from "../tests/fakes/fake-app";
import type { FileData } from "../tests/fakes/fake-vault";
import { nowMs } from "./clock";

interface VaultEntry {
  path: string;
  folder?: boolean;
  text?: string;
  base64?: string;
  ctime?: number;
  mtime?: number;
}

interface VaultListing {
  name: string;
  files: VaultEntry[];
}

type Operation =
  | { kind: "write"; path: string; data: FileData }
  | { kind: "delete"; path: string }
  | { kind: "folder"; path: string }
  | { kind: "rename"; from: string; to: string };

function token(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="preview-token"]')?.content ?? "";
}

/** A request to the preview server (the page's own origin), with the page's token. */
export async function call(method: string, route: string, params: Record<string, string>, body?: BodyInit): Promise<Response> {
  const query = new URLSearchParams(params).toString();
  // The page talks to its own local server: `requestUrl` is Obsidian's API for plugins.
  const response = await fetch(`${route}${query === "" ? "" : `?${query}`}`, {
    method,
    headers: { "x-preview-token": token() },
    body,
  });
  if (!response.ok) {
    const detail = await response.text();
    throw new Error(`${method} ${route} ${JSON.stringify(params)}: ${response.status} ${detail}`);
  }
  return response;
}

function decodeBase64(base64: string): ArrayBuffer {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

/** Reads the vault folder into the fake vault; returns the folder's name. */
export async function loadVault(app: App): Promise<string> {
  const response = await call("GET", "/api/vault", {});
  const listing = (await response.json()) as VaultListing;
  // With a fixed "today", nothing may have been written after it.
  const latest = nowMs();
  const clamp = (time: number | undefined): number => Math.min(time ?? latest, latest);
  const folders: string[] = [];
  for (const entry of listing.files) {
    if (entry.folder) {
      folders.push(entry.path);
      continue;
    }
    const data = entry.text ?? decodeBase64(entry.base64 ?? "");
    app.vault.seed(entry.path, data, { ctime: clamp(entry.ctime), mtime: clamp(entry.mtime) });
  }
  // Empty folders too (the others came with their files).
  for (const path of folders) {
    if (app.vault.getFolderByPath(path)) continue;
    app.vault.adapter.mkdirRaw(path);
    app.vault.reconcile(path);
  }
  applyAppConfig(app);
  app.metadataCache.indexAllNow();
  return listing.name;
}

/** `.obsidian/app.json`: the vault settings that change what the API does (link format, ...). */
function applyAppConfig(app: App): void {
  const path = `${app.vault.configDir}/app.json`;
  if (!app.vault.adapter.existsSync(path, true)) return;
  try {
    const raw = app.vault.adapter.readSync(path);
    const config = JSON.parse(typeof raw === "string" ? raw : new TextDecoder().decode(raw)) as Record<string, unknown>;
    for (const [key, value] of Object.entries(config)) app.vault.setConfig(key, value);
  } catch (error) {
    console.warn(`The preview could not read ${path}:`, error);
  }
}

/** Sends the fake disk's changes to the server, one at a time and in order. */
export class DiskWriter {
  private readonly queue: Operation[] = [];
  private running: Promise<void> | null = null;
  private readonly failures: Array<(error: unknown) => void> = [];

  /** Calls `listener` when a change could not be written. */
  onFailure(listener: (error: unknown) => void): void {
    this.failures.push(listener);
  }

  /** Wraps the adapter's raw operations, through which every write of the fake vault goes. */
  attach(app: App): void {
    const adapter = app.vault.adapter;
    const writeRaw = adapter.writeRaw.bind(adapter);
    const removeRaw = adapter.removeRaw.bind(adapter);
    const moveRaw = adapter.moveRaw.bind(adapter);
    const mkdirRaw = adapter.mkdirRaw.bind(adapter);
    adapter.writeRaw = (path, data, stat) => {
      writeRaw(path, data, stat);
      this.push({ kind: "write", path, data });
    };
    adapter.removeRaw = (path) => {
      const known = adapter.statSync(path) !== null;
      removeRaw(path);
      if (known) this.push({ kind: "delete", path });
    };
    adapter.moveRaw = (from, to) => {
      const known = adapter.statSync(from) !== null;
      moveRaw(from, to);
      if (known) this.push({ kind: "rename", from, to });
    };
    adapter.mkdirRaw = (path) => {
      const known = path === "/" || adapter.statSync(path) !== null;
      mkdirRaw(path);
      if (!known) this.push({ kind: "folder", path });
    };
  }

  /** Resolves when every change made so far is on disk. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  get pending(): number {
    return this.queue.length + (this.running ? 1 : 0);
  }

  private push(operation: Operation): void {
    const last = this.queue[this.queue.length - 1];
    if (operation.kind === "write" && last?.kind === "write" && last.path === operation.path) {
      last.data = operation.data;
    } else if (operation.kind === "folder" && this.queue.some((op) => op.kind === "folder" && op.path === operation.path)) {
      return;
    } else {
      this.queue.push(operation);
    }
    if (!this.running) this.running = this.drain();
  }

  private async drain(): Promise<void> {
    for (let operation = this.queue.shift(); operation; operation = this.queue.shift()) {
      try {
        await this.send(operation);
      } catch (error) {
        for (const listener of this.failures) listener(error);
      }
    }
    this.running = null;
  }

  private async send(operation: Operation): Promise<void> {
    switch (operation.kind) {
      case "write": {
        const body = typeof operation.data === "string" ? new Blob([operation.data], { type: "text/plain;charset=utf-8" }) : new Blob([operation.data]);
        await call("PUT", "/api/file", { path: operation.path }, body);
        return;
      }
      case "delete":
        await call("DELETE", "/api/file", { path: operation.path });
        return;
      case "folder":
        await call("POST", "/api/folder", { path: operation.path });
        return;
      case "rename":
        await call("POST", "/api/rename", { from: operation.from, to: operation.to });
        return;
    }
  }
}
