// The command palette (Ctrl/Cmd+P): a fuzzy list of the commands that are available now, as
// Obsidian's palette shows them ("One-on-Ones: Start 1:1…"); Enter or a click runs one. And the
// settings window, which shows the plugin's settings tab.
import type * as O from "obsidian";
import type { App } from "../tests/fakes/fake-app";
import { trackResult } from "../tests/fakes/fake-env";
import { FuzzySuggestModal, Modal } from "../tests/fakes/fake-ui";

export class CommandPalette extends FuzzySuggestModal<O.Command> {
  private commands: O.Command[] = [];

  constructor(app: App) {
    super(app);
    this.modalEl.addClass("mod-command-palette");
    this.setPlaceholder("Select a command…");
    this.emptyStateText = "No matching commands.";
    this.setInstructions([
      { command: "↑↓", purpose: "to navigate" },
      { command: "↵", purpose: "to use" },
      { command: "esc", purpose: "to dismiss" },
    ]);
  }

  override open(): void {
    const registry = this.app.commands;
    this.commands = registry
      .listCommands()
      .filter((command) => registry.isAvailable(command.id))
      .sort((a, b) => a.name.localeCompare(b.name));
    super.open();
  }

  getItems(): O.Command[] {
    return this.commands;
  }

  getItemText(command: O.Command): string {
    return command.name;
  }

  onChooseItem(command: O.Command): void {
    const outcome = this.app.commands.execute(command.id);
    trackResult(outcome.result);
  }
}

/** The settings window, showing one plugin's settings tab. */
export class SettingsWindow extends Modal {
  constructor(
    app: App,
    private readonly pluginId: string,
    private readonly title: string,
  ) {
    super(app);
    this.modalEl.addClass("mod-settings");
  }

  override onOpen(): void {
    this.setTitle(this.title);
    const tab = this.app.setting.openTabById(this.pluginId);
    if (!tab) {
      this.contentEl.setText("This plugin has no settings.");
      return;
    }
    tab.containerEl.addClass("vertical-tab-content");
    this.contentEl.appendChild(tab.containerEl);
  }

  override onClose(): void {
    this.app.setting.close();
    this.contentEl.empty();
  }
}
