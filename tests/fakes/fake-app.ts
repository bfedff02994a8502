// The App, with the parts Obsidian keeps private but plugins reach for (`app.plugins`,
// `app.commands`, `app.setting`), and the registries the harness reads (code block processors,
// editor suggests, ribbon, status bar, open modals).
import type * as O from "obsidian";
import { env, resetEnv, type Recorder } from "./fake-env";
import { FileManager } from "./fake-file-manager";
import { MetadataCache } from "./fake-metadata-cache";
import { Keymap, Scope, type Modal } from "./fake-ui";
import { Platform } from "./fake-util";
import { Vault } from "./fake-vault";
import { Workspace } from "./fake-workspace";

export type CodeBlockHandler = (source: string, el: HTMLElement, ctx: O.MarkdownPostProcessorContext) => Promise<unknown> | void;

/** What running a command did: whether it ran, and what its callback returned. */
export interface CommandOutcome {
  ran: boolean;
  result: unknown;
}

/** Obsidian's command registry (`app.commands`), with its precedence rules. */
export class Commands {
  readonly commands: Record<string, O.Command> = {};

  constructor(private readonly app: App) {}

  addCommand(command: O.Command): void {
    this.commands[command.id] = command;
  }

  removeCommand(id: string): void {
    delete this.commands[id];
  }

  findCommand(id: string): O.Command | undefined {
    return this.commands[id];
  }

  listCommands(): O.Command[] {
    return Object.values(this.commands);
  }

  /** False when the command is unknown or says it is unavailable; the result is not awaited. */
  executeCommandById(id: string): boolean {
    return this.execute(id).ran;
  }

  /** Whether the command palette would offer the command now. */
  isAvailable(id: string): boolean {
    return this.run(id, true).ran;
  }

  /** Fake only: runs the command and hands back what its callback returned. */
  execute(id: string): CommandOutcome {
    return this.run(id, false);
  }

  /**
   * editorCheckCallback, then editorCallback (both need an active editor), then checkCallback,
   * then callback: the first one defined decides, as in Obsidian.
   */
  private run(id: string, checkOnly: boolean): CommandOutcome {
    const command = this.commands[id];
    const no: CommandOutcome = { ran: false, result: undefined };
    if (!command || (command.mobileOnly && !Platform.isMobile)) return no;
    if (command.editorCheckCallback || command.editorCallback) {
      const info = this.app.workspace.activeEditor;
      const editor = info?.editor;
      if (!info || !editor) return no;
      if (command.editorCheckCallback) {
        if (!command.editorCheckCallback(true, editor, info)) return no;
        return { ran: true, result: checkOnly ? undefined : command.editorCheckCallback(false, editor, info) };
      }
      return { ran: true, result: checkOnly ? undefined : (command.editorCallback?.(editor, info) as unknown) };
    }
    if (command.checkCallback) {
      if (!command.checkCallback(true)) return no;
      return { ran: true, result: checkOnly ? undefined : command.checkCallback(false) };
    }
    if (command.callback) return { ran: true, result: checkOnly ? undefined : (command.callback() as unknown) };
    return no;
  }
}

/** `app.plugins`: which community plugins are enabled, and their instances. */
export class Plugins {
  readonly enabledPlugins = new Set<string>();
  readonly plugins: Record<string, unknown> = {};
  readonly manifests: Record<string, O.PluginManifest> = {};

  getPlugin(id: string): unknown {
    return this.enabledPlugins.has(id) ? (this.plugins[id] ?? null) : null;
  }

  /** Fake only: pretends another plugin is installed and enabled, with the given instance. */
  pretendEnabled(id: string, instance: object = {}, version = "1.0.0"): void {
    this.enabledPlugins.add(id);
    this.plugins[id] = instance;
    this.manifests[id] = { id, name: id, version, minAppVersion: "1.0.0", author: "", description: "" };
  }

  disable(id: string): void {
    this.enabledPlugins.delete(id);
    delete this.plugins[id];
  }
}

/** `app.setting`: the settings window and the plugins' tabs. */
export class SettingWindow {
  readonly pluginTabs: Array<{ id: string; tab: O.PluginSettingTab }> = [];
  activeTab: O.SettingTab | null = null;

  addSettingTab(id: string, tab: O.PluginSettingTab): void {
    this.pluginTabs.push({ id, tab });
  }

  removeSettingTab(tab: O.PluginSettingTab): void {
    const index = this.pluginTabs.findIndex((t) => t.tab === tab);
    if (index >= 0) this.pluginTabs.splice(index, 1);
  }

  open(): void {}

  /** Shows a plugin's tab: calls its display(). */
  openTabById(id: string): O.SettingTab | null {
    this.close();
    const entry = this.pluginTabs.find((t) => t.id === id);
    if (!entry) return null;
    this.activeTab = entry.tab;
    entry.tab.display();
    return entry.tab;
  }

  close(): void {
    this.activeTab?.hide();
    this.activeTab = null;
  }
}

export class App implements O.App {
  keymap = new Keymap();
  scope = new Scope();
  workspace: Workspace;
  vault: Vault;
  metadataCache: MetadataCache;
  fileManager: FileManager;
  lastEvent: O.UserEvent | null = null;

  // Private in Obsidian, used by plugins.
  readonly plugins = new Plugins();
  readonly commands: Commands;
  readonly setting = new SettingWindow();

  // Fake only.
  readonly recorder: Recorder;
  readonly openModals: Modal[] = [];
  readonly codeBlockProcessors = new Map<string, CodeBlockHandler>();
  readonly postProcessors: O.MarkdownPostProcessor[] = [];
  readonly editorSuggests: Array<O.EditorSuggest<unknown>> = [];
  readonly editorExtensions: unknown[] = [];
  readonly protocolHandlers = new Map<string, O.ObsidianProtocolHandler>();
  readonly hoverLinkSources = new Map<string, O.HoverLinkSource>();
  readonly ribbonEl: HTMLElement = createDiv("side-dock-ribbon");
  readonly statusBarEl: HTMLElement = createDiv("status-bar");
  private readonly storage = new Map<string, unknown>();

  constructor() {
    this.recorder = resetEnv();
    this.vault = new Vault();
    this.metadataCache = new MetadataCache(this.vault);
    this.fileManager = new FileManager(this.vault, this.metadataCache);
    this.workspace = new Workspace(this);
    this.commands = new Commands(this);
  }

  loadLocalStorage(key: string): unknown {
    return this.storage.has(key) ? this.storage.get(key) : null;
  }

  saveLocalStorage(key: string, data: unknown): void {
    if (data === null || data === undefined) this.storage.delete(key);
    else this.storage.set(key, data);
  }

  /** Fake only: waits until metadata events, async handlers and debounced calls are done. */
  settle(): Promise<void> {
    return env.scheduler.settle();
  }
}
