// The preview page: the fake Obsidian App of tests/fakes, running in a browser with the notes of
// a vault folder, and the real plugin bundle (main.js) loaded into it as Obsidian loads it.
//
// Query parameters: `today=YYYY-MM-DD` fixes the date, `theme=light|dark` picks the theme,
// `file=PATH` opens that note first.
import { fixedToday } from "./clock";
import * as codemirrorState from "@codemirror/state";
import * as codemirrorView from "@codemirror/view";
import type * as O from "obsidian";
import * as fakeObsidian from "../tests/fakes/obsidian";
import { App } from "../tests/fakes/fake-app";
import { asObsidianView } from "../tests/fakes/fake-views";
import type { WorkspaceLeaf } from "../tests/fakes/fake-workspace";
import { PreviewMarkdownView } from "./editor-view";
import { Layout } from "./layout";
import { resolveLinksFromMaps } from "./links";
import { PreviewNotice } from "./notices";
import { CommandPalette, SettingsWindow } from "./palette";
import { call, DiskWriter, loadVault } from "./vault-sync";

type Theme = "light" | "dark";
const THEME_KEY = "one-on-ones-preview-theme";

interface PluginModule {
  exports: Record<string, unknown>;
}

type PluginClass = new (app: O.App, manifest: O.PluginManifest) => O.Plugin;

interface PreviewApi {
  app: App;
  plugin: O.Plugin;
  today: string | null;
  /** Resolves when the page is quiet and every change is written to disk. */
  saved(): Promise<void>;
  setTheme(theme: Theme): void;
}

declare global {
  interface Window {
    previewPlugin?: { module: PluginModule; require: (id: string) => unknown };
    preview?: PreviewApi;
  }
}

const params = new URLSearchParams(window.location.search);

function initialTheme(): Theme {
  const asked = params.get("theme");
  if (asked === "light" || asked === "dark") return asked;
  const saved = window.localStorage.getItem(THEME_KEY);
  if (saved === "light" || saved === "dark") return saved;
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

function setTheme(theme: Theme, remember = false): void {
  document.body.toggleClass("theme-light", theme === "light");
  document.body.toggleClass("theme-dark", theme === "dark");
  if (remember) window.localStorage.setItem(THEME_KEY, theme);
}

function currentTheme(): Theme {
  return document.body.hasClass("theme-dark") ? "dark" : "light";
}

/** Loads main.js as a classic script; the server wraps it so that it sees `module` and `require`. */
async function loadPluginClass(): Promise<PluginClass> {
  const provided: Record<string, unknown> = {
    obsidian: { ...fakeObsidian, Notice: PreviewNotice },
    "@codemirror/state": codemirrorState,
    "@codemirror/view": codemirrorView,
  };
  const module: PluginModule = { exports: {} };
  window.previewPlugin = {
    module,
    require: (id) => {
      if (!(id in provided)) throw new Error(`The preview cannot give the plugin the module "${id}".`);
      return provided[id];
    },
  };
  await new Promise<void>((resolve, reject) => {
    const script = createEl("script", { attr: { src: "/plugin.js" } });
    script.addEventListener("load", () => resolve());
    script.addEventListener("error", () => reject(new Error("The plugin (/plugin.js) could not be loaded.")));
    document.head.appendChild(script);
  });
  const exported = module.exports.default ?? module.exports;
  if (typeof exported !== "function") throw new Error("main.js does not export a plugin class.");
  return exported as PluginClass;
}

/** The Markdown view that editor commands act on: the active one, or the last one in the main area. */
function markdownViewOf(app: App): PreviewMarkdownView | null {
  const view = app.workspace.activeMarkdownView() ?? app.workspace.activeEditor;
  return view instanceof PreviewMarkdownView ? view : null;
}

function registerPreviewCommands(app: App, layout: Layout, openSettings: () => void): void {
  app.commands.addCommand({
    id: "theme:toggle-light-dark",
    name: "Toggle light and dark theme",
    callback: () => setTheme(currentTheme() === "dark" ? "light" : "dark", true),
  });
  app.commands.addCommand({
    id: "markdown:toggle-preview",
    name: "Toggle reading view",
    checkCallback: (checking) => {
      const view = markdownViewOf(app);
      if (!view) return false;
      if (!checking) view.toggleMode();
      return true;
    },
  });
  app.commands.addCommand({ id: "app:open-settings", name: "Open settings", callback: openSettings });
  app.commands.addCommand({ id: "app:toggle-left-sidebar", name: "Toggle left sidebar", callback: () => layout.toggleLeft() });
  app.commands.addCommand({ id: "app:toggle-right-sidebar", name: "Toggle right sidebar", callback: () => layout.toggleRight() });
}

function listenForKeys(app: App): void {
  document.addEventListener(
    "keydown",
    (event) => {
      const mod = event.ctrlKey || event.metaKey;
      if (!mod || event.altKey || event.shiftKey) return;
      const key = event.key.toLowerCase();
      if (key === "p") {
        event.preventDefault();
        if (app.openModals.length === 0) new CommandPalette(app).open();
      } else if (key === "e") {
        const view = markdownViewOf(app);
        if (view) {
          event.preventDefault();
          view.toggleMode();
        }
      }
    },
    true,
  );
}

async function openFirstNote(app: App): Promise<void> {
  const asked = params.get("file");
  const file =
    (asked !== null ? app.vault.getFileByPath(asked) : null) ??
    app.vault.getFileByPath("Welcome.md") ??
    app.vault.getMarkdownFiles().sort((a, b) => a.path.localeCompare(b.path))[0] ??
    null;
  if (file) await app.workspace.getLeaf(false).openFile(file);
}

async function boot(): Promise<void> {
  setTheme(initialTheme());
  document.body.addClass("mod-linux", "is-focused", "preview");
  const app = new App();
  resolveLinksFromMaps(app);
  const vaultName = await loadVault(app);
  document.title = `${vaultName} — One-on-Ones preview`;
  const writer = new DiskWriter();
  writer.attach(app);
  writer.onFailure((error) => {
    console.error("The preview could not write to the vault folder:", error);
    new PreviewNotice(`Could not save a change to disk: ${error instanceof Error ? error.message : String(error)}`, 0);
  });
  window.addEventListener("beforeunload", (event) => {
    if (writer.pending > 0) event.preventDefault();
  });
  app.workspace.viewCreators.set("markdown", (leaf) => asObsidianView(new PreviewMarkdownView(leaf as unknown as WorkspaceLeaf)));

  const layout = new Layout(app);
  layout.fileTree.setTitle(vaultName);
  const manifest = (await (await call("GET", "/manifest.json", {})).json()) as O.PluginManifest;
  const openSettings = (): void => new SettingsWindow(app, manifest.id, `${manifest.name} settings`).open();
  layout.addRibbonActions(
    [
      { icon: "panel-left", title: "Toggle left sidebar", run: () => layout.toggleLeft() },
      { icon: "terminal", title: "Open command palette (Ctrl+P)", run: () => new CommandPalette(app).open() },
    ],
    [
      { icon: "contrast", title: "Toggle light and dark theme", run: () => setTheme(currentTheme() === "dark" ? "light" : "dark", true) },
      { icon: "settings", title: "Settings", run: openSettings },
    ],
  );
  registerPreviewCommands(app, layout, openSettings);
  listenForKeys(app);

  manifest.dir = `${app.vault.configDir}/plugins/${manifest.id}`;
  const Plugin = await loadPluginClass();
  const plugin = new Plugin(app, manifest);
  app.plugins.enabledPlugins.add(manifest.id);
  app.plugins.plugins[manifest.id] = plugin;
  app.plugins.manifests[manifest.id] = manifest;
  plugin.load();
  await app.settle();
  app.workspace.setLayoutReady();
  app.metadataCache.finishInitialResolve();
  await app.settle();
  await openFirstNote(app);
  layout.render();
  layout.fileTree.refresh();

  window.preview = {
    app,
    plugin,
    today: fixedToday,
    saved: async () => {
      await app.settle();
      await writer.idle();
    },
    setTheme: (theme) => setTheme(theme),
  };
  document.body.dataset.preview = "ready";
}

boot().catch((error: unknown) => {
  console.error("The preview could not start:", error);
  const box = document.body.createDiv("preview-fatal");
  box.createEl("h1", { text: "The preview could not start" });
  box.createEl("pre", { text: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  document.body.dataset.preview = "failed";
});
