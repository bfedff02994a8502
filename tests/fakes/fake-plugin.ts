// Plugin: every `add*` and `register*` records into the App and is undone on unload. Commands get
// Obsidian's ids and names (`<plugin id>:<id>`, `<plugin name>: <name>`). loadData/saveData go
// through `<configDir>/plugins/<id>/data.json` on the in-memory disk, as JSON.
import type * as O from "obsidian";
import type { App, CodeBlockHandler } from "./fake-app";
import { trackResult } from "./fake-env";
import { Component } from "./fake-events";
import { setIcon } from "./fake-dom";
import { EmptyView } from "./fake-views";

type PluginKeys = Exclude<keyof O.Plugin, keyof O.Component | "app">;

export abstract class Plugin extends Component implements Pick<O.Plugin, PluginKeys> {
  app: App;
  manifest: O.PluginManifest;

  constructor(app: App, manifest: O.PluginManifest) {
    super();
    this.app = app;
    this.manifest = manifest;
  }

  /** Plugins may make it async: the fake tracks the promise it returns. */
  override onload(): void {}

  /** Fake only: where data.json lives. */
  get dataPath(): string {
    return `${this.manifest.dir ?? `${this.app.vault.configDir}/plugins/${this.manifest.id}`}/data.json`;
  }

  addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const el = this.app.ribbonEl.createDiv({ cls: ["side-dock-ribbon-action", "clickable-icon"], attr: { "aria-label": title } });
    setIcon(el, icon);
    el.addEventListener("click", (evt) => trackResult(callback(evt)));
    this.register(() => el.detach());
    return el;
  }

  addStatusBarItem(): HTMLElement {
    const el = this.app.statusBarEl.createDiv(["status-bar-item", `plugin-${this.manifest.id}`].join(" "));
    this.register(() => el.detach());
    return el;
  }

  addCommand(command: O.Command): O.Command {
    command.id = `${this.manifest.id}:${command.id}`;
    command.name = `${this.manifest.name}: ${command.name}`;
    this.app.commands.addCommand(command);
    this.register(() => this.app.commands.removeCommand(command.id));
    return command;
  }

  removeCommand(commandId: string): void {
    this.app.commands.removeCommand(`${this.manifest.id}:${commandId}`);
  }

  addSettingTab(settingTab: O.PluginSettingTab): void {
    this.app.setting.addSettingTab(this.manifest.id, settingTab);
    this.register(() => this.app.setting.removeSettingTab(settingTab));
  }

  registerView(type: string, viewCreator: O.ViewCreator): void {
    const workspace = this.app.workspace;
    if (workspace.viewCreators.has(type)) throw new Error(`Attempting to register an existing view type "${type}"`);
    workspace.viewCreators.set(type, viewCreator);
    this.register(() => {
      workspace.viewCreators.delete(type);
      for (const leaf of workspace.getLeavesOfType(type)) trackResult(leaf.replaceView(new EmptyView(leaf)));
    });
  }

  registerHoverLinkSource(id: string, info: O.HoverLinkSource): void {
    this.app.hoverLinkSources.set(id, info);
    this.register(() => this.app.hoverLinkSources.delete(id));
  }

  registerExtensions(extensions: string[], viewType: string): void {
    for (const extension of extensions) this.app.workspace.extensionViews.set(extension, viewType);
    this.register(() => {
      for (const extension of extensions) this.app.workspace.extensionViews.delete(extension);
    });
  }

  registerMarkdownPostProcessor(postProcessor: O.MarkdownPostProcessor, sortOrder?: number): O.MarkdownPostProcessor {
    if (sortOrder !== undefined) postProcessor.sortOrder = sortOrder;
    this.app.postProcessors.push(postProcessor);
    this.register(() => {
      const index = this.app.postProcessors.indexOf(postProcessor);
      if (index >= 0) this.app.postProcessors.splice(index, 1);
    });
    return postProcessor;
  }

  registerMarkdownCodeBlockProcessor(language: string, handler: CodeBlockHandler, sortOrder?: number): O.MarkdownPostProcessor {
    if (this.app.codeBlockProcessors.has(language)) throw new Error(`A code block processor for "${language}" exists already.`);
    this.app.codeBlockProcessors.set(language, handler);
    const processor: O.MarkdownPostProcessor = () => undefined;
    if (sortOrder !== undefined) processor.sortOrder = sortOrder;
    this.register(() => this.app.codeBlockProcessors.delete(language));
    return processor;
  }

  registerEditorExtension(extension: unknown): void {
    this.app.editorExtensions.push(extension);
    this.register(() => {
      const index = this.app.editorExtensions.indexOf(extension);
      if (index >= 0) this.app.editorExtensions.splice(index, 1);
    });
  }

  registerObsidianProtocolHandler(action: string, handler: O.ObsidianProtocolHandler): void {
    this.app.protocolHandlers.set(action, handler);
    this.register(() => this.app.protocolHandlers.delete(action));
  }

  registerEditorSuggest(editorSuggest: O.EditorSuggest<unknown>): void {
    this.app.editorSuggests.push(editorSuggest);
    this.register(() => {
      const index = this.app.editorSuggests.indexOf(editorSuggest);
      if (index >= 0) this.app.editorSuggests.splice(index, 1);
    });
  }

  async loadData(): Promise<unknown> {
    if (!(await this.app.vault.adapter.exists(this.dataPath, true))) return null;
    return JSON.parse(await this.app.vault.adapter.read(this.dataPath)) as unknown;
  }

  async saveData(data: unknown): Promise<void> {
    await this.app.vault.adapter.write(this.dataPath, JSON.stringify(data, null, 2));
  }

  onUserEnable(): void {}
}
