// Notices, modals, suggesters, menus, scopes and the keymap. Modals live in jsdom's body while
// open; the app keeps the list of open ones. A SuggestModal renders its suggestions as
// `.suggestion-item` elements; choosing one closes the modal first and then calls
// `onChooseSuggestion`, in Obsidian's order (so `onClose` runs before the choice arrives).
import type * as O from "obsidian";
import type { App } from "./fake-app";
import { env, trackResult, type MenuRecord } from "./fake-env";
import { Component } from "./fake-events";
import { prepareFuzzySearch, renderResults, sortSearchResults } from "./fake-util";

export class Scope implements O.Scope {
  /** Fake only: the registered key handlers. */
  readonly handlers: O.KeymapEventHandler[] = [];

  constructor(readonly parent?: Scope) {}

  register(modifiers: O.Modifier[] | null, key: string | null, func: O.KeymapEventListener): O.KeymapEventHandler {
    const handler = { scope: this, modifiers: modifiers?.join(",") ?? null, key, func };
    this.handlers.push(handler);
    return handler;
  }

  unregister(handler: O.KeymapEventHandler): void {
    const index = this.handlers.indexOf(handler);
    if (index >= 0) this.handlers.splice(index, 1);
  }
}

export class Keymap implements O.Keymap {
  /** Fake only: the pushed scopes, innermost last. */
  readonly scopes: O.Scope[] = [];

  pushScope(scope: O.Scope): void {
    this.scopes.push(scope);
  }

  popScope(scope: O.Scope): void {
    const index = this.scopes.lastIndexOf(scope);
    if (index >= 0) this.scopes.splice(index, 1);
  }

  static isModifier(evt: MouseEvent | TouchEvent | KeyboardEvent, modifier: O.Modifier): boolean {
    switch (modifier) {
      case "Mod":
        return evt.ctrlKey;
      case "Ctrl":
        return evt.ctrlKey;
      case "Meta":
        return evt.metaKey;
      case "Shift":
        return evt.shiftKey;
      case "Alt":
        return evt.altKey;
    }
  }

  static isModEvent(evt?: O.UserEvent | null): O.PaneType | boolean {
    if (!evt) return false;
    if (evt instanceof MouseEvent && evt.button === 1) return "tab";
    const mod = Keymap.isModifier(evt, "Mod");
    if (mod && evt.altKey && evt.shiftKey) return "window";
    if (mod && evt.altKey) return "split";
    return mod ? "tab" : false;
  }
}

/** Records every message in the current test app; `notices(app)` in the harness reads them. */
export class Notice implements O.Notice {
  noticeEl: HTMLElement;
  containerEl: HTMLElement;
  messageEl: HTMLElement;
  private readonly record: { message: string; duration: number | undefined; hidden: boolean };

  constructor(message: string | DocumentFragment, duration?: number) {
    this.containerEl = createDiv("notice-container");
    this.noticeEl = this.containerEl.createDiv("notice");
    this.messageEl = this.noticeEl.createDiv("notice-message");
    this.record = { message: "", duration, hidden: false };
    env.recorder.notices.push(this.record);
    this.setMessage(message);
  }

  setMessage(message: string | DocumentFragment): this {
    this.messageEl.setText(typeof message === "string" ? message : message.cloneNode(true) as DocumentFragment);
    this.record.message = this.messageEl.textContent ?? "";
    return this;
  }

  hide(): void {
    this.record.hidden = true;
    this.containerEl.detach();
  }
}

export class Modal implements O.Modal {
  app: App;
  scope: Scope;
  containerEl: HTMLElement;
  modalEl: HTMLElement;
  titleEl: HTMLElement;
  contentEl: HTMLElement;
  shouldRestoreSelection = false;
  /** Fake only: the close button (×). */
  readonly closeButtonEl: HTMLElement;
  private opened = false;

  constructor(app: App) {
    this.app = app;
    this.scope = new Scope();
    this.containerEl = createDiv("modal-container");
    this.containerEl.createDiv("modal-bg").addEventListener("click", () => this.close());
    this.modalEl = this.containerEl.createDiv("modal");
    this.closeButtonEl = this.modalEl.createDiv("modal-close-button");
    this.closeButtonEl.addEventListener("click", () => this.close());
    this.titleEl = this.modalEl.createDiv("modal-header").createDiv("modal-title");
    this.contentEl = this.modalEl.createDiv("modal-content");
    this.containerEl.addEventListener("keydown", (evt) => {
      if (evt.key === "Escape") this.close();
    });
  }

  /** Fake only: whether the modal is showing. */
  get isOpen(): boolean {
    return this.opened;
  }

  open(): void {
    if (this.opened) return;
    this.opened = true;
    document.body.appendChild(this.containerEl);
    this.app.openModals.push(this);
    this.app.keymap.pushScope(this.scope);
    trackResult(this.onOpen());
  }

  close(): void {
    if (!this.opened) return;
    this.opened = false;
    this.containerEl.detach();
    this.app.openModals.splice(this.app.openModals.indexOf(this), 1);
    this.app.keymap.popScope(this.scope);
    trackResult(this.onClose());
  }

  onOpen(): void {}

  onClose(): void {}

  setTitle(title: string): this {
    this.titleEl.setText(title);
    return this;
  }

  setContent(content: string | DocumentFragment): this {
    this.contentEl.setText(content);
    return this;
  }
}

export abstract class SuggestModal<T> extends Modal implements O.SuggestModal<T> {
  limit = 50;
  emptyStateText = "No results found.";
  inputEl: HTMLInputElement;
  resultContainerEl: HTMLElement;
  private readonly instructionsEl: HTMLElement;
  private suggestions: T[] = [];
  private selected = 0;

  constructor(app: App) {
    super(app);
    this.modalEl.addClass("prompt");
    this.modalEl.empty();
    const inputContainer = this.modalEl.createDiv("prompt-input-container");
    this.inputEl = inputContainer.createEl("input", { cls: "prompt-input", type: "text" });
    this.resultContainerEl = this.modalEl.createDiv("prompt-results");
    this.instructionsEl = this.modalEl.createDiv("prompt-instructions");
    this.inputEl.addEventListener("input", () => this.refresh());
    this.inputEl.addEventListener("keydown", (evt) => {
      if (evt.key === "Enter") {
        evt.preventDefault();
        this.selectActiveSuggestion(evt);
      } else if (evt.key === "ArrowDown" || evt.key === "ArrowUp") {
        evt.preventDefault();
        const count = this.suggestions.length;
        if (count > 0) this.setSelected((this.selected + (evt.key === "ArrowDown" ? 1 : count - 1)) % count);
      }
    });
  }

  override open(): void {
    const wasOpen = this.isOpen;
    super.open();
    if (wasOpen) return;
    this.inputEl.focus();
    this.refresh();
  }

  setPlaceholder(placeholder: string): void {
    this.inputEl.placeholder = placeholder;
  }

  setInstructions(instructions: O.Instruction[]): void {
    this.instructionsEl.empty();
    for (const { command, purpose } of instructions) {
      const el = this.instructionsEl.createDiv("prompt-instruction");
      el.createSpan({ cls: "prompt-instruction-command", text: command });
      el.createSpan({ text: purpose });
    }
  }

  onNoSuggestion(): void {
    this.resultContainerEl.empty();
    this.resultContainerEl.createDiv({ cls: "suggestion-empty", text: this.emptyStateText });
  }

  selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
    this.close();
    trackResult(this.onChooseSuggestion(value, evt));
  }

  selectActiveSuggestion(evt: MouseEvent | KeyboardEvent): void {
    const value = this.suggestions[this.selected];
    if (value !== undefined) this.selectSuggestion(value, evt);
  }

  abstract getSuggestions(query: string): T[] | Promise<T[]>;
  abstract renderSuggestion(value: T, el: HTMLElement): void;
  abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): void;

  /** Fake only: the suggestions shown now, in order. */
  get shownSuggestions(): T[] {
    return [...this.suggestions];
  }

  /** Fake only: the element showing each suggestion. */
  get suggestionEls(): HTMLElement[] {
    return Array.from(this.resultContainerEl.querySelectorAll<HTMLElement>(".suggestion-item"));
  }

  /** Fake only: recomputes the suggestions for the input's current text (what typing does). */
  async updateSuggestions(): Promise<void> {
    const query = this.inputEl.value;
    const result = await this.getSuggestions(query);
    if (this.inputEl.value !== query) return;
    this.suggestions = result.slice(0, this.limit > 0 ? this.limit : undefined);
    this.resultContainerEl.empty();
    if (this.suggestions.length === 0) {
      this.onNoSuggestion();
      return;
    }
    this.suggestions.forEach((value, index) => {
      const el = this.resultContainerEl.createDiv("suggestion-item");
      this.renderSuggestion(value, el);
      el.addEventListener("click", (evt) => this.selectSuggestion(value, evt));
      el.addEventListener("mousemove", () => this.setSelected(index));
    });
    this.setSelected(0);
  }

  private refresh(): void {
    trackResult(this.updateSuggestions());
  }

  private setSelected(index: number): void {
    this.selected = index;
    this.suggestionEls.forEach((el, i) => el.toggleClass("is-selected", i === index));
  }
}

export abstract class FuzzySuggestModal<T> extends SuggestModal<O.FuzzyMatch<T>> implements O.FuzzySuggestModal<T> {
  getSuggestions(query: string): O.FuzzyMatch<T>[] {
    const search = prepareFuzzySearch(query);
    const results: O.FuzzyMatch<T>[] = [];
    for (const item of this.getItems()) {
      const match = search(this.getItemText(item));
      if (match) results.push({ item, match });
    }
    sortSearchResults(results);
    return results;
  }

  renderSuggestion(item: O.FuzzyMatch<T>, el: HTMLElement): void {
    renderResults(el, this.getItemText(item.item), item.match);
  }

  onChooseSuggestion(item: O.FuzzyMatch<T>, evt: MouseEvent | KeyboardEvent): void {
    trackResult(this.onChooseItem(item.item, evt));
  }

  abstract getItems(): T[];
  abstract getItemText(item: T): string;
  abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): void;
}

export abstract class PopoverSuggest<T> implements O.PopoverSuggest<T> {
  app: App;
  scope: Scope;
  /** Fake only: whether the popover is showing. */
  isOpen = false;

  constructor(app: App, scope?: Scope) {
    this.app = app;
    this.scope = scope ?? new Scope();
  }

  open(): void {
    this.isOpen = true;
  }

  close(): void {
    this.isOpen = false;
  }

  abstract renderSuggestion(value: T, el: HTMLElement): void;
  abstract selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void;
}

export abstract class EditorSuggest<T> extends PopoverSuggest<T> implements O.EditorSuggest<T> {
  context: O.EditorSuggestContext | null = null;
  limit = 100;
  /** Fake only: the instructions set. */
  instructions: O.Instruction[] = [];

  setInstructions(instructions: O.Instruction[]): void {
    this.instructions = instructions;
  }

  abstract onTrigger(cursor: O.EditorPosition, editor: O.Editor, file: O.TFile | null): O.EditorSuggestTriggerInfo | null;
  abstract getSuggestions(context: O.EditorSuggestContext): T[] | Promise<T[]>;
}

export abstract class AbstractInputSuggest<T> extends PopoverSuggest<T> implements Pick<O.AbstractInputSuggest<T>, Exclude<keyof O.AbstractInputSuggest<T>, "onSelect">> {
  limit = 100;
  private selectCallback: ((value: T, evt: MouseEvent | KeyboardEvent) => unknown) | null = null;

  constructor(
    app: App,
    private readonly textInputEl: HTMLInputElement | HTMLDivElement,
  ) {
    super(app);
  }

  setValue(value: string): void {
    if (this.textInputEl instanceof HTMLInputElement) this.textInputEl.value = value;
    else this.textInputEl.textContent = value;
  }

  getValue(): string {
    return this.textInputEl instanceof HTMLInputElement ? this.textInputEl.value : (this.textInputEl.textContent ?? "");
  }

  protected abstract getSuggestions(query: string): T[] | Promise<T[]>;

  /** Fake only: the suggestions for the input's current text. */
  async currentSuggestions(): Promise<T[]> {
    const all = await this.getSuggestions(this.getValue());
    return all.slice(0, this.limit > 0 ? this.limit : undefined);
  }

  selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
    trackResult(this.selectCallback?.(value, evt));
  }

  onSelect(callback: (value: T, evt: MouseEvent | KeyboardEvent) => unknown): this {
    this.selectCallback = callback;
    return this;
  }
}

export class MenuItem implements O.MenuItem {
  /** Fake only: what was set. */
  title = "";
  icon: string | null = null;
  checked: boolean | null = null;
  disabled = false;
  isLabel = false;
  section = "";
  callback: ((evt: MouseEvent | KeyboardEvent) => unknown) | null = null;

  setTitle(title: string | DocumentFragment): this {
    this.title = typeof title === "string" ? title : (title.textContent ?? "");
    return this;
  }

  setIcon(icon: string | null): this {
    this.icon = icon;
    return this;
  }

  setChecked(checked: boolean | null): this {
    this.checked = checked;
    return this;
  }

  setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    return this;
  }

  setIsLabel(isLabel: boolean): this {
    this.isLabel = isLabel;
    return this;
  }

  onClick(callback: (evt: MouseEvent | KeyboardEvent) => unknown): this {
    this.callback = callback;
    return this;
  }

  setSection(section: string): this {
    this.section = section;
    return this;
  }
}

export class MenuSeparator implements O.MenuSeparator {}

/** A shown menu is recorded (`menus()` in the harness) with its items, which a test can click. */
export class Menu extends Component implements O.Menu {
  /** Fake only: the items, in order. */
  readonly items: Array<MenuItem | MenuSeparator> = [];
  private readonly hideCallbacks: Array<() => unknown> = [];
  private record: MenuRecord | null = null;

  setNoIcon(): this {
    return this;
  }

  setUseNativeMenu(_useNativeMenu: boolean): this {
    return this;
  }

  addItem(cb: (item: MenuItem) => unknown): this {
    const item = new MenuItem();
    cb(item);
    this.items.push(item);
    return this;
  }

  addSeparator(): this {
    this.items.push(new MenuSeparator());
    return this;
  }

  showAtMouseEvent(_evt: MouseEvent): this {
    return this.show();
  }

  showAtPosition(_position: O.MenuPositionDef, _doc?: Document): this {
    return this.show();
  }

  hide(): this {
    if (this.record && !this.record.hidden) {
      this.record.hidden = true;
      for (const cb of this.hideCallbacks) trackResult(cb());
      this.unload();
    }
    return this;
  }

  close(): void {
    this.hide();
  }

  onHide(callback: () => unknown): void {
    this.hideCallbacks.push(callback);
  }

  private show(): this {
    this.load();
    const items = this.items.filter((i): i is MenuItem => i instanceof MenuItem);
    this.record = {
      hidden: false,
      items: items.map((item) => ({
        title: item.title,
        disabled: item.disabled,
        checked: item.checked,
        click: () => {
          if (item.disabled) return;
          this.hide();
          trackResult(item.callback?.(new MouseEvent("click")));
        },
      })),
    };
    env.recorder.menus.push(this.record);
    return this;
  }
}

/** Obsidian's HoverPopover, reduced to an element. */
export class HoverPopover extends Component {
  hoverEl: HTMLElement = createDiv("popover hover-popover");
  state = 0;
}
