// Helpers for tests that load the real plugin into the fake App: build a vault, load the plugin,
// run commands by id, drive modals, suggesters, settings and code blocks, and read the vault back.
//
//   const { app } = createTestApp({ files: { "People/Anya Petrova.md": "---\ntype: person\n---\n" } });
//   const plugin = await loadPlugin(OneOnOnesPlugin, app, { data: { peopleFolder: "People" } });
//   expect(await runCommand(app, "one-on-ones:start-one-on-one")).toBe(true);
//   const picker = activeSuggest(app);
//   expect(await picker.query("any")).toEqual(["Anya Petrova"]);
//   await picker.choose("Anya Petrova");
//   expect(read(app, "1-1s/Anya Petrova/2026-11-21.md")).toBe(expected);
//   expect(notices(app)).toEqual([]);
import type * as O from "obsidian";
import { App, type CodeBlockHandler } from "./fake-app";
import { env, trackResult, type MenuRecord } from "./fake-env";
import type { Editor } from "./fake-editor";
import { MarkdownRenderChild } from "./fake-render";
import { settingOf, type Setting } from "./fake-settings";
import { SuggestModal, type Modal } from "./fake-ui";
import { getFrontMatterInfo } from "./fake-yaml";
import type { FileData, VaultConfig } from "./fake-vault";
import { asFakeView, MarkdownView, type View } from "./fake-views";

export { App };
export type { Editor, Modal, Setting, View, MenuRecord };

export const DEFAULT_MANIFEST: O.PluginManifest = {
  id: "one-on-ones",
  name: "One-on-Ones",
  version: "0.1.0",
  minAppVersion: "1.7.2",
  author: "One-on-Ones",
  description: "Recurring 1:1 meetings in Obsidian.",
  isDesktopOnly: false,
};

export interface TestAppOptions {
  /** Vault files by path (folders are created for them); hidden paths (`.obsidian/...`) too. */
  files?: Record<string, FileData>;
  /** Whether the layout is ready (and the metadata resolved) from the start. Default false. */
  layoutReady?: boolean;
  /** Creation time of the files: one for all, or per path. Default: now. */
  ctime?: number | Record<string, number>;
  /** Modification time of the files: one for all, or per path. Default: the creation time. */
  mtime?: number | Record<string, number>;
  /** The vault's settings (link format, new file location, ...). */
  config?: Partial<VaultConfig>;
  /** The clock for ctime and mtime of later writes. Default: Date.now. */
  now?: () => number;
  /** Whether `flush()` throws when an event handler or callback threw. Default true. */
  failOnHandlerErrors?: boolean;
}

export interface TestApp {
  app: App;
  vault: App["vault"];
  metadataCache: App["metadataCache"];
  fileManager: App["fileManager"];
  workspace: App["workspace"];
}

const strictApps = new WeakMap<App, boolean>();

function pick(value: number | Record<string, number> | undefined, path: string): number | undefined {
  return typeof value === "number" ? value : value?.[path];
}

/** A fresh App holding `files`, with every Markdown file already in the metadata cache. */
export function createTestApp(options: TestAppOptions = {}): TestApp {
  const app = new App();
  const { vault, metadataCache, fileManager, workspace } = app;
  // As in Obsidian, the workspace, ribbon and status bar are part of the document: a view's
  // elements are connected, so inputs fire their change events.
  document.body.replaceChildren(workspace.containerEl, app.ribbonEl, app.statusBarEl);
  if (options.now) vault.now = options.now;
  Object.assign(vault.config, options.config ?? {});
  for (const [path, data] of Object.entries(options.files ?? {})) {
    const ctime = pick(options.ctime, path);
    vault.seed(path, data, { ctime, mtime: pick(options.mtime, path) ?? ctime });
  }
  metadataCache.indexAllNow();
  strictApps.set(app, options.failOnHandlerErrors ?? true);
  if (options.layoutReady) {
    workspace.setLayoutReady();
    metadataCache.finishInitialResolve();
  }
  return { app, vault, metadataCache, fileManager, workspace };
}

/**
 * Waits until the app is quiet: deferred metadata events, external edits, promises of event
 * handlers and callbacks, and pending debounced calls (run at once). Throws when a handler threw,
 * unless the app was created with `failOnHandlerErrors: false` (see `takeErrors`).
 */
export async function flush(app?: App): Promise<void> {
  await env.scheduler.settle();
  const recorder = app?.recorder ?? env.recorder;
  const strict = app ? (strictApps.get(app) ?? true) : true;
  if (strict && recorder.handlerErrors.length > 0) {
    const errors = recorder.handlerErrors.splice(0);
    const first = errors[0];
    throw first instanceof Error && errors.length === 1 ? first : new AggregateError(errors, `${errors.length} errors in handlers`);
  }
}

/** Errors thrown by event handlers and callbacks since the last call; clears them. */
export function takeErrors(app: App): unknown[] {
  return app.recorder.handlerErrors.splice(0);
}

/** Marks the layout ready (running queued onLayoutReady callbacks) and the metadata resolved. */
export async function startApp(app: App): Promise<void> {
  app.workspace.setLayoutReady();
  app.metadataCache.finishInitialResolve();
  await flush(app);
}

export interface LoadPluginOptions {
  /** Seeds data.json (what loadData returns). */
  data?: unknown;
  manifest?: Partial<O.PluginManifest>;
  /** Whether to mark the layout ready after onload. Default true. */
  layoutReady?: boolean;
}

/**
 * Constructs the plugin, calls `load()` (so `onload`) and waits for it, then marks the layout
 * ready, runs the queued onLayoutReady callbacks, fires the metadata cache's first `resolved`,
 * and waits until everything settled.
 */
export async function loadPlugin<P extends O.Plugin>(
  PluginClass: new (app: O.App, manifest: O.PluginManifest) => P,
  app: App,
  options: LoadPluginOptions = {},
): Promise<P> {
  const base = { ...DEFAULT_MANIFEST, ...options.manifest };
  const manifest: O.PluginManifest = { ...base, dir: base.dir ?? `${app.vault.configDir}/plugins/${base.id}` };
  if (options.data !== undefined) app.vault.adapter.writeRaw(`${manifest.dir}/data.json`, JSON.stringify(options.data, null, 2));
  const plugin = new PluginClass(app, manifest);
  app.plugins.enabledPlugins.add(manifest.id);
  app.plugins.plugins[manifest.id] = plugin;
  app.plugins.manifests[manifest.id] = manifest;
  plugin.load();
  await flush(app);
  if (options.layoutReady ?? true) await startApp(app);
  return plugin;
}

/** Unloads the plugin (onunload and every registered clean-up) and waits. */
export async function unloadPlugin(app: App, plugin: O.Plugin): Promise<void> {
  plugin.unload();
  app.plugins.disable(plugin.manifest.id);
  await flush(app);
}

/** The plugin's saved data (data.json), parsed; null when it never saved. */
export function pluginData(app: App, pluginId = DEFAULT_MANIFEST.id): unknown {
  const path = `${app.vault.configDir}/plugins/${pluginId}/data.json`;
  if (!app.vault.adapter.existsSync(path, true)) return null;
  return JSON.parse(read(app, path)) as unknown;
}

// ---- Commands -------------------------------------------------------------------------------

function fullCommandId(id: string): string {
  return id.includes(":") ? id : `${DEFAULT_MANIFEST.id}:${id}`;
}

/**
 * Runs a command by id (`one-on-ones:<id>`, or just `<id>` for this plugin's) as the command
 * palette would; editor commands get the active MarkdownView's editor. Settles, waiting for a
 * promise the callback returned unless it waits on an open modal; throws what it threw.
 * False when the command is unknown or unavailable now.
 */
export async function runCommand(app: App, id: string): Promise<boolean> {
  const outcome = app.commands.execute(fullCommandId(id));
  if (!outcome.ran) return false;
  trackResult(outcome.result);
  await flush(app);
  return true;
}

/** Whether the command palette would offer the command now (check callbacks say yes). */
export function isCommandAvailable(app: App, id: string): boolean {
  return app.commands.isAvailable(fullCommandId(id));
}

/** The ids of all registered commands. */
export function commandIds(app: App): string[] {
  return Object.keys(app.commands.commands).sort();
}

// ---- Files and editor -----------------------------------------------------------------------

/** Every vault file (hidden ones when asked), path → text, sorted by path. */
export function files(app: App, options: { hidden?: boolean } = {}): Record<string, string> {
  const result: Record<string, string> = {};
  const adapter = app.vault.adapter;
  const paths = adapter.paths().filter((p) => adapter.statSync(p)?.type === "file");
  for (const path of paths.sort()) {
    if (!options.hidden && path.split("/").some((s) => s.startsWith("."))) continue;
    result[path] = read(app, path);
  }
  return result;
}

/** A file's text on disk, now (binary files as their bytes' length). */
export function read(app: App, path: string): string {
  const data = app.vault.adapter.readSync(path);
  return typeof data === "string" ? data : `<binary: ${data.byteLength} bytes>`;
}

/** The text of a note's front matter block, without the `---` lines (null when there is none). */
export function frontmatterOf(app: App, path: string): string | null {
  const info = getFrontMatterInfo(read(app, path));
  return info.exists ? info.frontmatter : null;
}

/** Opens a file in the main area (like clicking it) and returns its view. */
export async function openFile(app: App, path: string, options: { newLeaf?: boolean } = {}): Promise<View> {
  const file = app.vault.getFileByPath(path);
  if (!file) throw new Error(`No file at "${path}".`);
  const leaf = app.workspace.getLeaf(options.newLeaf ?? false);
  await leaf.openFile(file);
  await flush(app);
  return asFakeView(leaf.view);
}

/** The editor of the active Markdown view; throws when none is active. */
export function activeEditor(app: App): Editor {
  const view = app.workspace.activeMarkdownView();
  if (!view) throw new Error("No Markdown view is active.");
  return view.editor;
}

/** The views of every leaf showing `viewType`. */
export function viewsOfType(app: App, viewType: string): View[] {
  return app.workspace.getLeavesOfType(viewType).map((leaf) => asFakeView(leaf.view));
}

// ---- Notices, menus, ribbon, status bar -----------------------------------------------------

/** Every notice shown since the app was created, oldest first. */
export function notices(app: App): string[] {
  return app.recorder.notices.map((n) => n.message);
}

/** Every menu shown since the app was created; each item can be clicked. */
export function menus(app: App): MenuRecord[] {
  return [...app.recorder.menus];
}

export function statusBarItems(app: App): HTMLElement[] {
  return Array.from(app.statusBarEl.children).filter((el): el is HTMLElement => el.instanceOf(HTMLElement));
}

export function ribbonIcons(app: App): HTMLElement[] {
  return Array.from(app.ribbonEl.children).filter((el): el is HTMLElement => el.instanceOf(HTMLElement));
}

/** Clicks the ribbon icon whose title is `title`, and settles. */
export async function clickRibbon(app: App, title: string): Promise<void> {
  const icon = ribbonIcons(app).find((el) => el.getAttribute("aria-label") === title);
  if (!icon) throw new Error(`No ribbon icon "${title}".`);
  await click(app, icon);
}

// ---- DOM interaction --------------------------------------------------------------------------

/** Clicks an element as a user would (a bubbling click event), and settles. */
export async function click(app: App, el: Element): Promise<void> {
  el.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
  await flush(app);
}

/** Types a new value into an input, textarea or select (input and change events), and settles. */
export async function fill(app: App, el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): Promise<void> {
  el.value = value;
  el.dispatchEvent(new Event("input", { bubbles: true }));
  el.dispatchEvent(new Event("change", { bubbles: true }));
  await flush(app);
}

/** Presses a key on an element (keydown), and settles. */
export async function press(app: App, el: Element, key: string, init: KeyboardEventInit = {}): Promise<void> {
  el.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...init }));
  await flush(app);
}

/** The button (or clickable element) inside `root` whose text or aria-label is `label`. */
export function button(root: HTMLElement, label: string): HTMLElement {
  const candidates = Array.from(root.querySelectorAll<HTMLElement>("button, a, .clickable-icon, [role=button]"));
  const found = candidates.find((el) => el.textContent?.trim() === label || el.getAttribute("aria-label") === label);
  if (!found) throw new Error(`No button "${label}".`);
  return found;
}

// ---- Modals and suggesters ------------------------------------------------------------------

/** The open modals, oldest first. */
export function modals(app: App): Modal[] {
  return [...app.openModals];
}

/** The modal on top; throws when none is open. */
export function activeModal(app: App): Modal {
  const modal = app.openModals[app.openModals.length - 1];
  if (!modal) throw new Error("No modal is open.");
  return modal;
}

/**
 * The text a user reads in a rendered suggestion: the text of an element, or, when it is made of
 * several child elements (a title and a note), their texts on separate lines.
 */
export function visibleText(el: Element): string {
  const elements = Array.from(el.children);
  const looseText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").trim() !== "");
  // Highlighted matches (`renderMatches`) are marks within a line of text, not lines of their own.
  const marksOnly = elements.every((child) => child.classList.contains("suggestion-highlight"));
  if (elements.length === 0 || looseText || marksOnly) return el.textContent ?? "";
  return elements.map(visibleText).filter((t) => t !== "").join("\n");
}

export interface SuggestDriver {
  modal: SuggestModal<unknown>;
  /** Types `text` into the prompt and returns the texts of the suggestions shown (`visibleText`). */
  query(text: string): Promise<string[]>;
  /** The texts of the suggestions shown now. */
  suggestions(): string[];
  /** Chooses a suggestion (by index, by its text or first line, or the first matching), as a click. */
  choose(which: number | string | ((text: string, item: unknown) => boolean)): Promise<void>;
  /** Presses Enter: chooses the selected suggestion. */
  enter(): Promise<void>;
  /** Presses Escape: chooses nothing. */
  escape(): Promise<void>;
}

/** The suggest modal on top (SuggestModal or FuzzySuggestModal); throws when there is none. */
export function activeSuggest(app: App): SuggestDriver {
  const modal = [...app.openModals].reverse().find((m): m is SuggestModal<unknown> => m instanceof SuggestModal);
  if (!modal) throw new Error("No suggest modal is open.");
  const texts = (): string[] => modal.suggestionEls.map(visibleText);
  return {
    modal,
    async query(text) {
      await fill(app, modal.inputEl, text);
      return texts();
    },
    suggestions: texts,
    async choose(which) {
      const shown = modal.shownSuggestions;
      const labels = texts();
      const index =
        typeof which === "number"
          ? which
          : typeof which === "string"
            ? labels.findIndex((label) => label === which || label.split("\n")[0] === which)
            : labels.findIndex((label, i) => which(label, shown[i]));
      const el = modal.suggestionEls[index];
      if (index < 0 || !el) throw new Error(`No such suggestion among: ${JSON.stringify(labels)}`);
      await click(app, el);
    },
    async enter() {
      await press(app, modal.inputEl, "Enter");
    },
    async escape() {
      await press(app, modal.inputEl, "Escape");
    },
  };
}

export interface EditorSuggestDriver {
  suggest: O.EditorSuggest<unknown>;
  context: O.EditorSuggestContext;
  suggestions: unknown[];
  /** Chooses a suggestion by index, as Obsidian does on Enter. */
  choose(index: number): Promise<void>;
}

/**
 * Asks the registered editor suggests, in order, whether they trigger at the active editor's
 * cursor (as typing does); the first that does is returned with its suggestions, else null.
 */
export async function triggerEditorSuggest(app: App): Promise<EditorSuggestDriver | null> {
  const view = app.workspace.activeMarkdownView();
  if (!view?.file) return null;
  const editor = view.editor;
  for (const suggest of app.editorSuggests) {
    const info = suggest.onTrigger(editor.getCursor(), editor, view.file);
    if (!info) continue;
    const context: O.EditorSuggestContext = { ...info, editor, file: view.file };
    suggest.context = context;
    const suggestions = (await suggest.getSuggestions(context)).slice(0, suggest.limit || undefined);
    return {
      suggest,
      context,
      suggestions,
      async choose(index) {
        const value = suggestions[index];
        if (value === undefined) throw new Error(`No suggestion ${index}.`);
        suggest.selectSuggestion(value, new KeyboardEvent("keydown", { key: "Enter" }));
        await flush(app);
      },
    };
  }
  return null;
}

// ---- Settings -------------------------------------------------------------------------------

export interface SettingsDriver {
  tab: O.SettingTab;
  containerEl: HTMLElement;
  /** The names of the settings shown, in order (headings included). */
  names(): string[];
  /** The setting with this name; throws when absent. */
  setting(name: string): Setting;
  /** Changes the first value component of a setting (text, text area, dropdown, toggle, slider). */
  change(name: string, value: string | number | boolean): Promise<void>;
  /** Clicks a button of a setting: the one with this text, or the first. */
  click(name: string, buttonText?: string): Promise<void>;
}

/** Opens a plugin's settings tab (calls display()). */
export function openSettings(app: App, pluginId = DEFAULT_MANIFEST.id): SettingsDriver {
  const tab = app.setting.openTabById(pluginId);
  if (!tab) throw new Error(`No settings tab for "${pluginId}".`);
  const items = (): Setting[] =>
    Array.from(tab.containerEl.querySelectorAll<HTMLElement>(".setting-item"))
      .map((el) => settingOf(el))
      .filter((s): s is Setting => s !== null);
  const find = (name: string): Setting => {
    const found = items().find((s) => s.nameEl.textContent === name);
    if (!found) throw new Error(`No setting "${name}" among: ${JSON.stringify(items().map((s) => s.nameEl.textContent))}`);
    return found;
  };
  return {
    tab,
    containerEl: tab.containerEl,
    names: () => items().map((s) => s.nameEl.textContent ?? ""),
    setting: find,
    async change(name, value) {
      const setting = find(name);
      const toggle = setting.controlEl.querySelector<HTMLElement>(".checkbox-container");
      if (toggle && typeof value === "boolean") {
        if (toggle.classList.contains("is-enabled") !== value) await click(app, toggle);
        return;
      }
      const field = setting.controlEl.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>("input, textarea, select");
      if (!field) throw new Error(`Setting "${name}" has no field.`);
      await fill(app, field, String(value));
    },
    async click(name, buttonText) {
      const setting = find(name);
      const buttons = Array.from(setting.controlEl.querySelectorAll<HTMLElement>("button, .clickable-icon"));
      const target = buttonText === undefined ? buttons[0] : buttons.find((b) => b.textContent === buttonText || b.getAttribute("aria-label") === buttonText);
      if (!target) throw new Error(`Setting "${name}" has no button ${buttonText ?? ""}.`);
      await click(app, target);
    },
  };
}

// ---- Code blocks ----------------------------------------------------------------------------

export interface RenderedBlock {
  el: HTMLElement;
  ctx: O.MarkdownPostProcessorContext;
  children: O.MarkdownRenderChild[];
  /** Unloads the render children (what Obsidian does when the block leaves the screen). */
  unload(): Promise<void>;
}

/**
 * Renders a fenced code block of `language` with the registered processor, as reading view or
 * live preview would in the note `sourcePath`, and settles.
 */
export async function renderCodeBlock(app: App, language: string, source: string, sourcePath = ""): Promise<RenderedBlock> {
  const handler: CodeBlockHandler | undefined = app.codeBlockProcessors.get(language);
  if (!handler) throw new Error(`No code block processor for "${language}".`);
  const el = createDiv({ cls: `block-language-${language}` });
  document.body.appendChild(el);
  const children: O.MarkdownRenderChild[] = [];
  const file = app.vault.getFileByPath(sourcePath);
  const text = file ? read(app, sourcePath) : "";
  const ctx: O.MarkdownPostProcessorContext = {
    docId: `doc-${Math.random().toString(36).slice(2)}`,
    sourcePath,
    frontmatter: file ? app.metadataCache.getFileCache(file)?.frontmatter : undefined,
    addChild(child) {
      children.push(child);
      child.load();
    },
    getSectionInfo(target) {
      if (target !== el || !text) return null;
      const lines = text.split("\n");
      const fence = "```" + language;
      const lineStart = lines.findIndex((line) => line.trim() === fence);
      if (lineStart < 0) return null;
      const close = lines.findIndex((line, i) => i > lineStart && line.trim() === "```");
      return { text, lineStart, lineEnd: close < 0 ? lines.length - 1 : close };
    },
  };
  await handler(source, el, ctx);
  await flush(app);
  return {
    el,
    ctx,
    children,
    async unload() {
      for (const child of children.splice(0)) child.unload();
      el.detach();
      await flush(app);
    },
  };
}

export { MarkdownRenderChild, MarkdownView };
